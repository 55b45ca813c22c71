"""How many people a game is for («we're 5 people», «for 4 players»), against the ranges
games list («players: 3-8»)."""

from __future__ import annotations

import re

from assistant.catalogue.models import Product
from assistant.search.parsing import DIGIT_WORDS

_COUNT = r"(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)"
_WORDS = {**DIGIT_WORDS, "ten": 10}  # the shop's words for small numbers
_NO_AGE = r"(?![\s-]*(?:years?|yrs?|y/?o|months?|mos?)\b)"  # «for 7 year olds to play»: an age
_PARTY = re.compile(
    # «for 5 players», «we're 5 people», «there are six of us», «a game 4 can play»; not
    # «more than 1 player», a bound
    rf"(?<!more than )(?<!at least )(?<!over )\b{_COUNT}\s+(?:players?|people|ppl|persons?|of us)\b"
    rf"|\b(?:we'?re|we are|there(?:'s| is| are)|for)\s+{_COUNT}\b{_NO_AGE}(?=[^.?!]*\bplay)"
    rf"|\b{_COUNT}\s+(?:can|could|will|would)\s+play\b",
    re.I,
)
_RANGE = re.compile(r"^\s*(\d{1,2})\s*(?:-\s*(\d{1,2}))?\s*$")


def players_said(text: str) -> int | None:
    """How many people the text says will play, if it says."""
    found = _PARTY.search(text)
    if found is None:
        return None
    said = next(group for group in found.groups() if group).lower()
    return int(said) if said.isdigit() else _WORDS[said]


def _fits(product: Product, count: int) -> bool | None:
    """Whether the product's listed players include the count; None when none is listed."""
    listed = _RANGE.match(product.attributes.get("players", ""))
    if listed is None:
        return None
    low = int(listed.group(1))
    high = int(listed.group(2) or low)
    return low <= count <= high


def for_the_players(products: list[Product], text: str) -> list[Product]:
    """Of the products found, those whose listed players include how many the text says
    will play, when some but not all do; all of them otherwise."""
    count = players_said(text)
    if count is None:
        return products
    kept = [product for product in products if _fits(product, count) is not False]
    return kept if kept and len(kept) < len(products) else products
