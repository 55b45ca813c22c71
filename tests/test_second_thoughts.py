"""Shoppers who change their minds: «replace the X with the Y» and «can I have the Y instead
of the X?» trade one cart line for another (the old line stays until the new one's version is
chosen), asking whether to trade changes nothing, and «the Bassline One» written as a name is
that model, not «the Bassline one» among those shown."""

from __future__ import annotations

import pytest

from tests.test_phrasing import Chat

HEADPHONES_BLACK = "add the Bassline One in black"  # P0001, black in stock


@pytest.mark.slow
@pytest.mark.parametrize(
    "trade",
    [
        "replace the Bassline One with the Echofox Zen",
        "can I have the Echofox Zen instead of the Bassline One?",
        "could you swap the Bassline One for the Echofox Zen please",
    ],
)
def test_a_named_trade_waits_for_the_new_version_then_swaps(demo_assistant, trade) -> None:
    chat = Chat(demo_assistant)
    chat.say(HEADPHONES_BLACK)
    assert chat.units() == {"P0001": 1}
    reply = chat.say(trade)  # the Echofox Zen comes in black and rose gold: which one?
    assert "?" in reply.text
    assert chat.units() == {"P0001": 1}, "the old line stays until the new one is in"
    chat.say("rose gold")
    assert chat.units() == {"P0002": 1}


@pytest.mark.slow
@pytest.mark.parametrize(
    "question",
    [
        "should I replace the Bassline One with the Echofox Zen?",
        "is it worth swapping the Bassline One for the Echofox Zen?",
    ],
)
def test_asking_whether_to_trade_changes_nothing(demo_assistant, question) -> None:
    chat = Chat(demo_assistant)
    chat.say(HEADPHONES_BLACK)
    chat.say(question)
    assert chat.units() == {"P0001": 1}


@pytest.mark.slow
def test_a_model_named_with_a_capital_one_beside_a_list_of_its_brand(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("show me headphones")  # lists the Bassline Urban 2, not the Bassline One
    chat.say(HEADPHONES_BLACK)
    assert chat.units() == {"P0001": 1}


@pytest.mark.slow
def test_another_version_added_and_the_one_named_removed(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the armorly air s screen protector, clear, galaxy s24, 3 of them")
    chat.say("add one clear for pixel 9")  # a second line, not the first one changed
    cart = demo_assistant.commerce.get_cart(chat.session)
    assert {line.variant_id: line.qty for line in cart.lines} == {"P0200-V8": 3, "P0200-V9": 1}
    chat.say("Sorry, I made a mistake. Remove the Pixel one please.")
    cart = demo_assistant.commerce.get_cart(chat.session)
    assert {line.variant_id: line.qty for line in cart.lines} == {"P0200-V8": 3}
    chat.say("Remove the Pixel one please.")  # not in the cart: the Galaxy line stays
    assert chat.units() == {"P0200": 3}


@pytest.mark.slow
def test_and_the_other_one_asks_the_same_question_of_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("Is the Copperline Air 2 chef's knife safe for the dishwasher?")
    reply = chat.say("And the Blade & Bowl Classic 200 knife?")
    assert "dishwasher safe: yes" in reply.text and reply.products[:1] == ["P0092"]


@pytest.mark.slow
def test_put_it_in_the_basket_never_takes_it_out_nor_adds_it_twice(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the sonara edge speaker in black")
    chat.say("pop it in the basket")  # it is there already: shown, not doubled, not removed
    assert chat.units() == {"P0021": 1}
    chat.say("add another one")
    assert chat.units() == {"P0021": 2}


@pytest.mark.slow
def test_just_one_then_sets_the_count_of_the_line(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the atlas & oak zen carry-on suitcase in red")
    chat.say("please add two more, one for me and one for my partner")
    assert chat.units() == {"P0333": 3}
    chat.say("Actually we'll share one. Just one then, please.")
    assert chat.units() == {"P0333": 1}


def test_a_version_said_without_its_space_is_only_that_version() -> None:
    from assistant.catalogue.loader import load_catalogue
    from assistant.conversation.understanding.buying import _POLITE
    from assistant.settings import DEMO_CATALOGUE

    coffee = load_catalogue(DEMO_CATALOGUE)[0].products["P0281"]
    assert coffee.only_options_in("fine, 1kg", _POLITE)
    assert not coffee.only_options_in("fine, 1kg of something else", _POLITE)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        (["add the sonara edge speaker in black", "checkout", "oh sure, like I'd pay that"], 0),
        (["5 stars everywhere, add the wildpine edge headlamp"], None),
        (["add the zenmotion one yoga mat in black, I already have two cheap ones"], None),
        (["My sister has the sonara edge speaker in white. I'm so jealous lol."], None),
        (["add the snapgrip plus magsafe phone case for my galaxy z flip"], None),
    ],
)
def test_remarks_sarcasm_and_other_peoples_things_buy_nothing_more(
    demo_assistant, steps, expected
) -> None:
    chat = Chat(demo_assistant)
    replies = [chat.say(step) for step in steps]
    if expected == 0:
        assert not replies[-1].orders  # a sarcastic «sure» places no order
    else:
        assert all(qty == 1 for qty in chat.units().values())  # one headlamp, one mat, none


@pytest.mark.slow
def test_keeping_both_after_a_trade_asked_which_keeps_both(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the ironpeak pro yoga mat in black")
    chat.say("swap the ironpeak pro yoga mat for the zenmotion one yoga mat")  # which colour?
    chat.say("actually keep the ironpeak too, just add the zenmotion one in green as well")
    assert set(chat.units()) == {"P0181", "P0187"}


@pytest.mark.slow
def test_the_same_for_someone_else_after_an_add_is_another(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the sonara edge speaker in black")
    chat.say("add the same for my wife")
    assert chat.units() == {"P0021": 2}


@pytest.mark.slow
def test_the_cheaper_of_those_two_with_its_version_is_a_pick(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("weighted blanket queen navy")
    chat.say("ok the cheaper of those two, navy queen")
    assert len(chat.units()) == 1
    chat.say("the cheapest one in navy?")  # asked: nothing more added
    assert sum(chat.units().values()) == 1
