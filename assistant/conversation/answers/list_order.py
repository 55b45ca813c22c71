"""The order a shopper asks a list in: «sort by most reviews», «highest rated first», «price
low to high». A list asked in an order is a list, not the one product a superlative names."""

from __future__ import annotations

import re

from assistant.catalogue.models import Product

_BY = (
    r"(?:sort(?:ed)?|order(?:ed)?|rank(?:ed)?|list(?:ed)?)\s+(?:(?:them|it|those|these|'?em)\s+)?by"
)
# «… with more reviews», «ones with lots of reviews»: a list by how many reviewed it
MORE_REVIEWS = (
    r"\b(?:with|that have|that has|which have|having)\s+(?:more|the most|lots of|loads of|"
    r"plenty of|a lot of|many|a lot more)\s+reviews\b"
)
_ORDERS = {
    "most_reviewed": re.compile(
        rf"\b{_BY}\s+(?:the\s+)?(?:most\s+|number of\s+|# of\s+)?"
        r"(?:reviews?|reviewed|popular\w*)\b|"
        r"\b(?:most[- ]reviewed|most reviews|most popular)\s+(?:ones?\s+)?(?:first|on top)\b|"
        # «most reviewed trekking poles», «show me trekking poles with more reviews»
        r"\bmost[- ]reviewed\s+(?!ones?\b)[a-z]|" + MORE_REVIEWS,
        re.I,
    ),
    "best_rated": re.compile(
        rf"\b{_BY}\s+(?:the\s+)?(?:best\s+|highest\s+|top\s+)?(?:ratings?|rated|stars?|score)\b|"
        r"\b(?:best|highest|top)[- ](?:rated|rating|reviewed)\s+(?:ones?\s+)?(?:first|on top)\b",
        re.I,
    ),
    "cheapest": re.compile(
        rf"\b{_BY}\s+(?:the\s+)?(?:lowest\s+|cheapest\s+)?price\b(?!\s*,?\s*(?:high|highest|"
        r"descending))|\bprice\s*(?:[:,]\s*)?low(?:est)?\s+to\s+high(?:est)?\b|"
        # «jump ropes under $15, cheapest first»
        r"\b(?:cheapest|cheaper|lowest[- ]price[ds]?|least expensive)\s+(?:ones?\s+)?"
        r"(?:first|on top)\b",
        re.I,
    ),
    "priciest": re.compile(
        rf"\b{_BY}\s+(?:the\s+)?(?:highest\s+)?price\s*,?\s*(?:high|highest|descending)\b|"
        r"\bprice\s*(?:[:,]\s*)?high(?:est)?\s+to\s+low(?:est)?\b|"
        r"\b(?:priciest|pricier|dearest|most expensive|highest[- ]price[ds]?)\s+(?:ones?\s+)?"
        r"(?:first|on top)\b",
        re.I,
    ),
}
LISTED = 5  # products a list shows, as a search's does
# how each order opens the list
LEADS = {
    "most_reviewed": "Most reviewed first:",
    "best_rated": "Best rated first:",
    "cheapest": "Cheapest first:",
    "priciest": "Priciest first:",
}


# «cheap running shoes», «headphones, cheap», «on a budget»: cheapest first. Not a view of
# one («it feels cheap», «so cheap»), a fake («a cheap copy») or someone's old one («my cheap mat»).
_CHEAP = re.compile(
    r"(?<!\bmy )(?<!\bso )(?<!\bvery )(?<!\breally )(?<!\bstill )(?<!\bis )(?<!\bs )"
    r"(?<!\bseems )(?<!\bfeel )(?<!\bfeels )(?<!\bnot )(?<!\btoo )(?<!\blooks )"
    r"\b(?:cheap(?:ish)?|affordable|inexpensive|budget[- ]friendly|on a (?:tight |small )?budget|"
    # «nothing crazy expensive», «not too pricey»: the cheaper end first
    r"(?:nothing|not|none) (?:too |crazy |super |very |that |overly |ridiculously )?"
    r"(?:expensive|pricey|pricy|spendy|dear|costly))\b"
    r"(?!\s+(?:copy|copies|knock\w*|fakes?|looking|feeling|made|quality|plastic|lol|whatever|"
    r"stuff|junk|rubbish|crap)\b)",
    re.I,
)


# «i dont want cheap headphones», «avoid cheap mats», «that dont sound cheap», «my old cheap
# earbuds broke»: cheap said against
_AGAINST = re.compile(
    r"\b(?:don'?t|do not|dont|never|avoid|no|not|nothing|without|hate|sound|sounds|look|looks|"
    r"feel|feels|old|than)\W+(?:[\w'-]+\W+){0,2}$",
    re.I,
)


def says_cheap(text: str) -> bool:
    """Whether a request asks for cheap things (a list of them, cheapest first)."""
    said = _CHEAP.search(text)
    return said is not None and not _AGAINST.search(text[: said.start()])


def list_order(text: str) -> str | None:
    """The order a request asks its list in, if it says one."""
    return next((name for name, pattern in _ORDERS.items() if pattern.search(text)), None)


def in_order(products: list[Product], order: str) -> list[Product]:
    """The products in the order asked; ties keep the search's order."""
    keys = {
        "most_reviewed": lambda p: (-p.review_count, -(p.rating or 0.0)),
        "best_rated": lambda p: (-(p.rating or 0.0), -p.review_count),
        "cheapest": lambda p: p.buyable_price_minor,
        "priciest": lambda p: -p.buyable_price_minor,
    }
    return sorted(products, key=keys[order])
