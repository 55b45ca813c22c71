"""Groups picked with a version wanted only where it is sold, versions said apart for each
place, more of a pick in the version added, and questions of a list answered from its facts
(the forty-third round): «all three in size 7 - black where there's a choice», «2 of the
first and 1 of the third. blue for the first, grey for the third», «2 more of the cheaper
one», «and the other one too, for my partner», «any in organic cotton» of rain jackets,
«do any of them have a hood?»."""

from __future__ import annotations

import pytest

from assistant.conversation.answers.ranking import _says_part, a_fact_of_some, said_of_some
from assistant.conversation.answers.unlisted_asks import unlisted_of_all
from assistant.conversation.understanding.follow_ups import THE_OTHER_TOO
from assistant.conversation.understanding.group_picks import without_where_sold
from assistant.conversation.understanding.segments import segment
from tests.test_phrasing import Chat

SNEAKERS = ("P0038", "P0043", "P0048")
ROPE_FLOW, ROPE_GO = "P0172", "P0178"
SERUM_BOTANICA, SERUM_DEWLEAF = "P0113", "P0131"
CASE_ONE_X, CASE_ZEN = "P0327", "P0333"
JACKET_KESTREL, JACKET_THREADWELL = "P0260", "P0272"
JACKET_PRIME_S, JACKET_MAX_X = "P0266", "P0278"
CABLE_VOLTEDGE, CABLE_ARMORLY = "P0214", "P0220"


@pytest.mark.parametrize(
    ("said", "plain"),
    [
        ("all three in size 7 - black where there's a choice", "all three in size 7 - black"),
        ("one of each in L, navy if there's a choice", "one of each in L, navy"),
        ("both, green if possible", "both, green"),
        ("all three please, olive where there's olive", "all three please, olive"),
        ("all three in size 7", "all three in size 7"),
        # (the review's: a delivery condition is no version wish)
        ("both in L if you can ship by friday", "both in L if you can ship by friday"),
    ],
)
def test_a_version_wanted_where_sold_is_only_a_wish(said: str, plain: str) -> None:
    assert without_where_sold(said) == plain


@pytest.mark.parametrize(
    ("said", "other"),
    [
        ("and the other one too, for my partner", True),
        ("the other one as well pls", True),
        ("what about the other one", False),
        ("and the other one?", False),
    ],
)
def test_the_other_one_too_is_an_add(said: str, other: bool) -> None:
    assert bool(THE_OTHER_TOO.match(said)) is other


def test_plus_in_a_name_splits_nothing() -> None:
    assert segment("add the kestrel plus one in medium") == ["add the kestrel plus one in medium"]
    assert segment("grab it, plus one in M") == ["grab it", "plus one in M"]


