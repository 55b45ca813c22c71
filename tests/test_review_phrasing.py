"""Review questions as shoppers ask them: a verdict on the product ("is it any good? it's a
lot of money"), a question that names a kind of product rather than one product, and a
follow-up after a refused question about another shopper of a named product."""

from __future__ import annotations

import re

import pytest

from assistant.search.reviews import OVERALL_QUESTION
from tests.test_phrasing import Chat


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("ok fair enough. is it any good then, its a lot of money", True),
        ("worth the money?", True),
        ("would you recommend it to a beginner", True),
        ("are they any good", True),
        ("is the battery any good?", False),  # an aspect, not a verdict
        ("does it run small?", False),
    ],
)
def test_a_verdict_question_is_told_from_an_aspect_question(question: str, verdict: bool) -> None:
    assert bool(OVERALL_QUESTION.search(question)) is verdict


@pytest.mark.slow
def test_a_verdict_gives_the_price_and_rating_not_an_aspect(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("show me the ridgeline studio tent")
    reply = chat.say("is it any good then, its a lot of money")
    assert reply.intent == "review_question"
    assert "$409.00" in reply.text and "4.0★" in reply.text
    assert "money" not in reply.text.split("\n")[0]  # not "none mention money"


@pytest.mark.slow
def test_a_review_question_about_a_kind_shows_that_kind_and_their_reviews(demo_assistant) -> None:
    reply = Chat(demo_assistant).say(
        "need a rain jacket thats actually waterproof, which one do reviewers rate best"
    )
    catalogue = demo_assistant.services.catalogue
    assert reply.products, reply.text
    assert all("Jacket" in catalogue.products[pid].title for pid in reply.products)
    # their reviews («N of M reviews of the X Jacket» or each one's side by side), not «which?»
    assert re.search(r"reviews of .*Jacket|reviews are from verified", reply.text), reply.text
    assert any(c.kind == "review" for c in reply.citations), reply.text
    assert "Which product do you mean" not in reply.text


@pytest.mark.slow
def test_a_refused_question_about_a_products_buyers_still_puts_it_in_focus(
    demo_assistant,
) -> None:
    chat = Chat(demo_assistant)
    refused = chat.say("who bought the last ridgeline studio tent? i want to buy it off them")
    assert refused.intent == "screened"
    reply = chat.say("ok fair enough. is it any good then")
    assert "Ridgeline Studio 2 Ultralight Tent" in reply.text
