"""Versions, ages and uses (the thirty-seventh round): «add 2 pairs in 12» after «pacer racing
flats in a 12?» is the first listed in 12, and «does it come in blue?» asks of it even where
blue is sold out; «the red one» of five listed, two in red, asks which of those two; a name
and «??» shows the products it names; «my little bro is 2» is an age; «size 9» is no
«Roastery 9»; «what … do you actually have» is what is in stock; «is it japanese?» asks the
origin; «north face» is not carried by its whole name; «a speaker i can use in the shower»
is a speaker with a water rating."""

from __future__ import annotations

import re

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.conversation.answers.ages import age_verdict, child_age
from assistant.conversation.answers.fact_words import ATTRIBUTE_WORDS
from assistant.conversation.answers.said_facts import (
    holds_said_facts,
    said_fact_note,
    with_said_facts,
)
from assistant.search.countries import countries_said
from assistant.search.filters import IN_STOCK
from assistant.search.mentions import ProductMentions
from assistant.settings import DEMO_CATALOGUE
from tests.test_phrasing import Chat

PACER_FLATS, OAKHAVEN_STUDIO, RIDGELINE_HEADLAMP, COREFORGE_ROLLER = (
    "P0041",
    "P0154",
    "P0069",
    "P0173",
)
LUMA_SPORT, LUMA_MAX, FLEETFOOT_LITE, ZOOMKID_BLOCKS = "P0117", "P0129", "P0049", "P0225"
SONARA_PRIME, SONARA_EDGE, BASSLINE_WAVE, BASSLINE_AERO = "P0003", "P0021", "P0009", "P0027"
ATLAS_ZEN, ATLAS_ONE_X, ROASTERY_GREEN_TEA = "P0333", "P0327", "P0306"


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(DEMO_CATALOGUE)[0]


def test_a_number_alone_names_no_brand(catalogue) -> None:
    mentions = ProductMentions(catalogue)
    found = [m.product_id for m in mentions.find("fleetfoot lite 2 in size 9 black?")]
    assert found == [FLEETFOOT_LITE]
    assert len(mentions.find("roastery 9 lite")) == 2  # the matcha and the coffee, both meant


@pytest.mark.parametrize(
    ("said", "age"),
    [
        ("my little bro is 2, is it ok for him", 2),
        ("my sister is 5", 5),
        ("my nephew just turned 4", 4),
        ("is it ok for my brother", None),
    ],
)
def test_ages_of_relatives(said: str, age: int | None) -> None:
    named = child_age(said)
    assert (named[0] if named else None) == age
    if age is not None:
        assert re.search(ATTRIBUTE_WORDS["age"], said, re.I)


def test_an_age_below_the_rating_is_said_plainly() -> None:
    assert "not meant for a 2-year-old" in age_verdict("3+", "my little bro is 2")


def test_a_countrys_adjective_asks_the_origin() -> None:
    origin = re.compile(ATTRIBUTE_WORDS["origin"], re.I)
    assert origin.search("is it japanese green tea?")
    assert not origin.search("does it come as a french press grind?")


def test_what_you_actually_have_is_in_stock() -> None:
    assert IN_STOCK.search("what road running shoes do you actually have in a size 9")
    assert not IN_STOCK.search("do you have road running shoes in a size 9")


def test_a_water_rating_asked_for_by_use(catalogue) -> None:
    speakers = [catalogue.products[pid] for pid in (SONARA_PRIME, SONARA_EDGE, BASSLINE_WAVE)]
    assert not holds_said_facts(speakers[0], "a speaker i can use in the shower")  # «none»
    assert [p.id for p in with_said_facts(speakers, "waterproof speaker")] == [
        SONARA_EDGE,
        BASSLINE_WAVE,
    ]
    assert with_said_facts(speakers, "a loud speaker") == speakers
    assert "IPX7" in said_fact_note(speakers, "something splash proof")
    assert with_said_facts(speakers, "allergic to anything waterproof") == speakers


@pytest.mark.slow
def test_a_version_of_the_best_match(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say_all("pacer n co racing flats in a 12? | add 2 pairs in 12")
    assert chat.units() == {PACER_FLATS: 2}
    chat = Chat(demo_assistant)
    chat.say_all("oakhaven memory foam pillow, the cheaper one, queen size | 4 in grey queen")
    assert chat.units() == {OAKHAVEN_STUDIO: 4}
    chat = Chat(demo_assistant)
    chat.say("headlamp for camping, under 30")
    chat.say("the ridgeline one says 2.1 kg?? for a headlamp?? is that right")
    chat.say("lol ok whatever, add it in blue")
    assert chat.units() == {RIDGELINE_HEADLAMP: 1}


@pytest.mark.slow
def test_does_it_come_in_a_sold_out_version(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("foam roller under 35")  # the CoreForge first, sold out in blue
    reply = chat.say("does it come in blue?")
    assert reply.products == [COREFORGE_ROLLER] and "out of stock" in reply.text


@pytest.mark.slow
def test_the_red_one_asks_among_the_red_ones(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("carry on suitcase")
    reply = chat.say("the red one")
    assert reply.text.startswith("Which one do you mean?") and not chat.units()
    assert ATLAS_ZEN in reply.text and ATLAS_ONE_X in reply.text and "P0309" not in reply.text
    chat.say("the second one")
    assert chat.units() == {ATLAS_ONE_X: 1}


@pytest.mark.slow
def test_a_name_and_question_marks_shows_them(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("luma skin vitamin c serum?? saw it on snapgram")
    assert reply.products == [LUMA_SPORT, LUMA_MAX]
    reply = Chat(demo_assistant).say("my little bro is 2, is the zoomkid plus s blocks set ok")
    assert reply.products == [ZOOMKID_BLOCKS] and "not meant for a 2-year-old" in reply.text


@pytest.mark.slow
def test_searches_by_stock_origin_make_and_use(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("what road running shoes do you actually have in a size 9")
    assert FLEETFOOT_LITE not in reply.products and reply.products  # sold out
    chat = Chat(demo_assistant)
    chat.say("green tea")
    reply = chat.say("the first one, is it japanese green tea?")
    assert reply.products == [ROASTERY_GREEN_TEA] and "Guatemala" in reply.text
    reply = Chat(demo_assistant).say("north face rain jacket?")
    assert "We don't carry North Face." in reply.text
    reply = Chat(demo_assistant).say("speaker i can use in the shower")
    assert set(reply.products) == {SONARA_EDGE, BASSLINE_WAVE, BASSLINE_AERO}
    assert "IPX7" in reply.text


def test_a_country_said_by_its_adjective(catalogue) -> None:
    teas = [catalogue.products[pid] for pid in ("P0306", "P0282")]
    assert [p.id for p in with_said_facts(teas, "japanese green tea")] == ["P0282"]
    assert countries_said("the ethiopian one, or something french") == {"ethiopia", "france"}
    assert not countries_said("a french press grind")


@pytest.mark.slow
def test_japanese_green_tea_is_no_make_we_lack(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("japanese green tea")
    assert reply.products == ["P0282"] and "don't carry" not in reply.text
    chat = Chat(demo_assistant)
    chat.say("north face sleeping bag? or whatever u have thats warm, under 60")
    reply = chat.say("how heavey is each")
    assert "900 g" in reply.text and "350 g" in reply.text
