"""A specs shopper and a bargain hunter: phone models a product is not made for, cheaper ones
than a named product, superlatives that are no make."""

from __future__ import annotations

import pytest

from tests.test_phrasing import Chat, _id


@pytest.mark.slow
def test_a_phone_model_the_product_lacks_is_said_and_nothing_else_is_added(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("voltedge core 2 power bank - got it for iphone 15?")
    assert "does not come in model iPhone 15" in reply.text and "Galaxy S24" in reply.text
    chat.say("add one iphone 15 anyway")
    assert chat.units() == {}


@pytest.mark.slow
def test_a_phone_model_it_has_is_added(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the chargewell sport fast wireless charger in red for iphone 15")
    cart = demo_assistant.commerce.get_cart(chat.session)
    assert [line.options for line in cart.lines] == [{"colour": "red", "model": "iPhone 15"}]


@pytest.mark.slow
def test_cheaper_than_a_named_product_lists_cheaper_ones_of_any_make(demo_assistant) -> None:
    reply = Chat(demo_assistant).say(
        "the kitchencraft lite blender is way too much. cheaper blender?"
    )
    assert _id(demo_assistant, "Verano Sport 200 Blender") in reply.products, reply.text


@pytest.mark.slow
def test_a_superlative_is_no_make_we_lack(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("lightest tent u have thats actually in stock?")
    assert "We don't carry" not in reply.text and reply.products, reply.text
    reply = Chat(demo_assistant).say("braided usb c cable pls")
    assert "We don't carry" not in reply.text and reply.products, reply.text
