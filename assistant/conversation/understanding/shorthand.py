"""Phone shorthand said in full («need it by tmrw» is «need it by tomorrow»), so product
facts, dates and acts read the words they know. Only shorthand with one meaning, and none the
act classifier already learnt as written («ppl», «u», «pls»)."""

from __future__ import annotations

import re

_IN_FULL = {
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "tmw": "tomorrow",
    "2morrow": "tomorrow",
    "2day": "today",
    "rn": "right now",
    "smth": "something",
    "sth": "something",
    "abt": "about",
    "b4": "before",
    "w/o": "without",
    "thx": "thanks",
    "plz": "please",
    "cuz": "because",
    "coz": "because",
    "bc": "because",
    "idk": "i don't know",
    "wk": "week",
    "wks": "weeks",
    "hrs": "hours",
    "mins": "minutes",
    "kinda": "kind of",  # «what kinda stuff do u sell» is no «kinda» we lack
    "sorta": "sort of",
    "lookin": "looking",  # «lookin for lego or smth like it» is no «lookin» we lack
    "searchin": "searching",
    "tryna": "trying to",
    "vit": "vitamin",  # «vit c serum» is no «Vit» make we lack
    # slips of shop words a shopper types fast («how much altogther»)
    "altogther": "altogether",
    "altogehter": "altogether",
    "alltogether": "altogether",
    "cheepest": "cheapest",
    "cheapist": "cheapest",
    "chepest": "cheapest",
    "checkuot": "checkout",
    "chekout": "checkout",
}
_SHORTHAND = re.compile(
    r"(?<![\w/])(" + "|".join(re.escape(word) for word in _IN_FULL) + r")(?![\w/])", re.I
)


# «under 100 w/ 4 stars»: «with», not 100 W of power
_WITH = re.compile(r"(?<![\w/])w/(?!o\b)\s*", re.I)


# «20000mah», «10000 mah», «20k mah»: a capacity as listings write it («20,000 mAh»)
_CAPACITY = re.compile(r"\b(\d{1,3})(?:,?(\d{3})|(k))\s*mah\b", re.I)


def _capacity_as_listed(match: re.Match[str]) -> str:
    return f"{match[1]},{match[2] or '000'} mAh"


def in_full(text: str) -> str:
    """The text with phone shorthand written out."""
    text = _SHORTHAND.sub(lambda match: _IN_FULL[match.group(1).lower()], text)
    text = _CAPACITY.sub(_capacity_as_listed, text)
    return _WITH.sub("with ", text)
