"""«how much is that» right after adding several: the product's price, and what the units in
the cart come to («3 × $36.95 = $110.85»), since the shopper just counted them."""

from __future__ import annotations

import re

from assistant.catalogue.models import Product
from assistant.commerce.models import CartView
from assistant.conversation.answers.compose import Turn
from assistant.money import format_minor

_HOW_MUCH = re.compile(
    r"\b(?:how much|what(?:'?s| does| do)? (?:that|it|they|this|the [\w -]{1,30}?) "
    r"(?:cost|come to)|price)\b",
    re.I,
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


# «how much would 4 of them cost?», «what would 3 come to»: a count priced, nothing added
# (the planner hears it as a question too, never a change)
COUNT_PRICED = re.compile(
    r"\b(?:how much|what)\s+(?:would|will|does|do|is|are|'?d)\s+(?P<count>\d{1,2})(?:\s+(?:of\s+"
    r"(?:them|those|these|it|em|the\s+[\w .-]{1,20}?)|units?|pairs?|bags?|packs?|sets?|boxes?|"
    r"pieces?))?\s+(?:cost|be|"
    r"come to|run me|set me back)\b",
    re.I,
)


def with_count_priced(turn: Turn, question: str, product: Product | None, cart: CartView) -> Turn:
    """The answer with the count asked multiplied out at the price of the version held (or the
    product's one price), and said plainly that nothing was added."""
    said = COUNT_PRICED.search(question)
    if product is None or said is None or not 1 < int(said["count"]) <= 999:
        return turn
    held = [line.unit_price_minor for line in cart.lines if line.product_id == product.id]
    named = product.options_named_in(question)  # «what would 2 of the 500g cost?»
    versions = [v for v in product.variants if named.items() <= v.options.items()]
    prices = {v.price_minor for v in versions} if named and versions else set(held)
    prices = prices or {variant.price_minor for variant in product.variants}
    if len(prices) != 1:
        return turn  # several prices and none held: the versions' prices say it already
    count, price = int(said["count"]), prices.pop()
    currency = product.variants[0].currency
    total = format_minor(count * price, currency)
    each = format_minor(price, currency)
    line = f"{count} × {each} = {total} (nothing added; your cart is unchanged)."
    turn.text += f"\n{line}"
    turn.data_texts = [*turn.data_texts, line]
    return turn
