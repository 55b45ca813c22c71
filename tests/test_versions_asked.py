"""Versions said loosely and first-time questions: «black?» to «which one?» lists the real
choices again, «wait no the 100» changes the line to 100 ml, «and a 1kg whole bean too» is
another version of the one in view, a version's price is asked about the one in view, «is
there a bigger version?» of a one-size product says so; «are you a bot» after a greeting,
«delete my data», «how many can I get in one order», «can my own AI order for me» and «how
long is the warranty» get the shop's answer, not a cart act or a delivery time."""

from __future__ import annotations

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.conversation.smalltalk import ABOUT_ME
from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.shop_words import SHOP_SERVICE
from assistant.conversation.understanding.sure_acts import checked
from assistant.conversation.understanding.version_words import missing_version, version_swap
from assistant.settings import DEMO_CATALOGUE
from tests.test_phrasing import Chat

PRODUCTS = load_catalogue(DEMO_CATALOGUE)[0].products
DUFFEL, CLEANSER, CHAI, BOTTLE = "P0330", "P0133", "P0296", "P0084"


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("black?", {"colour": "black"}),
        ("do you have it in black", {"colour": "black"}),
        ("navy", {}),  # a colour it has is a choice, not a missing one
        ("black, and is it waterproof?", {}),  # more than a version is asked
    ],
)
def test_a_version_the_product_lacks_is_named_only_when_nothing_else_is_said(text, missing):
    said = {"colour": "black"} if "black" in text else {"colour": "navy"}
    assert missing_version(PRODUCTS[DUFFEL], text, said) == missing


@pytest.mark.parametrize(
    ("text", "options"),
    [
        ("wait no the 100", {"size": "100 ml"}),
        ("actually the 30", {"size": "30 ml"}),
        ("the 2 please", {}),  # one digit: a position, never a size
    ],
)
def test_an_amount_after_the_names_the_version_with_that_amount(text, options):
    assert PRODUCTS[CLEANSER].options_named_in(text) == options


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("please delete my data", "policy_question"),
        ("forget me", "policy_question"),
        ("how many of those can i get in one order", "policy_question"),
        ("can i get my own ai assistant to order stuff from here for me?", "policy_question"),
        ("remove the mug for me", "remove"),
        ("drop the green one", "remove"),
        ("remove the data cable", "remove"),
    ],
)
def test_the_shops_rules_are_asked_whatever_the_act_sounded_like(text, act):
    assert checked(Request(text, "remove" if act == "remove" else "help", 0.9)).act == act


def test_deleting_my_data_heard_as_a_policy_question_stays_one():
    assert checked(Request("please delete my data", "policy_question", 0.9)).act == (
        "policy_question"
    )
    assert checked(Request("drop the data cable", "review_question", 0.9)).act == "remove"


@pytest.mark.parametrize(
    "text",
    [
        "how many colours can i get it in",
        "how many can i get for 50 dollars",
        "does this speaker work with alexa? i want to buy one",
        "buying a gift for my assistant, what should i buy",
        "i dont want it kept in the cart",
    ],
)
def test_shopping_words_near_the_shops_rules_are_not_policy_questions(text):
    assert SHOP_SERVICE.search(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "sorry what are you recommending for a 5 year old",
        "ok what are u selling",
        "so is this a human hair wig?",
    ],
)
def test_only_a_greeting_goes_before_a_question_about_the_assistant(text):
    assert ABOUT_ME.search(text) is None
    assert ABOUT_ME.search("hi is this a real person or a bot")


def test_an_amount_with_money_or_a_date_names_no_version():
    assert PRODUCTS[CLEANSER].options_named_in("is the 50 quid one any good") == {}
    assert PRODUCTS[CLEANSER].options_named_in("delivery by the 30 of june") == {}


@pytest.mark.slow
def test_a_missing_colour_to_which_one_lists_the_choices_and_keeps_the_question(demo_assistant):
    chat = Chat(demo_assistant)
    chat.say("add the roamly urban x duffel bag")
    reply = chat.say("black?")
    assert "does not come in black" in reply.text and "navy" in reply.text
    chat.say("navy")
    assert chat.units() == {DUFFEL: 1}


