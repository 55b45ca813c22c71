"""Shoppers who correct themselves and the assistant, and answers to a refused count: «ok do
the max then» after «at most 10 per order», «what's the max?»."""

from __future__ import annotations

import pytest

from assistant.conversation.understanding.slots import takes_the_most
from tests.test_phrasing import Chat

ROPE = "P0178"


@pytest.mark.parametrize(
    "said",
    ["ok do the max then", "fine, as many as i can then", "just add every one you have",
     "max please", "can you do the maximum"],
)  # fmt: skip
def test_every_one_allowed_is_wanted(said: str) -> None:
    assert takes_the_most(said)


@pytest.mark.parametrize(
    "said", ["what's the max?", "is that the max", "how many is the max", "under 50 max"]
)
def test_asking_about_the_limit_wants_nothing(said: str) -> None:
    assert not takes_the_most(said)


@pytest.mark.slow
def test_the_max_after_the_per_order_limit_is_the_limit(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("the ironpeak go skipping rope, is grey in stock?")
    reply = chat.say("i coach a kids class, need a dozen grey ones")
    assert chat.units() == {} and "10" in reply.text
    chat.say("ok do the max then")
    assert chat.units() == {ROPE: 10}


@pytest.mark.slow
def test_asking_the_max_after_the_limit_quotes_the_rule(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("the ironpeak go skipping rope, is grey in stock?")
    chat.say("i coach a kids class, need a dozen grey ones")
    reply = chat.say("what's the max?")
    assert chat.units() == {}
    assert "at most 10" in reply.text.lower(), reply.text
