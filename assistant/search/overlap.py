"""Token-overlap F1 between two short texts, as SQuAD and SubjQA score answers."""

from __future__ import annotations

import re
from collections import Counter


def answer_tokens(text: str) -> list[str]:
    """SQuAD-style normalisation: lower case, no punctuation, no articles."""
    text = re.sub(r"[^\w\s]", " ", text.lower())
    return [token for token in text.split() if token not in {"a", "an", "the"}]


def token_f1(prediction: str, reference: str) -> float:
    """Token-overlap F1 between an answer and a reference span."""
    predicted, gold = answer_tokens(prediction), answer_tokens(reference)
    if not predicted or not gold:
        return float(predicted == gold)
    common = sum((Counter(predicted) & Counter(gold)).values())
    if common == 0:
        return 0.0
    precision, recall = common / len(predicted), common / len(gold)
    return 2 * precision * recall / (precision + recall)
