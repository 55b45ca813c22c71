"""Counts said in words beside a loose name, corrections and read-backs, and searches that
say what their listings do not (the forty-second round): «ridge line camp stove, a couple in
orange», «oak haven studio pillow, navy queen, one for me and one for the wife», «grab it, and
one in M for my partner», «take the blue one out» of a navy line, «you didnt add the X by
accident did you», «no no, the other atlas & oak, the one x»; «running shorts with a zip
pocket for keys?» says no listing mentions one."""

from __future__ import annotations

import pytest

from assistant.catalogue.models import Variant
from assistant.commerce.variants import matching_shade
from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.counts_in_words import counts_as_digits
from assistant.conversation.understanding.joins import added_then_asked
from assistant.conversation.understanding.named_picks import one_more_for_someone
from assistant.conversation.understanding.segments import segment
from assistant.conversation.understanding.slots import Slots
from assistant.conversation.understanding.sure_acts import checked
from assistant.search.parsing import _requested_size
from tests.test_phrasing import Chat

STOVE, PILLOW, JACKET, SHORTS = "P0067", "P0154", "P0254", "P0262"
DUFFEL, CUBES, CARRY_ON_ZEN, CARRY_ON_ONE_X = "P0312", "P0313", "P0333", "P0327"
HEADPHONES, CLEANSER, SPEAKER, CASE_CORE_S = "P0001", "P0133", "P0003", "P0209"
PAN_VERANO = "P0100"


def _lines(bot, session: str) -> list[tuple[str, int]]:
    """The cart's lines as (variant id, quantity), in order."""
    return [(line.variant_id, line.qty) for line in bot.commerce.get_cart(session).lines]


@pytest.mark.parametrize(
    ("said", "asks"),
    [
        ("you didnt add the blade & bowl one by accident did you", True),
        ("did you add 2 of them?", True),
        ("have u put the blade & bowl in my cart", True),
        ("add the blade & bowl one", False),
        ("can you add the blade & bowl one", False),
        # (the review's: a request said after, or «by mistake» in a request)
        ("did you add the small one? i wanted medium", False),
        ("i added the orange one by mistake, can you remove it?", False),
        ("i accidentally added 2, can you make it 1?", False),
    ],
)
def test_asking_what_was_added_changes_nothing(said: str, asks: bool) -> None:
    heard = checked(Request(said, "change", 0.9))
    assert (heard.act == "view_cart") is asks


@pytest.mark.parametrize(
    ("said", "adds"),
    [
        ("ugh ok get her the pink one for iphone 16 then", True),
        ("buy my dad the best one for hiking", False),
        ("get my daughter the cheapest one", False),
    ],
)
def test_getting_someone_the_one_meant_adds_it(said: str, adds: bool) -> None:
    assert (checked(Request(said, "product_question", 0.9)).act == "add") is adds


@pytest.mark.parametrize(
    ("said", "lists"),
    [
        ("show me trekking poles with more reviews", True),
        ("any with more reviews?", False),  # of the list in view, as before
        ("any with lots of reviews?", False),
    ],
)
def test_a_kind_with_more_reviews_is_a_list(said: str, lists: bool) -> None:
    assert (checked(Request(said, "review_question", 0.9)).act == "search") is lists


@pytest.mark.parametrize(
    ("said", "more"),
    [
        ("one olive king for the guest room", True),
        ("ok one in XL for me instead", False),
        ("one in red for me instead", False),
        ("fine, another ridgeline then", True),
        ("one more thing", False),
        ("one more question", False),
    ],
)
def test_one_more_heard_as_a_change_is_an_add(said: str, more: bool) -> None:
    slots = Slots(options={"colour": "olive", "size": "king"} if "olive" in said else {})
    if "XL" in said or "red" in said:
        slots = Slots(options={"size": "xl"} if "XL" in said else {"colour": "red"})
    assert (one_more_for_someone("change", said, slots) == "add") is more


@pytest.mark.parametrize(
    ("said", "heard"),
    [
        ("2 pairs", "2"),
        ("ok 3 sets pls", "3"),
        ("2 pairs of the black ones", "2 pairs of the black ones"),  # names which: as said
    ],
)
def test_a_count_of_units_alone_is_how_many(said: str, heard: str) -> None:
    assert counts_as_digits(said) == heard


def test_one_more_in_another_version_is_its_own_request() -> None:
    assert segment("grab it, and one in M for my partner") == [
        "grab it",
        "and one in M for my partner",
    ]


def test_put_or_pop_then_a_question_adds_nothing() -> None:
    whole = [Request("put it on hold. how long can you hold it?", "policy_question", 0.9)]
    assert added_then_asked(whole) == whole


def test_an_add_then_a_question_of_the_shop_is_both() -> None:
    whole = [
        Request(
            "ok add the blue one. any coupon for a first order? thats steep", "policy_question", 0.9
        )
    ]
    add, ask = added_then_asked(whole)
    assert (add.act, add.text) == ("add", "ok add the blue one")
    assert ask.act == "policy_question" and ask.text.startswith("any coupon")


def test_which_sizes_names_no_size_s() -> None:
    assert _requested_size("purelle night cream, which sizes are in stock") is None
    assert _requested_size("the night cream in size s") == "s"


