"""Groups, needs told by their use and makes the shop does not sell (the thirty-first round's
blind writers): «one of each in grey queen» adds both in that version; «2 more of the bands»
adds two; «something to keep my coffee hot» is an insulated bottle; «is it better than an
otterbox?» says we don't sell OtterBox; «the kestrel one in M» among hoodies is Kestrel's
hoodie, not its «One 700» jacket."""

from __future__ import annotations

import pytest

from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.sure_acts import checked
from assistant.conversation.understanding.uses_as_kinds import UsesAsKinds
from tests.test_phrasing import Chat

SOFTNEST_CURTAINS, HEARTH_CURTAINS = "P0144", "P0156"  # both in grey, queen
ZENMOTION_BANDS, FLEXA_ROLLER = "P0177", "P0185"
KESTREL_HOODIE, KESTREL_ONE_JACKET = "P0263", "P0260"
CHARGEWELL_MOUNT, AMPERE_MOUNT = "P0201", "P0207"  # the Chargewell: one left for a Pixel 9
VOLTEDGE_CORE, VOLTEDGE_URBAN = "P0217", "P0205"


@pytest.fixture(scope="module")
def uses(demo_assistant) -> UsesAsKinds:
    return UsesAsKinds(demo_assistant.services.catalogue)


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("need something to keep my coffee hot on the drive to work", "insulated water bottle"),
        ("something that keeps drinks cold on hikes", "insulated water bottle"),
        ("coffee that wont keep me up at night", "decaf coffee"),
        ("something to make smoothies in the morning", "blender"),
        ("a small bag that goes across my body for travelling", "crossbody bag"),
        ("a bag for the gym, big enough for trainers and a towel", "duffel bag"),
        ("something for sore calves after running", "foam roller"),
        ("a little stove thing to boil water when camping", "camping stove"),
    ],
)
def test_a_need_told_by_its_use_is_the_kind_that_serves_it(
    uses: UsesAsKinds, said: str, kind: str
) -> None:
    assert kind in uses.as_kind(said)


@pytest.mark.parametrize(
    "said",
    [
        "does it keep coffee hot too or just cold",
        "how many hours does it keep ice cold",
        "a duffel bag for the weekend",
        "is the blender loud",
    ],
)
def test_a_question_about_a_product_is_never_rewritten(uses: UsesAsKinds, said: str) -> None:
    assert uses.as_kind(said) == said


@pytest.mark.parametrize(
    ("said", "act"),
    [
        ("2 more of the bands", "add"),
        ("one more of the second one please", "add"),
        ("one of each of the voltedge core 2 and the voltedge urban in black", "add"),
        ("2 more of the bands?", "change"),
        ("one of each of them?", "product_question"),
    ],
)
def test_more_of_and_one_of_each_of_are_adds(said: str, act: str) -> None:
    heard = "change" if said.startswith("2") else "product_question"
    assert checked(Request(said, heard, 0.4)).act == act


@pytest.mark.slow
def test_one_of_each_in_a_version_adds_both_in_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("blackout curtains")
    chat.say("the softnest pro s and the hearth & linen aero 200, what colours in queen")
    chat.say("one of each in grey queen")
    assert chat.units() == {SOFTNEST_CURTAINS: 1, HEARTH_CURTAINS: 1}
    chat.say("2 more of the second one")
    assert chat.units() == {SOFTNEST_CURTAINS: 1, HEARTH_CURTAINS: 3}


