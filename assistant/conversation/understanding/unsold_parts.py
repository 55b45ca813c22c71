"""«add a 250g green tea and a loaf of sourdough bread»: the part of an add that names a kind
of thing the shop does not sell, so the reply says so instead of passing over it."""

from __future__ import annotations

import re

from assistant.search.kinds import ProductKinds
from assistant.search.mentions import ProductMentions

_PARTS = re.compile(r"\s*(?:,|\band\b|\bplus\b|\balso\b|&)\s*", re.I)
_ADD_WORDS = re.compile(
    r"^\W*(?:(?:please|pls|ok|okay|and|also)\W+)*(?:add|put|pop|throw|grab|get me|i'?ll take)\b"
    r"|\b(?:to|in|into) (?:my|the) (?:cart|basket|bag)\b",
    re.I,
)


def unsold_part(text: str, mentions: ProductMentions, kinds: ProductKinds | None) -> str | None:
    """The kind one part of an add asks for that the shop does not carry, else None."""
    if kinds is None:
        return None
    for part in _PARTS.split(text):
        words = _ADD_WORDS.sub(" ", part).strip()
        if len(words.split()) < 2 or mentions.find(words) or kinds.named_kind(words):
            continue
        if lacking := kinds.missing(f"do you sell {words}"):
            return lacking
    return None
