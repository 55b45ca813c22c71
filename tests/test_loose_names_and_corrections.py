"""Loose names, corrections and the QA mix (the thirtieth round's blind writers): «is the
second one waterproof» asks reviews about water, not about «second one»; «a gift for my
brother who is into fishing» says plainly that nothing is made for fishing; «and the same
in M for me» adds the M; «an 8-year-old»."""

from __future__ import annotations

import pytest

from assistant.conversation.answers.ages import child_age
from assistant.conversation.answers.needs import told_interest
from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.sure_acts import checked
from tests.test_phrasing import Chat

RAIN_JACKET = "P0254"  # Northwind Trail 2, L and M in olive
NOVA_X_POLES, BASSLINE_ONE, THREADWELL_TEE = "P0082", "P0001", "P0277"
FLEXA_DUMBBELLS, FLEXA_PINK_BANDS = "P0176", "P0171"
BEAN_REPUBLIC_COLD_BREW, ECHOFOX_SPEAKER = "P0307", "P0015"
CAR_MOUNT, CLEARWELL_SUNSCREEN = "P0201", "P0138"


@pytest.mark.parametrize(
    ("said", "interest"),
    [
        ("gift for my brother who is into fishing", "fishing"),
        ("looking for a gift for my mum, she likes gardening, budget 40", "gardening"),
        ("present for my dad who camps a lot", "camping"),
        ("a gift for my wife", None),
    ],
)
def test_the_interest_a_gift_is_for(said: str, interest: str | None) -> None:
    assert told_interest(said) == interest


@pytest.mark.parametrize(
    ("said", "called"),
    [
        ("for my 8 year old", "an 8-year-old"),
        ("my 6 yo", "a 6-year-old"),
        ("11 years old", "an 11-year-old"),
    ],
)
def test_a_child_is_called_with_the_right_article(said: str, called: str) -> None:
    assert child_age(said)[1] == called


@pytest.mark.parametrize(
    "said", ["and the same in M for me", "same one in blue too", "ok the same in size 9 as well"]
)
def test_the_same_in_another_version_is_an_add(said: str) -> None:
    assert checked(Request(said, "compare", 0.4)).act == "add"


