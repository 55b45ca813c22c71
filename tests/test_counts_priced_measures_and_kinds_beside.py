"""The fiftieth round: a count priced is no change («how much would 4 of them cost? not adding»),
a returns or samples question heard as a plea for help gets the shop's rule, a kind said beside
the one in view searches that kind («add a matching pink memory foam pillow too»), measures and
counts per set that no listing gives are said plainly, a full name with its version and a count
adds, counts said last or settled on («a couple», «4 after all», «for two kids so 2») are the
counts, and a version asked in a search that is sold out is said so."""

from __future__ import annotations

import pytest

from tests.test_phrasing import Chat

DUFFEL, CHINOS, DUVET, PILLOW_PRIME = "P0312", "P0258", "P0153", "P0148"
CHAI, BOARD_GAME_BRICKTON, SUNSCREEN_CHEAP, TEDDY_CHEAP = "P0296", "P0250", "P0138", "P0246"
SPEAKER, KIDS_HEADPHONES, TRACKER_COREFORGE, TRACKER_ZENMOTION = "P0021", "P0006", "P0174", "P0186"
POWER_BANK, JUMP_ROPE, SERUM_MAX, PILLOW_STUDIO = "P0205", "P0172", "P0129", "P0154"
UNLISTED = ("isn't listed", "n't say")


