"""Corrections right after a cart change and kinds said with «not» (the thirty-second round's
blind writers): «wait did i say 3? i meant 2» sets the line to two; «thats wrong, it was
large» changes its version; «no, one blue and one orange» splits it; «no sorry I meant the
nimbus one» swaps the product just added; «headphones, not earbuds» shows no earbuds; «show
me 3 water bottles» shows three."""

from __future__ import annotations

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.conversation.answers.said_facts import plain_facts
from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.list_length import list_length, options_asked
from assistant.conversation.understanding.sure_acts import checked
from assistant.conversation.understanding.version_words import same_as_before
from assistant.search.filters import FilterVocabulary
from assistant.search.parsing import parse_query
from assistant.search.unwanted import kind_words
from assistant.settings import DEMO_CATALOGUE
from tests.test_phrasing import Chat

URBANLOOM_SHORTS, LUMEN_CANDLE, NORTHTRAIL_POLES = "P0256", "P0164", "P0068"
MEADOW_TEE, CAIRN_BOTTLE, THREADWELL_HOODIE, NORTHWIND_JACKET = "P0253", "P0070", "P0275", "P0254"
BASSLINE_ONE, NIMBUS_CLASSIC_S = "P0001", "P0019"
KESTREL_NOVA_CROSSBODY, ATLAS_PRIME_CROSSBODY = "P0323", "P0335"
VERANO_PAN, LEAF_KETTLE_CLASSIC, COPPERLINE_POUR_OVER = "P0100", "P0287", "P0097"
TRAILHAWK_URBAN, PACER_PRO = "P0034", "P0040"
BRICKTON_PUZZLE, TUMBLE_URBAN_TEDDY, TUMBLE_LITE_TEDDY = "P0247", "P0246", "P0252"
PULSEFIT_ROPE, PULSEFIT_MAT, IRONPEAK_AIR_MAT, IRONPEAK_PRO_MAT = "P0196", "P0169", "P0175", "P0181"
DEWLEAF_EDGE, DEWLEAF_NOVA = "P0116", "P0122"
ARMORLY_PROTECTOR, BEAN_REPUBLIC_COLD_BREW = "P0218", "P0307"
VERANO_SKILLET, BOTANICA_SUNSCREEN, KITCHENCRAFT_FRYER = "P0094", "P0114", "P0098"


@pytest.fixture(scope="module")
def vocabulary() -> FilterVocabulary:
    return FilterVocabulary.from_catalogue(load_catalogue(DEMO_CATALOGUE)[0])


def test_the_kinds_a_shopper_can_refuse_are_the_titles_kinds_and_sorts() -> None:
    kinds = kind_words(load_catalogue(DEMO_CATALOGUE)[0])
    assert {"earbuds", "backpack", "duffel", "tote", "crossbody", "sleeping bag"} <= kinds
    # model names and words common in other senses are no kinds to refuse
    assert not {"aero", "pro", "lite", "set", "cover"} & kinds


@pytest.mark.parametrize(
    ("query", "refused", "left"),
    [
        ("headphones, not earbuds", "earbuds", "headphones"),
        ("i want a bag for the weekend but not a duffel", "duffel", "i want a bag for the weekend"),
        ("a small bag for day trips, not a backpack", "backpack", "a small bag for day trips"),
    ],
)
def test_a_kind_said_with_not_is_refused_and_cut(
    vocabulary: FilterVocabulary, query: str, refused: str, left: str
) -> None:
    parsed = parse_query(query, vocabulary)
    assert parsed.filters.not_words == [refused]
    assert parsed.text.startswith(left.split(",")[0].split(" but")[0])
    assert refused not in parsed.text


@pytest.mark.parametrize(
    ("said", "count"),
    [
        ("show me 3 water bottles", 3),
        ("top 3 yoga mats", 3),
        ("give me two options for a tent", 2),
        ("suggest a couple of gifts for a 10 year old", 2),
        ("show me 2 person tents", None),
        ("i need 2 yoga mats", None),
        ("show me 4 star headphones", None),
    ],
)
def test_a_list_is_as_long_as_asked(said: str, count: int | None) -> None:
    assert list_length(said) == count


def test_a_few_options_asked_are_a_search_not_a_compare() -> None:
    assert options_asked("compare", "give me two options for a tent") == "search"
    assert options_asked("compare", "compare the first two") == "compare"


