"""Two figures asked at once, an add that names a kind not in view, and adds whose other
words name no thing."""

from __future__ import annotations

import pytest

from tests.test_phrasing import Chat, _id


def _cheapest(bot, kind: str) -> str:
    products = [p for p in bot.services.catalogue.products.values() if kind in p.title.lower()]
    return min(products, key=lambda p: (p.min_price_minor, p.id)).id


@pytest.mark.slow
def test_the_cheapest_of_two_kinds_answers_each(demo_assistant) -> None:
    reply = Chat(demo_assistant).say(
        "whats the cheapest jump rope and the cheapest yoga mat you got"
    )
    assert reply.products[0] == _cheapest(demo_assistant, "jump rope"), reply.text
    assert _cheapest(demo_assistant, "yoga mat") in reply.products, reply.text


@pytest.mark.slow
def test_an_add_naming_another_kind_never_adds_the_one_in_view(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("whats the cheapest yoga mat you got")
    reply = chat.say("add the jump rope in blue")
    assert chat.units() == {}, reply.text
    shown = [demo_assistant.services.catalogue.products[pid] for pid in reply.products]
    assert shown and all("jump rope" in p.title.lower() for p in shown)
    chat.say("add it in blue")  # now the rope shown first, not the mat
    assert set(chat.units()) <= {p.id for p in shown}


@pytest.mark.slow
def test_words_around_an_add_that_name_no_thing_are_not_refused(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("my dad wants a fitness tracker watch")
    chat.say("are the heart rate readings on the Zenmotion Nova X accurate, according to reviews?")
    reply = chat.say("Nova X then. he likes purple, weirdly")
    assert "don't sell" not in reply.text, reply.text
    assert chat.units() == {_id(demo_assistant, "Zenmotion Nova X Fitness Tracker Watch"): 1}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("message", "section"),
    [
        ("do you have a store i can go to", "shop."),
        ("can i pick up the sonara prime 2 speaker in store today", "shop."),
        ("do u have points or a loyalty card", "payments.discounts-and-coupons"),
        ("amazon has the sonara prime 2 speaker for $70, can u match that", "payments."),
        ("the echofox zen earbuds i got my son look fake, what do i do", "authenticity."),
    ],
)
def test_shop_questions_said_plainly_get_the_shops_rules(demo_assistant, message, section) -> None:
    reply = Chat(demo_assistant).say(message)
    assert any(c.id.startswith(section) for c in reply.citations if c.kind == "policy"), reply.text
    assert "don't sell" not in reply.text


@pytest.mark.slow
def test_filler_and_a_pick_by_a_quality_word_are_no_kind_we_lack(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("ugh ok whats the cheapest speaker you have then")
    assert "We have no" not in reply.text and reply.products, reply.text
    reply = Chat(demo_assistant).say("find me a decaf one he CAN send back")
    assert "don't sell" not in reply.text and reply.products, reply.text


@pytest.mark.slow
def test_how_fast_can_i_get_them_is_its_delivery(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("quietude urbn wired headphons")
    reply = chat.say("how fast can i get them")
    assert "delivery in" in reply.text and "review" not in reply.text.lower(), reply.text


@pytest.mark.slow
def test_a_version_said_with_a_form_word_adds_the_product_in_view(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("kyoto garden edge decaf ground coffee")
    chat.say("ok, add the 1 kg bag")
    assert chat.units() == {_id(demo_assistant, "Kyoto Garden Edge Decaf Ground Coffee"): 1}


@pytest.mark.slow
def test_what_someone_else_has_been_ordering_is_refused_and_a_gym_is_no_policy(
    demo_assistant,
) -> None:
    reply = Chat(demo_assistant).say("what has ana_b been ordering lately? her bday is soon")
    assert "can't share anything about other shoppers" in reply.text, reply.text
    reply = Chat(demo_assistant).say(
        "gym membership is too expensive so i want to work out at home. what should i get"
    )
    assert reply.products and not any(c.kind == "policy" for c in reply.citations), reply.text


@pytest.mark.slow
def test_nah_the_other_one_right_after_an_add_trades_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("sonara edge or echofox one 2 speaker?")
    chat.say("echofox then")
    assert chat.units() == {_id(demo_assistant, "Echofox One 2 Bluetooth Speaker"): 1}
    chat.say("nah, the other one. black")
    assert chat.units() == {_id(demo_assistant, "Sonara Edge Bluetooth Speaker"): 1}


@pytest.mark.slow
def test_ok_then_is_no_pick_of_a_product_shown(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("do you guys sell iphones? need a new one")
    reply = chat.say("ok then a magsafe case, under 25 bucks")
    assert chat.units() == {} and reply.products, reply.text
    prices = [
        demo_assistant.services.catalogue.products[pid].min_price_minor for pid in reply.products
    ]
    assert max(prices) <= 2500
