"""Shoppers typing on a phone: a mind changed inside one message («orange. no wait blue»),
the size someone wears said as a person («shes a small»), a conditional asked without its
«?» («if they dont fit can she swap for a M») that must change nothing."""

from __future__ import annotations

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.conversation.understanding.mind_changes import MindChanges
from assistant.search.filters import FilterVocabulary
from assistant.search.parsing import parse_query
from assistant.settings import DEMO_CATALOGUE
from tests.test_phrasing import Chat

CATALOGUE = load_catalogue(DEMO_CATALOGUE)[0]
VOCABULARY = FilterVocabulary.from_catalogue(CATALOGUE)


@pytest.mark.parametrize(
    ("said", "settled"),
    [
        ("the fleetfoot ones, orange. no wait blue", "the fleetfoot ones, blue"),
        ("add the blue one in M. sorry i mean L", "add the blue one in L"),
        ("add 2 of them, no wait 3", "add 3 of them"),
        ("i want the rose gold one. no wait black", "i want the black one"),
        # nothing of the same kind before it, or no value after it: left as said
        ("add the blue one. no wait 2", "add the blue one. no wait 2"),
        ("the kettle. actually whats the price", "the kettle. actually whats the price"),
        ("actually make that 3", "actually make that 3"),
    ],
)
def test_a_mind_changed_inside_a_message_keeps_what_was_settled(said, settled) -> None:
    assert MindChanges(CATALOGUE).settled(said) == settled


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("running shorts for my gf, shes a small, under 40", "s"),
        ("trail shoes, i wear a 9", "9"),
        ("a tshirt, he is usually an L", "l"),
        ("im a big fan of hiking", None),
        ("she is a beginner", None),
    ],
)
def test_the_size_someone_wears_is_a_size(text, size) -> None:
    assert parse_query(text, VOCABULARY).filters.size == size