@pytest.mark.parametrize(
    ("said", "fact"),
    [
        ("i need a sunscreen with NO fragrance", "fragrance free"),
        ("an unscented candle", "fragrance free"),
        ("a pan i can just throw in the dishwasher", "dishwasher safe"),
        ("an air fryer where the basket can go in the dishwasher", "dishwasher safe"),
    ],
)
def test_facts_in_everyday_words_read_as_the_catalogue_words_them(said: str, fact: str) -> None:
    assert fact in plain_facts(said)


def test_the_same_phone_is_the_version_last_added() -> None:
    added = {"colour": "pink", "model": "iPhone 16"}
    assert same_as_before("a screen protector for the same phone", added) == {"model": "iPhone 16"}
    assert same_as_before("same size", added) == {}


@pytest.mark.parametrize(
    ("said", "heard", "act"),
    [
        ("ok what did we agree on", "out_of_scope", "view_cart"),
        ("sum up please", "checkout", "view_cart"),
        ("can i call someone? i have questions about sizing", "help", "policy_question"),
        (
            "can the knife go to my dad's place and the pan to mine?",
            "out_of_scope",
            "policy_question",
        ),
    ],
)
def test_sums_contacts_and_split_addresses_have_their_acts(said: str, heard: str, act: str) -> None:
    assert checked(Request(said, heard, 0.4)).act == act


def _lines(bot, chat: Chat) -> list[tuple[str, str, int]]:
    cart = bot.commerce.get_cart(chat.session)
    return sorted(
        (line.product_id, " ".join(line.options.values()), line.qty) for line in cart.lines
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("turns", "product", "count"),
    [
        (
            "add the urbanloom go s running shorts in large | make it 3 | "
            "wait did i say 3? i meant 2",
            URBANLOOM_SHORTS,
            2,
        ),
        (
            "add 2 of the lumen home max s candles, the king size | actually make it 4 | "
            "no sorry, back to 2",
            LUMEN_CANDLE,
            2,
        ),
        (
            "add the northtrail plus 2 trekking poles in orange | fine, green then | "
            "2 actually, one for my kid",
            NORTHTRAIL_POLES,
            2,
        ),
        (
            "cheap pour over coffee maker? | add the copperline classic 300, red, small | "
            "no, medium | and 2 of them",
            COPPERLINE_POUR_OVER,
            2,
        ),
    ],
)
def test_a_count_corrected_right_after_sets_the_line(
    demo_assistant, turns: str, product: str, count: int
) -> None:
    chat = Chat(demo_assistant)
    for said in turns.split(" | "):
        chat.say(said)
    assert chat.units() == {product: count}


