"""Explicit constraints in a shopper's own words, with no catalogue vocabulary: price cap,
colour, size and pack size ("a 2 pack of black hdmi cables, 10 feet, under $30").

`filters.parse_query` only recognises values the catalogue sells; this reads what the shopper
asked for, so the assistant can say honestly when nothing matches it.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from assistant.search.filters import FilterVocabulary, parse_query

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "twenty-four": 24, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "eighty-four": 84,
}  # fmt: skip
COLOURS = {
    "white", "black", "red", "blue", "green", "yellow", "pink", "purple", "orange", "brown",
    "grey", "gray", "navy", "beige", "gold", "golden", "silver", "chrome", "salmon", "maroon",
    "ochre", "tan", "amber", "ivory", "khaki", "teal", "turquoise", "burgundy", "cream",
    "multicolored", "multi-colored", "multicolor", "multicolour", "bronze", "copper",
    "whitewash", "espresso", "charcoal", "coral", "lavender", "lilac", "magenta", "mint",
    "olive", "peach", "plum", "rose", "ruby", "aqua", "cyan", "violet", "indigo", "mauve",
    "taupe", "walnut", "mahogany", "nude", "champagne", "rust", "emerald", "fuchsia",
}  # fmt: skip
SHADES = {
    "light", "dark", "medium", "pale", "deep", "bright", "smoky", "pearl", "slate", "sage",
    "wine", "classic", "hot", "baby", "sky", "royal", "navy", "rose", "light-", "matte",
}  # fmt: skip
CLOTHING_SIZES = (
    r"xx-small|x-small|extra small|small|medium|large|x-large|xx-large|xxx-large|extra large"
    r"|xs|xl|xxl|xxxl|[2-6]x"
)
UNIT = (
    r"fl\.? ?oz|fluid ounces?|ounces?|oz|ml|millilit(?:er|re)s?|lbs?|pounds?|kg|g|mm|cm"
    r"|inch(?:es)?|in|\"|foot|feet|ft|meters?|m"
)
STOP = {"in", "a", "an", "the", "of", "some", "and", "that", "is", "are", "with", "one", "it"}
_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_NUM = rf"(?:\d+(?:\.\d+)?|{_NUMBER_WORD})"
_DIMENSION = re.compile(
    rf"\b{_NUM}\s*(?:{UNIT}|w|l|wide|long)?\s*(?:x|\*|by)\s*{_NUM}\s*(?:{UNIT}|w|l|wide|long)?"
    rf"(?:\s*(?:x|\*|by)\s*{_NUM}\s*(?:{UNIT})?)?(?![\w.])",
    re.I,
)
_MEASURE = re.compile(rf"\b{_NUM}\s*-?\s*(?:{UNIT})(?![\w])", re.I)
_SIZE_WORD = re.compile(
    rf"\bsize(?:d)?\s*[:]?\s*(?:of\s+)?({_NUM}|{CLOTHING_SIZES}|[a-z])\b"
    rf"|\b({CLOTHING_SIZES})[ -]?size(?:d)?\b"
    rf"|\bin an? ({CLOTHING_SIZES})\b",
    re.I,
)
_CLOTHING = re.compile(rf"\b({CLOTHING_SIZES})\b", re.I)
_PACK = re.compile(
    rf"\b(?:pack|set|package|box|case|bundle)\s+of\s+({_NUM})\b"
    rf"|\b({_NUM})[ -]?(?:pack|pk)\b"
    r"|\b(twin)[ -]?pack\b",
    re.I,
)
_NAMED_COLOUR_AFTER = re.compile(r"\bcolou?r(?:ed)?\s*[:]?\s+([\w-]+(?:\s+\d\w*)?)", re.I)
_NAMED_COLOUR_BEFORE = re.compile(r"((?:[\w-]+\s+){0,2}[\w-]+)\s+colou?r(?:ed)?\b", re.I)


class Constraints(BaseModel):
    """What the shopper explicitly asked for; None where they did not say."""

    max_price_minor: int | None = None
    colour: str | None = None
    size: str | None = None
    pack: int | None = None


def _number(text: str) -> float:
    lowered = text.lower()
    return float(NUMBER_WORDS[lowered]) if lowered in NUMBER_WORDS else float(lowered)


def normalise_size(text: str) -> str:
    """A size reduced to a comparable key: '10 Feet' and '10ft' both become '10ft'."""
    key = text.lower()
    for word, value in sorted(NUMBER_WORDS.items(), key=lambda item: -len(item[0])):
        key = re.sub(rf"\b{word}\b", str(value), key)
    replacements = [
        (r"fl\.? ?oz|fluid ounces?", "floz"),
        (r"ounces?|oz\b", "oz"),
        (r"inch(?:es)?\b|\bin\b|\"", "in"),
        (r"\bfeet\b|\bfoot\b|\bft\b", "ft"),
        (r"\bwide\b", "w"),
        (r"\blong\b", "l"),
        (r"\bby\b|\*", "x"),
        (r"\bsize\b|\bsized\b", ""),
        (r"extra large", "x-large"),
        (r"extra small", "x-small"),
    ]
    for pattern, replacement in replacements:
        key = re.sub(pattern, replacement, key)
    return re.sub(r"[\s-]+", "", key)


def normalise_colour(text: str) -> str:
    """A colour reduced to a comparable key: 'Multi-colored' becomes 'multicolored'."""
    return re.sub(r"[\s-]+", "", text.lower().replace("grey", "gray"))


def _colour(text: str) -> str | None:
    words = re.findall(r"[\w-]+", text.lower())
    best: list[str] = []
    index = 0
    while index < len(words):
        if words[index] in COLOURS or (
            words[index] in SHADES and index + 1 < len(words) and words[index + 1] in COLOURS
        ):
            span = [words[index]]
            cursor = index + 1
            while cursor < len(words):
                word = words[cursor]
                if (
                    word in COLOURS
                    or word in SHADES
                    or (
                        word == "and"
                        and cursor + 1 < len(words)
                        and (words[cursor + 1] in COLOURS or words[cursor + 1] in SHADES)
                    )
                ):
                    span.append(word)
                else:
                    break
                cursor += 1
            if len(span) > len(best):
                best = span
            index = cursor
        else:
            index += 1
    if best:
        return " ".join(best)
    if match := _NAMED_COLOUR_BEFORE.search(text):
        named = [word for word in match.group(1).lower().split() if word not in STOP]
        if named and not any(word in {"color", "colour", "colored"} for word in named):
            return " ".join(named[-2:])
    if match := _NAMED_COLOUR_AFTER.search(text):
        return match.group(1).lower()
    return None


def _size(text: str) -> str | None:
    if match := _DIMENSION.search(text):
        return match.group(0).strip()
    if match := _SIZE_WORD.search(text):
        return next(group for group in match.groups() if group).lower()
    if match := _MEASURE.search(text):
        return match.group(0).strip()
    if match := _CLOTHING.search(text):
        return match.group(1).lower()
    return None


def _pack(text: str) -> int | None:
    match = _PACK.search(text)
    if not match:
        return None
    if match.group(3):
        return 2
    return int(_number(match.group(1) or match.group(2)))


def extract_constraints(text: str) -> Constraints:
    """Price cap, colour, size and pack size named in a request, vocabulary-free."""
    price = parse_query(text, FilterVocabulary()).filters.max_price_minor
    without_pack = _PACK.sub(" ", text)
    return Constraints(
        max_price_minor=price,
        colour=_colour(text),
        size=_size(without_pack),
        pack=_pack(text),
    )
