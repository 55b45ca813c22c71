"""Typed results of the commerce service: carts, checkout summaries, orders, returns."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from assistant.commerce.pricing import Totals

OrderStatus = Literal["processing", "shipped", "delivered", "cancelled"]


class Origin(BaseModel):
    """Where a cart line came from: a chat turn, a social post, a #cart reply, a Buy button."""

    kind: Literal["chat", "post", "cart_reply", "buy_button", "ui", "api", "mcp", "acp"] = "chat"
    ref: str | None = Field(None, description="Turn, post or reply id.")
    app: str | None = None
    creator: str | None = None


class Confirmation(BaseModel):
    """The shopper's own yes to a checkout summary, as recognised outside any model."""

    source: Literal["shopper_reply", "ui_button", "mcp_elicitation", "acp_complete"]
    shopper_id: str
    evidence: str = Field(max_length=2000, description="The reply text or the button's nonce.")


class VariantChoice(BaseModel):
    """One variant a shopper can pick when the one meant is unclear."""

    variant_id: str
    options: dict[str, str]
    price_minor: int
    currency: str = "USD"
    in_stock: bool


class CartLine(BaseModel):
    """One variant in a cart."""

    product_id: str
    variant_id: str
    title: str
    options: dict[str, str]
    qty: int
    unit_price_minor: int
    currency: str
    origin: Origin


class CartView(BaseModel):
    """A cart with its totals and version."""

    shopper_id: str
    version: int
    lines: list[CartLine]
    totals: Totals

    @property
    def units(self) -> int:
        """Units over all lines."""
        return sum(line.qty for line in self.lines)


class CheckoutChange(BaseModel):
    """Something that changed between what the shopper last saw and the summary."""

    kind: Literal["cart_changed", "price_changed", "quantity_reduced", "sold_out"]
    product_id: str | None = None
    title: str | None = None
    currency: str = "USD"
    old_price_minor: int | None = None
    new_price_minor: int | None = None
    old_qty: int | None = None
    new_qty: int | None = None


class CheckoutSummary(BaseModel):
    """What the shopper is asked to confirm."""

    checkout_id: str
    cart_version: int
    lines: list[CartLine]
    totals: Totals
    changes: list[CheckoutChange] = Field(
        default_factory=list, description="What changed since the shopper last looked."
    )
    expires_at: dt.datetime
    express: bool = Field(
        False, description="One item bought on its own (a Buy button); the cart is untouched."
    )

    @property
    def total_minor(self) -> int:
        """The amount the shopper will pay."""
        return self.totals.total_minor


class OrderLine(BaseModel):
    """One variant of a placed order."""

    product_id: str
    variant_id: str
    title: str
    qty: int
    returned_qty: int
    unit_price_minor: int
    origin: Origin


class OrderView(BaseModel):
    """A placed order with its derived fulfilment status."""

    order_id: str
    shopper_id: str
    checkout_id: str
    status: OrderStatus
    lines: list[OrderLine]
    totals: Totals
    placed_at: dt.datetime
    estimated_delivery: dt.date
    tracking_number: str | None


class ReturnReceipt(BaseModel):
    """A return that was accepted."""

    return_id: str
    order_id: str
    items: dict[str, int]
    refund_minor: int
    currency: str


class OrderConfirmation(BaseModel):
    """The order a confirmation leads to, and whether this confirmation created it."""

    order: OrderView
    created: bool = Field(description="False when the checkout had already made this order.")
