"""Picks said loosely and repeats of an add (the forty-fifth round): «the cheap armorly
screen protector» of two shown, «same again for the grey ones», «same again but in grey»,
«no, the board game actually» right after a card game was added."""

from __future__ import annotations

import pytest

from assistant.settings import DEMO_CATALOGUE
from tests.test_phrasing import Chat

PROTECTOR_AIR, PROTECTOR_GO = "P0200", "P0218"
ROPE_PULSEFIT = "P0196"
FLATS_URBAN, FLATS_WAVE = "P0051", "P0056"
CARD_GAME, BOARD_GAME, CARD_GAME_MEEPLE, CARD_GAME_TUMBLE = "P0230", "P0250", "P0236", "P0242"


def _lines(bot, chat: Chat) -> dict[str, int]:
    """The cart's lines by version id."""
    return {line.variant_id: line.qty for line in bot.commerce.get_cart(chat.session).lines}


@pytest.mark.slow
def test_the_cheap_one_of_two_shown_is_the_cheaper(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("armorly screen protectors?")
    chat.say("add the cheap armorly screen protector for pixel 9 in clear")
    assert chat.units() == {PROTECTOR_GO: 1}
    other = Chat(demo_assistant)
    other.say("armorly screen protectors?")
    other.say("the expensive one, for galaxy s24 in black")
    assert other.units() == {PROTECTOR_AIR: 1}


@pytest.mark.slow
def test_same_again_in_another_version_adds_as_many(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add 2 pulsefit sport jump ropes in black")
    chat.say("same again for the grey ones")
    assert _lines(demo_assistant, chat) == {"P0196-V1": 2, "P0196-V3": 2}
    but = Chat(demo_assistant)
    but.say("add 2 pulsefit sport jump ropes in black")
    but.say("same again but in green")
    assert _lines(demo_assistant, but) == {"P0196-V1": 2, "P0196-V2": 2}


@pytest.mark.slow
def test_same_again_for_the_ones_of_a_colour_just_added(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("racing flats under $100")
    chat.say("one of each in size 7")
    chat.say("same again for the grey ones")
    assert chat.units() == {FLATS_URBAN: 1, FLATS_WAVE: 2}


@pytest.mark.slow
def test_no_the_other_thing_actually_trades_the_one_just_added(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("any card games?")
    chat.say("add the playwise one standard")
    chat.say("no, the board game actually")
    assert chat.units() == {CARD_GAME: 1}  # which version? nothing traded yet
    chat.say("standard")
    assert chat.units() == {BOARD_GAME: 1}
    other = Chat(demo_assistant)
    other.say("any card games?")
    other.say("add the tumble & co core 400")
    other.say("no, the meeple house one")
    assert other.units() == {CARD_GAME_MEEPLE: 1}


@pytest.mark.slow
def test_a_price_pick_asked_about_is_no_review_topic(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("armorly screen protectors?")
    reply = chat.say("is the expensive one any good?")
    assert reply.products == [PROTECTOR_AIR] and "mention expensive" not in reply.text
    assert "positive" in reply.text


SHORTS_PLUS = "P0274"
HEADPHONES_BASSLINE, HEADPHONES_QUIETUDE, HEADPHONES_AURALPEAK = "P0004", "P0028", "P0022"
BANDS_MAX, BANDS_AIR, BANDS_ZENMOTION = "P0171", "P0183", "P0177"
HEADLAMP_WILDPINE, HEADLAMP_CAIRN = "P0083", "P0076"
CLEANSER_BOTANICA, CLEANSER_DEWLEAF, SUNSCREEN_DEWLEAF = "P0121", "P0133", "P0132"
SUNSCREEN_LUMA = "P0120"
TEE_MEADOW, TEE_THREADWELL = "P0253", "P0277"
FRYER_KITCHENCRAFT, FRYER_BLADE, FRYER_BLADE_PRO = "P0098", "P0112", "P0105"
SNEAKERS_PACER, MOUNT_CHARGEWELL, CASE_CHARGEWELL = "P0033", "P0201", "P0215"
RC_CAR_CLASSIC = "P0251"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("said", "count"), [("and 2 more", 3), ("plus 2 more for my mates", 3), ("one more", 2)]
)
def test_so_many_more_just_after_an_add(demo_assistant, said: str, count: int) -> None:
    chat = Chat(demo_assistant)
    chat.say("shorts for the gym, XL, red, under 40")
    chat.say("ok add the plus 900 in XL")
    chat.say(said)
    assert chat.units() == {SHORTS_PLUS: count}


@pytest.mark.slow
@pytest.mark.parametrize(
    "said",
    [
        "my dad needs comfy shoes for walking the dog, he's a size 11. black if u have it",
        "ok beans for my espresso machine then, dark roast, ethiopian if poss",
        "king",
        "meh, copperline black small",
        "my old air fryer died and i need a new one asap, nothing over 80 bucks",
    ],
)
def test_a_wish_a_place_or_a_version_names_no_kind_we_lack(demo_assistant, said: str) -> None:
    assert demo_assistant.planner.kinds.missing(said) is None


@pytest.mark.slow
def test_a_kind_we_lack_is_still_said(demo_assistant) -> None:
    assert demo_assistant.planner.kinds.missing("do you sell ipads") == "ipads"


@pytest.mark.slow
def test_a_shown_one_named_by_its_make_is_that_one(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("walking sneakers under 80 in size 7")
    chat.say("the pacer & co one")
    assert chat.units() == {SNEAKERS_PACER: 1}
    fryers = Chat(demo_assistant)
    fryers.say("air fryer, nothing over 80 bucks please")
    assert fryers.say("is the blade & bowl one loud?").products == [FRYER_BLADE]
    mounts = Chat(demo_assistant)
    mounts.say("ok then a car phone mount for an iphone 15")
    reply = mounts.say("add the chargewell one for my iphone 15")
    assert CASE_CHARGEWELL not in reply.products and mounts.units() == {MOUNT_CHARGEWELL: 1}


@pytest.mark.slow
def test_an_order_asked_about_twice_and_a_return_asked_if(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the armorly air s screen protector for galaxy s24 in clear")
    summary = chat.say("checkout")
    for _ in range(2):  # the same confirmation pressed twice
        demo_assistant.confirm(chat.session, summary.pending_checkout.checkout_id, "twice-1")
    reply = chat.say("did that go through twice?? i pressed it 2 times")
    assert "Only one order was placed" in reply.text
    returned = chat.say("and if the protector turns out rubbish can i send it back")
    assert "30 days" in returned.text and "cancel it instead" not in returned.text


@pytest.mark.slow
def test_the_other_two_leave_out_the_one_named_or_just_compared(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say(
        "compare the bassline urban 2, the quietude urban and the auralpeak plus x wired "
        "studio headphones"
    )
    chat.say("the auralpeak is way over my budget lol. add the other two")
    assert chat.units() == {HEADPHONES_BASSLINE: 1, HEADPHONES_QUIETUDE: 1}
    bands = Chat(demo_assistant)
    bands.say(
        "show me the flexa max s bands, the flexa air 2 bands and the zenmotion pro 2 bands. "
        "which is cheapest"
    )
    bands.say("add the other two, both in purple")
    assert bands.units() == {BANDS_MAX: 1, BANDS_AIR: 1}


@pytest.mark.slow
def test_versions_said_by_sameness_place_or_a_bare_amount(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("headlamps?")
    chat.say("add the wildpine edge")
    chat.say("and the cairn gear air s in the same colour")
    assert _lines(demo_assistant, chat) == {"P0083-V1": 1, "P0076-V2": 1}
    cleansers = Chat(demo_assistant)
    cleansers.say("gentle foaming cleansers that are in stock")
    cleansers.say("the botanica lab flow, 30ml and 100ml, one of each")
    cleansers.say("and the dewleaf lite 2 in 50")
    assert _lines(demo_assistant, cleansers) == {"P0121-V1": 1, "P0121-V3": 1, "P0133-V2": 1}
    sunscreens = Chat(demo_assistant)
    sunscreens.say("compare the luma skin zen x sunscreen and the dewleaf lite 600 sunscreen")
    reply = sunscreens.say(
        "ok the cheaper of those two in 50ml please, and whats the return window on it?"
    )
    assert sunscreens.units() == {SUNSCREEN_LUMA: 1} and "14 days" in reply.text
    sunscreens.say("and one of the other one too, same size")
    assert _lines(demo_assistant, sunscreens) == {"P0120-V2": 1, "P0132-V2": 1}


@pytest.mark.slow
def test_one_of_each_then_a_version_for_each(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("show me the meadow & moss trail 2 tee and the threadwell max s tee")
    chat.say("one of each in size S")
    assert chat.units() == {}  # which colours?
    chat.say("red for the meadow & moss one and beige for the other")
    assert _lines(demo_assistant, chat) == {"P0253-V4": 1, "P0277-V4": 1}
    fryers = Chat(demo_assistant)
    fryers.say(
        "whats the difference between the kitchencraft nova air fryer and the blade & bowl "
        "sport s air fryer"
    )
    fryers.say("add the kitchencraft in white, medium, and the other one in green small")
    assert _lines(demo_assistant, fryers) == {"P0098-V8": 1, "P0112-V5": 1}


@pytest.mark.slow
def test_asides_and_slips_around_a_question(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("shorts for the gym, XL, red, under 40")
    assert "mention check" not in chat.say("which ones dont shrink? check reviews").text
    mats = Chat(demo_assistant)
    shown = mats.say("yoga mat undr 30 pls").products
    assert shown and all(pid in {"P0169", "P0175", "P0181"} for pid in shown)
    cleanser = Chat(demo_assistant)
    reply = cleanser.say(
        "looking for a gentle face cleanser for oily skin under $20 - is it vegan and what "
        "does it smell like?"
    )
    assert "light citrus" in reply.text and "list the does" not in reply.text


@pytest.mark.slow
def test_a_pick_said_unsure_then_same_again_for_someone(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("remote control car under 30 for my nephew")
    chat.say("what ages are they for?")
    chat.say("he's 5 so the classic 700 i guess. standard edition")
    assert chat.units() == {RC_CAR_CLASSIC: 1}
    again = Chat(demo_assistant)
    again.say("add 2 pulsefit sport jump ropes in black")
    again.say("and the same again for my partner")
    assert again.units() == {ROPE_PULSEFIT: 4}


def test_what_the_description_says_when_the_data_and_reviews_do_not() -> None:
    from assistant.catalogue.loader import load_catalogue
    from assistant.conversation.product_answers import silent_lead

    catalogue, _ = load_catalogue(DEMO_CATALOGUE)
    kids = catalogue.products["P0024"]
    assert "volume-limited" in silent_lead(kids, "do they limit the volume? it's for my 5 yo")
    shorts = catalogue.products["P0274"]
    assert "doesn't say" in silent_lead(shorts, "do they have any stretch?")


def test_placed_twice_is_asked_of_the_orders() -> None:
    from assistant.conversation.understanding.acts import Request
    from assistant.conversation.understanding.sure_acts import checked

    asked = checked(
        Request("did that go through twice?? i pressed it 2 times", "review_question", 0.4)
    )
    assert asked.act == "order_status"
    assert checked(Request("is it good for two people?", "product_question", 0.6)).act != (
        "order_status"
    )


@pytest.mark.slow
def test_a_need_with_a_question_of_what_it_finds(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say(
        "hi! looking for a night cream for really sensitive skin, ideally no fragrance. also "
        "does it come in a travel size?"
    )
    assert "30 ml" in reply.text


@pytest.mark.slow
def test_something_cheaper_that_is_in_stock_narrows_the_list(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("lightest tent you've got? going solo backpacking")
    reply = chat.say("409?! way too much. something under 200 that's in stock")
    assert set(reply.products) == {"P0071", "P0064"}


# The helper review's regressions, mended


@pytest.mark.slow
def test_remarks_questions_and_declines_change_nothing(demo_assistant) -> None:
    mat = Chat(demo_assistant)
    mat.say("tell me about the zenmotion one yoga mat")
    mat.say("the price is a bit much i guess")
    assert mat.units() == {}
    mats = Chat(demo_assistant)
    mats.say("show me yoga mats")
    mats.say("couple more?")
    assert mats.units() == {}
    ropes = Chat(demo_assistant)
    ropes.say("add 2 black pulsefit sport jump ropes")
    ropes.say("2 more?")
    assert ropes.units() == {ROPE_PULSEFIT: 2}
    fryers = Chat(demo_assistant)
    fryers.say("compare the kitchencraft nova air fryer and the blade & bowl sport s air fryer")
    fryers.say("add the kitchencraft in white small, and the other one's too dear so skip it")
    assert fryers.units() == {FRYER_KITCHENCRAFT: 1}
    tee = Chat(demo_assistant)
    tee.say("add the meadow & moss trail 2 organic cotton t-shirt in M, white")
    tee.say("the other one, same colour")
    assert tee.units() == {TEE_MEADOW: 1}


@pytest.mark.slow
def test_no_the_other_too_keeps_both(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("show me teddy bears")
    chat.say("add the meeple house lite plush teddy bear")
    chat.say("no, the tumble & co lite too")
    assert chat.units() == {"P0228": 1, "P0252": 1}


@pytest.mark.slow
def test_a_pick_said_unsure_must_name_one_in_view(demo_assistant) -> None:
    games = Chat(demo_assistant)
    games.say("show me board games for kids")
    games.say("he's 5 so the classic 700 i guess. standard edition")
    assert games.units() == {}  # the Classic 700 is a car; the Classic 500 game is not it
    hoodies = Chat(demo_assistant)
    hoodies.say("show me hoodies")
    reply = hoodies.say("the kestrel one in navy i guess")
    assert reply.products == ["P0263"] and "Which one would you like?" in reply.text


def test_twice_and_if_said_of_other_things() -> None:
    from assistant.conversation.understanding.acts import Request
    from assistant.conversation.understanding.sure_acts import checked

    for said in ("i think i was charged twice", "can i split it into two orders?"):
        assert checked(Request(said, "policy_question", 0.6)).act != "order_status", said
    asked = checked(Request("if possible, can i return the echofox one?", "return", 0.8))
    assert asked.act == "return"
    rule = checked(Request("and if they turn out rubbish can i send them back", "return", 0.8))
    assert rule.act == "policy_question"


@pytest.mark.slow
def test_twice_with_no_orders_and_a_search_with_a_question(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("did my order go through twice?")
    assert "no orders" in reply.text and "0 orders" not in reply.text
    earbuds = Chat(demo_assistant)
    text = earbuds.say("earbuds under 50 - are they waterproof and do they fit an iphone 14?").text
    assert "iphone 14" in text.lower() and text.count("IPX7") == 1
    pour = Chat(demo_assistant)
    pour.say("the cheapest pour over one in black")
    assert "none of these comes in size small" not in pour.say("meh, copperline black small").text


@pytest.mark.slow
def test_a_country_in_a_kind_we_lack_is_kept(demo_assistant) -> None:
    assert demo_assistant.planner.kinds.missing("do you sell french presses?") == "french presses"


# The second helper review's regressions, mended


def test_buying_twice_or_a_time_is_no_such_thing() -> None:
    from assistant.catalogue.loader import load_catalogue
    from assistant.conversation.answers.order_wording import PLACED_TWICE

    for said in ("can i order it twice, once in black and once in navy?", "a double order of it"):
        assert not PLACED_TWICE.search(said), said
    assert PLACED_TWICE.search("did that go through twice?? i pressed it 2 times")
    coffee = load_catalogue(DEMO_CATALOGUE)[0].products["P0281"]
    assert coffee.options_named_in("add it, i need it in 1 week") == {}
    assert coffee.options_named_in("the roastery 9 lite in 500") == {"size": "500 g"}


@pytest.mark.slow
def test_what_is_asked_i_guess_or_said_of_cheap_things_adds_nothing(demo_assistant) -> None:
    speaker = Chat(demo_assistant)
    speaker.say("show me the sonara prime 2 speaker")
    assert "battery life" in speaker.say("the battery i guess").text
    assert speaker.units() == {}
    protectors = Chat(demo_assistant)
    protectors.say("armorly screen protectors")
    protectors.say("the cheap stuff always breaks tbh")
    assert protectors.units() == {}
    bags = Chat(demo_assistant)
    bags.say("show me crossbody bags")
    reply = bags.say("the kestrel travel one, the dear one")
    assert set(reply.products) == {"P0311", "P0323"} and bags.units() == {}
    games = Chat(demo_assistant)
    games.say("any card games?")
    games.say("add the playwise one standard")
    games.say("no, the board game can wait")
    assert games.units() == {CARD_GAME: 1}
    ropes = Chat(demo_assistant)
    ropes.say("jump ropes")
    ropes.say("add the pulsefit sport in black")
    ropes.say("plus 2 more for my mates")
    assert ropes.units() == {ROPE_PULSEFIT: 3}


@pytest.mark.slow
def test_what_if_asked_at_a_summary_is_the_rule(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the armorly air s screen protector for galaxy s24 in clear")
    chat.say("checkout")
    for said in (
        "what happens if i hit confirm twice?",
        "what if i press the confirm button twice by accident?",
    ):
        assert "twice places one order" in chat.say(said).text, said
    assert "is placed" in chat.say("yes").text  # the summary still waited for its yes
