"""A brand said in full names its products: the only one it has («the stridex ones»), or a
question naming the few its other words leave («the summit supply sport s»: a headlamp and a
bottle)."""

from __future__ import annotations

import pytest

from tests.test_phrasing import Chat, _id


@pytest.mark.slow
def test_a_brand_with_one_product_names_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    shoes = _id(demo_assistant, "Stridex Nova 700 Stability Running Shoes")
    reply = chat.say("do the stridex ones run small??")
    assert shoes in reply.products and "review" in reply.text, reply.text
    chat.say("ok add size 10 orange then")
    assert chat.units() == {shoes: 1}


@pytest.mark.slow
def test_a_question_of_a_brand_line_names_its_products(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    lamp = _id(demo_assistant, "Summit Supply Sport S Headlamp")
    bottle = _id(demo_assistant, "Summit Supply Sport S Insulated Water Bottle")
    reply = chat.say("is the summit supply sport s any good")
    assert lamp in reply.text and bottle in reply.text, reply.text
    assert "Which one do you mean?" in reply.text


@pytest.mark.slow
def test_adding_a_brand_line_asks_which_then_adds_the_one_picked(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    bottle = _id(demo_assistant, "Summit Supply Sport S Insulated Water Bottle")
    reply = chat.say("add the summit supply sport s")
    assert "Which one do you mean?" in reply.text and bottle in reply.text, reply.text
    assert chat.units() == {}
    chat.say("the bottle, grey")
    assert chat.units() == {bottle: 1}


@pytest.mark.slow
def test_a_quicker_one_of_the_line_picked_looks_beyond_the_list(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    bottle = _id(demo_assistant, "Summit Supply Sport S Insulated Water Bottle")
    chat.say("is the summit supply sport s any good")
    chat.say("the water bottle. how long does it take to deliver")
    reply = chat.say("12 days?! is there a quicker bottle")
    assert reply.products and bottle not in reply.products, reply.text
    titles = [demo_assistant.services.catalogue.products[pid].title for pid in reply.products]
    assert all("Bottle" in title for title in titles), titles
