"""Concurrent query encodes share model calls, each caller gets its own text's vector."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from assistant.search.query_batcher import QueryBatcher


def _vector_of(text: str) -> np.ndarray:
    """A vector that says which text it came from."""
    return np.array([float(len(text)), float(sum(map(ord, text)))], dtype=np.float32)


class SlowModel:
    """A model whose every call takes a while, as a CPU encode does, and records its batches."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.calls.append(list(texts))
        time.sleep(0.05)
        return np.stack([_vector_of(text) for text in texts])


def test_a_lone_query_is_encoded_alone() -> None:
    model = SlowModel()
    batcher = QueryBatcher(model)
    assert np.array_equal(batcher.encode_one("blue kettle"), _vector_of("blue kettle"))
    assert model.calls == [["blue kettle"]]


def test_concurrent_queries_share_calls_and_each_gets_its_own_vector() -> None:
    model = SlowModel()
    batcher = QueryBatcher(model, max_batch=8)
    texts = [f"message number {n} " + "x" * n for n in range(20)]
    with ThreadPoolExecutor(max_workers=20) as pool:
        vectors = list(pool.map(batcher.encode_one, texts))
    for text, vector in zip(texts, vectors, strict=True):
        assert np.array_equal(vector, _vector_of(text))
    assert sorted(t for call in model.calls for t in call) == sorted(texts)
    assert len(model.calls) < len(texts)  # some waited and went together
    assert max(len(call) for call in model.calls) <= 8


def test_a_failed_call_reaches_every_waiting_caller_and_the_next_call_works() -> None:
    broken = threading.Event()
    broken.set()

    def model(texts: list[str]) -> np.ndarray:
        if broken.is_set():
            time.sleep(0.02)
            raise RuntimeError("model fell over")
        return np.stack([_vector_of(text) for text in texts])

    batcher = QueryBatcher(model)
    with ThreadPoolExecutor(max_workers=5) as pool:
        futures = [pool.submit(batcher.encode_one, f"q{n}") for n in range(5)]
        for future in futures:
            with pytest.raises(RuntimeError, match="fell over"):
                future.result(timeout=5)
    broken.clear()
    assert np.array_equal(batcher.encode_one("again"), _vector_of("again"))


def test_the_real_model_gives_the_same_vector_batched_as_alone(real_embedder) -> None:
    texts = ["wireless earbuds under $60", "yes", "do reviews say the first one is comfortable?"]
    alone = [real_embedder.encode([text])[0] for text in texts]
    with ThreadPoolExecutor(max_workers=3) as pool:
        together = list(pool.map(real_embedder.embed_query, texts))
    for single, batched in zip(alone, together, strict=True):
        assert float(np.dot(single, np.asarray(batched))) > 0.9999


def test_the_queries_of_one_turn_share_one_call() -> None:
    model = SlowModel()
    batcher = QueryBatcher(model)
    texts = ["a gift for a runner", "runner", "trail shoes"]
    vectors = batcher.encode_many(texts)
    assert [v.tolist() for v in vectors] == [_vector_of(t).tolist() for t in texts]
    assert len(model.calls) <= 2 and sum(map(len, model.calls)) == 3  # not one call each
