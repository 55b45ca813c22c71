"""Facts said in a search, comparisons among those in view, versions kept (the thirty-ninth
round): «night cream for oily skin», «light roast», «12+», «green tea from japan» list only
the products that hold the fact; «which one is cheaper / rated higher» answers of those in
view and «add that one» takes the winner; «navy, queen, under 100» or «i have a pixel 9»
carry to «add it»; «a second one for my husband's galaxy s24» is one more, not the second
listed; «vit c», «w/ 4 stars»; «eh its 15 bucks. checkout» checks out."""

from __future__ import annotations

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.conversation.answers.said_facts import with_said_facts
from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.other_value import ANOTHER_LINE, other_value
from assistant.conversation.understanding.references import _ORDINAL
from assistant.conversation.understanding.shop_words import WHICH_COMPARED
from assistant.conversation.understanding.shorthand import in_full
from assistant.conversation.understanding.sure_acts import checked, checkout_after_a_remark
from assistant.search.countries import countries_said
from assistant.settings import DEMO_CATALOGUE
from tests.test_phrasing import Chat

CATALOGUE = load_catalogue(DEMO_CATALOGUE)[0]
NIGHT_OILY, NIGHT_DRY, NIGHT_SENSITIVE = "P0128", "P0122", "P0116"
COFFEE_LIGHT, COFFEE_DARK = "P0287", "P0299"
RC_TEEN, RC_SMALL = "P0239", "P0251"
TEA_JAPAN, TEA_INDIA = "P0282", "P0294"
SNEAKERS, MOUNT, BLANKET, CARRY_ON = "P0038", "P0201", "P0149", "P0327"


def _ids(products) -> list[str]:
    return [p.id for p in products]


def _products(*ids: str):
    return [CATALOGUE.products[pid] for pid in ids]


@pytest.mark.parametrize(
    ("said", "ids", "kept"),
    [
        ("night cream for oily skin?", (NIGHT_OILY, NIGHT_DRY, NIGHT_SENSITIVE), [NIGHT_OILY]),
        ("a cream for dry skin types", (NIGHT_OILY, NIGHT_DRY), [NIGHT_DRY]),
        ("organic whole bean coffee, light roast?", (COFFEE_LIGHT, COFFEE_DARK), [COFFEE_LIGHT]),
        ("dark roasts only", (COFFEE_LIGHT, COFFEE_DARK), [COFFEE_DARK]),
        ("rc car, 12+ so nothing for toddlers", (RC_TEEN, RC_SMALL), [RC_TEEN]),
        ("loose leaf green tea from japan?", (TEA_JAPAN, TEA_INDIA), [TEA_JAPAN]),
    ],
)
def test_a_fact_said_keeps_only_those_that_hold_it(said, ids, kept) -> None:
    assert _ids(with_said_facts(_products(*ids), said)) == kept


@pytest.mark.parametrize(
    ("said", "ids"),
    [
        ("a light tent", (COFFEE_LIGHT, COFFEE_DARK)),  # «light» alone names no roast
        ("not dark roast please", (COFFEE_LIGHT, COFFEE_DARK)),  # «not» wants the others
        ("night cream, any skin", (NIGHT_OILY, NIGHT_DRY)),
    ],
)
def test_a_short_value_alone_or_refused_narrows_nothing(said, ids) -> None:
    assert _ids(with_said_facts(_products(*ids), said)) == list(ids)


def test_a_country_said_as_an_origin() -> None:
    assert countries_said("green tea from japan") == {"japan"}
    assert countries_said("grown in colombia?") == {"colombia"}
    assert countries_said("japanese sencha") == {"japan"}
    assert countries_said("ship to japan") == set()


def test_shorthand_for_with_and_vitamin() -> None:
    assert in_full("tracker under 100 w/ 4 stars") == "tracker under 100 with 4 stars"
    assert in_full("headphones w/o cable") == "headphones without cable"
    assert in_full("vit c serum") == "vitamin c serum"