@pytest.mark.slow
def test_a_bare_amount_changes_the_line_and_a_version_price_is_of_the_one_in_view(demo_assistant):
    chat = Chat(demo_assistant)
    chat.say("add the dewleaf lite 2 gentle foaming cleanser 50 ml")
    chat.say("wait no the 100")
    cart = demo_assistant.commerce.get_cart(chat.session)
    assert [(line.product_id, line.options["size"]) for line in cart.lines] == [
        (CLEANSER, "100 ml")
    ]
    reply = chat.say("the 30 ml price?")
    assert "$17.99" in reply.text and reply.intent == "product_question"


@pytest.mark.slow
def test_another_version_named_by_a_title_word_of_another_product_stays_with_this_one(
    demo_assistant,
):
    chat = Chat(demo_assistant)
    chat.say("morning ritual aero x chai, 500g ground")
    chat.say("and a 1kg whole bean too")
    cart = demo_assistant.commerce.get_cart(chat.session)
    assert {(line.product_id, line.options["size"]) for line in cart.lines} == {
        (CHAI, "500 g"),
        (CHAI, "1 kg"),
    }


@pytest.mark.slow
def test_shop_and_assistant_questions_get_their_answers(demo_assistant):
    chat = Chat(demo_assistant)
    assert "not a person" in chat.say("hi is this a real person or a bot").text
    assert (
        "one size only"
        in chat.say("wildpine go insulated water bottle, is there a bigger 1 litre version?").text
    )
    chat.say("blade & bowl classic 2 electric kettle")
    warranty = chat.say("how long is the warranty on it").text
    assert "delivery in" not in warranty and "doesn't say" in warranty
    assert "MCP" in chat.say("can chatgpt buy stuff here for me").text


SKILLET = "P0094"


def test_a_version_for_version_swap_names_the_line_and_the_new_version():
    assert version_swap(PRODUCTS[SKILLET], "hmm swap the small green for the large green") == (
        {"colour": "green", "capacity": "small"},
        {"colour": "green", "capacity": "large"},
    )
    assert version_swap(PRODUCTS[SKILLET], "change it to 2") is None
    assert version_swap(PRODUCTS[SKILLET], "change one of the small green ones to large") is None
    assert version_swap(PRODUCTS[SKILLET], "swap the small green for the green") is None
    assert version_swap(PRODUCTS["P0287"], "actually make the ground one the 1kg bag") == (
        {"grind": "ground"},
        {"grind": "ground", "size": "1 kg"},
    )
    assert version_swap(PRODUCTS["P0287"], "make the ground one 2") is None


@pytest.mark.slow
def test_swapping_one_of_two_versions_of_a_product_changes_that_line(demo_assistant):
    chat = Chat(demo_assistant)
    chat.say("verano one skillet - medium silver pls")
    chat.say("and a small green as well")
    chat.say("hmm swap the small green for the large green")
    cart = demo_assistant.commerce.get_cart(chat.session)
    assert sorted((line.options["colour"], line.options["capacity"]) for line in cart.lines) == [
        ("green", "large"),
        ("silver", "medium"),
    ]


@pytest.mark.slow
def test_a_half_size_no_shoe_has_is_said_back_not_rounded_down(demo_assistant) -> None:
    # P0029 comes in 7, 10 and 11: «size 10.5» is none of them, not the 10
    chat = Chat(demo_assistant)
    chat.say("add the trailhawk lite 600 in 10")
    reply = chat.say("actually make it size 10.5")
    assert "10.5" in reply.text and "Changed" not in reply.text, reply.text
    assert [line.variant_id for line in reply.cart.lines] == ["P0029-V2"]
    reply = Chat(demo_assistant).say("running shoes in size 10.5")
    assert not reply.products and "6, 7, 8, 9, 10, 11 and 12" in reply.text, reply.text
