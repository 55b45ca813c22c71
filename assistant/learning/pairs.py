"""Training pairs for the evidence reranker, from the train splits only: (question, passage,
1 = answers it / 0 = does not)."""

from __future__ import annotations

import csv
import random
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from assistant.catalogue.models import Catalogue
from assistant.evaluation.datasets import DatasetMissing, ReviewQuestion
from assistant.search.passages import split_sentences

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Pair:
    """One labelled (question, passage) example."""

    question: str
    passage: str
    label: float
    source: str


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def answer_sentences(sentences: list[str], span: str) -> list[int]:
    """The sentences that hold a human answer span: those sharing most of its words."""
    span_words = _words(span)
    if not span_words:
        return []
    found = [
        position
        for position, sentence in enumerate(sentences)
        if len(span_words & _words(sentence)) >= 0.5 * len(span_words)
    ]
    if found:
        return found
    best = max(range(len(sentences)), key=lambda p: len(span_words & _words(sentences[p])))
    return [best] if span_words & _words(sentences[best]) else []


def _closest(question: str, sentences: list[str], exclude: set[int]) -> int | None:
    """The sentence sharing most words with the question (a hard negative), if any is left."""
    words = _words(question)
    left = [p for p in range(len(sentences)) if p not in exclude]
    if not left:
        return None
    return max(left, key=lambda p: (len(words & _words(sentences[p])), -p))


def subjqa_pairs(
    questions: list[ReviewQuestion], catalogue: Catalogue, rng: random.Random
) -> list[Pair]:
    """Per answerable question: the answering sentence (1), the review's sentence closest to
    the question that does not answer (0) and a sentence of another review of the product
    (0). Per unanswerable question: its review's sentence closest to the question (0)."""
    pairs: list[Pair] = []
    for question in questions:
        review = catalogue.reviews.get(question.review_id)
        if review is None:
            continue
        sentences = split_sentences(review.text)
        if not sentences:
            continue
        if question.answer is None:
            closest = _closest(question.question, sentences, set())
            if closest is not None:
                pairs.append(Pair(question.question, sentences[closest], 0.0, "subjqa-none"))
            continue
        holding = answer_sentences(sentences, question.answer)
        if not holding:
            continue
        pairs.append(
            Pair(question.question, " ".join(sentences[p] for p in holding), 1.0, "subjqa")
        )
        closest = _closest(question.question, sentences, set(holding))
        if closest is not None:
            pairs.append(Pair(question.question, sentences[closest], 0.0, "subjqa-same-review"))
        others = [
            r for r in catalogue.reviews_of(question.product_id) if r.id != question.review_id
        ]
        if others:
            other = split_sentences(rng.choice(others).text)
            if other:
                pairs.append(Pair(question.question, rng.choice(other), 0.0, "subjqa-other-review"))
    return pairs


def hetpqa_pairs(data_dir: Path, rng: random.Random, limit: int | None = None) -> list[Pair]:
    """hetPQA answer-generation train: each question with the evidence its answer was written
    from (1) and evidence written for another question about the same product (0)."""
    path = Path(data_dir) / "amazon_contextual_pqa/hetPQA/answer_generation/train.csv"
    if not path.is_file():
        raise DatasetMissing(f"{path} is missing; set SHARED_DATA_DIR")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle, delimiter="\t") if row["candidate"].strip()]
    if limit is not None and limit < len(rows):
        rows = rng.sample(rows, limit)
    by_product: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_product[row["ASIN"]].append(row)
    pairs: list[Pair] = []
    for row in rows:
        pairs.append(Pair(row["question"], row["candidate"], 1.0, "hetpqa"))
        siblings = [
            other["candidate"]
            for other in by_product[row["ASIN"]]
            if other["question"] != row["question"] and other["candidate"] != row["candidate"]
        ]
        negative = rng.choice(siblings) if siblings else rng.choice(rows)["candidate"]
        if negative != row["candidate"]:
            pairs.append(Pair(row["question"], negative, 0.0, "hetpqa-other"))
    return pairs
