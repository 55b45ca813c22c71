"""Shoppers who compare before they buy: «the other one», «the lighter one», «fine, the
cheaper one» among the two compared; a count or a version of a cart line said with a remark;
a search that says a fact («fragrance free»); «we don't sell sofas» with the shop's list."""

from __future__ import annotations

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.conversation.answers.ranking import figure_winner
from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.comparatives import comparative_pick, the_other
from assistant.conversation.understanding.sure_acts import checked
from assistant.settings import DEMO_CATALOGUE
from tests.test_phrasing import Chat

CATALOGUE = load_catalogue(DEMO_CATALOGUE)[0]
BACKPACKS = [CATALOGUE.products["P0059"], CATALOGUE.products["P0066"]]  # 1.4 kg and 900 g


@pytest.mark.parametrize(
    ("said", "picked"),
    [
        ("the lighter one, orange", "P0066"),
        ("hmm no, drop the heavier one", "P0059"),
        ("the cheaper one", "P0059"),  # $107.95 against $164.49
        ("the better one", "P0066"),  # 3.7★ against 3.3★
        ("the newer one", None),  # no figure says how new
    ],
)
def test_a_comparative_picks_one_of_the_two(said, picked) -> None:
    chosen = comparative_pick(said, BACKPACKS)
    assert (chosen.id if chosen else None) == picked


def test_a_figure_that_ties_picks_nothing() -> None:
    earbuds = [CATALOGUE.products["P0002"], CATALOGUE.products["P0017"]]  # 20 hours each
    assert figure_winner(earbuds, "the longer battery one") is None


@pytest.mark.parametrize(
    ("said", "other"),
    [
        ("and the other one too", ("P0059", None)),
        ("what does the other one cost for 250g?", ("P0059", None)),
        ("swap it for the other one", ("P0059", "P0066")),
        ("does it come in other colours?", None),
    ],
)
def test_the_other_one_is_the_one_not_in_focus(said, other) -> None:
    assert the_other(said, ["P0059", "P0066"], "P0066", ["P0066"]) == other


@pytest.mark.parametrize(
    ("said", "heard", "act"),
    [
        ("fine, check out again", "smalltalk", "checkout"),
        ("ok let's check out now", "order_status", "checkout"),
        ("make the sleeping bag 2, my partner's coming", "recommend", "change"),
        ("hmm two kettles is silly. drop the green one", "add", "remove"),
        ("can they go on the same order?", "product_question", "policy_question"),
        # asked, not done: nothing changes
        ("can you drop the price?", "product_question", "product_question"),
        ("make the tent 2 person", "search", "search"),  # a kind of tent, not a count
        ("how do I check out?", "help", "help"),
    ],
)
def test_the_words_settle_the_act(said, heard, act) -> None:
    assert checked(Request(said, heard, 0.3)).act == act


@pytest.mark.slow
def test_the_other_of_two_compared_is_added_and_the_heavier_dropped(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("which is lighter, the Summit Supply Pro X hiking backpack or the Wildpine Zen 800?")
    chat.say("the lighter one, orange")
    chat.say("and the other one too")
    assert chat.units() == {"P0066": 1, "P0059": 1}
    chat.say("hmm no, drop the heavier one")
    assert chat.units() == {"P0066": 1}


@pytest.mark.slow
def test_a_decided_comparative_adds_and_a_bare_one_does_not(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("compare the Echofox Zen and the Echofox Prime 2 earbuds for me")
    tie = chat.say("which one's got the longer battery")
    assert "have the same battery life (20 hours)" in tie.text
    chat.say("fine, the cheaper one")
    assert chat.units() == {"P0017": 1}


@pytest.mark.slow
def test_a_version_of_the_cart_line_is_no_trade(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("any chai spice blends under 10 dollars?")
    chat.say("the Morning Ritual Classic X, 1kg ground")
    chat.say("fine, switch it to the whole bean 1kg and make that 3")
    lines = demo_assistant.commerce.get_cart(chat.session).lines
    assert [(line.product_id, line.options["grind"], line.qty) for line in lines] == [
        ("P0308", "whole bean", 3)
    ]


@pytest.mark.slow
def test_a_search_that_says_a_fact_keeps_the_products_that_hold_it(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("any fragrance free night creams?")
    assert reply.products and all(
        CATALOGUE.products[pid].attributes.get("fragrance") == "fragrance free"
        for pid in reply.products
    ), reply.text


@pytest.mark.slow
def test_a_kind_we_do_not_sell_quotes_the_shops_list(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("do you sell sofas?")
    assert "don't sell sofas" in reply.text and "furniture" in reply.text
    assert any(c.kind == "policy" for c in reply.citations), reply.citations
    assert "as." not in Chat(demo_assistant).say("do you sell coffee grinders as well?").text


@pytest.mark.slow
def test_a_count_for_someone_else_is_no_model_named_one(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("magsafe case for an iphone 15")
    chat.say("Snapgrip Plus vs Chargewell One, how are they rated?")
    chat.say("Snapgrip, iPhone 15")
    reply = chat.say("2 please, one for my wife too")
    assert "only 1 left" in reply.text and chat.units() == {"P0203": 1}, reply.text


DUFFELS = [
    CATALOGUE.products["P0312"],
    CATALOGUE.products["P0324"],
]  # 1 review, vetted / none, pending


@pytest.mark.parametrize(
    "said",
    ["add the one that actually has reviews", "the one with reviews pls", "the vetted one"],
)
def test_the_one_that_alone_has_something_is_picked(said: str) -> None:
    assert comparative_pick(said, DUFFELS) is CATALOGUE.products["P0312"]


def test_the_one_that_has_reviews_beside_two_that_have_picks_none() -> None:
    three = [*DUFFELS, CATALOGUE.products["P0326"]]  # the tote has reviews too
    assert comparative_pick("add the one that has reviews", three) is None