@pytest.mark.slow
def test_a_count_priced_changes_nothing(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say_all("add 3 voyagr urban 2 duffel bags | sorry typo, i meant 2 not 3")
    reply = chat.say("just out of curiosity how much would 4 of them cost? not adding, just asking")
    assert chat.units() == {DUFFEL: 2}
    assert "167.96" in reply.text


@pytest.mark.slow
def test_sending_them_back_asks_the_returns_rule(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("Threadwell Prime X slim fit chinos, navy, M")
    reply = chat.say("can i send them back if they don't fit?")
    assert "60 days" in reply.text
    assert chat.units() == {CHINOS: 1}


@pytest.mark.slow
def test_a_sample_asks_the_rule_on_free_things(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("can you send me a sample first to patch test?")
    assert "samples" in reply.text.lower()


@pytest.mark.slow
def test_another_kind_said_beside_the_one_in_view_searches_that_kind(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say_all("Lumen Home Aero linen duvet cover, pink, queen | ugh I meant king")
    reply = chat.say("add a matching pink memory foam pillow too, queen size")
    assert chat.units() == {DUVET: 1}
    assert PILLOW_PRIME in reply.products and "?" in reply.text
    assert "matching" not in reply.text.lower()
    chat.say("the oakhaven one")
    assert chat.units() == {DUVET: 1, PILLOW_PRIME: 1}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("message", "thing"),
    [
        (
            "wired studio headphones for mixing under $110. whats the impedance on them?",
            "impedance",
        ),
        ("blackout curtains, how long are they? i need 84 inch drops", "length"),
        ("packing cubes, how many cubes come in a set?", "number of cubes"),
        (
            "weighted blanket for my 7 year old. how heavy are they? it needs to be around 5 lbs",
            "weight",
        ),
    ],
)
def test_a_measure_no_listing_gives_is_said_plainly(demo_assistant, message, thing) -> None:
    reply = Chat(demo_assistant).say(message)
    assert thing in reply.text and any(said in reply.text for said in UNLISTED), reply.text
    assert "don't sell" not in reply.text and "at most 10" not in reply.text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("before", "message", "expected"),
    [
        ("", "Morning Ritual Aero X chai spice blend, 1kg ground, 2 bags", {CHAI: 2}),
        ("meeple house classic 500 board game", "ok np. and 1 brickton go 400, deluxe",
         {BOARD_GAME_BRICKTON: 1}),
        ("mineral sunscreen under $20?", "the clearwell one 50ml, a couple", {SUNSCREEN_CHEAP: 2}),
        ("tumble & co teddy bears?", "cheaper one, a couple", {TEDDY_CHEAP: 2}),
    ],
)  # fmt: skip
def test_a_pick_with_its_version_or_count_adds(demo_assistant, before, message, expected) -> None:
    chat = Chat(demo_assistant)
    if before:
        chat.say(before)
    chat.say(message)
    assert chat.units() == expected


@pytest.mark.slow
def test_a_count_settled_on_sets_the_line(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say_all(
        "sonara edge bluetooth speaker in black, 4 of them for the office | hm 3 is enough"
    )
    chat.say("sorry, 4 after all, forgot about the intern")
    assert chat.units() == {SPEAKER: 4}


@pytest.mark.slow
def test_a_count_for_the_people_it_is_for_sets_the_line(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say_all("kids headphones under 30 | add the auralpeak ones in silver")
    chat.say("for two kids so 2")
    assert chat.units() == {KIDS_HEADPHONES: 2}


@pytest.mark.slow
def test_drop_the_named_one_after_a_remark_removes_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say_all(
        "fitness tracker watch under 100 | add the zenmotion in grey | and the coreforge in black"
    )
    chat.say("actually i only need one watch, drop the coreforge")
    assert chat.units() == {TRACKER_ZENMOTION: 1}


@pytest.mark.slow
def test_a_capacity_written_without_its_comma_filters(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("20000mah power bank under $30")
    assert reply.products == [POWER_BANK]


@pytest.mark.slow
def test_a_version_asked_that_is_sold_out_is_said(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("ironpeak jump rope in pink?")
    assert "out of stock in pink" in reply.text
    chat.say("purple then. 4 please")
    assert chat.units() == {JUMP_ROPE: 4}


@pytest.mark.slow
def test_the_model_word_picks_among_the_make_and_kind_named(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("do u have the luma vit c serum, the max one, in 30ml or 50ml?")
    assert reply.products == [SERUM_MAX] and "100 ml" in reply.text
    chat.say("fine the 100ml then, two of them")
    assert chat.units() == {SERUM_MAX: 2}


@pytest.mark.slow
def test_a_doubt_about_its_material_keeps_the_pillow_in_view(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say_all(
        "memory foam pillow for a side sleeper, under $50 | whats the loft on the oakhaven one?"
    )
    reply = chat.say("wait material says soy wax?? for a memory foam pillow??")
    assert reply.products == [PILLOW_STUDIO]
    chat.say("grey, queen")
    assert chat.units() == {PILLOW_STUDIO: 1}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("before", "message", "expected"),
    [
        ("cairn gear air s headlamp", "not ordering yet, just add it to my cart in orange",
         {"P0076": 1}),
        ("ironpeak air s yoga mat", "does it come in pink? i need 2", {"P0175": 2}),
        ("summit supply zen 2 insulated water bottle",
         "i'm not buying it for me, it's a gift. add it in grey", {"P0063": 1}),
    ],
)  # fmt: skip
def test_an_add_beside_not_buying_or_a_question_still_adds(
    demo_assistant, before, message, expected
) -> None:
    chat = Chat(demo_assistant)
    chat.say(before)
    chat.say(message)
    assert chat.units() == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    "message",
    [
        "recommend a headlamp for camping. and get rid of the filters",
        "any other colours? ok, drop the colour filter",
        "thanks so much, just remove the gift note",
    ],
)
def test_dropping_a_filter_or_a_note_removes_nothing(demo_assistant, message) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the summit supply sport s headlamp in blue")
    chat.say(message)
    assert chat.units() == {"P0062": 1}


@pytest.mark.slow
@pytest.mark.parametrize(
    "message", ["what will 3 day delivery be?", "what would 50 dollars be in euros?"]
)
def test_a_number_that_is_no_count_is_not_multiplied(demo_assistant, message) -> None:
    chat = Chat(demo_assistant)
    chat.say("add 3 voyagr urban 2 duffel bags")
    reply = chat.say(message)
    assert "nothing added" not in reply.text and " × $41.99 =" not in reply.text.split("come to")[0]
    assert chat.units() == {DUFFEL: 3}


@pytest.mark.slow
@pytest.mark.parametrize("message", ["do you sell kipling backpacks?", "any breitling watches?"])
def test_a_make_ending_in_ing_is_still_a_make_we_lack(demo_assistant, message) -> None:
    reply = Chat(demo_assistant).say(message)
    assert "don't carry" in reply.text


@pytest.mark.slow
@pytest.mark.parametrize("message", ["can i get a sample before i buy?", "do you have testers?"])
def test_samples_and_testers_get_the_rule_on_free_things(demo_assistant, message) -> None:
    reply = Chat(demo_assistant).say(message)
    assert "no free products or samples" in reply.text and "don't sell" not in reply.text
