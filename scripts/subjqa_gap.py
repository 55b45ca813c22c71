"""Why SubjQA recall@5 depends on the setup: domain, candidate set and question de-duplication.

Run: `python scripts/subjqa_gap.py [--split test]`. Ranks each answerable question's product
reviews by plain MiniLM cosine (whole review), by its best sentence, and by both summed, under
each setup, and prints recall@5 with the number of candidate reviews per question. Vectors come
from the data-set cache under MODELS_DIR (filled by the evaluation), so a rerun takes seconds.
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import numpy as np

from assistant.evaluation.datasets import SUBJQA_DOMAINS, ReviewQuestion, load_subjqa
from assistant.learning.build import cached
from assistant.search.embeddings import make_embedder
from assistant.search.passages import review_units
from assistant.settings import Settings

Candidates = Callable[[ReviewQuestion], list[str]]
SCORINGS = ("whole review", "best sentence", "both")


def split_reviews(data_dir: Path, split: str) -> dict[str, set[str]]:
    """The reviews each product has in one split's files."""
    found: dict[str, set[str]] = defaultdict(set)
    for domain in SUBJQA_DOMAINS:
        path = Path(data_dir) / "subjqa_products" / domain / f"{split}.csv"
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                found[row["item_id"]].add(row["review_id"])
    return found


class Scorer:
    """Whole-review and per-sentence vectors of every review, and the three scorings."""

    def __init__(self, settings: Settings, reviews: dict) -> None:
        embedder = cached(settings, make_embedder(settings))
        self.embedder = embedder
        units = {rid: review_units(review) for rid, review in reviews.items()}
        vectors = np.asarray(
            embedder.embed_documents([u.text for rid in units for u in units[rid]]),
            dtype=np.float32,
        )
        self.whole: dict[str, np.ndarray] = {}
        self.sentences: dict[str, np.ndarray] = {}
        row = 0
        for rid, parts in units.items():
            self.whole[rid] = vectors[row]
            self.sentences[rid] = vectors[row + 1 : row + len(parts)]
            row += len(parts)

    def rank(self, question: str, candidates: list[str], scoring: str) -> list[str]:
        """The candidates best first under one scoring."""
        vector = np.asarray(self.embedder.embed_query(question), dtype=np.float32)
        scores = []
        for rid in candidates:
            whole = float(self.whole[rid] @ vector)
            best = (
                float((self.sentences[rid] @ vector).max()) if len(self.sentences[rid]) else whole
            )
            scores.append(
                {"whole review": whole, "best sentence": best, "both": whole + best}[scoring]
            )
        return [candidates[i] for i in np.argsort(-np.asarray(scores), kind="stable")]


def recall_at_5(
    scorer: Scorer, questions: list[ReviewQuestion], candidates: Candidates, scoring: str
) -> tuple[float, float]:
    """Recall@5 and the mean number of candidate reviews per question."""
    hits = [q.review_id in scorer.rank(q.question, candidates(q), scoring)[:5] for q in questions]
    sizes = [len(candidates(q)) for q in questions]
    return float(np.mean(hits)), float(np.mean(sizes))


def main() -> None:
    """Print recall@5 under each setup."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", choices=("train", "dev", "test"))
    split = parser.parse_args().split
    settings = Settings()
    questions, catalogue = load_subjqa(settings.shared_data_dir, split)
    answerable = [q for q in questions if q.answer]
    scorer = Scorer(settings, catalogue.reviews)
    by_product: dict[str, list[str]] = defaultdict(list)
    for rid, review in catalogue.reviews.items():
        by_product[review.product_id].append(rid)
    in_split = split_reviews(settings.shared_data_dir, split)
    setups: dict[str, Candidates] = {
        "all the product's reviews (harness)": lambda q: by_product[q.product_id],
        f"only the product's reviews in {split}.csv": lambda q: [
            r for r in by_product[q.product_id] if r in in_split[q.product_id]
        ],
    }
    unique = list({(q.question, q.review_id): q for q in answerable}.values())
    samples = {"all answerable": answerable, "unique (question, review)": unique}
    print(f"| questions | domain | candidates | n | reviews/question | {' | '.join(SCORINGS)} |")
    print("| --- | --- | --- | ---: | ---: |" + " ---: |" * len(SCORINGS))
    for sample_name, sample in samples.items():
        for domain in (*SUBJQA_DOMAINS, "both"):
            asked = [q for q in sample if domain in ("both", q.domain)]
            for setup_name, candidates in setups.items():
                figures = [recall_at_5(scorer, asked, candidates, s) for s in SCORINGS]
                cells = " | ".join(f"{recall:.3f}" for recall, _ in figures)
                print(
                    f"| {sample_name} | {domain} | {setup_name} | {len(asked)} | "
                    f"{figures[0][1]:.1f} | {cells} |"
                )


if __name__ == "__main__":
    main()
