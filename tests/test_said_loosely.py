"""Things said loosely: «around 120» is a price either side, «do they snap? kids are rough»
asks about snapping, «is it loud?» is answered by «quieter than my old one»."""

from __future__ import annotations

import pytest

from assistant.search.aspect_families import family_label
from assistant.search.parsing import _numbers


@pytest.mark.parametrize(
    ("said", "low", "high"),
    [
        ("blender for smoothies, around 120", 9000, 15000),
        ("a blender for about 100 bucks", 7500, 12500),
        ("$50 or so", 3750, 6250),
        ("blender, 120ish", 9000, 15000),
    ],
)
def test_around_a_price_is_a_quarter_either_side(said: str, low: int, high: int) -> None:
    found: dict[str, object] = {}
    _numbers(said, found)
    assert (found.get("min_price_minor"), found.get("max_price_minor")) == (low, high)


@pytest.mark.parametrize(
    "said",
    ["i need around 10", "about 10 of them", "for about 2 hours", "around 20 people"],
)
def test_around_a_count_or_a_measure_is_no_price(said: str) -> None:
    found: dict[str, object] = {}
    _numbers(said, found)
    assert "min_price_minor" not in found and "max_price_minor" not in found


def test_a_bound_said_wins_over_around() -> None:
    found: dict[str, object] = {}
    _numbers("headphones under 100, around 80", found)
    assert found == {"max_price_minor": 10000}


@pytest.mark.parametrize(
    ("said", "family"),
    [
        ("do reviews say anything about it arriving damaged?", "arriving damaged"),
        ("did the box arrive crushed?", "arriving damaged"),
        ("can it crush ice?", None),
        ("is it loud? baby naps in the next room", "noise"),
    ],
)
def test_the_aspect_family_asked(said: str, family: str | None) -> None:
    assert family_label(said) == family


@pytest.mark.slow
def test_the_asking_sentence_names_the_aspect(demo_assistant) -> None:
    from tests.test_phrasing import Chat

    chat = Chat(demo_assistant)
    reply = chat.say("ironpeak go jump rope - do they snap? kids are rough")
    assert "mention snap" in reply.text and reply.citations
    blender = Chat(demo_assistant).say("is the verano sport 200 blender loud? baby naps nearby")
    assert "Quieter than my old one" in blender.text