@pytest.mark.slow
def test_a_version_corrected_right_after_changes_the_line(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("nonstick frying pan, something not too pricey")
    chat.say("add the verano air x, medium")
    chat.say("thats wrong, it was large")
    assert _lines(demo_assistant, chat) == [(VERANO_PAN, "black large", 1)]
    chat.say("and 2 of it")
    assert chat.units() == {VERANO_PAN: 2}


@pytest.mark.slow
def test_one_of_each_version_splits_the_line_and_keeps_its_size(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("that threadwell lite hoodie, got it in XL?")
    chat.say("grey XL, add 2 of them")
    chat.say("hmm actually make it one grey and one white")
    lines = _lines(demo_assistant, chat)
    assert [(pid, qty) for pid, _, qty in lines] == [(THREADWELL_HOODIE, 1)] * 2
    assert all("XL" in options for _, options, _ in lines)


@pytest.mark.slow
def test_a_version_changed_with_a_reason_is_no_split(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the northwind trail 2 rain jacket in olive, L")
    chat.say("actually make it XL, L is probably tight on me")
    assert _lines(demo_assistant, chat) == [(NORTHWIND_JACKET, "XL olive", 1)]


@pytest.mark.slow
def test_i_meant_another_right_after_an_add_swaps_them(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("noise cancelling headphones under 100?")
    chat.say("ok add the bassline one wireless in navy")
    chat.say("no sorry I meant the nimbus one, the classic s. black")
    assert chat.units() == {NIMBUS_CLASSIC_S: 1}


@pytest.mark.slow
def test_a_brand_and_one_beside_that_brands_product_is_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("leather crossbody bag under 100?")
    chat.say("add the kestrel travel nova 2")
    chat.say("no i meant the atlas & oak one, in red")
    assert chat.units() == {ATLAS_PRIME_CROSSBODY: 1}
    chat.say("ok just remove it, ill wait till payday")
    assert chat.units() == {}


@pytest.mark.slow
def test_another_pick_of_the_list_keeps_the_size_said(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("show me running shoes under 100")
    chat.say("the second one in size 9")
    chat.say("no wait, the first one")
    chat.say("red")
    assert _lines(demo_assistant, chat) == [(TRAILHAWK_URBAN, "9 red", 1)]


@pytest.mark.slow
def test_a_kind_refused_is_not_shown(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("headphones, not earbuds")
    titles = [demo_assistant.services.catalogue.products[pid].title for pid in reply.products]
    assert titles and not any("Earbuds" in title for title in titles)


@pytest.mark.slow
def test_a_need_with_a_budget_keeps_its_aisle(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("looking for a gift for my dad who likes camping, around 60 bucks")
    products = [demo_assistant.services.catalogue.products[pid] for pid in reply.products]
    assert products and all(p.category == "Outdoor & Camping" for p in products)
    assert "looking" not in reply.text
    reply = chat.say("something for camping around $60")
    assert "don't sell" not in reply.text and reply.products


@pytest.mark.slow
def test_a_list_shows_as_many_as_asked(demo_assistant) -> None:
    assert len(Chat(demo_assistant).say("show me 3 water bottles").products) == 3
    reply = Chat(demo_assistant).say("give me two options for a tent")
    assert reply.intent == "search" and len(reply.products) == 2


@pytest.mark.slow
def test_versions_said_loosely(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("leaf n kettle classic beans, 1 kilo, whole bean?")
    chat.say("add a couple")
    assert _lines(demo_assistant, chat) == [(LEAF_KETTLE_CLASSIC, "1 kg whole bean", 2)]
    chat = Chat(demo_assistant)
    chat.say("wooden puzzle for a 4 year old?")
    chat.say("add 2 of the brickton puzzle, the normal edition")
    assert _lines(demo_assistant, chat) == [(BRICKTON_PUZZLE, "standard", 2)]
    chat.say("and add the cheaper of the tumble teddies")
    assert set(chat.units()) == {BRICKTON_PUZZLE, TUMBLE_URBAN_TEDDY}
    chat = Chat(demo_assistant)
    chat.say("cheapest cold brew concentrate that's in stock, ground")
    chat.say("add half a dozen of the small ground ones")
    assert _lines(demo_assistant, chat) == [(BEAN_REPUBLIC_COLD_BREW, "250 g ground", 6)]


@pytest.mark.slow
def test_sorts_of_a_kind_are_kept_apart(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("cheapest duffel bag?")
    assert "Duffel Bag" in reply.text.split("\n")[0] and "Tote" not in reply.text.split("\n")[0]
    reply = Chat(demo_assistant).say("pour over coffee thing, cheapest one thats in stock")
    assert reply.products[0] == COPPERLINE_POUR_OVER
    reply = Chat(demo_assistant).say("kestrel canvas tote in navy?")
    assert reply.products and "Nothing" not in reply.text


@pytest.mark.slow
def test_a_kind_said_beside_another_list_leads(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("cheapest yoga mat")
    chat.say("add it in blue")
    chat.say("and a jump rope, the pulsefit one in black")
    assert PULSEFIT_ROPE in chat.units() and PULSEFIT_MAT not in chat.units()


@pytest.mark.slow
def test_searches_hold_facts_said_in_everyday_words(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    assert chat.say("is there a cast iron pan i can just throw in the dishwasher?").products == [
        VERANO_SKILLET
    ]
    chat = Chat(demo_assistant)
    chat.say("i need a sunscreen with NO fragrance, scented stuff makes my skin freak out")
    reply = chat.say("what do people with sensitive skin say about it")
    assert reply.products[0] == BOTANICA_SUNSCREEN
    chat = Chat(demo_assistant)
    chat.say("looking for an air fryer where the basket can go in the dishwasher")
    chat.say("what are the reviews like for it, anything bad?")
    reply = chat.say("yikes. how about the blade & bowl sport s, are people happier with that one")
    assert "mention" not in reply.text and "rated 4.1" in reply.text


@pytest.mark.slow
def test_the_one_people_like_more_is_told_from_the_reviews(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("whats the difference between the ironpeak air s and the ironpeak pro yoga mats?")
    reply = chat.say("which one do ppl actually like more")
    assert set(reply.products) == {IRONPEAK_AIR_MAT, IRONPEAK_PRO_MAT}
    assert {c.kind for c in reply.citations} >= {"review"}
    chat.say("ok get that one in pink")
    assert chat.units() == {IRONPEAK_PRO_MAT: 1}


@pytest.mark.slow
def test_the_same_phone_and_the_same_size_carry_over(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("need a magsafe case for my iphone 16, max 25 dollars")
    chat.say("add the chargewell classic in pink for iphone 16")
    chat.say("also need a screen protector for the same phone, whats the cheapest")
    chat.say("add it in green")
    assert (ARMORLY_PROTECTOR, "green iPhone 16", 1) in _lines(demo_assistant, chat)
    chat = Chat(demo_assistant)
    chat.say("the dewleaf nova night cream, which sizes r actually in stock")
    chat.say("add a couple of the 50")
    chat.say("hmm no thanks. swap them for the dewleaf edge one instead, same size")
    assert _lines(demo_assistant, chat) == [(DEWLEAF_EDGE, "50 ml", 2)]


@pytest.mark.slow
def test_a_search_and_a_returns_question_in_one_message_get_both(demo_assistant) -> None:
    reply = Chat(demo_assistant).say(
        "hi, looking for decaf coffee thats already ground, not too pricey. also whats the "
        "deal with returns on coffee, like if i hate it can i send it back?"
    )
    assert reply.products and any(c.kind == "policy" for c in reply.citations)


IRONPEAK_AIR_S_MAT, SONARA_EDGE = "P0175", "P0021"


@pytest.mark.slow
def test_i_meant_a_product_the_cart_holds_swaps_nothing(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the IronPeak Air S Yoga Mat in blue")
    chat.say("add the PulseFit Sport Jump Rope in black")
    chat.say("no sorry I meant the ironpeak one")
    assert chat.units() == {IRONPEAK_AIR_S_MAT: 1, PULSEFIT_ROPE: 1}


@pytest.mark.slow
def test_i_meant_another_after_adding_two_swaps_two(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add 2 Bassline One Wireless Noise Cancelling Headphones in navy")
    chat.say("no sorry I meant the nimbus one")
    chat.say("black")
    assert chat.units() == {NIMBUS_CLASSIC_S: 2}


@pytest.mark.slow
def test_a_plain_edition_is_no_kind_we_lack(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("show me building blocks")
    reply = chat.say("add the Brickton Wave Building Blocks Set, the normal edition")
    assert "don't sell" not in reply.text and len(chat.units()) == 1


@pytest.mark.slow
def test_the_cheaper_of_a_brands_two_in_a_list(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("show me teddy bears")
    chat.say("add the cheaper of the tumble teddies")
    assert chat.units() == {TUMBLE_URBAN_TEDDY: 1}


@pytest.mark.slow
def test_a_question_about_the_version_changes_nothing(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the Threadwell Lite Fleece Hoodie in grey M")
    reply = chat.say("i said medium right?")
    assert reply.intent != "change" and chat.units() == {THREADWELL_HOODIE: 1}


@pytest.mark.slow
def test_a_kind_refused_leaves_the_rest_of_its_aisle(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("shoes but not running shoes")
    titles = [demo_assistant.services.catalogue.products[pid].title for pid in reply.products]
    assert titles and not any("Running Shoes" in title for title in titles)


@pytest.mark.slow
def test_stock_asked_beside_a_product_and_both_versions_added(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("sonara edge speaker in navy, in stock?")
    reply = chat.say("i need a couple tho, one for each of my 2 teens. enough navy?")
    assert reply.products == [SONARA_EDGE] and "1 in stock" in reply.text
    reply = chat.say("ok add 1 navy and 1 black")
    assert "don't sell" not in reply.text
    assert len(demo_assistant.commerce.get_cart(chat.session).lines) == 2


@pytest.mark.slow
def test_do_they_do_a_size_asks_whether_they_come_in_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("urbanlume chinos - any in medium?")
    reply = chat.say("do they do a large?")
    assert "don't sell" not in reply.text and "size" in reply.text