def test_a_loose_colour_is_the_shade_in_the_cart() -> None:
    navy = Variant(id="V1", options={"colour": "navy"}, price_minor=100, stock=1)
    black = Variant(id="V2", options={"colour": "black"}, price_minor=100, stock=1)
    assert matching_shade([navy, black], {"colour": "blue"}) == [navy]
    assert matching_shade([navy, black], {"colour": "red"}) == []


@pytest.mark.slow
def test_a_question_of_what_was_added_adds_nothing(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the verano air x nonstick frying pan, medium")
    reply = chat.say("you didnt add the blade & bowl one by accident did you")
    assert chat.units() == {PAN_VERANO: 1} and reply.intent == "view_cart"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("said", "product", "count"),
    [
        ("ridge line camp stove, a couple in orange for the scout trip", STOVE, 2),
        ("the playwise card game, half a dozen standard ones for party bags", "P0230", 6),
        ("dewleaf lite 2 gentle foaming cleanser 100ml x2", CLEANSER, 2),
        ("sonora prime 2 speaker in rose gold, a couple", SPEAKER, 2),
        ("oak haven studio pillow, navy queen, one for me and one for the wife", PILLOW, 2),
    ],
)
def test_a_loose_name_with_a_version_and_a_count_goes_in(
    demo_assistant, said: str, product: str, count: int
) -> None:
    chat = Chat(demo_assistant)
    chat.say(said)
    assert chat.units() == {product: count}


@pytest.mark.slow
def test_one_more_in_another_version_for_someone_is_a_second_line(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("oak haven studio pillow, navy queen, one for me and one for the wife")
    chat.say("one olive king for the guest room")
    assert [qty for _, qty in _lines(demo_assistant, chat.session)] == [2, 1]
    other = Chat(demo_assistant)
    other.say("north wind rain jacket in L, any left?")
    other.say("grab it, and one in M for my partner")
    assert len(_lines(demo_assistant, other.session)) == 2


@pytest.mark.slow
def test_counts_and_kinds_of_the_same_make(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("kestrel shorts in olive, size M?")
    chat.say("2 pairs")
    assert chat.units() == {SHORTS: 2}
    chat.say("2 pairs")  # in the cart: two in all, not two more
    assert chat.units() == {SHORTS: 2}
    other = Chat(demo_assistant)
    other.say("how much is the voyager duffel and is it in stock")
    other.say("cool, 2 please")
    other.say("and a couple of their packing cubes")
    assert other.units() == {DUFFEL: 2, CUBES: 2}


@pytest.mark.slow
def test_the_blue_one_out_of_navy_and_black(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the bassline one noise cancelling headphones in navy")
    chat.say("and one in black")
    chat.say("hmm take the blue one out")
    cart = demo_assistant.commerce.get_cart(chat.session)
    assert [line.options.get("colour") for line in cart.lines] == ["black"]


@pytest.mark.slow
def test_corrections_and_read_backs(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("carry on suitcase under $150")
    chat.say("add the atlas & oak zen")
    chat.say("no no, the other atlas & oak, the one x. in red")
    assert chat.units() == {CARRY_ON_ONE_X: 1}
    reply = chat.say("so what have we agreed on?")
    assert reply.intent == "view_cart" and "89.49" in reply.text


@pytest.mark.slow
def test_a_model_name_two_share_is_the_one_asked_about(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("carry on suitcase under $150, in stock only")
    chat.say("will the atlas & oak zen fit uniteds carry-on size limit?")
    chat.say("do you sell samsonite?")
    chat.say("ok just add the zen")
    assert chat.units() == {CARRY_ON_ZEN: 1}


@pytest.mark.slow
def test_searches_say_what_no_listing_mentions(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("running shorts with a zip pocket for keys? under $45")
    assert "don't mention a zip pocket" in reply.text
    reply = Chat(demo_assistant).say("blender under $150 that can crush ice")
    assert "can crush ice, so I can't confirm it" in reply.text
    reply = Chat(demo_assistant).say("yoga mat under $40")
    assert "can't confirm" not in reply.text


@pytest.mark.slow
def test_a_budget_max_names_no_model_and_weight_is_no_price(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("looking for over-ear noise cancelling headphnes, 65 bucks max")
    assert HEADPHONES in reply.products and "Crossbody" not in reply.text
    reply = chat.say("how much do the nimbus ones weigh in grams?")
    assert "price" not in reply.text and "doesn't say" in reply.text


@pytest.mark.slow
def test_makes_we_lack_parts_asked_and_gifts(demo_assistant) -> None:
    assert "We don't carry Nike" in Chat(demo_assistant).say("u have nike pegasus?").text
    chat = Chat(demo_assistant)
    chat.say("add the playwise urban plush teddy bear in deluxe")
    reply = chat.say("do reviews mention bits coming off, like the eyes?")
    assert "We don't sell" not in reply.text
    other = Chat(demo_assistant)
    other.say("snapgrip core s magsafe case, which versions?")
    other.say("ugh ok get her the pink one for iphone 16 then, shes upgrading anyway")
    assert other.units() == {CASE_CORE_S: 1}
