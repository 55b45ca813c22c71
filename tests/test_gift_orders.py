"""Gift buyers coming back to their orders: «Cancel my order» beside a remark cancels and
adds nothing, an exchange asked about changes nothing, «my refund» after a cancel says
nothing was charged, a placed order takes no more items; and picks named the way they say
them («Go with the X», «and the X» after an add, a brand said beside a version)."""

from __future__ import annotations

import pytest

from tests.test_phrasing import Chat


def _ordered(chat: Chat, message: str) -> None:
    chat.say(message)
    chat.say("checkout")
    chat.say("yes")
    assert len(chat.bot.commerce.list_orders(chat.session)) == 1


@pytest.mark.slow
def test_cancel_my_order_beside_a_remark_cancels_and_adds_nothing(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    _ordered(chat, "Roamly Nova 900 Laptop Backpack in black please")
    reply = chat.say("She already bought one herself. Cancel my order.")
    assert chat.units() == {}
    assert demo_assistant.commerce.list_orders(chat.session)[0].status == "cancelled"
    assert "not charged" in chat.say("When do I get my refund?").text
    assert "cancel" in reply.text.lower()


@pytest.mark.slow
def test_cancel_my_order_with_no_order_adds_nothing(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("Roamly Nova 900 Laptop Backpack in black, my daughter is off to uni")
    before = chat.units()
    chat.say("She already bought one herself. Cancel my order.")
    assert chat.units() == before


@pytest.mark.slow
def test_an_exchange_asked_about_changes_nothing(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("What's the return policy on the Altura Air 200 Racing Flats?")
    chat.say("Size 10 in red please")
    line = demo_assistant.commerce.get_cart(chat.session).lines[0]
    reply = chat.say("If he wants blue instead, can he just exchange them?")
    assert demo_assistant.commerce.get_cart(chat.session).lines[0].variant_id == line.variant_id
    assert "returns.exchanges" in reply.text


@pytest.mark.slow
def test_a_placed_order_takes_no_more_items(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    _ordered(chat, "add the zoomkid flow s rc car")
    reply = chat.say("can u add a teddy to that order")
    assert chat.units() == {}
    assert "cannot be changed" in reply.text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("first", "then", "added"),
    [
        ("quietude headphones", "Go with the Quietude Urban Wired Studio Headphones", "P0028"),
        (
            "Cairn Gear Nova X Trekking Poles in grey for my dad",
            "and the NorthTrail Zen S Camping Stove",
            "P0081",
        ),
        ("cheap screen protector for pixel 9", "add armorly go s green pixel 9", "P0218"),
        ("drift classic 2 candle pls", "the oakhaven core 2 candle then, white king", "P0146"),
        ("Duffel bags under $60?", "Roamly Urban X in red", "P0330"),
        ("Mineral sunscreen SPF 50", "The Luma Skin Zen X, 50 ml", "P0120"),
    ],
)
def test_a_pick_said_the_way_shoppers_say_it(demo_assistant, first, then, added) -> None:
    chat = Chat(demo_assistant)
    chat.say(first)
    chat.say(then)
    assert added in chat.units()


@pytest.mark.slow
def test_a_kind_named_with_a_question_is_a_search(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("Mineral sunscreen SPF 50 for my daughter's school trip?")
    assert len(reply.products) >= 2


@pytest.mark.slow
def test_one_of_a_line_changed_to_another_version_splits_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add 3 Zenmotion One Yoga Mat in green")
    chat.say("make one of them grey")
    lines = demo_assistant.commerce.get_cart(chat.session).lines
    assert sorted(line.qty for line in lines) == [1, 2]
    assert {line.product_id for line in lines} == {"P0187"}


@pytest.mark.slow
def test_make_it_two_once_the_others_are_out_is_the_line_left(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say(
        "add voyagr urban 2 duffel, atlas & oak trail packing cubes and the kestrel travel nova 2 "
        "crossbody"
    )
    chat.say("only the duffel stays")
    chat.say("make it 2")
    assert chat.units() == {"P0312": 2}


@pytest.mark.slow
def test_and_the_x_in_a_colour_after_an_add_adds_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add 2 ridgeline pro s headlamps blue")
    chat.say("and the wildpine go 2 trekking poles olive")
    assert chat.units() == {"P0069": 2, "P0061": 1}


@pytest.mark.slow
def test_an_aspect_said_again_after_a_review_question_stays_on_the_product(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("Is the Meeple House Classic 500 Strategy Board Game a good present?")
    reply = chat.say("what do the reviews say about safety, any small parts?")
    assert "P0226" in reply.text and "don't sell" not in reply.text
    assert "P0226" in chat.say("And are the rules easy to follow?").text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("How many of the same thing can I order at once?", "orders.quantity-limits"),
        ("Can you split the order between the two homes?", "shipping.what-we-do-not-offer"),
        ("Can you tell me what my wife ordered last week?", "privacy."),
    ],
)
def test_shop_rules_asked_as_gift_buyers_ask_them(demo_assistant, question, section) -> None:
    reply = Chat(demo_assistant).say(question)
    assert section in reply.text


@pytest.mark.slow
def test_any_good_quotes_the_reviews(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("armorly wave 200 power bank any good")
    assert any(c.kind == "review" for c in reply.citations) and "P0223" in reply.text


@pytest.mark.slow
def test_how_much_is_delivery_gives_what_shipping_costs(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("lumen home max s scented soy candle")
    assert "4.99" in chat.say("how much is delivery on that?").text


@pytest.mark.slow
def test_sizes_of_a_product_sold_by_capacity(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("copperline classic 2 skillet what sizes")
    assert "capacities: small, medium, large" in reply.text


@pytest.mark.slow
def test_other_ones_of_its_kind_leave_the_one_in_view_out(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("northwind max 2 merino sweater L black")  # P0255, that version sold out
    reply = chat.say("other merino sweaters?")
    assert reply.products and "P0255" not in reply.products


@pytest.mark.slow
def test_a_small_purchase_is_no_small_version(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("I'm looking at the Hearthstone Studio S pour-over coffee maker.")
    chat.say("Hmm. It's only a small purchase, so I'll risk it. Medium, in silver.")
    lines = demo_assistant.commerce.get_cart(chat.session).lines
    assert [(line.product_id, line.qty) for line in lines] == [("P0111", 1)]


@pytest.mark.slow
def test_put_it_back_in_the_cart_after_a_cancel_adds_it_again(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    _ordered(chat, "Please add the Meeple House Classic 500 strategy board game to my cart.")
    chat.say("Actually I've changed my mind about the whole order. Please cancel it.")
    chat.say(
        "Could you put the board game back in my cart, but two this time? One is for my nephew."
    )
    assert chat.units() == {"P0226": 2}


@pytest.mark.slow
def test_swap_it_for_the_other_one_of_the_two_compared(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say(
        "Compare the Tumble & Co Urban 2 Plush Teddy Bear and the Tumble & Co Lite Plush Teddy Bear"
    )
    chat.say("Add the cheaper one")
    assert chat.units() == {"P0246": 1}
    chat.say("Actually swap it for the other one")
    assert chat.units() == {"P0252": 1}


@pytest.mark.slow
def test_one_of_two_compared_said_then_added_in_one_message(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say(
        "Can you compare the Purelle Aero Vitamin C Brightening Serum and the Luma Skin Sport "
        "Vitamin C serum?"
    )
    chat.say("The Purelle one is cheaper, right? Add the 100 ml size.")
    assert chat.units() == {"P0123": 1}


@pytest.mark.slow
def test_what_do_you_sell_cites_the_shops_own_list(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("ok what DO u sell lol")
    assert "We sell:" in reply.text
    assert {c.id for c in reply.citations if c.kind == "policy"} >= {"catalogue.categories"}


@pytest.mark.slow
def test_show_me_a_named_product_shows_it_not_the_cart(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("show me the lumen home one 2 candle")
    assert "P0158" in reply.products


@pytest.mark.slow
def test_one_for_each_teacher_names_no_one_model(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say(
        "5 Lumen Home Max S Scented Soy Candles, beige, queen size, one for each teacher"
    )
    assert "P0158" not in reply.products
    assert chat.units() == {"P0164": 5}


@pytest.mark.slow
@pytest.mark.parametrize(
    "message",
    ["change one of them to green, keep the other black", "make 2 of them green"],
)
def test_some_of_a_line_unclear_or_too_many_asks_and_loses_nothing(demo_assistant, message) -> None:
    chat = Chat(demo_assistant)
    chat.say("add 2 Zenmotion One Yoga Mat in black")
    reply = chat.say(message)
    assert "?" in reply.text
    assert chat.units() == {"P0187": 2}


@pytest.mark.slow
def test_swap_for_the_other_one_loses_no_units(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say(
        "Compare the Tumble & Co Urban 2 Plush Teddy Bear and the Tumble & Co Lite Plush Teddy Bear"
    )
    chat.say("The Urban 2 one is cheaper, right?")
    chat.say("add it")
    chat.say("make it 3")
    chat.say("swap it for the other one")
    assert sum(chat.units().values()) == 3


@pytest.mark.slow
@pytest.mark.parametrize(
    "steps",
    [
        ["add the wildpine edge headlamp", "tell me about the Zenmotion One Yoga Mat", "remove it"],
        [
            "tell me about the wildpine edge headlamp",
            "add the Flexa Core S Foam Roller in grey",
            "forget the wildpine edge headlamp",
        ],
        [
            "add the wildpine edge headlamp",
            "add the Flexa Core S Foam Roller in grey",
            "does the delivery cost go down if I take the roller out?",
        ],
    ],
)
def test_what_is_not_in_the_cart_or_only_asked_about_changes_nothing(demo_assistant, steps) -> None:
    chat = Chat(demo_assistant)
    for message in steps[:-1]:
        chat.say(message)
    before = chat.units()
    chat.say(steps[-1])
    assert chat.units() == before


def test_sending_a_placed_order_to_another_address_gets_the_rule(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    _ordered(chat, "add the Atlas & Oak Zen Carry-On Suitcase, its a gift")
    reply = chat.say("oh can u send that order to my mums address instead")
    assert "cannot be changed" in reply.text, reply.text
    assert demo_assistant.commerce.list_orders(chat.session)[0].status == "processing"


def test_a_day_it_is_to_come_on_is_compared_with_the_orders_estimate(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    _ordered(chat, "add the PulseFit Go Foam Roller")  # ships in 10 days: after any friday
    reply = chat.say("so its def not coming friday right")
    assert "won't arrive by then" in reply.text, reply.text


def test_express_asked_of_a_placed_order_gets_the_estimate_and_the_rule(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    _ordered(chat, "add summit supply sport s insulated water bottle olive")
    reply = chat.say("need it by friday can u send it next day or express")
    assert "won't arrive by then" in reply.text, reply.text
    assert "We do not offer express" in reply.text, reply.text
