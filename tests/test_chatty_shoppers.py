"""Chatty shoppers with a concrete situation: a child's age against a toy's age rating
(«is it suitable for my granddaughter? She is 2.»)."""

from __future__ import annotations

import pytest

from assistant.conversation.answers.ages import age_verdict, child_age
from tests.test_phrasing import Chat


@pytest.mark.parametrize(
    ("said", "age"),
    [
        ("is it suitable for my granddaughter? She is 2.", 2),
        ("ok for a 3 year old?", 3),
        ("my son just turned five", 5),
        ("safe for toddlers?", 2),
        ("good for a baby?", 0),
        ("is it good for kids?", None),  # no age said
        ("does it take 2 batteries?", None),
    ],
)
def test_the_age_of_the_child_asked_about(said, age) -> None:
    found = child_age(said)
    assert (found[0] if found else None) == age


def test_an_age_rating_is_weighed_against_the_child() -> None:
    assert "not meant for a 2-year-old" in age_verdict("6+", "she is 2")
    assert "fine for a 7-year-old" in age_verdict("6+", "for a 7 year old")
    assert age_verdict("2-4", "she is 2") == ""  # a player count, not an age rating
    assert age_verdict("6+", "is it any good?") == ""


@pytest.mark.slow
def test_a_toy_question_about_a_young_child_answers_from_the_age_rating(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("Hello, is the Playwise Urban teddy bear suitable for my granddaughter? 2yo")
    assert "P0234" in reply.text and "6+" in reply.text
    assert "not meant for a 2-year-old" in reply.text
