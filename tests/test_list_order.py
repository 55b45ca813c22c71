"""A list asked in an order: «sort by most reviews», «highest rated first», «price high to
low», as a new search and of the products just shown."""

from __future__ import annotations

import pytest

from assistant.conversation.answers.list_order import list_order
from tests.test_phrasing import Chat


@pytest.mark.parametrize(
    ("said", "order"),
    [
        ("power bank under 40, in stock, 4 stars min, sort by most reviews", "most_reviewed"),
        ("sort them by number of reviews", "most_reviewed"),
        ("most reviewed first pls", "most_reviewed"),
        ("show me headphones, highest rated first", "best_rated"),
        ("order by rating", "best_rated"),
        ("yoga mats sorted by price, high to low", "priciest"),
        ("tents, price low to high", "cheapest"),
        ("sort by price", "cheapest"),
    ],
)
def test_the_order_said_is_read(said: str, order: str) -> None:
    assert list_order(said) == order


@pytest.mark.parametrize(
    "said",
    ["what's the best rated blender", "which one has the most reviews?", "the price is high"],
)
def test_a_superlative_or_a_remark_asks_no_list_order(said: str) -> None:
    assert list_order(said) is None


@pytest.mark.slow
def test_a_search_sorted_by_most_reviews_lists_them_so(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("power bank under 40, in stock, 4 stars min, sort by most reviews")
    products = [demo_assistant.services.catalogue.products[pid] for pid in reply.products]
    assert len(products) >= 2
    counts = [p.review_count for p in products]
    assert counts == sorted(counts, reverse=True)
    top = chat.say("the top one has so many 5 stars, are those reviews legit?")
    assert top.products[:1] == reply.products[:1]


@pytest.mark.slow
def test_the_products_shown_sorted_by_price_high_to_low(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("show me yoga mats")
    reply = chat.say("sort them by price, high to low")
    prices = [
        demo_assistant.services.catalogue.products[pid].buyable_price_minor
        for pid in reply.products
    ]
    assert len(prices) >= 2
    assert prices == sorted(prices, reverse=True)
