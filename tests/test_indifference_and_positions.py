"""A shopper who does not mind, positions said across a conversation and names said by use
(the thirty-third round's blind writers): «any colour is fine» to «which one?» takes a
version in stock; «hoodie, any colour is fine» searches hoodies; «remove 1», «i meant 2»
takes one more out; «and the other one, same question» asks it of the others; «the red
copperline medium» is the one Copperline sold in red; «which is the biggest» ranks by
capacity. Some answers turn on a version's last units in stock, so the module keeps a store
of its own (other modules' orders never reach it)."""

from __future__ import annotations

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.conversation.answers.described import titled
from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.indifference import NOT_MINDED, without_indifference
from assistant.conversation.understanding.list_length import list_length, without_list_length
from assistant.conversation.understanding.sure_acts import checked
from assistant.search.filters import FilterVocabulary
from assistant.search.parsing import parse_query
from assistant.settings import DEMO_CATALOGUE
from tests.test_phrasing import Chat

THREADWELL_MAX_TEE, ZENMOTION_MAT, PULSEFIT_MAT = "P0277", "P0187", "P0169"
SUMMIT_BOTTLE, CAIRN_BOTTLE = "P0077", "P0070"
HEADLAMPS, RIDGELINE_STOVE, SUMMIT_SLEEPING_BAG = ("P0062", "P0069"), "P0067", "P0065"
CHARGEWELL_CASE, ARMORLY_PROTECTOR, SOFTNEST_CURTAINS = "P0221", "P0218", "P0144"
DEWLEAF_CLEANSER, PURELLE_NIGHT_CREAM, CLEARWELL_GEL = "P0133", "P0134", "P0118"
PLAYWISE_CLASSIC_CAR, PLAYWISE_STUDIO_CAR, ECHOFOX_PRIME = "P0251", "P0239", "P0017"
LUMEN_CANDLE = "P0164"
VERANO_SKILLET, COPPERLINE_CLASSIC_SKILLET, KESTREL_WAVE_TOTE = "P0094", "P0087", "P0320"
FLEXA_ROLLER, OAKHAVEN_PILLOW, LUMEN_DUVET, ATLAS_CUBES = "P0185", "P0154", "P0153", "P0325"
BOTANICA_SUNSCREEN, SONARA_SPEAKER = "P0114", "P0021"


@pytest.fixture(scope="module")
def vocabulary() -> FilterVocabulary:
    return FilterVocabulary.from_catalogue(load_catalogue(DEMO_CATALOGUE)[0])


@pytest.mark.parametrize(
    ("said", "left"),
    [
        ("hoodie, any colour is fine", "hoodie"),
        ("yoga mat, colour doesn't matter", "yoga mat"),
        ("any size is ok, show me tees", "show me tees"),
        ("running shoes, i'm not set on a colour", "running shoes"),
        ("i don't care about the brand, just want a cheap kettle", "just want a cheap kettle"),
        ("a kettle, no colour preference", "a kettle"),
        ("any colour is fine by me, size L", "size L"),
        # asked, not said: kept
        ("whichever is good for drops", "whichever is good for drops"),
        ("does any colour work with the iphone 16?", "does any colour work with the iphone 16?"),
        ("any good books on marathon training", "any good books on marathon training"),
        ("does it come in any colour?", "does it come in any colour?"),
        ("any colour other than black?", "any colour other than black?"),
    ],
)
def test_what_the_shopper_does_not_mind_is_cut(said: str, left: str) -> None:
    assert without_indifference(said) == left


def test_a_colour_is_never_read_from_not_minding_one(vocabulary: FilterVocabulary) -> None:
    for said in ("running shoes, i'm not set on a colour", "tees in any colour", "which colour?"):
        assert parse_query(said, vocabulary).requested.colour is None, said
    assert parse_query("yoga mat in a purple colour", vocabulary).requested.colour == "purple"


@pytest.mark.parametrize(
    ("said", "count", "left"),
    [
        ("two ideas for my dad under 40", 2, "for my dad under 40"),
        ("give me 2 options under $50 for a gift", 2, "give me under $50 for a gift"),
        ("show me 3 options for a hiking trip", 3, "show me for a hiking trip"),
    ],
)
def test_how_many_options_is_no_part_of_the_need(said: str, count: int, left: str) -> None:
    assert list_length(said) == count
    assert " ".join(without_list_length(said).split()) == left


@pytest.mark.parametrize(
    "said",
    [
        "compare the first two options",
        "i like those two options, which one is cheaper",
        "between these 2 options which is better rated?",
        "im torn between two options: the sonara edge and the echofox one 2",
    ],
)
def test_options_already_shown_are_no_list_length(said: str) -> None:
    assert list_length(said) is None


