"""Who a purchase is for: «… for my 5 year old niece», «one for each of my three nephews».
The words say why, not what: they are no version of the product and no question."""

from __future__ import annotations

import re

from assistant.catalogue.models import Product
from assistant.conversation.understanding.slots import NUMBER, number_value

# «for my sister who's doing physio», «, for my niece and nephew», «one for each of the
# quadruplets»: up to the end of its clause
_FOR_SOMEONE = re.compile(
    r"(?:,\s*)?\b(?:(?:one|1)\s+)?for\s+(?:each\s+of\s+)?(?:the|my|our|his|her|their|each)\b"
    r"[^,.;!?]*",
    re.I,
)
_FOR_EACH_OF = re.compile(
    rf"\bfor\s+each\s+of\s+(?:the|my|our|his|her|their)\s+{NUMBER}\b(?!\s*(?:kg|g|ml|cm))", re.I
)
_ONE_EACH = re.compile(r"^\W*(?:one|1|a|an)\b|\bone\s+(?:each|apiece)\b", re.I)


def without_recipients(product: Product, text: str) -> str:
    """The words of a request without who it is for (a clause that names a version of the
    product, «for the iPhone 15», stays)."""
    return _FOR_SOMEONE.sub(
        lambda said: said[0] if product.options_named_in(said[0]) else "", text
    ).strip()


def count_for_each(text: str) -> int | None:
    """«One X for each of my three nephews»: one each, so three."""
    said = _FOR_EACH_OF.search(text)
    if said is None or not _ONE_EACH.search(text):
        return None
    return number_value(said.group(1))
