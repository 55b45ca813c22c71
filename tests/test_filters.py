import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.search.filters import FilterVocabulary, SearchFilters, UnknownFilterError
from assistant.search.parsing import parse_query
from assistant.settings import DEMO_CATALOGUE


@pytest.fixture
def vocabulary(tiny_catalogue):
    return FilterVocabulary.from_catalogue(tiny_catalogue)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("headphones under $100", {"max_price_minor": 10000, "category": "Headphones"}),
        ("kettle below 60 dollars", {"max_price_minor": 6000}),
        ("something over $50", {"min_price_minor": 5000}),
        ("between $20 and $50", {"min_price_minor": 2000, "max_price_minor": 5000}),
        ("$30-$60 gift", {"min_price_minor": 3000, "max_price_minor": 6000}),
        ("from 80 to 20 dollars", {"min_price_minor": 2000, "max_price_minor": 8000}),
        ("rated 4 stars and up", {"min_rating": 4.0}),
        ("with 4.5+ stars", {"min_rating": 4.5}),
        ("highly rated skillet", {"min_rating": 4.0}),
        ("in stock only please", {"in_stock": True}),
        (
            "Stridex shoes in blue size 10",
            {"brand": "Stridex", "colour": "blue", "size": "10", "category": "Running Shoes"},
        ),
        ("a battery that lasts under 30 hours", {}),
        ("a gift, nothing over like 30 bucks", {"max_price_minor": 3000}),
        ("dont want to spend more than 60", {"max_price_minor": 6000}),
        ("can't pay over 25", {"max_price_minor": 2500}),
        ("a kettle, 40 quid tops", {"max_price_minor": 4000}),
        ("earbuds from a vetted seller under 60", {"vetted_seller": True, "max_price_minor": 6000}),
        ("a similar set from a seller you've actually checked out", {"vetted_seller": True}),
        ("only trusted sellers please", {"vetted_seller": True}),
        ("who is the seller", {}),
    ],
)
def test_parse_query(vocabulary, query, expected):
    assert parse_query(query, vocabulary).filters.model_dump(exclude_defaults=True) == expected


def test_parse_query_keeps_the_words_for_ranking(vocabulary):
    parsed = parse_query("noise cancelling headphones under $100 in stock", vocabulary)
    assert parsed.text == "noise cancelling headphones"


def test_filters_match_per_variant(tiny_catalogue):
    headphones = tiny_catalogue.product("T1")
    assert SearchFilters(colour="black", in_stock=True).matches(headphones)
    # the white variant exists but is out of stock, so "white in stock" must not match
    assert not SearchFilters(colour="white", in_stock=True).matches(headphones)
    assert not SearchFilters(max_price_minor=8000).matches(headphones)
    shoes = tiny_catalogue.product("T3")
    assert SearchFilters(colour="red", size="9").matches(shoes)
    assert not SearchFilters(size="11").matches(shoes)


def test_unknown_filter_lists_the_known_ones():
    with pytest.raises(UnknownFilterError, match="unknown filter.*colur.*known filters are"):
        SearchFilters.from_params({"colur": "red"})


def test_bad_filter_value_is_a_clear_error():
    with pytest.raises(UnknownFilterError, match="min_rating"):
        SearchFilters.from_params({"min_rating": "9"})
    with pytest.raises(UnknownFilterError, match="swap them"):
        SearchFilters.from_params({"min_price_minor": 500, "max_price_minor": 100})


def test_brands_are_found_among_thousands_as_one_regex_each_would_find_them() -> None:
    """A big catalogue's vocabulary: only names whose first word is in the query are tried,
    and the longest named one still wins, plurals included."""
    from assistant.search.filters import FilterVocabulary, whole_word
    from assistant.search.parsing import _first_named

    brands = {f"brand{n} co": f"Brand{n} Co" for n in range(3000)}
    brands |= {"north": "North", "north face": "North Face", "kettle": "Kettle", "(red)": "(RED)"}
    vocabulary = FilterVocabulary(brands=brands)
    queries = [
        "a jacket by north face",
        "north jackets",
        "two kettles",
        "brand2999 co boots",
        "(red) earbuds",
        "northern lights",
        "brand12 cos",
        "nothing here",
    ]
    for query in queries:
        slow = next(
            (brands[name] for name in sorted(brands, key=len, reverse=True)
             if whole_word(name, query)),
            None,
        )  # fmt: skip
        assert _first_named(vocabulary.brands, query) == slow, query


def test_a_colour_that_is_part_of_a_name_is_no_colour() -> None:
    vocabulary = FilterVocabulary.from_catalogue(load_catalogue(DEMO_CATALOGUE)[0])
    assert parse_query("a nice green tea for her", vocabulary).filters.colour is None
    assert parse_query("what green teas have u got", vocabulary).filters.colour is None
    assert parse_query("a green water bottle", vocabulary).filters.colour == "green"
