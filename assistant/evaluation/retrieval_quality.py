"""Retrieval quality on public data: SubjQA review recall@k and ePQA evidence nDCG@5 / MRR.

Run through `shopassist eval --suite retrieval` (all three modes side by side).
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings

from assistant.catalogue import Catalogue
from assistant.evaluation.datasets import load_epqa, load_subjqa
from assistant.evaluation.metrics import mean, ndcg_at_k, recall_at_k, reciprocal_rank
from assistant.index import CatalogueIndex
from assistant.retrieval import Mode, Retriever, rank_texts
from assistant.settings import Settings

MODES: tuple[Mode, ...] = ("hybrid", "dense", "lexical")
SEED = 13


def _sample(items: list[Any], limit: int | None) -> list[Any]:
    if limit is None or limit >= len(items):
        return items
    return random.Random(SEED).sample(items, limit)


def subjqa_recall(
    settings: Settings,
    embedder: Embeddings,
    modes: tuple[Mode, ...] = MODES,
    limit: int | None = None,
    split: str = "test",
) -> dict[str, Any]:
    """Recall@1/@5 of the answer-holding review among all reviews of the question's product."""
    questions, catalogue = load_subjqa(settings.shared_data_dir, split)
    answerable = _sample([q for q in questions if q.answer], limit)
    asked = {question.product_id for question in answerable}
    catalogue = Catalogue(
        [p for pid, p in catalogue.products.items() if pid in asked],
        [r for r in catalogue.reviews.values() if r.product_id in asked],
    )
    with tempfile.TemporaryDirectory(prefix="subjqa-index-") as folder:
        index_settings = settings.model_copy(update={"index_dir": Path(folder), "chroma_url": None})
        index = CatalogueIndex(index_settings, embedder)
        index.sync(catalogue, progress=False)
        retriever = Retriever(catalogue, index, embedder, max_query_chars=10_000)
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
) -> dict[str, Any]:
    """nDCG@5 (graded labels) and MRR (label 2 = fully answers) of each question's candidates."""
    questions = _sample(
        [q for q in load_epqa(settings.shared_data_dir, split) if any(q.labels)], limit
    )
    results: dict[str, Any] = {"split": split, "questions": len(questions)}
    for mode in modes:
        ndcgs, rrs = [], []
        for question in questions:
            order = rank_texts(question.question, question.candidates, embedder, mode)
            ranking = [str(position) for position in order]
            labels = {str(i): float(label) for i, label in enumerate(question.labels)}
            ndcgs.append(ndcg_at_k(ranking, labels, 5))
            full = {str(i) for i, label in enumerate(question.labels) if label == 2}
            if full:
                rrs.append(reciprocal_rank(ranking, full))
        results[mode] = {"ndcg@5": round(mean(ndcgs), 4), "mrr": round(mean(rrs), 4)}
    return results
