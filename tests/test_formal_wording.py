"""Shoppers who write formally or in a second language: «I would like to order…», «I take
the…», a count before the name, «two bags», a brand with «&» in it and the version said after
the name, a remark before the pick."""

from __future__ import annotations

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.conversation.understanding.acts import Request, segment, without_greeting
from assistant.conversation.understanding.slots import extract_quantity
from assistant.conversation.understanding.sure_acts import checked
from assistant.search.mentions import ProductMentions
from assistant.settings import DEMO_CATALOGUE
from tests.test_phrasing import Chat

CATALOGUE = load_catalogue(DEMO_CATALOGUE)[0]
MENTIONS = ProductMentions(CATALOGUE)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Then I take the Leaf & Kettle Classic, 1 kg whole bean, two bags please.", ["P0287"]),
        ("atlas&oak core s", ["P0315", "P0329"]),  # the brand however the «&» is spaced
        ("the ridgeline & wildpine headlamps", ["P0069", "P0083"]),  # two brands: two names
    ],
)
def test_a_brand_with_an_ampersand_is_one_name(text, named) -> None:
    assert [mention.product_id for mention in MENTIONS.find(text)] == named


@pytest.mark.parametrize(
    ("text", "options"),
    [
        ("the Leaf & Kettle Classic, 1 kg whole bean", {"size": "1 kg", "grind": "whole bean"}),
        ("leaf & kettle classic whole bean coffee 500g", {"size": "500 g"}),  # the title's
        ("the Leaf & Kettle Classic whole bean", {}),  # still the name: no version said
    ],
)
def test_a_version_said_whole_after_the_name_is_chosen(text, options) -> None:
    assert CATALOGUE.products["P0287"].options_named_in(text) == options


@pytest.mark.slow
@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("I would like to order the Voyagr Nova 900 packing cubes, please.", {"P0313": 1}),
        ("Four Threadwell Max S t-shirts please, size L, olive.", {"P0277": 4}),
        ("I take the Leaf & Kettle Classic, 1 kg whole bean, two bags please.", {"P0287": 2}),
    ],
)
def test_formal_orders_go_in_the_cart(demo_assistant, said, expected) -> None:
    chat = Chat(demo_assistant)
    chat.say(said)
    assert chat.units() == expected


@pytest.mark.slow
def test_a_remark_before_another_version_of_a_sold_out_one(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("The Chargewell One case, which colours do you have for the iPhone 15?")
    chat.say("I would like the clear one for iPhone 15.")  # sold out
    assert chat.units() == {}
    chat.say("What a pity. Then black, for the iPhone 15.")
    cart = demo_assistant.commerce.get_cart(chat.session)
    assert [(line.variant_id, line.qty) for line in cart.lines] == [("P0215-V1", 1)]


@pytest.mark.slow
def test_a_kind_that_is_in_stock_is_a_search_not_the_one_in_view(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the copperline air s blender")  # every version sold out: which one?
    reply = chat.say("any blender that's in stock?")
    assert len(reply.products) > 1 and "P0110" not in reply.products
    assert chat.units() == {}


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Hello, do you also sell food for cats?", "do you also sell food for cats?"),
        ("Good morning sir. I need a kettle", "I need a kettle"),
        ("hello", "hello"),  # a greeting alone stays one
        ("hi there", "hi there"),
    ],
)
def test_a_greeting_before_a_request_is_left_out(message, expected) -> None:
    assert without_greeting(message) == expected


@pytest.mark.parametrize(
    ("message", "parts"),
    [
        ("do you also sell food for cats?", 1),  # «also» inside one question
        ("can i also pay by card", 1),
        ("add the tent, also show me stoves", 2),
    ],
)
def test_also_splits_requests_but_not_one_question(message, parts) -> None:
    assert len(segment(message)) == parts


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("two bags please", 2),
        ("get 2 pairs", 2),
        ("10 Cairn Gear Nova 500 bottles in grey", None),  # 500 is the model's number
        ("Two black ones please, one is for my sister.", 2),
    ],
)
def test_counts_said_with_a_unit_word(text, count) -> None:
    assert extract_quantity(text) == count


def test_a_cancel_asked_about_is_the_rule_however_unsure_the_classifier() -> None:
    asked = checked(Request("can i still cancel if i change my mind tomorrow", "cancel_order", 0.3))
    assert asked.act == "policy_question"
    told = checked(Request("cancel my order please", "cancel_order", 0.9))
    assert told.act == "cancel_order"


@pytest.mark.slow
def test_buying_a_kind_with_nothing_in_view_and_asking_to_know(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("I would like to buy a gift card of 50 dollars for my granddaughter.")
    assert "don't sell gift card" in reply.text and "50 dollars" not in reply.text
    assert chat.units() == {}
    reply = chat.say("I want to know if the Brickton Aero 2 teddy is washable")
    assert reply.products == ["P0240"] and chat.units() == {}
    reply = chat.say("Hello, do you also sell food for cats? My cat is very old.")
    assert "don't sell" in reply.text


@pytest.mark.slow
def test_a_hesitant_yes_places_the_order(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("I would like to order the Voyagr Nova 900 packing cubes, please.")
    chat.say("Please show me the summary so I can confirm.")
    reply = chat.say("Oh go on then, yes, place the order.")
    assert reply.orders and chat.units() == {}