@pytest.mark.parametrize(
    ("said", "heard"),
    [
        ("can i get 2?", "product_question"),
        ("could we get two of them", "search"),
        ("ok can i have 3", "product_question"),
        ("ok get it", "smalltalk"),
        ("fine, i'll take that one then", "review_question"),
    ],
)
def test_getting_the_one_in_view_is_an_add(said: str, heard: str) -> None:
    assert checked(Request(said, heard, 0.5)).act == "add"


def test_not_minding_is_told_from_asking() -> None:
    assert NOT_MINDED.search("any colour is fine")
    assert NOT_MINDED.search("size doesn't matter")
    assert not NOT_MINDED.search("any colour other than black?")


@pytest.mark.parametrize(
    ("product", "question", "words"),
    [
        ("P0007", "does it have noise cancelling", "Noise Cancelling"),
        ("P0070", "is it insulated?", "Insulated"),
        ("P0154", "is it memory foam", "Memory Foam"),
        ("P0007", "does it come in silver", None),
        ("P0154", "is it comfy", None),
    ],
)
def test_a_feature_the_title_names_is_answered_by_it(
    product: str, question: str, words: str | None
) -> None:
    catalogue = load_catalogue(DEMO_CATALOGUE)[0]
    assert titled(catalogue.products[product], question) == words


def _lines(bot, chat: Chat) -> list[tuple[str, str, int]]:
    cart = bot.commerce.get_cart(chat.session)
    return sorted(
        (line.product_id, " ".join(line.options.values()), line.qty) for line in cart.lines
    )


def _say_all(chat: Chat, turns: str):
    reply = None
    for said in turns.split(" | "):
        reply = chat.say(said)
    return reply


@pytest.mark.slow
def test_any_colour_to_which_one_takes_a_version_in_stock(own_store_assistant) -> None:
    chat = Chat(own_store_assistant)
    reply = _say_all(chat, "show me tees | add the first one | any colour is fine")
    assert not chat.units(), "a size is still open"
    assert "Which one" in reply.text
    chat.say("L")
    assert chat.units() == {THREADWELL_MAX_TEE: 1}
    chat = Chat(own_store_assistant)
    _say_all(chat, "show me tees | add the first one | any colour, size S")
    assert next(options for _, options, _ in _lines(own_store_assistant, chat)).startswith("S ")
    chat = Chat(own_store_assistant)
    _say_all(chat, "yoga mats | add the second | whichever, i don't mind")
    assert chat.units() == {ZENMOTION_MAT: 1}


@pytest.mark.slow
def test_searches_that_do_not_mind_a_colour_search_the_kind(own_store_assistant) -> None:
    reply = Chat(own_store_assistant).say("hoodie, any colour is fine")
    assert "don't sell" not in reply.text and reply.products
    reply = Chat(own_store_assistant).say("running shoes, i'm not set on a colour")
    assert "set on" not in reply.text
    reply = Chat(own_store_assistant).say("give me 2 options under $50 for a gift")
    assert "2 options" not in reply.text and len(reply.products) == 2
    reply = Chat(own_store_assistant).say("show me 3 options for a hiking trip")
    assert "don't sell" not in reply.text and len(reply.products) == 3
    reply = Chat(own_store_assistant).say("a 250 grams bag of matcha")
    assert "Grams" not in reply.text and reply.products


@pytest.mark.slow
def test_a_count_corrected_after_a_removal(own_store_assistant) -> None:
    chat = Chat(own_store_assistant)
    _say_all(chat, "yoga mats | add 3 of the first in black | remove 1 | i meant 2")
    assert chat.units() == {PULSEFIT_MAT: 1}
    chat = Chat(own_store_assistant)
    _say_all(chat, "yoga mats | add 3 of the first in black | take the mat out | i meant 2")
    assert chat.units() == {PULSEFIT_MAT: 1}
    chat = Chat(own_store_assistant)
    _say_all(chat, "yoga mats | add 3 of the first in black | take the mat out | put 1 back")
    assert chat.units() == {PULSEFIT_MAT: 1}
    chat.say("put the rest back too")
    assert chat.units() == {PULSEFIT_MAT: 3}


@pytest.mark.slow
def test_the_other_one_beside_three_is_the_two_not_in_focus(own_store_assistant) -> None:
    chat = Chat(own_store_assistant)
    _say_all(chat, "water bottle that keeps stuff cold, nothing over 40 | does the cheapest leak?")
    reply = chat.say("ok and the other one, same question")
    assert set(reply.products) == {SUMMIT_BOTTLE, CAIRN_BOTTLE}
    assert "mention question" not in reply.text
    chat = Chat(own_store_assistant)
    _say_all(chat, "water bottles under 40 | tell me about the cheapest")
    reply = chat.say("add the other one")
    assert "Which one do you mean?" in reply.text and not chat.units()