@pytest.mark.slow
def test_a_corrected_colour_is_the_one_added(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("trail runners for muddy stuff, size 7, under 120")
    chat.say("the fleetfoot ones, orange. no wait blue")
    lines = demo_assistant.commerce.get_cart(chat.session).lines
    assert [(line.product_id, line.options.get("colour")) for line in lines] == [("P0050", "blue")]


@pytest.mark.slow
@pytest.mark.parametrize(
    "asked",
    ["if they dont fit can she swap for a M", "if theyre too small can u just swap for a 9"],
)
def test_a_conditional_swap_typed_without_a_question_mark_changes_nothing(
    demo_assistant, asked
) -> None:
    chat = Chat(demo_assistant)
    chat.say("running shorts for my gf, shes a small, under 40")
    chat.say("the kestrel ones in olive")
    before = chat.units()
    reply = chat.say(asked)
    assert chat.units() == before, reply.text
    assert any(citation.kind == "policy" for citation in reply.citations), reply.text


@pytest.mark.slow
def test_the_only_version_in_stock_of_those_said_is_added_and_said(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("strategy board games under 70")
    reply = chat.say("add the zoomkid core 2")  # standard sold out, deluxe in stock
    lines = demo_assistant.commerce.get_cart(chat.session).lines
    assert [(line.product_id, line.options["edition"]) for line in lines] == [("P0238", "deluxe")]
    assert "Only the deluxe one is in stock" in reply.text


@pytest.mark.slow
def test_the_cheapest_of_those_is_the_cheapest_one_can_buy_now(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("strategy board games under 70")
    # the Zoomkid's $22.99 version is sold out: the $24.99 Meeple House is the cheapest
    chat.say("add the cheapest of those")
    assert chat.units() == {"P0226": 1}


@pytest.mark.slow
def test_cheapest_after_a_search_stays_with_the_kind_searched(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("strategy board games under 70")
    reply = chat.say("cheapest?")
    assert "P0226" in reply.products and "P0230" not in reply.products, reply.text  # no card game


@pytest.mark.slow
def test_is_it_free_after_a_shipping_question_asks_about_shipping(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("need wirless earbuds nothing over 40 bucks")
    chat.say("the auralpeak ones ok add em. silver")
    reply = chat.say("how long does shipping take and is it free")
    assert "3 days" in reply.text and "4.99" in reply.text, reply.text
    assert "shipping.shipping-costs" in [citation.id for citation in reply.citations]


@pytest.mark.slow
def test_an_amount_said_is_measured_against_free_shipping(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("i have like 45 in my cart how much more for free shipping")
    assert "$5.00" in reply.text and "4.99" in reply.text, reply.text


@pytest.mark.slow
def test_a_budget_said_as_nothing_over_is_no_kind_we_lack(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("need wirless earbuds nothing over 40 bucks")
    assert "don't sell" not in reply.text and reply.products[0] == "P0008", reply.text


@pytest.mark.slow
def test_cheapest_u_got_lists_cheapest_first_and_a_colour_then_picks_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("and a jump rope, cheapest u got")
    assert "don't sell" not in reply.text and reply.products[0] == "P0172", reply.text
    chat.say("purple")
    assert chat.units() == {"P0172": 1}


def test_phone_shorthand_is_read_in_full() -> None:
    from assistant.conversation.understanding.shorthand import in_full

    assert in_full("how many ppl can play") == "how many ppl can play"  # learnt as written
    assert in_full("need it by tmrw thx") == "need it by tomorrow thanks"
    assert in_full("the apples w/o bruises") == "the apples without bruises"
    assert in_full("a brnd new bcause") == "a brnd new bcause"  # only whole shorthand words


@pytest.mark.slow
@pytest.mark.parametrize(
    ("said", "cites"),
    [
        ("kk what categories do u have", "catalogue.categories"),
        ("do the brands see who buys their stuff? i dont want spam", "privacy.sellers"),
        ("can half go to his place and half to mine", "shipping.what-we-do-not-offer"),
    ],
)
def test_shop_questions_as_phone_shoppers_ask_them(demo_assistant, said, cites) -> None:
    reply = Chat(demo_assistant).say(said)
    assert cites in [citation.id for citation in reply.citations], reply.text


@pytest.mark.slow
def test_another_rope_is_one_more_of_the_cart_line_it_names(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("looking for a jump rope, nothing over 15")
    chat.say("the ironpeak go one in green")
    chat.say("and resistance bands, the zenmotion pro 2")
    chat.say("wait add another rope")
    assert chat.units() == {"P0178": 2, "P0177": 1}


@pytest.mark.slow
def test_the_cheaper_version_answers_which_one(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("remote control car for my 5 yo under 40")
    chat.say("add the playwise classic one")  # standard or deluxe?
    chat.say("the cheaper version")
    lines = demo_assistant.commerce.get_cart(chat.session).lines
    assert [(line.product_id, line.options["edition"]) for line in lines] == [("P0251", "standard")]


@pytest.mark.slow
def test_stars_legit_or_bots_weighs_the_reviews(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("the blade & bowl one pour over has 4.8 stars, legit or bots?")
    assert "burst" in reply.text and "P0104" in reply.products, reply.text


@pytest.mark.slow
def test_a_phone_one_owns_is_no_kind_we_lack(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("got a pixel 9, need a braided charging cable")
    assert "don't sell" not in reply.text and reply.products, reply.text


@pytest.mark.slow
def test_a_question_about_that_after_a_list_is_answered_once_when_all_agree(
    demo_assistant,
) -> None:
    chat = Chat(demo_assistant)
    chat.say("looking for a jump rope")
    reply = chat.say("whats the return window on that")
    assert reply.text.startswith("All 5 of them: returns accepted within 30 days"), reply.text


@pytest.mark.parametrize(
    ("text", "colour"),
    [
        ("green tea", None),
        ("a vegan night cream for my mum", None),
        ("a night cream in cream colour", "cream"),
        ("black headphones", "black"),
    ],
)
def test_a_colour_word_in_a_name_is_no_colour_asked(text, colour) -> None:
    assert parse_query(text, VOCABULARY).requested.colour == colour


@pytest.mark.slow
def test_swap_it_for_a_brand_shown_trades_for_that_product(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("sonara prime 2 speaker vs the bassline wave speaker which is better")
    chat.say("add the cheaper of those in green")
    assert chat.units() == {"P0009": 1}
    chat.say("ok swap it for the sonara in navy")  # two Sonara speakers; one was shown
    assert chat.units() == {"P0003": 1}


@pytest.mark.slow
def test_the_brand_one_said_with_a_fact_is_the_shown_one_with_that_fact(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("chefs knife under 100 that stays sharp")  # two Blade & Bowl knives among them
    reply = chat.say("what about the ceramic blade & bowl one")
    assert "P0099" in reply.products and "P0104" not in reply.products, reply.text
