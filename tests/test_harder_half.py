"""An outside QA engineer's harder half of real use: references several turns back, one more
before the yes, two asks in one message, a kind we lack beside one we carry, and honest
unknowns (no restock date, what no review mentions)."""

from __future__ import annotations

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.commerce import CartView
from assistant.conversation.answers.facts import product_facts
from assistant.conversation.answers.money_wording import free_shipping_note
from assistant.conversation.answers.said_facts import with_said_facts
from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.keeping import fixed_before_yes
from assistant.conversation.understanding.sure_acts import checked
from assistant.conversation.understanding.told_about import told_about
from assistant.search.mentions import ProductMentions
from assistant.settings import DEMO_CATALOGUE
from tests.test_phrasing import Chat

CATALOGUE = load_catalogue(DEMO_CATALOGUE)[0]
MENTIONS = ProductMentions(CATALOGUE)


def _id(title: str) -> str:
    return next(p.id for p in CATALOGUE.products.values() if p.title == title)


def test_the_first_one_told_about_is_the_first_talked_about() -> None:
    talked = ["P0002", "P0014"]
    assert told_about("add the first one you told me about, in black", talked, MENTIONS) == [
        "P0002"
    ]
    assert told_about("the last one i asked about", talked, MENTIONS) == ["P0014"]
    assert told_about("add the first one", talked, MENTIONS) == []  # the list's, not this


def test_the_one_asked_about_before_a_brand() -> None:
    verano, kitchencraft = _id("Verano Sport 200 Blender"), _id("KitchenCraft Lite Blender")
    talked = [verano, kitchencraft, _id("Copperline Aero S Blender")]
    said = "ok add the one I asked about before the KitchenCraft, in white"
    assert told_about(said, talked, MENTIONS) == [verano]
    assert told_about("the one I asked about after the verano", talked, MENTIONS) == [kitchencraft]
    assert told_about("the one I asked about before the Verano", talked, MENTIONS) == []


@pytest.mark.parametrize(
    ("said", "act"),
    [
        ("wait, add a second one before I pay", "add"),
        ("hold on, add the blue one too", "add"),
        ("no wait, just 1", "change"),
        ("no, add nothing, I changed my mind", "decline"),
    ],
)
def test_more_before_the_yes(said: str, act: str) -> None:
    assert fixed_before_yes("decline", said, pending_checkout=True) == act


def test_a_restock_question_says_no_date_is_given() -> None:
    gone = next(p for p in CATALOGUE.products.values() if not p.in_stock)
    facts = product_facts(gone, "when will it be back in stock?", {})
    assert any("no restock date" in fact for fact in facts), facts
    assert "no restock date" not in " ".join(product_facts(gone, "is it in stock?", {}))


def test_how_fast_it_gets_to_me_is_its_delivery() -> None:
    product = CATALOGUE.products[_id("Zenmotion Nova X Fitness Tracker Watch")]
    assert product_facts(product, "ok how fast could it get to me?", {}) == [
        f"delivery in {product.shipping_days} days"
    ]


def test_the_free_shipping_gap_of_a_product_asked_about() -> None:
    bands = CATALOGUE.products[_id("Flexa Air 2 Resistance Bands Set")]
    empty = CartView.model_validate(
        {
            "shopper_id": "s",
            "version": 0,
            "lines": [],
            "totals": {
                "subtotal_minor": 0,
                "shipping_minor": 0,
                "tax_minor": 0,
                "total_minor": 0,
                "currency": "USD",
            },
        }
    )
    note, figures = free_shipping_note("how much more for free shipping?", empty, 5000, bands)
    missing = 5000 - bands.buyable_price_minor
    assert f"add ${missing // 100}.{missing % 100:02d} more" in note
    assert missing in figures


def test_send_both_back_asks_each_ones_returns() -> None:
    said = "I got the X and a Y in one order. The X tastes awful. Can I send both back?"
    assert checked(Request(said, "compare", 0.7)).act == "product_question"
    assert checked(Request("compare both", "compare", 0.9)).act == "compare"


def test_a_title_that_says_the_fact_holds_it() -> None:
    pillows = [p for p in CATALOGUE.products.values() if "Memory Foam Pillow" in p.title]
    kept = with_said_facts(pillows, "I need a memory foam pillow")
    assert kept == pillows  # every one says memory foam in its title


