"""«add a 250g green tea and a loaf of sourdough bread»: the part of an add that names a kind
of thing the shop does not sell, so the reply says so instead of passing over it."""

from __future__ import annotations

import re

from assistant.catalogue.models import SIZE_WORD
from assistant.search.kind_words import FORM_WORDS
from assistant.search.kinds import ProductKinds, singular
from assistant.search.mentions import ProductMentions

_PARTS = re.compile(r"\s*(?:,|\band\b|\bplus\b|\balso\b|&)\s*", re.I)
_ADD_WORDS = re.compile(
    r"^\W*(?:(?:please|pls|ok|okay|and|also)\W+)*(?:add|put|pop|throw|grab|get me|i'?ll take)\b"
    r"|\b(?:to|in|into) (?:my|the) (?:cart|basket|bag)\b",
    re.I,
)


_COUNTED_AS = FORM_WORDS | {"pair", "of", "one", "unit", "piece"}
_FOR_WHAT = re.compile(r"\s+for\s+(?:the|my|our|his|her|their|a|an)\b.*$", re.I)
_A_THING = re.compile(r"(?:a|an|some|the|\d+\w*|one|two|three|four|five)\s", re.I)
# «the other two», «the cheaper of those two in grey», «the first»: products in view
_POINTS_BACK = re.compile(
    r"\b(?:other|others|both|those|these|them|first|second|third|last|cheaper|pricier|same)\b",
    re.I,
)


def unsold_part(
    text: str, mentions: ProductMentions, kinds: ProductKinds | None, versions: set[str]
) -> str | None:
    """The kind one part of an add asks for that the shop does not carry, else None; a part
    that names a brand we sell or only versions (`versions`, lower-cased: «in orange») is
    none."""
    if kinds is None:
        return None
    for part in _PARTS.split(text):
        # «plus 2 grey queen for the spare room»: what it is for is no thing asked for
        words = _FOR_WHAT.sub("", _ADD_WORDS.sub(" ", part))
        words = " ".join(SIZE_WORD.sub(" ", words).split())  # «2 large in red»: a version
        said = set(re.findall(r"[a-z0-9&']+", words.lower()))
        if len(words.split()) < 2 or said & mentions.all_brand_words or kinds.named_kind(words):
            continue
        if not _A_THING.match(words) or _POINTS_BACK.search(words):
            continue  # «sounds good»: no thing asked for; «the other two»: things in view
        if all(singular(word) in _COUNTED_AS for word in words.lower().split()[1:]):
            continue  # «two sets», «a couple of pairs»: how many, no thing of its own
        if not (mentions.find(words) or mentions.says_a_model(words)) and (
            lacking := kinds.missing(f"do you sell {words}", versions)
        ):
            return lacking
    return None
