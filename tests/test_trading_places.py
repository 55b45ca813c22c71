"""Trading one product for another and weighing them: «swap the atlas ones for the voyagr
set» replaces the cart's line, «r the voyagr ones better» compares with the one in view,
«1kg whole» names the «whole bean» version."""

from __future__ import annotations

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.settings import DEMO_CATALOGUE
from tests.test_phrasing import Chat

PRODUCTS = load_catalogue(DEMO_CATALOGUE)[0].products


@pytest.mark.parametrize(
    ("text", "options"),
    [
        ("add morning ritual classic x chai 1kg whole", {"size": "1 kg", "grind": "whole bean"}),
        ("1kg whole bean", {"size": "1 kg", "grind": "whole bean"}),
        ("250g ground", {"size": "250 g", "grind": "ground"}),
        ("1kg, an extra one", {"size": "1 kg"}),
    ],
)
def test_the_first_word_of_a_version_names_it_when_no_other_has_it(text, options) -> None:
    assert PRODUCTS["P0308"].options_named_in(text) == options


@pytest.mark.slow
def test_a_cart_product_traded_for_another_both_named(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("packing cubes under 20")
    chat.say("olive")
    assert chat.units() == {"P0325": 1}
    chat.say("ok swap the atlas ones for the voyagr set")
    assert chat.units() == {"P0313": 1}


@pytest.mark.slow
def test_a_trade_that_names_nothing_in_the_cart_changes_nothing(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("packing cubes under 20")
    chat.say("olive")
    chat.say("swap the zenmotion bands for the voyagr set")  # the bands are not in the cart
    assert chat.units() == {"P0325": 1}


@pytest.mark.slow
def test_is_another_one_better_compares_it_with_the_one_in_view(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("packing cubes under 20")
    chat.say("olive")
    reply = Chat.say(chat, "r the voyagr ones better")
    assert set(reply.products) >= {"P0313", "P0325"}
    assert chat.units() == {"P0325": 1}
