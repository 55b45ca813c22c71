"""Makes the shop does not carry (the thirty-eighth round): «got any sony headphones» says we
don't carry Sony (not read as a typo of «soy»), «headphones like bose» and «something like
airpods» say so too, «any nespresso machines» and «do you have a keurig?» are coffee makers
with the make said lacking, and «lego for my 5 year old?» says it before the ideas."""

from __future__ import annotations

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.settings import DEMO_CATALOGUE
from tests.test_phrasing import Chat

TITLES = {pid: p.title for pid, p in load_catalogue(DEMO_CATALOGUE)[0].products.items()}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("said", "make", "kind"),
    [
        ("got any sony headphones", "Sony", "Headphones"),
        ("do you sell headphones like bose?", "Bose", "Headphones"),
        ("i want something like airpods", "Airpods", "Earbuds"),
        ("any nespresso machines", "Nespresso", "Coffee Maker"),
        ("do you have a keurig?", "Keurig", "Coffee Maker"),
    ],
)
def test_a_make_we_lack_is_said_with_its_kind(demo_assistant, said, make, kind) -> None:
    reply = Chat(demo_assistant).say(said)
    assert reply.text.startswith(f"We don't carry {make}. Here is what we have instead:")
    assert reply.products
    assert all(kind in TITLES[pid] for pid in reply.products)


@pytest.mark.slow
def test_a_lacked_make_of_a_kind_not_sold_stays_not_sold(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("any dyson vacuums")
    assert "we don't sell dyson vacuums" in reply.text


@pytest.mark.slow
def test_a_lacked_make_is_said_before_ideas(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("lego for my 5 year old?")
    assert reply.text.startswith("We don't carry Lego.") and reply.products
    reply = Chat(demo_assistant).say("a gift for my dad who loves hiking")
    assert "We don't carry" not in reply.text


@pytest.mark.slow
def test_a_make_we_sell_is_searched_as_ours(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("any sonara speakers")
    assert "We don't carry" not in reply.text and reply.products
