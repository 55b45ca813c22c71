"""Short follow-ups over what was just shown or bought: «loud?» beside two, «do any of
those run small?», «nah 2», «2 of em», a brand said by its first word."""

from __future__ import annotations

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.search.mentions import ProductMentions
from assistant.settings import DEMO_CATALOGUE
from tests.test_phrasing import Chat


@pytest.fixture(scope="module")
def mentions() -> ProductMentions:
    return ProductMentions(load_catalogue(DEMO_CATALOGUE)[0])


def test_a_brand_said_by_its_first_word_counts_whole(mentions) -> None:
    found = mentions.find("nimbus classic s vs bassline one, which blocks more noise")
    assert [mention.product_id for mention in found] == ["P0019", "P0001"]


@pytest.mark.slow
def test_an_aspect_beside_two_compared_is_answered_for_each(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("verano sport 200 vs kitchencraft lite blender")
    reply = chat.say("loud?")
    cited = {citation.id for citation in reply.citations}
    assert {"P0096", "P0089"} <= set(reply.products) or {"P0096", "P0089"} <= cited, reply.text
    assert reply.text.count("reviews of") == 2


@pytest.mark.slow
def test_any_of_those_asks_the_reviews_of_each_shown(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("show me running shoes")
    reply = chat.say("do any of those run small? im between sizes")
    assert reply.intent == "review_question" and reply.text.count("reviews of") >= 3, reply.text


@pytest.mark.slow
def test_a_bare_count_after_an_add_sets_the_quantity(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("voltedge braided usb c cable")
    chat.say("iphone 16 one x3")
    chat.say("nah 2")
    assert chat.units() == {"P0214": 2}
    pillow = Chat(demo_assistant)
    pillow.say("softnest aero 600 pillow")
    pillow.say("navy king")
    pillow.say("2 of em")
    assert pillow.units() == {"P0142": 2}


@pytest.mark.slow
def test_fastest_after_a_delivery_question_asks_the_shop(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("next day delivery?")
    reply = chat.say("fastest then")
    assert "shipping.delivery-times" in [citation.id for citation in reply.citations], reply.text


@pytest.mark.slow
def test_two_products_joined_by_a_plus_are_both_added(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("pulsefit sport rope black + flexa zen x roller")
    assert chat.units() == {"P0196": 1, "P0185": 1}
    chat.say("2 ropes")
    assert chat.units() == {"P0196": 2, "P0185": 1}


@pytest.mark.slow
def test_which_do_reviews_like_more_names_the_better_rated(demo_assistant) -> None:
    reply = Chat(demo_assistant).say(
        "hearth & linen prime 300 vs oakhaven studio 2, which do reviews like more"
    )
    assert "Reviewers rate Hearth & Linen Prime 300 Memory Foam Pillow [P0160] highest" in (
        reply.text
    )
    assert any(citation.kind == "review" for citation in reply.citations)


@pytest.mark.slow
def test_a_recommendation_for_a_health_condition_says_ask_a_professional(demo_assistant) -> None:
    reply = Chat(demo_assistant).say(
        "i slipped a disc last year, which dumbbells are safe for my back?"
    )
    assert "not medical advice" in reply.text and reply.products


@pytest.mark.slow
def test_it_is_the_product_in_focus_even_beside_a_list(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("something for my dad who camps a lot, he honestly has everything. under 50 ideally")
    chat.say("the wildpine go water bottle, what colours does it come in")
    chat.say("get it in olive")  # the sleeping bag shown before also comes in olive
    assert chat.units() == {"P0084": 1}
    coffee = Chat(demo_assistant)
    coffee.say("just got a french press and have no clue what coffee to buy, i hate bitter stuff")
    coffee.say("what roast is the roastery 9 lite whole bean")
    asked = coffee.say("is it only ground? i wanted beans")  # «beans» is no Bean Republic
    assert "Roastery 9 Lite Whole Bean Coffee [P0281]" in asked.text, asked.text
    coffee.say("fine, 1kg")
    assert coffee.units() == {"P0281": 1}


@pytest.mark.slow
def test_that_with_a_listed_name_is_the_listed_one_not_the_focus(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("compare the verano flow electric kettle and the hearthstone wave 2 chef's knife")
    chat.say("what is the knife made of")  # the knife is in focus now
    reply = chat.say("ok add that kettle in black, small")
    assert chat.units() == {"P0095": 1}, reply.text


@pytest.mark.slow
def test_a_version_added_is_not_carried_to_another_product(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the atlas & oak wave x packing cubes in navy")
    reply = chat.say("add the sonara prime 2 bluetooth speaker")
    assert "P0003" not in chat.units() and "?" in reply.text, reply.text


@pytest.mark.slow
def test_add_it_after_a_pick_that_needed_a_choice_still_adds(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("softnest aero 600 pillow navy")  # a pick, but which size?
    assert not chat.units()
    chat.say("add it in queen")
    assert chat.units() == {"P0142": 1}


def test_a_misspelt_brand_before_its_models_one_still_names_it(mentions) -> None:
    found = mentions.find("add the basline one headphones in black")
    assert [mention.product_id for mention in found] == ["P0001"]  # Bassline One
    assert mentions.find("the cheapest one") == []


def test_a_numbered_list_names_each_product(mentions) -> None:
    found = mentions.find("which is better for the beach: 1) sonara edge speaker 2) echofox one 2")
    assert [mention.product_id for mention in found] == ["P0021", "P0015"]


@pytest.mark.slow
def test_compare_it_with_a_named_one_compares_the_focus(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("nimbus audio classic s headphones say 40h battery, is that honest?")
    reply = chat.say("compare it with the bassline one headphones")
    assert reply.intent == "compare" and {"P0019", "P0001"} <= set(reply.products), reply.text
    assert "P0019" in chat.say("which is cheaper").text  # $59.00 against $60.49


@pytest.mark.slow
def test_hows_the_feature_and_a_childs_age_are_about_the_focus(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("can ppl hear u ok on calls w the bassline one headphones?")
    assert chat.say("hows the noise cancelling").intent == "review_question"
    assert "3.5 mm cable" in chat.say("does it have bluetooth or just cable").text
    chat = Chat(demo_assistant)
    chat.say("show me the playwise studio remote control car")
    assert "12+" in chat.say("is it ok for my 7 yr old?").text


def test_the_age_cue_reads_year_olds_but_not_an_old_phone() -> None:
    import re

    from assistant.conversation.answers.fact_words import ATTRIBUTE_WORDS

    age = re.compile(ATTRIBUTE_WORDS["age"], re.I)
    assert age.search("is it ok for 6 year olds") and age.search("ok for my 7 yr old?")
    assert not age.search("will it fit my old phone")


@pytest.mark.slow
def test_a_verdict_then_what_about_asks_the_same_question_of_another(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("how long does the NorthTrail One 300 sleeping bag take to get here?")
    reply = chat.say("too slow. what about the summit supply flow x one")
    assert "P0065" in reply.products and "3 days" in reply.text, reply.text
    assert "slow" not in reply.text.lower(), reply.text  # not «what reviews say about slow»


@pytest.mark.slow
def test_several_named_products_held_to_a_seller_filter(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("show me vitamin c serums from vetted sellers instead")
    products = [demo_assistant.services.catalogue.products[pid] for pid in reply.products]
    assert products and all(p.seller.vetting == "vetted" for p in products), reply.text


@pytest.mark.slow
def test_a_decision_names_the_pick_and_it_is_no_reference(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("KitchenCraft Nova Air Fryer or Blade & Bowl Sport S Air Fryer, which is better?")
    chat.say("what do people complain about with the KitchenCraft one?")
    chat.say("right, Blade & Bowl it is. green, medium size")
    assert chat.units() == {"P0112": 1}


@pytest.mark.slow
def test_the_better_one_is_the_better_rated_of_those_compared(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("Roamly Wave 2 or Atlas & Oak Wave X packing cubes, which is better reviewed?")
    chat.say("add the better one in olive")
    assert chat.units() == {"P0325": 1}  # the better rated of the two


@pytest.mark.slow
def test_an_add_popped_in_then_a_question_runs_both(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say(
        "pop the Voyagr Nova 900 Packing Cubes Set in my cart, and how long does delivery take?"
    )
    assert chat.units() == {"P0313": 1} and "3 days" in reply.text, reply.text


@pytest.mark.slow
def test_a_battery_that_lasts_is_no_last_one(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say(
        "compare the Sonara Prime 2 Bluetooth Speaker and the Sonara Prime 200 Wired Studio "
        "Headphones"
    )
    reply = chat.say("how long does the battery last on the speaker?")
    assert reply.products[:1] == ["P0003"] and "8 hours" in reply.text, reply.text