@pytest.mark.parametrize(
    ("said", "compares"),
    [
        ("which one is cheaper", True),
        ("which has the higher rating", True),
        ("ok what about the other two, which has better battery", True),
        ("which is the cheapest?", False),
        ("cheapest?", False),
    ],
)
def test_a_comparison_asks_of_those_in_view(said, compares) -> None:
    assert bool(WHICH_COMPARED.search(said)) is compares


def test_a_second_one_is_one_more_not_the_second_listed() -> None:
    assert _ORDINAL.search("and a second one for my husband's galaxy s24") is None
    assert _ORDINAL.search("the second one, size 10") is not None


def test_the_other_colour_as_well_is_a_line_of_its_own() -> None:
    sneakers = CATALOGUE.products[SNEAKERS]
    said = "and the other colour as well, one pair"
    assert other_value(sneakers, said, {"size": "9", "colour": "black"}) == {"colour": "red"}
    assert ANOTHER_LINE.search(said)
    assert not ANOTHER_LINE.search("that's too expensive, the other colour then")


def test_a_remark_before_a_bare_checkout_asks_nothing() -> None:
    remark = [
        Request("eh its 15 bucks", "product_question", 0.6),
        Request("checkout", "checkout", 0.9),
    ]
    assert [r.act for r in checkout_after_a_remark(remark)] == ["checkout"]
    asked = [
        Request("is it final sale", "policy_question", 0.6),
        Request("checkout", "checkout", 0.9),
    ]
    assert [r.act for r in checkout_after_a_remark(asked)] == ["policy_question", "checkout"]
    added = [Request("add the red one", "add", 0.9), Request("checkout", "checkout", 0.9)]
    assert [r.act for r in checkout_after_a_remark(added)] == ["add", "checkout"]


def test_another_one_for_someone_with_their_phone_is_an_add() -> None:
    said = "and another one for my wife, she has an iphone 15"
    assert checked(Request(said, "recommend", 0.26)).act == "add"
    assert checked(Request("and another one for under 50?", "search", 0.6)).act == "search"


