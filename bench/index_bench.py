"""Index build throughput and query latency: ours against the canonical LangChain pipeline.

Run: `make bench` (or `.venv/bin/python bench/index_bench.py [--rounds 2] [--queries 200]
[--runtime torch|onnx|onnx-int8] [--catalogue demo|subjqa]`).
Both sides embed the same texts (the catalogue's products and review passages) with the
same packaged model, in this one run, so the ratios compare like with like on a noisy machine.
The demo catalogue is generated and its reviews repeat sentences (ours embeds a repeated text
once); `--catalogue subjqa` takes SubjQA test's real reviews from SHARED_DATA_DIR instead,
whose texts hardly repeat. The header says how many of the texts are distinct.
Both embed in our batch size (32; a side left at its own default would tilt the ratio). The
canonical side is `Chroma.from_documents` + `HuggingFaceEmbeddings` and
`as_retriever().invoke`; ours is `CatalogueIndex.sync` and `Retriever.search` (hybrid, filters).
"""

from __future__ import annotations

import argparse
import logging
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import chromadb
from langchain_chroma import Chroma
from langchain_core.documents import Document
from langchain_huggingface import HuggingFaceEmbeddings

from assistant.catalogue.loader import load_catalogue
from assistant.catalogue.models import Catalogue
from assistant.evaluation.datasets import load_subjqa
from assistant.search.embeddings import SentenceTransformerEmbedder, packaged_model_path
from assistant.search.index import CatalogueIndex, catalogue_texts
from assistant.search.retrieval import Retriever
from assistant.settings import DEMO_CATALOGUE, Settings

QUERIES = [
    "noise cancelling headphones under $100",
    "trail running shoes size 10 in blue",
    "a gift for a runner under $50",
    "waterproof rain jacket in M",
    "cast iron skillet",
    "yoga mat that does not slip",
    "kettle over $40 in stock",
    "sunscreen for sensitive skin",
    "carry-on suitcase with quiet wheels",
    "coffee beans with chocolate notes rated 4 stars and up",
    "weighted blanket queen size",
    "power bank for long trips",
    "board game for family night",
    "something to keep me dry in a storm",
    "Stridex shoes between $60 and $120",
    "merino sweater in navy",
    "air fryer",
    "headlamp for night hikes",
    "matcha powder",
    "phone case that survives drops",
    "lightweight tent for backpacking under $300",
    "earbuds for the gym",
    "linen duvet cover in white",
    "fitness tracker with accurate GPS",
    "laptop backpack with padded straps",
    "decaf ground coffee",
    "plush teddy bear gift",
    "blender for smoothies under $80",
    "vitamin c serum for dark spots",
    "foam roller",
]


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the values fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def timed(function: Callable[[], object]) -> float:
    """Seconds one call takes."""
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def latencies_ms(function: Callable[[str], object], count: int) -> list[float]:
    """Per-call milliseconds over `count` calls cycling through QUERIES (after one warm-up)."""
    function(QUERIES[0])
    queries = [QUERIES[i % len(QUERIES)] for i in range(count)]
    return [timed(lambda q=query: function(q)) * 1000 for query in queries]


def bench_catalogue(name: str) -> Catalogue:
    """The demo catalogue, or SubjQA test's products and real reviews."""
    if name == "subjqa":
        return load_subjqa(Settings().shared_data_dir, "test")[1]
    return load_catalogue(DEMO_CATALOGUE)[0]


def main() -> None:
    """Measure, then print one table with ratios."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=2, help="first builds per side (best kept)")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument(
        "--runtime", default="torch", choices=["torch", "torch-bf16", "onnx", "onnx-int8"]
    )
    parser.add_argument("--catalogue", default="demo", choices=["demo", "subjqa"])
    args = parser.parse_args()
    logging.disable(logging.WARNING)

    catalogue = bench_catalogue(args.catalogue)
    products, passages = catalogue_texts(catalogue)
    texts = products + passages
    documents = [Document(page_content=t.text, id=t.id, metadata=t.metadata) for t in texts]
    workdir = Path(tempfile.mkdtemp(prefix="bench-index-"))
    ours_embedder = SentenceTransformerEmbedder(
        runtime=args.runtime, cache_dir=workdir / "models", bulk=True
    )  # an ONNX export happens here, before any timing
    canonical_embedder = HuggingFaceEmbeddings(
        model_name=str(packaged_model_path()),
        encode_kwargs={"batch_size": ours_embedder.batch_size},
    )
    ours_embedder.encode(["warm up"])
    canonical_embedder.embed_query("warm up")

    ours_builds, canonical_builds = [], []
    for round_number in range(args.rounds):
        canonical_dir = workdir / f"canonical-{round_number}"
        canonical_builds.append(
            timed(
                lambda d=canonical_dir: Chroma.from_documents(
                    documents, canonical_embedder, persist_directory=str(d), collection_name="bench"
                )
            )
        )
        chromadb.api.client.SharedSystemClient.clear_system_cache()
        settings = Settings(index_dir=workdir / f"ours-{round_number}", chroma_url=None)
        index = CatalogueIndex(settings, ours_embedder)
        ours_builds.append(timed(lambda i=index: i.sync(catalogue, progress=False)))
    unchanged = [timed(lambda: index.sync(catalogue, progress=False)) for _ in range(5)]

    retriever = Retriever(catalogue, index, ours_embedder)
    ours_latency = latencies_ms(lambda q: retriever.search(q, k=10), args.queries)
    store = Chroma(
        collection_name="bench",
        embedding_function=canonical_embedder,
        persist_directory=str(workdir / "canonical-0"),
    )
    canonical_retriever = store.as_retriever(search_kwargs={"k": 10})
    canonical_latency = latencies_ms(canonical_retriever.invoke, args.queries)

    first_ours, first_canonical = min(ours_builds), min(canonical_builds)
    rebuild = statistics.median(unchanged)
    distinct = len({t.text for t in texts})
    print(
        f"\n{args.catalogue} catalogue: {len(products)} products + {len(passages)} review "
        f"passages = {len(texts)} texts ({distinct} distinct); {args.queries} queries; "
        f"best of {args.rounds} first builds; "
        f"ours on {ours_embedder.runtime}, both in batches of {ours_embedder.batch_size}.\n"
    )
    print("| measure | ours | canonical LangChain | ratio |")
    print("| --- | ---: | ---: | ---: |")
    print(
        f"| first build, texts/s | {len(texts) / first_ours:,.0f} | "
        f"{len(texts) / first_canonical:,.0f} | {first_canonical / first_ours:.2f}x faster |"
    )
    print(f"| first build, s | {first_ours:.1f} | {first_canonical:.1f} | |")
    print(
        f"| rebuild, nothing changed, s | {rebuild:.3f} | (no incremental mode) | "
        f"{first_ours / rebuild:,.0f}x faster than our first build |"
    )
    for name, share in (("p50", 0.5), ("p95", 0.95)):
        ours_value = percentile(ours_latency, share)
        canonical_value = percentile(canonical_latency, share)
        print(
            f"| query {name}, ms (ours: hybrid + filters) | {ours_value:.1f} | "
            f"{canonical_value:.1f} | {canonical_value / ours_value:.2f}x |"
        )
    print(
        "\nGoals: first build no slower than canonical (ratio >= 1), rebuild >= 20x faster "
        "than a first build, query p95 <= 30 ms."
    )


if __name__ == "__main__":
    main()
