"""Retrieval quality on public data: SubjQA review recall@k and ePQA evidence nDCG@5 / MRR.

Run through `shopassist eval --suite retrieval` (all three modes side by side).
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings

from assistant.catalogue.models import Catalogue
from assistant.evaluation.datasets import EvidenceQuestion, load_epqa, load_subjqa
from assistant.evaluation.metrics import mean, ndcg_at_k, recall_at_k, reciprocal_rank
from assistant.search.artefacts import EvidenceModels
from assistant.search.index import CatalogueIndex
from assistant.search.retrieval import Retriever
from assistant.search.review_evidence import Mode, rank_texts
from assistant.settings import Settings

MODES: tuple[Mode, ...] = ("hybrid", "dense", "lexical")
SEED = 13


def sample(items: list[Any], limit: int | None, seed: int = SEED) -> list[Any]:
    """A seeded sample of at most `limit` items (all of them without a limit)."""
    if limit is None or limit >= len(items):
        return list(items)
    return random.Random(seed).sample(items, limit)


def asked_catalogue(catalogue: Catalogue, questions: list[Any]) -> Catalogue:
    """The products the questions ask about, with all their reviews."""
    asked = {question.product_id for question in questions}
    return Catalogue(
        [p for pid, p in catalogue.products.items() if pid in asked],
        [r for r in catalogue.reviews.values() if r.product_id in asked],
    )


def subjqa_retriever(
    settings: Settings,
    embedder: Embeddings,
    catalogue: Catalogue,
    folder: str,
    models: EvidenceModels | None = None,
    progress: bool = False,
) -> Retriever:
    """A retriever over a throw-away embedded index of `catalogue` in `folder`, with the
    evidence models the product would use (none: the untrained ranking)."""
    index_settings = settings.model_copy(update={"index_dir": Path(folder), "chroma_url": None})
    index = CatalogueIndex(index_settings, embedder)
    index.sync(catalogue, progress=progress)
    return Retriever(catalogue, index, embedder, max_query_chars=10_000, evidence_models=models)


def evidence_scores(
    questions: list[EvidenceQuestion],
    embedder: Embeddings,
    mode: Mode,
    full_label: int,
    models: EvidenceModels | None = None,
) -> tuple[float, float]:
    """Mean nDCG@5 over the graded labels, and MRR of the first candidate labelled at least
    `full_label` (over the questions that have one)."""
    ndcgs, rrs = [], []
    for question in questions:
        order = rank_texts(question.question, question.candidates, embedder, mode, models)
        ranking = [str(position) for position in order]
        labels = {str(i): float(label) for i, label in enumerate(question.labels)}
        ndcgs.append(ndcg_at_k(ranking, labels, 5))
        full = {str(i) for i, label in enumerate(question.labels) if label >= full_label}
        if full:
            rrs.append(reciprocal_rank(ranking, full))
    return round(mean(ndcgs), 4), round(mean(rrs), 4)


def subjqa_recall(
    settings: Settings,
    embedder: Embeddings,
    modes: tuple[Mode, ...] = MODES,
    limit: int | None = None,
    split: str = "test",
    models: EvidenceModels | None = None,
) -> dict[str, Any]:
    """Recall@1/@5 of the answer-holding review among all reviews of the question's product."""
    questions, catalogue = load_subjqa(settings.shared_data_dir, split)
    answerable = sample([q for q in questions if q.answer], limit)
    catalogue = asked_catalogue(catalogue, answerable)
    with tempfile.TemporaryDirectory(prefix="subjqa-index-") as folder:
        retriever = subjqa_retriever(settings, embedder, catalogue, folder, models)
        results: dict[str, Any] = {
            "split": split,
            "questions": len(answerable),
            "reviews_indexed": len(catalogue.reviews),
        }
        for mode in modes:
            hits1, hits5 = [], []
            for question in answerable:
                ranked = [
                    e.review_id
                    for e in retriever.review_evidence(
                        question.product_id, question.question, k=5, mode=mode
                    )
                ]
                hits1.append(recall_at_k(ranked, {question.review_id}, 1))
                hits5.append(recall_at_k(ranked, {question.review_id}, 5))
            results[mode] = {"recall@1": round(mean(hits1), 4), "recall@5": round(mean(hits5), 4)}
    return results


def epqa_ranking(
    settings: Settings,
    embedder: Embeddings,
    modes: tuple[Mode, ...] = MODES,
    limit: int | None = None,
    split: str = "dev",
    models: EvidenceModels | None = None,
) -> dict[str, Any]:
    """nDCG@5 (graded labels) and MRR (label 2 = fully answers) of each question's candidates."""
    questions = sample(
        [q for q in load_epqa(settings.shared_data_dir, split) if any(q.labels)], limit
    )
    results: dict[str, Any] = {"split": split, "questions": len(questions)}
    for mode in modes:
        ndcg, mrr = evidence_scores(questions, embedder, mode, full_label=2, models=models)
        results[mode] = {"ndcg@5": ndcg, "mrr": mrr}
    return results
