"""Shoppers who want advice, then decide: a model name said alone («that nova thing») asks
which; «the one with better reviews» and «cheaper one in green» pick; «which one can go in
the dishwasher?» answers from a yes/no fact; «the standard or the deluxe?» lists the versions;
review questions in everyday words («comfortable on your back?», «too good to be true»)."""

from __future__ import annotations

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.conversation.answers.compose import Turn
from assistant.conversation.answers.needs import tells_more_than_the_person
from assistant.conversation.answers.ranking import rank_shown
from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.comparatives import comparative_pick
from assistant.conversation.understanding.sure_acts import checked
from assistant.search.aspect_families import family_label
from assistant.search.filters import SearchFilters
from assistant.search.mentions import ProductMentions
from assistant.settings import DEMO_CATALOGUE
from tests.test_phrasing import Chat

CATALOGUE = load_catalogue(DEMO_CATALOGUE)[0]
MENTIONS = ProductMentions(CATALOGUE)


@pytest.mark.parametrize(
    ("said", "shared"),
    [
        ("how much is that nova thing?", True),
        ("is the nova waterproof?", True),
        ("whats the max weight?", False),  # «max» is no model asked about here
        ("something for coffee on the go?", False),  # too short a word to be a name
        ("how much is the kettle?", False),  # a kind, not a model name
    ],
)
def test_a_model_name_said_alone_is_shared_by_several(said, shared) -> None:
    found = MENTIONS.namesakes(said)
    assert (len(found) > 1) == shared, found


def test_the_one_with_better_reviews_is_the_better_rated() -> None:
    pillows = [CATALOGUE.products["P0160"], CATALOGUE.products["P0154"]]  # 4.5★ and 3.9★
    chosen = comparative_pick("I'll go with the one with better reviews, twin size", pillows)
    assert chosen is not None and chosen.id == "P0160"


def test_a_yes_or_no_fact_answers_which_one() -> None:
    skillets = [CATALOGUE.products["P0108"], CATALOGUE.products["P0094"]]  # no, yes
    ranked = rank_shown(skillets, "which one can go in the dishwasher?", SearchFilters())
    assert ranked.winner and [p.id for p in ranked.products] == ["P0094"], ranked.text
    assert "is dishwasher safe" in ranked.text


def test_an_answer_said_twice_in_one_message_is_said_once() -> None:
    reviews = Turn(text="What reviewers say: «Too short.»", reviews=["R1"])
    both = Turn(text="Rated 2.0★.\nWhat reviewers say: «Too short.»").joined(reviews)
    assert both.text.count("Too short") == 1 and both.reviews == ["R1"]


@pytest.mark.parametrize(
    ("said", "family"),
    [
        ("do reviewers say the Wildpine is comfortable on your back?", "comfort"),
        ("what do people say about comfort on long runs?", "comfort"),
        ("does it run small?", "sizing and fit"),
    ],
)
def test_comfort_is_a_family_of_review_words(said, family) -> None:
    assert family_label(said) == family


def test_the_same_order_after_an_order_asks_the_rule() -> None:
    heard = Request("can they go on the same order?", "order_status", 0.9)
    assert checked(heard).act == "policy_question"


