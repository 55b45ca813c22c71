"""Questions about the shop and the assistant in shoppers' own words: ways to pay, bank
details, whether a person is typing."""

from __future__ import annotations

import pytest

from assistant.conversation.smalltalk import ABOUT_ME
from tests.test_phrasing import Chat


@pytest.mark.parametrize(
    ("said", "about_me"),
    [
        ("u are robot or real human?", True),
        ("is this a real person?", True),
        ("am i talking to a bot", True),
        ("you are great", False),
    ],
)
def test_questions_about_the_assistant_itself(said: str, about_me: bool) -> None:
    assert bool(ABOUT_ME.search(said)) is about_me


@pytest.mark.slow
@pytest.mark.parametrize(
    ("asked", "section", "says"),
    [
        ("is possible pay cash on delivery?", "payments.ways-to-pay", "no real payment"),
        ("can i pay with paypal", "payments.ways-to-pay", "no real payment"),
        (
            "u need my bank account number for refund later?",
            "payments.what-we-never-ask-for",
            "never needs your bank account number",
        ),
    ],
)
def test_payment_questions_are_answered_from_the_payments_policy(
    demo_assistant, asked: str, section: str, says: str
) -> None:
    reply = Chat(demo_assistant).say(asked)
    assert section in [citation.id for citation in reply.citations], reply.text
    assert says in reply.text


@pytest.mark.slow
def test_a_placed_order_asked_to_change_gets_the_rule_and_stays(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the wildpine go water bottle in grey and take me to checkout")
    placed = chat.say("yes")
    assert placed.orders, placed.text
    reply = chat.say("Could you change the quantity on that order to two?")
    assert "orders.changing-an-order" in [citation.id for citation in reply.citations]
    assert not reply.orders and "cannot be changed" in reply.text
