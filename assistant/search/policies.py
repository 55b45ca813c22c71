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

from assistant.search.lexical import LexicalIndex

POLICY_FOLDER = "policies"
QUOTED_SENTENCES = 3
LEXICAL_WEIGHT = 0.15  # keyword overlap's share beside cosine similarity
SAME_DOCUMENT = 0.8  # a second section of the same document is quoted at this share of the best
OTHER_DOCUMENT = 0.93  # a section of another document only when this close to the best
# a follow-up of this many words that scores this well, this far ahead of the runner-up, names
# its own topic (set on a few dev follow-ups: «and can i track it once it ships» scores 0.74,
# 0.25 ahead; elliptical ones such as «and is it free?» are short or score under 0.7)
ALONE_WORDS = 5
ALONE_SCORE = 0.72
ALONE_MARGIN = 0.2
_FRONT_MATTER = re.compile(r"^---\n(?P<meta>.*?)\n---\n", re.S)
# «<!-- asked: will my followers see what I bought? | … -->»: questions a section answers
_ASKED = re.compile(r"<!--\s*asked:(.*?)-->", re.S)


class PolicySection(BaseModel):
    """One section of a policy document."""

    id: str
    document: str
    title: str
    heading: str
    text: str
    version: str
    asked: list[str] = []  # questions shoppers ask that it answers: ranked on, never quoted

    @property
    def indexed_text(self) -> str:
        """What the search embeds: where the section sits, then what it says."""
        return f"{self.title}: {self.heading}. {self.text}"

    def ranked_texts(self) -> list[tuple[str, str]]:
        """What a question is matched against, by id: the section (`<id>`), each sentence
        (`<id>#<n>`) and each question it answers (`<id>#q<n>`)."""
        texts = [(self.id, self.indexed_text)]
        texts += [(f"{self.id}#{n}", text) for n, text in enumerate(self.sentences(), start=1)]
        texts += [(f"{self.id}#q{n}", text) for n, text in enumerate(self.asked, start=1)]
        return texts

    def sentences(self) -> list[str]:
        """The section's sentences, in order."""
        return [part.strip() for part in re.split(r"(?<=[.!?])\s+", self.text) if part.strip()]


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
        asked = [q.strip() for found in _ASKED.findall(body) for q in found.split("|") if q.strip()]
        text = " ".join(_ASKED.sub(" ", body).split())
        if text:
            sections.append(
                PolicySection(
                    id=f"{name}.{_slug(heading)}",
                    document=name,
                    title=title,
                    heading=heading.strip(),
                    text=text,
                    version=str(meta.get("version", "")),
                    asked=asked,
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


# Shoppers' words for what the policies call otherwise, for the keyword half of the ranking
_POLICY_WORDS = (
    (re.compile(r"\b(knock[- ]?offs?|replicas?|dupes?|bootlegs?)\b", re.I), "counterfeit"),
    # «so its safe in my cart?»: whether the cart holds the stock
    (
        re.compile(r"\b(safe|held|kept|secure)\b(?=.{0,12}\bin (my|the) (cart|basket)\b)", re.I),
        "held reserved for later",
    ),
    # «what do you keep about me?»: what the shop stores
    (re.compile(r"\b(?:keep|hold|have|retain)\b(?=.{0,20}\babout me\b)", re.I), "store"),
)


def in_policy_words(question: str) -> str:
    """The question with shoppers' words replaced by the policies' own ("knockoff")."""
    for pattern, word in _POLICY_WORDS:
        question = pattern.sub(word, question)
    return question


class PolicySearch:
    """Hybrid ranking of policy sections for a question, and the sentences to quote."""

    def __init__(self, embedder: Embeddings, collection: Any | None = None) -> None:
        self.embedder = embedder
        self.collection = collection
        self.sections = {section.id: section for section in load_policies()}
        # Sections, each of their sentences and the questions they answer, ranked alike: a
        # question about one rule matches its sentence better than the section around it.
        self._texts = [item for part in self.sections.values() for item in part.ranked_texts()]
        self._lexical = LexicalIndex([text for _, text in self._texts])
        self._vectors: np.ndarray | None = None  # only without a collection, on first use

    def by_id(self, section_id: str) -> PolicySection | None:
        """One section, for citation pages."""
        return self.sections.get(section_id)

    def _dense(self, vector: list[float]) -> dict[str, float]:
        """Similarity of each section (`<id>`) and each of its sentences (`<id>#<n>`)."""
        if self.collection is not None:
            result = self.collection.query(
                query_embeddings=[vector], n_results=self.collection.count(), include=["distances"]
            )
            return {
                doc_id: 1.0 - distance
                for doc_id, distance in zip(result["ids"][0], result["distances"][0], strict=True)
            }
        if self._vectors is None:
            texts = [text for _, text in self._texts]
            self._vectors = np.asarray(self.embedder.embed_documents(texts), dtype=np.float32)
        scores = (self._vectors @ np.asarray(vector)).tolist()
        return {doc_id: score for (doc_id, _), score in zip(self._texts, scores, strict=True)}

    def rank(self, question: str, vector: list[float] | None = None) -> list[tuple[str, float]]:
        """Sections by relevance: cosine similarity, nudged by keyword overlap."""
        return self._ranked(question, self._dense(vector or self.embedder.embed_query(question)))

    def _scores(self, question: str, dense: dict[str, float]) -> dict[str, float]:
        """Each section's and sentence's similarity, nudged by keyword overlap."""
        lexical = self._lexical.scores(in_policy_words(question))
        top = float(lexical.max()) if len(lexical) and lexical.max() > 0 else 1.0
        return {
            doc_id: dense.get(doc_id, 0.0) + LEXICAL_WEIGHT * float(lexical[position]) / top
            for position, (doc_id, _) in enumerate(self._texts)
        }

    def _ranked(self, question: str, dense: dict[str, float]) -> list[tuple[str, float]]:
        """Sections by their own or their best sentence's score."""
        best: dict[str, float] = {}
        for doc_id, score in self._scores(question, dense).items():
            section_id = doc_id.partition("#")[0]
            best[section_id] = max(score, best.get(section_id, -1.0))
        return sorted(best.items(), key=lambda item: -item[1])

    def stands_alone(self, question: str, vector: list[float] | None = None) -> bool:
        """Whether a follow-up («and can i track it once it ships») picks its own section
        clearly, so it is asked by itself rather than with the question before it; a short
        one («and my handle?») never does. `vector`: the question's, when already embedded."""
        if len(question.split()) < ALONE_WORDS:
            return False
        ranked = self.rank(question, vector)
        best = ranked[0][1] if ranked else 0.0
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        return best >= ALONE_SCORE and best - second >= ALONE_MARGIN

    def answer(self, question: str, vector: list[float] | None = None) -> PolicyAnswer:
        """The best section (and a close second), each with its most relevant sentences."""
        dense = self._dense(vector or self.embedder.embed_query(question))
        ranked = self._ranked(question, dense)
        scores = self._scores(question, dense)
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
        quotes = []
        for sid, score in chosen:
            section = self.sections[sid]
            sentences = section.sentences()
            # The best-scoring sentence first (the answer), then the others kept in their order.
            ordered = sorted(
                range(len(sentences)), key=lambda i: (-scores.get(f"{sid}#{i + 1}", 0.0), i)
            )
            keep = ordered[:1] + sorted(ordered[1:QUOTED_SENTENCES])
            quotes.append(
                PolicyQuote(section=section, sentences=[sentences[i] for i in keep], score=score)
            )
        return PolicyAnswer(question=question, quotes=quotes)
