"""The forty-eighth round: cart corrections that must never lose what was asked («and one more
for their cousin» adds, «actually drop 2 of them» takes two out, «remove the XL, i only want the
M» keeps the M, «i meant 2 red galaxy and 1 clear iphone 15» splits the line, «put it back as
medium» puts it back in medium, «no wait, the coreforge one, green» trades the line); namesakes
told apart by the version said («copperline skillet red medium»); «one for me and one for each
of my 2 kids» is three; «how many u got» of a named version is its stock; the price of the
version asked («cheapest 1kg bag»); «would it make a nice gift?» of the one in view; and honest
answers to what the data does not say (a value quoted back, safety in pregnancy, a measurement,
a make we lack said in the plural)."""

from __future__ import annotations

import pytest

from tests.test_phrasing import Chat

RC_CAR, HOODIE, CABLE = "P0227", "P0263", "P0208"
FRYER, PAN = "P0098", "P0100"
TRACKER_ZENMOTION, TRACKER_COREFORGE = "P0186", "P0174"
SKILLET, POWER_BANK, SHORTS = "P0087", "P0205", "P0280"
HEADLAMP, CURTAINS, GEL = "P0083", "P0156", "P0118"
CHAI, GREEN_TEA, YOGA_MAT, SERUM = "P0308", "P0282", "P0175", "P0117"


