"""Removals that say what stays («drop the roller, keep the dumbbells», «only the Zenmotion
stays», «everything except the mat»), counts taken out of a line («remove one roller», «one
less») never the whole line, and a version named with who it is for («… in black for my
sister») picked."""

from __future__ import annotations

import pytest

from assistant.conversation.understanding.keeping import fewer_taken_out, kept_apart
from tests.test_phrasing import Chat

DUMBBELLS = "add the Zenmotion Edge 700 Adjustable Dumbbells in blue"  # P0170
ROLLER = "add the Flexa Core S Foam Roller in grey"  # P0179
MATS = "add 2 Zenmotion One Yoga Mat in green"  # P0187


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("drop the foam roller, keep the dumbbells", ["the dumbbells"]),
        ("Please remove the Flexa. Only the Zenmotion stays.", ["the Zenmotion"]),
        ("remove everything except the mat", ["the mat"]),
        ("get rid of the zenmotion, only keep the flexa", ["the flexa"]),
        ("clear the cart but leave the mat in", ["the mat"]),
    ],
)
def test_the_words_that_name_what_stays(text, kept) -> None:
    keeping = kept_apart(text)
    assert keeping is not None and keeping.kept_phrases == kept


def test_a_removal_that_keeps_nothing_named_is_left_to_the_usual_path() -> None:
    assert kept_apart("remove the roller please") is None
    assert fewer_taken_out("change", "make it 2") == "change"
    assert fewer_taken_out("change", "one less please") == "remove"
    assert fewer_taken_out("search", "one less than 50 dollars") == "search"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("first", "second", "message", "left"),
    [
        (DUMBBELLS, ROLLER, "take out the dumbbells. the roller stays", "P0179"),
        (ROLLER, DUMBBELLS, "keep the dumbbells and remove the roller", "P0170"),
        (DUMBBELLS, ROLLER, "keep the dumbbells and remove the roller", "P0170"),
        (DUMBBELLS, ROLLER, "remove everything except the dumbbells", "P0170"),
        (DUMBBELLS, ROLLER, "get rid of the zenmotion, only keep the flexa", "P0179"),
        (ROLLER, DUMBBELLS, "Please remove the Flexa. Only the Zenmotion stays.", "P0170"),
    ],
)
def test_what_the_shopper_says_stays_stays(demo_assistant, first, second, message, left) -> None:
    chat = Chat(demo_assistant)
    chat.say(first)
    chat.say(second)
    assert set(chat.units()) == {"P0170", "P0179"}
    chat.say(message)
    assert set(chat.units()) == {left}


