import math

import pytest

from assistant.evaluation.metrics import dcg_at_k, mean, ndcg_at_k, recall_at_k, reciprocal_rank


def test_recall_at_k():
    assert recall_at_k(["a", "b", "c"], {"b"}, 1) == 0.0
    assert recall_at_k(["a", "b", "c"], {"b"}, 2) == 1.0
    assert recall_at_k(["a", "b", "c"], {"b", "z"}, 3) == 0.5
    with pytest.raises(ValueError):
        recall_at_k(["a"], set(), 1)


def test_reciprocal_rank():
    assert reciprocal_rank(["a", "b", "c"], {"c"}) == pytest.approx(1 / 3)
    assert reciprocal_rank(["a"], {"z"}) == 0.0


def test_ndcg_by_hand():
    labels = {"a": 2, "b": 0, "c": 1}
    # ranking b, c, a: DCG = 0/1 + 1/log2(3) + 3/log2(4); ideal a, c, b: 3/1 + 1/log2(3)
    expected = (1 / math.log2(3) + 3 / 2) / (3 + 1 / math.log2(3))
    assert ndcg_at_k(["b", "c", "a"], labels, 3) == pytest.approx(expected)
    assert ndcg_at_k(["a", "c", "b"], labels, 3) == pytest.approx(1.0)
    assert ndcg_at_k(["a"], {"a": 0}, 5) == 0.0
    assert dcg_at_k([1, 1], 1) == pytest.approx(1.0)


def test_mean():
    assert mean([1, 2, 3]) == 2 and mean([]) == 0.0
