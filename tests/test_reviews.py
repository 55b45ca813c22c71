"""Answers about reviews: aspects, and references that name no aspect."""

from __future__ import annotations

from assistant.search.reviews import answer_about_reviews


def test_a_reference_to_a_shown_product_is_not_an_aspect(tiny_retriever, tiny_catalogue):
    for question in ("what do reviews say about the first one", "what do people think of it"):
        answer = answer_about_reviews(tiny_retriever, tiny_catalogue, "T1", question)
        assert answer.aspect is None
        assert answer.mentions == answer.review_count > 0  # the whole picture


def test_an_aspect_is_kept(tiny_retriever, tiny_catalogue):
    answer = answer_about_reviews(
        tiny_retriever,
        tiny_catalogue,
        "T1",
        "what do reviews say about the battery of the first one",
    )
    assert answer.aspect == "battery"
