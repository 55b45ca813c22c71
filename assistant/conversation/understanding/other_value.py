"""«the other colour then» beside a product whose colour asked for is sold out: the one other
colour (or size) it comes in, in stock."""

from __future__ import annotations

import re

from assistant.catalogue.models import Product

_OTHER = re.compile(
    r"\b(?:the|that|in the)\s+other\s+(?P<option>colou?r|one in stock|[a-z]{3,})\b(?!\s*s\b)",
    re.I,
)
# «is the other colour in stock?», «what's the other size?»: asked, not taken
_ASKED = re.compile(r"\?|^\W*(?:what|which|is|are|does|do|how)\b", re.I)
_TURNED_DOWN = re.compile(
    r"\b(?:nah|no|not|don'?t|dont|do not|never|hate|pass|skip|forget it|neither)\b", re.I
)
# «hmm no, swap it for the other colour»: a «no» to what was done, then what to do instead
_CORRECTING = re.compile(
    r"^\W*(?:(?:hmm+|oh|ah|wait|ugh|erm|um)\W+)*(?:no|nah|nope)\W+(?=(?:\w+\W+){0,2}?"
    r"(?:swap|switch|change|make|get|give|go with|i'?ll|the other)\b)",
    re.I,
)
# «and the other colour as well, one pair», «the other colour too»: that one in its other
# colour as well, a line of its own (not «i like the other colour too», a remark, nor
# «change it to the other colour, she likes that one too», a change)
# «and the same size in the other grind»: a line of the other grind beside it
_IN_THE_OTHER = r"^\W*(?:and|plus|also)\s+(?:the\s+same\s+\w+\s+|one\s+)?in\s+the\s+other\b"
_TOO = (
    r"^\W*(?:and|plus)\s+the\s+other\b"
    r"|\bthe\s+other\s+(?:colou?r|size)(?:\s+one)?\s+(?:as well|too)\b"
    rf"|{_IN_THE_OTHER}"
)
# «fine, add one in the other colour then», «and a second pair in the other colour»
_SECOND_LINE = (
    r"\b(?:add|get|grab)\s+(?:one|1)\s+in\b|\ba\s+(?:second|2nd)\s+(?:one|pair|set|pack)\b"
)
_TAKES = re.compile(
    r"\b(?:then|add|get|grab|take|go with|i'?ll have|please|pls|instead|actually|rather|"
    r"swap|switch|change|make)\b|"
    + r"\b(?:another|one more)\b|^\W*(?:and|plus|also) (?:one|1)\b"
    + r"|^\W*(?:and|plus)\s+the\s+other\b"
    + rf"|{_IN_THE_OTHER}|{_SECOND_LINE}",
    re.I,
)
# «and one in the other colour for my sister»: a second line, not the first one changed
ANOTHER_LINE = re.compile(
    r"\b(?:another|one more)\b|^\W*(?:and|plus|also) (?:one|1)\b" + rf"|{_SECOND_LINE}|" + _TOO,
    re.I,
)


_POSITIONED_OTHER = re.compile(
    r"\b(?:swap|switch|change|make)\s+the\s+(?P<pick>first|second|third|last|1st|2nd|3rd)"
    r"(?:\s+one)?\b.*\bother\s+(?:colou?r|size)\b",
    re.I,
)
_POSITIONS = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "last": -1}


def line_by_position(text: str, cart_products: list[str]) -> str:
    """The cart's product at the position «swap the first one for the other colour» names,
    or ""."""
    said = _POSITIONED_OTHER.search(text)
    lines = list(dict.fromkeys(cart_products))
    if said is None or not lines:
        return ""
    at = _POSITIONS[said["pick"].lower()]
    return lines[at] if -len(lines) <= at < len(lines) else ""


def names_another_version(text: str) -> bool:
    """Whether a message takes «the other colour» (size, grind …) of a product."""
    return bool(_OTHER.search(text) and _TAKES.search(text) and not _ASKED.search(text))


def other_value(product: Product | None, text: str, said: dict[str, str]) -> dict[str, str]:
    """The option «the other colour» means: the one value of that option, in stock, other than
    the value said before; {} when the message says no such thing or more than one fits."""
    others = _other_values(product, text, said)
    return {others[0]: others[1][0]} if others and len(others[1]) == 1 else {}


def others_to_choose(product: Product | None, text: str, said: dict[str, str]) -> str | None:
    """The option «and one in the other colour too» leaves to choose, when the product comes
    in more than one other value of it: that name (the shopper is asked which)."""
    others = _other_values(product, text, said)
    return others[0] if others and len(others[1]) > 1 and ANOTHER_LINE.search(text) else None


def _other_values(
    product: Product | None, text: str, said: dict[str, str]
) -> tuple[str, list[str]] | None:
    """The option «the other …» names and its values, in stock, other than the one said."""
    found = _OTHER.search(text)
    if product is None or found is None or _ASKED.search(text) or not _TAKES.search(text):
        return None
    if _TURNED_DOWN.search(_CORRECTING.sub("", text)):
        return None  # «nah I don't like the other colour, I'll pass then»
    word = found["option"].lower()
    names = product.options_by_name()
    # «the other grind», «the other edition»: any option the product has, by its name
    name = word if word in names and word != "colour" else "colour"
    if not re.fullmatch(r"colou?r|one in stock", word) and word not in names:
        return None
    values = list(dict.fromkeys(v.options[name] for v in product.variants if name in v.options))
    before = said.get(name)
    others = [value for value in values if value != before]
    if before is None and len(values) != 2:
        return None
    in_stock = [
        value
        for value in others
        if any(v.options.get(name) == value and v.stock > 0 for v in product.variants)
    ]
    return name, in_stock if len(others) > 1 else others


# a pick said by one value needs words that pick: «ok 30ml anyway», «black i guess»
_PICK_CUE = re.compile(
    r"\b(?:then|i guess|anyway|anyways|please|pls|plz|i'?ll (?:take|have|go with)|go with|"
    r"let'?s do)\b",
    re.I,
)
# what a pick said only by its version may hold beside the values: «ok white, queen i guess»
_PICK_FILLER = frozenset(
    "ok okay fine then i guess please pls plz anyway anyways sure yeah yes yep the in size sz "
    "colour color one ones for me let's lets go with get it i'll ill take have that will do "
    "and just hmm um well alright right cool great perfect hm whatever meh ugh oh lol".split()
)


def decided_by_version(product: Product | None, text: str) -> bool:
    """Whether a message only names versions of the product in view («ok white, queen i
    guess», «ok 30ml anyway»): a pick of that version, after talking about the product."""
    if product is None or _ASKED.search(text):
        return False
    named = product.options_named_in(text)
    if not named or (len(named) < 2 and not _PICK_CUE.search(text)):
        return False  # «ok, clear» of a case sold in clear: understood, not a pick
    rest = text.lower()
    for value in named.values():
        rest = re.sub(rf"\b{re.escape(value.lower())}\b", " ", rest)
        rest = re.sub(rf"\b{re.escape(value.lower().replace(' ', ''))}\b", " ", rest)
    return all(word in _PICK_FILLER for word in re.findall(r"[a-z']+", rest))
