"""Shoppers typing on a phone in a hurry: a name with a count and a version is an order,
«add X too so …» adds whatever the why, plurals of title words, irregular review words."""

from __future__ import annotations

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.conversation.understanding.slots import count_beside_name
from assistant.search.aspect_families import family_label
from assistant.settings import DEMO_CATALOGUE
from tests.test_phrasing import Chat

PRODUCTS = load_catalogue(DEMO_CATALOGUE)[0].products


@pytest.mark.parametrize(
    ("product_id", "text", "count"),
    [
        ("P0145", "drift wave 900 towel set pink queen x2", 2),
        ("P0320", "2 kestrel travel wave 2 totes navy", 2),  # the title's own 2 is no count
        ("P0006", "the auralpeak wave s, 2 in rose gold", 2),
        ("P0185", "flexa zen x foam roller, 3 pls", 3),
        ("P0320", "kestrel travel wave 2 tote navy", None),
        ("P0163", "ok whatever. 2 softnest go x towel sets olive queen", 2),
    ],
)
def test_a_count_said_beside_a_name_is_read_and_taken_out(product_id, text, count) -> None:
    rest, found = count_beside_name(PRODUCTS[product_id], text)
    assert found == count
    assert (rest == text) == (count is None)


def test_an_option_value_or_the_first_title_word_is_no_count() -> None:
    shoe = next(p for p in PRODUCTS.values() if "9" in p.options_by_name().get("size", []))
    assert count_beside_name(shoe, "9 red")[1] is None  # size 9


@pytest.mark.parametrize(
    ("question", "family"),
    [
        ("does it shrink", "shrinking"),
        ("does the northtrail one leak in rain", "keeping water out"),
        ("the clearwell one does it work", "whether it works"),
        ("is it noise cancelling", None),
    ],
)
def test_questions_in_words_reviewers_do_not_use_find_their_family(question, family) -> None:
    assert family_label(question) == family