@pytest.mark.slow
def test_searches_keep_to_the_fact_said_and_carry_the_version(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("night cream for oily skin?")
    assert NIGHT_OILY in reply.text and NIGHT_DRY not in reply.text
    chat.say("add the 50ml")
    assert chat.units() == {NIGHT_OILY: 1}
    chat = Chat(demo_assistant)
    chat.say("that heavy blanket thing thats supposed to help you sleep?")
    chat.say("navy, queen, under 100")
    reply = chat.say("fair enough. add it")
    assert chat.units() == {BLANKET: 1} and "navy, queen" in reply.text
    chat = Chat(demo_assistant)
    chat.say("something to hold my phone on the dashboard for google maps, i have a pixel 9")
    reply = chat.say("add the cheapest one")
    assert chat.units() == {MOUNT: 1} and "Pixel 9" in reply.text


@pytest.mark.slow
def test_comparisons_name_a_winner_and_keep_both_in_view(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("sport earbuds: nimbus audio sport 2, echofox prime 2, echofox nova s")
    chat.say("the first one in black please")
    reply = chat.say("ok what about the other two, which has better battery")
    assert "Echofox Prime 2 Sport Earbuds [P0017] has the highest battery life" in reply.text
    reply = chat.say("and prices?")  # of both, the winner is not the only one in view
    assert "P0017" in reply.text and "P0023" in reply.text
    chat = Chat(demo_assistant)
    chat.say("organic whole bean coffee")
    reply = chat.say("which one is cheaper")
    assert reply.text.startswith("The cheapest is")
    assert any(pid in reply.text for pid in (COFFEE_LIGHT, COFFEE_DARK))


@pytest.mark.slow
def test_one_more_for_someone_in_their_version(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("car phone mount that works in a tesla model 3? vent or dash?")
    chat.say("add the chargewell studio 200 car phone mount, iphone 16")
    reply = chat.say("and a second one for my husband's galaxy s24")
    lines = demo_assistant.commerce.get_cart(chat.session).lines
    assert {line.product_id for line in lines} == {MOUNT} and len(lines) == 2, reply.text
    chat = Chat(demo_assistant)
    reply = chat.say("a holder for my phone in the car so i can see maps, iphone 16")
    assert "don't sell iphone" not in reply.text and MOUNT in reply.text


@pytest.mark.slow
def test_a_kind_said_among_mixed_closest_things_searches_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("do you sell phones? thinking of a Galaxy S24")
    reply = chat.say("ok a case for one then, under 25")
    listed = [line for line in reply.text.splitlines() if line[:2] in {"1.", "2.", "3."}]
    assert listed and all("Case" in line for line in listed)


def test_how_many_will_play() -> None:
    from assistant.conversation.answers.players import for_the_players, players_said

    assert players_said("board game for family game night, we're 5 people") == 5
    assert players_said("any strategy board game for 5 players?") == 5
    assert players_said("there are six of us") == 6
    assert players_said("a game for my 5 year old") is None
    games = _products("P0226", "P0250")  # players 3-8 and 1
    assert _ids(for_the_players(games, "we're 5 people")) == ["P0226"]
    assert _ids(for_the_players(games, "board games")) == ["P0226", "P0250"]


@pytest.mark.slow
def test_a_lists_facts_asked_in_few_words(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("strategy board games under 30")
    reply = chat.say("how many can play")
    assert "players: " in reply.text and "don't sell" not in reply.text
    chat = Chat(demo_assistant)
    chat.say("the meeple house classic 500 board game")
    reply = chat.say("how many can play?")
    assert "players: 3-8" in reply.text and "doesn't list" not in reply.text
    chat = Chat(demo_assistant)
    chat.say("board game for family game night, we're 5 people, under 40 bucks")
    reply = chat.say("is it ok for a 7 year old?")
    assert reply.text.startswith("Rated for a 7-year-old:") and "P0226" in reply.text
    chat = Chat(demo_assistant)
    chat.say("something like catan for family game night")
    reply = chat.say("under $30 and in stock")
    assert "Which one do you mean" not in reply.text and "P0226" in reply.text
    assert "P0232" not in reply.text  # $62.99


def test_a_version_said_for_one_pick_goes_beside_it() -> None:
    from assistant.conversation.understanding.per_pick_versions import (
        versions_moved_to_their_pick,
    )

    said = "2 of the first and 1 of the third, deluxe for the third"
    assert versions_moved_to_their_pick(said) == "2 of the first and 1 of the third in deluxe"
    assert versions_moved_to_their_pick("add both, red for me") == "add both, red for me"
    assert versions_moved_to_their_pick("deluxe for the third") == "deluxe for the third"


def test_same_again_in_another_version_is_an_add() -> None:
    assert checked(Request("same again but in L", "refine", 0.5)).act == "add"
    assert checked(Request("which one is the same in L", "refine", 0.5)).act == "refine"


@pytest.mark.slow
def test_picks_with_their_own_versions_and_same_again(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("compare the zoomkid flow s, the playwise studio and the playwise classic 700")
    chat.say("2 of the first and 1 of the third, deluxe for the third")
    assert chat.units() == {"P0227": 2, "P0251": 1}
    chat = Chat(demo_assistant)
    chat.say("rain jackets under $130")
    chat.say("the cheapest one in M")
    reply = chat.say("same again but in L")
    lines = demo_assistant.commerce.get_cart(chat.session).lines
    assert [line.qty for line in lines] == [1, 1] and "(L, olive)" in reply.text


@pytest.mark.parametrize(
    "said",
    [
        "toys for 7 year olds to play with on their own",
        "card games for 8 year olds to play",
        "a puzzle for 2 year olds, something they can play with",
        "board game for more than 1 player",
    ],
)
def test_an_age_or_a_bound_is_no_count_of_players(said) -> None:
    from assistant.conversation.answers.players import players_said

    assert players_said(said) is None


@pytest.mark.parametrize(
    ("said", "ids"),
    [
        ("board games for 3+ players", ("P0226", "P0242")),  # ages 6+ and 3+: no age said
        ("board game for more than 1 player", ("P0226", "P0250")),  # players 3-8 and 1
        ("whole bean coffee, but not a dark roast", (COFFEE_DARK,)),
        ("show me slim fit chinos", ("P0276", "P0270")),  # both titles say «Slim Fit»
    ],
)
def test_review_near_misses_narrow_nothing(said, ids) -> None:
    products = _products(*ids)
    assert _ids(with_said_facts(products, said)) == list(ids)


def test_where_a_person_is_from_is_no_origin() -> None:
    assert countries_said("im in india. any matcha powder?") == set()
    assert countries_said("gift for my dad, he's from india and loves tea") == set()


def test_review_near_misses_of_adds_and_checkout() -> None:
    for said in (
        "and another one for my daughter, something for a 10 year old",
        "and another one for my daughter, maybe some kids headphones",
        "and one more for the kitchen, a kettle under 40",
    ):
        assert checked(Request(said, "recommend", 0.4)).act == "recommend", said
    kept = [Request("black", "product_question", 0.5), Request("checkout", "checkout", 0.9)]
    assert [r.act for r in checkout_after_a_remark(kept)] == ["product_question", "checkout"]
    wrap = [
        Request("gift wrap it please", "policy_question", 0.6),
        Request("checkout", "checkout", 0.9),
    ]
    assert len(checkout_after_a_remark(wrap)) == 2
    headphones = CATALOGUE.products["P0007"]  # silver, rose gold
    assert other_value(headphones, "i like the other colour too", {"colour": "silver"}) == {}
    changed = "hmm actually change it to the other colour, my daughter likes that one too"
    assert other_value(headphones, changed, {"colour": "silver"}) == {"colour": "rose gold"}
    assert not ANOTHER_LINE.search(changed)


@pytest.mark.slow
def test_a_fact_given_is_not_the_part_asked(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("what's the weight limit on the Wildpine Go 2 trekking poles?")
    assert "doesn't list the weight limit" in reply.text


def test_the_same_colour_and_size_keeps_both() -> None:
    from assistant.conversation.understanding.version_words import same_as_before

    added = {"colour": "olive", "size": "queen"}
    assert same_as_before("the lite one in the same colour and size", added) == added
    assert same_as_before("the same size please", added) == {"size": "queen"}


def test_the_line_a_position_names() -> None:
    from assistant.conversation.understanding.other_value import line_by_position

    cart = ["P0144", "P0156"]
    assert line_by_position("swap the first one for the other colour", cart) == "P0144"
    assert line_by_position("change the last one to the other size", cart) == "P0156"
    assert line_by_position("swap the first one for a blue one", cart) == ""


@pytest.mark.slow
def test_swap_a_line_by_position_for_the_other_colour(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("compare softnest pro s and hearth & linen aero 200 blackout curtains")
    chat.say("2 of each, grey king")
    chat.say("whats in my cart")
    reply = chat.say("swap the first one for the other colour")
    assert "Softnest Pro S Blackout Curtains (olive, king)" in reply.text
    assert chat.units() == {"P0144": 2, "P0156": 2}


def test_a_yes_after_a_remark_is_still_a_yes() -> None:
    said = "eh close enough, yes place the order"
    assert checked(Request(said, "confirm", 0.5)).act == "confirm"
    assert checked(Request("eh whatever", "confirm", 0.5)).act == "ask_confirm"


def test_a_measure_to_fit_is_no_word_of_the_title() -> None:
    from assistant.conversation.answers.described import titled

    backpack = CATALOGUE.products["P0316"]  # Roamly Nova 900 Laptop Backpack
    assert titled(backpack, "wait does it fit a 16 inch laptop?") is None
    headphones = CATALOGUE.products["P0001"]  # … Wireless Noise Cancelling Headphones
    assert titled(headphones, "does it have noise cancelling?") == "Noise Cancelling"


def test_a_yes_or_no_of_a_thing_the_fact_does_not_name_keeps_the_note() -> None:
    from assistant.conversation.answers.unlisted_asks import unlisted_asked

    headphones = CATALOGUE.products["P0010"]  # connectivity: Bluetooth 5.3
    said = "do they come with a cable? need to plug into my audio interface"
    note = unlisted_asked(headphones, said, ["connectivity: Bluetooth 5.3"])
    assert note and "doesn't list the cable" in note
    game = CATALOGUE.products["P0226"]
    assert unlisted_asked(game, "how many can play?", ["players: 3-8"]) is None
