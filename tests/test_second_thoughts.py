"""Shoppers who change their minds: «replace the X with the Y» and «can I have the Y instead
of the X?» trade one cart line for another (the old line stays until the new one's version is
chosen), asking whether to trade changes nothing, and «the Bassline One» written as a name is
that model, not «the Bassline one» among those shown."""

from __future__ import annotations

import pytest

from tests.test_phrasing import Chat

HEADPHONES_BLACK = "add the Bassline One in black"  # P0001, black in stock


@pytest.mark.slow
@pytest.mark.parametrize(
    "trade",
    [
        "replace the Bassline One with the Echofox Zen",
        "can I have the Echofox Zen instead of the Bassline One?",
        "could you swap the Bassline One for the Echofox Zen please",
    ],
)
def test_a_named_trade_waits_for_the_new_version_then_swaps(demo_assistant, trade) -> None:
    chat = Chat(demo_assistant)
    chat.say(HEADPHONES_BLACK)
    assert chat.units() == {"P0001": 1}
    reply = chat.say(trade)  # the Echofox Zen comes in black and rose gold: which one?
    assert "?" in reply.text
    assert chat.units() == {"P0001": 1}, "the old line stays until the new one is in"
    chat.say("rose gold")
    assert chat.units() == {"P0002": 1}


@pytest.mark.slow
@pytest.mark.parametrize(
    "question",
    [
        "should I replace the Bassline One with the Echofox Zen?",
        "is it worth swapping the Bassline One for the Echofox Zen?",
    ],
)
def test_asking_whether_to_trade_changes_nothing(demo_assistant, question) -> None:
    chat = Chat(demo_assistant)
    chat.say(HEADPHONES_BLACK)
    chat.say(question)
    assert chat.units() == {"P0001": 1}


@pytest.mark.slow
def test_a_model_named_with_a_capital_one_beside_a_list_of_its_brand(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("show me headphones")  # lists the Bassline Urban 2, not the Bassline One
    chat.say(HEADPHONES_BLACK)
    assert chat.units() == {"P0001": 1}
