"""What each product document carries as Chroma metadata (category, brand, rating, price
range, colours and sizes), and the hash that tells an index whether it changed.

Filters themselves are applied exactly by the retriever's columns (`FilterColumns`), and the
nearest-neighbour search keeps to them by post-filtering or by the allowed ids: at 100k
products a Chroma `where` on this metadata cost 80-400 ms a query.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from assistant.catalogue.models import Product
from assistant.search.filters import COLOUR_OPTION_NAMES, SIZE_OPTION_NAMES

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
