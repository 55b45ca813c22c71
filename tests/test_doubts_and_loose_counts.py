"""Doubted answers, honest gaps, loose names and counts (the thirty-fourth round's blind
writers): «you sure? where does it say that» quotes the listing; «memory foam?? in a
blanket? you sure» is the product in view, not a search; «how many watts» says none is
listed; «2 actually» or «i said 3 not 2» to «which one?» keeps the count and asks again;
«undo that» with nothing changed says so; «tumble and co», «ampere car mount» name their
brands; «4 of those and 1 of the other one» adds both. Some answers turn on a version's
last units in stock, so the module keeps a store of its own."""

from __future__ import annotations

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.conversation.answers.facts import attribute_facts
from assistant.conversation.answers.unlisted_asks import unlisted_asked
from assistant.conversation.answers.value_checks import value_checked
from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.follow_ups import only_doubts
from assistant.conversation.understanding.holding_off import holds_off
from assistant.conversation.understanding.planner import COUNT_ALONE
from assistant.conversation.understanding.sure_acts import checked
from assistant.search.filters import FilterVocabulary
from assistant.search.parsing import _numbers, parse_query
from assistant.settings import DEMO_CATALOGUE
from tests.test_phrasing import Chat

BASSLINE_ONE, DRIFT_BLANKET, ROAMLY_BACKPACK, FLEXA_DUMBBELLS = "P0001", "P0149", "P0334", "P0176"
SONARA_EDGE, VERANO_KETTLE, SNAPGRIP_CASE, AURALPEAK_KIDS = "P0021", "P0095", "P0203", "P0006"
TRAILHAWK_SHOES, PULSEFIT_MAT, ECHOFOX_ZEN, QUIETUDE_KIDS = "P0032", "P0169", "P0002", "P0012"
TUMBLE_URBAN, TUMBLE_LITE, AMPERE_URBAN, SOFTNEST_PLUS = "P0246", "P0252", "P0207", "P0157"
VERANO_SKILLET, COPPERLINE_ZEN, OAKHAVEN_CANDLE, LEAF_DECAF = "P0094", "P0108", "P0146", "P0297"
KYOTO_GREEN_TEA, CLEARWELL_SUNSCREEN, VOYAGR_CUBES = "P0282", "P0138", "P0313"
ZENMOTION_TRACKER, COREFORGE_TRACKER, PLAYWISE_STUDIO_CAR = "P0186", "P0174", "P0239"
SNAPGRIP_CHARGER, VOLTEDGE_CABLE, OAKHAVEN_PILLOW = "P0210", "P0214", "P0154"


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(DEMO_CATALOGUE)[0]


@pytest.mark.parametrize(
    ("said", "doubts"),
    [
        ("you sure? where does it say that", True),
        ("where does it say that", True),
        ("is that right?", True),
        ("hmm, how do you know that", True),
        ("you sure it's dishwasher safe?", False),
        ("where does it ship from", False),
    ],
)
def test_a_doubt_alone_is_told_from_a_question(said: str, doubts: bool) -> None:
    assert only_doubts(said) is doubts


def test_a_doubted_fact_in_words_is_quoted_from_the_listing(catalogue) -> None:
    said = value_checked(
        catalogue.products[BASSLINE_ONE], "you sure it's a cable? where does it say"
    )
    assert said is not None and "3.5 mm cable" in said and "seller" in said
    said = value_checked(catalogue.products[FLEXA_DUMBBELLS], "it says latex and 10mm thick??")
    assert said is not None and "latex" in said and "10 mm" in said
    assert value_checked(catalogue.products[BASSLINE_ONE], "is it any good?") is None
    # a figure the data contradicts: not confirmed, and what it lists said beside
    said = value_checked(catalogue.products[ECHOFOX_ZEN], "8 hours battery? where did you get that")
    assert said is not None and "doesn't say 8" in said and "20 hours" in said
    assert not said.startswith("Yes")
    # «for 74 bucks?» is its price, no figure of the listing doubted
    said = value_checked(catalogue.products["P0335"], "full grain leather for 74 bucks? you sure")
    assert said is None or "74" not in said


def test_an_unlisted_thing_asked_is_said_plainly(catalogue) -> None:
    speaker = catalogue.products[SONARA_EDGE]
    assert "watts" in (unlisted_asked(speaker, "how many watts is it?", []) or "")
    kettle = catalogue.products[VERANO_KETTLE]
    said = unlisted_asked(kettle, "does it have temperature settings?", [])
    assert said is not None and "temperature settings" in said
    sold_out = ["comes in white at $60.49, but that is out of stock"]
    headphones = catalogue.products[BASSLINE_ONE]
    said = unlisted_asked(headphones, "when's white back in stock?", sold_out)
    assert "back in stock" in (said or "")
    assert unlisted_asked(kettle, "when's it back in stock?", []) is None  # it is in stock
    kids = catalogue.products[AURALPEAK_KIDS]
    assert "age" in (unlisted_asked(kids, "are they ok for a 3 year old?", []) or "")
    assert "safe" in (unlisted_asked(kettle, "is it safe for my cats?", []) or "")


