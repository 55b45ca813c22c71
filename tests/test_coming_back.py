"""Shoppers who come back after ordering or asking: part of a placed order is never cancelled
alone, «can she send it back?» asks a return window, a question about another product leaves
an open «which one?» behind."""

from __future__ import annotations

import pytest

from tests.test_phrasing import Chat


def _statuses(bot, session: str) -> list[str]:
    return [order.status for order in bot.commerce.list_orders(session)]


@pytest.mark.slow
@pytest.mark.parametrize(
    "part",
    [
        "can u cancel just the white ones from that order?",
        "cancel one of the white ones",
        "take the black one off my order",
    ],
)
def test_part_of_a_placed_order_is_not_cancelled_alone(demo_assistant, part) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the sonara edge bluetooth speaker - one black and two white")
    chat.say("checkout")
    placed = chat.say("yes")
    assert placed.orders, placed.text
    reply = chat.say(part)
    assert _statuses(demo_assistant, chat.session) == ["processing"], reply.text
    assert "orders.changing-an-order" in [c.id for c in reply.citations], reply.text
    chat.say("cancel my order")  # the whole order still can be
    assert _statuses(demo_assistant, chat.session) == ["cancelled"]


@pytest.mark.slow
def test_a_return_asked_about_for_someone_else_gives_its_window(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("2 of the Kestrel Travel Wave 2 canvas tote in navy pls, for my sisters")
    chat.say("checkout")
    chat.say("yep")
    reply = chat.say("if one of them doesn't like it can she send it back?")
    assert "30 days" in reply.text and "cancel it instead" not in reply.text, reply.text
    assert _statuses(demo_assistant, chat.session) == ["processing"]


@pytest.mark.slow
def test_a_question_about_another_product_leaves_which_one_behind(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the Drift Classic 2 Scented Soy Candle")  # every version sold out: «which?»
    chat.say("ok what about the Oakhaven Core 2 Scented Soy Candle, is that in stock?")
    chat.say("add 2, white king")
    assert chat.units() == {"P0146": 2}
