"""Shoppers who change their minds, ask again and write in DMs: a new search beside a list,
another version of what is in the cart, a cancel with a new pick, linking on request."""

from __future__ import annotations

import pytest

from tests.test_phrasing import Chat


@pytest.mark.slow
def test_a_search_with_a_budget_is_not_the_shown_product_its_kind_word_names(
    demo_assistant,
) -> None:
    chat = Chat(demo_assistant)
    chat.say("do you have the sony wh-1000xm5?")
    reply = chat.say("ok what noise cancelling headphones under 100 then")
    products = [demo_assistant.services.catalogue.products[pid] for pid in reply.products]
    assert len(products) >= 3, reply.text
    assert all(min(v.price_minor for v in p.variants) <= 10_000 for p in products), reply.text