@pytest.mark.slow
def test_one_more_for_their_cousin_adds_and_never_sets_the_line_to_one(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the zoomkid rc car, one for each of my 3 kids")
    assert chat.units() == {RC_CAR: 3}
    chat.say("and one more for their cousin")  # only 3 in stock: refused, the 3 kept
    assert chat.units() == {RC_CAR: 3}


@pytest.mark.slow
def test_drop_two_of_them_takes_two_out(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("copperline skillet red medium, add half a dozen, wedding gifts")
    assert chat.lines() == [(SKILLET, {"colour": "red", "capacity": "medium"}, 6)]
    chat.say("actually drop 2 of them")
    assert chat.units() == {SKILLET: 4}


@pytest.mark.slow
def test_a_removal_of_one_size_keeps_the_size_still_wanted(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("kestrel plus hoodie in XL please")
    chat.say("and a second one in M")
    chat.say("no wait, remove the XL, i only want the M")
    assert chat.lines() == [(HOODIE, {"size": "M", "colour": "navy"}, 1)]


@pytest.mark.slow
def test_a_count_for_each_of_two_versions_splits_the_line(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add 3 armorly nova 2 braided cables, red, galaxy s24")
    chat.say("sorry, I meant 2 red galaxy and 1 clear iphone 15")
    assert sorted(chat.lines(), key=lambda line: -line[2]) == [
        (CABLE, {"colour": "red", "model": "Galaxy S24"}, 2),
        (CABLE, {"colour": "clear", "model": "iPhone 15"}, 1),
    ]


@pytest.mark.slow
def test_a_line_put_back_in_another_version_and_sum_up_shows_the_cart(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add kitchencraft nova air fryer, white, medium")
    chat.say("and a verano air x frying pan, large")
    chat.say("no undo the pan")
    chat.say("wait, I just wanted it medium not large. put it back as medium pls")
    assert (PAN, {"colour": "black", "capacity": "medium"}, 1) in chat.lines()
    reply = chat.say("sum up everything")
    assert "122.99" in reply.text and reply.pending_checkout is None


@pytest.mark.slow
def test_no_wait_the_other_one_with_a_bare_version_trades_the_line(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("fitness tracker watches under 100?")
    chat.say("add the zenmotion in grey")
    chat.say("no wait, the coreforge one, green")
    assert chat.lines() == [(TRACKER_COREFORGE, {"colour": "green"}, 1)]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("said", "product", "options", "count"),
    [
        ("add voltedge power bank green for iphone 15, one for each of my 3 kids", POWER_BANK,
         {"colour": "green", "model": "iPhone 15"}, 3),
        ("add kestrel running shorts L red, three pairs", SHORTS,
         {"size": "L", "colour": "red"}, 3),
        ("add hearth & linen blackout curtains beige king, 2 pairs for the bedroom", CURTAINS,
         {"colour": "beige", "size": "king"}, 2),
    ],
)  # fmt: skip
def test_namesakes_told_apart_by_the_version_said(
    demo_assistant, said: str, product: str, options: dict[str, str], count: int
) -> None:
    chat = Chat(demo_assistant)
    chat.say(said)
    assert chat.lines() == [(product, options, count)]


@pytest.mark.slow
def test_namesakes_with_no_version_said_are_still_asked(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the copperline skillet")
    assert chat.units() == {}


@pytest.mark.slow
def test_one_for_me_and_one_for_each_of_my_two_kids_is_three(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("get me the wildpine head torch, one for me and one for each of my 2 kids")
    assert chat.units() == {HEADLAMP: 3}


@pytest.mark.slow
def test_how_many_you_have_of_a_named_version_is_its_stock(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("clearwell tea tree gel 100ml how many u got")
    assert "3 in stock" in reply.text and reply.products == [GEL]
    chat.say("ok add all 3 then")
    assert chat.units() == {GEL: 3}


@pytest.mark.slow
def test_the_cheapest_in_a_size_is_ranked_by_that_size(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("chai for spiced lattes, cheapest 1kg bag you have")
    assert reply.products[0] == CHAI and "$9.00" in reply.text.splitlines()[0]


@pytest.mark.slow
def test_would_it_make_a_nice_gift_asks_of_the_one_in_view(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("japanese green tea for my dad, something nice")
    reply = chat.say("would it make a nice gift? what do the reviews say")
    assert reply.products == [GREEN_TEA] and "made specifically for" not in reply.text


@pytest.mark.slow
def test_a_listed_value_quoted_back_is_confirmed(demo_assistant) -> None:
    reply = Chat(demo_assistant).say(
        "what about the ironpeak air s, it says cast iron?? for a yoga mat?"
    )
    assert "material: cast iron" in reply.text and "doesn't say" not in reply.text


@pytest.mark.slow
def test_safety_in_pregnancy_is_not_vouched_for(demo_assistant) -> None:
    reply = Chat(demo_assistant).say(
        "is the luma skin sport vitamin c serum safe to use while pregnant?"
    )
    assert reply.products == [SERUM] and "doesn't say whether it is safe" in reply.text


@pytest.mark.slow
def test_a_measurement_the_listing_lacks_is_said_to_be_missing(demo_assistant) -> None:
    reply = Chat(demo_assistant).say(
        "chest measurement for a medium in the kestrel plus fleece hoodie?"
    )
    assert "doesn't list the chest measurement" in reply.text


@pytest.mark.slow
def test_a_make_we_lack_said_with_a_plural_kind_is_said_so(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("do you sell wusthof knives?")
    assert "We don't carry Wusthof" in reply.text and reply.products


@pytest.mark.slow
def test_a_second_part_that_only_goes_on_with_the_question_keeps_its_product(
    demo_assistant,
) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say(
        "how heavy is the drift air s weighted blanket? 15 lb? 20? its for my 10 year old"
    )
    assert reply.products == ["P0149"]
    reply = chat.say("what is it made of")
    assert "memory foam" in reply.text


@pytest.mark.slow
def test_a_named_product_asked_for_a_model_it_lacks_names_its_models(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("do you have the snapgrip plus magsafe case for iphone 14?")
    assert "not listed for the iPhone 14" in reply.text and "iPhone 15" in reply.text


@pytest.mark.slow
def test_a_quoted_value_and_an_unlisted_use_are_both_answered(demo_assistant) -> None:
    reply = Chat(demo_assistant).say(
        "does the copperline classic 2 cast iron skillet work on induction? the listing says "
        "ceramic which is weird for cast iron"
    )
    assert "material: ceramic" in reply.text and "doesn't say whether it works" in reply.text


@pytest.mark.slow
def test_a_figure_the_description_says_otherwise_is_quoted_too(demo_assistant) -> None:
    reply = Chat(demo_assistant).say(
        "zoomkid plus s building blocks: listing says 3+ but also 'kids 6 and up'?? which is it"
    )
    assert "age: 3+" in reply.text and "kids 6 and up" in reply.text


@pytest.mark.slow
def test_a_size_searched_stays_after_asking_of_a_colour(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("comfy hoodie like the champion reverse weave but cheaper, size L, under 70")
    chat.say("got it in black?")
    chat.say("add it in beige then")
    assert chat.lines() == [("P0269", {"size": "L", "colour": "beige"}, 1)]


@pytest.mark.slow
def test_brands_set_against_each_other_compare_the_shown_ones(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("vitamin c serum, vegan, under 60?")
    reply = chat.say("luma vs dewleaf, which is better")
    assert {"P0117", "P0135"} <= set(reply.products) and "| price |" in reply.text


@pytest.mark.slow
@pytest.mark.parametrize(
    "said",
    [
        "is it a good idea to get a weighted blanket for my mum?",
        "would it be a nice gift to get my dad noise cancelling headphones?",
    ],
)
def test_advice_on_what_to_get_is_still_a_search(demo_assistant, said: str) -> None:
    reply = Chat(demo_assistant).say(said)
    assert len(reply.products) > 1 and "don't carry" not in reply.text


@pytest.mark.slow
def test_how_many_you_have_of_a_named_product_is_its_stock(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("clearwell tea tree gel how many u got")
    assert "43 in stock" in reply.text


@pytest.mark.slow
def test_a_second_part_with_a_budget_is_still_a_search(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("bluetooth speaker")
    chat.say("the first one")
    reply = chat.say("does it come in black? what about under $30")
    assert "does not come in black" in reply.text and len(reply.products) > 1


@pytest.mark.slow
def test_one_more_for_me_adds_one_and_one_more_question_changes_nothing(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the wildpine edge headlamp")
    chat.say("one more for me please")
    assert chat.units() == {HEADLAMP: 2}
    chat.say("one more question, is it waterproof?")
    assert chat.units() == {HEADLAMP: 2}
    reply = chat.say("sum it all up")
    assert reply.pending_checkout is None and "74.98" in reply.text


@pytest.mark.slow
def test_one_for_each_of_my_two_sisters_and_one_for_me_is_three(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the wildpine edge headlamp, one for each of my 2 sisters and one for me")
    assert chat.units() == {HEADLAMP: 3}


@pytest.mark.slow
def test_one_more_size_up_adds_nothing(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add threadwell sport x hoodie navy M")
    chat.say("one more size up")
    assert chat.units() == {"P0257": 1}


@pytest.mark.slow
def test_a_product_question_then_a_superlative_answers_both(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("tell me about the wildpine pro x ultralight tent")
    reply = chat.say("is it waterproof? and the cheapest one?")
    assert "waterproofing held up" in reply.text and "126.95" in reply.text


@pytest.mark.slow
def test_no_the_other_one_then_a_question_asks_it_and_trades_nothing(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("show me yoga mats")
    chat.say("add the zenmotion one in black")
    reply = chat.say("no the coreforge one, any reviews")
    assert chat.units() == {"P0187": 1} and "review" in reply.text


@pytest.mark.slow
@pytest.mark.parametrize(
    "said", ["sum up the reviews", "can you sum up all the reviews", "recap the reviews for me"]
)
def test_reviews_summed_up_are_their_overview_not_a_checkout(demo_assistant, said: str) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the wildpine edge headlamp")
    reply = chat.say(said)
    assert reply.pending_checkout is None and "15 reviews" in reply.text
