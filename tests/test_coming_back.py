"""Shoppers who come back after ordering or asking: part of a placed order is never cancelled
alone, «can she send it back?» asks a return window, a question about another product leaves
an open «which one?» behind."""

from __future__ import annotations

import pytest

from tests.test_phrasing import Chat


def _statuses(bot, session: str) -> list[str]:
    return [order.status for order in bot.commerce.list_orders(session)]


@pytest.mark.slow
@pytest.mark.parametrize(
    "part",
    [
        "can u cancel just the white ones from that order?",
        "cancel one of the white ones",
        "take the black one off my order",
    ],
)
def test_part_of_a_placed_order_is_not_cancelled_alone(demo_assistant, part) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the sonara edge bluetooth speaker - one black and two white")
    chat.say("checkout")
    placed = chat.say("yes")
    assert placed.orders, placed.text
    reply = chat.say(part)
    assert _statuses(demo_assistant, chat.session) == ["processing"], reply.text
    assert "orders.changing-an-order" in [c.id for c in reply.citations], reply.text
    chat.say("cancel my order")  # the whole order still can be
    assert _statuses(demo_assistant, chat.session) == ["cancelled"]


@pytest.mark.slow
def test_a_return_asked_about_for_someone_else_gives_its_window(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("2 of the Kestrel Travel Wave 2 canvas tote in navy pls, for my sisters")
    chat.say("checkout")
    chat.say("yep")
    reply = chat.say("if one of them doesn't like it can she send it back?")
    assert "30 days" in reply.text and "cancel it instead" not in reply.text, reply.text
    assert _statuses(demo_assistant, chat.session) == ["processing"]


@pytest.mark.slow
def test_a_question_about_another_product_leaves_which_one_behind(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the Drift Classic 2 Scented Soy Candle")  # every version sold out: «which?»
    chat.say("ok what about the Oakhaven Core 2 Scented Soy Candle, is that in stock?")
    chat.say("add 2, white king")
    assert chat.units() == {"P0146": 2}


@pytest.mark.slow
def test_a_size_of_that_is_the_product_in_view(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("if i dont like the Bean Republic Pro X Whole Bean Coffee can i send it back?")
    chat.say("what about the Leaf & Kettle Classic Whole Bean Coffee?")
    chat.say("ok add a 500g bag of that, whole bean")
    assert chat.units() == {"P0287": 1}


@pytest.mark.slow
def test_a_count_over_the_limit_asked_about_gets_the_limit(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("can i order 20 jump ropes in one go? it's for my PE class")
    assert "orders.quantity-limits" in [c.id for c in reply.citations] and not reply.cart.lines


@pytest.mark.slow
def test_a_remark_then_swap_it_for_that_one_trades_the_line(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("fitness tracker watches: IronPeak Air X, Zenmotion Nova X, CoreForge Studio X")
    chat.say("add the cheapest one in green")
    chat.say("hmm the Zenmotion Nova X has way more reviews. swap it for that one in purple")
    assert chat.units() == {"P0186": 1}


@pytest.mark.parametrize(
    "first",
    [
        "add the Northwind Plus 900 Running Shorts in XXL",
        # after a comparison «ok L then» sounded like a question; it still answers
        "northwind plus 900 or urbanloom go s running shorts, which is better?\n"
        "the northwind in XXL",
    ],
)
@pytest.mark.slow
def test_another_size_after_a_sold_out_one_is_a_line_of_its_own(demo_assistant, first) -> None:
    chat = Chat(demo_assistant)
    for said in first.split("\n"):
        chat.say(said)
    chat.say("and another pair in M")  # sold out: «which one?»
    chat.say("ok L then")
    lines = demo_assistant.commerce.get_cart(chat.session).lines
    assert sorted((line.product_id, line.options["size"], line.qty) for line in lines) == [
        ("P0274", "L", 1),
        ("P0274", "XXL", 1),
    ]


@pytest.mark.slow
def test_the_lighter_ones_are_the_lower_weight_with_their_prices(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("lightest trekking poles - NorthTrail Plus 2 or Wildpine Go 2?")  # 350 g, 1.4 kg
    reply = chat.say("how much are the lighter ones")
    assert reply.text.startswith("Of these, NorthTrail Plus 2") and "$29.99" in reply.text


@pytest.mark.slow
def test_the_smallest_size_is_the_first_of_its_range(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("night cream: Dewleaf Edge Night Repair Cream or Purelle Prime 300?")
    chat.say("add the smallest size of the dewleaf one")
    line = demo_assistant.commerce.get_cart(chat.session).lines[0]
    assert (line.product_id, line.options.get("size")) == ("P0116", "30 ml")


@pytest.mark.slow
def test_is_shipping_extra_gives_the_cost_and_the_carts_gap(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the Chargewell Studio 200 Car Phone Mount for an iPhone 15")
    reply = chat.say("is shipping extra on that?")
    assert "$4.99" in reply.text and "shipping.shipping-costs" in [c.id for c in reply.citations]


@pytest.mark.slow
def test_will_it_arrive_by_a_day_once_ordered_compares_the_estimate(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the Echofox Prime 2 Sport Earbuds")  # ships in 8 days
    chat.say("checkout")
    chat.say("yes")
    reply = chat.say("will it arrive by tomorrow?")
    assert "won't arrive by then" in reply.text, reply.text


@pytest.mark.slow
def test_what_about_another_kind_after_a_search_is_searched_too(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("do you sell dog food?")
    reply = chat.say("what about milk and bread?")
    assert "don't sell milk" in reply.text, reply.text


@pytest.mark.slow
@pytest.mark.parametrize(
    "said", ["whole bean coffee 1kg under 40", "is the leaf & kettle classic organic"]
)
def test_a_search_or_question_naming_a_version_buys_nothing(demo_assistant, said) -> None:
    chat = Chat(demo_assistant)
    chat.say(said)
    assert chat.units() == {}


@pytest.mark.slow
def test_one_version_of_the_product_in_view_with_a_count_and_whom_is_an_add(
    demo_assistant,
) -> None:
    chat = Chat(demo_assistant)
    chat.say("Can the Softnest Pro S blackout curtains be machine washed?")
    chat.say("Fine, two sets in grey, king size, for the bedroom windows.")
    assert chat.units() == {"P0144": 2}
