"""Needs said around a product: a kind we lack beside the need it serves, a person's
interest, a kind named inside a story, «something similar» to the one in focus."""

from __future__ import annotations

import pytest

from assistant.conversation.answers.needs import INTEREST
from assistant.conversation.understanding.shop_words import LIKE_IT
from tests.test_phrasing import Chat


@pytest.mark.parametrize(
    ("said", "interest"),
    [
        ("something for my dad who camps a lot, he honestly has everything", "camps a lot"),
        ("my niece is into running and music", "into running and music"),
        ("gift for my brother, he loves cooking", "loves cooking"),
        ("what should i get my dad", None),
    ],
)
def test_the_interest_of_the_person_shopped_for(said: str, interest: str | None) -> None:
    match = INTEREST.search(said)
    assert (match[1] if match else None) == interest


def _categories(bot, reply) -> set[str]:
    return {bot.services.catalogue.products[pid].category for pid in reply.products}


@pytest.mark.slow
def test_a_gift_follows_what_the_person_is_into(demo_assistant) -> None:
    reply = Chat(demo_assistant).say(
        "something for my dad who camps a lot, he honestly has everything. under 50 ideally"
    )
    assert _categories(demo_assistant, reply) == {"Outdoor & Camping"}, reply.text


@pytest.mark.slow
def test_an_interest_follows_the_aisle_most_of_its_closest_share(demo_assistant) -> None:
    # the closest to «likes hiking» under $60 is a walking sneaker, then camping gear
    reply = Chat(demo_assistant).say("gift for my dad who likes hiking, under 60 dollars")
    assert _categories(demo_assistant, reply) == {"Outdoor & Camping"}, reply.text
    assert "made specifically" not in reply.text


@pytest.mark.slow
def test_a_kind_named_inside_a_story_is_what_is_shown(demo_assistant) -> None:
    reply = Chat(demo_assistant).say(
        "my sister is super stressed with exams and drinks way too much coffee, i want to get "
        "her a nice green tea instead"
    )
    assert reply.products and all(
        "Green Tea" in demo_assistant.services.catalogue.products[pid].title
        for pid in reply.products
    ), reply.text


@pytest.mark.slow
def test_a_kind_we_lack_beside_its_need_is_said_first(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("do you sell melatonin or anything to help me sleep")
    assert reply.text.startswith("Sorry, we don't sell melatonin"), reply.text
    assert _categories(demo_assistant, reply) == {"Home & Bedding"}


@pytest.mark.slow
def test_something_similar_is_the_focus_kind_with_the_new_filters(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("who actually sells the zenmotion edge 700 dumbbells, is it you or some third party")
    reply = chat.say("is there a similar set from a seller you've actually checked out")
    products = [demo_assistant.services.catalogue.products[pid] for pid in reply.products]
    assert products and all("Dumbbells" in p.title for p in products), reply.text
    assert all(p.seller.vetting == "vetted" for p in products)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("said", "we_lack"),
    [
        ("fine, whats the real price then", None),
        ("oh go on she wont mind, she lives at 14 elm road if that helps", None),
        ("do you have fishing rods", "fishing rods"),
        ("can I buy a gift card? my niece is 16 and I've no idea what she likes", "gift card"),
    ],
)
def test_we_dont_sell_names_a_thing_or_is_not_said(demo_assistant, said, we_lack) -> None:
    reply = Chat(demo_assistant).say(said)
    if we_lack:
        assert f"we don't sell {we_lack}" in reply.text
    else:
        assert "we don't sell" not in reply.text, reply.text


@pytest.mark.parametrize(
    ("said", "alike"),
    [
        ("is there a similar set from a seller you've checked out", True),
        ("something similar but cheaper", True),
        ("any alternatives?", True),
        ("is it similar in size to the other one?", False),
    ],
)
def test_asking_for_something_similar(said: str, alike: bool) -> None:
    assert bool(LIKE_IT.search(said)) is alike


def test_a_long_chain_of_or_is_split_once_not_recursively(demo_assistant) -> None:
    kinds = demo_assistant.catalogue_answers.kinds
    calls = []
    original = kinds.missing

    def counted(*args, **kwargs):
        calls.append(args[0])
        return original(*args, **kwargs)

    kinds.missing = counted  # type: ignore[method-assign]
    try:
        kinds.missing("do you sell " + "zz or " * 650 + "blorps")
    finally:
        del kinds.missing
    assert len(calls) <= 3  # the message and its two parts, never one call per «or»
