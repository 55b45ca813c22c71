"""What a size name means, asked of a listing that names its sizes only: «what does queen even
mean for towels», «how long is the king in inches», «why does a candle come in twin, queen and
king»: the sizes it comes in, and that the listing gives no measurements for them."""

from __future__ import annotations

import re

from assistant.catalogue.models import Product

# a measure asked of a size, or why it comes in such sizes
_MEANING_ASKED = re.compile(
    r"\b(?:mean|means|meaning|measurements?|dimensions?|inches|inch|cm|centimet\w*|actual size"
    r"|how (?:big|long|wide|large|tall|high)|what size is)\b"
    r"|\bwhy\b[^?]*\bcomes? in\b",
    re.I,
)
# «how long does the queen take to ship?»: a delivery time asked, not a size
_DELIVERY = re.compile(r"\b(?:ship\w*|deliver\w*|arriv\w*|get here|take|takes|dispatch\w*)\b", re.I)
# a listed fact that would answer it («length: 84 in»)
_MEASURE_FACT = re.compile(r"dimension|length|width|height|size|measure|capacity|volume", re.I)


def size_meaning(product: Product, text: str) -> str | None:
    """The honest answer when a message asks what sizes named by words (twin, queen, king;
    S, M, L) measure, or why the product comes in them; None otherwise."""
    sizes = [
        value
        for value in product.options_by_name().get("size", [])
        if not any(char.isdigit() for char in value)
    ]
    # a size said as a word («queen», «small»), not the «s» of «it's» or the «M» of «i'm an M»
    said = [
        value
        for value in sizes
        if len(value) >= 3 and re.search(rf"\b{re.escape(value)}\b", text, re.I)
    ]
    if not said or not _MEANING_ASKED.search(text) or _DELIVERY.search(text):
        return None
    if any(_MEASURE_FACT.search(name) for name in product.attributes):
        return None  # the listing gives a measure: the facts answer
    listed = ", ".join(sizes[:-1]) + f" and {sizes[-1]}" if len(sizes) > 1 else sizes[0]
    return (
        f"{product.title} [{product.id}] is listed in sizes {listed}, but the listing doesn't "
        "give measurements or say what those sizes mean for it, so I can't tell you how big "
        "each one is."
    )
