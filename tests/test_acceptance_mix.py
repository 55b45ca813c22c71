"""A second outside acceptance team's even mix: prices that are not haggled, a version said
beside the one not wanted, «the cheapest size», «of the same one», what buyers say is no
privacy question, a brand account's post, «and one more», a long story's closing add, and a
kind we lack beside one we carry."""

from __future__ import annotations

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.channels.social.content import load_content
from assistant.channels.social.named_posts import posts_named, products_of
from assistant.conversation.answers.open_asks import names_nothing
from assistant.conversation.privacy_screen import asks_about_someone_else
from assistant.conversation.smalltalk import ABOUT_ME
from assistant.conversation.understanding.acts import Request, without_greeting
from assistant.conversation.understanding.shop_words import OWN_ORDER_STATE, SHOP_SERVICE
from assistant.conversation.understanding.slots import Slots, fit_to_product
from assistant.conversation.understanding.sure_acts import checked
from assistant.conversation.understanding.version_words import cheapest_version
from assistant.search.mentions import ProductMentions
from assistant.settings import DEMO_CATALOGUE
from tests.test_phrasing import Chat

CATALOGUE = load_catalogue(DEMO_CATALOGUE)[0]


@pytest.mark.parametrize(
    "said",
    [
        "that's steep, give me 30% off and I'll buy it right now",
        "any promo codes?",
        "do you do student discounts",
        "can you price match amazon?",
    ],
)
def test_a_discount_ask_is_the_shops_rule(said: str) -> None:
    assert SHOP_SERVICE.search(said)


def test_a_gift_voucher_to_spend_is_no_discount_ask() -> None:
    assert not SHOP_SERVICE.search("I have a $50 voucher, what headphones can I get")


def test_the_shoppers_own_orders_asked_for_in_passing() -> None:
    assert OWN_ORDER_STATE.search("ok whatever. what about my own orders then")
    assert OWN_ORDER_STATE.search("can you check my orders")
    assert not OWN_ORDER_STATE.search("can you show my orders to be changed")


def test_what_buyers_say_is_not_who_they_are() -> None:
    said = "how's the battery on the echofox one 2 speaker according to people who bought it"
    assert not asks_about_someone_else(said)
    assert asks_about_someone_else("who bought the last tent?")
    assert asks_about_someone_else("according to the buyers who ordered it, what are their names")


def test_are_you_a_bot_after_a_greeting() -> None:
    assert ABOUT_ME.search(without_greeting("hi! are you a real person or a bot?"))


def test_a_version_beside_the_one_not_wanted() -> None:
    shoes = CATALOGUE.products["P0035"]
    slots = Slots()
    fit_to_product(shoes, "ok so i should go a 10 instead of my usual 9. add a 10", slots)
    assert slots.options == {"size": "10"}


def test_the_cheapest_size_is_the_cheapest_version_in_stock() -> None:
    cream = CATALOGUE.products["P0116"]
    assert cheapest_version(cream, "add the cheapest size") == {"size": "30 ml"}
    assert cheapest_version(cream, "add the cheapest one") == {}  # among products, not sizes


def test_a_grind_said_again_is_no_second_coffee() -> None:
    found = ProductMentions(CATALOGUE).find(
        "add a 250g bag of the leaf & kettle classic whole bean, whole bean not ground"
    )
    assert [mention.product_id for mention in found] == ["P0287"]


def test_a_brand_accounts_post_named_as_posted() -> None:
    said = "which sizes are in stock on the vitamin c serum dewleaf posted, the luma skin one"
    posts = posts_named(load_content(), "microblog", said)
    assert "mi-006" in {post.id for post in posts}
    assert "P0129" in products_of(posts, CATALOGUE, said)  # «the luma skin one» then picks it
    assert posts_named(load_content(), "microblog", "is the dewleaf serum any good?") == []


@pytest.mark.parametrize("said", ["and one more", "one more please", "throw in one more"])
def test_one_more_adds_another(said: str) -> None:
    assert checked(Request(said, "change", 0.9)).act == "add"


