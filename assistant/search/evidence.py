"""Scoring review evidence: each review (or free-standing text) is scored by its best passage
together with the whole text, with a keyword signal beside meaning; the trained reranker,
when built, re-scores the best passages of the leading candidates."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Protocol

import numpy as np

from assistant.search.lexical import LexicalIndex, tokenize
from assistant.search.passages import IndexedText, window_units

LEXICAL_WEIGHT = 0.1  # keywords break ties between passages of similar meaning
RERANK_DEPTH = 10  # candidates the reranker re-scores
PASSAGES_PER_CANDIDATE = 2  # of each, the passages closest in meaning that it reads
RERANK_WEIGHT = 2.0  # the reranker's probability against the first-stage score (0..~2.1)
# How widely the product's reviews speak of the asked thing. SubjQA's answerability label is
# about one review the shopper never names: the more reviews that do, the likelier that one
# does (grouped 5-fold accuracy on SubjQA train 0.666 -> 0.685 with these, `python
# scripts/evidence_experiments.py spread`).
SPREAD = ("mean_passage", "share_close", "share_closer", "share_covered", "mean_coverage")
CLOSE, CLOSER = 0.4, 0.5  # a passage this similar to the question speaks of the asked thing
FEATURES = (
    "score",
    "review_similarity",
    "passage_similarity",
    "second_similarity",
    "lexical",
    "coverage",
    "reranker",
    "reranker_second",
    "margin",
    "candidates",
    "question_words",
    *SPREAD,
)


class PairScorer(Protocol):
    """Anything that scores (question, passage) pairs: the trained cross-encoder."""

    def score(self, question: str, passages: list[str]) -> np.ndarray:
        """One probability-like score per passage, higher = answers the question better."""
        ...


@dataclass
class UnitSet:
    """The units of some texts (sentences, windows, whole texts) with their vectors, and a
    keyword index over the whole texts; built once per product and cached."""

    units: list[IndexedText]
    vectors: np.ndarray
    owners: list[str] = field(init=False)
    _rows: dict[str, list[int]] = field(init=False)
    _whole: dict[str, int] = field(init=False)
    _lexical: LexicalIndex = field(init=False)

    def __post_init__(self) -> None:
        self._add_windows()
        rows: dict[str, list[int]] = defaultdict(list)
        whole: dict[str, int] = {}
        for row, unit in enumerate(self.units):
            owner = str(unit.metadata["review_id"])
            if unit.metadata["kind"] == "review":
                whole[owner] = row
            else:
                rows[owner].append(row)
        self.owners = list(whole)
        self._rows = {owner: rows.get(owner) or [whole[owner]] for owner in self.owners}
        self._whole = whole
        self._lexical = LexicalIndex([self.units[whole[owner]].text for owner in self.owners])

    def _add_windows(self) -> None:
        """Append each owner's two-sentence windows, their vectors from their sentences'."""
        sentences: dict[str, list[int]] = defaultdict(list)
        for row, unit in enumerate(self.units):
            if unit.metadata["kind"] == "sentence":
                sentences[str(unit.metadata["review_id"])].append(row)
        windows: list[IndexedText] = []
        vectors: list[np.ndarray] = []
        for rows in sentences.values():
            made = window_units([self.units[row] for row in rows])
            if not made:
                continue
            windows += made
            for first, second in pairwise(rows):
                pair = self.vectors[first] + self.vectors[second]
                norm = float(np.linalg.norm(pair))
                vectors.append(pair / norm if norm else pair)
        if windows:
            self.units = [*self.units, *windows]
            self.vectors = np.vstack([self.vectors, np.asarray(vectors, dtype=self.vectors.dtype)])

    def subset(self, owners: set[str]) -> UnitSet:
        """The units of some owners only (a question read against chosen reviews)."""
        rows = [
            row
            for row, u in enumerate(self.units)
            if u.metadata["review_id"] in owners and u.metadata["kind"] != "window"
        ]
        return UnitSet([self.units[row] for row in rows], self.vectors[rows])

    def passages_of(self, owner: str) -> list[int]:
        """Rows of the owner's sentences and windows (its whole text when it has none)."""
        return self._rows[owner]

    def whole_of(self, owner: str) -> int:
        """Row of the owner's whole text."""
        return self._whole[owner]

    def lexical_scores(self, question: str) -> np.ndarray:
        """BM25 of each owner's whole text, scaled so the best is 1 (zeros without a match)."""
        scores = np.asarray(self._lexical.scores(question), dtype=np.float64)
        top = float(scores.max()) if scores.size else 0.0
        return scores / top if top > 0 else np.zeros(len(self.owners))

    def coverage(self, question: str, owner_index: int) -> float:
        """Share of the question's content words the owner's whole text contains."""
        return self._lexical.coverage(question, owner_index)