def test_a_position_is_no_words_to_find_in_reviews(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("ok show me hiking backpacks")
    reply = chat.say("is the second one waterproof")
    assert "Best answer" in reply.text
    # a review saying «Second one I've owned» shares only the words that picked the product
    assert "Second one I've owned" not in reply.text


def test_a_gift_for_an_interest_we_do_not_sell_for(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("gift for my brother who is into fishing")
    assert "made specifically for fishing" in reply.text
    categories = {
        demo_assistant.services.catalogue.products[pid].category for pid in reply.products
    }
    assert len(categories) > 1  # ideas from several aisles, not the toys «gift» is near


def test_the_same_in_another_size_adds_that_size(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("i want a rain jacket for my husband, size L, not more than 80")
    chat.say("add that")
    chat.say("and the same in M for me")
    cart = demo_assistant.commerce.get_cart(chat.session)
    catalogue = demo_assistant.services.catalogue
    sizes = sorted(
        variant.options["size"]
        for line in cart.lines
        for variant in catalogue.products[RAIN_JACKET].variants
        if variant.id == line.variant_id and line.qty == 1
    )
    assert sizes == ["L", "M"] and len(cart.lines) == 2


@pytest.mark.parametrize(
    ("said", "ceiling"),
    [
        ("need some noise cancelling headphones, not spending more than 70", 7000),
        ("headphones, not paying over 50 bucks", 5000),
    ],
)
def test_not_spending_more_than_is_a_ceiling(said: str, ceiling: int) -> None:
    from assistant.search.filters import FilterVocabulary
    from assistant.search.parsing import parse_query

    assert parse_query(said, FilterVocabulary()).filters.max_price_minor == ceiling


@pytest.mark.parametrize(
    ("said", "scratches"),
    [
        ("oops undo that, didnt mean to add the poles", True),
        ("sorry, didn't mean to add that", True),
        ("i didnt mean to add the blue one, i wanted red", False),  # a swap, said with its aim
        ("sorry scratch that, 2 not 3, he already has a pair", False),  # a count
    ],
)
def test_an_add_not_meant_is_scratched(said: str, scratches: bool) -> None:
    from assistant.conversation.understanding.putting_back import SCRATCH_ADDED

    assert bool(SCRATCH_ADDED.search(said)) is scratches


def test_an_add_not_meant_comes_out_again(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the nova x trekking poles")  # a model and its kind name one product
    assert chat.units() == {NOVA_X_POLES: 1}
    chat.say("oops undo that, didnt mean to add the poles")
    assert chat.units() == {}


def test_a_count_corrected_beside_a_pair_owned(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add 3 bassline one headphones in navy")
    chat.say("sorry scratch that, 2 not 3, he already has a pair")
    assert chat.units() == {BASSLINE_ONE: 2}
    chat.say("scratch that, keep it at 1")
    assert chat.units() == {BASSLINE_ONE: 1}


def test_a_size_it_does_not_come_in_is_refused_not_swapped(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("slim chinos in navy, size M?")
    chat.say("do the urbanloom trail x ones run small?")
    reply = chat.say("ok i'll size up then, add them in navy L")
    assert chat.units() == {}
    assert "does not come in size L." in reply.text  # the L alone: it does come in navy


def test_delivery_days_and_which_colours_are_facts(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("ridgeline pro s headlamp")
    assert "delivery in 4 days" in chat.say("how many days till it gets here").text
    chat = Chat(demo_assistant)
    chat.say("hey do u have those baseline noise cancelling headphones")
    reply = chat.say("which colours of them are actually in stock right now")
    assert "colours in stock: black, navy, green" in reply.text


def test_the_quickest_of_a_kind_is_among_all_of_it(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("which hiking backpack ships the fastest")
    assert "NorthTrail Edge 600 Hiking Backpack [P0080], delivery in 3 days" in reply.text


def test_it_with_nothing_in_view_asks_which(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("is it in stock in olive")
    assert reply.text.startswith("Which product do you mean?") and not reply.products


def test_half_a_dozen_of_those_adds_six(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("the threadwell max s organic tee, got olive in XL?")
    chat.say("half a dozen of those")
    assert chat.units() == {THREADWELL_TEE: 6}


def test_another_kind_of_the_brand_is_not_the_one_in_view(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the flexa wave 2 adjustable dumbbells in pink")
    chat.say("and a flexa resistance band set too, also pink")  # two sets; one comes in pink
    assert chat.units() == {FLEXA_DUMBBELLS: 1, FLEXA_PINK_BANDS: 1}


def test_a_version_said_picks_the_one_of_two_sold_in_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("bean republic cold brew, got the 1kg ground?")
    assert set(reply.products) == {"P0289", BEAN_REPUBLIC_COLD_BREW}  # not a decaf «ground»
    chat.say("eh ok, 3 of the 1kg ground")
    assert chat.units() == {BEAN_REPUBLIC_COLD_BREW: 3}


def test_meant_the_other_one_by_name_trades(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("compare the sonara edge speaker with the echofox one 2 speaker")
    chat.say("ok add the cheaper one, in black")
    chat.say("no no i meant the other one, the echofox")
    assert chat.units() == {ECHOFOX_SPEAKER: 1}


def test_an_add_said_after_a_remark_adds(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say(
        "oh i guess it didnt go through. add the Chargewell Studio 200 car mount for galaxy s24"
    )
    assert chat.units() == {CAR_MOUNT: 1}


def test_another_one_for_a_place_is_one_more(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the clearwell lite x sunscreen, 50ml")
    chat.say("actually add another one, one for the beach bag")  # a purpose, not a bag
    assert chat.units() == {CLEARWELL_SUNSCREEN: 2}


# The review's mends: everyday words are no model, a correction is no undo, a pair one
# will have is one, a question is no count, another kind is searched, battery days are no
# delivery, the choices of a refusal keep the colour said


@pytest.fixture(scope="module")
def mentions():
    from assistant.catalogue.loader import load_catalogue
    from assistant.search.mentions import ProductMentions
    from assistant.settings import DEMO_CATALOGUE

    return ProductMentions(load_catalogue(DEMO_CATALOGUE)[0])


@pytest.mark.parametrize(
    ("said", "named"),
    [
        ("add the nova x trekking poles", ["P0082"]),
        ("i want a pro hiking backpack", []),  # «pro» is a word here, not a name
        ("i need an edge headlamp", []),
        ("add the bassline pro headphones", []),  # no Bassline Pro: never Quietude's
    ],
)
def test_a_model_and_its_kind_said_as_a_name(mentions, said: str, named: list[str]) -> None:
    assert [m.product_id for m in mentions.find(said)] == named


@pytest.mark.parametrize(
    "said",
    [
        "i didn't want that colour, can i get it in red",
        "i didnt want that many, just two",
        "i didn't want that size",
    ],
)
def test_a_correction_is_no_undo(said: str) -> None:
    from assistant.conversation.understanding.putting_back import SCRATCH_ADDED

    assert not SCRATCH_ADDED.search(said)


@pytest.mark.parametrize(
    ("said", "taken_back"),
    [
        ("no wait, just the one. sorry", True),
        ("wait, just one question: is it waterproof?", False),
        ("hang on, only one thing - how long is delivery?", False),
    ],
)
def test_a_count_taken_back_is_no_question(said: str, taken_back: bool) -> None:
    from assistant.conversation.understanding.express import _COUNT_TAKEN_BACK

    assert bool(_COUNT_TAKEN_BACK.search(said)) is taken_back


@pytest.mark.parametrize(
    ("said", "heard", "act"),
    [
        ("which colours of them are actually in stock right now", "refine", "product_question"),
        ("what colours do you have in running shorts?", "search", "search"),
        ("what sizes have you got in the rain jackets", "search", "search"),
        ("oops didnt mean to add the poles", "add", "remove"),
    ],
)
def test_which_versions_and_not_meant_adds(said: str, heard: str, act: str) -> None:
    assert checked(Request(said, heard, 0.6)).act == act


def test_battery_days_are_no_delivery() -> None:
    from assistant.catalogue.loader import load_catalogue
    from assistant.conversation.answers.facts import product_facts
    from assistant.settings import DEMO_CATALOGUE

    headlamp = load_catalogue(DEMO_CATALOGUE)[0].products["P0069"]
    said = "how many days does the battery last before it needs charging"
    assert not any("delivery" in fact for fact in product_facts(headlamp, said, {}))


def test_an_age_is_no_size() -> None:
    from assistant.search.filters import FilterVocabulary
    from assistant.search.parsing import parse_query

    said = "a gift for my niece, she's an 8 year old who loves puzzles"
    assert parse_query(said, FilterVocabulary()).filters.size is None


def test_a_pair_one_will_have_is_one_pair(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("trailhawk classic s running shoes")
    chat.say("i'll have a pair in size 10")
    assert chat.units() == {"P0035": 1}


def test_not_meant_to_add_never_adds(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("oops didnt mean to add the poles")
    assert chat.units() == {}


def test_a_refusal_keeps_the_colour_said(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("the urbanloom trail x slim fit chinos")
    reply = chat.say("ok add them in navy L")
    assert "does not come in size L. Choices (each $74.99): XS, navy; S, navy; M, navy." in (
        reply.text
    )
