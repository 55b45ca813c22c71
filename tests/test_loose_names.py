"""Products named loosely: two shown ones named apart («the cairn gear one and the wildpine
one»), a brand beside the one in view («the nimbus in white then»), a typo of a title word
(«dumbells»), a count after the pick («need 2 for 2 windows»), and wishes for what is in
stock or from a vetted seller."""

from __future__ import annotations

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.conversation.state import DialogueState
from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.beside_focus import spec_not_opinion
from assistant.conversation.understanding.narrowing import flagged_refine
from assistant.conversation.understanding.shown_words import each_named_apart
from assistant.conversation.understanding.spelling import TitleSpelling, model_words
from assistant.search.filters import IN_STOCK
from assistant.search.kinds import of_its_kind
from assistant.search.mentions import ProductMentions
from assistant.settings import DEMO_CATALOGUE
from tests.test_phrasing import Chat

CATALOGUE = load_catalogue(DEMO_CATALOGUE)[0]
PRODUCTS = CATALOGUE.products
SPELLING = TitleSpelling(CATALOGUE, model_words())
BOTTLES = ["P0077", "P0084", "P0070", "P0063"]  # Summit Supply, Wildpine, Cairn Gear, Summit
BASSLINE, NIMBUS = "P0001", "P0019"  # Bassline One, Nimbus Audio Classic S headphones


def test_two_shown_products_named_apart_are_both_meant():
    shown = [PRODUCTS[pid] for pid in BOTTLES]
    named = each_named_apart("compare the cairn gear one and the wildpine one", shown)
    assert list(named) == ["P0070", "P0084"]
    assert each_named_apart("the wildpine one", shown) == {}


def test_a_brand_beside_another_product_of_its_kind_names_another():
    mentions = ProductMentions(CATALOGUE)
    assert mentions.names_other_than("ugh ok the nimbus in white then", BASSLINE)
    assert not mentions.names_other_than("ok the bassline in white then", BASSLINE)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("dumbells", "dumbbells"), ("headphons", "headphones"), ("skilet", "skillet")],
)
def test_a_typo_of_a_title_word_is_spelled_as_the_titles_spell_it(typed, meant):
    assert SPELLING.respelled(f"{typed} under 200") == f"{meant} under 200"


@pytest.mark.parametrize(
    "text",
    [
        "my cables keep fraying",
        "im panicking",
        "something like a vitamix",
        "lego",
        "do you sell projectors?",
        "insulated tumblers",
        "a bassinet",
        "hydration",
    ],
)
def test_words_that_are_words_or_makes_stay_as_typed(text):
    assert SPELLING.respelled(text) == text


@pytest.mark.parametrize(
    "text",
    ["which ones can i actually buy right now", "which are available", "only in-stock ones"],
)
def test_ways_of_asking_for_what_is_in_stock(text):
    assert IN_STOCK.search(text)


@pytest.mark.parametrize("text", ["is it available in blue?", "is delivery available to canada"])
def test_available_in_a_version_or_a_place_is_no_stock_filter(text):
    assert not IN_STOCK.search(text)


def _after_search() -> DialogueState:
    state = DialogueState(session_id="s", shopper_id="s")
    state.last_search, state.last_intent = "spot gel", "product_question"
    return state


def test_a_vetted_seller_wished_for_narrows_the_last_search():
    asked = [Request("id rather a vetted seller, what else is there", "policy_question", 0.4)]
    assert [r.act for r in flagged_refine(asked, _after_search())] == ["refine"]


@pytest.mark.parametrize(
    "text", ["are your sellers vetted?", "are only vetted sellers allowed on your site?"]
)
def test_a_question_about_vetting_stays_a_question(text):
    asked = [Request(text, "policy_question", 0.9)]
    assert flagged_refine(asked, _after_search()) == asked


def test_a_fact_the_catalogue_lists_is_no_review_question():
    games = [PRODUCTS["P0226"], PRODUCTS["P0238"]]  # players 3-8, 2-6
    assert spec_not_opinion("review_question", "how many people can play", games) == (
        "product_question"
    )
    assert spec_not_opinion("review_question", "do reviewers say 8 can play?", games) == (
        "review_question"
    )


def test_a_kind_keeps_the_kinds_that_are_sorts_of_it():
    found = [PRODUCTS[pid] for pid in ("P0107", "P0108", "P0025", "P0014")]
    cast_iron = of_its_kind(found, "pan", ["cast", "iron", "pan"])
    assert [p.id for p in cast_iron] == ["P0107", "P0108"]  # the cast iron skillet too
    assert [p.id for p in of_its_kind(found, "pan", ["pan"])] == ["P0107"]
    assert [p.id for p in of_its_kind(found, "earbud", ["noise", "cancelling", "earbud"])] == [
        "P0014"
    ]  # no headphones


@pytest.mark.slow
def test_named_apart_then_bought_by_brand_and_colour(demo_assistant):
    chat = Chat(demo_assistant)
    chat.say("headphones under 100")
    chat.say("bassline one vs the nimbus classic s?")
    assert chat.say("the bassline in white").products == [BASSLINE]  # white is sold out
    chat.say("ugh ok the nimbus in white then")
    assert chat.units() == {NIMBUS: 1}


@pytest.mark.slow
def test_the_count_after_the_pick_is_how_many(demo_assistant):
    chat = Chat(demo_assistant)
    chat.say("blackout curtains")
    chat.say("compare the softnest pro s and the hearth & linen aero 200")
    chat.say("softnest, olive, king size. need 2 for 2 windows")
    assert chat.units() == {"P0144": 2}


@pytest.mark.slow
def test_a_misspelt_kind_finds_that_kind(demo_assistant):
    reply = Chat(demo_assistant).say("dumbells where u can change the weight")
    assert reply.products and all("Dumbbells" in PRODUCTS[p].title for p in reply.products)