@pytest.mark.slow
def test_everything_but_one_line_clears_the_others(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    for message in (DUMBBELLS, ROLLER, MATS):
        chat.say(message)
    chat.say("clear the cart but leave the mat")
    assert chat.units() == {"P0187": 2}


@pytest.mark.slow
def test_keeping_the_only_line_removes_nothing(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say(ROLLER)
    chat.say("remove the other stuff, the roller stays")
    assert chat.units() == {"P0179": 1}


@pytest.mark.slow
@pytest.mark.parametrize(
    "message", ["remove one mat", "remove 1 mat", "one less mat pls", "take one mat out"]
)
def test_a_count_taken_out_leaves_the_rest_of_the_line(demo_assistant, message) -> None:
    chat = Chat(demo_assistant)
    chat.say("add 3 Zenmotion One Yoga Mat in green")
    chat.say(ROLLER)
    chat.say(message)
    assert chat.units() == {"P0187": 2, "P0179": 1}


@pytest.mark.slow
def test_one_less_of_the_only_line(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add 3 Flexa Core S Foam Roller in grey")
    chat.say("one less")
    assert chat.units() == {"P0179": 2}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("message", "units"),
    [
        ("Flexa Air 2 Resistance Bands Set in black for my sister who's doing physio", 1),
        ("Brickton Wave Building Blocks Set, the deluxe one, for my 12 year old godson", 1),
        ("Two Meeple House Lite Plush Teddy Bears please, for my niece and nephew", 2),
        ("One Playwise Studio Remote Control Car, the standard version, for each of my 3 kids", 3),
    ],
)
def test_a_named_version_for_someone_is_a_pick(demo_assistant, message, units) -> None:
    chat = Chat(demo_assistant)
    chat.say(message)
    assert sum(chat.units().values()) == units


@pytest.mark.slow
def test_who_it_is_for_is_no_pick_without_a_version(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("Flexa Air 2 Resistance Bands Set for my sister who's doing physio")
    assert chat.units() == {}


@pytest.mark.slow
def test_only_one_stays_or_is_kept_and_the_others_go(demo_assistant) -> None:
    trio = (
        "add voyagr urban 2 duffel, atlas & oak trail packing cubes and the kestrel travel nova 2 "
        "crossbody"
    )
    for message, left in (
        ("only the duffel stays", {"P0312"}),
        ("just keep the crossbody pls", {"P0323"}),
        ("remove the cubes, only keep the duffel and the crossbody", {"P0312", "P0323"}),
    ):
        chat = Chat(demo_assistant)
        chat.say(trio)
        assert set(chat.units()) == {"P0312", "P0331", "P0323"}
        chat.say(message)
        assert set(chat.units()) == left, message


@pytest.mark.slow
def test_keep_it_keeps_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the wildpine edge headlamp")
    chat.say("the wildpine is kinda pricey tbh")
    reply = chat.say("eh keep it. checkout")
    assert chat.units() == {"P0083": 1}
    assert reply.pending_checkout is not None


@pytest.mark.slow
def test_a_count_fixed_before_the_yes_changes_the_line(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add 2 playwise classic 700 rc car standard")
    chat.say("checkout")
    chat.say("wait no, just 1")
    assert chat.units() == {"P0251": 1}
    assert chat.say("yes").pending_checkout is None
    assert demo_assistant.commerce.list_orders(chat.session) == []


@pytest.mark.slow
def test_two_not_three_is_two(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("3x zenmotion pro 2 resistance bands")
    chat.say("no 2 not 3")
    assert chat.units() == {"P0177": 2}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("message", "units"),
    [
        ("keep only one yoga mat", {"P0170": 1, "P0187": 1}),
        ("remove one yoga mat but keep the other mat", {"P0170": 1, "P0187": 1}),
        (
            "add one more yoga mat so there's one less excuse to skip class",
            {"P0170": 1, "P0187": 3},
        ),
        ("remove all but one yoga mat", None),  # never the whole line
        ("the price stays the same if I remove the mat?", {"P0170": 1, "P0187": 2}),
    ],
)
def test_counts_and_remarks_around_what_stays(demo_assistant, message, units) -> None:
    chat = Chat(demo_assistant)
    chat.say(DUMBBELLS)
    chat.say(MATS)
    chat.say(message)
    if units is None:
        assert chat.units().get("P0187", 0) >= 1 and "P0170" in chat.units()
    else:
        assert chat.units() == units


@pytest.mark.slow
def test_no_to_the_summary_with_a_number_in_it_changes_nothing(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say(MATS)
    chat.say("checkout")
    chat.say("no wait, one more question")
    assert chat.units() == {"P0187": 2}


@pytest.mark.slow
@pytest.mark.parametrize(
    "message",
    [
        "Flexa Core S Foam Roller in grey for next time",
        "Flexa Core S Foam Roller in grey for under 30 dollars",
        "Zenmotion Edge 700 Adjustable Dumbbells in blue for my brother who already has a pair",
        "Zenmotion Edge 700 Adjustable Dumbbells in blue, my husband says they're rubbish",
    ],
)
def test_a_name_with_a_condition_or_a_doubt_is_no_pick(demo_assistant, message) -> None:
    chat = Chat(demo_assistant)
    chat.say(message)
    assert chat.units() == {}


@pytest.mark.slow
def test_a_number_in_a_remark_is_no_count(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the wildpine edge headlamp even though battery is 4 not 6 hours")
    assert chat.units() == {"P0083": 1}
