"""Review evidence for a question about one product, and evidence ranking of free-standing
texts: one pipeline for the chat, the agents' tools and the evaluation harness."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import lru_cache
from typing import Any, Literal

import numpy as np
from chromadb.api.models.Collection import Collection
from langchain_core.embeddings import Embeddings
from pydantic import BaseModel, ConfigDict, Field

from assistant.catalogue.models import Catalogue
from assistant.search.answerability import Answerability
from assistant.search.artefacts import EvidenceModels
from assistant.search.evidence import ScoredText, UnitSet, first_stage, question_features, rerank
from assistant.search.passages import IndexedText, review_units, text_units
from assistant.search.spans import consensus_span

log = logging.getLogger(__name__)

# hybrid: the whole pipeline; dense / lexical: the plain baselines it is measured against
# (whole-text MiniLM cosine, whole-text BM25).
Mode = Literal["hybrid", "dense", "lexical"]


class ReviewEvidence(BaseModel):
    """A review passage that bears on a question, with the review it comes from."""

    model_config = ConfigDict(frozen=True)

    review_id: str
    passage_id: str
    product_id: str
    text: str
    rating: int | None
    verified_purchase: bool
    score: float
    similarity: float | None = None  # best cosine to the question (passage or whole review)
    reranker: float | None = None  # the trained reranker's probability, when it ran
    features: dict[str, float] = Field(default_factory=dict)


def _plain(
    question: str, vector: np.ndarray | None, units: UnitSet, mode: Mode
) -> list[ScoredText]:
    """The baselines: whole texts ranked by cosine alone, or by BM25 alone."""
    scored = first_stage(question, vector if mode == "dense" else None, units)
    for item in scored:
        item.score = item.features["review_similarity" if mode == "dense" else "lexical"]
    return sorted(scored, key=lambda item: -item.score)


def score_units(
    question: str,
    vector: np.ndarray | None,
    units: UnitSet,
    models: EvidenceModels,
    mode: Mode = "hybrid",
) -> list[ScoredText]:
    """Rank the owners of `units` for a question the way `mode` says."""
    if not units.owners:
        return []
    if mode != "hybrid":
        return _plain(question, vector, units, mode)
    scored = first_stage(question, vector, units)
    if models.reranker is not None:
        scored = rerank(question, vector, units, scored, models.reranker)
    return scored


def judge(models: EvidenceModels, scored: list[ScoredText]) -> Answerability | None:
    """The answerability verdict on a ranked list, when the classifier is built."""
    if models.answerability is None or not scored:
        return None
    return models.answerability.judge(question_features(scored))


class ReviewEvidenceFinder:
    """The reviews of one catalogue as passage units with their vectors from the index."""

    def __init__(
        self,
        catalogue: Catalogue,
        passages: Collection | None,
        embedder: Embeddings,
        models: EvidenceModels | None = None,
    ) -> None:
        self.catalogue = catalogue
        self.passages = passages
        self.embedder = embedder
        self.models = models or EvidenceModels()
        self.units_of: Callable[[str], UnitSet] = lru_cache(maxsize=2048)(self._build_units)

    def _vectors(self, units: list[IndexedText]) -> np.ndarray:
        """The units' vectors from the index; any the index lacks are embedded now."""
        stored: dict[str, Any] = {}
        if self.passages is not None:
            result = self.passages.get(ids=[u.id for u in units], include=["embeddings"])
            stored = dict(zip(result["ids"], result["embeddings"], strict=True))
        missing = [u for u in units if u.id not in stored]
        if missing:
            fresh = self.embedder.embed_documents([u.text for u in missing])
            stored |= {u.id: vector for u, vector in zip(missing, fresh, strict=True)}
        return np.asarray([stored[u.id] for u in units], dtype=np.float32)

    def _build_units(self, product_id: str) -> UnitSet:
        units = [u for r in self.catalogue.reviews_of(product_id) for u in review_units(r)]
        if not units:
            return UnitSet([], np.zeros((0, 1), dtype=np.float32))
        try:
            vectors = self._vectors(units)
        except Exception as exc:
            log.warning("review vectors unavailable (%s); ranking reviews by keywords", exc)
            self.units_of.cache_clear()  # type: ignore[attr-defined]  # retry next time
            return UnitSet(units, np.zeros((len(units), 0), dtype=np.float32))
        return UnitSet(units, vectors)

    def question_vector(self, question: str, units: UnitSet) -> np.ndarray | None:
        """The question's vector, or None when there are no unit vectors to compare with."""
        if units.vectors.shape[1] == 0:
            return None
        try:
            return np.asarray(self.embedder.embed_query(question), dtype=np.float32)
        except Exception as exc:
            log.warning("question embedding failed (%s); ranking reviews by keywords", exc)
            return None

    def rank(self, product_id: str, question: str, mode: Mode = "hybrid") -> list[ScoredText]:
        """Every review of the product ranked for the question."""
        units = self.units_of(product_id)
        vector = self.question_vector(question, units)
        return score_units(question, vector, units, self.models, mode)

    def rank_within(self, product_id: str, question: str, review_ids: set[str]) -> list[ScoredText]:
        """Only the named reviews of the product ranked for the question (reading a review
        the shopper points at, or SubjQA's one-review setting)."""
        units = self.units_of(product_id).subset(review_ids)
        return score_units(question, self.question_vector(question, units), units, self.models)

    def evidence(self, product_id: str, scored: list[ScoredText], k: int) -> list[ReviewEvidence]:
        """The first k ranked reviews as ReviewEvidence."""
        found = []
        for item in scored[:k]:
            review = self.catalogue.reviews[item.owner]
            found.append(
                ReviewEvidence(
                    review_id=review.id,
                    passage_id=item.passage.id,
                    product_id=product_id,
                    text=item.passage.text,
                    rating=review.rating,
                    verified_purchase=review.verified_purchase,
                    score=round(item.score, 6),
                    similarity=round(item.similarity, 6) if item.similarity else None,
                    reranker=item.reranker,
                    features={name: round(value, 6) for name, value in item.features.items()},
                )
            )
        return found


def rank_texts(
    query: str,
    texts: list[str],
    embedder: Embeddings,
    mode: Mode = "hybrid",
    models: EvidenceModels | None = None,
) -> list[int]:
    """Rank free-standing texts (snippets, attributes, answers) for a question with the same
    pipeline as reviews: positions of `texts`, best first."""
    units = [
        unit for position, text in enumerate(texts) for unit in text_units(text, str(position))
    ]
    if not units:
        return []
    vectors = np.asarray(embedder.embed_documents([u.text for u in units]), dtype=np.float32)
    unit_set = UnitSet(units, vectors)
    vector = np.asarray(embedder.embed_query(query), dtype=np.float32)
    scored = score_units(query, vector, unit_set, models or EvidenceModels(), mode)
    return [int(item.owner) for item in scored]


def quoted_span(
    question: str, evidence: list[ReviewEvidence], catalogue: Catalogue
) -> tuple[int, str]:
    """The answer quoted from ranked evidence (the span its first reviews agree on) and the
    position of the evidence it comes from: one function for the chat and the harness."""
    return consensus_span(
        question,
        [(item.text, item.score) for item in evidence],
        sources=[catalogue.reviews[item.review_id].text for item in evidence],
    )
