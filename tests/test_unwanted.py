"""What a shopper does not want: «not black», «anything but Chargewell», «no leather», «not
navy or black»; the search filters them out (through the columns and one product at a time
alike), the words never rank or pick a version, and a later «not black either» adds to them."""

from __future__ import annotations

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.conversation.understanding.other_than_that import excluded
from assistant.search.columns import FilterColumns
from assistant.search.compounds import CompoundWords
from assistant.search.filters import FilterVocabulary, SearchFilters
from assistant.search.parsing import parse_query
from assistant.search.unwanted import material_words, unwanted
from assistant.settings import DEMO_CATALOGUE
from tests.test_phrasing import Chat

CATALOGUE = load_catalogue(DEMO_CATALOGUE)[0]
VOCABULARY = FilterVocabulary.from_catalogue(CATALOGUE)


def refused(query: str):
    vocabulary = VOCABULARY
    return unwanted(
        query, vocabulary.colours, vocabulary.brands, vocabulary.made_of, vocabulary.colour_in_names
    )


@pytest.mark.parametrize(
    ("query", "colours", "brands", "words", "left"),
    [
        ("rain jacket not black", ["black"], [], [], "rain jacket"),
        ("trail shoes, anything but black", ["black"], [], [], "trail shoes"),
        ("chinos not navy or black", ["navy", "black"], [], [], "chinos"),
        ("no black, no grey", ["black", "grey"], [], [], ""),
        ("scented candle under 30, not Drift, best rated", [], ["Drift"], [], None),
        ("anything but Chargewell?", [], ["Chargewell"], [], None),
        ("duffel bag under 60, no leather, in black", [], [], ["leather"], None),
        ("pour over maker, but not the cast iron one", [], [], ["cast iron"], "pour over maker"),
        ("no lavender ones pls", [], [], ["lavender"], ""),
    ],
)
def test_what_is_not_wanted_is_read_and_cut(query, colours, brands, words, left) -> None:
    said = refused(query)
    assert (said.colours, said.brands, said.words) == (colours, brands, words)
    if left is not None:
        assert said.text == left


@pytest.mark.parametrize(
    "query",
    [
        "no, black please",
        "not all of them",
        "no more than 50",
        "no leather and black please",
        "no the grey one",
        "I want matcha, not green tea",
    ],
)
def test_a_no_that_refuses_nothing_the_shop_knows_keeps_the_words(query) -> None:
    said = refused(query)
    assert not said.colours and not said.brands
    assert "black" not in said.words


def test_no_leather_and_black_wants_black() -> None:
    parsed = parse_query("duffel bag, no leather and black please", VOCABULARY)
    assert parsed.filters.not_words == ["leather"]
    assert parsed.filters.colour == "black"


def test_a_refused_colour_is_neither_a_filter_nor_a_requested_colour() -> None:
    parsed = parse_query("rain jacket, waterproof, under $100, not black", VOCABULARY)
    assert parsed.filters.colour is None and parsed.requested.colour is None
    assert parsed.filters.not_colours == ["black"]
    assert "black" not in parsed.text


def test_materials_are_what_things_are_made_or_smell_of() -> None:
    words = material_words(CATALOGUE)
    assert {"leather", "polycarbonate", "lavender", "cast iron"} <= words
    assert not {"all", "yes", "no", "free", "recycled"} & words


@pytest.mark.parametrize(
    "filters",
    [
        SearchFilters(not_colours=["black"]),
        SearchFilters(not_brands=["Chargewell"], max_price_minor=3000),
        SearchFilters(not_words=["leather", "polycarbonate"]),
        SearchFilters(not_colours=["navy", "black"], category="Apparel"),
    ],
)
def test_columns_and_one_at_a_time_agree(filters: SearchFilters) -> None:
    columns = FilterColumns(CATALOGUE)
    by_columns = set(columns.ids(columns.mask(filters)))
    one_by_one = {p.id for p in CATALOGUE.products.values() if filters.matches(p)}
    assert by_columns == one_by_one
    assert by_columns  # each leaves something: the test compares real sets
    assert len(by_columns) < len(CATALOGUE.products)


