"""What a comparison named and what the shopper lets go of (the forty-first round): «add that
one» right after «which has better battery» of two is the winner, «2 of the roamly» names
no «Roamly Lite 2», «forget it, too expensive» takes the one in view out or lets an open
«which colour?» go, and «raise the budget to 120» is a new cap."""

from __future__ import annotations

import pytest

from assistant.conversation.answers.ranking import _CHEAPEST
from assistant.conversation.understanding.holding_off import LET_GO
from assistant.search.filters import FilterVocabulary
from assistant.search.parsing import parse_query
from tests.test_phrasing import Chat

ORGANIC_TEE, TREKKING_POLES, WALKING_SNEAKERS, WOODEN_PUZZLE = "P0253", "P0068", "P0038", "P0247"
PRIME_EARBUDS, NOVA_EARBUDS, ROAMLY_NOVA, PULSEFIT_MAT, ZEN_MAT = (
    "P0017",
    "P0023",
    "P0316",
    "P0169",
    "P0187",
)


@pytest.mark.parametrize(
    ("said", "lets_go"),
    [
        ("forget it, too expensive", True),
        ("nah never mind", True),
        ("no thanks, its way too pricey", True),
        ("skip it", True),
        ("never mind, add the black one", False),  # a new act beside it
        ("forget it, what about the purple one?", False),
    ],
)
def test_letting_go_of_an_open_add(said: str, lets_go: bool) -> None:
    assert bool(LET_GO.match(said)) is lets_go


@pytest.mark.parametrize(
    ("said", "cap"),
    [("raise the budget to 120", 12000), ("i can stretch to 150", 15000)],
)
def test_a_raised_budget_is_a_new_cap(said: str, cap: int) -> None:
    assert parse_query(said, FilterVocabulary()).filters.max_price_minor == cap
    assert not _CHEAPEST.search(said)  # no «the cheapest is …»


@pytest.mark.slow
def test_add_that_one_after_a_comparison_named_the_winner(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("sport earbuds: echofox prime 2, echofox nova s")
    chat.say("ok compare those two, which has better battery")
    chat.say("add that one")
    assert chat.units() == {PRIME_EARBUDS: 1}


@pytest.mark.slow
def test_after_a_comparison_the_two_stay_in_view_for_other_asks(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("sport earbuds: echofox prime 2, echofox nova s")
    chat.say("compare them, which has better battery")
    reply = chat.say("and prices?")
    assert PRIME_EARBUDS in reply.text and NOVA_EARBUDS in reply.text
    chat.say("hmm")  # a turn between: «that one» no longer reaches the winner
    reply = chat.say("add that one")
    assert chat.units() == {} and "Which one" in reply.text


@pytest.mark.slow
def test_a_count_before_of_the_brand_names_no_model(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("backpack for my 15 inch laptop for commuting, under 60")
    chat.say("ill take 2 of the roamly in black")
    assert chat.units() == {ROAMLY_NOVA: 2}


@pytest.mark.slow
def test_forget_it_too_expensive_takes_it_out(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("show me yoga mats")
    chat.say("add the first one in black")
    assert chat.units() == {PULSEFIT_MAT: 1}
    chat.say("forget it, too expensive")
    assert chat.units() == {}


@pytest.mark.slow
def test_an_open_which_colour_let_go_adds_nothing(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("show me yoga mats")
    chat.say("add the second one")
    reply = chat.say("forget it, too expensive")
    assert chat.units() == {} and "haven't added" in reply.text
    reply = chat.say("what's in my cart?")
    assert ZEN_MAT not in reply.text


@pytest.mark.slow
def test_raise_the_budget_widens_the_list(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("yoga mats under 30")
    reply = chat.say("raise the budget to 120")
    assert ZEN_MAT in reply.text and "cheapest" not in reply.text


@pytest.mark.slow
def test_add_so_many_of_those_right_after_a_pick_is_the_count_in_all(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("plain white tee, organic cotton, size M")
    chat.say("the cheaper one")
    assert chat.units() == {ORGANIC_TEE: 1}
    chat.say("add 3 of those")
    assert chat.units() == {ORGANIC_TEE: 3}
    chat.say("add 2 more")  # more is more
    assert chat.units() == {ORGANIC_TEE: 5}


@pytest.mark.slow
def test_a_count_with_whom_it_is_for_right_after_an_add_is_the_count(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("trekking poles under 50")
    chat.say("add the northtrail plus 2 in grey")
    chat.say("2 please, one for my wife")
    assert chat.units() == {TREKKING_POLES: 2}


@pytest.mark.slow
def test_none_shown_under_a_new_cap_searches_again(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("shoes for walking all day, im on my feet at work. size 7")
    reply = chat.say("anything under 60?")
    assert WALKING_SNEAKERS in reply.text and "Want me to search again" not in reply.text


@pytest.mark.slow
def test_a_need_said_with_then_stays_with_the_kind_searched(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("leki trekking poles?")
    reply = chat.say("something for steep downhills under 50 then")
    assert TREKKING_POLES in reply.text and "Headlamp" not in reply.text


@pytest.mark.slow
def test_the_cheapest_of_a_kind_added_goes_in_its_cheapest_version(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("and add the cheapest wooden puzzle too, for my toddler")
    assert chat.units() == {WOODEN_PUZZLE: 1}
