"""Things asked for by a maker we lack or by who they are for: «do you have lego?», then «for a
12 year old under $60» narrows the closest things we have, never «we don't sell 12 year old»."""

from __future__ import annotations

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.conversation.state import DialogueState
from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.narrowing import narrowed_searches
from assistant.search.kinds import ProductKinds
from assistant.settings import DEMO_CATALOGUE
from assistant.testing.fakes import FakeEmbedder
from tests.test_phrasing import Chat

KINDS = ProductKinds(load_catalogue(DEMO_CATALOGUE)[0], FakeEmbedder())
BLOCKS = "P0243"  # Brickton Wave Building Blocks Set, 12+, from $36.99


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
    assert "don't sell lego" in first.text and BLOCKS in first.products
    reply = chat.say("for a 12 year old under $60")
    assert "year old" not in reply.text.split("\n")[0]  # not «we don't sell 12 year old»
    assert BLOCKS in reply.products
    catalogue = demo_assistant.services.catalogue.products
    assert all(catalogue[pid].buyable_price_minor <= 6000 for pid in reply.products)
