"""Several versions of one product in one message («2 of those, a grey and an olive», «XS
white, S red, M white, L red», «2 clear for iphone 15 and 1 green for galaxy s24»), each with
its own count and taken out again by name; several lines named in one removal; count fixes
said with a «hmm»; a product named with whom it is for picked."""

from __future__ import annotations

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.catalogue.models import Catalogue
from assistant.conversation.understanding.version_lists import lists_versions, version_groups
from assistant.settings import Settings
from tests.test_phrasing import Chat


@pytest.fixture(scope="module")
def demo_catalogue() -> Catalogue:
    catalogue, _ = load_catalogue(Settings().catalogue_path)
    return catalogue


@pytest.mark.parametrize(
    ("product", "text", "versions"),
    [
        (
            "P0065",  # «2 of those» is the total: one of each
            "ok 2 of those, a grey and an olive, for my boys",
            [({"colour": "grey"}, 1), ({"colour": "olive"}, 1)],
        ),
        (
            "P0172",  # the «2» of «Flow 2» is its name, not a count
            "need jump ropes for my 3 kids - the IronPeak Flow 2 in purple, blue and green",
            [({"colour": "purple"}, None), ({"colour": "blue"}, None), ({"colour": "green"}, None)],
        ),
        (
            "P0218",
            "2 clear for iphone 15 and 1 green for galaxy s24",
            [
                ({"colour": "clear", "model": "iPhone 15"}, 2),
                ({"colour": "green", "model": "Galaxy S24"}, 1),
            ],
        ),
        (
            "P0253",
            "Meadow & Moss Trail 2 organic tees for my 4 kids: XS white, S red, M white, L red",
            [
                ({"size": "XS", "colour": "white"}, None),
                ({"size": "S", "colour": "red"}, None),
                ({"size": "M", "colour": "white"}, None),
                ({"size": "L", "colour": "red"}, None),
            ],
        ),
        ("P0253", "2 in M and 1 in L", [({"size": "M"}, 2), ({"size": "L"}, 1)]),
    ],
)
def test_each_version_listed_with_its_count(demo_catalogue, product, text, versions) -> None:
    assert version_groups(demo_catalogue.products[product], text) == versions


@pytest.mark.parametrize(
    ("product", "text"),
    [
        ("P0253", "M, not L"),  # one ruled out: one version
        ("P0253", "the white one in M"),  # one version
        ("P0065", "is it warmer than the grey one?"),
    ],
)
def test_no_list_where_one_version_is_meant(demo_catalogue, product, text) -> None:
    assert version_groups(demo_catalogue.products[product], text) == []


def test_a_list_of_versions_is_only_versions_and_whom_they_are_for(demo_catalogue) -> None:
    sneakers = demo_catalogue.products["P0048"]
    assert lists_versions(sneakers, "size 9 grey for me and size 7 red for my daughter")
    assert not lists_versions(sneakers, "does size 9 grey run smaller than size 7 red in reviews")


def _versions(bot, session: str) -> dict[tuple[str, tuple[str, ...]], int]:
    cart = bot.commerce.get_cart(session)
    return {
        (line.product_id, tuple(sorted(line.options.values()))): line.qty for line in cart.lines
    }


@pytest.mark.slow
def test_versions_for_several_people_are_added_and_dropped_by_name(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("Meadow & Moss Trail 2 organic tees for my 4 kids: XS white, S red, M white, L red")
    listed = _versions(demo_assistant, chat.session)
    assert len(listed) == 4 and sum(listed.values()) == 4
    chat.say("drop the M white and the L red, the older two said no")
    assert _versions(demo_assistant, chat.session) == {
        ("P0253", ("XS", "white")): 1,
        ("P0253", ("S", "red")): 1,
    }


@pytest.mark.slow
def test_versions_listed_after_a_question_are_an_add(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("how many of the Trailhawk Max 2 sneaker reviews are from verified buyers?")
    chat.say("nice. size 9 grey for me and size 7 red for my daughter")
    assert _versions(demo_assistant, chat.session) == {
        ("P0048", ("9", "grey")): 1,
        ("P0048", ("7", "red")): 1,
    }


@pytest.mark.slow
def test_a_phone_case_in_two_colours_for_two_models(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say(
        "put the Chargewell One case in black for iphone 15 in my cart, and a pink one for "
        "iphone 16 for my daughter"
    )
    assert _versions(demo_assistant, chat.session) == {
        ("P0215", ("black", "iPhone 15")): 1,
        ("P0215", ("iPhone 16", "pink")): 1,
    }


@pytest.mark.slow
def test_a_removal_that_names_two_lines_takes_out_both(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say(
        "add a Flexa Air 2 resistance band set in black, a PulseFit Sport jump rope in black, "
        "and an IronPeak Pro yoga mat in pink"
    )
    chat.say("remove the jump rope, the bands are fine")
    assert set(chat.units()) == {"P0183", "P0181"}
    chat.say("drop the bands and the mat")
    assert chat.units() == {}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("first", "fix", "product", "count"),
    [
        (
            "ok whatever, add 2 of the Meeple House Lite teddy",
            "hmm 3 not 2, one's for me lol",
            "P0228",
            3,
        ),
        (
            "4 of the Kestrel Aero organic cotton tees in M navy for the soccer team",
            "hmm actually 6",
            "P0271",
            6,
        ),
    ],
)
def test_a_count_fixed_after_a_hmm(demo_assistant, first, fix, product, count) -> None:
    chat = Chat(demo_assistant)
    chat.say(first)
    assert product in chat.units()
    chat.say(fix)
    assert chat.units() == {product: count}


@pytest.mark.slow
def test_a_product_named_for_someone_is_picked(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("do you sell medicine? need kids tylenol")
    chat.say("ok, the Meeple House Lite teddy for the sick kiddo then")
    assert chat.units() == {"P0228": 1}


@pytest.mark.slow
def test_another_version_of_the_focus_for_someone_is_a_new_line(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the Hearth & Linen Lite Linen Duvet Cover in white king")
    chat.say("and a beige twin for my son's room")
    assert _versions(demo_assistant, chat.session) == {
        ("P0165", ("king", "white")): 1,
        ("P0165", ("beige", "twin")): 1,
    }