def test_safe_alone_asks_no_dishwasher_fact(catalogue) -> None:
    kettle = catalogue.products[VERANO_KETTLE]
    assert not any("dishwasher" in f for f in attribute_facts(kettle, "safe for baby bottles?"))
    assert any("dishwasher" in f for f in attribute_facts(kettle, "is it dishwasher safe?"))


@pytest.mark.parametrize(
    "said", ["2 actually", "make it 3", "i want 2 pls", "hmm actually 2 is plenty", "3 of them"]
)
def test_a_count_alone_is_read_as_one(said: str) -> None:
    assert COUNT_ALONE.match(said)


@pytest.mark.parametrize("said", ["2 black", "is 2 enough?", "size 2 please and a hat"])
def test_more_than_a_count_is_not(said: str) -> None:
    assert not COUNT_ALONE.match(said)


def test_a_budget_around_a_figure_is_told_from_an_age() -> None:
    found: dict[str, object] = {}
    _numbers("a gift for someone who likes running, around 50", found)
    assert found == {"min_price_minor": 3750, "max_price_minor": 6250}
    found = {}
    _numbers("yoga mat for my mum, she's about 60", found)
    assert "max_price_minor" not in found


def test_brands_said_loosely_are_their_brands(catalogue) -> None:
    vocabulary = FilterVocabulary.from_catalogue(catalogue)
    assert parse_query("teddy bears from tumble and co", vocabulary).filters.brand == "Tumble & Co"
    assert parse_query("ampere car mount", vocabulary).filters.brand == "Ampere One"
    assert parse_query("tea for the morning", vocabulary).filters.brand is None
    assert parse_query("a knife with a long blade", vocabulary).filters.brand is None
    # «morning» is a word reviewers use: no brand said alone
    assert parse_query("something for my morning tea", vocabulary).filters.brand is None


@pytest.mark.parametrize(
    ("said", "heard", "act"),
    [
        ("what do i owe", "policy_question", "view_cart"),
        ("what do i owe for my last order", "order_status", "order_status"),
        ("tot?", "search", "view_cart"),
        ("hm ok keep it. list what ive got", "recommend", "view_cart"),
        ("sum up what we agreed", "review_question", "view_cart"),
        ("6 of the king ones, whatever that means for a candle lol", "product_question", "add"),
    ],
)
def test_short_asks_are_sure_of_their_act(said: str, heard: str, act: str) -> None:
    assert checked(Request(said, heard, 0.5)).act == act


def test_holding_off_with_a_count_after_it_still_changes_the_count() -> None:
    assert not holds_off("change", "hold on dont place it yet. just 1 set actually")
    assert holds_off("change", "hold on dont place it yet")


def _versions(bot, chat: Chat) -> list[tuple[str, int]]:
    cart = bot.commerce.get_cart(chat.session)
    return sorted((", ".join(line.options.values()), line.qty) for line in cart.lines)


@pytest.mark.slow
def test_doubting_the_answer_quotes_where_it_comes_from(own_store_assistant) -> None:
    chat = Chat(own_store_assistant)
    chat.say_all("kettles | is the first one dishwasher safe")
    reply = chat.say("you sure? where does it say that")
    assert "dishwasher safe: no" in reply.text
    chat = Chat(own_store_assistant)
    chat.say_all("weighted blanket under 100")
    reply = chat.say("the material says memory foam?? in a blanket? you sure")
    assert reply.products == [DRIFT_BLANKET] and "memory foam" in reply.text
    chat = Chat(own_store_assistant)
    chat.say_all("will a 16 inch macbook pro fit in the roamly lite 2 backpack?")
    reply = chat.say(
        "full grain leather for 74 bucks? is that real leather or pu, where does it say that"
    )
    assert reply.products == [ROAMLY_BACKPACK] and "full-grain leather" in reply.text
    chat = Chat(own_store_assistant)
    chat.say_all("sonara edge speaker")
    reply = chat.say("ipx7 for 19 bucks? where'd you get that")
    assert "IPX7" in reply.text and reply.products == [SONARA_EDGE]