@dataclass
class ScoredText:
    """One review (or text) as evidence: its score, its best passage and the features."""

    owner: str
    score: float
    passage: IndexedText
    similarity: float
    features: dict[str, float]
    reranker: float | None = None


def _shared(words: set[str], unit: IndexedText) -> int:
    return len(words & set(tokenize(unit.text)))


def first_stage(
    question: str, question_vector: np.ndarray | None, unit_set: UnitSet
) -> list[ScoredText]:
    """Best passage + whole text by meaning, plus keywords; without a vector, keywords only."""
    lexical = unit_set.lexical_scores(question)
    similarities = unit_set.vectors @ question_vector if question_vector is not None else None
    words_set = set(tokenize(question))
    words = float(len(words_set))
    scored: list[ScoredText] = []
    for position, owner in enumerate(unit_set.owners):
        rows = unit_set.passages_of(owner)
        coverage = unit_set.coverage(question, position)
        if similarities is None:  # keywords only: the passage sharing most question words
            best_row = max(rows, key=lambda row: (_shared(words_set, unit_set.units[row]), -row))
            passage_sims, review_sim = np.zeros(1), 0.0
        else:
            passage_sims = np.sort(similarities[rows])[::-1]
            best_row = rows[int(np.argmax(similarities[rows]))]
            review_sim = float(similarities[unit_set.whole_of(owner)])
        best = float(passage_sims[0])
        score = review_sim + best + LEXICAL_WEIGHT * float(lexical[position])
        scored.append(
            ScoredText(
                owner=owner,
                score=score,
                passage=unit_set.units[best_row],
                similarity=max(best, review_sim),
                features={
                    "score": score,
                    "review_similarity": review_sim,
                    "passage_similarity": best,
                    "second_similarity": float(passage_sims[1] if len(passage_sims) > 1 else best),
                    "lexical": float(lexical[position]),
                    "coverage": coverage,
                    "candidates": float(len(unit_set.owners)),
                    "question_words": words,
                },
            )
        )
    scored.sort(key=lambda item: -item.score)
    return scored


def rerank(
    question: str,
    question_vector: np.ndarray | None,
    unit_set: UnitSet,
    scored: list[ScoredText],
    reranker: PairScorer,
    depth: int = RERANK_DEPTH,
) -> list[ScoredText]:
    """The leading candidates re-scored by the reranker on their closest passages; each keeps
    the passage the reranker rates best. The rest keep their order below them."""
    head, tail = scored[:depth], scored[depth:]
    if not head:
        return scored
    picked: list[tuple[ScoredText, list[int]]] = []
    for item in head:
        rows = unit_set.passages_of(item.owner)
        if question_vector is not None and len(rows) > PASSAGES_PER_CANDIDATE:
            order = np.argsort(-(unit_set.vectors[rows] @ question_vector), kind="stable")
            rows = [rows[i] for i in order[:PASSAGES_PER_CANDIDATE]]
        picked.append((item, rows[:PASSAGES_PER_CANDIDATE]))
    texts = [unit_set.units[row].text for _, rows in picked for row in rows]
    probabilities = iter(reranker.score(question, texts).tolist())
    for item, rows in picked:
        scores = [next(probabilities) for _ in rows]
        best = int(np.argmax(scores))
        item.reranker = float(scores[best])
        item.passage = unit_set.units[rows[best]]
        item.score = RERANK_WEIGHT * item.reranker + item.features["score"] + 10.0
    head.sort(key=lambda item: -item.score)
    return head + tail


def question_features(scored: list[ScoredText]) -> dict[str, float]:
    """Features of the whole candidate list for answerability: the leader's, and its margin."""
    if not scored:
        return dict.fromkeys(FEATURES, 0.0)
    top = scored[0]
    second = scored[1] if len(scored) > 1 else None
    features = dict(top.features)
    features["reranker"] = top.reranker if top.reranker is not None else 0.0
    features["reranker_second"] = (
        second.reranker if second is not None and second.reranker is not None else 0.0
    )
    features["margin"] = top.features["score"] - (second.features["score"] if second else 0.0)
    features |= _spread(scored)
    return {name: float(features.get(name, 0.0)) for name in FEATURES}


def _spread(scored: list[ScoredText]) -> dict[str, float]:
    """How widely the candidates match the question: mean closeness, and the shares of them
    with a close passage or with any of the question's words."""
    passages = np.array([item.features.get("passage_similarity", 0.0) for item in scored])
    coverages = np.array([item.features.get("coverage", 0.0) for item in scored])
    return {
        "mean_passage": float(passages.mean()),
        "share_close": float((passages >= CLOSE).mean()),
        "share_closer": float((passages >= CLOSER).mean()),
        "share_covered": float((coverages > 0).mean()),
        "mean_coverage": float(coverages.mean()),
    }
