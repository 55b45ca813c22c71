"""Searches by a figure of the product data: «lightest tent», «fastest wireless charger for
pixel 9», «backpack under 1kg», «earbuds also IPX7 w more battery», and the words around
them (a payment method beside a product, a phone model said as an option)."""

from __future__ import annotations

import pytest

from assistant.conversation.answers.spec_order import by_spec, figure_of
from tests.test_phrasing import Chat, _id


def _of_kind(bot, word: str) -> list:
    return [p for p in bot.services.catalogue.products.values() if word in p.title.lower()]


@pytest.mark.slow
def test_the_lightest_in_stock_comes_first_with_its_weight(demo_assistant) -> None:
    tents = [p for p in _of_kind(demo_assistant, "tent") if p.in_stock and "weight" in p.attributes]
    lightest = min(tents, key=lambda p: figure_of(p, "weight") or 0.0)
    chat = Chat(demo_assistant)
    reply = chat.say("lightest tent u have thats actually in stock? weight in g pls")
    assert reply.products[0] == lightest.id, reply.text
    assert lightest.attributes["weight"] in reply.text
    reply = chat.say("wat's it made of")
    assert reply.products == [lightest.id] and lightest.attributes["material"] in reply.text


@pytest.mark.slow
def test_the_fastest_charger_is_one_made_for_the_phone_said(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("fastest wireless charger for pixel 9?")
    chargers = [demo_assistant.services.catalogue.products[pid] for pid in reply.products]
    assert chargers and all("Pixel 9" in p.options_by_name().get("model", []) for p in chargers)
    outputs = [figure_of(p, "output") for p in chargers]
    assert outputs == sorted(outputs, reverse=True), reply.text


@pytest.mark.slow
def test_a_bound_keeps_only_what_is_within_it_and_says_no_size(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("hiking backpack under 1kg?")
    shown = [demo_assistant.services.catalogue.products[pid] for pid in reply.products]
    assert shown and all((figure_of(p, "weight") or 1e9) <= 1000 for p in shown), reply.text
    assert "size 1kg" not in reply.text


@pytest.mark.slow
def test_most_capacity_with_a_material_preferred_then_add_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("carry-on suitcase w max capacity, polycarbonate shell pref")
    top = demo_assistant.services.catalogue.products[reply.products[0]]
    assert top.attributes["material"] == "polycarbonate", reply.text
    chat.say("add it")
    assert chat.units() == {top.id: 1}


@pytest.mark.slow
def test_a_quality_said_after_also_is_one_search_that_passes_the_one_in_view(
    demo_assistant,
) -> None:
    chat = Chat(demo_assistant)
    chat.say("battery on the echofox nova s?")
    reply = chat.say("any earbuds also IPX7 w more battery?")
    nova = _id(demo_assistant, "Echofox Nova S Sport Earbuds")
    found = [demo_assistant.services.catalogue.products[pid] for pid in reply.products]
    assert found and found[0].id != nova, reply.text
    assert all(p.attributes.get("water resistance") == "IPX7" for p in found)
    chat = Chat(demo_assistant)
    chat.say("sonara prime 2 speaker")
    reply = chat.say("meh. any speaker thats IPX7 w longer battery?")
    assert _id(demo_assistant, "Sonara Prime 2 Bluetooth Speaker") not in reply.products
    assert reply.products, reply.text


@pytest.mark.slow
def test_a_payment_method_beside_a_product_is_the_payments_rule(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("can i pay w paypal for the armorly wave 200 power bank?")
    assert "payments.ways-to-pay" in {c.id for c in reply.citations}, reply.text


@pytest.mark.slow
def test_a_phone_model_said_as_an_option_is_no_kind_we_lack(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("chargewell sport fast wireless charger, red iphone 15, add")
    assert "don't sell" not in reply.text, reply.text


@pytest.mark.slow
def test_switching_the_version_on_a_placed_order_gets_the_rule(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("chargewell sport fast wireless charger, red iphone 15, add")
    chat.say("checkout")
    assert chat.say("yes").orders
    reply = chat.say("oh wait can u switch it to the galaxy s24 version on that order")
    assert "orders.changing-an-order" in {c.id for c in reply.citations}, reply.text


def test_by_spec_reads_no_figure_from_words_that_only_look_like_one(demo_assistant) -> None:
    towels = _of_kind(demo_assistant, "towel")
    assert by_spec(towels, "light blue towel") is None
    assert by_spec(towels, "fastest delivery towel") is None
