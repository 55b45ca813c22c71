"""Counts said in words: «half a dozen», «a couple of the navy», «one for each of my 3 kids»,
«me and 4 mates want one each», «a pair» (of pillows: two; of shoes: one), «so 4»."""

from __future__ import annotations

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.conversation.understanding.counts_in_words import (
    counted_in_words,
    counts_as_digits,
    pairs_as_units,
)
from assistant.conversation.understanding.slots import extract_quantity
from assistant.conversation.understanding.version_lists import version_groups
from assistant.settings import DEMO_CATALOGUE
from tests.test_phrasing import Chat

PRODUCTS = load_catalogue(DEMO_CATALOGUE)[0].products
SHOES, PILLOW, HOODIE = "P0042", "P0154", "P0269"


@pytest.mark.parametrize(
    ("said", "count"),
    [
        ("half a dozen of the 500g bags", 6),
        ("ok gimme a couple of the navy", 2),
        ("a couple 1kg ground", 2),
        ("and one more, so 4", 4),
        ("plus 2 grey queen for the spare room", 2),
        ("ok all 8 standard then", 8),
        ("change that to 3", 3),
        ("plus 4 deluxe to make it a dozen", 4),
        ("add 0 of the roamly duffel", 0),
        ("add one in navy too, so 2 in total", 1),
    ],
)
def test_counts_said_in_words(said, count):
    digits = counts_as_digits(said)
    assert extract_quantity(digits) == count
    assert counted_in_words(digits, extract_quantity(digits)) == count  # 0 stays 0


@pytest.mark.parametrize(
    "said",
    [
        "will it come in a couple of days?",
        "all 5 stars?",
        "Plus 2 it is. white, large",
        "budget is a couple hundred bucks",
        "show me all 4 colours in king",
    ],
)
def test_words_that_count_no_things(said):
    assert extract_quantity(counts_as_digits(said)) is None


@pytest.mark.parametrize(
    ("said", "count"),
    [
        ("great, navy please, one for each of my 3 kids", 3),
        ("me and 4 mates want one each", 5),
        ("navy king then, a pair", 2),
        ("one for each of us, there's 4 of us, all beige", 4),
        ("a pair of running shoes", None),
        ("me and my 2 sisters each want 2 of the navy queen", 6),
        ("we're going camping for 5 nights, one for each of us in orange", None),
    ],
)
def test_counts_for_people_and_pairs(said, count):
    assert counted_in_words(said, None) == count


def test_a_pair_of_shoes_is_one_pair_and_a_pair_of_pillows_two():
    assert pairs_as_units(PRODUCTS[SHOES], "add a pair of the orange 9s", 2) == 1
    assert pairs_as_units(PRODUCTS[PILLOW], "navy king then, a pair", 2) == 2
    assert pairs_as_units(PRODUCTS["P0068"], "grey then, one pair please", 2) == 1  # poles
    assert pairs_as_units(PRODUCTS[SHOES], "a pair for each of my 2 kids, size 9", 2) == 2


def test_a_size_said_twice_in_a_list_of_versions_is_one_size():
    groups = version_groups(PRODUCTS[HOODIE], "one beige large and 2 of the red large")
    assert groups == [({"colour": "beige", "size": "L"}, 1), ({"colour": "red", "size": "L"}, 2)]


@pytest.mark.slow
def test_counts_in_words_fill_the_cart(demo_assistant):
    chat = Chat(demo_assistant)
    chat.say("oakhaven studio pillow in grey king?")
    chat.say("navy king then, a pair")
    chat.say("plus 2 grey queen for the spare room")
    lines = demo_assistant.commerce.get_cart(chat.session).lines
    assert sorted(line.qty for line in lines if line.product_id == PILLOW) == [2, 2]
    chat = Chat(demo_assistant)
    chat.say("the ironpeak go skipping rope, is grey in stock?")
    reply = chat.say("i coach a kids class, need a dozen grey ones")
    assert "10" in reply.text and chat.units() == {}  # the limit, not «we don't sell dozen»
