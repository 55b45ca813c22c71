"""A busy British shopper and a social-app shopper: everyday names of kinds («rucksack», «head
torch», «flask»), «go on then» after a question, a bare «add» at the end, «something wooden?»
after a search, facts that are no delivery time, and the shop's rules asked in passing."""

from __future__ import annotations

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.conversation.answers.facts import product_facts
from assistant.conversation.state import DialogueState
from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.everyday_names import EverydayNames
from assistant.conversation.understanding.go_ahead import goes_ahead
from assistant.conversation.understanding.sure_acts import ADD_AT_THE_END, checked
from assistant.settings import DEMO_CATALOGUE
from tests.test_phrasing import Chat, _id

CATALOGUE = load_catalogue(DEMO_CATALOGUE)[0]
NAMES = EverydayNames(CATALOGUE)


def _product(title: str):
    return next(p for p in CATALOGUE.products.values() if p.title == title)


@pytest.mark.parametrize(
    ("said", "as_titled"),
    [
        ("rucksack under 60", "backpack under 60"),
        ("orange head torch and a grey flask", "orange headlamp and a grey insulated water bottle"),
        ("any torches?", "any headlamps?"),
        ("sun cream for the kids", "sunscreen for the kids"),
        ("skipping rope", "jump rope"),
        ("walking poles", "trekking poles"),
        ("earphones under 40", "earbuds under 40"),
    ],
)
def test_everyday_names_are_said_as_the_titles_say_them(said: str, as_titled: str) -> None:
    assert NAMES.as_titled(said) == as_titled


def test_a_name_the_titles_use_is_kept() -> None:
    # the shop titles its bags «Duffel Bag» and its shoes «Running Shoes»: those stay
    assert NAMES.as_titled("duffel bag and running shoes") == "duffel bag and running shoes"
    assert NAMES.as_titled("a torchlight parade") == "a torchlight parade"  # not a word of it


def _asked_about(last: str = "review_question") -> DialogueState:
    return DialogueState(session_id="s", shopper_id="x", focus="P0204", last_intent=last)


@pytest.mark.parametrize("said", ["go on then", "ok one. medium navy", "go for it", "go on. white"])
def test_going_ahead_after_a_question_takes_the_product(said: str) -> None:
    assert goes_ahead("smalltalk", said, _asked_about())


@pytest.mark.parametrize("said", ["ok", "go on, what else do they say?", "thanks"])
def test_a_plain_ok_or_a_question_takes_nothing(said: str) -> None:
    assert not goes_ahead("smalltalk", said, _asked_about())


def test_going_ahead_is_no_yes_to_a_list_or_a_summary() -> None:
    assert not goes_ahead("smalltalk", "go on then", _asked_about(last="search"))


@pytest.mark.parametrize(
    "said",
    ["bassline noise cancelling headphones in navy. add", "the wildpine one, olive. add it pls"],
)
def test_a_bare_add_at_the_end_is_an_add(said: str) -> None:
    assert ADD_AT_THE_END.search(said)
    assert checked(Request(said, "search", 0.9)).act == "add"


def test_an_add_inside_a_question_is_not_a_bare_add() -> None:
    assert not ADD_AT_THE_END.search("can you add gift wrap to it?")


@pytest.mark.parametrize(
    ("said", "act"),
    [
        ("so when exactly is my order placed", "policy_question"),
        ("is my order placed?", "order_status"),
    ],
)
def test_when_an_order_is_placed_is_the_rule(said: str, act: str) -> None:
    assert checked(Request(said, "order_status", 0.9)).act == act


def test_how_long_it_burns_is_no_delivery_time() -> None:
    candle = _product("Oakhaven Core 2 Scented Soy Candle")
    facts = product_facts(candle, "how long does it burn", {})
    assert not any("delivery" in fact for fact in facts), facts
    headphones = _product("Nimbus Audio Classic S Wireless Noise Cancelling Headphones")
    said = product_facts(headphones, "how long does the nimbus audio classic s battery last", {})
    assert any("40 hours" in fact for fact in said) and not any("deliver" in f for f in said)
    assert any("40 hours" in f for f in product_facts(headphones, "what does it say it lasts?", {}))


def test_how_long_have_i_got_is_the_return_window() -> None:
    chinos = _product("Urbanloom Trail X Slim Fit Chinos")
    assert any("30 days" in fact for fact in product_facts(chinos, "how long have I got?", {}))


@pytest.mark.slow
def test_a_flask_by_its_brand_and_colour_is_added(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("the wildpine flask. olive")
    assert chat.units() == {_id(demo_assistant, "Wildpine Go Insulated Water Bottle"): 1}


@pytest.mark.slow
def test_something_wooden_after_a_gift_search_keeps_its_budget(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("present for a 5 year old, under 20 quid")
    reply = chat.say("something wooden?")
    assert "we don't sell" not in reply.text.lower()
    products = [demo_assistant.services.catalogue.products[pid] for pid in reply.products]
    assert products and all(p.min_price_minor <= 2000 for p in products), reply.text
    assert "Wooden" in products[0].title


@pytest.mark.slow
def test_go_on_then_after_a_review_question_adds_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("wireless charger for galaxy s24, red")
    chat.say("chargewell sport. gets hot?")
    chat.say("go on then")
    assert chat.units() == {_id(demo_assistant, "Chargewell Sport Fast Wireless Charger"): 1}


@pytest.mark.slow
def test_a_second_product_added_by_brand_and_kind_then_binned(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    headlamp = _id(demo_assistant, "Summit Supply Sport S Headlamp")
    chat.say("add the summit supply sport s headlamp in orange")
    chat.say("add a grey cairn gear flask")
    assert chat.units() == {
        headlamp: 1,
        _id(demo_assistant, "Cairn Gear Nova 500 Insulated Water Bottle"): 1,
    }
    chat.say("bin the flask")
    assert chat.units() == {headlamp: 1}


@pytest.mark.slow
def test_a_rule_asked_of_a_named_product_names_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    backpack = _id(demo_assistant, "Summit Supply Pro X Hiking Backpack")
    reply = chat.say("summit supply pro x rucksack. can you hold it till payday?")
    assert backpack in reply.products and "hold" in reply.text.lower()
    chat.say("fine, add it")
    assert chat.units() == {backpack: 1}


@pytest.mark.slow
def test_a_kind_we_lack_beside_a_search_lists_no_closest_things(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    said = "ugh I have a headache, do you sell ibuprofen? also I need a new memory foam pillow"
    reply = chat.say(said)
    assert "we don't sell ibuprofen" in reply.text.lower()
    products = [demo_assistant.services.catalogue.products[pid] for pid in reply.products]
    assert products and all("Pillow" in p.title for p in products), reply.text
