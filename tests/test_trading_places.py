"""Wordy and polite shoppers: «swap the atlas ones for the voyagr set» replaces the cart's
line, «r the voyagr ones better» compares with the one in view, «1kg whole» names the «whole
bean» version, a request wrapped in a story or a «could you…?» still changes the cart, money
one has is a budget, and a policy question is the sentence that asks it."""

from __future__ import annotations

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.conversation.answers.facts import product_facts
from assistant.conversation.understanding.slots import own_spans
from assistant.search.mentions import ProductMentions
from assistant.search.parsing import _numbers
from assistant.search.passages import asked_part
from assistant.settings import DEMO_CATALOGUE
from tests.test_phrasing import Chat

CATALOGUE = load_catalogue(DEMO_CATALOGUE)[0]
PRODUCTS = CATALOGUE.products


@pytest.mark.parametrize(
    ("text", "options"),
    [
        ("add morning ritual classic x chai 1kg whole", {"size": "1 kg", "grind": "whole bean"}),
        ("1kg whole bean", {"size": "1 kg", "grind": "whole bean"}),
        ("250g ground", {"size": "250 g", "grind": "ground"}),
        ("1kg, an extra one", {"size": "1 kg"}),
    ],
)
def test_the_first_word_of_a_version_names_it_when_no_other_has_it(text, options) -> None:
    assert PRODUCTS["P0308"].options_named_in(text) == options


