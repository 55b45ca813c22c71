"""Product filters in the vector store: what each product document carries as Chroma
metadata, and a filter as a Chroma `where` over it.

Chroma then keeps to the matching products inside its own nearest-neighbour search instead
of being handed thousands of allowed ids. Product-level fields (category, brand, rating) are
exact; variant-level ones (price, stock, colour, size) are stored per product as a range and
value lists, so the `where` may let through a product whose matching colour is out of stock:
the retriever drops those with the exact column filter (`FilterColumns`).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from assistant.catalogue.models import Product
from assistant.search.filters import COLOUR_OPTION_NAMES, SIZE_OPTION_NAMES, SearchFilters

Metadata = dict[str, str | int | float | bool | list[str]]


def product_metadata(product: Product) -> Metadata:
    """The filterable fields of a product, as stored beside its vector (lower-cased)."""
    offered = [variant for variant in product.variants if variant.stock > 0]
    prices = [variant.price_minor for variant in product.variants]
    in_stock_prices = [variant.price_minor for variant in offered] or [0]
    metadata: Metadata = {
        "product_id": product.id,
        "category": product.category.lower(),
        "brand": product.brand.lower(),
        "rating": float(product.rating or 0.0),
        "price_min": min(prices),
        "price_max": max(prices),
        "in_stock": bool(offered),
        "in_stock_price_min": min(in_stock_prices),
    }
    colours = _values(product, COLOUR_OPTION_NAMES)
    sizes = _values(product, SIZE_OPTION_NAMES)
    if colours:  # Chroma refuses empty lists
        metadata["colours"] = colours
    if sizes:
        metadata["sizes"] = sizes
    return metadata


def metadata_hash(metadata: dict[str, Any]) -> str:
    """A hash of the filter fields: a price or stock change updates them without re-embedding."""
    return hashlib.sha1(json.dumps(metadata, sort_keys=True).encode()).hexdigest()[:16]


def _values(product: Product, names: tuple[str, ...]) -> list[str]:
    return sorted(
        {
            variant.options[name].lower()
            for variant in product.variants
            for name in names
            if variant.options.get(name)
        }
    )


def chroma_where(filters: SearchFilters) -> dict[str, Any] | None:
    """The filters as a Chroma `where` (a superset of the exact matches), or None."""
    clauses: list[dict[str, Any]] = []
    if filters.category:
        clauses.append({"category": filters.category.lower()})
    if filters.brand:
        clauses.append({"brand": filters.brand.lower()})
    if filters.min_rating is not None:
        clauses.append({"rating": {"$gte": float(filters.min_rating)}})
    if filters.in_stock:
        clauses.append({"in_stock": True})
    low, high = filters.min_price_minor, filters.max_price_minor
    if high is not None:
        field = "in_stock_price_min" if filters.in_stock else "price_min"
        clauses.append({field: {"$lte": high}})
    if low is not None:
        clauses.append({"price_max": {"$gte": low}})
    if filters.colour:
        clauses.append({"colours": {"$contains": filters.colour.lower()}})
    if filters.size:
        clauses.append({"sizes": {"$contains": filters.size.lower()}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}