@pytest.mark.slow
def test_a_model_name_alone_asks_which_then_a_kind_picks(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("how much is that nova thing?")
    assert "Which one do you mean?" in reply.text and len(reply.products) == 5
    reply = chat.say("the fitness tracker one, Zenmotion")
    assert reply.products == ["P0186"], reply.text  # among every Nova, not only the five shown


@pytest.mark.slow
def test_a_comparative_with_a_version_adds_after_a_comparison(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("compare the Zenmotion Nova X tracker and the CoreForge Studio X tracker")
    chat.say("cheaper one in green")
    assert chat.units() == {"P0174": 1}


@pytest.mark.slow
def test_is_it_cheaper_than_names_the_prices_of_the_size_said(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("what do people say about the Kyoto Garden Urban S decaf?")
    reply = chat.say("is it cheaper than the Leaf & Kettle Flow 800 for 500g?")
    assert reply.intent == "compare" and "$21.99" in reply.text and "$12.99" in reply.text


@pytest.mark.slow
def test_the_size_a_superlative_was_asked_in_is_kept_for_the_add(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("a duvet cover for a king bed")
    chat.say("cheapest one that comes in king?")
    chat.say("add it in white")
    lines = demo_assistant.commerce.get_cart(chat.session).lines
    assert [(line.product_id, line.options.get("size")) for line in lines] == [("P0153", "king")]


@pytest.mark.slow
def test_those_after_a_best_rated_answer_stay_that_product(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("new to running, what shoes would you recommend? max 75 bucks")
    best = chat.say("which of them has the best reviews?").products[0]
    reply = chat.say("grab me those in a 6, white")
    # the best rated does not come in white: asked which way, never another product added
    assert chat.units() == {}, reply.text
    assert CATALOGUE.products[best].title in reply.text and reply.text.endswith("?")


@pytest.mark.slow
def test_two_versions_named_are_answered_with_their_prices(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say(
        "the Playwise Studio remote control car - what's the difference between standard and "
        "deluxe?"
    )
    assert "$27.49" in reply.text and "$40.49" in reply.text, reply.text


@pytest.mark.slow
def test_everyday_needs_find_products(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    decaf = chat.say("trying to cut down on caffeine but I still want my morning cup, any ideas?")
    assert decaf.products, decaf.text  # not only «Morning Ritual» brand coincidences
    matcha = Chat(demo_assistant).say("want to get into matcha, where do I start?")
    assert matcha.products and all(
        "Matcha" in CATALOGUE.products[pid].title for pid in matcha.products
    )
    watch = Chat(demo_assistant).say(
        "I want a fitness watch but honestly the reviews on these things always look too good "
        "to be true"
    )
    assert watch.products and "verified purchases" in watch.text, watch.text


@pytest.mark.slow
def test_a_remark_then_the_product_please_adds_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say(
        "my charging cables keep fraying - the VoltEdge Plus braided cable for iPhone 16 please"
    )
    assert chat.units() == {"P0214": 1}


@pytest.mark.slow
def test_a_brand_and_words_of_the_product_in_view_name_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("can I return the Bean Republic Sport S cold brew if I don't like it?")
    chat.say("ok add the Bean Republic cold brew, 1 kg ground")
    assert chat.units() == {"P0307": 1}  # not the Bean Republic «Ground Coffee»


@pytest.mark.slow
def test_a_budget_and_a_kind_is_a_search_not_an_add(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("i need a new laptop")
    reply = chat.say("ok then a backpack that'll take the new one when I get it, under $60")
    assert reply.intent == "search" and reply.products and chat.units() == {}
    assert all(CATALOGUE.products[pid].min_price_minor <= 6000 for pid in reply.products)


@pytest.mark.slow
def test_what_about_a_product_in_the_list_shows_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("a tent for two that's light enough to carry for a few days")
    reply = chat.say("what about the NorthTrail Plus X ultralight tent?")
    assert reply.products == ["P0064"], reply.text
    chat.say("ok that one in grey")
    assert chat.units() == {"P0064": 1}


@pytest.mark.slow
def test_a_gift_for_a_grown_up_is_no_toy_and_for_a_child_it_is(demo_assistant) -> None:
    for asked in ("help me find a gift for my dad", "a present for my brother, he is 30"):
        reply = Chat(demo_assistant).say(asked)
        categories = {CATALOGUE.products[pid].category for pid in reply.products}
        assert reply.products and "Toys & Games" not in categories, (asked, reply.text)
    child = Chat(demo_assistant).say("a gift for my 5 year old nephew")
    assert {CATALOGUE.products[pid].category for pid in child.products} == {"Toys & Games"}


@pytest.mark.parametrize(
    ("need", "more"),
    [
        ("dad", False),
        ("brother he is 30", False),
        ("need mum gardening under 30 quid", True),
        ("my dad drinks like 5 coffees a day want to get him some beans", True),
    ],
)
def test_a_gift_request_may_tell_more_than_who_it_is_for(need, more) -> None:
    assert tells_more_than_the_person(need) == more
