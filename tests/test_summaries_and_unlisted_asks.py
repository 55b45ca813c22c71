"""Summaries, takebacks and honest lists (the thirty-eighth round): an unsure change whose
runner-up is «confirm» must still sound like a yes («can you repeat the summary? which size
is it» places nothing and shows the summary); «nothing's ordered yet right?» starts no
checkout; «undo the cairn gear one» and «remvoe the grey» take out; «I'll take both» keeps
both; «a couple, one pair for me one for my brother» is two pairs; «for my 3 kids» then «one
for each kid» is three; «the hearthstone pour over» is the pour-over coffee maker; a search
whose question no listing answers says so («… does it fit hario v60 filters?», «whats the max
weight on them?»)."""

from __future__ import annotations

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.conversation.answers.unlisted_asks import unlisted_asked, unlisted_of_all
from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.asides import without_asides
from assistant.conversation.understanding.counts_in_words import (
    one_for_each_of,
    pairs_as_units,
    party_said,
)
from assistant.conversation.understanding.sure_acts import checked, taken_then_asked
from assistant.settings import DEMO_CATALOGUE
from tests.test_phrasing import Chat

CATALOGUE = load_catalogue(DEMO_CATALOGUE)[0]
DUVET, ZEN_BOTTLE, CAIRN_BOTTLE, SHORTS = "P0153", "P0063", "P0070", "P0262"
KETTLE_CLASSIC, KETTLE_VERANO, MEEPLE, BRICKTON = "P0102", "P0095", "P0226", "P0250"
STRIDEX, TEDDY, POUR_OVER_HEARTH, POUR_OVER_BLADE = "P0042", "P0234", "P0111", "P0104"


def test_a_runner_up_yes_must_sound_like_one() -> None:
    said = "can you repeat the summary? which size is it"
    assert checked(Request(said, "change", 0.23, runner_up="confirm")).act == "view_cart"
    assert checked(Request("yes please", "change", 0.23, runner_up="confirm")).act == "confirm"


@pytest.mark.parametrize(
    ("said", "act"),
    [
        ("nothing's ordered yet right?", "order_status"),
        ("it hasn't been placed already, has it?", "order_status"),
        ("checkout please", "checkout"),
    ],
)
def test_asking_whether_anything_is_ordered_checks_nothing_out(said, act) -> None:
    assert checked(Request(said, "checkout", 0.65)).act == act


def test_ill_take_both_takes_nothing_out() -> None:
    assert checked(Request("I'll take both", "remove", 0.36)).act == "view_cart"
    assert checked(Request("i'll take the brickton out", "remove", 0.8)).act == "remove"


def test_counts_of_pairs_and_of_people() -> None:
    shoes = CATALOGUE.products[STRIDEX]
    assert pairs_as_units(shoes, "add a couple, one pair for me one for my brother", 2) == 2
    assert pairs_as_units(shoes, "a pair of the grey 9s", 2) == 1
    assert party_said("teddy bears for my 3 kids, under 25 each?") == 3
    assert one_for_each_of("add the playwise one, one for each kid", 3) == 3
    assert one_for_each_of("add the playwise one", 3) is None
    assert one_for_each_of("one for each kid", None) is None


def test_a_question_no_listing_answers_is_said_of_the_list() -> None:
    dumbbells = [CATALOGUE.products[pid] for pid in ("P0182", "P0176")]
    note = unlisted_of_all(dumbbells, "adjustable dumbbells pls. whats the max weight on them?")
    assert "These listings don't say the max weight" in note
    pour_over = [CATALOGUE.products[POUR_OVER_HEARTH]]
    note = unlisted_of_all(pour_over, "ceramic pour over, does it fit hario v60 filters?")
    assert "doesn't say whether it fits hario v60 filters" in note
    tents = [p for p in CATALOGUE.products.values() if "Tent" in p.title]
    assert unlisted_of_all(tents, "whats the cheapest tent") == ""
    assert unlisted_of_all(tents, "tents, whats the lightest?") == ""
    shoes = [CATALOGUE.products[STRIDEX]]
    assert unlisted_of_all(shoes, "running shoes, do they fit true to size?") == ""
    assert unlisted_asked(shoes[0], "will it fit me?", []) is None


