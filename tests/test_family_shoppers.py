"""A parent shopping for the family in snatched minutes: questions asked in passing during a
purchase, counts said plainly, versions picked for someone else, and references back."""

from __future__ import annotations

import pytest

from tests.test_phrasing import Chat, _id

PUZZLE = "Meeple House Wave 600 Wooden Puzzle"
GAME = "Meeple House Classic 500 Strategy Board Game"


def _policies(reply) -> set[str]:
    return {citation.id for citation in reply.citations if citation.kind == "policy"}


@pytest.mark.slow
def test_if_i_order_now_asks_when_it_arrives_and_starts_no_checkout(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say(f"add the {PUZZLE.lower()} and the {GAME.lower()}")
    reply = chat.say("if i order now how long till both get here")
    assert reply.pending_checkout is None, reply.text
    assert "day" in reply.text


@pytest.mark.slow
def test_asking_how_long_to_say_yes_keeps_the_summary(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say(f"add the {PUZZLE.lower()}")
    assert chat.say("checkout").pending_checkout
    reply = chat.say("if the kids distract me how long have i got to say yes")
    assert "15 minutes" in reply.text and reply.pending_checkout, reply.text


@pytest.mark.slow
def test_a_bare_count_then_an_add_does_both(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    duffel = _id(demo_assistant, "Voyagr Urban 2 Duffel Bag")
    cubes = _id(demo_assistant, "Roamly Wave 2 Packing Cubes Set")
    chat.say("add 2 voyagr urban 2 duffel bags")
    chat.say("actually just 1, and add the roamly wave 2 packing cubes in red")
    assert chat.units() == {duffel: 1, cubes: 1}


@pytest.mark.slow
def test_the_most_allowed_after_the_limit_is_added(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    bands = _id(demo_assistant, "Zenmotion Pro 2 Resistance Bands Set")
    assert "At most 10" in chat.say("i want 15 of the zenmotion pro 2 resistance bands").text
    chat.say("ok just do 10 then")
    assert chat.units() == {bands: 10}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("said_before", "question", "section"),
    [
        (None, "can my mum pay cash when it arrives? im helping her order", "payments"),
        (
            "add the meeple house lite plush teddy bear and the brickton aero 300 wooden puzzle",
            "can the teddy go to my mums and the puzzle come here",
            "shipping.what-we-do-not-offer",
        ),
        (
            "add the pacer & co pro 800 trail running shoes, size 11 black",
            "or can u just swap them for a 12 when they come",
            "returns.exchanges",
        ),
    ],
)
def test_rules_asked_in_passing(demo_assistant, said_before, question, section) -> None:
    chat = Chat(demo_assistant)
    if said_before:
        chat.say(said_before)
    before = chat.units()
    reply = chat.say(question)
    assert any(cited.startswith(section) for cited in _policies(reply)), reply.text
    assert chat.units() == before


@pytest.mark.slow
def test_the_cheaper_edition_is_its_cheapest_version(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    puzzle = _id(demo_assistant, "Brickton Aero 300 Wooden Puzzle")
    reply = chat.say("add the brickton aero 300 wooden puzzle, the cheaper edition")
    assert "don't sell" not in reply.text
    cart = demo_assistant.commerce.get_cart(chat.session)
    assert [(line.product_id, line.options) for line in cart.lines] == [
        (puzzle, {"edition": "standard"})
    ]


@pytest.mark.slow
def test_that_one_after_which_has_better_reviews_is_the_better_rated(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say(
        "whats the difference between the auralpeak wave s kids headphones and the bassline "
        "air kids headphones"
    )
    chat.say("which one has better reviews")
    chat.say("ok get that one in navy")
    assert chat.units() == {_id(demo_assistant, "Bassline Air Kids Headphones"): 1}


@pytest.mark.slow
def test_the_other_one_is_the_other_of_the_same_kind_in_a_longer_list(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    edge = _id(demo_assistant, "Copperline Edge Pour-Over Coffee Maker")
    chat.say("copperline pour over coffee maker")
    chat.say("how much is the classic 300")
    reply = chat.say("and is the other one from a vetted seller?")
    assert edge in reply.products and "unvetted" in reply.text, reply.text


@pytest.mark.slow
def test_a_product_named_with_nothing_asked_shows_it(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("the merino sweater from northwind")
    assert _id(demo_assistant, "Northwind Max 2 Merino Wool Sweater") in reply.products
    assert "out of stock" in reply.text, reply.text


@pytest.mark.slow
def test_a_size_for_someone_answers_which_one(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the trailhawk plus 900 walking sneakers")
    reply = chat.say("11, for my dad")
    assert "Out of stock" in reply.text, reply.text
    assert chat.units() == {}


@pytest.mark.slow
def test_complaints_about_a_named_toy_quote_its_reviews_whoever_it_is_for(demo_assistant) -> None:
    teddy = _id(demo_assistant, "Playwise Urban Plush Teddy Bear")
    reply = Chat(demo_assistant).say(
        "any complaints about small parts on the playwise urban plush teddy bear? its for my "
        "2 yr old"
    )
    assert teddy in reply.products and "Small parts came loose" in reply.text, reply.text
    assert any(citation.kind == "review" for citation in reply.citations)


@pytest.mark.slow
def test_is_it_safe_quotes_reviews_of_its_safety(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("is the playwise urban teddy bear safe for a 3 year old?")
    assert "6+" in reply.text and "choking hazard" in reply.text, reply.text


@pytest.mark.slow
def test_removing_a_kind_the_cart_does_not_hold_removes_nothing(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    puzzle = _id(demo_assistant, PUZZLE)
    chat.say(f"add the {PUZZLE.lower()}")
    reply = chat.say("remove the jump rope")
    assert "nothing was removed" in reply.text, reply.text
    assert chat.units() == {puzzle: 1}
    chat.say("remove the puzzle")
    assert chat.units() == {}


@pytest.mark.slow
def test_removing_from_an_empty_cart_says_it_is_empty(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("show me phone cases")
    reply = chat.say("remove the earbuds")
    assert "cart is empty" in reply.text and "Which one" not in reply.text, reply.text
    assert chat.units() == {}
