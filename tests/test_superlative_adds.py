"""A buy of the product a figure names: «add the cheapest yoga mat», «I'll take the best rated
headlamp», «go back to the trekking poles - add the cheapest pair, in green»."""

from __future__ import annotations

import pytest

from tests.test_phrasing import Chat, _id


@pytest.mark.slow
def test_add_the_cheapest_of_a_kind_asks_its_version(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    mat = _id(demo_assistant, "IronPeak Air S Yoga Mat")
    reply = chat.say("add the cheapest yoga mat")
    assert mat in reply.text and "Which one would you like?" in reply.text, reply.text
    chat.say("blue")
    assert chat.units() == {mat: 1}


@pytest.mark.slow
def test_back_to_an_earlier_kind_adds_its_cheapest_in_the_colour_said(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("show me trekking poles")
    chat.say("what about headlamps?")
    chat.say("go back to the trekking poles - add the cheapest pair, in green")
    assert chat.units() == {_id(demo_assistant, "NorthTrail Plus 2 Trekking Poles"): 1}


@pytest.mark.slow
def test_a_count_of_the_best_rated_is_kept(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    mat = _id(demo_assistant, "IronPeak Pro Yoga Mat")
    chat.say("I'll take 2 of your best rated yoga mats")
    chat.say("grey")
    assert chat.units() == {mat: 2}


@pytest.mark.slow
def test_asking_the_cheapest_to_take_somewhere_adds_nothing(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("what's the cheapest headlamp to take camping?")
    assert chat.units() == {}
    assert "We don't carry" not in reply.text