@pytest.mark.slow
def test_a_name_with_a_version_and_a_count_is_an_order(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("drift wave 900 towel set pink queen x2")
    assert [(line.product_id, line.qty) for line in reply.cart.lines] == [("P0145", 2)]
    reply = Chat(demo_assistant).say("2 softnest go x towel sets olive queen")  # «sets»
    assert [(line.product_id, line.qty) for line in reply.cart.lines] == [("P0163", 2)]
    reply = Chat(demo_assistant).say("the auralpeak wave s, 2 in rose gold")
    assert [(line.product_id, line.qty) for line in reply.cart.lines] == [("P0006", 2)]
    # without a version it is still only a name: shown, not bought
    reply = Chat(demo_assistant).say("drift wave 900 towel set x2")
    assert reply.cart.lines == [] or reply.text.count("?") >= 1


@pytest.mark.slow
def test_add_with_a_reason_beside_a_pending_summary_adds(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("2 kestrel travel wave 2 totes navy")
    assert chat.say("checkout").pending_checkout
    reply = chat.say("hmm add the atlas & oak wave x packing cubes navy too so shipping is free")
    assert {line.product_id for line in reply.cart.lines} == {"P0320", "P0325"}, reply.text
    # asked, it is a question: the cart stays
    reply = chat.say("would adding the voyagr packing cubes make shipping free?")
    assert {line.product_id for line in reply.cart.lines} == {"P0320", "P0325"}, reply.text


@pytest.mark.slow
def test_also_one_in_another_version_is_a_second_line(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add urbanloom studio 600 tee in M olive")
    chat.say("does it shrink")
    reply = chat.say("also one in S red")
    assert len(reply.cart.lines) == 2, reply.text
    reply = chat.say("remove the olive one")
    assert len(reply.cart.lines) == 1, reply.text


@pytest.mark.slow
def test_how_fast_it_comes_is_its_delivery(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("northtrail plus x ultralight tent")
    reply = chat.say("how fast do they come")
    assert "delivery in 4 days" in reply.text, reply.text


@pytest.mark.slow
def test_a_name_word_of_a_shown_product_with_its_version_is_a_pick(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("blackout curtains then lol under 35")
    reply = chat.say("the hearth & linen ones in pink king")
    assert [line.product_id for line in reply.cart.lines] == ["P0156"], reply.text


@pytest.mark.slow
def test_other_ones_of_its_kind_are_a_search_not_the_product_in_focus(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("copperline air s blender")  # sold out
    reply = chat.say("other blenders in stock?")
    products = [demo_assistant.services.catalogue.products[pid] for pid in reply.products]
    assert products and "P0110" not in reply.products, reply.text
    assert all(p.in_stock and "Blender" in p.title for p in products), reply.text
    chat = Chat(demo_assistant)
    chat.say("copperline air s blender")
    reply = chat.say("do other people find it loud")  # its reviews, not other products
    assert "Copperline Air S Blender [P0110]" in reply.text and "noise" in reply.text, reply.text


@pytest.mark.slow
def test_a_better_rated_one_is_rated_higher_than_the_product_in_focus(demo_assistant) -> None:
    catalogue = demo_assistant.services.catalogue
    chat = Chat(demo_assistant)
    chat.say("does the luma skin sport vitamin c serum fade dark spots")  # 2.6 stars
    reply = chat.say("ugh. whats a better rated vit c serum")
    focus = catalogue.products["P0117"]
    assert reply.products and "P0117" not in reply.products, reply.text
    assert all(catalogue.products[pid].rating > focus.rating for pid in reply.products)
    assert reply.text.startswith("Rated higher than"), reply.text


@pytest.mark.slow
def test_the_brand_one_beside_a_list_is_the_shown_product_of_that_brand(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("leather crossbody bag under 100")
    # "one" here stands for the bag, not for the «One» in other Atlas & Oak titles
    reply = chat.say("the atlas & oak one in beige")
    assert [line.product_id for line in reply.cart.lines] == ["P0335"], reply.text


@pytest.mark.slow
def test_changing_the_address_of_a_placed_order_gets_the_rule(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the blade & bowl classic chef knife small white")
    chat.say("checkout")
    assert chat.say("yes").orders
    reply = chat.say("oops can i change the delivery address on it")
    assert "cannot be changed" in reply.text and "cancel" in reply.text, reply.text


@pytest.mark.parametrize(
    ("product_id", "text"),
    [
        ("P0301", "9 prime s cold brew concentrate 250 g ground"),  # Roastery 9 Prime S …
        ("P0145", "900 towel set pink queen"),  # Drift Wave 900 …
    ],
)
def test_a_number_of_the_name_is_no_count(product_id, text) -> None:
    assert count_beside_name(PRODUCTS[product_id], text)[1] is None


def test_a_number_before_a_unit_or_inches_is_no_count() -> None:
    from assistant.conversation.understanding.slots import extract_quantity

    kyoto = next(p for p in PRODUCTS.values() if p.title.startswith("Kyoto Garden Go X"))
    assert count_beside_name(kyoto, "kyoto garden go x 500 g whole bean")[1] is None
    assert extract_quantity("add the frame, 8 in by 10 in") is None
    assert extract_quantity("add the monitor, 27 in") is None
    assert extract_quantity("add it, 2" + " " * 3000 + "a") is None  # and no slow backtracking


def test_the_rule_words_do_not_catch_what_is_no_order_change_or_delivery() -> None:
    from assistant.conversation.answers.fact_words import FACT_CUES
    from assistant.conversation.understanding.shop_words import ORDER_EDIT

    assert ORDER_EDIT.search("oops can i change the delivery address on it")
    assert not ORDER_EDIT.search("change it to red, same delivery address as last time")
    delivery = next(pattern for pattern, name in FACT_CUES if name == "delivery")
    assert delivery.search("how fast do they come")
    assert not delivery.search("how fast does it get the ice crushed")


@pytest.mark.slow
@pytest.mark.parametrize(
    "said",
    [
        "add gift wrap to the bassline urban 2 wired studio headphones",
        "chuck the bassline urban 2 wired studio headphones, they look cheap",
        "put the quietude plus true wireless earbuds in the wash by accident, do they still work",
        "add my review: the bassline urban 2 wired studio headphones broke after a week",
    ],
)
def test_remarks_that_open_with_a_cart_verb_change_no_cart(demo_assistant, said) -> None:
    reply = Chat(demo_assistant).say(said)
    assert reply.cart.lines == [], reply.text


@pytest.mark.slow
def test_a_remark_about_another_version_adds_no_line(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add urbanloom studio 600 tee in M olive")
    reply = chat.say("also the red looks nicer in the photos")
    assert len(reply.cart.lines) == 1, reply.text


@pytest.mark.slow
def test_other_reviews_and_other_than_are_no_new_search(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("copperline air s blender")
    reply = chat.say("what do other reviews say about the noise")
    assert "Copperline Air S Blender [P0110]" in reply.text, reply.text