@pytest.mark.slow
def test_picks_by_position_across_the_conversation(own_store_assistant) -> None:
    chat = Chat(own_store_assistant)
    _say_all(chat, "got any head torches under $30? | one of each please, both in blue")
    assert chat.units() == dict.fromkeys(HEADLAMPS, 1)
    chat = Chat(own_store_assistant)
    _say_all(
        chat,
        "show me the ridgeline wave 2 camping stove | also any sleeping bags under $60? | "
        "add the cheaper of those in grey | and the first one you showed me earlier, in orange",
    )
    assert chat.units() == {SUMMIT_SLEEPING_BAG: 1, RIDGELINE_STOVE: 1}
    chat = Chat(own_store_assistant)
    _say_all(
        chat,
        "rc cars: playwise classic 700, zoomkid flow s, playwise studio | "
        "ok not that one. 2 of the first and 1 of the third, standard editions",
    )
    assert chat.units() == {PLAYWISE_CLASSIC_CAR: 2, PLAYWISE_STUDIO_CAR: 1}
    chat = Chat(own_store_assistant)
    _say_all(
        chat,
        "gentle foaming cleanser: purelle classic 200 or dewleaf lite 2? | "
        "add the cheaper one, 50ml | fine the other one then, 50ml | same again",
    )
    assert chat.units() == {DEWLEAF_CLEANSER: 2}


@pytest.mark.slow
def test_versions_kept_and_picked_by_their_words(own_store_assistant) -> None:
    chat = Chat(own_store_assistant)
    _say_all(
        chat,
        "magsafe case for iphone 16, the chargewell classic one | red one please | "
        "actually the other colour | "
        "also a screen protector for the same phone, the armorly go s in clear | ok blue then",
    )
    protector = [o for pid, o, _ in _lines(own_store_assistant, chat) if pid == ARMORLY_PROTECTOR]
    assert protector == ["blue iPhone 16"]
    chat = Chat(own_store_assistant)
    _say_all(
        chat,
        "softnest pro s blackout curtains, do you have queen size? | grey please | make it 2 | "
        "ok swap it to the other colour and make it 2",
    )
    assert _lines(own_store_assistant, chat) == [(SOFTNEST_CURTAINS, "olive queen", 2)]
    chat = Chat(own_store_assistant)
    _say_all(
        chat, "scented candles, oakhaven core 2 vs lumen home max s? | add 3 of the cheaper one"
    )
    chat.say("the biggest one")
    assert _lines(own_store_assistant, chat) == [(LUMEN_CANDLE, "beige king", 3)]
    chat = Chat(own_store_assistant)
    _say_all(
        chat, "auralpeak aero s earbuds | ok add the white one | can u make it 2, one for my sister"
    )
    chat.say("ugh ok then add a silver one as well")
    assert sorted(qty for _, _, qty in _lines(own_store_assistant, chat)) == [1, 1]


@pytest.mark.slow
def test_named_by_brand_and_version_or_by_use(own_store_assistant) -> None:
    chat = Chat(own_store_assistant)
    _say_all(
        chat,
        "want a le creuset type pan, the heavy cast iron kind | in red, medium size, under 30",
    )
    reply = chat.say("meh. whats the best rated skillet you have then")
    assert reply.products[0] == VERANO_SKILLET
    _say_all(chat, "ok the verano one, silver medium | and add the red copperline medium too")
    assert chat.units() == {VERANO_SKILLET: 1, COPPERLINE_CLASSIC_SKILLET: 1}
    reply = Chat(own_store_assistant).say("those zip bag things that organise your suitcase")
    assert ATLAS_CUBES in reply.products
    reply = Chat(own_store_assistant).say("cheap chai spice blend? a 500g bag would be good")
    assert all(
        "Chai" in own_store_assistant.services.catalogue.products[p].title for p in reply.products
    )
    assert "none of these comes in" not in reply.text
    reply = Chat(own_store_assistant).say(
        "need a night cream and a spot gel. thinking the purelle sport x cream and the "
        "clearwell core 2 gel"
    )
    assert reply.products == [PURELLE_NIGHT_CREAM, CLEARWELL_GEL]


@pytest.mark.slow
def test_a_list_ranked_by_a_fact_in_words_or_by_size(own_store_assistant) -> None:
    chat = Chat(own_store_assistant)
    chat.say("a big tote bag for the beach")
    reply = chat.say("which is the biggest")
    assert "40 L" in reply.text and reply.products[0] == KESTREL_WAVE_TOTE
    chat = Chat(own_store_assistant)
    chat.say("compare the botanica lab pro sunscreen with the luma skin zen x one")
    reply = chat.say("which one has no fragrance?")
    assert reply.text.startswith("Of these, Botanica Lab Pro")
    chat.say("add it")
    assert chat.bot.sessions.load(chat.session).focus == BOTANICA_SUNSCREEN
    chat = Chat(own_store_assistant)
    chat.say("water bottles under 40")
    assert len(chat.say("compare them").products) == 3


