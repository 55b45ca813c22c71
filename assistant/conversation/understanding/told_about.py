"""«The first one you told me about», «the one I asked about before the KitchenCraft»: a
product talked about some turns back, past the list shown last."""

from __future__ import annotations

import re

from assistant.search.mentions import ProductMentions

_TOLD_ABOUT = re.compile(
    r"\bthe (?:(?P<nth>first|second|third|last) )?(?:one|product|thing|pair|set)s? "
    r"(?:(?:you|u) (?:told me about|showed me|mentioned|talked about)|i (?:asked|was asking) "
    r"about|we (?:talked|spoke) about)(?: (?:first|earlier|at first|before)(?! the\b))?"
    r"(?: (?P<when>before|after) (?P<other>[^,.?!]+))?",
    re.I,
)
# «wait what was the first one again», «go back to the first one», «the one before that one»
_BACK_TO = re.compile(
    r"\b(?:(?:go(?:ing)? )?back to|(?:what|which) was) the (?P<nth>first|second|last) "
    r"(?:one|product|thing)\b|\bthe (?P<again>first|second) (?:one|product|thing) again\b"
    r"|\bthe one (?P<before>before) that(?: one)?\b",
    re.I,
)
_WORD = re.compile(r"[a-z0-9&']+")
_THE = frozenset({"the", "a", "an", "one", "that", "this"})
_POSITION = {"first": 0, "second": 1, "third": 2, "last": -1}


def told_about(message: str, talked: list[str], mentions: ProductMentions) -> list[str]:
    """The product of `talked` (talked about, first first) the message points back at; []
    when it points at none, or at one before or after a product not talked about."""
    match = _TOLD_ABOUT.search(message)
    # one product talked about is no conversation to go back in: «the first one» is the list's
    if match is None and (back := _BACK_TO.search(message)) and len(talked) > 1:
        if back["before"]:
            return [talked[-2]]
        position = _POSITION[(back["nth"] or back["again"]).lower()]
        return [talked[position]] if position < len(talked) else []
    if match is None or not talked:
        return []
    if match["other"]:
        named = [m.product_id for m in mentions.find(match["other"]) if m.product_id in talked]
        named = named or _by_title_words(match["other"], talked, mentions)  # «the KitchenCraft»
        if not named:
            return []
        position = talked.index(named[0]) + (-1 if match["when"].lower() == "before" else 1)
        return [talked[position]] if 0 <= position < len(talked) else []
    if match["nth"] is None:
        return []
    position = _POSITION[match["nth"].lower()]
    return [talked[position]] if position < len(talked) else []


def _by_title_words(phrase: str, talked: list[str], mentions: ProductMentions) -> list[str]:
    """The talked-about products whose titles hold every word of the phrase (a brand alone)."""
    words = set(_WORD.findall(phrase.lower())) - _THE
    titles = {
        pid: set(_WORD.findall(mentions.catalogue.products[pid].title.lower())) for pid in talked
    }
    return [pid for pid in talked if words and words <= titles[pid]]
