"""Shoppers typing on a phone in a hurry: a name with a count and a version is an order,
«add X too so …» adds whatever the why, plurals of title words, irregular review words."""

from __future__ import annotations

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.conversation.understanding.buying import count_beside_name
from assistant.search.aspect_families import family_label
from assistant.settings import DEMO_CATALOGUE
from tests.test_phrasing import Chat

PRODUCTS = load_catalogue(DEMO_CATALOGUE)[0].products


@pytest.mark.parametrize(
    ("product_id", "text", "count"),
    [
        ("P0145", "drift wave 900 towel set pink queen x2", 2),
        ("P0320", "2 kestrel travel wave 2 totes navy", 2),  # the title's own 2 is no count
        ("P0006", "the auralpeak wave s, 2 in rose gold", 2),
        ("P0185", "flexa zen x foam roller, 3 pls", 3),
        ("P0320", "kestrel travel wave 2 tote navy", None),
    ],
)
def test_a_count_said_beside_a_name_is_read_and_taken_out(product_id, text, count) -> None:
    rest, found = count_beside_name(PRODUCTS[product_id], text)
    assert found == count
    assert (rest == text) == (count is None)


def test_an_option_value_or_the_first_title_word_is_no_count() -> None:
    shoe = next(p for p in PRODUCTS.values() if "9" in p.options_by_name().get("size", []))
    assert count_beside_name(shoe, "9 red")[1] is None  # size 9


@pytest.mark.parametrize(
    ("question", "family"),
    [
        ("does it shrink", "shrinking"),
        ("does the northtrail one leak in rain", "keeping water out"),
        ("the clearwell one does it work", "whether it works"),
        ("is it noise cancelling", None),
    ],
)
def test_questions_in_words_reviewers_do_not_use_find_their_family(question, family) -> None:
    assert family_label(question) == family


@pytest.mark.slow
def test_a_name_with_a_version_and_a_count_is_an_order(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("drift wave 900 towel set pink queen x2")
    assert [(line.product_id, line.qty) for line in reply.cart.lines] == [("P0145", 2)]
    reply = Chat(demo_assistant).say("2 softnest go x towel sets olive queen")  # «sets»
    assert [(line.product_id, line.qty) for line in reply.cart.lines] == [("P0163", 2)]
    reply = Chat(demo_assistant).say("the auralpeak wave s, 2 in rose gold")
    assert [(line.product_id, line.qty) for line in reply.cart.lines] == [("P0006", 2)]
    # without a version it is still only a name: shown, not bought
    reply = Chat(demo_assistant).say("drift wave 900 towel set x2")
    assert reply.cart.lines == [] or reply.text.count("?") >= 1


@pytest.mark.slow
def test_add_with_a_reason_beside_a_pending_summary_adds(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("2 kestrel travel wave 2 totes navy")
    assert chat.say("checkout").pending_checkout
    reply = chat.say("hmm add the atlas & oak wave x packing cubes navy too so shipping is free")
    assert {line.product_id for line in reply.cart.lines} == {"P0320", "P0325"}, reply.text
    # asked, it is a question: the cart stays
    reply = chat.say("would adding the voyagr packing cubes make shipping free?")
    assert {line.product_id for line in reply.cart.lines} == {"P0320", "P0325"}, reply.text


@pytest.mark.slow
def test_also_one_in_another_version_is_a_second_line(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add urbanloom studio 600 tee in M olive")
    chat.say("does it shrink")
    reply = chat.say("also one in S red")
    assert len(reply.cart.lines) == 2, reply.text
    reply = chat.say("remove the olive one")
    assert len(reply.cart.lines) == 1, reply.text


@pytest.mark.slow
def test_how_fast_it_comes_is_its_delivery(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("northtrail plus x ultralight tent")
    reply = chat.say("how fast do they come")
    assert "delivery in 4 days" in reply.text, reply.text
