"""What the shop's money rules mean for the shopper: how far a cart (or an amount said) is
from free shipping, and that prices are dollars when a budget was said in another currency."""

from __future__ import annotations

import re

from assistant.catalogue.models import Product
from assistant.commerce import CartView
from assistant.conversation.understanding.shop_words import AMOUNT_HELD
from assistant.money import format_minor

FOREIGN_MONEY = re.compile(r"\b(quid|pounds?|euros?)\b|[£€]", re.I)


def currency_note(text: str) -> str:
    """That prices are dollars, when a budget was said in another currency."""
    if FOREIGN_MONEY.search(text):
        return "\n(Prices are in US dollars; I read your budget as dollars.)"
    return ""


def free_shipping_gap(cart: CartView, threshold_minor: int) -> str:
    """What the shopper's own cart needs for free shipping."""
    subtotal, currency = cart.totals.subtotal_minor, cart.totals.currency
    if not cart.lines:  # «how much more do i have to spend for free shipping?» of none yet
        return f"Orders whose items come to {format_minor(threshold_minor, currency)} or more " + (
            "ship free."
        )
    if subtotal >= threshold_minor:
        return f"Your cart's items come to {format_minor(subtotal, currency)}, so it ships free."
    return (
        f"Your cart's items come to {format_minor(subtotal, currency)}, so shipping is "
        f"{format_minor(cart.totals.shipping_minor, currency)}: add "
        f"{format_minor(threshold_minor - subtotal, currency)} more and it ships free."
    )


def free_shipping_gap_from(amount_minor: int, threshold_minor: int, currency: str) -> str:
    """What items worth an amount the shopper says need for free shipping."""
    worth = f"Items worth {format_minor(amount_minor, currency)}"
    if amount_minor >= threshold_minor:
        return f"{worth} ship free."
    missing = format_minor(threshold_minor - amount_minor, currency)
    return f"{worth} do not ship free yet: add {missing} more and they do."


def free_shipping_note(
    text: str, cart: CartView, threshold_minor: int, product: Product | None = None
) -> tuple[str, list[int]]:
    """Under the free-shipping rule: how far the amount said («i have like 45 in my cart»),
    else the product asked about with the cart («…if I get the Flexa bands?»), else the
    shopper's cart is from it, with the figures used; ("", []) with none."""
    if held := AMOUNT_HELD.search(text):
        amount = round(float(held[1]) * 100)  # the amount said, not the cart
        gap = free_shipping_gap_from(amount, threshold_minor, cart.totals.currency)
        return "\n" + gap, [amount, threshold_minor - amount]
    if product is not None and all(line.product_id != product.id for line in cart.lines):
        price, subtotal = product.buyable_price_minor, cart.totals.subtotal_minor
        amount = subtotal + price
        lead = f"With {product.title} at {format_minor(price, product.currency)}"
        if cart.lines:
            lead += f" and your cart's {format_minor(subtotal, product.currency)} of items"
        lead += f", the items come to {format_minor(amount, product.currency)}"
        missing = format_minor(threshold_minor - amount, product.currency)
        gap = "they ship free" if amount >= threshold_minor else f"add {missing} more to ship free"
        return f"\n{lead}: {gap}.", [price, subtotal, amount, threshold_minor - amount]
    if not cart.lines:
        return "", []
    subtotal = cart.totals.subtotal_minor
    figures = [subtotal, cart.totals.shipping_minor, threshold_minor - subtotal]
    return "\n" + free_shipping_gap(cart, threshold_minor), figures
