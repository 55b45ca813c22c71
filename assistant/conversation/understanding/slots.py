"""Slots from a shopper's message: quantity, variant options, price bounds, product references."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.catalogue.models import Catalogue, Product
from assistant.search.filters import FilterVocabulary, SearchFilters
from assistant.search.parsing import parse_query

NUMBER_WORDS = {
    "one": 1,
    "a": 1,
    "an": 1,
    "two": 2,
    "a couple of": 2,
    "a pair of": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "5th": 5,
}
_NUMBER = r"(\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|a couple of|a pair of)"
_QTY_PATTERNS = [
    re.compile(
        rf"\b(?:add|buy|get|take|want|order|grab|need|make it|make that|change (?:it|the "
        rf"quantity) to|set (?:it|the quantity) to|quantity(?: to)?|switch (?:the "
        rf"quantity )?to|i'?d like)\s+(?:me\s+)?{_NUMBER}\b(?!\s*(?:stars?|\$|dollars?|"
        rf"ml|g|kg|mm|days?)\b)(?!\s*(?:st|nd|rd|th)\b)",
        re.I,
    ),
    re.compile(
        rf"\b{_NUMBER}\s+(?:of (?:them|those|these|it|that|the \w+)|units?|pieces?|pcs|"
        rf"more|x)\b",
        re.I,
    ),
    re.compile(r"\bx\s?(\d{1,3})\b", re.I),
    re.compile(rf"\bonly\s+{_NUMBER}\b", re.I),
    re.compile(rf"^{_NUMBER}$", re.I),
]
_ORDINAL = re.compile(
    r"\b(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last)\b"
    r"|\b(?:number|no\.?|#|option|item)\s*(\d)\b",
    re.I,
)
_DEICTIC = re.compile(r"\b(it|that|this|that one|this one|the one|them|those|these)\b", re.I)
_CHEAPER = re.compile(r"\b(cheaper|cheapest|less expensive|lower priced)\b", re.I)
_PRICIER = re.compile(r"\b(more expensive|pricier|priciest|most expensive)\b", re.I)
_BETTER_RATED = re.compile(r"\b(better|best|higher|highest)[ -]rated\b", re.I)
_PRODUCT_ID = re.compile(r"\b(P\d{3,6})\b")
_ORDER_ID = re.compile(r"\b(ORD-[0-9A-F]{10})\b", re.I)


@dataclass
class Slots:
    """What a message names beyond its intent."""

    quantity: int | None = None
    options: dict[str, str] = field(default_factory=dict)
    filters: SearchFilters = field(default_factory=SearchFilters)
    query_text: str = ""
    references: list[str] = field(default_factory=list)  # product ids, in the order meant
    order_id: str | None = None
    reference_kind: str | None = None  # ordinal, superlative, deictic, id, mention, option


def _number(text: str) -> int:
    text = text.lower()
    return int(text) if text.isdigit() else NUMBER_WORDS[text]


def extract_quantity(message: str) -> int | None:
    """A quantity the shopper states ('add 2', 'make it three', 'two of those')."""
    for pattern in _QTY_PATTERNS:
        match = pattern.search(message.strip())
        if match:
            value = next(group for group in match.groups() if group)
            return _number(value)
    return None


def extract_slots(
    message: str,
    vocabulary: FilterVocabulary,
    catalogue: Catalogue,
    shown: list[str],
    focus: str | None,
) -> Slots:
    """Quantity, options, filters, order id and the products the message refers to."""
    parsed = parse_query(message, vocabulary)
    options = {}
    if parsed.filters.colour:
        options["colour"] = parsed.filters.colour
    if parsed.filters.size:
        options["size"] = parsed.filters.size
    slots = Slots(
        quantity=extract_quantity(message),
        options=options,
        filters=parsed.filters,
        query_text=parsed.text,
    )
    if match := _ORDER_ID.search(message):
        slots.order_id = match.group(1).upper()
    slots.references, slots.reference_kind = resolve_references(
        message, catalogue, shown, focus, options
    )
    return slots


def resolve_references(
    message: str, catalogue: Catalogue, shown: list[str], focus: str | None, options: dict[str, str]
) -> tuple[list[str], str | None]:
    """Which products a message points at: ids, ordinals, 'the cheaper of the two',
    'the blue one', 'that'. Returns ([], None) when it names none."""
    ids = [pid for pid in _PRODUCT_ID.findall(message) if pid in catalogue.products]
    if ids:
        return list(dict.fromkeys(ids)), "id"
    shown = [pid for pid in shown if pid in catalogue.products]
    ordinals: list[str] = []
    for match in _ORDINAL.finditer(message):
        word, digit = match.groups()
        position = (
            len(shown)
            if (word or "").lower() == "last"
            else (ORDINALS.get((word or "").lower()) or int(digit or 0))
        )
        if 1 <= position <= len(shown):
            ordinals.append(shown[position - 1])
    if ordinals:
        return list(dict.fromkeys(ordinals)), "ordinal"
    pool = shown[:2] if re.search(r"\b(two|both)\b", message, re.I) else shown
    products = [catalogue.products[pid] for pid in pool]
    if products and (
        _CHEAPER.search(message) or _PRICIER.search(message) or _BETTER_RATED.search(message)
    ):
        if _CHEAPER.search(message):
            chosen = min(products, key=lambda p: p.min_price_minor)
        elif _PRICIER.search(message):
            chosen = max(products, key=lambda p: p.min_price_minor)
        else:
            chosen = max(products, key=lambda p: (p.rating or 0, p.review_count))
        return [chosen.id], "superlative"
    mentioned = _mentioned(message, [catalogue.products[pid] for pid in shown])
    if mentioned:
        return mentioned, "mention"
    if options and re.search(r"\bthe \w+(?: \w+)? ones?\b", message, re.I) and shown:
        having = [pid for pid in shown if _has_options(catalogue.products[pid], options)]
        if focus in having:
            return [focus], "option"
        if len(having) >= 1:
            return having[:1], "option"
    if focus and _DEICTIC.search(message):
        return [focus], "deictic"
    return [], None


def _has_options(product: Product, options: dict[str, str]) -> bool:
    return any(
        all(
            variant.options.get(name, "").lower() == value.lower()
            for name, value in options.items()
        )
        for variant in product.variants
    )


def _mentioned(message: str, products: list[Product]) -> list[str]:
    """Shown products named by a distinctive word of their title ('the kettle', 'the Sonara')."""
    words = set(re.findall(r"[a-z0-9']+", message.lower()))
    hits = []
    for product in products:
        title_words = set(re.findall(r"[a-z0-9']+", product.title.lower()))
        distinctive = {word for word in title_words if len(word) > 3}
        shared = distinctive & (words | {word.rstrip("s") for word in words})
        if shared:
            hits.append((len(shared), product.id))
    if not hits:
        return []
    best = max(score for score, _ in hits)
    winners = [pid for score, pid in hits if score == best]
    return winners if len(winners) == 1 else []
