"""Shoppers who correct themselves and the assistant: «ok do the max then» after «at most 10
per order», «dont add it yet», «wait, put it back», «no, not yet. I said one puzzle, not two»
to a checkout summary."""

from __future__ import annotations

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.conversation.understanding.holding_off import held_off_answer, holds_off
from assistant.conversation.understanding.mind_changes import MindChanges
from assistant.conversation.understanding.slots import extract_quantity, takes_the_most
from assistant.settings import DEMO_CATALOGUE
from tests.test_phrasing import Chat

ROPE = "P0178"
CATALOGUE = load_catalogue(DEMO_CATALOGUE)[0]


@pytest.mark.parametrize(
    "said",
    ["ok do the max then", "fine, as many as i can then", "just add every one you have",
     "max please", "can you do the maximum"],
)  # fmt: skip
def test_every_one_allowed_is_wanted(said: str) -> None:
    assert takes_the_most(said)


@pytest.mark.parametrize(
    "said",
    ["what's the max?", "is that the max", "how many is the max", "under 50 max",
     "ok nevermind. show me yoga mats, 30 bucks max",
     "ok nevermind the rope, add the Flexa Max S resistance bands in black"],
)  # fmt: skip
def test_asking_about_the_limit_wants_nothing(said: str) -> None:
    assert not takes_the_most(said)


