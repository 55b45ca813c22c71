"""Searches that ask by a figure of the product data: «lightest tent you have», «fastest
wireless charger», «carry-on with max capacity», «hiking backpack under 1kg»: the products
found held to the bound and ordered by the figure, the winner named with its value."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.catalogue.models import Product
from assistant.conversation.answers.ranking import figure_value
from assistant.search.parsing import Constraints

# (pattern, attribute, most first): what a superlative ranks by
_ORDERS: list[tuple[re.Pattern[str], str, bool]] = [
    (
        re.compile(
            r"\blight(?:est|er)\b(?! (?:colou?r|shade|blue|grey|gray|green|pink|brown))", re.I
        ),
        "weight",
        False,
    ),
    (re.compile(r"\bheav(?:iest|ier)\b", re.I), "weight", True),
    (
        re.compile(
            r"\b(?:longest|most|best|biggest|longer|more|max(?:imum)?)\b[\w ]{0,12}\bbattery\b"
            r"|\bbattery\b[\w ]{0,15}\b(?:longest|longer|lasts? (?:the )?longest)\b",
            re.I,
        ),
        "battery life",
        True,
    ),
    (
        re.compile(
            r"\b(?:biggest|largest|most|max(?:imum)?|highest|bigger|larger|more)\b[\w ]{0,10}"
            r"\b(?:capacity|space|room|mah|volume)\b|\b(?:roomiest|biggest|largest)\b",
            re.I,
        ),
        "capacity",
        True,
    ),
    (re.compile(r"\b(?:smallest|least capacity)\b", re.I), "capacity", False),
    (
        re.compile(
            # «which charger gets here fastest»: the delivery, not the charging
            r"^(?!.*\b(?:deliver|ship|arriv|get here|gets here|turns? up|post))"
            r".*\bfast(?:est|er)\b"
            r"|\b(?:most|highest|more) (?:output|power|watts?)\b|\bmost powerful\b",
            re.I,
        ),
        "output",
        True,
    ),
    (re.compile(r"\bthick(?:est|er)\b", re.I), "thickness", True),
    (re.compile(r"\bthin(?:nest|ner)\b", re.I), "thickness", False),
]
_UNITS = {  # a bound's unit: the attribute it bounds and its scale to the data's smallest unit
    "kg": ("weight", 1000.0),
    "kgs": ("weight", 1000.0),
    "g": ("weight", 1.0),
    "grams": ("weight", 1.0),
    "gram": ("weight", 1.0),
    "mah": ("capacity", 1.0),
    "l": ("capacity", 1000.0),
    "litres": ("capacity", 1000.0),
    "liters": ("capacity", 1000.0),
    "w": ("output", 1.0),
    "watts": ("output", 1.0),
    "hours": ("battery life", 1.0),
    "hrs": ("battery life", 1.0),
    "h": ("battery life", 1.0),
}
_BOUND = re.compile(
    r"\b(?P<side>under|below|less than|lighter than|max(?:imum)?|at most|up to|over|above|"
    r"more than|at least|min(?:imum)?)\s*(?P<value>\d[\d,]*(?:\.\d+)?)\s*"
    r"(?P<unit>kgs?|g|grams?|mah|l|litres|liters|w|watts|hours|hrs|h)\b",
    re.I,
)


@dataclass
class SpecOrder:
    """Products held to a figure's bound and ordered by it, with the line that says why."""

    products: list[Product]
    lead: str
    values: str  # «weight: Ridgeline Studio 2 Ultralight Tent 350 g; …»
    winner: bool


def figure_of(product: Product, name: str) -> float | None:
    """The attribute's value in the data's smallest unit («1.4 kg» → 1400)."""
    return figure_value(product.attributes.get(name, ""))


_AT_MOST = {"under", "below", "less than", "lighter than", "max", "maximum", "at most", "up to"}


@dataclass
class _Bound:
    """A figure a request bounds: «under 1kg» is weight at most 1000 (g)."""

    name: str
    at_most: bool
    value: float


def _bound(text: str) -> _Bound | None:
    match = _BOUND.search(text)
    if not match:
        return None
    name, scale = _UNITS[match["unit"].lower()]
    value = float(match["value"].replace(",", "")) * scale
    return _Bound(name, match["side"].lower() in _AT_MOST, value)


def asks_by_spec(text: str) -> bool:
    """Whether a request ranks or bounds by a figure of the product data."""
    return bool(_BOUND.search(text)) or any(pattern.search(text) for pattern, _, _ in _ORDERS)


def _order(text: str, products: list[Product]) -> tuple[str, bool] | None:
    """The attribute a superlative ranks by, when the products found have it."""
    for pattern, name, most in _ORDERS:
        if pattern.search(text) and sum(figure_of(p, name) is not None for p in products) > 1:
            return name, most
    return None


def by_spec(products: list[Product], text: str) -> SpecOrder | None:
    """The products found, held to a bound the request says and ordered by the figure it
    ranks by; None when it says neither of a figure these products have."""
    bound, order = _bound(text), _order(text, products)
    if bound and not any(figure_of(p, bound.name) is not None for p in products):
        bound = None
    if bound:
        products = [p for p in products if _within(p, bound)]
        if not products:
            return SpecOrder([], f"None of those fits that {bound.name} limit.", "", False)
    if order:
        name, most = order
    elif bound:
        name, most = bound.name, not bound.at_most
    else:
        return None
    valued = [p for p in products if figure_of(p, name) is not None]
    valued.sort(key=lambda p: (figure_of(p, name) or 0.0) * (-1 if most else 1))
    top = valued[0]
    if order:
        lead = f"By {name}, {'most' if most else 'least'} first: {top.title} [{top.id}] has "
        lead += f"{top.attributes[name]}."
    else:
        lead = f"These fit your {name} limit:"  # the shopper's figure is not echoed unchecked
    values = "; ".join(f"{p.title} {p.attributes[name]}" for p in valued[:5])
    return SpecOrder(valued, lead, f"{name}: {values}.", bool(order))


def _within(product: Product, bound: _Bound) -> bool:
    value = figure_of(product, bound.name)
    return value is not None and (value <= bound.value if bound.at_most else value >= bound.value)


def without_bound(requested: Constraints, text: str) -> Constraints:
    """The constraints asked, less a «size» that is a figure's bound («under 1kg»)."""
    bound = _BOUND.search(text)
    if bound and requested.size and requested.size.lower() in bound[0].lower():
        return requested.model_copy(update={"size": None})
    return requested
