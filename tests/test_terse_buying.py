"""Terse shoppers on a phone: a product's name and its options is a pick, its name alone
shows it, a number that is one of its sizes is that size, and "cheapest?" names one that
can be bought."""

from __future__ import annotations

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.conversation.understanding.buying import only_names
from assistant.settings import DEMO_CATALOGUE
from tests.test_phrasing import Chat


@pytest.fixture(scope="module")
def products():
    catalogue = load_catalogue(DEMO_CATALOGUE)[0]
    return {product.title: product for product in catalogue.products.values()}


@pytest.mark.parametrize(
    ("title", "said", "only"),
    [
        ("Kestrel Plus Fleece Hoodie", "kestrel plus hoodie S", True),
        ("Zoomkid Flow S Remote Control Car", "zoomkid flow s rc car", True),
        ("Morning Ritual Classic X Chai Spice Blend", "morning ritual classic x, 1kg ground", True),
        ("Kestrel Plus Fleece Hoodie", "kestrel plus hoodie S, does it run small", False),
        ("Kestrel Plus Fleece Hoodie", "is the kestrel plus hoodie warm?", False),
    ],
)
def test_a_message_that_only_names_a_product(products, title: str, said: str, only: bool) -> None:
    assert only_names(products[title], said) is only


@pytest.mark.slow
def test_a_name_and_its_options_is_a_pick_and_add_it_after_adds_no_second(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    picked = chat.say("morning ritual classic x, 1kg ground")
    assert sum(chat.units().values()) == 1, picked.text
    chat.say("add it. can she return it if she doesnt like it?")
    assert sum(chat.units().values()) == 1
    chat.say("add another one")
    assert sum(chat.units().values()) == 2


@pytest.mark.slow
def test_a_name_alone_shows_the_product_with_its_price(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("zoomkid flow s rc car")
    assert "$65.49" in reply.text and not chat.units()


@pytest.mark.slow
def test_a_number_that_is_a_size_is_not_a_quantity(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("altura one s trail shoe")
    asked = chat.say("7 red?")
    assert not chat.units() and "1 in stock" in asked.text  # asked, not bought
    chat.say("9 red")
    assert sum(chat.units().values()) == 1


@pytest.mark.slow
def test_get_it_in_a_colour_buys_the_one_in_focus(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("the wildpine go water bottle, what colours does it come in")
    chat.say("get it in olive")
    assert sum(chat.units().values()) == 1


@pytest.mark.slow
def test_cheapest_names_one_in_stock_and_says_the_sold_out_one(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("fast wireless charger")
    reply = chat.say("cheapest?")
    assert reply.text.startswith("The cheapest in stock is Snapgrip Zen X"), reply.text
    assert "is sold out" in reply.text


@pytest.mark.slow
def test_buy_now_with_a_name_and_its_version_adds_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("buy now 1 armorly air s screen protector, clear one for galaxy s24")
    assert chat.units() == {"P0200": 1}
    summary = chat.say("ok show me the summary")
    assert summary.pending_checkout is not None and not summary.orders


@pytest.mark.slow
def test_a_stock_question_about_a_version_said_in_plural(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("lumen home aero linen duvet cover")
    reply = chat.say("How many white queens do you have left?")
    assert "white, queen at $71.49 (12 in stock)" in reply.text, reply.text
