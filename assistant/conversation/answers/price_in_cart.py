"""«how much is that» right after adding several: the product's price, and what the units in
the cart come to («3 × $36.95 = $110.85»), since the shopper just counted them."""

from __future__ import annotations

import re

from assistant.commerce.models import CartView
from assistant.conversation.answers.compose import Turn
from assistant.money import format_minor

_HOW_MUCH = re.compile(
    r"\b(?:how much|what(?:'?s| does| do)? (?:that|it|they|this) (?:cost|come to)|price)\b", re.I
)


def with_units_in_cart(turn: Turn, question: str, product_id: str | None, cart: CartView) -> Turn:
    """The answer with the cart's units of the product priced, when it holds more than one."""
    if product_id is None or not _HOW_MUCH.search(question):
        return turn
    lines = [line for line in cart.lines if line.product_id == product_id]
    units = sum(line.qty for line in lines)
    if units < 2:
        return turn
    total = sum(line.qty * line.unit_price_minor for line in lines)
    priced = " + ".join(
        f"{line.qty} × {format_minor(line.unit_price_minor, line.currency)}" for line in lines
    )
    said = f"The {units} in your cart come to {format_minor(total, lines[0].currency)} ({priced})."
    turn.text += f"\n{said}"
    turn.data_texts = [*turn.data_texts, said]  # the cart's own lines, multiplied out
    return turn
