"""Hybrid product search (dense + BM25, fused by reciprocal rank), filters, and the entry to
review evidence."""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.catalogue.models import Catalogue, Product
from assistant.search.answerability import Answerability
from assistant.search.artefacts import EvidenceModels
from assistant.search.columns import FilterColumns
from assistant.search.filters import FilterVocabulary, SearchFilters
from assistant.search.index import CatalogueIndex, product_text
from assistant.search.lexical import LexicalIndex
from assistant.search.parsing import parse_query
from assistant.search.review_evidence import ReviewEvidence, ReviewEvidenceFinder, judge

log = logging.getLogger(__name__)

Mode = Literal["hybrid", "dense", "lexical"]
RRF_K = 60  # the usual constant from Cormack et al.; damps the weight of top ranks
CANDIDATE_DEPTH = 100
# An unfiltered query this deep, post-filtered, beats a Chroma `where` (see _dense_products).
POST_FILTER_DEPTH = 1000
MAX_DEPTH = 1000  # a ranked list longer than this is never read, whatever the catalogue's size
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class QueryError(ValueError):
    """A query the search cannot take, with what to do instead."""


@dataclass
class ProductHit:
    """One product in a result list, with how each ranker placed it."""

    product: Product
    score: float
    dense_rank: int | None = None
    lexical_rank: int | None = None
    similarity: float | None = None  # cosine similarity to the query, when dense ran


@dataclass
class SearchResult:
    """A ranked page of products plus the filters that were applied."""

    hits: list[ProductHit]
    total: int
    filters: SearchFilters
    query_text: str
    warnings: list[str] = field(default_factory=list)


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[str]], k: int = RRF_K, weights: Sequence[float] | None = None
) -> dict[str, float]:
    """Fuse ranked id lists: each id scores the sum of weight/(k + rank) over the lists it is in."""
    scores: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights or [1.0] * len(rankings), strict=True):
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return scores


def clean_query(query: str, max_chars: int) -> str:
    """Strip control characters and refuse over-long queries with a clear message."""
    if not isinstance(query, str):
        raise QueryError("the query must be text")
    if len(query) > max_chars:
        raise QueryError(
            f"the query is {len(query):,} characters long; the limit is {max_chars:,}. "
            "Ask about one thing at a time, in a sentence or two."
        )
    return _CONTROL_CHARS.sub(" ", query).strip()


def _lexical_ranking(
    index: LexicalIndex, query: str, ids: list[str], allowed: set[str] | None, depth: int
) -> tuple[list[str], float]:
    """BM25 ranking plus its weight for fusion: the share of query words the best match has.

    A keyword list whose best hit shares one word of five with the query is mostly noise
    ("dry" in "dry skin" for "keep me dry in a storm"), so it should not outvote meaning.
    """
    scores = index.scores(query)
    ranking: list[str] = []
    best = None
    for position in np.argsort(-scores, kind="stable"):
        if scores[position] <= 0 or len(ranking) >= depth:
            break
        if allowed is None or ids[position] in allowed:
            ranking.append(ids[position])
            best = position if best is None else best
    return ranking, index.coverage(query, int(best)) if best is not None else 0.0


