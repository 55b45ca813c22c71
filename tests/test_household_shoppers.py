"""Households shopping for a life event (a first flat, a new baby, a camping trip): two
things in one message («add that in silver. and the X in red»), a kind that is not in view
(«and throw in a jump rope, the cheapest you've got»), sentences ended by an emoji or a dash,
decisions by brand («Sonara then»), and the shop's rules cited beside refusals."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.conversation.answers.dates import parse_deadline
from assistant.conversation.understanding.acts import segment
from assistant.conversation.understanding.shop_words import SHOP_SERVICE
from assistant.conversation.understanding.slots import extract_quantity
from assistant.search.filters import FilterVocabulary
from assistant.search.kinds import ProductKinds
from assistant.search.mentions import ProductMentions
from assistant.search.parsing import parse_query
from assistant.settings import DEMO_CATALOGUE
from assistant.testing.fakes import FakeEmbedder
from tests.test_phrasing import Chat

CATALOGUE = load_catalogue(DEMO_CATALOGUE)[0]
VOCABULARY = FilterVocabulary.from_catalogue(CATALOGUE)


@pytest.mark.parametrize(
    ("message", "parts"),
    [
        (
            "add that in silver, small. and the Copperline Zen X skillet in red",
            ["add that in silver, small", "and the Copperline Zen X skillet in red"],
        ),
        (
            "add it, and the Ridgeline Wave 2 in olive",
            ["add it", "and the Ridgeline Wave 2 in olive"],
        ),
        # a version of the same thing stays with it
        ("add the blue one, and the small size please", None),
        ("put the Chargewell One case in black for iphone 15, and a pink one for iphone 16", None),
    ],
)
def test_a_second_thing_to_add_is_a_request_of_its_own(message, parts) -> None:
    assert segment(message) == (parts or [message])


def test_an_emoji_or_a_spaced_dash_ends_a_sentence() -> None:
    kinds = ProductKinds(CATALOGUE, FakeEmbedder())
    said = "my sister just had a baby 💕 I want to get her a little teddy. which one is ok?"
    assert kinds.named_kind(said) == "bear"
    assert kinds.missing(said) is None  # not «we don't sell sister just had a baby»
    assert kinds.missing("Beach holiday for 4 next month - do you have big towels?") is None
    assert kinds.missing("how many have you got left?") is None


def test_how_dark_is_no_colour_and_bags_are_no_aisle() -> None:
    pitch = parse_query("curtains that make the room pitch black", VOCABULARY)
    assert pitch.filters.colour is None
    assert parse_query("black curtains", VOCABULARY).filters.colour == "black"
    # «sleeping bags» are camping gear: «bags» narrows to no aisle
    assert parse_query("cheapest sleeping bags", VOCABULARY).filters.category is None


def test_a_brand_said_as_itself_beats_a_word_that_looks_like_one() -> None:
    mentions = ProductMentions(CATALOGUE)
    found = mentions.find("are the heart rate readings on the Zenmotion Nova X accurate?")
    assert [m.product_id for m in found] == ["P0186"]  # not Hearth & Linen's Nova X blanket


def test_small_words_that_are_not_what_they_seem() -> None:
    today = dt.date(2026, 12, 2)
    assert parse_deadline("the trekking poles in Tess's weekend set-up, colours?", today) is None
    assert parse_deadline("can it arrive by the weekend?", today) == dt.date(2026, 12, 5)
    assert extract_quantity("and 2 matching pillows, the Oakhaven Studio 2 in grey twin") == 2
    assert CATALOGUE.products["P0204"].options_named_in("add 2 in black for the S24") == {
        "colour": "black",
        "model": "Galaxy S24",
    }
    assert SHOP_SERVICE.search("what's the most I can order of one thing?")


@pytest.mark.slow
def test_two_adds_in_one_message_add_both_and_show_the_cart_once(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("a chef's knife please, the cheapest")
    reply = chat.say("add that in silver, small. and the Copperline Zen X skillet in red")
    assert chat.units() == {"P0092": 1, "P0108": 1}
    assert reply.text.count("Your cart:") == 1


@pytest.mark.slow
def test_a_kind_not_in_view_is_searched_not_added_from_the_list(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("what yoga mat would you recommend for a total beginner? under $30")
    reply = chat.say("go with the IronPeak Pro in black. and throw in a jump rope, the cheapest")
    assert chat.units() == {"P0181": 1}
    assert "$7.99" in reply.text  # the cheapest rope, shown first
    chat.say("blue for the rope")
    assert chat.units() == {"P0181": 1, "P0172": 1}


@pytest.mark.slow
def test_a_colour_a_kind_does_not_come_in_shows_nothing_else(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("black curtains please")
    assert reply.products == []
    assert "Curtains come in" in reply.text and "olive" in reply.text


@pytest.mark.slow
def test_a_review_question_about_two_products_answers_for_each(demo_assistant) -> None:
    reply = Chat(demo_assistant).say(
        "do reviews say the Drift Air S or the Oakhaven One X sleeps hot?"
    )
    assert {"P0149", "P0167"} <= set(reply.products)
    assert "R01505" in reply.text  # «Too hot to sleep under.»


@pytest.mark.slow
def test_a_decision_by_brand_beats_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("Sonara Prime 2 or Bassline Wave?")
    chat.say("is the Bassline one any good?")
    chat.say("Sonara then, rose gold, she'll love it")
    assert chat.units() == {"P0003": 1}


@pytest.mark.slow
def test_a_name_after_a_search_with_its_version_adds_that_version(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("some running shorts, medium, black")
    chat.say("the Kestrel Sport 200 ones")
    cart = demo_assistant.commerce.get_cart(chat.session)
    assert [(line.product_id, line.options) for line in cart.lines] == [
        ("P0262", {"size": "M", "colour": "black"})
    ]


@pytest.mark.slow
def test_figures_and_stock_over_the_right_products(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("what are your cheapest sleeping bags? need one for each of my 3 kids")
    assert reply.products[0] == "P0065"  # a sleeping bag, not a tote bag
    reply = chat.say("what's the best reviewed camping stove you sell?")  # beside the bags
    assert reply.products[0] == "P0081"
    reply = chat.say("how many have you got left?")
    assert "1 in stock" in reply.text and "P0081" in reply.text


@pytest.mark.slow
def test_refusals_cite_the_rule_they_follow(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("can you check my husband's order too? his email's tom@example.com")
    assert "privacy.who-can-see-your-purchases" in {c.id for c in reply.citations}
    reply = chat.say("my whole team wants one lol. what's the most I can order of one thing?")
    assert "orders.quantity-limits" in {c.id for c in reply.citations}
