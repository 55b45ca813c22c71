"""Questions about the shop and the assistant in shoppers' own words: ways to pay, bank
details, whether a person is typing."""

from __future__ import annotations

import pytest

from assistant.conversation.smalltalk import ABOUT_ME
from tests.test_phrasing import Chat


@pytest.mark.parametrize(
    ("said", "about_me"),
    [
        ("u are robot or real human?", True),
        ("is this a real person?", True),
        ("am i talking to a bot", True),
        ("you are great", False),
    ],
)
def test_questions_about_the_assistant_itself(said: str, about_me: bool) -> None:
    assert bool(ABOUT_ME.search(said)) is about_me


@pytest.mark.slow
@pytest.mark.parametrize(
    ("asked", "section", "says"),
    [
        ("is possible pay cash on delivery?", "payments.ways-to-pay", "no real payment"),
        ("can i pay with paypal", "payments.ways-to-pay", "no real payment"),
        (
            "u need my bank account number for refund later?",
            "payments.what-we-never-ask-for",
            "never needs your bank account number",
        ),
    ],
)
def test_payment_questions_are_answered_from_the_payments_policy(
    demo_assistant, asked: str, section: str, says: str
) -> None:
    reply = Chat(demo_assistant).say(asked)
    assert section in [citation.id for citation in reply.citations], reply.text
    assert says in reply.text


@pytest.mark.slow
def test_a_placed_order_asked_to_change_gets_the_rule_and_stays(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the wildpine go water bottle in grey and take me to checkout")
    placed = chat.say("yes")
    assert placed.orders, placed.text
    reply = chat.say("Could you change the quantity on that order to two?")
    assert "orders.changing-an-order" in [citation.id for citation in reply.citations]
    assert not reply.orders and "cannot be changed" in reply.text


@pytest.mark.slow
def test_terms_asked_with_nothing_in_view_get_the_shop_rule(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    first = chat.say("how many days i have for return if shoe too small?")
    assert "returns.return-window" in [citation.id for citation in first.citations], first.text
    assert "don't sell" not in first.text
    # a follow-up with its own topic is not read as the one before it
    money = chat.say("and the shipping money come back also?")
    assert money.citations[0].id == "returns.refunds", money.text
    assert "not refunded" in money.text


@pytest.mark.slow
def test_a_checkout_and_a_question_about_its_summary_in_one_message(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the voyagr nova 900 packing cubes set")
    reply = chat.say(
        "Start the checkout, but before I confirm: how long will the summary hold the items?"
    )
    assert reply.pending_checkout is not None, reply.text
    assert "15 minutes" in reply.text
    after = chat.say("And if it expires, what happens?")
    assert "orders.summary-hold" in [citation.id for citation in after.citations], after.text


@pytest.mark.slow
def test_the_free_shipping_gap_is_the_carts_even_with_a_product_in_focus(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("Please add the Kestrel Plus fleece hoodie in size S to my cart.")
    reply = chat.say("How much more do I need to spend to get free shipping?")
    assert "$1.05 more" in reply.text, reply.text


def test_shoppers_words_for_counterfeits_reach_the_policys_word() -> None:
    from assistant.search.policies import in_policy_words

    assert in_policy_words("is it a knock-off?") == "is it a counterfeit?"
    assert in_policy_words("any replicas here") == "any counterfeit here"
    assert in_policy_words("are the reviews fake") == "are the reviews fake"  # reviews.md's word


@pytest.mark.slow
def test_a_knockoff_question_names_the_seller_and_the_counterfeit_rule(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("is the bassline wave speaker a knockoff? price seems low")
    assert "authenticity.counterfeits" in [citation.id for citation in reply.citations]
    assert "TrendyFinds Global (unvetted)" in reply.text, reply.text


@pytest.mark.slow
def test_a_return_asked_about_before_it_arrives_gets_the_rule_and_cancels_nothing(
    demo_assistant,
) -> None:
    chat = Chat(demo_assistant)
    chat.say("add kitchencraft nova air fryer white large")
    chat.say("checkout")
    placed = chat.say("yes")
    reply = chat.say("if its too big once it arrives can i return it?")
    assert "30 days" in reply.text and "returns.return-window" in [c.id for c in reply.citations]
    order = demo_assistant.commerce.order_status(chat.session, placed.orders[0])
    assert order.status == "processing"


@pytest.mark.slow
def test_a_guarantee_asked_for_gets_the_estimate_and_its_rule(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("if i order the copperline aero x skillet today when does it get here")
    reply = chat.say("is that guaranteed? its for a dinner party saturday")
    assert "shipping.delivery-by-a-date" in [citation.id for citation in reply.citations]
    assert "not a guarantee" in reply.text and not reply.text.startswith("Yes"), reply.text


@pytest.mark.slow
def test_whether_the_cart_keeps_stock_is_the_shops_rule(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the atlas & oak one x suitcase in red")
    reply = chat.say("so its safe in my cart?")
    assert "orders.summary-hold" in [citation.id for citation in reply.citations], reply.text


@pytest.mark.slow
def test_a_change_after_the_order_with_an_empty_cart_is_the_order_rule(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the playwise go 400 puzzle x2")
    chat.say("checkout")
    assert chat.say("yes").orders
    reply = chat.say("oops can u change it to 3 puzzles instead of 2")
    assert "orders.changing-an-order" in [citation.id for citation in reply.citations]
    assert reply.cart.lines == [] and not reply.orders, reply.text


def test_a_follow_up_about_the_rule_just_quoted_keeps_its_topic() -> None:
    from assistant.conversation.understanding.shop_words import same_topic

    linking = "if i link my snapgram to the shop can u read my dms with friends?"
    assert same_topic("how do i undo it later", linking)
    assert same_topic("and my handle?", linking)
    assert not same_topic("and the shipping money come back also?", "how many days to return?")
    assert not same_topic("what's the cheapest kettle", linking)
    # where the order is («if it already shipped») is no new topic; asking about delivery is
    cancelling = "how long do i have to cancel an order after placing it?"
    assert same_topic("and what if it has already been dispatched?", cancelling)
    assert not same_topic("and how long does delivery take?", cancelling)


@pytest.mark.slow
def test_how_do_i_undo_it_after_the_linking_rule_is_about_unlinking(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("if i link my snapgram to the shop can u read my dms with friends?")
    reply = chat.say("how do i undo it later")
    assert "linking.unlinking" in [citation.id for citation in reply.citations], reply.text
