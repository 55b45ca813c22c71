"""One long conversation: going back to a product talked about earlier («wait what was the
first one again», «the one before that one»), what else there is of the kind in view, a
two-kind search's products both referable, and a description that answers what the facts
do not («would a 16 inch laptop fit …?»)."""

from __future__ import annotations

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.conversation.answers.described import described
from assistant.conversation.understanding.told_about import told_about
from assistant.search.mentions import ProductMentions
from assistant.settings import DEMO_CATALOGUE
from tests.test_phrasing import Chat

CATALOGUE = load_catalogue(DEMO_CATALOGUE)[0]
MENTIONS = ProductMentions(CATALOGUE)
TALKED = ["P0300", "P0294", "P0281"]
BACKPACK = "P0328"  # Atlas & Oak Prime 2 Laptop Backpack: «… a 15-inch laptop.»


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("wait what was the first one again, how much was it", "P0300"),
        ("go back to the first one, what sizes does it come in?", "P0300"),
        ("the one before that one, does it run small?", "P0294"),
        ("the second one again?", "P0294"),
    ],
)
def test_going_back_to_a_product_talked_about(said, meant):
    assert told_about(said, TALKED, MENTIONS) == [meant]


def test_the_first_one_of_a_list_is_not_going_back():
    assert told_about("add the first one", TALKED, MENTIONS) == []
    # one product asked about, then «the first one again»: the list's first, not that one
    assert told_about("and what was the first one again?", ["P0008"], MENTIONS) == []


def test_the_description_answers_what_the_facts_do_not():
    said = described(CATALOGUE.products[BACKPACK], "would a 16 inch laptop fit the atlas & oak?")
    assert said is not None and "15-inch laptop" in said
    assert described(CATALOGUE.products[BACKPACK], "is it any good?") is None


@pytest.mark.slow
def test_a_long_conversation_goes_back_and_buys_from_both_lists(demo_assistant):
    chat = Chat(demo_assistant)
    chat.say("need noise cancelling headphones for the train, under 100 bucks")
    chat.say("does the bassline one survive rain? i walk to the station")
    chat.say("hmm. what about the nimbus audio classic s, any better?")
    back = chat.say("wait what was the first one again, how much was it")
    assert "P0001" in back.products and "60.49" in back.text
    chat = Chat(demo_assistant)
    chat.say("looking for a teddy bear and a wooden puzzle, for two different kids")
    chat.say("add the playwise urban teddy, the deluxe one")
    assert chat.units() == {"P0234": 1}  # the teddy of the first list, not a Playwise puzzle


@pytest.mark.slow
def test_what_else_beside_kids_headphones_is_more_kids_headphones(demo_assistant):
    chat = Chat(demo_assistant)
    chat.say("who actually sells the quietude kids headphones?")
    reply = chat.say("what else is there for kids then?")
    titles = [CATALOGUE.products[pid].title for pid in reply.products]
    assert titles and all("Headphones" in title for title in titles)
    assert "Kids" in titles[0]


@pytest.mark.slow
def test_the_description_is_quoted_when_the_facts_are_silent(demo_assistant):
    reply = Chat(demo_assistant).say("would a 16 inch laptop fit the atlas & oak prime 2?")
    assert "15-inch laptop" in reply.text


@pytest.mark.slow
def test_two_versions_asked_in_stock_each_get_their_stock(demo_assistant):
    reply = Chat(demo_assistant).say("summit headlamp, blue or orange in stock?")
    assert "blue at $26.00 (2 in stock)" in reply.text
    assert "orange at $26.00 (20 in stock)" in reply.text
