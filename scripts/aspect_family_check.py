"""What one aspect family of review words changes on SubjQA test: the questions it matches,
each ranked with and without the family (the rest of the pipeline is the same code).

    python scripts/aspect_family_check.py durability

A family only acts on the questions its pattern matches, so these are the only SubjQA
figures it can move; the untrained ranking is used (no evidence models).
"""

from __future__ import annotations

import os
import sys
import tempfile

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import assistant.search.aspect_families as families
from assistant.evaluation.datasets import load_subjqa
from assistant.evaluation.metrics import recall_at_k, token_f1
from assistant.evaluation.retrieval_quality import asked_catalogue, subjqa_retriever
from assistant.search.embeddings import SentenceTransformerEmbedder
from assistant.search.spans import answer_span
from assistant.settings import Settings


def main(name: str) -> None:
    """Print each matching question's recall@1/@5 and span F1, with the family and without."""
    settings = Settings()
    questions, catalogue = load_subjqa(settings.shared_data_dir, "test")
    pattern = next(p for family, p, _ in families.FAMILIES if family == name)
    asked = [q for q in questions if pattern.search(q.question)]
    print(f"{len(asked)} of {len(questions)} SubjQA test questions match «{name}»")
    everything = families.FAMILIES
    with tempfile.TemporaryDirectory() as folder:
        retriever = subjqa_retriever(
            settings, SentenceTransformerEmbedder(), asked_catalogue(catalogue, asked), folder
        )
        for label, kept in (
            ("with", everything),
            ("without", tuple(f for f in everything if f[0] != name)),
        ):
            families.FAMILIES = kept
            for q in asked:
                evidence, _ = retriever.review_evidence_ranked(q.product_id, q.question, k=10)
                ranked = [item.review_id for item in evidence]
                span = answer_span(q.question, evidence[0].text) if evidence else ""
                print(
                    f"{label:7} | {q.question} | answerable {bool(q.answer)} | "
                    f"r@1 {recall_at_k(ranked, {q.review_id}, 1):.0f} "
                    f"r@5 {recall_at_k(ranked, {q.review_id}, 5):.0f} | "
                    f"F1 {token_f1(span, q.answer or ''):.3f}"
                )
    families.FAMILIES = everything


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "durability")
