"""Things said loosely: «around 120» is a price either side, «do they snap? kids are rough»
asks about snapping, «is it loud?» is answered by «quieter than my old one»."""

from __future__ import annotations

import pytest

from assistant.search.aspect_families import family_label
from assistant.search.parsing import _numbers
from tests.test_phrasing import Chat


@pytest.mark.parametrize(
    ("said", "low", "high"),
    [
        ("blender for smoothies, around 120", 9000, 15000),
        ("a blender for about 100 bucks", 7500, 12500),
        ("$50 or so", 3750, 6250),
        ("blender, 120ish", 9000, 15000),
    ],
)
def test_around_a_price_is_a_quarter_either_side(said: str, low: int, high: int) -> None:
    found: dict[str, object] = {}
    _numbers(said, found)
    assert (found.get("min_price_minor"), found.get("max_price_minor")) == (low, high)


@pytest.mark.parametrize(
    "said",
    [
        "i need around 10",
        "about 10 of them",
        "for about 2 hours",
        "around 20 people",
        "yoga mat for my mum, she's about 60",
        "weighted blanket for my son, he weighs about 60.",
        "best face serum for someone around 40",
    ],
)
def test_around_a_count_or_a_measure_is_no_price(said: str) -> None:
    found: dict[str, object] = {}
    _numbers(said, found)
    assert "min_price_minor" not in found and "max_price_minor" not in found


def test_a_bound_said_wins_over_around() -> None:
    found: dict[str, object] = {}
    _numbers("headphones under 100, around 80", found)
    assert found == {"max_price_minor": 10000}


@pytest.mark.parametrize(
    ("said", "family"),
    [
        ("do reviews say anything about it arriving damaged?", "arriving damaged"),
        ("did the box arrive crushed?", "arriving damaged"),
        ("can it crush ice?", None),
        ("is it loud? baby naps in the next room", "noise"),
    ],
)
def test_the_aspect_family_asked(said: str, family: str | None) -> None:
    assert family_label(said) == family


@pytest.mark.slow
def test_the_asking_sentence_names_the_aspect(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("ironpeak go jump rope - do they snap? kids are rough")
    assert "mention snap" in reply.text and reply.citations
    blender = Chat(demo_assistant).say("is the verano sport 200 blender loud? baby naps nearby")
    assert "Quieter than my old one" in blender.text


@pytest.mark.slow
def test_a_pick_said_by_its_version_alone_adds_it(demo_assistant) -> None:
    from tests.test_phrasing import Chat

    chat = Chat(demo_assistant)
    chat.say("drift wave 900 towel set - do they pill?")
    chat.say("ok white, queen i guess")
    cart = demo_assistant.commerce.get_cart(chat.session)
    assert [(line.product_id, line.options) for line in cart.lines] == [
        ("P0145", {"colour": "white", "size": "queen"})
    ]
    other = Chat(demo_assistant)
    other.say("wireless charger that works with a pixel 9?")
    other.say("fine, the ampere one flow, clear, pixel 9 version")
    assert other.units() == {"P0216": 1}


@pytest.mark.slow
def test_what_the_data_does_not_say_is_said(demo_assistant) -> None:
    from tests.test_phrasing import Chat

    chat = Chat(demo_assistant)
    game = chat.say("how long does a game of the meeple house classic 500 take")
    assert "delivery in" not in game.text
    abroad = chat.say("and send it to my sister in toronto?")
    assert "shop.where-we-deliver" in [c.id for c in abroad.citations]
    nike = chat.say("is the trailhawk urban 800 as good as nike pegasus?")
    assert "We don't sell Nike" in nike.text
    linen = chat.say("the lumen home aero linen duvet cover - is it actually linen?")
    assert "material: organic cotton" in linen.text
    latex = chat.say("im allergic to latex. is the pulsefit plus x yoga mat ok for me?")
    assert "material: latex" in latex.text


@pytest.mark.slow
def test_words_that_only_sound_like_picks_change_nothing(demo_assistant) -> None:
    from tests.test_phrasing import Chat

    chat = Chat(demo_assistant)
    chat.say(
        "add the meeple house wave 600 wooden puzzle and the meeple house classic 500 "
        "strategy board game"
    )
    chat.say("if i order now how long till both get here")
    assert chat.units() == {"P0229": 1, "P0226": 1}
    chat.say("no wait, take the board game out first")
    assert chat.units() == {"P0229": 1}
    found = Chat(demo_assistant).say("decaf ground coffee, dark roast")
    assert all(
        "Decaf Ground" in demo_assistant.services.catalogue.products[p].title
        for p in found.products[:2]
    )


@pytest.mark.slow
def test_an_unsure_cart_word_that_asks_of_the_product_in_view(demo_assistant) -> None:
    from tests.test_phrasing import Chat

    chat = Chat(demo_assistant)
    chat.say("the sonara edge bluetooth speaker")
    reply = chat.say("can i pair two of them for stereo")
    assert reply.products == ["P0021"] and chat.units() == {}


@pytest.mark.slow
def test_a_brand_said_whole_is_not_the_start_of_a_longer_one(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("cheap plain tshirts? like under 15")
    chat.say("add 3 of the kestrel aero in M navy")  # Kestrel's tee, not Kestrel Travel's tote
    assert chat.units() == {"P0271": 3}


@pytest.mark.slow
def test_the_small_size_of_a_product_sold_by_volume_is_its_smallest(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("whats the cheapest tea tree spot gel")
    chat.say("add that one, the small size")
    cart = demo_assistant.commerce.get_cart(chat.session)
    assert [(line.product_id, line.options["size"]) for line in cart.lines] == [("P0130", "30 ml")]


@pytest.mark.slow
def test_the_smallest_bag_of_the_coffee_in_view_is_its_smallest_size(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("any decaf ground coffee under 20 dollars?")
    chat.say("if i dont like the bean republic prime 2 can i send it back?")
    chat.say("fine, add the smallest bag")
    cart = demo_assistant.commerce.get_cart(chat.session)
    assert [(line.product_id, line.options["size"]) for line in cart.lines] == [("P0303", "250 g")]
