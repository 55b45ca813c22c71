"""One turn embeds the shopper's message once: the act classifier and the search share it."""

from __future__ import annotations

import pytest

from assistant.search import turn_vectors


def test_vectors_are_kept_for_one_turn_only() -> None:
    turn_vectors.remember("outside", [1.0])
    assert turn_vectors.recall("outside") is None  # outside a turn nothing is kept
    with turn_vectors.one_turn():
        turn_vectors.remember("earbuds ", [0.5])
        assert turn_vectors.recall(" earbuds") == [0.5]
    with turn_vectors.one_turn():
        assert turn_vectors.recall("earbuds") is None  # nothing outlives its turn


@pytest.mark.slow
def test_a_search_turn_embeds_the_message_once(demo_assistant, monkeypatch) -> None:
    embedder = demo_assistant.services.embedder
    encoded: list[str] = []
    original = embedder.encode

    def counting(texts: list[str]):
        encoded.extend(texts)
        return original(texts)

    monkeypatch.setattr(embedder, "encode", counting)
    message = "wireless earbuds under $60"
    reply = demo_assistant.chat("turn-vectors", message)
    assert reply.products  # it searched
    assert encoded.count(message) == 1
    assert "wireless earbuds" not in encoded  # the filter-free words are not embedded again
