"""Filters as columns and as Chroma metadata select exactly what `SearchFilters.matches` does."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.catalogue.loader import load_catalogue
from assistant.search.columns import FilterColumns
from assistant.search.filters import FilterVocabulary, SearchFilters, whole_word
from assistant.settings import DEMO_CATALOGUE

CATALOGUE, _ = load_catalogue(DEMO_CATALOGUE)
COLUMNS = FilterColumns(CATALOGUE)
VOCABULARY = FilterVocabulary.from_catalogue(CATALOGUE)
PRICES = st.none() | st.integers(0, 40_000)


@st.composite
def filters(draw: st.DrawFn) -> SearchFilters:
    low, high = draw(PRICES), draw(PRICES)
    if low is not None and high is not None and low > high:
        low, high = high, low
    return SearchFilters(
        min_price_minor=low,
        max_price_minor=high,
        category=draw(st.none() | st.sampled_from([*CATALOGUE.categories(), "Nothing"])),
        brand=draw(st.none() | st.sampled_from([*CATALOGUE.brands(), "NoSuchBrand"])),
        colour=draw(st.none() | st.sampled_from([*sorted(VOCABULARY.colours), "teal"])),
        size=draw(st.none() | st.sampled_from(sorted(VOCABULARY.sizes))),
        min_rating=draw(st.none() | st.sampled_from([1.0, 3.5, 4.2, 5.0])),
        in_stock=draw(st.booleans()),
        vetted_seller=draw(st.booleans()),
    )


@settings(max_examples=300, deadline=None)
@given(filters())
def test_columns_select_what_matches_selects(chosen: SearchFilters) -> None:
    expected = [pid for pid, product in CATALOGUE.products.items() if chosen.matches(product)]
    assert COLUMNS.ids(COLUMNS.mask(chosen)) == expected


@pytest.mark.parametrize("case", [str.upper, str.lower])
def test_filter_values_match_in_any_case(case) -> None:
    product = next(iter(CATALOGUE.products.values()))
    chosen = SearchFilters(category=case(product.category), brand=case(product.brand))
    assert product.id in COLUMNS.ids(COLUMNS.mask(chosen))


def test_category_keywords_are_those_a_title_scan_finds() -> None:
    """The word lookup keeps exactly the keywords the scan of every title kept."""
    for word, owner in VOCABULARY.categories.items():
        assert not any(
            whole_word(word, p.title) for p in CATALOGUE.products.values() if p.category != owner
        )