@pytest.mark.slow
def test_the_max_after_the_per_order_limit_is_the_limit(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("the ironpeak go skipping rope, is grey in stock?")
    reply = chat.say("i coach a kids class, need a dozen grey ones")
    assert chat.units() == {} and "10" in reply.text
    chat.say("ok do the max then")
    assert chat.units() == {ROPE: 10}


@pytest.mark.slow
def test_asking_the_max_after_the_limit_quotes_the_rule(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("the ironpeak go skipping rope, is grey in stock?")
    chat.say("i coach a kids class, need a dozen grey ones")
    reply = chat.say("what's the max?")
    assert chat.units() == {}
    assert "at most 10" in reply.text.lower(), reply.text


@pytest.mark.parametrize(
    "said",
    ["ok cool. dont add it yet", "just browsing, dont add anything", "don't put it in my cart",
     "dont check out, ill come back later", "please don't remove it"],
)  # fmt: skip
def test_told_not_to_is_held_off(said: str) -> None:
    assert holds_off("add", said)
    assert held_off_answer(said)


@pytest.mark.parametrize(
    "said",
    ["why don't you add it then", "add it, don't forget the case", "what if I don't order?",
     "add the IronPeak Go Jump Rope in green, dont add the yoga mat",
     "change the hoodie to size L but don't change the colour",
     "remove the jump rope but don't remove the hoodie"],
)  # fmt: skip
def test_a_request_with_a_dont_elsewhere_is_not_held_off(said: str) -> None:
    assert not holds_off("add", said)


@pytest.mark.slow
def test_dont_add_it_yet_adds_nothing(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("the auralpeak one 300, does it come in silver?")
    reply = chat.say("ok cool. dont add it yet")
    assert chat.units() == {}
    assert "haven't added" in reply.text
    chat.say("dont add it to my cart")
    assert chat.units() == {}


@pytest.mark.slow
def test_put_it_back_returns_the_line_taken_out(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the voyagr urban 2 duffel")
    chat.say("and the voyagr packing cubes too")
    chat.say("actually take the duffel out")
    assert "P0312" not in chat.units()
    chat.say("wait, put it back")
    assert chat.units() == {"P0312": 1, "P0313": 1}
    state = demo_assistant.sessions.load(chat.session)
    assert state.removed_lines == []  # back in the cart: a second «put it back» returns nothing


@pytest.mark.slow
def test_the_named_line_goes_back_while_a_summary_waits(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the kestrel travel nova 2 crossbody bag")
    chat.say("also the kestrel travel wave 2 tote in navy")
    chat.say("remove the tote")
    chat.say("checkout")
    reply = chat.say("wait, put the tote back")
    assert reply.pending_checkout is None
    assert chat.units() == {"P0323": 1, "P0320": 1}
    cart = demo_assistant.commerce.get_cart(chat.session)
    assert [line.options for line in cart.lines if line.product_id == "P0320"] == [
        {"colour": "navy"}
    ]
    assert demo_assistant.commerce.cart_and_orders(chat.session)[1] == []


@pytest.mark.slow
def test_a_no_to_the_summary_with_the_count_it_should_have_been(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add 2 tumble & co studio x wooden puzzles")
    chat.say("checkout")
    reply = chat.say("no, not yet. I said one puzzle, not two")
    assert reply.pending_checkout is None
    assert chat.units() == {"P0241": 1}
    assert demo_assistant.commerce.cart_and_orders(chat.session)[1] == []


@pytest.mark.parametrize(
    ("said", "settled"),
    [
        ("remove the jump rope. no wait, I mean the mat, keep the rope", "remove the mat"),
        ("ok add a third puzzle then. no wait, 4 total", "make it 4 in total"),
        ("ok then size 9... no, go up, size 11", "ok then size 11"),
        ("add the hoodie in size S, no XL", "add the hoodie in size XL"),  # as before
        ("the fleetfoot ones, orange. no, blue", "the fleetfoot ones, blue"),
        # a bare «no» before a colour refuses it: nothing is corrected
        (
            "the sonara edge speaker in navy, no rose gold",
            "the sonara edge speaker in navy, no rose gold",
        ),
    ],
)
def test_a_mind_changed_in_one_message_is_what_was_settled(said: str, settled: str) -> None:
    assert MindChanges(CATALOGUE).settled(said) == settled


@pytest.mark.parametrize(
    ("said", "count"),
    [("no wait, standard. the kid's only 4", None), ("she is only 3", None), ("just 2", 2),
     ("no, not yet. I said one puzzle, not two", 1), ("sorry, I meant 6 mm not 4", None),
     ("hmm that's too many, it's just 2 i need", 2)],
)  # fmt: skip
def test_an_age_is_no_count_and_a_count_corrected_is_the_first(said: str, count) -> None:
    assert extract_quantity(said) == count


@pytest.mark.slow
def test_scratch_that_last_one_takes_out_only_what_was_last_added(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the urbanloom studio 600 tee in white, medium")
    chat.say("no, the red. still medium")
    chat.say("and add another in white medium too")
    chat.say("scratch that last one")
    cart = demo_assistant.commerce.get_cart(chat.session)
    assert [(line.options["colour"], line.qty) for line in cart.lines] == [("red", 1)]


@pytest.mark.slow
def test_a_count_said_then_a_removal_removes(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add voyagr nova 900 packing cubes")
    chat.say("also the atlas & oak trail packing cubes")
    chat.say("and actually only one set of cubes, drop the atlas & oak ones")
    assert chat.units() == {"P0313": 1}


@pytest.mark.slow
def test_a_sold_out_version_of_the_line_in_the_cart_is_said_so(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add 2 hearth & linen prime 300 pillows, queen")
    chat.say("sorry twin, not queen")
    reply = chat.say("actually can i get king size?")
    assert "out of stock" in reply.text and "P0160" in reply.text, reply.text
    assert chat.units() == {"P0160": 2}


@pytest.mark.slow
def test_a_budget_corrected_searches_again_within_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("electric kettle under 50 bucks?")
    reply = chat.say("oops I meant under 120, not 50")
    products = demo_assistant.services.catalogue.products
    prices = [products[p].buyable_price_minor for p in reply.products]
    assert len(prices) >= 2 and max(prices) > 5000 and all(p <= 12000 for p in prices)


@pytest.mark.slow
def test_whats_in_the_order_beside_a_summary_lists_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("put 2 of the ironpeak go jump ropes in grey in my basket")  # 120 in stock: a
    chat.say("ok checkout")  # summary holds what it lists, so other tests keep their stock
    reply = chat.say("wait dont place it yet, just tell me whats in the order")
    assert ROPE in reply.text and "2 ×" in reply.text
    assert demo_assistant.commerce.cart_and_orders(chat.session)[1] == []


@pytest.mark.slow
def test_undoing_words_that_mean_something_else_change_nothing(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the ironpeak air s yoga mat in purple")
    chat.say("and an ironpeak go jump rope, grey")
    chat.say("remove the yoga mat")
    chat.say("if the jump rope is too short can I bring it back?")  # a return asked about
    assert chat.units() == {ROPE: 1}
    chat.say("does the Threadwell Sport X Fleece Hoodie come in XXL?")
    chat.say("ok forget it then")
    assert chat.units() == {ROPE: 1}


@pytest.mark.slow
def test_cancel_it_after_the_order_cancels_the_order(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the ironpeak go jump rope in grey")
    summary = chat.say("checkout")
    demo_assistant.confirm(chat.session, summary.pending_checkout.checkout_id, "nonce-1")
    reply = chat.say("actually cancel it")
    assert "cancelled" in reply.text, reply.text


@pytest.mark.slow
def test_an_add_while_a_summary_waits_adds_once(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the ironpeak go jump rope in grey")
    chat.say("checkout")
    chat.say("add the Botanica Lab Nova 500 Hydrating Face Serum in 30 ml")
    assert chat.units() == {ROPE: 1, "P0113": 1}


@pytest.mark.slow
def test_take_it_off_while_a_summary_waits_and_of_a_thing_not_in_the_cart(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the ironpeak go jump rope in grey")
    reply = chat.say("take the card game off")  # none in the cart: the rope stays
    assert chat.units() == {ROPE: 1} and "nothing was removed" in reply.text
    chat.say("add the playwise one 2 card game, deluxe")
    chat.say("checkout")
    reply = chat.say("wait, take the card game off")
    assert reply.pending_checkout is None
    assert chat.units() == {ROPE: 1}


@pytest.mark.slow
def test_a_colour_said_with_a_bare_no_to_another_adds_only_the_one_wanted(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("the sonara edge speaker in black, no rose gold")
    cart = demo_assistant.commerce.get_cart(chat.session)
    assert [(line.product_id, line.options) for line in cart.lines] == [
        ("P0021", {"colour": "black"})
    ]