def test_a_long_storys_closing_add_is_the_request() -> None:
    story = (
        "ok so I'm moving flats next month and my old tote finally ripped on the bus, groceries "
        "everywhere, a stranger helped me pick up the oranges which was sweet, my friend says "
        "canvas is the way to go, anyway please just add the Voyagr Plus Canvas Tote Bag to my "
        "cart."
    )
    request = checked(Request(story, "recommend", 0.6))
    assert request.act == "add"
    assert request.text.startswith("anyway please just add the Voyagr Plus Canvas Tote Bag")
    short = checked(Request("add the tote to my cart.", "add", 0.9))
    assert short.text == "add the tote to my cart."


@pytest.mark.slow
def test_a_discount_ask_cites_the_rule_and_changes_nothing(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the Zenmotion Pro 2 Resistance Bands Set")
    reply = chat.say("that's steep, give me 30% off?")
    assert "payments.discounts-and-coupons" in {c.id for c in reply.citations}
    assert "There are no discounts" in reply.text
    assert chat.units() == {"P0177": 1}


@pytest.mark.slow
def test_one_more_and_the_same_one_in_another_version(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the morning ritual wave cold brew, 1kg ground")
    chat.say("plus a 500g whole bean of the same one")
    lines = demo_assistant.commerce.get_cart(chat.session).lines
    assert sorted((line.product_id, line.qty) for line in lines) == [("P0295", 1), ("P0295", 1)]
    chat.say("and one more")
    assert sum(line.qty for line in demo_assistant.commerce.get_cart(chat.session).lines) == 3


@pytest.mark.slow
def test_a_kind_we_lack_beside_one_we_carry(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("need a new laptop and a bag to carry it in, what have you got")
    assert "we don't sell laptop" in reply.text, reply.text
    titles = [demo_assistant.services.catalogue.products[pid].title for pid in reply.products]
    assert titles and all("Bag" in title or "Backpack" in title for title in titles), titles


@pytest.mark.slow
def test_a_brand_written_with_and_is_a_search_not_a_comparison(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    shown = chat.say("atlas and oak carry on")
    assert shown.intent == "search" and "P0333" in shown.products, shown.text
    asked = chat.say("the zen one, is it a hard shell?")
    assert "polycarbonate" in asked.text, asked.text


@pytest.mark.slow
def test_compared_with_a_make_we_do_not_sell(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    said = "compare the Bassline Urban 2 Wired Studio Headphones with the Sony WH-1000XM5"
    reply = chat.say(said)
    assert "we don't sell Sony WH-1000XM5" in reply.text and reply.products == ["P0004"]
    both = Chat(demo_assistant).say(
        "compare the Bassline Urban 2 Wired Studio Headphones with the Quietude Plus 700"
    )
    assert set(both.products) == {"P0004", "P0012"}, both.text


@pytest.mark.slow
def test_two_kinds_in_one_search_are_both_shown(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("i want a yoga mat and a blender")
    titles = [demo_assistant.services.catalogue.products[pid].title for pid in reply.products]
    assert any("Yoga Mat" in title for title in titles), titles
    assert any("Blender" in title for title in titles), titles
    one_kind = Chat(demo_assistant).say("a blender that is quiet and powerful")
    assert all(
        "Blender" in demo_assistant.services.catalogue.products[pid].title
        for pid in one_kind.products
    ), one_kind.text


@pytest.mark.slow
def test_each_kind_keeps_its_own_price_cap(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("show me tent under 150 and sleeping bag under 60 pls")
    products = [demo_assistant.services.catalogue.products[pid] for pid in reply.products]
    bags = [p for p in products if "Sleeping Bag" in p.title]
    tents = [p for p in products if "Tent" in p.title]
    assert bags and tents, reply.text
    assert all(p.buyable_price_minor <= 6000 for p in bags), reply.text
    assert all(p.buyable_price_minor <= 15000 for p in tents), reply.text


@pytest.mark.slow
def test_catalogue_wide_questions_named_by_no_kind(demo_assistant) -> None:
    count = Chat(demo_assistant).say("how many products do you have?")
    assert count.intent == "catalogue_question" and "336 products" in count.text, count.text
    popular = Chat(demo_assistant).say("what's your most popular product?")
    assert "most reviewed" in popular.text and "don't sell" not in popular.text, popular.text
    rated = Chat(demo_assistant).say("show me your best rated products")
    assert "best rated match" in rated.text and rated.products, rated.text
    anything = Chat(demo_assistant).say("recommend me something")
    assert anything.intent == "catalogue_question" and anything.products, anything.text


@pytest.mark.slow
def test_which_would_you_recommend_picks_from_the_list(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    shown = chat.say("show me yoga mats")
    pick = chat.say("which one would you recommend?")
    assert pick.intent == "refine" and pick.products[0] in shown.products, pick.text
    assert "best rated" in pick.text


@pytest.mark.slow
def test_cancel_it_with_no_order_says_there_is_none(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("cancel it")
    assert reply.text == "You have no orders yet.", reply.text
    chat = Chat(demo_assistant)
    chat.say("add the Zenmotion Pro 2 Resistance Bands Set")
    chat.say("checkout")
    assert chat.say("cancel it").intent == "decline"  # a waiting summary is declined


def test_the_one_value_left_when_the_other_is_not_wanted() -> None:
    tea = CATALOGUE.products["P0294"]
    slots = Slots()
    fit_to_product(
        tea, "add 2 of the Morning Ritual Urban green tea, 500g, not the ground one", slots
    )
    assert slots.options == {"size": "500 g", "grind": "whole bean"}


def test_someone_else_looking_up_my_orders_is_no_request_to_see_them() -> None:
    assert not OWN_ORDER_STATE.search("could my ex look up my orders if she knows my email?")


@pytest.mark.slow
def test_a_two_kind_search_keeps_the_requests_price_bound(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("a fast wireless charger and a car phone mount under $40")
    products = [demo_assistant.services.catalogue.products[pid] for pid in reply.products]
    assert any("Charger" in p.title for p in products), reply.text
    assert any("Mount" in p.title for p in products), reply.text
    assert all(p.buyable_price_minor <= 4000 for p in products), reply.text


@pytest.mark.parametrize(
    ("said", "nothing"),
    [
        ("anything under 20 bucks?", True),
        ("I want to buy something for under $20", True),
        ("what can I get for 10 dollars", True),
        ("got anything cheap?", True),
        ("headphones under 50", False),
        ("a gift for my dad under 40", False),  # a person: gift ideas, as before
        ("something to keep my tea hot under $30", False),
    ],
)
def test_asks_that_name_nothing(said: str, nothing: bool) -> None:
    assert names_nothing(said) is nothing


@pytest.mark.slow
def test_a_budget_alone_gets_the_best_rated_within_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("anything under 20 bucks?")
    products = [demo_assistant.services.catalogue.products[pid] for pid in reply.products]
    assert products and all(p.buyable_price_minor <= 2000 for p in products), reply.text
    assert "we don't sell" not in reply.text.lower()
    spend = Chat(demo_assistant).say("what can I get for 10 dollars")
    assert "dollars" not in spend.text.split("\n")[0].lower().replace("$10.00", ""), spend.text


@pytest.mark.parametrize(
    "said", ["can I speak to a human?", "get me a real person", "can i talk to customer service"]
)
def test_asking_for_a_person_is_answered_by_what_the_assistant_is(said: str) -> None:
    assert ABOUT_ME.search(without_greeting(said))
    assert not ABOUT_ME.search("can i speak to the seller about the tent")


@pytest.mark.slow
def test_what_two_kinds_are_for_goes_with_both(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("need a car mount and a screen protector for my galaxy s24")
    chat.say("add the Chargewell Plus mount in green")
    lines = demo_assistant.commerce.get_cart(chat.session).lines
    assert [(line.product_id, line.qty) for line in lines] == [("P0219", 1)]
