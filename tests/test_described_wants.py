"""Things asked for by a maker we lack or by who they are for: «do you have lego?», then «for a
12 year old under $60» narrows the closest things we have, never «we don't sell 12 year old»."""

from __future__ import annotations

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.conversation.state import DialogueState
from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.beside_focus import in_this_conversation
from assistant.conversation.understanding.narrowing import narrowed_searches
from assistant.conversation.understanding.references import References
from assistant.conversation.understanding.slots import Slots
from assistant.search.famous_makes import kind_of_make
from assistant.search.kinds import ProductKinds
from assistant.settings import DEMO_CATALOGUE
from assistant.testing.fakes import FakeEmbedder
from tests.test_phrasing import Chat

CATALOGUE = load_catalogue(DEMO_CATALOGUE)[0]
KINDS = ProductKinds(CATALOGUE, FakeEmbedder())
PRODUCTS = CATALOGUE.products
BLOCKS = "P0243"  # Brickton Wave Building Blocks Set, 12+, from $36.99
SERUM = "P0135"  # Dewleaf Aero X Vitamin C Brightening Serum


@pytest.mark.parametrize(
    "text", ["for a 12 year old under $60", "its for my 8yo", "for a 6-year-old, max 30 bucks"]
)
def test_an_age_names_no_kind(text):
    assert KINDS.kind_words(text) == []
    assert KINDS.missing(text) is None


def test_an_age_after_a_kind_leaves_the_kind():
    assert KINDS.kind_words("a scooter for a 12 year old") == ["scooter"]


def _after_search(asked: str) -> DialogueState:
    state = DialogueState(session_id="s", shopper_id="s")
    state.last_search, state.last_intent = asked, "search"
    return state


@pytest.mark.parametrize(
    "text", ["for a 12 year old under $60", "ok its for my nephew", "for a teenager"]
)
def test_who_it_is_for_after_a_search_joins_that_search(text):
    state = _after_search("do you have lego?")
    joined = narrowed_searches([Request(text, "search", 0.5)], state, KINDS)
    assert [r.text for r in joined] == [f"do you have lego?, {text}"]


@pytest.mark.parametrize("text", ["for my kitchen", "a yoga mat for a 12 year old"])
def test_a_kind_or_a_place_is_not_who_it_is_for(text):
    state = _after_search("do you have lego?")
    requests = [Request(text, "search", 0.5)]
    assert narrowed_searches(requests, state, KINDS) == requests


@pytest.mark.slow
def test_a_child_and_a_budget_after_a_brand_we_lack_narrow_its_closest_things(demo_assistant):
    chat = Chat(demo_assistant)
    first = chat.say("do you have lego?")
    assert "don't carry lego" in first.text.lower() and BLOCKS in first.products
    reply = chat.say("for a 12 year old under $60")
    assert "year old" not in reply.text.split("\n")[0]  # not «we don't sell 12 year old»
    assert BLOCKS in reply.products
    catalogue = demo_assistant.services.catalogue.products
    assert all(catalogue[pid].buyable_price_minor <= 6000 for pid in reply.products)


def test_a_well_known_make_stands_for_its_kind():
    assert kind_of_make("do u have airpods? or something like them") == "wireless earbuds"
    assert kind_of_make("something like a jetboil for camp") == "camping stove"
    assert kind_of_make("a blue yoga mat") is None


def test_a_clause_saying_what_it_is_for_names_no_kind():
    assert KINDS.named_kind("an electric kettle that boils quick, for tea") == "kettle"
    assert KINDS.named_kind("a yoga mat, for my mum") == "mat"


@pytest.mark.parametrize(
    "text", ["vegan?", "who even sells them", "seller ok?", "how heavy is it", "is it vegan?"]
)
def test_a_short_question_beside_a_product_asks_about_it(text):
    focus = PRODUCTS[SERUM]
    refs = References(ids=[SERUM] if "them" in text else [], kind="deictic")
    state = DialogueState(session_id="s", shopper_id="s", focus=SERUM)
    intent = in_this_conversation("search", text, refs, Slots(), state, [], focus, lambda: False)
    assert intent == "product_question"


@pytest.mark.parametrize("text", ["cheaper?", "any other ones?", "best one?", "under 30?"])
def test_a_short_question_about_the_list_stays_with_the_list(text):
    state = DialogueState(session_id="s", shopper_id="s", focus=SERUM)
    refs = References(ids=[], kind=None)
    intent = in_this_conversation(
        "refine", text, refs, Slots(), state, [], PRODUCTS[SERUM], lambda: False
    )
    assert intent == "refine"


def test_is_it_free_after_a_shipping_question_asks_the_shop():
    state = DialogueState(session_id="s", shopper_id="s", last_intent="policy_question")
    refs = References(ids=[], kind=None)
    intent = in_this_conversation(
        "search", "is it free?", refs, Slots(), state, [], None, lambda: False
    )
    assert intent == "policy_question"


@pytest.mark.slow
def test_closest_things_to_a_make_we_lack_are_of_its_kind(demo_assistant):
    chat = Chat(demo_assistant)
    reply = chat.say("do u have airpods? or something like them but cheaper")
    catalogue = demo_assistant.services.catalogue.products
    assert reply.products and all("Earbuds" in catalogue[p].title for p in reply.products)
    stoves = Chat(demo_assistant).say("something like a jetboil for boiling water at camp")
    assert stoves.products and all("Stove" in catalogue[p].title for p in stoves.products)


@pytest.mark.slow
def test_a_kettle_for_tea_is_a_kettle(demo_assistant):
    reply = Chat(demo_assistant).say("an electric kettle that boils quick, for tea")
    catalogue = demo_assistant.services.catalogue.products
    assert reply.products and all("Kettle" in catalogue[p].title for p in reply.products)
