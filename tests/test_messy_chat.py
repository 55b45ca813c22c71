"""The messages a support lead sees every day: a name two products share beside the one
shown, a budget said after the things it is for, and «which one for the gym?» beside a list."""

from __future__ import annotations

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.conversation.answers.need_pick import need_of_pick, ranked_for_need
from assistant.conversation.shop_overview import asks_what_we_sell
from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.joins import joined_requests
from assistant.conversation.understanding.shorthand import in_full
from assistant.conversation.understanding.sure_acts import checked
from assistant.search.filters import FilterVocabulary
from assistant.search.mentions import ProductMentions
from assistant.settings import DEMO_CATALOGUE
from tests.test_phrasing import Chat

CATALOGUE = load_catalogue(DEMO_CATALOGUE)[0]


@pytest.mark.parametrize(
    ("said", "need"),
    [
        ("which would you recommend for a small kitchen?", "a small kitchen"),
        ("which one is best for wide feet?", "wide feet"),
        ("ok which of these is better for the gym", "the gym"),
        ("which one would you pick for long flights?", "long flights"),
        ("which one is best for me?", None),
        ("which is best for the price?", None),
        ("which one would you recommend?", None),
        ("is it good for running?", None),
    ],
)
def test_the_need_of_a_pick_among_those_shown(said: str, need: str | None) -> None:
    assert need_of_pick(said) == need


def _of_kind(word: str) -> list:
    return [p for p in CATALOGUE.products.values() if word in p.title.lower()]


def test_a_pick_for_a_need_is_the_one_made_for_it() -> None:
    shown = _of_kind("sport earbuds") + _of_kind("noise cancelling headphones")
    ranked = ranked_for_need(CATALOGUE, shown, "which would you pick for the gym?")
    assert ranked is not None and ranked.winner
    assert "gym" in ranked.products[0].description
    assert "is made for" in ranked.text


def test_a_pick_for_a_need_nothing_says_is_said_plainly() -> None:
    shown = _of_kind("blender")
    ranked = ranked_for_need(CATALOGUE, shown, "which would you recommend for a small kitchen?")
    assert ranked is not None
    assert ranked.text.startswith("None of these says it is made for a small kitchen")
    best = max((p for p in shown if p.in_stock), key=lambda p: (p.rating or 0, p.review_count))
    assert ranked.products == [best]


def test_oily_skin_is_not_matched_by_a_cream_for_dry_skin() -> None:
    shown = _of_kind("moisturi") + _of_kind("serum")
    ranked = ranked_for_need(CATALOGUE, shown, "which one is best for oily skin?")
    assert ranked is not None
    assert "dry" not in ranked.text.split("\n")[0]


def test_a_budget_after_the_things_it_is_for_joins_their_search() -> None:
    requests = [
        Request(
            "I need a fast wireless charger and a car phone mount for my iPhone 16", "search", 0.9
        ),
        Request("I'd like to keep the total under $40", "add", 0.6),
    ]
    vocabulary = FilterVocabulary()
    joined = joined_requests(requests, ProductMentions(CATALOGUE), None, vocabulary)
    assert [r.act for r in joined] == ["search"]
    assert joined[0].text.endswith("keep the total under $40")


def test_an_add_with_a_budget_is_still_an_add() -> None:
    requests = [
        Request("show me yoga mats", "search", 0.9),
        Request("add one under $40", "add", 0.9),
    ]
    vocabulary = FilterVocabulary()
    joined = joined_requests(requests, ProductMentions(CATALOGUE), None, vocabulary)
    assert [r.act for r in joined] == ["search", "add"]


@pytest.mark.slow
def test_a_shared_name_means_the_one_shown(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("linen duvet cover")
    reply = chat.say("the Hearth & Linen Lite, its recent reviews look a bit too perfect?")
    duvet = next(
        p.id
        for p in CATALOGUE.products.values()
        if p.title == "Hearth & Linen Lite Linen Duvet Cover"
    )
    assert reply.products[:1] == [duvet], reply.text


def test_kinda_is_said_in_full() -> None:
    assert in_full("what kinda stuff do u sell") == "what kind of stuff do u sell"


@pytest.mark.parametrize(
    "said",
    ["what kind of stuff do u sell", "whats the kind of thing u guys sell"],
)
def test_what_we_sell_however_loosely_asked(said: str) -> None:
    assert asks_what_we_sell(said)


def test_so_many_five_stars_asks_whether_the_reviews_are_real() -> None:
    said = "is the zenmotion studio 2 watch legit? so many 5 stars"
    assert checked(Request(said, "product_question", 0.8)).act == "review_question"


@pytest.mark.slow
def test_is_delivery_guaranteed_about_the_product_in_view(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("how long does the playwise studio rc car take to arrive")
    reply = chat.say("is delivery guaranteed tho")
    assert "not a guarantee" in reply.text
    assert "shipping.delivery-by-a-date" in {c.id for c in reply.citations}


@pytest.mark.parametrize(
    "said",
    [
        "do you have a physical store i can visit?",
        "how do i contact customer service",
        "do you ship internationally?",
        "can you deliver to the uk",
    ],
)
def test_questions_about_the_shop_itself_are_its_rules(said: str) -> None:
    assert checked(Request(said, "search", 0.7)).act == "policy_question"


@pytest.mark.parametrize(
    "colours", [["navy", "blue", "red"], ["blue", "navy", "red"], ["red", "blue", "navy"]]
)
def test_navy_blue_is_navy_whatever_the_set_order(colours: list[str]) -> None:
    from assistant.search.parsing import parse_query

    vocabulary = FilterVocabulary(colours=set(colours))
    said = "a warm wool sweater, size XL, navy blue, under 120 dollars"
    assert parse_query(said, vocabulary).filters.colour == "navy"