class Retriever:
    """Search over one catalogue and its index; the single owner of ranking logic."""

    def __init__(
        self,
        catalogue: Catalogue,
        index: CatalogueIndex,
        embedder: Embeddings,
        max_query_chars: int = 2000,
        evidence_models: EvidenceModels | None = None,
    ) -> None:
        self.catalogue = catalogue
        self.index = index
        self.embedder = embedder
        self.max_query_chars = max_query_chars
        self.vocabulary = FilterVocabulary.from_catalogue(catalogue)
        self._product_ids = list(catalogue.products)
        self._products_lexical = LexicalIndex(
            [product_text(catalogue.products[pid]) for pid in self._product_ids]
        )
        self.columns = FilterColumns(catalogue)  # filters as columns: no scan per search
        self._products_collection, self._passages_collection = index.collections()
        self.reviews = ReviewEvidenceFinder(
            catalogue, self._passages_collection, embedder, evidence_models
        )

    # ---- products -------------------------------------------------------------------------
    def search(
        self,
        query: str,
        filters: SearchFilters | None = None,
        k: int = 10,
        offset: int = 0,
        mode: Mode = "hybrid",
        parse: bool = True,
    ) -> SearchResult:
        """Rank products for a query; filters come from the words and from `filters` (which win)."""
        query = clean_query(query, self.max_query_chars)
        if k < 1 or offset < 0:
            raise QueryError("k must be at least 1 and offset at least 0")
        parsed_filters = SearchFilters()
        text = query
        if parse:
            parsed = parse_query(query, self.vocabulary)
            parsed_filters, text = parsed.filters, parsed.text
        active = parsed_filters.merged_with(filters) if filters else parsed_filters
        mask = None if active.is_empty() else self.columns.mask(active)
        warnings: list[str] = []
        if mask is not None and not mask.any():
            return SearchResult([], 0, active, text, ["no product meets all the filters"])
        if not re.search(r"\w", text):
            ranked, total = self._rank_without_words(mask, offset + k)
            hits = [ProductHit(self.catalogue.products[pid], 0.0) for pid in ranked]
            return SearchResult(hits[offset : offset + k], total, active, text)
        depth = min(max(CANDIDATE_DEPTH, offset + k), MAX_DEPTH)
        lexical: list[str] = []
        lexical_weight = 1.0
        dense: list[str] = []
        similarities: dict[str, float] = {}
        if mode in ("hybrid", "lexical"):
            lexical, lexical_weight = self._lexical_products(text, mask, depth)
        if mode in ("hybrid", "dense"):
            try:
                # The query as typed: within a turn, the vector the message already has.
                dense, similarities = self._dense_products(query, active, mask, depth)
            except Exception as exc:
                log.warning("dense search failed (%s); using lexical ranking only", exc)
                warnings.append("semantic search is unavailable; results are keyword matches")
                if mode == "dense":
                    raise QueryError(
                        "the vector index is unavailable; run `shopassist index`"
                    ) from exc
                lexical, lexical_weight = self._lexical_products(text, mask, depth)
        fused = reciprocal_rank_fusion([dense, lexical], weights=[1.0, lexical_weight])
        ordered = sorted(fused, key=lambda pid: -fused[pid])
        dense_rank = {pid: rank for rank, pid in enumerate(dense, start=1)}
        lexical_rank = {pid: rank for rank, pid in enumerate(lexical, start=1)}
        hits = [
            ProductHit(
                self.catalogue.products[pid],
                fused[pid],
                dense_rank.get(pid),
                lexical_rank.get(pid),
                similarities.get(pid),
            )
            for pid in ordered
        ]
        return SearchResult(hits[offset : offset + k], len(hits), active, text, warnings)

    def prepare_queries(self, queries: list[str]) -> None:
        """Embed the queries a turn will search for together (one model call, not one each),
        when the embedder can."""
        embed_queries = getattr(self.embedder, "embed_queries", None)
        if embed_queries is not None:
            embed_queries([clean_query(query, self.max_query_chars) for query in queries])

    def _rank_without_words(self, mask: np.ndarray | None, count: int) -> tuple[list[str], int]:
        """With filters only: the first `count` by best rating, then most reviewed, then id;
        and how many match in all."""
        columns = self.columns
        pool = np.flatnonzero(mask) if mask is not None else np.arange(len(columns))
        order = np.lexsort((columns.id_rank[pool], -columns.reviews[pool], -columns.rating[pool]))
        return [self._product_ids[i] for i in pool[order[:count]]], len(pool)

    def _lexical_products(
        self, text: str, mask: np.ndarray | None, depth: int
    ) -> tuple[list[str], float]:
        """BM25 over the products the filters allow (a masked top-k, not a sort of all), and
        its fusion weight: the share of query words its best hit contains."""
        scores = self._products_lexical.scores(text)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        positions = top_positions(scores, depth)
        ranking = [self._product_ids[i] for i in positions]
        weight = self._products_lexical.coverage(text, int(positions[0])) if ranking else 0.0
        return ranking, weight

    def _dense_products(
        self, query: str, filters: SearchFilters, mask: np.ndarray | None, depth: int
    ) -> tuple[list[str], dict[str, float]]:
        """Nearest products in Chroma, kept to the exact filter mask: over a deeper unfiltered
        query when the filters keep a fair share of the catalogue, else over the allowed ids
        (at 100k products a Chroma `where` on metadata cost 80-400 ms, a query of 1,000
        unfiltered about 70 ms, one restricted to 10,000 ids 9 ms)."""
        vector = self.embedder.embed_query(query)
        pool = int(mask.sum()) if mask is not None else len(self._product_ids)
        wanted = min(depth, pool)
        if not wanted:
            return [], {}
        if mask is None:
            return self._nearest(vector, wanted, mask, wanted)
        fetch = math.ceil(wanted / (pool / len(self._product_ids)) * 2)
        if fetch <= POST_FILTER_DEPTH:
            found = self._nearest(vector, fetch, mask, wanted)
            if len(found[0]) >= wanted:
                return found
        allowed = [self._product_ids[i] for i in np.flatnonzero(mask)]
        return self._nearest(vector, wanted, mask, wanted, ids=allowed)

    def _nearest(
        self,
        vector: list[float],
        fetch: int,
        mask: np.ndarray | None,
        wanted: int,
        ids: list[str] | None = None,
    ) -> tuple[list[str], dict[str, float]]:
        """The `wanted` nearest of the `fetch` nearest products (of `ids` only, if given)
        that the mask allows, with their cosine similarity."""
        result = self._products_collection.query(
            query_embeddings=[vector], n_results=fetch, ids=ids, include=["distances"]
        )
        kept = [
            (pid, distance)
            for pid, distance in zip(result["ids"][0], result["distances"][0], strict=True)
            if mask is None or mask[self.columns.position[pid]]
        ][:wanted]
        return [pid for pid, _ in kept], {pid: 1.0 - distance for pid, distance in kept}

    # ---- reviews --------------------------------------------------------------------------
    def review_evidence(
        self, product_id: str, question: str, k: int = 5, mode: Mode = "hybrid"
    ) -> list[ReviewEvidence]:
        """The reviews that best bear on a question about one product, best first, each with
        its passage that answers best (see `search.review_evidence`)."""
        return self.review_evidence_ranked(product_id, question, k, mode)[0]

    def review_evidence_ranked(
        self, product_id: str, question: str, k: int = 5, mode: Mode = "hybrid"
    ) -> tuple[list[ReviewEvidence], Answerability | None]:
        """`review_evidence` plus the answerability verdict on the whole ranking (None while
        the classifier is not built)."""
        question = clean_query(question, self.max_query_chars)
        self.catalogue.product(product_id)
        if not re.search(r"\w", question):
            return [], None
        scored = self.reviews.rank(product_id, question, mode)
        verdict = judge(self.reviews.models, scored) if mode == "hybrid" else None
        return self.reviews.evidence(product_id, scored, k), verdict

    def as_langchain(self, k: int = 5) -> CatalogueRetriever:
        """This retriever as a LangChain `BaseRetriever` returning product documents."""
        return CatalogueRetriever(retriever=self, k=k)


class CatalogueRetriever(BaseRetriever):
    """LangChain adapter: `invoke(query)` gives product Documents, ids and prices in metadata."""

    retriever: Retriever
    k: int = 5

    model_config = ConfigDict(arbitrary_types_allowed=True)

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        result = self.retriever.search(query, k=self.k)
        return [
            Document(
                page_content=product_text(hit.product),
                id=hit.product.id,
                metadata={
                    "id": hit.product.id,
                    "kind": "product",
                    "title": hit.product.title,
                    "score": hit.score,
                    "price_minor": hit.product.min_price_minor,
                    "currency": hit.product.currency,
                },
            )
            for hit in result.hits
        ]


def top_positions(scores: np.ndarray, depth: int) -> np.ndarray:
    """Positions of the `depth` best positive scores, best first (ties by position)."""
    positive = np.flatnonzero(scores > 0)
    if len(positive) > depth:
        best = np.argpartition(-scores[positive], depth - 1)[:depth]
        positive = positive[best]
    return positive[np.lexsort((positive, -scores[positive]))]