@pytest.mark.slow
def test_a_model_insisted_on_is_still_not_confirmed(own_store_assistant) -> None:
    chat = Chat(own_store_assistant)
    chat.say_all("does the snapgrip plus magsafe case fit an iphone 14?")
    reply = chat.say(
        "my 14 and the 15 are basically the same size tho, so the 15 one will fit right?"
    )
    assert reply.products == [SNAPGRIP_CASE] and "can't confirm" in reply.text
    assert "fits the iPhone 14" not in reply.text


@pytest.mark.slow
def test_a_count_to_which_one_is_kept_and_asked_again(own_store_assistant) -> None:
    chat = Chat(own_store_assistant)
    reply = chat.say_all("running shoes | add the first one | 2 actually")
    assert "Which one" in reply.text and not chat.units()
    chat.say("orange 9")
    assert chat.units() == {TRAILHAWK_SHOES: 2}
    chat = Chat(own_store_assistant)
    chat.say_all("yoga mats | add 2 of the first | i said 3 not 2 | black")
    assert chat.units() == {PULSEFIT_MAT: 3}


@pytest.mark.slow
def test_undo_with_nothing_changed_says_so(own_store_assistant) -> None:
    chat = Chat(own_store_assistant)
    reply = chat.say_all("yoga mats | add the second one | undo that")
    assert "added nothing" in reply.text and not chat.units()
    reply = chat.say_all("kettles | scratch that")
    assert "nothing in it to take back" in reply.text


@pytest.mark.slow
def test_a_brand_said_alone_beside_another_product_asks_which(own_store_assistant) -> None:
    chat = Chat(own_store_assistant)
    reply = chat.say_all(
        "quietude kids headphones | a couple in black pls | and 3 of the echofox ones"
    )
    assert chat.units() == {QUIETUDE_KIDS: 2}
    assert "Which one" in reply.text
    chat.say_all("the zen ones | black")
    assert chat.units() == {QUIETUDE_KIDS: 2, ECHOFOX_ZEN: 3}


@pytest.mark.slow
def test_positions_and_picks_said_loosely(own_store_assistant) -> None:
    chat = Chat(own_store_assistant)
    chat.say_all("teddy bears from tumble and co? | 5 of the cheaper one for party bags")
    chat.say_all("ok 4 of those and 1 of the other one")
    assert chat.units() == {TUMBLE_URBAN: 4, TUMBLE_LITE: 1}
    chat = Chat(own_store_assistant)
    chat.say_all("ampere car mount for a pixel 9 | blue one | actually make it 3")
    assert chat.units() == {AMPERE_URBAN: 3}
    chat = Chat(own_store_assistant)
    chat.say_all("softnest bath towels in navy, which sizes | 2 sets in the king")
    assert chat.units() == {SOFTNEST_PLUS: 2}
    chat = Chat(own_store_assistant)
    chat.say_all("verano skillet, the big one in green | 3 of them | hmm actually 2 is plenty")
    assert chat.units() == {VERANO_SKILLET: 2}


@pytest.mark.slow
def test_part_of_a_line_swapped_and_versions_corrected(own_store_assistant) -> None:
    chat = Chat(own_store_assistant)
    chat.say_all("copperline zen skillet | half a dozen red ones | swap 2 of them to the green")
    cart = own_store_assistant.commerce.get_cart(chat.session)
    assert sorted(line.qty for line in cart.lines) == [2, 4]
    chat = Chat(own_store_assistant)
    chat.say_all("add 6 of the pulsefit plus x yoga mat in purple | swap 2 of them to the green")
    chat.say("undo that")
    assert _versions(own_store_assistant, chat) == [("purple", 6)]
    chat = Chat(own_store_assistant)
    chat.say_all("yoga mats | add the first in black | make it the purple one | undo that")
    assert _versions(own_store_assistant, chat) == [("black", 1)]
    chat = Chat(own_store_assistant)
    chat.say_all("the dewleaf cleanser, lite 2 | ok then 2 of the small ones and 1 of the 50ml")
    assert _versions(own_store_assistant, chat) == [("30 ml", 2), ("50 ml", 1)]
    chat = Chat(own_store_assistant)
    chat.say_all("cheapest mineral sunscreen you have? | add the 100ml")
    reply = chat.say("no wait, the 50ml, 100 is too big for my bag")
    assert "13.99" in reply.text and chat.units() == {CLEARWELL_SUNSCREEN: 1}
    chat = Chat(own_store_assistant)
    chat.say_all("fitness tracker watch under 100 | the zenmotion one in black")
    chat.say("no no i meant the cheaper one. black too")
    assert chat.units() == {COREFORGE_TRACKER: 1}
    chat = Chat(own_store_assistant)
    chat.say_all("remote control car for a 12 yr old | the playwise studio one, standard")
    assert chat.units() == {PLAYWISE_STUDIO_CAR: 1}