@pytest.mark.slow
def test_a_version_for_both_after_which_one(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("night cream, nothing too pricey")
    reply = chat.say("how do the two purelle ones compare")
    assert "Purelle Prime 300" in reply.text and "Purelle Sport X" in reply.text
    assert "Dewleaf" not in reply.text
    chat.say("one of each")
    chat.say("30ml for both")
    assert len(chat.units()) == 2


@pytest.mark.slow
def test_more_of_a_line_adds_to_its_count(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("cheap resistance bands")
    chat.say("add the cheapest")
    chat.say("and a foam roller under 20?")
    chat.say("add that too")
    chat.say("2 more of the bands")
    assert chat.units() == {ZENMOTION_BANDS: 3, FLEXA_ROLLER: 1}


@pytest.mark.slow
def test_a_brand_and_one_among_a_kind_is_the_brands_of_that_kind(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("fleece hoodie, size L")
    chat.say("and the kestrel one in M for my brother")
    assert KESTREL_HOODIE in chat.units() and KESTREL_ONE_JACKET not in chat.units()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("said", "make"),
    [
        ("is the wildpine go better than a hydro flask?", "Hydro Flask"),
        ("is it better than an otterbox?", "Otterbox"),
        ("is it better than the uniqlo ones", "Uniqlo"),
    ],
)
def test_a_make_we_dont_sell_is_said_not_compared(demo_assistant, said: str, make: str) -> None:
    chat = Chat(demo_assistant)
    chat.say("the wildpine go insulated water bottle")
    reply = chat.say(said)
    assert f"We don't sell {make}" in reply.text


@pytest.mark.slow
def test_a_count_refused_for_one_line_is_not_the_next_adds(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("car phone mount for a pixel 9")
    chat.say("which is the cheapest")
    chat.say("add it")
    chat.say("make it 2, one for my wifes car too")  # one left: refused
    chat.say("ok then the ampere one urban x in blue for her")
    assert chat.units() == {CHARGEWELL_MOUNT: 1, AMPERE_MOUNT: 1}


@pytest.mark.slow
def test_one_of_each_of_two_named_keeps_the_phone_said_before(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("power bank that works with galaxy s24")
    chat.say("one of each of the voltedge core 2 and the voltedge urban in black")
    assert chat.units() == {VOLTEDGE_CORE: 1, VOLTEDGE_URBAN: 1}


@pytest.mark.slow
@pytest.mark.parametrize("said", ["can i preorder it or reserve one?", "could you reserve one"])
def test_a_hold_or_preorder_is_the_shops_rule(demo_assistant, said: str) -> None:
    chat = Chat(demo_assistant)
    chat.say("the summit supply one ultralight tent")
    reply = chat.say(said)
    assert "cannot hold or reserve" in reply.text


@pytest.mark.slow
@pytest.mark.parametrize(
    "said",
    [
        "is it better than the one i got at target",
        "is it better than the older model",
        "is it better than the ones with longer battery",
        "is it better than stretching",
    ],
)
def test_everyday_words_beside_better_than_are_no_make(demo_assistant, said: str) -> None:
    chat = Chat(demo_assistant)
    chat.say("the wildpine go insulated water bottle")
    assert "We don't sell" not in chat.say(said).text


@pytest.mark.slow
def test_the_kind_ones_is_a_search_not_a_brand_group(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("show me running shoes")
    reply = chat.say("the trail running ones")
    assert reply.products and all(
        "Trail" in demo_assistant.services.catalogue.products[pid].title for pid in reply.products
    )


@pytest.mark.slow
def test_one_of_each_of_two_asked_which_is_lighter_compares(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("show me power banks")
    chat.say("one of each of the voltedge core 2 and the voltedge urban, which is lighter")
    assert chat.units() == {}


def test_a_drink_other_than_coffee_is_no_decaf_coffee(uses: UsesAsKinds) -> None:
    assert uses.as_kind("chai that wont keep me up") == "chai that wont keep me up"
    assert "decaf tea" in uses.as_kind("tea that won't keep me awake")


@pytest.mark.slow
def test_put_one_aside_is_the_hold_rule_and_by_the_door_is_not(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("tell me about the kestrel plus fleece hoodie")
    assert "cannot hold or reserve" in chat.say("put one aside for me please").text
    assert "cannot hold or reserve" in chat.say("can i preorder it?").text
    assert "cannot hold or reserve" not in chat.say("can you put them by the door?").text


@pytest.mark.slow
def test_a_version_no_option_says_is_said_unlisted(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("do the trailhawk max 2 come in wide? i have wide feet")
    assert "the listing doesn't say it comes in wide" in reply.text
    assert (
        "doesn't say it comes in"
        not in Chat(demo_assistant).say("does the trailhawk max 2 come in black").text
    )


@pytest.mark.slow
def test_complaints_asked_in_the_past_tense(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("the cairn gear nova x trekking poles")
    assert "complain:" in chat.say("what did they complain about").text


@pytest.mark.slow
def test_any_good_after_a_pick_is_about_the_pick(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("foam roller")
    picked = chat.say("cheapest one?").products[0]
    reply = chat.say("any good?")
    assert reply.products == [picked] and "review" in reply.text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("said", "aisle"),
    [
        ("rc car for a 4 year old?", "Toys & Games"),
        ("need a kettle that won't cost a fortune, under $50 ideally", "Kitchen"),
    ],
)
def test_a_needs_kind_stays_in_its_aisle(demo_assistant, said: str, aisle: str) -> None:
    reply = Chat(demo_assistant).say(said)
    products = demo_assistant.services.catalogue.products
    assert reply.products and {products[pid].category for pid in reply.products} == {aisle}


@pytest.mark.slow
def test_a_version_beside_vs_is_no_make(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("playwise studio rc car deluxe vs standard diff?")
    assert "We don't sell" not in reply.text and "deluxe" in reply.text


@pytest.mark.slow
def test_the_brand_ones_of_a_compared_pair_is_that_pairs_product(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("wireless earbuds between 100 and 130 dollars")
    chat.say("echofox zen vs quietude plus, which is more waterproof")
    chat.say("ok add the quietude ones anyway, battery matters more to me")
    assert len(chat.units()) == 1
