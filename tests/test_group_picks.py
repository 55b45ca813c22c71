"""Several products picked at once, and picks by place or by what sets one apart: «add both»,
«all three», «one of each», «2 of the first and 1 of the third», «same again», «the other
colour then», «how much are the other two?», «remove the middle one»."""

from __future__ import annotations

import pytest

from tests.test_phrasing import Chat

TEDDIES = ("P0228", "P0246", "P0240")  # Meeple House Lite, Tumble & Co Urban 2, Brickton Aero 2


def _ask_three_teddies(chat: Chat) -> None:
    chat.say(
        "how much are the meeple house lite teddy, the tumble & co urban 2 teddy and the "
        "brickton aero 2 teddy?"
    )


@pytest.mark.slow
def test_counts_by_place_add_each(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    _ask_three_teddies(chat)
    chat.say("ok add 2 of the first and 1 of the third")
    assert chat.units() == {"P0228": 2, "P0240": 1}


@pytest.mark.slow
def test_all_three_adds_one_each_then_the_middle_one_goes(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    _ask_three_teddies(chat)
    chat.say("great, add all three")
    assert chat.units() == dict.fromkeys(TEDDIES, 1)
    chat.say("remove the middle one")
    assert chat.units() == {"P0228": 1, "P0240": 1}


@pytest.mark.slow
def test_both_and_one_of_each_add_the_two_in_view(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say(
        "whats the difference between the meeple house aero card game and the tumble & co "
        "core 400 card game"
    )
    chat.say("one of each please")
    assert chat.units() == {"P0236": 1, "P0242": 1}
    chat.say("same again")
    assert chat.units() == {"P0236": 2, "P0242": 2}


@pytest.mark.slow
def test_a_question_about_both_adds_nothing(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say(
        "whats the difference between the meeple house aero card game and the tumble & co "
        "core 400 card game"
    )
    chat.say("are both in stock?")
    assert chat.units() == {}


@pytest.mark.slow
def test_counts_by_place_of_lines_in_the_cart_set_their_counts(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("i want the zenmotion pro 2 resistance bands and the pulsefit go foam roller")
    chat.say("3 of the first and 1 of the second")
    assert chat.units() == {"P0177": 3, "P0191": 1}


@pytest.mark.slow
def test_the_other_colour_after_a_sold_out_one_adds_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the coreforge edge 400 foam roller in blue")  # blue is sold out
    assert chat.units() == {}
    chat.say("ugh ok the other colour then")
    cart = demo_assistant.commerce.get_cart(chat.session)
    assert [(line.product_id, line.options) for line in cart.lines] == [
        ("P0173", {"colour": "green"})
    ]


@pytest.mark.slow
def test_one_of_each_colour_of_the_product_in_view(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("the kestrel travel nova duffel, what colours?")
    chat.say("one of each")
    cart = demo_assistant.commerce.get_cart(chat.session)
    assert sorted(line.options["colour"] for line in cart.lines) == ["grey", "olive"]


@pytest.mark.slow
def test_the_other_two_and_the_second_one_asked_of_each_in_turn(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say(
        "show me the playwise sport building blocks, the meeple house core 2 blocks and the "
        "brickton wave blocks"
    )
    chat.say("add the second one")
    reply = chat.say("how much are the other two?")
    assert sorted(reply.products) == ["P0231", "P0243"]
    other = Chat(demo_assistant)
    other.say("is the roastery 9 lite whole bean coffee returnable?")
    other.say("what about the leaf & kettle classic whole bean coffee")
    other.say("get me the second one, 500g whole bean")
    assert other.units() == {"P0287": 1}


@pytest.mark.slow
def test_that_one_and_a_named_one_and_same_again_of_another(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("wooden puzzles under $40?")
    chat.say("what's the priciest of those")
    chat.say("add that one and the playwise go 400 too")
    assert chat.units() == {"P0229": 1, "P0235": 1}
    other = Chat(demo_assistant)
    other.say("add 2 of the meeple house wave 600 wooden puzzle")
    other.say("same again but the playwise go 400 puzzle")
    assert other.units() == {"P0229": 2, "P0235": 2}


@pytest.mark.slow
def test_the_one_with_the_longer_return_window(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say(
        "how long is the return window on the meeple house lite teddy vs the brickton aero 2 teddy?"
    )
    chat.say("add the one with the longer window")  # 90 days against 30
    assert chat.units() == {"P0228": 1}


@pytest.mark.slow
def test_yes_again_confirms_it_adds_nothing(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add morning ritual aero x chai 500g ground")
    chat.say("checkout")
    reply = chat.say("yes again")
    assert reply.pending_checkout is None
    assert len(demo_assistant.commerce.cart_and_orders(chat.session)[1]) == 1
    assert chat.units() == {}


TWO = "do u have the voyagr urban 2 duffel and the voyagr nova 900 packing cubes?"


@pytest.mark.slow
@pytest.mark.parametrize(
    "said",
    [
        "don't add both, just the first one",
        "I want to compare both",
        "both are too expensive, I need something cheaper",
        "give me the dimensions of both",
        "I already have both of those lol",
        "ok at $8 each that's fine, add both",  # one each, not 8
    ],
)
def test_group_words_that_take_nothing_or_one_each(demo_assistant, said: str) -> None:
    chat = Chat(demo_assistant)
    chat.say(TWO)
    chat.say(said)
    assert all(units == 1 for units in chat.units().values())
    assert len(chat.units()) in ({0} if "$8" not in said else {2})


@pytest.mark.slow
def test_a_group_beside_a_summary_or_an_order_adds_nothing(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say(TWO)
    chat.say("add both")
    chat.say("checkout")
    chat.say("yes, both")  # a yes to the summary
    assert chat.units() == {}
    assert len(demo_assistant.commerce.cart_and_orders(chat.session)[1]) == 1
    chat.say("I want to cancel both")
    assert chat.units() == {}


@pytest.mark.slow
def test_picks_that_only_look_like_picks(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("tell me about the voyagr urban 2 duffel")
    chat.say("and the voyagr nova 900 packing cubes?")
    chat.say("and the voyagr plus canvas tote?")
    chat.say("hang on a second, add this one")  # the tote in view, not the second asked of
    assert chat.units() == {"P0314": 1}
    other = Chat(demo_assistant)
    other.say("tell me about the bassline aero wave speaker")
    other.say("add it in black")  # sold out
    other.say("nah I don't like the other colour, I'll pass then")
    assert other.units() == {}
    third = Chat(demo_assistant)
    third.say("add the voyagr plus canvas tote")
    third.say("packing cubes")
    third.say("change the first one to 2")  # a cubes set not in the cart: no add
    assert "P0313" not in third.units()
    fourth = Chat(demo_assistant)
    fourth.say("tell me about the echofox zen earbuds")
    fourth.say("I like both colours but I'll go with black")
    assert len(demo_assistant.commerce.get_cart(fourth.session).lines) == 1


@pytest.mark.slow
@pytest.mark.parametrize("said", ["take both out", "get rid of both", "remove both of them"])
def test_both_lines_go_when_both_are_taken_out(demo_assistant, said: str) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the voyagr urban 2 duffel and the voyagr nova 900 packing cubes")
    chat.say(said)
    assert chat.units() == {}


@pytest.mark.slow
def test_all_three_go_and_a_refused_group_removal_keeps_them(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say(
        "add the voyagr urban 2 duffel, the voyagr nova 900 packing cubes and the voyagr plus "
        "canvas tote"
    )
    chat.say("I want to remove all three")
    assert chat.units() == {}
    other = Chat(demo_assistant)
    other.say("add the voyagr urban 2 duffel and the voyagr nova 900 packing cubes")
    other.say("don't remove both")
    assert other.units() == {"P0312": 1, "P0313": 1}


SPEAKERS = ("P0003", "P0021")  # Sonara Prime 2 (white, navy, rose gold), Sonara Edge (+ black)


def _ask_two_speakers(chat: Chat) -> None:
    chat.say("how much are the sonara prime 2 and the sonara edge speakers")


@pytest.mark.slow
def test_a_question_of_both_answers_each_in_the_version_asked(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    _ask_two_speakers(chat)
    reply = chat.say("do both come in black?")
    assert set(reply.products) == set(SPEAKERS)
    prime, edge = reply.text.splitlines()[:2]
    assert "does not come in black" in prime and "comes in black" in edge
    reply = chat.say("what colours do they both come in")
    assert set(reply.products) == set(SPEAKERS)
    assert chat.units() == {}


@pytest.mark.slow
def test_a_version_for_both_adds_each_in_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    _ask_two_speakers(chat)
    chat.say("I'll take navy for both")
    cart = demo_assistant.commerce.get_cart(chat.session)
    assert sorted((line.product_id, line.options["colour"]) for line in cart.lines) == [
        ("P0003", "navy"),
        ("P0021", "navy"),
    ]


@pytest.mark.slow
def test_one_for_both_kids_is_not_both_products(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    _ask_two_speakers(chat)
    chat.say("I'll take the navy one for both kids")
    assert len(chat.units()) < 2


@pytest.mark.slow
def test_a_size_said_no_to_is_left_out(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("do you have the kestrel plus fleece hoodie?")
    chat.say("one in M and one in XL, not XS")
    cart = demo_assistant.commerce.get_cart(chat.session)
    assert sorted(line.options["size"] for line in cart.lines) == ["M", "XL"]


@pytest.mark.slow
def test_counts_by_place_share_the_version_said_once(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("the bean republic edge x matcha and the roastery 9 air matcha, how much for 250g")
    chat.say("2 of the first one and 1 of the second, 250g")
    cart = demo_assistant.commerce.get_cart(chat.session)
    assert sorted((line.product_id, line.options["size"], line.qty) for line in cart.lines) == [
        ("P0292", "250 g", 1),
        ("P0298", "250 g", 2),
    ]


@pytest.mark.slow
def test_counts_of_the_cheaper_one_and_the_other(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("the playwise classic 700 and the playwise studio rc cars, how much")
    chat.say("2 of the cheaper one and 1 of the other, standard")
    assert chat.units() == {"P0251": 2, "P0239": 1}  # $25.99 and $27.49


@pytest.mark.slow
def test_one_of_each_size_of_the_product_in_view_beside_a_list(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("chai spice blend")
    chat.say("the morning ritual go one, what sizes and prices")
    chat.say("one of each size pls")
    cart = demo_assistant.commerce.get_cart(chat.session)
    assert sorted(line.options["size"] for line in cart.lines) == ["1 kg", "250 g", "500 g"]


@pytest.mark.slow
def test_all_three_said_beside_their_names_is_no_count(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("packing cubes")
    chat.say(
        "voyagr nova 900, roamly wave 2 and atlas & oak wave x. all three pls, the voyagr in "
        "grey and the other two in olive"
    )
    assert chat.units() == {"P0313": 1, "P0319": 1, "P0325": 1}


@pytest.mark.slow
def test_the_cheaper_of_those_two_said_as_a_choice_adds_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("the tumble & co urban 2 or the meeple house lite teddy, which is cheaper")
    chat.say("ok the cheaper of those two")
    assert chat.units() == {"P0246": 1}
    chat.say("and the other one as well, for her big sister")
    assert chat.units() == {"P0246": 1, "P0228": 1}


@pytest.mark.slow
def test_which_is_the_cheaper_of_those_two_adds_nothing(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("the tumble & co urban 2 or the meeple house lite teddy, whats the difference")
    reply = chat.say("which is the cheaper of those two")
    # the cheaper one first (the other's price is said beside it)
    assert reply.products[0] == "P0246" and chat.units() == {}


@pytest.mark.slow
def test_a_sound_before_the_words_does_not_change_the_act(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("pour over coffee makers under 20 bucks")
    chat.say("add all three, small black each")
    chat.say("eh drop the cheapest one")
    assert chat.units() == {"P0111": 1, "P0090": 1}


@pytest.mark.slow
def test_two_by_place_each_in_the_version_said_for_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("compare the chargewell studio 200, the ampere one urban x and the chargewell plus")
    chat.say(
        "add the first and the last one, pixel 9 versions, black for the first and green for "
        "the last"
    )
    cart = demo_assistant.commerce.get_cart(chat.session)
    assert sorted((line.product_id, line.options["colour"]) for line in cart.lines) == [
        ("P0201", "black"),
        ("P0219", "green"),
    ]
    assert {line.options["model"] for line in cart.lines} == {"Pixel 9"}


@pytest.mark.slow
def test_the_difference_between_two_versions_of_the_one_named_beside_a_list(
    demo_assistant,
) -> None:
    chat = Chat(demo_assistant)
    chat.say("building block sets for a 7yo")
    reply = chat.say("the brickton wave one, whats the price diff between standard and deluxe")
    assert reply.products == ["P0243"] and "54.99" in reply.text and "36.99" in reply.text


@pytest.mark.slow
def test_the_other_colour_of_the_line_in_the_cart_changes_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("linen duvet cover, king size, under 160")
    chat.say("the lumen home pro 400 in olive, king")
    chat.say("hmm the other colour actually")
    cart = demo_assistant.commerce.get_cart(chat.session)
    assert [(line.product_id, line.options, line.qty) for line in cart.lines] == [
        ("P0141", {"colour": "pink", "size": "king"}, 1)
    ]
