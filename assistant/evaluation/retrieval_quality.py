"""Retrieval quality on public data: SubjQA review recall@k and ePQA evidence nDCG@5 / MRR.

Run: `shopassist eval [--suite subjqa|epqa] [--mode hybrid|dense|lexical] [--limit N] [--out F]`.
"""

from __future__ import annotations

import json
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings

from assistant.catalogue import Catalogue
from assistant.embeddings import make_embedder
from assistant.evaluation.datasets import DatasetMissing, load_epqa, load_subjqa
from assistant.evaluation.metrics import mean, ndcg_at_k, recall_at_k, reciprocal_rank
from assistant.index import CatalogueIndex
from assistant.retrieval import Mode, Retriever, rank_texts
from assistant.services import build_services
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


def _print_table(report: dict[str, Any]) -> None:
    for suite, figures in report["suites"].items():
        if "skipped" in figures:
            print(f"{suite}: skipped ({figures['skipped']})")
            continue
        if not any(mode in figures for mode in MODES):
            print(f"\n{suite}")
            for key, value in figures.items():
                if key != "errors":
                    print(f"  {key}: {value}")
            for error in figures.get("errors", [])[:15]:
                print(f"  miss: {error}")
            continue
        metrics = [key for key in figures[next(m for m in MODES if m in figures)]]
        print(f"\n{suite} ({figures['split']} split, {figures['questions']} questions)")
        print(f"| mode | {' | '.join(metrics)} |")
        print(f"| --- | {' | '.join('---' for _ in metrics)} |")
        for mode in MODES:
            if mode in figures:
                print(f"| {mode} | {' | '.join(f'{figures[mode][m]:.3f}' for m in metrics)} |")


def run_suites(
    settings: Settings,
    suites: list[str] | None = None,
    modes: list[str] | None = None,
    limit: int | None = None,
    out: Path | None = None,
) -> int:
    """Run the chosen suites, print a table per suite and optionally write JSON."""
    embedder = make_embedder(settings)
    chosen_modes = tuple(modes or MODES)
    from assistant.evaluation import engine_quality

    def intents(settings: Settings, embedder: Embeddings, *_: Any) -> dict[str, Any]:
        services = build_services(settings, embedder=embedder)
        return engine_quality.intent_accuracy(embedder, services.catalogue, services.retriever)

    runners = {
        "subjqa": subjqa_recall,
        "epqa": epqa_ranking,
        "intents": intents,
        "answerable": lambda s, e, _m, n: engine_quality.answerable_accuracy(s, e, n or 300),
        "engine": lambda s, e, *_: engine_quality.grounding_and_latency(s, e),
    }
    report: dict[str, Any] = {"embedding_model": getattr(embedder, "name", "?"), "suites": {}}
    for suite in suites or list(runners):
        started = time.perf_counter()
        try:
            figures = runners[suite](settings, embedder, chosen_modes, limit)
        except DatasetMissing as exc:
            figures = {"skipped": str(exc)}
        figures["seconds"] = round(time.perf_counter() - started, 1)
        report["suites"][suite] = figures
    _print_table(report)
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(report, indent=2), encoding="utf-8")
        print(f"\nwrote {out}")
    return 0
