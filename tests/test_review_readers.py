"""A review reader and a shopper after buying: comparisons by what reviews say, picks said
in a word («roastery it is»), hypothetical returns and cancels, delivery abroad."""

from __future__ import annotations

import pytest

from assistant.conversation.understanding.segments import segment
from tests.test_phrasing import Chat, _id


def _quoted_reviews(bot, reply) -> set[str]:
    """The product ids of the reviews a reply cites."""
    reviews = bot.services.catalogue.reviews
    return {reviews[c.id].product_id for c in reply.citations if c.kind == "review"}


@pytest.mark.slow
def test_a_comparison_asks_each_ones_reviews_even_when_the_question_follows_a_name(
    demo_assistant,
) -> None:
    reply = Chat(demo_assistant).say(
        "clearwell lite x vs clearwell lite 2 sunscreen - does either leave a white cast? "
        "reviews pls"
    )
    assert "white cast" in reply.text.lower(), reply.text
    lite_x = _id(demo_assistant, "Clearwell Lite X Mineral Sunscreen SPF 50")
    lite_2 = _id(demo_assistant, "Clearwell Lite 2 Mineral Sunscreen SPF 50")
    assert {lite_x, lite_2} <= _quoted_reviews(demo_assistant, reply)


@pytest.mark.slow
def test_what_buyers_say_is_no_question_about_other_shoppers(demo_assistant) -> None:
    reply = Chat(demo_assistant).say(
        "zenmotion nova x vs coreforge studio x fitness tracker watch, which one has accurate "
        "heart rate according to ppl who bought it?"
    )
    assert "can't share" not in reply.text and "heart" in reply.text.lower(), reply.text


@pytest.mark.slow
def test_a_short_model_mark_tells_two_shown_apart(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("clearwell lite x vs clearwell lite 2 sunscreen")
    chat.say("ok add the lite x, 50ml")
    assert chat.units() == {_id(demo_assistant, "Clearwell Lite X Mineral Sunscreen SPF 50"): 1}


@pytest.mark.slow
def test_a_pick_said_in_a_word_adds_the_one_shown(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("roastery 9 prime s cold brew vs morning ritual wave cold brew, which tastes better?")
    chat.say("roastery it is, 500g whole bean")
    brew = _id(demo_assistant, "Roastery 9 Prime S Cold Brew Concentrate")
    assert chat.units() == {brew: 1}
    chat = Chat(demo_assistant)
    chat.say("bassline urban 2 vs quietude urban wired studio headphones, which sounds better?")
    chat.say("ok the quietude")
    assert chat.units() == {_id(demo_assistant, "Quietude Urban Wired Studio Headphones"): 1}


def test_a_wish_after_a_question_is_its_context_not_a_search() -> None:
    assert len(segment("X vs Y, which sounds better? i want real bass")) == 1
    assert len(segment("is it loud? i need a yoga mat too")) == 2


@pytest.mark.slow
def test_add_with_a_full_title_adds(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add Bassline Urban 2 Wired Studio Headphones")
    assert chat.units() == {_id(demo_assistant, "Bassline Urban 2 Wired Studio Headphones"): 1}


def _ordered(bot, add: str) -> Chat:
    chat = Chat(bot)
    chat.say(add)
    chat.say("checkout")
    assert chat.say("yes").orders
    return chat


@pytest.mark.slow
def test_a_hypothetical_return_of_a_placed_order_gets_its_terms(demo_assistant) -> None:
    chat = _ordered(demo_assistant, "roastery 9 air matcha powder 500 g please")
    reply = chat.say("its a gift, can my friend return it if she doesnt like matcha")
    assert "cannot be returned" in reply.text and "cancel it instead" not in reply.text
    chat = _ordered(demo_assistant, "add the Threadwell Lite Fleece Hoodie in L grey")
    reply = chat.say("if its too big when it comes can i swap it for M")
    assert "returns.exchanges" in {c.id for c in reply.citations}, reply.text


@pytest.mark.slow
def test_cancel_window_and_delivery_abroad_are_the_shops_rules(demo_assistant) -> None:
    chat = _ordered(demo_assistant, "add the playwise sport building blocks set")
    reply = chat.say("how long do i have to cancel if i change my mind")
    assert "orders.cancelling" in {c.id for c in reply.citations}, reply.text
    reply = chat.say("its for my bro in canada can u ship it there")
    assert "shop.where-we-deliver" in {c.id for c in reply.citations}, reply.text
