"""Search filters over columns: the catalogue's filterable fields as numpy arrays, built once.

`SearchFilters.matches` checks one product at a time in Python; at 100,000 products that is
a scan of every product and variant per search. Here each field is a column (a code per
category, brand, colour and size, a price and stock per variant), so a filter is a handful
of vectorised comparisons, and the same rule holds: a product matches when one of its
variants meets every variant constraint.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from assistant.catalogue.models import Catalogue
from assistant.search.filters import (
    COLOUR_OPTION_NAMES,
    SIZE_OPTION_NAMES,
    SearchFilters,
    made_of_text,
    says_any,
)

UNKNOWN = -1  # the code of a value no product has: it matches nothing


class _Codes:
    """Lower-cased values to small integers, so a column compares ints, not strings."""

    def __init__(self) -> None:
        self.codes: dict[str, int] = {}

    def add(self, value: str | None) -> int:
        if value is None:
            return UNKNOWN
        return self.codes.setdefault(value.lower(), len(self.codes))

    def of(self, value: str) -> int:
        return self.codes.get(value.lower(), UNKNOWN - 1)  # matches no stored code


def _first_option(options: dict[str, str], names: Iterable[str]) -> list[str | None]:
    return [options.get(name) for name in names]


class FilterColumns:
    """The catalogue's filterable fields as columns, in the catalogue's product order."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.product_ids = list(catalogue.products)
        self.categories, self.brands = _Codes(), _Codes()
        self.colours, self.sizes = _Codes(), _Codes()
        products = list(catalogue.products.values())
        self.category = np.array([self.categories.add(p.category) for p in products], np.int32)
        self.brand = np.array([self.brands.add(p.brand) for p in products], np.int32)
        self.rating = np.array([p.rating or 0.0 for p in products], np.float64)
        self.reviews = np.array([p.review_count for p in products], np.int64)
        self.vetted = np.array([p.seller.vetting == "vetted" for p in products], bool)
        self.made_of = [made_of_text(p) for p in products]
        by_id = sorted(range(len(products)), key=lambda position: self.product_ids[position])
        self.id_rank = np.empty(len(products), np.int64)  # order of ids, for stable ties
        self.id_rank[by_id] = np.arange(len(products))
        self.position = {pid: position for position, pid in enumerate(self.product_ids)}
        owner, price, stock, colour, size = [], [], [], [], []
        for position, product in enumerate(products):
            for variant in product.variants:
                owner.append(position)
                price.append(variant.price_minor)
                stock.append(variant.stock)
                colour.append(
                    [
                        self.colours.add(v)
                        for v in _first_option(variant.options, COLOUR_OPTION_NAMES)
                    ]
                )
                size.append(
                    [self.sizes.add(v) for v in _first_option(variant.options, SIZE_OPTION_NAMES)]
                )
        self.owner = np.array(owner, np.int32)
        self.price = np.array(price, np.int64)
        self.stock = np.array(stock, np.int64)
        self.colour = np.array(colour, np.int32).reshape(len(owner), len(COLOUR_OPTION_NAMES))
        self.size = np.array(size, np.int32).reshape(len(owner), len(SIZE_OPTION_NAMES))

    def __len__(self) -> int:
        return len(self.product_ids)

    def mask(self, filters: SearchFilters) -> np.ndarray:
        """Which products match, as a boolean array in catalogue order."""
        offered = np.zeros(len(self.product_ids), bool)
        offered[self.owner[self._variants(filters)]] = True
        return self._products(filters) & offered

    def _products(self, filters: SearchFilters) -> np.ndarray:
        """Which products meet the product-level filters."""
        products = np.ones(len(self.product_ids), bool)
        if filters.category:
            products &= self.category == self.categories.of(filters.category)
        if filters.brand:
            products &= self.brand == self.brands.of(filters.brand)
        if filters.min_rating is not None:
            products &= self.rating >= filters.min_rating
        if filters.vetted_seller:
            products &= self.vetted
        if filters.not_brands:
            products &= ~np.isin(self.brand, [self.brands.of(b) for b in filters.not_brands])
        if filters.not_words:  # rare and product-level: a scan of the words, not of variants
            products &= ~np.array([says_any(text, filters.not_words) for text in self.made_of])
        return products

    def _variants(self, filters: SearchFilters) -> np.ndarray:
        """Which variants meet the variant-level filters (price, stock, colour, size)."""
        variants = np.ones(len(self.owner), bool)
        if filters.in_stock:
            variants &= self.stock > 0
        if filters.min_price_minor is not None:
            variants &= self.price >= filters.min_price_minor
        if filters.max_price_minor is not None:
            variants &= self.price <= filters.max_price_minor
        if filters.not_colours:
            unwanted = [self.colours.of(colour) for colour in filters.not_colours]
            variants &= ~np.isin(self.colour, unwanted).any(axis=1)
        if filters.colour:
            variants &= (self.colour == self.colours.of(filters.colour)).any(axis=1)
        if filters.size:
            variants &= (self.size == self.sizes.of(filters.size)).any(axis=1)
        return variants

    def ids(self, mask: np.ndarray) -> list[str]:
        """The product ids a mask selects, in catalogue order."""
        return [self.product_ids[position] for position in np.flatnonzero(mask)]