@pytest.mark.slow
def test_lines_scratched_by_name_or_undone_with_a_reason(own_store_assistant) -> None:
    chat = Chat(own_store_assistant)
    chat.say_all(
        "wireless charger for iphone 16 | the snapgrip zen x, black | "
        "and a braided cable, the voltedge plus, blue for iphone 16",
    )
    chat.say("hmm scratch the cable, i have one")
    assert chat.units() == {SNAPGRIP_CHARGER: 1}
    chat = Chat(own_store_assistant)
    chat.say_all(
        "memory foam pillow under 50 | the oakhaven one, grey, queen | "
        "and another in navy queen for the spare room | wait undo that, the spare room can wait",
    )
    assert chat.units() == {OAKHAVEN_PILLOW: 1}
    chat = Chat(own_store_assistant)
    chat.say_all("voyagr packing cubes | add 2 | checkout")
    reply = chat.say("hold on dont place it yet. just 1 set actually")
    assert chat.units() == {VOYAGR_CUBES: 1} and not reply.orders


@pytest.mark.slow
def test_answers_that_name_what_was_asked(own_store_assistant) -> None:
    chat = Chat(own_store_assistant)
    reply = chat.say("leaf and kettle decaf, is it ground already?")
    assert "whole bean" in reply.text and reply.products == [LEAF_DECAF]
    reply = Chat(own_store_assistant).say("cheapest loose leaf green tea?")
    assert reply.products[0] == KYOTO_GREEN_TEA
    chat = Chat(own_store_assistant)
    reply = chat.say_all("auralpeak kids headphones | what colours have u actually got right now")
    assert "navy" in reply.text and reply.products == [AURALPEAK_KIDS]
    chat = Chat(own_store_assistant)
    reply = chat.say_all(
        "blade and bowl edge kettle | does it have temperature settings for green tea?"
    )
    assert "colour green" not in reply.text
    chat = Chat(own_store_assistant)
    reply = chat.say_all("echofox zen earbuds | are they any good?")
    assert "doesn't say" not in reply.text
    chat = Chat(own_store_assistant)
    reply = chat.say_all(
        "bassline one headphones | add the white one | when's white back in stock?"
    )
    assert "back in stock" in reply.text and not chat.units()


@pytest.mark.slow
def test_at_the_summary_a_count_said_against_another_changes_it(own_store_assistant) -> None:
    chat = Chat(own_store_assistant)
    chat.say_all("voyagr packing cubes | add 1 | checkout")
    reply = chat.say("thats wrong sorry, 2 not 1")
    assert chat.units() == {VOYAGR_CUBES: 2} and not reply.orders
    chat.say_all("checkout | hmm no dont order it, ill think about it")
    reply = chat.say("so nothing got ordered right?")
    assert reply.intent == "order_status" and reply.pending_checkout is None
    assert "no orders" in reply.text


@pytest.mark.slow
def test_an_order_recalled_names_its_version(own_store_assistant) -> None:
    chat = Chat(own_store_assistant)
    reply = chat.say_all("morning ritual edge s green tea | add 2 of the 500g | checkout")
    own_store_assistant.confirm(chat.session, reply.pending_checkout.checkout_id, "c-recall")
    reply = chat.say("can u remind me what i just ordered")
    assert "(500 g, ground)" in reply.text


@pytest.mark.slow
def test_follow_ups_stay_with_the_product_in_view(own_store_assistant) -> None:
    chat = Chat(own_store_assistant)
    chat.say_all(
        "air fryer for 2 people under 100 | how many quarts is the kitchencraft nova in medium",
    )
    reply = chat.say("is the basket teflon? pfas free?")
    assert reply.products == ["P0098"] and "pfas" in reply.text
    chat = Chat(own_store_assistant)
    chat.say_all("whats the gsm on the drift wave 900 towels")
    reply = chat.say("wait material says 100% linen but its called a cotton towel set. which is it")
    assert reply.products == ["P0145"] and "100% linen" in reply.text
    chat = Chat(own_store_assistant)
    chat.say_all("adjustable dumbbells, whats the cheapest you got")
    reply = chat.say("how heavy do they go? need at least 50 lb per hand")
    assert reply.products == [FLEXA_DUMBBELLS] and "don't sell" not in reply.text


@pytest.mark.slow
def test_a_kind_said_first_is_searched_whatever_follows(own_store_assistant) -> None:
    reply = Chat(own_store_assistant).say(
        "merino sweater for my son, he has eczema, is wool gonna be itchy"
    )
    assert reply.intent == "search" and reply.products
    reply = Chat(own_store_assistant).say("tell me a joke about socks")
    assert reply.intent != "search"
