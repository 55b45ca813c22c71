"""Does fine-tuning the packaged MiniLM on hetPQA's answer-generation train pairs rank product
evidence (attributes, descriptions, bullets, community answers, reviews) better? A measurement.

Run: `nice python scripts/evidence_encoder_experiment.py [--epochs 1] [--negatives]`
(minutes on 2 cores). Trains with MultipleNegativesRankingLoss on the 3,693 (question,
evidence that answers it) pairs of hetPQA answer_generation train, seeded; `--negatives` adds
one hard negative per pair (evidence of the same product given for another question). Then
ranks ePQA dev and hetPQA evidence-ranking dev with the pipeline's own `rank_texts` (hybrid)
and plain cosine, with the packaged weights and with the tuned ones. Those dev sets are the
only labelled evidence rankings here, so they are also what the README reports: a win here
is a choice made on them, and is said so. The model is written to --out (never committed).
"""

from __future__ import annotations

import argparse
import csv
import random
from collections import defaultdict
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.evaluation.datasets import EvidenceQuestion, load_epqa, load_hetpqa
from assistant.evaluation.retrieval_quality import evidence_scores
from assistant.learning.bi_encoder import fine_tune
from assistant.search.embeddings import packaged_model_path
from assistant.settings import Settings

SEED = 13


class Encoder(Embeddings):
    """A SentenceTransformer as LangChain embeddings, so `rank_texts` can use it."""

    def __init__(self, model) -> None:
        self.model = model

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.model.encode(texts, batch_size=64, normalize_embeddings=True).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


def training_pairs(data_dir: Path, negatives: bool) -> dict[str, list[str]]:
    """(question, evidence) pairs, with a same-product negative when asked for."""
    path = data_dir / "amazon_contextual_pqa" / "hetPQA" / "answer_generation" / "train.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    by_product: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_product[row["ASIN"]].append(row)
    chooser = random.Random(SEED)
    pairs: dict[str, list[str]] = {"anchor": [], "positive": []}
    if negatives:
        pairs["negative"] = []
    for row in rows:
        same_product = by_product[row["ASIN"]]
        others = [o["candidate"] for o in same_product if o["question"] != row["question"]]
        if negatives and not others:
            continue
        pairs["anchor"].append(row["question"])
        pairs["positive"].append(row["candidate"])
        if negatives:
            pairs["negative"].append(chooser.choice(others))
    return pairs


def measure(embedder: Embeddings, sets: dict[str, tuple[list[EvidenceQuestion], int]]) -> dict:
    """nDCG@5 / MRR of every set, hybrid pipeline and plain cosine."""
    return {
        (name, mode): evidence_scores(questions, embedder, mode, full_label=full)
        for name, (questions, full) in sets.items()
        for mode in ("hybrid", "dense")
    }


def main() -> None:
    """Measure with the packaged weights, train, measure with the tuned ones."""
    import torch
    from sentence_transformers import SentenceTransformer

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=float, default=1.0)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--negatives", action="store_true")
    parser.add_argument("--out", type=Path, default=Path("/tmp/evidence-encoder-experiment"))
    args = parser.parse_args()
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    data_dir = Settings().shared_data_dir
    sets = {
        "ePQA dev": ([q for q in load_epqa(data_dir) if any(q.labels)], 2),
        "hetPQA dev": ([q for q in load_hetpqa(data_dir) if any(q.labels)], 1),
    }
    model = SentenceTransformer(str(packaged_model_path()), device="cpu", local_files_only=True)
    before = measure(Encoder(model), sets)
    full_length, model.max_seq_length = model.max_seq_length, 128  # evidence is short
    pairs = training_pairs(data_dir, args.negatives)
    seconds = fine_tune(model, pairs, args.out, args.epochs, args.lr, SEED)
    model.max_seq_length = full_length
    after = measure(Encoder(model), sets)
    model.save(str(args.out / "model"))
    print(f"{len(pairs['anchor'])} pairs, {seconds:.0f} s of training; nDCG@5 / MRR:")
    for key, untuned in before.items():
        print(
            f"{key[0]:11s} {key[1]:7s} packaged {untuned[0]} / {untuned[1]}  "
            f"tuned {after[key][0]} / {after[key][1]}"
        )


if __name__ == "__main__":
    main()