@pytest.mark.slow
def test_a_group_with_a_version_where_there_is_a_choice(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("walking sneakers under 65 dollars, cheapest first")
    chat.say("all three in size 7 - black where there's a choice")
    assert chat.units() == dict.fromkeys(SNEAKERS, 1)
    other = Chat(demo_assistant)
    other.say("car phone mount for iphone 16, in stock")
    other.say("both, green if possible")
    assert len(other.units()) == 2


@pytest.mark.slow
def test_versions_said_apart_for_each_place(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("jump ropes under 15$")
    chat.say("sort those cheapest first")
    chat.say("2 of the first and 1 of the third. blue for the first, grey for the third")
    assert chat.units() == {ROPE_FLOW: 2, ROPE_GO: 1}


@pytest.mark.slow
def test_in_stock_for_a_phone_is_in_stock_in_that_version(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("braided usb-c cable for a pixel 9, in stock, cheapest first")
    assert reply.products[:2] == [CABLE_VOLTEDGE, CABLE_ARMORLY]  # not one sold out for it
    chat.say("2 of the first and 1 of the second, clear for the second")
    assert chat.units() == {CABLE_VOLTEDGE: 2, CABLE_ARMORLY: 1}


@pytest.mark.slow
def test_more_of_a_pick_in_the_version_added(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("hydrating face serum under $20")
    chat.say("both in 50ml")
    chat.say("2 more of the cheaper one")
    assert chat.units() == {SERUM_BOTANICA: 3, SERUM_DEWLEAF: 1}


@pytest.mark.slow
def test_the_other_one_too_after_a_question(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("carry-on suitcase in red")
    chat.say("the cheaper of those two please")
    chat.say("whats the return window on it?")
    chat.say("and the other one too, for my partner")
    assert chat.units() == {CASE_ONE_X: 1, CASE_ZEN: 1}


@pytest.mark.slow
def test_a_count_alone_after_a_price_question(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("do u guys have the altura one s trail shoes")
    chat.say("size 9 in red, how much are they")
    chat.say("cool, 2 pairs pls")
    assert chat.units() == {"P0030": 2}
    other = Chat(demo_assistant)
    other.say("ok cool. looking for a fleece hoodie in medium, under $90")
    other.say("add the kestrel plus one in medium")
    assert other.units() == {"P0263": 1}  # the Kestrel Plus, once


@pytest.mark.slow
def test_a_make_said_picks_among_its_own(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("show me rain jackets")
    reply = chat.say("add 3 of the meadow & moss, white M")
    assert chat.units() == {}  # neither comes in white: which of the two, no Threadwell
    assert set(reply.products) == {JACKET_PRIME_S, JACKET_MAX_X}


@pytest.mark.slow
def test_a_list_narrowed_by_a_fact_word(demo_assistant) -> None:
    catalogue = demo_assistant.services.catalogue.products
    jackets = [catalogue[pid] for pid in ("P0260", "P0254", "P0272", "P0266", "P0278")]
    assert [p.id for p in said_of_some(jackets, "which ones are merino?")] == [
        JACKET_KESTREL,
        JACKET_THREADWELL,
    ]
    assert a_fact_of_some(jackets, "any in organic cotton")
    assert not a_fact_of_some(jackets, "any in bamboo")
    assert "don't mention a hood" in unlisted_of_all(jackets, "do any of them have a hood?")
    chat = Chat(demo_assistant)
    chat.say("show me rain jackets")
    reply = chat.say("any in organic cotton")
    assert set(reply.products) == {JACKET_PRIME_S, JACKET_MAX_X}


def test_a_free_of_value_is_not_the_thing_said() -> None:
    assert not _says_part("fragrance free", "which ones have a fragrance?")
    assert _says_part("merino wool", "which ones are merino?")


@pytest.mark.slow
def test_the_review_s_three_regressions(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("show me 2 electric kettles")
    chat.say("tell me about the first one")
    reply = chat.say("and the other one too")  # nothing added yet: asked about, not bought
    assert chat.units() == {} and reply.intent == "product_question"
    other = Chat(demo_assistant)
    other.say("show me meadow & moss rain jackets")
    reply = other.say("both in L if you can ship by friday")
    assert other.units() == {} and "6 days" in reply.text
    third = Chat(demo_assistant)
    reply = third.say("show me face serums")
    asked = third.say("which ones have a fragrance?")
    assert set(reply.products) <= set(asked.products)  # none cut to the fragrance-free ones
    fourth = Chat(demo_assistant)
    fourth.say("jump ropes under 15$")
    fourth.say("sort those cheapest first")
    fourth.say("tell me about the first one")
    fourth.say("4")  # no price asked: no count
    assert fourth.units() == {}


@pytest.mark.slow
def test_one_more_for_someone_and_a_pick_then_a_question(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("organic cotton t-shirt in white, size L?")
    chat.say("add 3")
    reply = chat.say("and 1 more for my bf")  # only 3 left: said, not small talk
    assert reply.intent == "add" and "only 3 left" in reply.text
    other = Chat(demo_assistant)
    other.say("my nephew turns 4 next week, want a wooden puzzle thats ok for his age, under $40")
    other.say("how much is standard vs deluxe on the brickton one")
    reply = other.say("ok the deluxe one pls, and will it get here by next friday?")
    assert other.units() == {"P0247": 1} and "2 days" in reply.text
    third = Chat(demo_assistant)
    third.say("wat chai blends do u hav")
    reply = third.say("cheepest one?")
    assert reply.products == ["P0308"]


@pytest.mark.slow
def test_a_fact_asked_of_a_list_is_given_for_each(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    listed = chat.say("show me board games")
    reply = chat.say("how many players are they for")
    assert reply.products == listed.products and reply.text.count("players:") == 5
    mats = Chat(demo_assistant)
    listed = mats.say("show me yoga mats")
    reply = mats.say("what are they made of")
    assert reply.products == listed.products and reply.text.count("material:") == 5


@pytest.mark.slow
def test_why_rated_low_and_over_the_limit(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("merino wool sweater in a small, black")
    chat.say("cheapest of those?")
    reply = chat.say("why is its rating so low")
    assert reply.intent == "review_question" and "complain" in reply.text
    other = Chat(demo_assistant)
    other.say("resistance bands under 20 bucks?")
    reply = other.say("i teach a class, can i get 12 of the zenmotion pro 2 set")
    assert "10" in reply.text and other.units() == {}


@pytest.mark.slow
def test_the_other_one_of_three_and_a_total_typed_fast(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("linen duvet cover under $155")
    chat.say("the two lumen home ones in pink, queen")
    chat.say("and the other one as well, pink queen")
    assert len(chat.units()) == 3
    reply = chat.say("how much altogther")
    assert reply.intent == "view_cart" and "372.44" in reply.text


def test_a_version_for_one_then_another_pick_splits() -> None:
    assert segment("ok L in olive for that one, and the kestrel in M") == [
        "ok L in olive for that one",
        "and the kestrel in M",
    ]
    assert segment("gift for the kids, and a card game too") == [
        "gift for the kids, and a card game too"
    ]


@pytest.mark.slow
def test_a_version_for_the_one_in_view_and_another_named(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("fleece hoodie under $65")
    chat.say("what sizes does the meadow & moss one come in")
    chat.say("ok L in olive for that one, and the kestrel in M")
    assert chat.units() == {"P0269": 1, "P0263": 1}


@pytest.mark.slow
def test_a_pick_said_with_please_then_a_remark(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("carry-on suitcase in red")
    chat.say("the cheaper of those two please, my flight is next month so no rush on delivery")
    assert chat.units() == {CASE_ONE_X: 1}


@pytest.mark.slow
def test_the_second_review_s_regressions(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("tell me about the auralpeak wave s kids headphones")
    reply = chat.say("why do the reviews say the battery is low")
    assert "mention battery" in reply.text and "complain" not in reply.text
    other = Chat(demo_assistant)
    other.say("show me pink duvet covers")
    other.say("add the lumen home pro 400 in pink queen")
    other.say("add the oakhaven trail in pink queen")
    other.say("change the other one to king")
    assert len(other.units()) == 2  # nothing added by a change
    third = Chat(demo_assistant)
    third.say("show me running shoes")
    reply = third.say("the cheaper ones please, i'm on a budget")
    assert third.units() == {} and reply.intent == "refine"
    fourth = Chat(demo_assistant)
    fourth.say("show me strategy board games")
    fourth.say("what are both made of")
    reply = fourth.say("are any of them for 2 players?")
    assert len(reply.products) == 5  # the list kept after «both»