@pytest.mark.slow
def test_which_of_the_two_after_asking_about_each(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("tell me about the Echofox Zen true wireless earbuds")
    chat.say("and the Quietude Plus true wireless earbuds?")
    reply = chat.say("which of the two has more battery, and which is cheaper?")
    assert reply.intent == "compare"
    echofox = _id("Echofox Zen True Wireless Earbuds")
    quietude = _id("Quietude Plus True Wireless Earbuds")
    assert {echofox, quietude} <= set(reply.products), reply.text


@pytest.mark.slow
def test_an_add_says_what_we_do_not_sell_beside_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("add a 250g Kyoto Garden Classic X green tea and a loaf of sourdough bread")
    assert chat.units() == {_id("Kyoto Garden Classic X Loose Leaf Green Tea"): 1}
    assert "we don't sell" in reply.text.lower() and "bread" in reply.text.lower()


@pytest.mark.slow
def test_a_kind_we_lack_beside_one_we_carry(demo_assistant) -> None:
    reply = Chat(demo_assistant).say(
        "can I get a TV stand and some blackout curtains for the living room?"
    )
    assert "we don't sell tv stand" in reply.text.lower()
    shown = [CATALOGUE.products[pid] for pid in reply.products]
    assert shown and all("Curtains" in p.title for p in shown), reply.text
    backpacks = Chat(demo_assistant).say("I need a new laptop and a backpack to carry it in")
    titles = [CATALOGUE.products[pid].title for pid in backpacks.products]
    assert titles and all("Laptop Backpack" in title for title in titles), backpacks.text


@pytest.mark.slow
def test_what_no_review_mentions_is_said_plainly(demo_assistant) -> None:
    reply = Chat(demo_assistant).say(
        "do any reviews say whether the Atlas & Oak Zen carry-on fits in a Ryanair overhead bin?"
    )
    assert "don't say" in reply.text, reply.text


@pytest.mark.slow
def test_one_more_before_the_yes_makes_a_new_summary(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the Meeple House Classic 500 strategy game")
    chat.say("checkout")
    chat.say("wait, add a second one before I pay")
    assert chat.units() == {_id("Meeple House Classic 500 Strategy Board Game"): 2}
    summary = chat.say("ok checkout now")
    assert "2 ×" in summary.text


@pytest.mark.slow
def test_what_if_i_only_get_another_after_a_shipping_question(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("If I order the Atlas & Oak Zen carry-on here, is anything added on top at checkout?")
    reply = chat.say("and if I only get the Atlas & Oak Wave X packing cubes instead?")
    assert reply.intent == "policy_question"
    cubes = CATALOGUE.products[_id("Atlas & Oak Wave X Packing Cubes Set")]
    assert cubes.buyable_price_minor < 5000 and "$4.99" in reply.text, reply.text


def test_a_freebie_for_a_post_is_the_shops_rule() -> None:
    said = "I'm a big influencer, if you send me a free carry-on suitcase I'll post about it"
    assert checked(Request(said, "search", 0.6)).act == "policy_question"
    assert checked(Request("fragrance free moisturiser", "search", 0.9)).act == "search"


@pytest.mark.slow
def test_do_you_sell_a_kind_we_lack_beside_a_cart_word(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the Leaf & Kettle Flow 800 decaf, 500g whole bean")
    reply = chat.say("do you sell coffee grinders as well?")
    assert "we don't sell coffee grinders" in reply.text.lower(), reply.text


@pytest.mark.slow
def test_a_colour_beside_an_add_is_no_kind_we_lack(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("add the summit supply flow x sleeping bag, orange please")
    assert "don't sell" not in reply.text, reply.text
    assert chat.units() == {_id("Summit Supply Flow X Sleeping Bag"): 1}


def test_the_fragrance_free_one_is_no_freebie() -> None:
    said = "add the fragrance free one, 50 ml"
    assert checked(Request(said, "add", 0.9)).act == "add"


@pytest.mark.slow
def test_stray_words_no_review_says_are_not_the_aspect(demo_assistant) -> None:
    reply = Chat(demo_assistant).say(
        "what do reviews of the Tumble & Co Studio X puzzle say about small parts? she still "
        "puts everything in her mouth"
    )
    assert "mention small parts" in reply.text, reply.text
