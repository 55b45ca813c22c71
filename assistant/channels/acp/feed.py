"""The product feed in the Agentic Commerce Protocol's format: one row per variant.

The rows follow the protocol's product feed schema (`spec/json-schema/schema.product_feed.json`
in the agentic-commerce-protocol repository): flag strings, a `"12.34 USD"` price, stock as
`availability` and `inventory_quantity`, variants grouped by `item_group_id`, and the seller's
policy pages. `FeedRow` checks every row against those rules before it is written, so a
catalogue value that would break the feed is caught here, not by the agent platform.
The row `id` is the variant id: the same id ACP checkout sessions take as `items[].id`.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.catalogue.models import Product, Variant
from assistant.commerce import CommerceService
from assistant.money import MINOR_DIGITS

ID = r"^[a-zA-Z0-9_.-]+$"
PRICE = r"^[0-9]+\.[0-9]{2} [A-Z]{3}$"
URL = r"^https?://\S+$"
Flag = Literal["true", "false"]


class FeedRow(BaseModel):
    """One variant as the feed lists it (the schema's required fields and the ones we know)."""

    model_config = ConfigDict(extra="forbid")

    enable_search: Flag
    enable_checkout: Flag
    id: str = Field(pattern=ID, max_length=100)
    mpn: str = Field(pattern=ID, max_length=70, description="Required when there is no GTIN.")
    title: str = Field(max_length=150)
    description: str = Field(max_length=5000)
    link: str = Field(pattern=URL)
    condition: Literal["new", "refurbished", "used"] = "new"
    product_category: str
    brand: str = Field(max_length=70)
    image_link: str = Field(pattern=URL)
    price: str = Field(pattern=PRICE)
    availability: Literal["in_stock", "out_of_stock", "preorder"]
    inventory_quantity: int = Field(ge=0)
    item_group_id: str = Field(max_length=70)
    item_group_title: str = Field(max_length=150)
    color: str | None = Field(None, max_length=40)
    size: str | None = Field(None, max_length=20)
    seller_name: str = Field(max_length=70)
    seller_url: str = Field(pattern=URL)
    seller_privacy_policy: str = Field(pattern=URL)
    seller_tos: str = Field(pattern=URL)
    return_policy: str = Field(pattern=URL)
    return_window: int = Field(ge=1)
    product_review_count: int = Field(ge=0)
    product_review_rating: float | None = Field(None, ge=0, le=5)

    @model_validator(mode="after")
    def _checkout_needs_search(self) -> FeedRow:
        if self.enable_checkout == "true" and self.enable_search != "true":
            raise ValueError("enable_checkout needs enable_search")
        return self


def _price(minor: int, currency: str) -> str:
    whole, cents = divmod(minor, 10**MINOR_DIGITS)
    return f"{whole}.{cents:0{MINOR_DIGITS}d} {currency.upper()}"


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def feed_row(product: Product, variant: Variant, available: int, base_url: str) -> FeedRow:
    """One variant's row."""
    options = variant.options
    label = " / ".join(options.values())
    return FeedRow(
        enable_search="true",
        enable_checkout="true",
        id=variant.id,
        mpn=variant.id,
        title=_clip(f"{product.title} ({label})" if label else product.title, 150),
        description=_clip(product.description or product.title, 5000),
        link=f"{base_url}/cite/{product.id}",
        product_category=product.category,
        brand=_clip(product.brand or product.seller.name, 70),
        image_link=f"{base_url}/api/products/{product.id}/image.svg",
        price=_price(variant.price_minor, variant.currency),
        availability="in_stock" if available > 0 else "out_of_stock",
        inventory_quantity=max(available, 0),
        item_group_id=product.id,
        item_group_title=_clip(product.title, 150),
        color=_clip(options["colour"], 40) if "colour" in options else options.get("color"),
        size=_clip(options["size"], 20) if "size" in options else None,
        seller_name=_clip(product.seller.name, 70),
        seller_url=base_url,
        seller_privacy_policy=f"{base_url}/policies/privacy",
        seller_tos=f"{base_url}/policies/orders",
        return_policy=f"{base_url}/policies/returns",
        return_window=product.return_window_days,
        product_review_count=product.review_count,
        product_review_rating=product.rating,
    )


def final_sale(product: Product) -> bool:
    """No return window: the feed's `return_window` (at least 1 day) cannot say so truthfully,
    so such products are left out of the feed rather than listed with a made-up window."""
    return product.return_window_days < 1


def feed_rows(commerce: CommerceService, base_url: str) -> Iterator[FeedRow]:
    """Every variant of every returnable product, with the stock that can be bought now."""
    for product in commerce.catalogue.products.values():
        if final_sale(product):
            continue
        for variant in product.variants:
            yield feed_row(product, variant, commerce.available(variant.id), base_url.rstrip("/"))


def write_feed(rows: Iterator[FeedRow], out: Path, format: Literal["jsonl", "csv"]) -> int:
    """Write the rows as JSON Lines or CSV; returns how many were written."""
    out.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = (
            csv.DictWriter(handle, fieldnames=list(FeedRow.model_fields))
            if format == "csv"
            else None
        )
        if writer:
            writer.writeheader()
        for row in rows:
            data = row.model_dump(exclude_none=writer is None)
            if writer:
                writer.writerow(
                    {key: "" if value is None else value for key, value in data.items()}
                )
            else:
                handle.write(json.dumps(data, ensure_ascii=False) + "\n")
            count += 1
    return count