@pytest.mark.slow
def test_repeat_the_summary_places_nothing(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the lumen home aero duvet cover in grey, king")
    chat.say("checkout")
    reply = chat.say("can you repeat the summary? which size is it")
    assert "king" in reply.text and "Please check your order" in reply.text
    assert demo_assistant.commerce.list_orders(chat.session) == []
    reply = chat.say("yes")
    assert len(demo_assistant.commerce.list_orders(chat.session)) == 1


@pytest.mark.slow
def test_takebacks_by_name_typo_and_pronoun(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add one orange summit supply zen 2 water bottle and one grey cairn gear nova 500")
    chat.say("undo the cairn gear one")
    assert chat.units() == {ZEN_BOTTLE: 1}
    reply = chat.say("so what have I agreed to so far? nothing's ordered yet right?")
    assert "no orders yet" in reply.text
    assert demo_assistant.pending_checkout(chat.session) is None
    chat = Chat(demo_assistant)
    chat.say("kestrel sport 200 running shorts in M, one black and one grey")
    chat.say("remvoe the grey")
    lines = demo_assistant.commerce.get_cart(chat.session).lines
    assert [line.qty for line in lines] == [1]


@pytest.mark.slow
def test_both_kept_pairs_and_one_for_each_kid(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the meeple house classic 500 board game")
    chat.say("actually swap it for the brickton go 400, deluxe")
    chat.say("oh wait, put the meeple one back too, I'll take both")
    assert chat.units() == {MEEPLE: 1, BRICKTON: 1}
    chat = Chat(demo_assistant)
    chat.say("do u have the strydex nova in a size 9?")
    chat.say("grey pls. add a couple, one pair for me one for my brother, same size")
    assert chat.units() == {STRIDEX: 2}
    chat = Chat(demo_assistant)
    chat.say("teddy bears for my 3 kids, something under 25 each?")
    chat.say("add the playwise one, one for each kid")
    chat.say("the cheaper version")
    assert chat.units() == {TEDDY: 3}


@pytest.mark.slow
def test_a_pour_over_by_its_maker(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("hearthstone pour over in green, what sizes")
    assert reply.products == [POUR_OVER_HEARTH]
    chat = Chat(demo_assistant)
    chat.say("also add the blade and bowl pour over, large green")
    assert chat.units() == {POUR_OVER_BLADE: 1}
    reply = Chat(demo_assistant).say("any pourovers?")
    assert reply.products and all(
        "Pour-Over" in CATALOGUE.products[p].title for p in reply.products
    )


@pytest.mark.parametrize(
    ("said", "act"),
    [
        ("let's get this ordered, ok?", "checkout"),
        ("can you get it placed now?", "checkout"),
        ("get it ordered please?", "checkout"),
    ],
)
def test_asking_to_order_still_checks_out(said, act) -> None:
    assert checked(Request(said, "checkout", 0.65)).act == act


def test_a_model_number_two_is_no_count_of_pairs() -> None:
    shoes = CATALOGUE.products[STRIDEX]
    assert pairs_as_units(shoes, "add a pair of the trailhawk classic 2 in black size 8", 2) == 1


def test_fit_as_a_word_of_clothes_asks_nothing() -> None:
    chinos = [p for p in CATALOGUE.products.values() if "Chinos" in p.title]
    assert unlisted_of_all(chinos, "slim fit chinos in navy") == ""
    assert unlisted_of_all(chinos, "one size fits all chinos?") == ""
    earbuds = [p for p in CATALOGUE.products.values() if "Earbuds" in p.title]
    assert unlisted_of_all(earbuds, "earbuds that work in the rain?") == ""
    mounts = [p for p in CATALOGUE.products.values() if "Car Phone Mount" in p.title]
    assert "work with tesla model 3" in unlisted_of_all(
        mounts, "mount that works in a tesla model 3?"
    )


@pytest.mark.slow
def test_a_make_beside_another_thing_we_lack_or_as_a_place(demo_assistant) -> None:
    for said in ("do you sell sony tvs?", "nespresso pods?", "nike socks"):
        reply = Chat(demo_assistant).say(said)
        assert "we don't sell" in reply.text and "We don't carry" not in reply.text
    for said in (
        "a gift for my sister, she loves her kindle",
        "hiking gear for a trip to patagonia",
    ):
        assert "We don't carry" not in Chat(demo_assistant).say(said).text


@pytest.mark.slow
def test_pour_over_as_a_way_of_brewing_stays_coffee(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("ground coffee for pour over")
    assert reply.products and all("Coffee Maker" not in title_of(p) for p in reply.products)


def title_of(pid: str) -> str:
    return CATALOGUE.products[pid].title


def test_a_reason_for_a_pick_is_no_question() -> None:
    assert without_asides("ok 30 ml to try it") == "ok 30 ml"
    assert without_asides("mixed bag lol. ok 30 ml to test") == "mixed bag lol. ok 30 ml"
    assert without_asides("the small one to start with") == "the small one"
    assert without_asides("just looking for now") == "just looking for now"
    assert without_asides("is it ok to try it on sensitive skin for now?").endswith("now?")


def test_a_pick_then_a_question_is_both() -> None:
    said = "ok ill take the quietude, 60 day returns if it doesnt work right?"
    pieces = taken_then_asked(
        Request(said, "review_question", 0.33), lambda text: Request(text, "policy_question", 0.6)
    )
    assert [(p.text, p.act) for p in pieces] == [
        ("ok ill take the quietude", "add"),
        ("60 day returns if it doesnt work right?", "policy_question"),
    ]
    alone = Request("ill take the quietude out, does it matter?", "review_question", 0.4)
    assert taken_then_asked(alone, lambda text: alone) == [alone]
    assert checked(Request("eh go with the max s for pixel 9", "refine", 0.38)).act == "add"
    assert checked(Request("go with the blue one?", "refine", 0.38)).act == "refine"


@pytest.mark.slow
def test_a_version_to_try_is_added(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("luma skin sport vitamin c serum")
    chat.say("30 ml to try it")
    assert chat.units() == {"P0117": 1}


@pytest.mark.slow
def test_the_one_of_a_brands_kind_in_the_versions_said(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the volt edge power bank, pixel 9 one in green")
    lines = demo_assistant.commerce.get_cart(chat.session).lines
    assert [(line.product_id, line.options) for line in lines] == [
        ("P0205", {"colour": "green", "model": "Pixel 9"})
    ]
    reply = Chat(demo_assistant).say("add the voltedge power bank")
    assert set(reply.products) == {"P0205", "P0217"}  # two of them: asked, nothing added


@pytest.mark.slow
def test_a_loose_kind_beside_a_product_named_is_still_its_add(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("want a pour over for my home office desk, the Hearthstone Studio S in black, small")
    assert chat.units() == {POUR_OVER_HEARTH: 1}
    reply = Chat(demo_assistant).say("patagonia fleece?")
    assert "we don't sell patagonia fleece" in reply.text
    assert any("Fleece" in title_of(pid) for pid in reply.products)