def test_not_black_keeps_a_product_in_another_colour_and_drops_a_black_only_one() -> None:
    not_black = SearchFilters(not_colours=["black"])
    black_only = CATALOGUE.products["P0276"]  # chinos in black alone
    many = CATALOGUE.products["P0111"]  # a pour-over in black, silver, red and green
    assert not not_black.matches(black_only)
    assert not_black.matches(many)


def test_a_later_no_adds_to_the_earlier_ones() -> None:
    merged = SearchFilters(not_colours=["navy"], max_price_minor=11000).merged_with(
        SearchFilters(not_colours=["black"])
    )
    assert merged.not_colours == ["navy", "black"]
    assert merged.max_price_minor == 11000


def test_a_hyphenated_title_word_said_with_a_space_before_its_kind() -> None:
    compounds = CompoundWords(CATALOGUE)
    assert compounds.split("pour over coffee maker") == "pour-over coffee maker"
    assert compounds.split("ok carry on") == "ok carry on"  # no suitcase after it


@pytest.mark.slow
def test_not_navy_then_not_black_either(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    first = chat.say("chinos under 110, 4 stars or better, not navy")
    assert {"P0258", "P0276"} <= set(first.products)
    second = chat.say("not black either")
    assert "P0258" in second.products and "P0276" not in second.products


@pytest.mark.slow
def test_anything_but_a_brand_and_no_black_search(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("scented candle under 30, not Drift, best rated first")
    products = [demo_assistant.services.catalogue.products[p] for p in reply.products]
    assert products and all(p.brand != "Drift" for p in products)
    reply = chat.say("rain jacket, waterproof obvs, under $100, not black, 4 stars+")
    assert "P0254" in reply.products, reply.text


@pytest.mark.slow
def test_a_sort_word_is_no_kind(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("pour over coffee maker, cheapest first")
    assert reply.products and "don't sell" not in reply.text, reply.text
    titles = [demo_assistant.services.catalogue.products[p].title for p in reply.products]
    assert all("Pour-Over" in title for title in titles), titles


@pytest.mark.parametrize(
    ("said", "left_out"),
    [
        ("show me others, not that one", "one"),
        ("anything but that seller then", "seller"),
        ("anything but that brand", "brand"),
        ("none of these, anything else?", "all"),
        ("none of these, whats the best rated one overall?", None),  # a question of its own
        ("not that one, the red one", None),  # a pick
        ("anything from that brand?", None),
    ],
)
def test_what_a_wish_for_others_leaves_out(said: str, left_out) -> None:
    assert excluded(said) == left_out


def test_tshirt_and_pourover_run_together_are_the_titles_words() -> None:
    compounds = CompoundWords(CATALOGUE)
    assert compounds.split("tshirt in organic cotton") == "t-shirt in organic cotton"
    assert compounds.split("a pourover") == "a pour-over"


@pytest.mark.slow
def test_anything_but_that_seller_shows_the_others(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    first = chat.say("tshirt in organic cotton, no polyester, under 20, cheapest first")
    assert first.products[:2] == ["P0271", "P0253"], first.text
    chat.say("who sells the cheapest one?")
    others = chat.say("anything but that seller then")
    products = demo_assistant.services.catalogue.products
    assert others.products and "P0271" not in others.products
    assert all(products[p].seller.name != "MegaBargain Outlet" for p in others.products)
    assert chat.units() == {}


@pytest.mark.slow
def test_the_best_rated_of_a_kind_whatever_its_stars(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("best rated blender thats actually in stock")
    products = demo_assistant.services.catalogue.products
    assert reply.products and all("Blender" in products[p].title for p in reply.products)
    assert all(products[p].in_stock for p in reply.products), reply.text


@pytest.mark.slow
def test_the_cheapest_one_after_none_matched_is_of_the_kind_asked(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("headlamp with 4 stars or more?")
    reply = chat.say("ok whats the cheapest one then")
    products = demo_assistant.services.catalogue.products
    assert reply.products and all("Headlamp" in products[p].title for p in reply.products)
    chat.say("add it in blue")
    assert chat.units() == {reply.products[0]: 1}
