"""Does fine-tuning the packaged MiniLM as a bi-encoder on SubjQA train beat it? A measurement.

Run: `nice python scripts/biencoder_experiment.py [--epochs 1] [--lr 5e-5] [--out DIR]`
(about 25 min on 2 shared cores). Trains on the questions of one half of SubjQA train's
products (`product_half(...) == "reranker"`), with MultipleNegativesRankingLoss over
(question, answering sentences) and (question, whole review) pairs, seeded; then ranks each
answerable question of the other half against all its product's reviews, before and after,
by whole-review cosine and by whole review + best sentence (the pipeline's dense signal).
SubjQA dev is reported too but is no fair check: 449 of its 458 (product, question) pairs are
also in train. The model is written to --out (never committed), nothing else changes.
"""

from __future__ import annotations

import argparse
import random
from collections import defaultdict
from pathlib import Path

import numpy as np

from assistant.catalogue.models import Catalogue
from assistant.evaluation.datasets import ReviewQuestion, load_subjqa
from assistant.learning.bi_encoder import fine_tune
from assistant.learning.build import product_half
from assistant.learning.pairs import answer_sentences
from assistant.search.embeddings import packaged_model_path
from assistant.search.passages import review_units, split_sentences
from assistant.settings import Settings

SEED = 13


def training_pairs(questions: list[ReviewQuestion], catalogue: Catalogue) -> dict[str, list[str]]:
    """(question, answering sentences) and (question, whole review) for answerable questions."""
    anchors, positives = [], []
    for question in questions:
        review = catalogue.reviews.get(question.review_id)
        if review is None or question.answer is None:
            continue
        sentences = split_sentences(review.text)
        holding = answer_sentences(sentences, question.answer)
        if holding:
            anchors.append(question.question)
            positives.append(" ".join(sentences[i] for i in holding[:2]))
        anchors.append(question.question)
        positives.append(review.text)
    return {"anchor": anchors, "positive": positives}


def recall(model, questions: list[ReviewQuestion], catalogue: Catalogue) -> dict[str, tuple]:
    """Recall@1/@5 by whole-review cosine and by whole review + best sentence."""
    asked = [q for q in questions if q.answer]
    products = {q.product_id for q in asked}
    review_ids = [r.id for r in catalogue.reviews.values() if r.product_id in products]
    units = {rid: review_units(catalogue.reviews[rid]) for rid in review_ids}
    texts = [u.text for rid in review_ids for u in units[rid]]
    vectors = model.encode(texts, batch_size=64, normalize_embeddings=True)
    questions_v = model.encode([q.question for q in asked], normalize_embeddings=True)
    whole, sentences, row = {}, {}, 0
    for rid in review_ids:
        count = len(units[rid])
        whole[rid], sentences[rid] = vectors[row], vectors[row + 1 : row + count]
        row += count
    by_product: dict[str, list[str]] = defaultdict(list)
    for rid in review_ids:
        by_product[catalogue.reviews[rid].product_id].append(rid)
    figures = {}
    for scoring in ("whole review", "whole review + best sentence"):
        hits: dict[int, list[bool]] = {1: [], 5: []}
        for question, vector in zip(asked, questions_v, strict=True):
            candidates = by_product[question.product_id]
            scores = [float(whole[r] @ vector) for r in candidates]
            if scoring != "whole review":
                scores = [
                    s + float((sentences[r] @ vector).max()) if len(sentences[r]) else 2 * s
                    for s, r in zip(scores, candidates, strict=True)
                ]
            order = [candidates[i] for i in np.argsort(-np.asarray(scores), kind="stable")]
            for k in hits:
                hits[k].append(question.review_id in order[:k])
        figures[scoring] = tuple(round(float(np.mean(hits[k])), 4) for k in hits)
    return figures


def main() -> None:
    """Measure before, train, measure after."""
    import torch
    from sentence_transformers import SentenceTransformer

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=float, default=1.0)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--max-length", type=int, default=128)
    parser.add_argument("--out", type=Path, default=Path("/tmp/biencoder-experiment"))
    args = parser.parse_args()
    random.seed(SEED)
    torch.manual_seed(SEED)
    settings = Settings()
    train, catalogue = load_subjqa(settings.shared_data_dir, "train")
    learn = [q for q in train if product_half(q.product_id) == "reranker"]
    held_out = [q for q in train if product_half(q.product_id) == "classifier"]
    dev, dev_catalogue = load_subjqa(settings.shared_data_dir, "dev")
    model = SentenceTransformer(str(packaged_model_path()), device="cpu", local_files_only=True)
    model.max_seq_length = args.max_length
    before = recall(model, held_out, catalogue), recall(model, dev, dev_catalogue)
    pairs = training_pairs(learn, catalogue)
    seconds = fine_tune(model, pairs, args.out, args.epochs, args.lr, SEED)
    after = recall(model, held_out, catalogue), recall(model, dev, dev_catalogue)
    model.save(str(args.out / "model"))
    print(f"{len(pairs['anchor'])} pairs, {seconds:.0f} s; recall@1, recall@5:")
    checks = zip(("held-out train", "dev (leaky)"), before, after, strict=True)
    for label, untuned, tuned in checks:
        for scoring in untuned:
            print(f"{label:15s} {scoring:30s} untuned {untuned[scoring]} tuned {tuned[scoring]}")


if __name__ == "__main__":
    main()
