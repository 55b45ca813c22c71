"""Vectors shared within one turn: a message embedded to classify it is not embedded again
to search for it (nor for policies or kinds).

`Assistant.chat` opens a turn; inside it, an embedder remembers each text it embeds for a
query and hands the same vector back when asked again. Nothing outlives the turn, so no
shopper's text is kept, and a turn in another thread has its own (a context variable).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_VECTORS: ContextVar[dict[str, list[float]] | None] = ContextVar("turn_vectors", default=None)


@contextmanager
def one_turn() -> Iterator[None]:
    """Share query vectors until the block ends."""
    token = _VECTORS.set({})
    try:
        yield
    finally:
        _VECTORS.reset(token)


def recall(text: str) -> list[float] | None:
    """The vector this turn already has for a text, if any."""
    vectors = _VECTORS.get()
    return None if vectors is None else vectors.get(text.strip())


def remember(text: str, vector: list[float]) -> None:
    """Keep a text's vector for the rest of the turn (outside a turn, nothing is kept)."""
    vectors = _VECTORS.get()
    if vectors is not None:
        vectors[text.strip()] = vector
