"""Review-evidence latency at demo size: the pipeline (untrained, and trained when built)
against plain MiniLM whole-review cosine, in the same run.

Run: `.venv/bin/python bench/evidence_bench.py [--products 40]`. Each product of the demo
catalogue is asked the same review questions through `Retriever.review_evidence_ranked`
(what the chat calls), every review ranked (k = 20), the systems interleaved question by
question after a warm-up of every product's caches. A second table times the quoted answer
on the untrained pipeline's rankings: the leader's span against the consensus span (what the
chat quotes), interleaved.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import tempfile
import time
from pathlib import Path

from assistant.catalogue.loader import load_catalogue
from assistant.search.artefacts import EvidenceModels, load_evidence_models
from assistant.search.embeddings import SentenceTransformerEmbedder
from assistant.search.index import CatalogueIndex
from assistant.search.retrieval import Retriever
from assistant.search.review_evidence import quoted_span
from assistant.search.spans import answer_span
from assistant.settings import DEMO_CATALOGUE, Settings, offline_environment

QUESTIONS = (
    "how long does the battery last?",
    "is it comfortable?",
    "does it feel well made?",
    "is it worth the price?",
    "does it run small?",
)


def _times(
    retriever: Retriever,
    asks: list[tuple[str, str]],
    systems: list[tuple[str, str, EvidenceModels]],
) -> dict[str, list[float]]:
    """ms per question of each system, interleaved question by question so that a busy
    machine slows them alike."""
    times: dict[str, list[float]] = {name: [] for name, _, _ in systems}
    for _, mode, models in systems:  # warm the caches (units, vectors) of every product
        retriever.reviews.models = models
        for product_id, question in asks[:: len(QUESTIONS)]:
            retriever.review_evidence_ranked(product_id, question, mode=mode)
    for product_id, question in asks:
        for name, mode, models in systems:
            retriever.reviews.models = models
            started = time.perf_counter()
            retriever.review_evidence_ranked(product_id, question, k=20, mode=mode)
            times[name].append((time.perf_counter() - started) * 1000)
    return times


def _quote_times(retriever: Retriever, asks: list[tuple[str, str]]) -> dict[str, list[float]]:
    """ms per question of each way to quote the answer from the same ranking."""
    times: dict[str, list[float]] = {"leader's span": [], "consensus span (first 10)": []}
    for product_id, question in asks:
        evidence, _ = retriever.review_evidence_ranked(product_id, question, k=20)
        if not evidence:
            continue
        started = time.perf_counter()
        answer_span(question, evidence[0].text)
        middle = time.perf_counter()
        quoted_span(question, evidence, retriever.catalogue)
        times["leader's span"].append((middle - started) * 1000)
        times["consensus span (first 10)"].append((time.perf_counter() - middle) * 1000)
    return times


def _table(header: str, times: dict[str, list[float]]) -> None:
    """Percentiles of each row, and its p50 against the first row's."""
    rows = list(times.items())
    base = statistics.median(rows[0][1])
    print(f"| {header} | p50 ms | p95 ms | p50 vs {rows[0][0]} | added p50 ms |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, samples in rows:
        p50 = statistics.median(samples)
        p95 = sorted(samples)[max(0, round(0.95 * len(samples)) - 1)]
        print(f"| {name} | {p50:.2f} | {p95:.2f} | {p50 / base:.2f}x | {p50 - base:+.2f} |")


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=40)
    args = parser.parse_args()
    offline_environment()
    logging.basicConfig(level=logging.WARNING)
    settings = Settings()
    catalogue, _ = load_catalogue(DEMO_CATALOGUE)
    embedder = SentenceTransformerEmbedder()
    trained = load_evidence_models(settings.models_dir, embedder.name)
    with tempfile.TemporaryDirectory(prefix="evidence-bench-") as folder:
        index = CatalogueIndex(settings.model_copy(update={"index_dir": Path(folder)}), embedder)
        index.sync(catalogue, progress=False)
        retriever = Retriever(catalogue, index, embedder)
        products = [pid for pid, reviews in catalogue.reviews_by_product.items() if reviews]
        asks = [(pid, q) for pid in products[: args.products] for q in QUESTIONS]
        systems = [
            ("plain MiniLM (whole-review cosine)", "dense", EvidenceModels()),
            ("pipeline, untrained", "hybrid", EvidenceModels()),
        ]
        if trained.trained:
            systems.append((f"pipeline, {trained.note}", "hybrid", trained))
        times = _times(retriever, asks, systems)
        retriever.reviews.models = EvidenceModels()
        quotes = _quote_times(retriever, asks)
    print(f"{len(asks)} questions over {len(products[: args.products])} demo products\n")
    _table("ranking", times)
    print()
    _table("quoted answer", quotes)


if __name__ == "__main__":
    main()
