"""Totals, shipping and tax: every money rule of a cart or order, in one place."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from pydantic import BaseModel, Field


class PricingRules(BaseModel):
    """The shop's rules; all amounts in minor units."""

    free_shipping_from_minor: int = Field(5000, ge=0, description="Subtotal that ships free.")
    shipping_fee_minor: int = Field(499, ge=0)
    tax_rate: Decimal = Field(Decimal("0"), ge=0, le=1, description="0 = prices include tax.")
    max_line_qty: int = Field(10, ge=1, description="Most units of one variant per order.")


class Totals(BaseModel):
    """What a cart or order costs."""

    subtotal_minor: int
    shipping_minor: int
    tax_minor: int
    total_minor: int
    currency: str


def compute_totals(lines: Iterable[tuple[int, int]], currency: str, rules: PricingRules) -> Totals:
    """Totals of (qty, unit_price_minor) lines under the rules; an empty cart costs nothing."""
    subtotal = sum(qty * unit_price for qty, unit_price in lines)
    shipping = (
        0
        if subtotal == 0 or subtotal >= rules.free_shipping_from_minor
        else rules.shipping_fee_minor
    )
    tax = int((Decimal(subtotal) * rules.tax_rate).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return Totals(
        subtotal_minor=subtotal,
        shipping_minor=shipping,
        tax_minor=tax,
        total_minor=subtotal + shipping + tax,
        currency=currency,
    )
