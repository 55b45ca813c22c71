"""What the assistant says about orders: their status, returns, and none yet."""

from __future__ import annotations

import re

from assistant.catalogue.models import Catalogue
from assistant.commerce import OrderView, ReturnReceipt
from assistant.money import format_minor

NO_ORDERS = "You have no orders yet."
# Said beside an order question while a summary waits: the order is not placed until then.
NOT_CHARGED = (
    "Nothing is charged: this demo shop takes no real payment, so confirming an order places "
    "it without charging a card."
)
CHECKOUT_WAITING = (
    "Your checkout summary is still waiting: nothing is ordered until you reply «yes» "
    "(or «no» to keep shopping)."
)


def _version(catalogue: Catalogue | None, product_id: str, variant_id: str) -> str:
    """The version an order line holds, as the cart shows it («(olive)»), when known."""
    product = catalogue.products.get(product_id) if catalogue else None
    variant = next((v for v in product.variants if v.id == variant_id), None) if product else None
    said = ", ".join(variant.options.values()) if variant else ""
    return f" ({said})" if said else ""


def order_text(order: OrderView, placed: bool = False, catalogue: Catalogue | None = None) -> str:
    """An order's status, tracking and delivery estimate (with each line's version, given the
    `catalogue`: «can u remind me what i just ordered» asks which one)."""
    head = f"Order {order.order_id} is placed" if placed else f"Order {order.order_id}"
    items = ", ".join(
        f"{line.qty} × {line.title}{_version(catalogue, line.product_id, line.variant_id)}"
        for line in order.lines
    )
    text = (
        f"{head}: {items}; total {format_minor(order.totals.total_minor, order.totals.currency)}"
        f". Status: {order.status}"
    )
    if order.status == "cancelled":
        text += "; you were not charged"
    else:
        text += f", estimated delivery {order.estimated_delivery.isoformat()}"
    if order.tracking_number:
        text += f", tracking {order.tracking_number}"
    return text + "."


def return_text(receipt: ReturnReceipt) -> str:
    """A return that was accepted."""
    units = sum(receipt.items.values())
    return (
        f"Return {receipt.return_id} accepted for {units} item(s) of order "
        f"{receipt.order_id}; refund {format_minor(receipt.refund_minor, receipt.currency)}."
    )


# «did that go through twice?? i pressed it 2 times», «did it order twice»: whether a second
# order was placed (not «two orders of fries», «charged twice»: the payment rule)
# (not «can i order it twice, once in black and once in navy?», «a double order of …»: asks
# to buy)
# (nor «what happens if i hit confirm twice?»: the rule, asked before)
PLACED_TWICE = re.compile(
    r"^(?!.*\b(?:if|what happens|would|will)\b).*?(?:"
    r"\b(?:go|gone|went|goes)\s+through\s+(?:twice|two times|2 times|double)\b"
    r"|\b(?:was|got|been|it)\s+(?:ordered|placed)\s+(?:twice|two times|2 times)\b"
    r"|\b(?:pressed|clicked|tapped)\s+(?:it|the button|confirm|yes)\s+(?:twice|two times|"
    r"2 times)\b|\b(?:a|the|any)\s+duplicate\s+orders?\b)",
    re.I,
)


def orders_placed(count: int) -> str:
    """«did that go through twice?»: how many orders there are, and why a second press of
    confirm never makes another."""
    if count == 1:
        return (
            "Only one order was placed: pressing confirm again on the same summary never "
            "places a second order."
        )
    return (
        f"You have {count} orders in all; pressing confirm again on the same summary never "
        "places a second order."
    )