@pytest.mark.slow
def test_a_cart_product_traded_for_another_both_named(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("packing cubes under 20")
    chat.say("olive")
    assert chat.units() == {"P0325": 1}
    chat.say("ok swap the atlas ones for the voyagr set")
    assert chat.units() == {"P0313": 1}


@pytest.mark.slow
def test_swapping_it_for_a_named_product_trades_the_cart_line(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("packing cubes under 20")
    chat.say("olive")
    chat.say("the atlas reviews look meh tbh... swap it for the voyagr set")
    assert chat.units() == {"P0313": 1}


@pytest.mark.slow
def test_a_trade_that_names_nothing_in_the_cart_changes_nothing(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("packing cubes under 20")
    chat.say("olive")
    chat.say("swap the zenmotion bands for the voyagr set")  # the bands are not in the cart
    assert chat.units() == {"P0325": 1}


@pytest.mark.slow
def test_is_another_one_better_compares_it_with_the_one_in_view(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("packing cubes under 20")
    chat.say("olive")
    reply = Chat.say(chat, "r the voyagr ones better")
    assert set(reply.products) >= {"P0313", "P0325"}
    assert chat.units() == {"P0325": 1}


@pytest.mark.parametrize(
    ("text", "ceiling"),
    [
        ("We'd rather not spend more than $150. What would you recommend?", 15000),
        ("we've got about $80 in the kitty. What would you suggest?", 8000),
        ("I have $40 to spend on her", 4000),
        ("got 50 quid to spend", 5000),
    ],
)
def test_money_one_has_or_would_rather_not_pass_is_a_ceiling(text, ceiling) -> None:
    found: dict[str, object] = {}
    _numbers(text, found)
    assert found.get("max_price_minor") == ceiling


@pytest.mark.parametrize("text", ["i have 2 kids", "we have 3 dogs", "more than $20 please"])
def test_other_numbers_one_has_are_no_ceiling(text) -> None:
    found: dict[str, object] = {}
    _numbers(text, found)
    assert "max_price_minor" not in found


def test_the_sentences_that_ask_are_what_a_policy_question_asks() -> None:
    told = "Perhaps I'm muddling you up with another shop. How does delivery work with you?"
    assert asked_part(told) == "How does delivery work with you?"
    assert asked_part("How long is delivery?") == "How long is delivery?"
    assert asked_part("I ordered on Monday. Is it late.") == "I ordered on Monday. Is it late."


def test_what_follows_a_name_up_to_the_next_one_is_its_own() -> None:
    text = "add the pillow in white, twin size, and a candle in beige, queen"
    assert own_spans(text, ["the pillow in white", "a candle in beige", "the mug"]) == [
        "the pillow in white, twin size, and ",
        "a candle in beige, queen",
        "the mug",
    ]


@pytest.mark.slow
def test_polite_requests_wrapped_in_a_story_change_the_cart(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say(
        "My dad always feels the cold and I'd like to get him a warm jumper for Christmas. "
        "He's an XL and likes navy. Could you add the Threadwell Core 700 sweater in those?"
    )
    cart = demo_assistant.commerce.get_cart(chat.session)
    assert [(line.product_id, line.variant_id) for line in cart.lines] == [("P0261", "P0261-V6")]
    chat.say("Could you put a Chargewell Studio 200 car phone mount for an iPhone 16 in my basket?")
    assert chat.units() == {"P0261": 1, "P0201": 1}
    chat.say("On second thoughts, the mount might annoy him. Could you take it out, please?")
    assert chat.units() == {"P0261": 1}


@pytest.mark.slow
def test_two_adds_each_with_their_own_versions(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say(
        "Could you add the Oakhaven Studio 2 memory foam pillow in white, twin size, "
        "and a Lumen Home Max S soy candle in beige, queen?"
    )
    cart = demo_assistant.commerce.get_cart(chat.session)
    versions = {line.product_id: line.variant_id for line in cart.lines}
    assert versions == {"P0154": "P0154-V1", "P0164": "P0164-V2"}


@pytest.mark.slow
def test_a_name_with_please_or_a_version_after_a_remark_is_a_pick(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("packing cubes under 20")
    chat.say("The Voyagr Nova 900 set, please.")
    assert chat.units() == {"P0313": 1}
    chat = Chat(demo_assistant)
    chat.say("wooden puzzles")
    chat.say("The Brickton wooden puzzle looks perfect. The standard edition, please.")
    assert chat.units() == {"P0247": 1}
    chat = Chat(demo_assistant)
    chat.say("The Brickton wooden puzzle looks perfect, does it have small parts?")
    assert chat.units() == {}  # a question about it buys nothing


@pytest.mark.slow
def test_i_will_go_for_names_no_go_model(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("What's the difference between the IronPeak Pro and the Zenmotion One?")
    chat.say("I'll go for the IronPeak Pro in pink, please.")
    assert chat.units() == {"P0181": 1}


def test_a_brand_word_used_as_an_everyday_word_names_nothing() -> None:
    mentions = ProductMentions(CATALOGUE)
    story = (
        "I've started making green smoothies every morning and my little blender just isn't "
        "up to it. Is the Copperline Air S blender in stock?"
    )
    assert [m.product_id for m in mentions.find(story)] == ["P0110"]
    assert [m.product_id for m in mentions.find("the morning ritual edge s")] == ["P0300"]


@pytest.mark.slow
def test_a_short_model_word_picks_among_those_shown(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("How does the Atlas & Oak Zen compare with the Atlas & Oak One X?")
    chat.say("Then we'll go with the Zen. Please add one.")
    assert chat.units() == {"P0333": 1}


@pytest.mark.slow
def test_what_people_like_after_a_remark_is_the_whole_picture(demo_assistant) -> None:
    reply = Chat(demo_assistant).say(
        "The NorthTrail Zen S has brilliant reviews. What do people actually like about it?"
    )
    assert "mention brilliant" not in reply.text
    assert reply.citations and any(c.kind == "review" for c in reply.citations)


@pytest.mark.slow
def test_an_aisle_described_at_length_is_carried(demo_assistant) -> None:
    reply = Chat(demo_assistant).say(
        "Could you suggest a few toys suitable for a three-year-old, under $40?"
    )
    assert "don't sell" not in reply.text
    assert reply.products
    reply = Chat(demo_assistant).say("do you sell phones")
    assert "don't sell phones" in reply.text


def test_a_price_set_by_one_option_is_given_for_each_value() -> None:
    facts = product_facts(PRODUCTS["P0308"], "what's the price difference between sizes?", {})
    assert "price: 250 g $6.00, 500 g $7.00, 1 kg $9.00" in facts


@pytest.mark.slow
def test_a_remark_beside_a_checkout_changes_nothing(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("the Kestrel Travel Nova 2 crossbody bag")
    chat.say("I'll take it")
    reply = chat.say("Wonderful. Checkout, please, and I'll pass the hat round for the total.")
    assert chat.units() == {"P0323": 1}
    assert reply.pending_checkout is not None


@pytest.mark.slow
def test_the_quicker_one_is_the_one_delivered_sooner(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("Which gets here faster, the Kestrel Travel Nova 2 or the Atlas & Oak Prime 800?")
    chat.say("The quicker one then, please.")
    nova, prime = PRODUCTS["P0323"], PRODUCTS["P0335"]
    quicker = nova if nova.shipping_days < prime.shipping_days else prime
    assert chat.units() == {quicker.id: 1}


@pytest.mark.slow
def test_worth_the_extra_over_another_compares_them(demo_assistant) -> None:
    reply = Chat(demo_assistant).say(
        "Is the IronPeak Core 500 worth the extra over the Flexa Wave 2, do you think?"
    )
    assert {"P0182", "P0176"} <= set(reply.products)
    assert "can't help" not in reply.text


@pytest.mark.slow
def test_a_question_after_a_name_and_a_polite_add_then_summary(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("Would the Tumble & Co Core 400 card game suit them, and how many can play?")
    assert "players: 2-4" in reply.text
    reply = chat.say("Perfect for us. Please add it and show me the checkout summary.")
    assert chat.units() == {"P0242": 1}
    assert reply.pending_checkout is not None


@pytest.mark.slow
def test_asking_about_free_postage_beside_a_cart_says_what_it_needs(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the Kestrel Travel Nova 2 crossbody bag")
    reply = chat.say(
        "What would that come to with delivery? I read postage is free over an amount."
    )
    assert "more and it ships free" in reply.text
    assert chat.units() == {"P0323": 1}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("setup", "remark"),
    [
        (
            "add the bassline one headphones in black",
            "add the Echofox Zen True Wireless Earbuds in black as well, not instead of the "
            "Bassline One",
        ),
        (
            "add the bassline one headphones in black",
            "My wife said to put the Echofox Zen True Wireless Earbuds in my basket but I'm "
            "not sure",
        ),
        ("add the NorthTrail Zen S camping stove", "Is it easy to take the stove out of its box?"),
        (
            "add the bassline one headphones in black",
            "I have a question about my order, can you give me a summary of what I bought "
            "last time?",
        ),
    ],
)
def test_remarks_and_questions_that_sound_like_changes_change_nothing(
    demo_assistant, setup, remark
) -> None:
    chat = Chat(demo_assistant)
    chat.say(setup)
    before = chat.units()
    reply = chat.say(remark)
    assert chat.units() == before, reply.text
    assert reply.pending_checkout is None


@pytest.mark.slow
def test_a_bare_name_with_please_is_a_pick_and_please_alone_picks_nothing(demo_assistant):
    chat = Chat(demo_assistant)
    chat.say("Meeple House Wave 600 wooden puzzle please")
    assert chat.units() == {"P0229": 1}
    chat = Chat(demo_assistant)
    chat.say("Tell me about the Bassline One headphones. Please.")
    assert chat.units() == {}


@pytest.mark.parametrize(
    ("product_id", "text", "options"),
    [
        ("P0302", "add 1 Kyoto Garden Prime X Chai Spice Blend, ground", {"grind": "ground"}),
    ],
)
def test_a_count_or_another_model_names_no_version_by_its_first_word(
    product_id, text, options
) -> None:
    assert PRODUCTS[product_id].options_named_in(text) == options


def test_a_model_version_needs_its_model_said() -> None:
    protector = next(
        p
        for p in PRODUCTS.values()
        if any(" " in v and any(c.isdigit() for c in v) for v in p.option_values("model"))
    )
    assert "model" not in protector.options_named_in("I have a Galaxy S23")


@pytest.mark.parametrize(
    "text",
    [
        "I've got $10 off with a coupon",
        "the tent has $30 off this week",
        "I already have $40 in the cart",
        "a board game for 4 to play with",
    ],
)
def test_money_off_or_in_the_cart_is_no_budget(text) -> None:
    found: dict[str, object] = {}
    _numbers(text, found)
    assert "max_price_minor" not in found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("setup", "order", "expected"),
    [
        ("towel sets", "4 of the Hearth & Linen Air S, white, queen size", {"P0151": 4}),
        ("", "10 Cairn Gear Nova 500 bottles in grey for the football team", {"P0070": 10}),
        ("", "Northwind Trail 2 rain jacket, medium", {"P0254": 1}),
        ("teddy bears", "two of the Tumble & Co Urban 2", {"P0246": 2}),
        ("", "team shirts: Urbanloom Studio 600 tee in red, 5 medium and 4 small", {"P0265": 9}),
    ],
)
def test_a_count_or_a_version_beside_a_name_is_an_order(demo_assistant, setup, order, expected):
    chat = Chat(demo_assistant)
    if setup:
        chat.say(setup)
    chat.say(order)
    cart = demo_assistant.commerce.get_cart(chat.session)
    totals: dict[str, int] = {}
    for line in cart.lines:
        totals[line.product_id] = totals.get(line.product_id, 0) + line.qty
    assert totals == expected


@pytest.mark.slow
def test_a_number_before_a_unit_is_a_version_not_a_count(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("Kyoto Garden Go X whole bean coffee")
    chat.say("500 g ground please")
    assert chat.units() == {"P0305": 1}
    chat = Chat(demo_assistant)
    chat.say("Kestrel Urban running shorts")
    chat.say("meh. 3 in L then, olive")
    assert chat.units() == {"P0280": 3}


@pytest.mark.slow
@pytest.mark.parametrize("text", ["2 player card games", "3 person tents under 200"])
def test_a_count_of_people_is_no_order(demo_assistant, text) -> None:
    chat = Chat(demo_assistant)
    chat.say(text)
    assert chat.units() == {}


@pytest.mark.slow
def test_short_names_versions_and_same_again(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("is the white Bassline One in stock?")
    assert "P0001" in reply.products and "out of stock" in reply.text
    reply = Chat(demo_assistant).say("Copperline Air S blender, have you got it?")
    assert "out of stock" in reply.text and "size s" not in reply.text
    chat = Chat(demo_assistant)
    chat.say("Clearwell Core 2 tea tree spot gel")
    assert "at $23.00" in chat.say("and the 30 ml?").text
    chat = Chat(demo_assistant)
    chat.say("Blade & Bowl Classic 2 electric kettle")
    chat.say("risk it. green")
    assert chat.units() == {"P0102": 1}
    chat = Chat(demo_assistant)
    chat.say("add the Zenmotion Pro 2 resistance bands in green")
    chat.say("same again")
    assert chat.units() == {"P0177": 2}


@pytest.mark.slow
def test_asking_whether_one_is_charged_after_an_order(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the Zenmotion Pro 2 resistance bands in green")
    chat.say("checkout")
    chat.say("yes")
    assert "Nothing is charged" in chat.say("will I get charged anything?").text


@pytest.mark.slow
def test_versions_of_the_one_in_view_and_the_most_reviewed(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("how much is the 1 kg bag of the Morning Ritual Classic X?")
    chat.say("1 kg whole bean then")  # not the «Whole Bean Coffee» those words also name
    assert chat.units() == {"P0308": 1}
    chat = Chat(demo_assistant)
    chat.say("CoreForge Studio X or Zenmotion Nova X fitness tracker, which is cheaper?")
    reply = chat.say("which one has more reviews?")
    assert reply.text.startswith("The most reviewed is")
    chat.say("go with that one, grey")
    assert len(chat.units()) == 1
    chat = Chat(demo_assistant)
    chat.say("packing cubes, nothing over 35")
    chat.say("which set has the best reviews?")
    chat.say("3 of those in navy")
    assert sum(chat.units().values()) == 3


@pytest.mark.slow
def test_the_brand_one_with_a_colour_beside_a_list(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("ultralight tent under 200 that's actually in stock")
    reply = chat.say("is the grey NorthTrail one available?")
    assert reply.products[:1] == ["P0064"]


@pytest.mark.slow
def test_a_short_remark_then_a_name_with_its_version_is_an_order(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("back to school stuff. Roamly Nova 900 laptop backpack in black")
    assert chat.units() == {"P0316": 1}
    chat = Chat(demo_assistant)
    chat.say("nice. the Roamly Nova 900 laptop backpack")  # no version, no please: shown
    assert chat.units() == {}


@pytest.mark.slow
def test_fakes_dodgy_sellers_and_free_delivery(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("is the Bassline Wave speaker legit? the seller looks dodgy to me")
    reply = chat.say("and if it turns out fake?")
    assert any(c.kind == "policy" for c in reply.citations)
    chat = Chat(demo_assistant)
    chat.say("phone cases for iPhone 15")
    reply = chat.say("a clear one, not from a dodgy seller")
    catalogue = demo_assistant.services.catalogue
    assert reply.products
    assert all(catalogue.products[pid].seller.vetting == "vetted" for pid in reply.products)
    chat = Chat(demo_assistant)
    chat.say("team shirts: Urbanloom Studio 600 tee in red, 5 medium and 4 small")
    assert "ships free" in chat.say("total? and is delivery free?").text


@pytest.mark.slow
@pytest.mark.parametrize(
    "steps",
    [
        ["Just browsing. Bassline One in black"],
        ["#3 Quietude Urban Wired Studio Headphones"],
        ["$6 Morning Ritual Classic X Chai Spice Blend please"],
        ["2 Bassline headphones please"],
        ["Bassline One in black for my son or something cheaper"],
        ["Bassline One colour please"],
    ],
)
def test_numbers_remarks_and_version_words_beside_a_name_buy_nothing(demo_assistant, steps):
    chat = Chat(demo_assistant)
    for step in steps:
        chat.say(step)
    assert chat.units() == {}


@pytest.mark.slow
def test_same_again_only_repeats_an_add(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the sonara prime 2 speaker in navy")
    chat.say("remove the sonara")
    chat.say("same again")
    assert chat.units() == {}
    chat = Chat(demo_assistant)
    chat.say("add the sonara prime 2 speaker in navy")
    chat.say("same again?")
    assert chat.units() == {"P0003": 1}


@pytest.mark.slow
def test_a_budget_after_a_filler_word_is_no_quantity(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the sonara prime 2 speaker in navy")
    chat.say("fine 20 euros max")
    assert chat.units() == {"P0003": 1}


@pytest.mark.slow
def test_a_name_several_products_share_asks_which_and_adds_none(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("add the atlas & oak one")
    assert chat.units() == {}
    assert reply.text.startswith("Which one do you mean?")
    chat.say("the second one")
    assert chat.units() == {}  # it has two versions: asked next, nothing guessed


@pytest.mark.slow
def test_the_brand_one_in_a_longer_question_beside_a_list(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("looking for a tent between 100 and 200 dollars")
    reply = chat.say("the NorthTrail one, what colours does it come in")
    assert reply.products[:1] == ["P0064"]
    chat = Chat(demo_assistant)
    chat.say(
        "Fair enough. In that case, could you put a Chargewell Studio 200 car phone mount "
        "for an iPhone 16 in my basket?"
    )
    assert chat.units() == {"P0201": 1}


def test_swapping_a_cart_line_for_that_among_several_shown_asks_which(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the meeple house core 2 building blocks set")
    chat.say("cheaper building blocks?")
    reply = chat.say("swap the meeple one for that, standard edition")
    assert "Which one do you mean?" in reply.text, reply.text
    assert chat.units() == {"P0237": 1}  # not a second Meeple set


def test_swapping_a_cart_line_for_that_one_in_view_trades_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the meeple house core 2 building blocks set")
    chat.say("show me the Brickton Wave Building Blocks Set")
    chat.say("swap the meeple one for that, standard edition")
    assert chat.units() == {"P0243": 1}