@pytest.mark.slow
def test_short_picks_and_counts_of_the_one_in_view(own_store_assistant) -> None:
    chat = Chat(own_store_assistant)
    _say_all(chat, "foam roller | cheapest one thats in stock? | add it")
    reply = chat.say("can i get 2?")
    assert "only 1 left" in reply.text and chat.units() == {FLEXA_ROLLER: 1}
    chat = Chat(own_store_assistant)
    _say_all(chat, "memory foam pillow under 50, queen size | oakhaven, grey, queen. 2 of them")
    assert chat.units() == {OAKHAVEN_PILLOW: 2}
    chat = Chat(own_store_assistant)
    _say_all(
        chat,
        "a linen duvet cover for a queen bed | under 100 | is it actually linen tho | "
        "hm ok whatever, grey queen",
    )
    assert chat.units() == {LUMEN_DUVET: 1}


@pytest.mark.slow
def test_switch_back_undoes_a_swap(own_store_assistant) -> None:
    chat = Chat(own_store_assistant)
    _say_all(
        chat,
        "add the sonara edge speaker in black | "
        "hmm actually swap it for the bassline wave speaker in green | "
        "is the seller on that one legit? | nah switch back to the sonara then",
    )
    assert _lines(own_store_assistant, chat) == [(SONARA_SPEAKER, "black", 1)]


@pytest.mark.slow
def test_over_ear_ones_are_headphones(own_store_assistant) -> None:
    reply = Chat(own_store_assistant).say("cheapest over-ear ones?")
    assert "don't sell" not in reply.text
    titles = [own_store_assistant.services.catalogue.products[p].title for p in reply.products]
    assert titles and all(title.endswith("Headphones") for title in titles)


@pytest.mark.slow
def test_a_budget_said_loosely_lists_the_cheaper_end_first(own_store_assistant) -> None:
    reply = Chat(own_store_assistant).say(
        "im after a blender for smoothies, nothing crazy expensive"
    )
    prices = [
        own_store_assistant.services.catalogue.products[p].min_price_minor for p in reply.products
    ]
    assert reply.text.startswith("Cheapest first") and prices == sorted(prices)


@pytest.mark.slow
def test_a_kind_we_lack_or_something_for_a_need_gets_both(own_store_assistant) -> None:
    reply = Chat(own_store_assistant).say(
        "hey do you have a gift card or something for my brother, he's into cycling"
    )
    assert "don't sell gift cards" in reply.text and reply.products


@pytest.mark.slow
def test_a_feature_in_the_title_is_said_yes(own_store_assistant) -> None:
    chat = Chat(own_store_assistant)
    chat.say("wireless noise cancelling headphones")
    reply = chat.say("the first one, does it have noise cancelling?")
    assert reply.text.startswith("Yes: it is the AuralPeak One 300")
    reply = Chat(own_store_assistant).say("meeple house classic 500 board game any good?")
    assert "in its own name" not in reply.text


@pytest.mark.slow
def test_a_count_to_keep_after_a_removal_is_the_lines_count(own_store_assistant) -> None:
    for said in ("sorry, 3 not 2", "back to 3"):
        chat = Chat(own_store_assistant)
        _say_all(chat, "add 3 of the wildpine go insulated water bottle in grey | remove 1")
        chat.say(said)
        assert chat.units() == {"P0084": 3}, said


@pytest.mark.slow
def test_the_other_one_after_refusing_a_version_is_the_other_version(own_store_assistant) -> None:
    chat = Chat(own_store_assistant)
    _say_all(
        chat,
        "compare the echofox zen earbuds and the auralpeak aero s earbuds | add the echofox | "
        "not black, the other one",
    )
    assert chat.units() == {"P0002": 1}


@pytest.mark.slow
def test_looser_words_keep_their_old_readings(own_store_assistant) -> None:
    chat = Chat(own_store_assistant)
    chat.say("show me electric kettles")
    shown = set(chat.bot.sessions.load(chat.session).shown)
    reply = chat.say("what's the best one you have?")
    assert "don't sell" not in reply.text and set(reply.products) <= shown
    reply = Chat(own_store_assistant).say("i need a bag to pack my clothes for a weekend trip")
    assert "P0325" not in reply.products and reply.products
    chat = Chat(own_store_assistant)
    _say_all(chat, "add the threadwell sport x fleece hoodie in L white | does it run small?")
    chat.say("same one but in navy")
    assert [o for _, o, _ in _lines(own_store_assistant, chat)] == ["L navy"]
    reply = Chat(own_store_assistant).say(
        "i have the bassline one headphones. is the wave speaker any good?"
    )
    assert reply.products == ["P0009"]
    reply = Chat(own_store_assistant).say("any colour of the jump rope in stock?")
    assert "colour of" not in reply.text
