"""The shop's carts, summaries and orders in ACP's shapes: line items, totals, fulfilment.

Amounts are the commerce service's own integers (minor units), never recomputed here; tax
is shared out over the lines so that the lines add up to the total exactly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from assistant.catalogue.models import Catalogue
from assistant.channels.acp.models import (
    CustomAttribute,
    FulfillmentOptionShipping,
    Item,
    LineItem,
    Link,
    LinkType,
    SelectedFulfillmentOption,
    SelectedOption,
    SellerDetails,
    Total,
)
from assistant.commerce import CartLine, OrderLine, Totals

STANDARD = "standard"
POLICY_PAGES: dict[LinkType, str] = {
    "terms_of_use": "orders",
    "privacy_policy": "privacy",
    "return_policy": "returns",
}


def _shares(total: int, weights: Sequence[int]) -> list[int]:
    """`total` split in proportion to `weights`, largest remainders first, summing exactly."""
    whole = sum(weights)
    if not whole:
        return [0] * len(weights)
    shares = [total * w // whole for w in weights]
    order = sorted(range(len(weights)), key=lambda i: -(total * weights[i] % whole))
    for i in order[: total - sum(shares)]:
        shares[i] += 1
    return shares


def line_items(
    lines: Sequence[CartLine | OrderLine], tax_minor: int, catalogue: Catalogue, base_url: str
) -> list[LineItem]:
    """ACP line items for cart, summary or order lines."""
    bases = [line.qty * line.unit_price_minor for line in lines]
    taxes = _shares(tax_minor, bases)
    items = []
    for line, base, tax in zip(lines, bases, taxes, strict=True):
        product = catalogue.products[line.product_id]
        options = product.variants[0].options
        for variant in product.variants:
            if variant.id == line.variant_id:
                options = variant.options
        items.append(
            LineItem(
                id=f"li_{line.variant_id}",
                item=Item(id=line.variant_id, quantity=line.qty),
                base_amount=base,
                discount=0,
                subtotal=base,
                tax=tax,
                total=base + tax,
                name=line.title,
                unit_amount=line.unit_price_minor,
                images=[f"{base_url}/api/products/{line.product_id}/image.svg"],
                custom_attributes=[
                    CustomAttribute(display_name=name.capitalize(), value=value)
                    for name, value in options.items()
                ],
                marketplace_seller_details=SellerDetails(name=product.seller.name),
            )
        )
    return items


def totals(figures: Totals) -> list[Total]:
    """The totals list: items, subtotal, fulfilment, tax and the total."""
    return [
        Total(
            type="items_base_amount", display_text="Item(s) total", amount=figures.subtotal_minor
        ),
        Total(type="subtotal", display_text="Subtotal", amount=figures.subtotal_minor),
        Total(type="fulfillment", display_text="Shipping", amount=figures.shipping_minor),
        Total(type="tax", display_text="Tax", amount=figures.tax_minor),
        Total(type="total", display_text="Total", amount=figures.total_minor),
    ]


def shipping_options(
    lines: Sequence[CartLine], shipping_minor: int, catalogue: Catalogue, now: dt.datetime
) -> list[FulfillmentOptionShipping]:
    """The one way the shop ships: standard, at the commerce rules' price and the slowest
    line's delivery time."""
    days = max((catalogue.products[line.product_id].shipping_days for line in lines), default=0)
    arrives = (now + dt.timedelta(days=days)).date()
    day_start = dt.datetime.combine(arrives, dt.time(0, 0), tzinfo=dt.UTC)
    return [
        FulfillmentOptionShipping(
            id=STANDARD,
            title="Standard shipping",
            description=f"Arrives in {days} days" if days else "Arrives soon",
            earliest_delivery_time=_rfc3339(day_start),
            latest_delivery_time=_rfc3339(day_start + dt.timedelta(hours=23, minutes=59)),
            totals=[Total(type="total", display_text="Shipping", amount=shipping_minor)],
        )
    ]


def selected(
    option_id: str, lines: Sequence[CartLine | OrderLine]
) -> list[SelectedFulfillmentOption]:
    """The selection of `option_id` for every line."""
    return [
        SelectedFulfillmentOption(
            type="shipping",
            shipping=SelectedOption(
                option_id=option_id, item_ids=[line.variant_id for line in lines]
            ),
        )
    ]


def policy_links(base_url: str) -> list[Link]:
    """The shop's terms, privacy and returns pages."""
    return [
        Link(type=kind, url=f"{base_url}/policies/{page}") for kind, page in POLICY_PAGES.items()
    ]


def _rfc3339(moment: dt.datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")
