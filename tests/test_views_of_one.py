"""A view of one product and the one just added (the fortieth round): «navy, queen size»
after a list of one picks that one, «black in stock?» after «which is cheapest» asks of the
one named, «add it in navy» right after the navy one went in adds no second, and «what are
the dimensions» of a duffel is no «capacity: 40 L» alone."""

from __future__ import annotations

import pytest

from assistant.conversation.understanding.trades import ADD_IT_IN
from tests.test_phrasing import Chat

BLANKET, TRACKER, BACKPACK, DUFFEL = "P0149", "P0174", "P0334", "P0330"


@pytest.mark.parametrize(
    ("said", "matches"),
    [
        ("add it in navy", True),
        ("ok add it in dark grey please", True),
        ("add it in navy too", False),  # one more: the cart tool adds it
        ("add it in red as well", False),
        ("add the blue one", False),
    ],
)
def test_add_it_in_a_version(said: str, matches: bool) -> None:
    assert bool(ADD_IT_IN.match(said)) is matches


@pytest.mark.slow
def test_a_version_said_of_a_list_of_one_picks_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("what weighted blankets do you have under $100")
    reply = chat.say("navy, queen size")
    assert chat.units() == {BLANKET: 1} and "navy, queen" in reply.text


@pytest.mark.slow
def test_a_version_asked_after_a_ranking_is_of_the_one_it_named(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("compare all ur fitness tracker watches")
    chat.say("which is cheapest")
    reply = chat.say("black in stock?")
    assert TRACKER in reply.text and "match" not in reply.text
    chat.say("add black")
    assert chat.units() == {TRACKER: 1}


@pytest.mark.slow
def test_a_list_narrowed_by_a_version_still_narrows(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("show me running shorts")
    chat.say("red?")
    reply = chat.say("size M")
    assert "of those match" in reply.text and chat.units() == {}


@pytest.mark.slow
def test_add_it_in_the_version_just_added_adds_no_second(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say_all("show me laptop backpacks | any in navy? | the cheaper of those two")
    assert chat.units() == {BACKPACK: 1}
    chat.say("add it in navy")
    assert chat.units() == {BACKPACK: 1}
    chat.say("add it in red")  # another version: a second line
    lines = demo_assistant.commerce.get_cart(chat.session).lines
    assert sorted(line.qty for line in lines) == [1, 1]


@pytest.mark.slow
def test_dimensions_are_not_answered_by_a_capacity(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("what are the dimensions of the roamly urban x duffel")
    assert DUFFEL in reply.text and "doesn't list the dimensions" in reply.text
    reply = chat.say("how many litres does it hold")
    assert "40 L" in reply.text and "doesn't list" not in reply.text
