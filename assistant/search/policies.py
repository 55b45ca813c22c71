"""The shop's own knowledge: versioned policy documents (delivery, returns, privacy, linking,
authenticity, reviews, payments, what we sell), split into sections, searched like reviews
and quoted with a citation to the section.

Documents live in the package (`data/policies/*.md`): a front matter with `title` and
`version`, then `## ` sections. A section's id is `<document>.<section slug>`, e.g.
`returns.final-sale`; answers cite it and `/cite/<id>` shows it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings
from pydantic import BaseModel

from assistant.search.lexical import LexicalIndex, tokenize

POLICY_FOLDER = "policies"
QUOTED_SENTENCES = 2
SAME_DOCUMENT = 0.8  # a second section of the same document is quoted at this share of the best
OTHER_DOCUMENT = 0.93  # a section of another document only when this close to the best
_FRONT_MATTER = re.compile(r"^---\n(?P<meta>.*?)\n---\n", re.S)


class PolicySection(BaseModel):
    """One section of a policy document."""

    id: str
    document: str
    title: str
    heading: str
    text: str
    version: str

    @property
    def indexed_text(self) -> str:
        """What the search embeds: where the section sits, then what it says."""
        return f"{self.title}: {self.heading}. {self.text}"


class PolicyQuote(BaseModel):
    """The sentences of one section that answer a question."""

    section: PolicySection
    sentences: list[str]
    score: float


class PolicyAnswer(BaseModel):
    """What the shop's policies say about a question (empty when nothing fits)."""

    question: str
    quotes: list[PolicyQuote]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def parse_document(name: str, source: str) -> list[PolicySection]:
    """A markdown policy document as its sections."""
    meta: dict[str, Any] = {}
    if match := _FRONT_MATTER.match(source):
        for line in match.group("meta").splitlines():
            key, _, value = line.partition(":")
            meta[key.strip()] = value.strip()
        source = source[match.end() :]
    title = meta.get("title") or name
    sections = []
    for block in re.split(r"^## ", source, flags=re.M)[1:]:
        heading, _, body = block.partition("\n")
        text = " ".join(body.split())
        if text:
            sections.append(
                PolicySection(
                    id=f"{name}.{_slug(heading)}",
                    document=name,
                    title=title,
                    heading=heading.strip(),
                    text=text,
                    version=str(meta.get("version", "")),
                )
            )
    return sections


@lru_cache(maxsize=1)
def load_policies() -> tuple[PolicySection, ...]:
    """Every section of the packaged policy documents."""
    folder = resources.files("assistant").joinpath("data", POLICY_FOLDER)
    sections: list[PolicySection] = []
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".md"):
            sections += parse_document(entry.name.removesuffix(".md"), entry.read_text("utf-8"))
    return tuple(sections)


def _sentences(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"(?<=[.!?])\s+", text) if part.strip()]


class PolicySearch:
    """Hybrid ranking of policy sections for a question, and the sentences to quote."""

    def __init__(self, embedder: Embeddings, collection: Any | None = None) -> None:
        self.embedder = embedder
        self.collection = collection
        self.sections = {section.id: section for section in load_policies()}
        self._ids = list(self.sections)
        self._lexical = LexicalIndex([s.indexed_text for s in self.sections.values()])
        self._vectors: np.ndarray | None = None  # only without a collection, built on first use

    def by_id(self, section_id: str) -> PolicySection | None:
        """One section, for citation pages."""
        return self.sections.get(section_id)

    def _dense(self, vector: list[float]) -> dict[str, float]:
        if self.collection is not None:
            result = self.collection.query(
                query_embeddings=[vector], n_results=len(self._ids), include=["distances"]
            )
            return {
                sid: 1.0 - distance
                for sid, distance in zip(result["ids"][0], result["distances"][0], strict=True)
            }
        if self._vectors is None:
            texts = [self.sections[sid].indexed_text for sid in self._ids]
            self._vectors = np.asarray(self.embedder.embed_documents(texts), dtype=np.float32)
        return dict(zip(self._ids, (self._vectors @ np.asarray(vector)).tolist(), strict=True))

    def rank(self, question: str, vector: list[float] | None = None) -> list[tuple[str, float]]:
        """Sections by relevance: cosine similarity, nudged by keyword overlap."""
        vector = vector or self.embedder.embed_query(question)
        dense = self._dense(vector)
        lexical = self._lexical.scores(question)
        top = float(lexical.max()) if len(lexical) and lexical.max() > 0 else 1.0
        scores = {
            sid: dense.get(sid, 0.0) + 0.15 * float(lexical[position]) / top
            for position, sid in enumerate(self._ids)
        }
        return sorted(scores.items(), key=lambda item: -item[1])

    def answer(self, question: str, vector: list[float] | None = None) -> PolicyAnswer:
        """The best section (and a close second), each with its most relevant sentences."""
        ranked = self.rank(question, vector)
        if not ranked:
            return PolicyAnswer(question=question, quotes=[])
        best_id, best = ranked[0]
        document = self.sections[best_id].document
        chosen = [ranked[0]] + [
            (sid, score)
            for sid, score in ranked[1:2]
            if best > 0
            and score
            >= (SAME_DOCUMENT if self.sections[sid].document == document else OTHER_DOCUMENT) * best
        ]
        words = set(tokenize(question))
        quotes = []
        for sid, score in chosen:
            section = self.sections[sid]
            sentences = _sentences(section.text)
            ordered = sorted(
                range(len(sentences)),
                key=lambda i: (-len(words & set(tokenize(sentences[i]))), i),
            )
            keep = sorted(ordered[:QUOTED_SENTENCES])
            quotes.append(
                PolicyQuote(section=section, sentences=[sentences[i] for i in keep], score=score)
            )
        return PolicyAnswer(question=question, quotes=quotes)
