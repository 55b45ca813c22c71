"""Ranking metrics over ranked id lists and graded labels."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from assistant.search.overlap import token_f1

__all__ = [
    "dcg_at_k",
    "mean",
    "ndcg_at_k",
    "percentile",
    "rate",
    "recall_at_k",
    "reciprocal_rank",
    "token_f1",
]


def recall_at_k(ranking: Sequence[str], relevant: set[str], k: int) -> float:
    """Share of the relevant ids found in the top k (1.0 or 0.0 when one id is relevant)."""
    if not relevant:
        raise ValueError("recall needs at least one relevant id")
    return len(set(ranking[:k]) & relevant) / len(relevant)


def reciprocal_rank(ranking: Sequence[str], relevant: set[str]) -> float:
    """1 / rank of the first relevant id, 0 when none is ranked."""
    for rank, item in enumerate(ranking, start=1):
        if item in relevant:
            return 1.0 / rank
    return 0.0


def dcg_at_k(gains: Sequence[float], k: int) -> float:
    """Discounted cumulative gain with the exponential gain 2^g - 1."""
    return sum(
        (2.0**gain - 1.0) / math.log2(rank + 1) for rank, gain in enumerate(gains[:k], start=1)
    )


def ndcg_at_k(ranking: Sequence[str], labels: Mapping[str, float], k: int) -> float:
    """nDCG@k of a ranking against graded labels; 0 when nothing is relevant."""
    ideal = dcg_at_k(sorted(labels.values(), reverse=True), k)
    if ideal == 0:
        return 0.0
    return dcg_at_k([labels.get(item, 0.0) for item in ranking], k) / ideal


def mean(values: Sequence[float]) -> float:
    """Arithmetic mean; 0 for no values."""
    return sum(values) / len(values) if values else 0.0


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (share in 0..1) of a list of numbers."""
    if not values:
        raise ValueError("percentile of no values")
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def rate(flags: Sequence[bool]) -> float:
    """Share of true flags; 0 for none."""
    return sum(flags) / len(flags) if flags else 0.0
