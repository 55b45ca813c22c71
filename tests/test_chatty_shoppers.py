"""Chatty shoppers with a concrete situation: a child's age against a toy's age rating
(«is it suitable for my granddaughter? She is 2.»), a DM about a creator's post («the trail
shoes Rae unboxed»), picks with a count or «then», comparisons asked of reviews."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.channels.social.content import load_content
from assistant.channels.social.named_posts import posts_named, products_of
from assistant.conversation.answers.ages import age_verdict, child_age
from assistant.conversation.answers.dates import parse_deadline
from assistant.conversation.understanding.acts import segment
from assistant.conversation.understanding.slots import extract_quantity
from assistant.search.aspect_families import family_label
from assistant.search.kinds import ProductKinds
from assistant.settings import DEMO_CATALOGUE
from assistant.testing.fakes import FakeEmbedder
from tests.test_phrasing import Chat


@pytest.mark.parametrize(
    ("said", "age"),
    [
        ("is it suitable for my granddaughter? She is 2.", 2),
        ("ok for a 3 year old?", 3),
        ("my son just turned five", 5),
        ("safe for toddlers?", 2),
        ("good for a baby?", 0),
        ("is it good for kids?", None),  # no age said
        ("does it take 2 batteries?", None),
    ],
)
def test_the_age_of_the_child_asked_about(said, age) -> None:
    found = child_age(said)
    assert (found[0] if found else None) == age


def test_an_age_rating_is_weighed_against_the_child() -> None:
    assert "not meant for a 2-year-old" in age_verdict("6+", "she is 2")
    assert "fine for a 7-year-old" in age_verdict("6+", "for a 7 year old")
    assert age_verdict("2-4", "she is 2") == ""  # a player count, not an age rating
    assert age_verdict("6+", "is it any good?") == ""


@pytest.mark.slow
def test_a_toy_question_about_a_young_child_answers_from_the_age_rating(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("Hello, is the Playwise Urban teddy bear suitable for my granddaughter? 2yo")
    assert "P0234" in reply.text and "6+" in reply.text
    assert "not meant for a 2-year-old" in reply.text


CATALOGUE = load_catalogue(DEMO_CATALOGUE)[0]
CONTENT = load_content()


@pytest.mark.parametrize(
    ("app", "said", "products"),
    [
        ("video", "the trail shoes Rae unboxed, do they run narrow?", ["P0040"]),
        ("photo", "the kettle in Bella's flat lay, does it take long to boil?", ["P0088"]),
        ("video", "Bella's decaf, is it properly decaf?", ["P0297"]),
        ("video", "the yoga mat in Felix's 60 second review, does it smell?", ["P0193"]),
        ("messenger", "add the Voyagr one", []),  # a brand account, named like its bags
        ("photo", "is it on sale in june?", []),  # a month, not June Glow
    ],
)
def test_a_dm_that_points_at_a_creators_post_is_about_its_products(app, said, products) -> None:
    assert products_of(posts_named(CONTENT, app, said), CATALOGUE, said) == products


@pytest.mark.parametrize(
    ("said", "count"),
    [
        ("gonna go with the Aero 200 in pink, queen size. 2 please, one per window", 2),
        ("ok do 10 then", 10),
        ("the 500 g please", None),  # a size, not a count
        ("size 9 please", None),
    ],
)
def test_a_count_said_apart_from_the_name(said, count) -> None:
    assert extract_quantity(said) == count


@pytest.mark.parametrize(
    ("said", "parts"),
    [
        (
            "the CoreForge Classic 300 in purple then, x2 (one for my bf). how long is delivery?",
            2,
        ),
        ("can I pay cash when it arrives? and check me out", 2),
        ("meh I'll risk the Blade & Bowl, black. plus the Leaf & Kettle Classic beans", 2),
        ("hmm. the Ridgeline Wave 2 then, orange. is it ok to use in the rain?", 2),
        ("the light wakes me at 5, what helps?", 1),  # a scene set, then the ask
    ],
)
def test_a_pick_before_a_question_is_a_request_of_its_own(said, parts) -> None:
    assert len(segment(said)) == parts


def test_which_kind_is_the_most_names_the_kind() -> None:
    kinds = ProductKinds(CATALOGUE, FakeEmbedder())
    assert kinds.named_kind("which kettle is the quietest?") == "kettle"
    assert kinds.named_kind("which teddy has the best reviews?") == "bear"
    assert kinds.unknown_make("hey how much is the bassline speaker") is None


def test_lasting_longer_is_asked_of_durability() -> None:
    assert family_label("CoreForge Classic 300 vs IronPeak Go, which one lasts longer?") == (
        "durability"
    )


def test_within_days_to_someone_is_a_deadline() -> None:
    today = dt.date(2026, 12, 2)
    assert parse_deadline("can it get to him within 3 days?", today) == dt.date(2026, 12, 5)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("setup", "said", "units"),
    [
        ("show me blackout curtains", "the Aero 200 in pink, queen size. 2 please", {"P0156": 2}),
        ("kids headphones", "Bassline Air instead, 2 of them, navy", {"P0024": 2}),
        (
            "CoreForge Studio X vs Zenmotion Nova X trackers",
            "Nova X then. he likes purple",
            {"P0186": 1},
        ),
        (
            "show me camping stoves",
            "hmm. the Ridgeline Wave 2 then, orange. is it ok in rain?",
            {"P0067": 1},
        ),
    ],
)
def test_a_pick_by_name_with_a_count_or_then_adds(demo_assistant, setup, said, units) -> None:
    chat = Chat(demo_assistant)
    chat.say(setup)
    chat.say(said)
    assert chat.units() == units


@pytest.mark.slow
def test_a_comparison_asked_of_reviews_quotes_each_without_the_others_name(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("CoreForge Classic 300 vs IronPeak Go, which one lasts longer?")
    assert "durability" in reply.text and "ironpeak longer" not in reply.text.lower()
    assert reply.citations, reply.text


@pytest.mark.slow
def test_which_kind_is_quietest_answers_over_that_kind(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("my kettle wakes the baby. which kettle is the quietest?")
    catalogue = demo_assistant.services.catalogue
    assert reply.products and all("Kettle" in catalogue.products[p].title for p in reply.products)
