"""The one query parser: what a shopper's words ask for, as search filters and as requested
constraints.

`SearchFilters` hold values the catalogue sells (so they can filter); `Constraints` hold what
the shopper asked for in their own words (a colour, size or pack size the catalogue may not
have), so the assistant can say honestly when nothing matches it. The `constraints`
evaluation suite scores this same parser on hand-labelled WebShop instructions.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from pydantic import BaseModel

from assistant.catalogue.models import LETTER_FOR
from assistant.money import to_minor
from assistant.search.budget_words import AMOUNT, FILLER, MONEY_HELD, NOT_OVER
from assistant.search.famous_makes import FAMOUS_MAKE
from assistant.search.filters import (
    FLAG_WORDS,
    LETTER_SIZES,
    UNITS_AFTER_NUMBER,
    FilterVocabulary,
    SearchFilters,
    whole_word,
)
from assistant.search.unwanted import unwanted

COUNT_WORDS = {
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
_COUNT_WORD = "|".join(sorted(COUNT_WORDS, key=len, reverse=True))
_COUNT = rf"(?:\d+(?:\.\d+)?|{_COUNT_WORD})"
_DIMENSION = re.compile(
    rf"\b{_COUNT}\s*(?:{UNIT}|w|l|wide|long)?\s*(?:x|\*|by)\s*{_COUNT}\s*(?:{UNIT}|w|l|wide|long)?"
    rf"(?:\s*(?:x|\*|by)\s*{_COUNT}\s*(?:{UNIT})?)?(?![\w.])",
    re.I,
)
_MEASURE = re.compile(rf"\b{_COUNT}\s*-?\s*(?:{UNIT})(?![\w])", re.I)
_REQUESTED_SIZE = re.compile(
    # (not the «s» of «which sizes»)
    rf"\bsize(?:d)?(?!s\b)\s*[:]?\s*(?:of\s+)?({_COUNT}|{CLOTHING_SIZES}|[a-z])\b"
    rf"|\b({CLOTHING_SIZES})[ -]?size(?:d)?\b"
    rf"|\bin an? ({CLOTHING_SIZES})\b",
    re.I,
)
# a spaced «in» before a word is no inch: «under 60 in black», «under 30 in stock»
_PRICE_IN = re.compile(r"\S+\s+in\s+(?!(?:wide|long|tall|high|deep|by|x)\b)[a-z]", re.I)
_CLOTHING = re.compile(rf"\b({CLOTHING_SIZES})\b", re.I)
_PACK = re.compile(
    rf"\b(?:pack|set|package|box|case|bundle)\s+of\s+({_COUNT})\b"
    rf"|\b({_COUNT})[ -]?(?:pack|pk)\b"
    r"|\b(twin)[ -]?pack\b",
    re.I,
)
_NAMED_COLOUR_AFTER = re.compile(r"\bcolou?r(?:ed)?\s*[:]?\s+([\w-]+(?:\s+\d\w*)?)", re.I)
_NAMED_COLOUR_BEFORE = re.compile(r"((?:[\w-]+\s+){0,2}[\w-]+)\s+colou?r(?:ed)?\b", re.I)
_NO_COLOUR_BEFORE = frozenset(
    "a an any the which what no one particular specific certain favourite favorite fav other "
    "another same different whatever that this its".split()
)


class Constraints(BaseModel):
    """What the shopper explicitly asked for; None where they did not say."""

    max_price_minor: int | None = None
    colour: str | None = None
    size: str | None = None
    pack: int | None = None


def _number(text: str) -> float:
    lowered = text.lower()
    return float(COUNT_WORDS[lowered]) if lowered in COUNT_WORDS else float(lowered)


def normalise_size(text: str) -> str:
    """A size reduced to a comparable key: '10 Feet' and '10ft' both become '10ft'."""
    key = text.lower()
    for word, value in sorted(COUNT_WORDS.items(), key=lambda item: -len(item[0])):
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
        said = match.group(1).lower().split()
        named = [word for word in said if word not in STOP]
        # «i'm not set on a colour», «any colour», «which colour?»: no colour named
        if (
            said[-1] not in _NO_COLOUR_BEFORE
            and named
            and not any(word in {"color", "colour", "colored"} for word in named)
        ):
            return " ".join(named[-2:])
    if (match := _NAMED_COLOUR_AFTER.search(text)) and match.group(1).lower() not in STOP:
        return match.group(1).lower()  # not «any colour of the jump rope»
    return None


def _requested_size(text: str) -> str | None:
    if match := _DIMENSION.search(text):
        return match.group(0).strip()
    if match := _REQUESTED_SIZE.search(text):
        return next(group for group in match.groups() if group).lower()
    for match in _MEASURE.finditer(text):
        if not _PRICE_IN.match(text, match.start()):  # «under 60 in black»: no 60-inch size
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


def requested_constraints(text: str, max_price_minor: int | None) -> Constraints:
    """Colour, size and pack size named in a request in the shopper's own words (whatever the
    catalogue sells), with the price cap the filters found."""
    return Constraints(
        max_price_minor=max_price_minor,
        colour=_colour(text),
        size=_requested_size(_PACK.sub(" ", text)),
        pack=_pack(text),
    )


@dataclass
class ParsedQuery:
    """A query split into structured filters, requested constraints and the words left for
    ranking."""

    text: str
    filters: SearchFilters
    requested: Constraints


_NUMBER = rf"[$£€]?\s?{AMOUNT}"
_CURRENCY_WORD = r"(?:\s*(?:dollars?|bucks|quid|euros?|usd|gbp|eur)\b)?"
_BETWEEN = re.compile(
    rf"\b(?:between|from)\s+{_NUMBER}\s*(?:dollars?\s*)?(?:and|to|-)\s*{_NUMBER}(?!\s*{UNITS_AFTER_NUMBER})"
    rf"|(?<![\w.])\$\s?{AMOUNT}\s*(?:-|to)\s*\$?\s?{AMOUNT}",
    re.I,
)
_UNDER = re.compile(
    r"\b(?:under|below|less(?: than)?|cheaper than|(?:no|not) more(?: than)?|up to|at most|"
    rf"max(?:imum)?|{NOT_OVER}|"
    # «raise the budget to 120», «i can stretch to 150»: a new cap
    rf"within|(?:budget|limit|cap)(?: of| is(?: now)?| to)?|stretch to)\s+{FILLER}{_NUMBER}"
    rf"(?!\s*{UNITS_AFTER_NUMBER})"
    rf"{_CURRENCY_WORD}|<\s*{_NUMBER}|\${AMOUNT}\s+(?:or less|or under|and under|max)\b"
    rf"|{_NUMBER}{_CURRENCY_WORD}\s+(?:max|tops|or less|or under|at most|limit|budget|cap)\b"
    rf"|{MONEY_HELD}",
    re.I,
)
_OVER = re.compile(
    rf"\b(?:over|above|more than|at least|from|min(?:imum)?|starting at)\s+{_NUMBER}"
    rf"(?!\s*{UNITS_AFTER_NUMBER}){_CURRENCY_WORD}|>\s*{_NUMBER}"
    rf"|\${AMOUNT}\s+(?:or more|and up|and above|plus)\b",
    re.I,
)
# «around 120», «about $80», «$50 or so», «100ish»: a price near that, either way
_AROUND = re.compile(
    r"\b(?:around|about|roughly|approx(?:imately)?|circa|something like)\s+"
    rf"(?:[$£€]\s?{AMOUNT}{_CURRENCY_WORD}|{AMOUNT}(?:\s*(?:dollars?|bucks|quid|euros?)\b|"
    r"(?=\s*(?:[.,;!?)]|$|or so\b|ish\b|tops\b|max\b))))"
    rf"|[$£€]\s?{AMOUNT}\s*(?:or so|-?ish)\b|\b{AMOUNT}\s*-?ish\b",
    re.I,
)
AROUND_SPREAD = 0.25  # «around 120»: from 90 to 150
_RATING = re.compile(
    r"\b(?:rated|rating(?: of)?|with)\s+(?:at least\s+|over\s+|above\s+)?"
    r"([1-5](?:\.\d)?)\s*\+?\s*(?:stars?)?"
    r"(?:\s*(?:and up|or more|or better|and above|& up))?"
    r"|\b(?:at least|minimum|min)\s+([1-5](?:\.\d)?)\s*stars?"
    r"|\b([1-5](?:\.\d)?)\s*(?:\+\s*)?stars?(?:\s*(?:and up|or more|or better|and above|& up|\+))?",
    re.I,
)
_WELL_RATED = re.compile(r"\b(?:highly|top|best|well|high)[ -]rated\b|\bwell[ -]reviewed\b", re.I)
# «in size 9» as one: "in size" must not use up the "size" of "size 9"
_SIZE_WORD = re.compile(
    r"\b(?:(?:in\s+)?(?:an?\s+)?(?:size|sized)|in(?: an?)?|sz)\s+"
    r"([A-Za-z0-9]+(?:\.\d+)?(?:\s?(?:ml|g|kg))?)\b"
    # «shes a small», «i wear a 9», «he's usually an L»: the size someone wears
    # («do they do a 10.5?»: a size asked of shoes)
    r"|\b(?:i'?m|i am|she'?s|she is|he'?s|he is|they'?re|they are|wears?|wearing|"
    r"(?:do|does)\s+(?:they|you|u|it|these|those)\s+(?:do|make|come\s+in))\s+"
    r"(?:usually\s+|normally\s+)?(?:an?\s+)([A-Za-z0-9]+(?:\.\d+)?)\b"
    r"(?![\s-]*(?:years?|yrs?|months?|mos?|weeks?)\b)",  # «she's an 8 year old»: an age
    re.I,
)


def _money(text: str) -> int:
    return to_minor(text.replace(",", "."))


def _first_number(match: re.Match[str]) -> str:
    return next(group for group in match.groups() if group)


DIGIT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9}  # fmt: skip
_TENS = {"ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
         "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}  # fmt: skip
_SPELLED = re.compile(
    rf"\b(?:(a|{'|'.join(list(DIGIT_WORDS)[:5])})\s+hundred(?:\s+(?:and\s+)?({'|'.join(_TENS)}))?"
    rf"|({'|'.join(_TENS)})(?:[\s-]+({'|'.join(DIGIT_WORDS)}))?)\b",
    re.I,
)
# «less than a hundred dollars», «fifty bucks tops»: a spelled amount is a price only beside
# a currency word or after a price bound, never alone («two pairs»)
_CURRENCY_AFTER = re.compile(r"\s+(?:dollars?|bucks|quid|euros?)\b", re.I)
_BOUND_BEFORE = re.compile(r"\b(?:under|below|than|max)\s+$", re.I)


def _spelled_out(match: re.Match[str]) -> str:
    """A spelled amount as digits, when it is said as a price; otherwise as it was."""
    text = match.string
    if not (
        _CURRENCY_AFTER.match(text, match.end()) or _BOUND_BEFORE.search(text[: match.start()])
    ):
        return match.group(0)
    hundreds, tens_after, tens, units = (g.lower() if g else "" for g in match.groups())
    if hundreds:
        digit = 1 if hundreds == "a" else DIGIT_WORDS[hundreds]
        return str(digit * 100 + _TENS.get(tens_after, 0))
    return str(_TENS[tens] + DIGIT_WORDS.get(units, 0))


def _numbers(text: str, found: dict[str, object]) -> str:
    """Rating, price bounds and stock: recorded in `found`, cut from the text."""
    text = _SPELLED.sub(_spelled_out, text)
    if match := _RATING.search(text):
        found["min_rating"] = float(_first_number(match))
        text = text.replace(match.group(0), " ", 1)
    elif _WELL_RATED.search(text):
        found["min_rating"] = 4.0
    if match := _BETWEEN.search(text):
        low, high = (group for group in match.groups() if group)
        found["min_price_minor"], found["max_price_minor"] = sorted((_money(low), _money(high)))
        text = text.replace(match.group(0), " ", 1)
    else:
        for pattern, key in ((_UNDER, "max_price_minor"), (_OVER, "min_price_minor")):
            if match := pattern.search(text):
                found[key] = _money(_first_number(match))
                text = text.replace(match.group(0), " ", 1)
        if "max_price_minor" not in found and "min_price_minor" not in found:
            text = _around(text, found)
    low, high = found.get("min_price_minor"), found.get("max_price_minor")
    if isinstance(low, int) and isinstance(high, int) and low > high:
        found["min_price_minor"], found["max_price_minor"] = high, low
    for key, pattern in FLAG_WORDS.items():  # said, so set, and cut from the text
        if match := pattern.search(text):
            found[key] = True
            text = text.replace(match.group(0), " ", 1)
    return text


def _around(text: str, found: dict[str, object]) -> str:
    """«around 120»: prices a quarter either side, recorded in `found`, cut from the text."""
    match = _AROUND.search(text)
    if match is None:
        return text
    price = _money(_first_number(match))
    marked = re.search(r"[$£€]|dollar|buck|quid|euro", match.group(0), re.I)
    if price < (MIN_AROUND_MINOR if marked else MIN_BARE_AROUND_MINOR):
        return text  # «about 3», «around 10 of them»: a count
    if not marked and _A_PERSON_OR_MEASURE.search(_clause_around(text, match)):
        return text  # «yoga mat for my mum, she's about 60»: an age, not a price
    found["min_price_minor"] = round(price * (1 - AROUND_SPREAD))
    found["max_price_minor"] = round(price * (1 + AROUND_SPREAD))
    return text.replace(match.group(0), " ", 1)


# a bare «about 60» beside these is an age, a weight or a size, not a budget
_A_PERSON_OR_MEASURE = re.compile(
    r"\b(?:she|he|her|him|they|someone|somebody|who'?s|mum|mom|mother|dad|father|grandpa|"
    r"grandma|granny|nan|son|daughter|kid|kids|child|boy|girl|baby|wife|husband|friend|years?|"
    r"yrs?|yo|old|aged?|turning|birthday|weighs?|weight|kg|lbs?|pounds|tall|cm|inch\w*|people|"
    r"guests|players|persons?)\b",
    re.I,
)
_CLAUSE_END = re.compile(r"[,.;!?]")


def _clause_around(text: str, match: re.Match[str]) -> str:
    """The clause a match stands in: «a gift for someone who likes running, around 50» is a
    budget, the person being in another clause; «she's about 60» is an age."""
    starts = [end.end() for end in _CLAUSE_END.finditer(text, 0, match.start())]
    after = _CLAUSE_END.search(text, match.end())
    return text[starts[-1] if starts else 0 : after.start() if after else len(text)]


MIN_AROUND_MINOR = 500  # «about $2»: too little to be a budget
MIN_BARE_AROUND_MINOR = 2000  # «around 10» without a currency is as likely a count


_FIRST_WORD = re.compile(r"^[\w-]+")
_TEXT_WORD = re.compile(r"[\w-]+")
NameIndex = tuple[dict[str, list[str]], dict[str, int]]  # by first word; each name's position
_NAME_INDEXES: dict[int, tuple[dict[str, str], NameIndex]] = {}


def _names_by_first_word(names: dict[str, str]) -> NameIndex:
    """The names grouped by their first word ("" for a name that starts with a sign), built
    once per vocabulary: a catalogue of 100,000 products has thousands of brands."""
    cached = _NAME_INDEXES.get(id(names))
    if cached is not None and cached[0] is names and len(cached[1][1]) == len(names):
        return cached[1]
    index: dict[str, list[str]] = {}
    for lowered in names:
        first = _FIRST_WORD.match(lowered)
        index.setdefault(first.group(0) if first else "", []).append(lowered)
    if len(_NAME_INDEXES) > 16:  # vocabularies are few; a test suite makes many
        _NAME_INDEXES.clear()
    position = {lowered: number for number, lowered in enumerate(names)}
    _NAME_INDEXES[id(names)] = (names, (index, position))  # held, so its id is not reused
    return index, position


def _first_named(names: dict[str, str], text: str) -> str | None:
    """The catalogue value whose name appears in the text (longest names first).

    Only names whose first word is one of the text's words (or, said in the plural, its
    singular) can match, so only those are tried: one regex per brand per query was most of
    a search at 1,000 products (Python's regex cache holds 512 patterns)."""
    index, position = _names_by_first_word(names)
    candidates = list(index.get("", []))
    for word in set(_TEXT_WORD.findall(text.lower())):
        for key in {word, word[:-1] if word.endswith("s") else word, word.removesuffix("es")}:
            candidates += index.get(key, [])
    for lowered in sorted(set(candidates), key=lambda name: (-len(name), position[name])):
        if whole_word(lowered, text):
            return names[lowered]
    return None


def _by_first_word(vocabulary: FilterVocabulary, text: str) -> str | None:
    """A brand said by its first word before a word of its own titles («ampere car mount»)."""
    words = _TEXT_WORD.findall(text.lower())
    for word, after in itertools.pairwise(words):
        if word in vocabulary.brand_first_words:
            brand, titled = vocabulary.brand_first_words[word]
            if after in titled or after.rstrip("s") in titled:
                return brand
    return None


def _vocabulary(text: str, vocabulary: FilterVocabulary) -> dict[str, object]:
    """Category, brand, colour and size values the catalogue sells, named in the text."""
    found: dict[str, object] = {}
    if category := _first_named(vocabulary.categories, text):
        found["category"] = category
    if brand := _first_named(vocabulary.brands, text) or _by_first_word(vocabulary, text):
        found["brand"] = brand
    lowered = text.lower()
    # longest first, then the one said first («navy blue»: navy): never the set's own order,
    # which changes from one process to the next
    said_at = {
        colour: lowered.find(colour.lower()) % (len(lowered) + 1) for colour in vocabulary.colours
    }
    for colour in sorted(vocabulary.colours, key=lambda c: (-len(c), said_at[c], c)):
        if vocabulary.names_colour(colour, text):
            found["colour"] = colour
            break
    found.update(_size(text, vocabulary.sizes, vocabulary.model_letters))
    return found


def parse_query(query: str, vocabulary: FilterVocabulary) -> ParsedQuery:
    """Pull price, rating, stock, category, brand, colour and size constraints out of a query,
    and what the shopper asked for in their own words."""
    found: dict[str, object] = {}
    refused = unwanted(
        query,
        vocabulary.colours,
        vocabulary.brands,
        vocabulary.refusable_words,
        vocabulary.colour_in_names,
    )
    query = refused.text  # «rain jacket, not black»: no black asked for, none ranked for
    text = _numbers(query, found)
    # «black diamond headlamp?»: a make's name, no colour (its words stay in the text)
    found.update(_vocabulary(FAMOUS_MAKE.sub(" ", text), vocabulary))
    found.update(refused.as_filters())
    cleaned = re.sub(r"\s+", " ", text).strip()
    filters = SearchFilters.model_validate(found)
    requested = requested_constraints(FAMOUS_MAKE.sub(" ", query), filters.max_price_minor)
    if requested.colour and not vocabulary.names_colour(requested.colour, query):
        requested.colour = None  # «green tea», «night cream»: part of a name, no colour asked
    return ParsedQuery(text=cleaned, filters=filters, requested=requested)


def _size(text: str, sizes: set[str], model_letters: set[str] = frozenset()) -> dict[str, str]:
    """A size named after 'size'/'in', or a size value on its own (not «Pro S», a model)."""
    for match in _SIZE_WORD.finditer(text):
        value = (match.group(1) or match.group(2)).lower()
        if value in sizes:
            return {"size": value}
        if LETTER_FOR.get(value) in sizes:  # «in large, white», «the northwind in medium»
            return {"size": LETTER_FOR[value]}
        if re.fullmatch(r"\d+\.\d+", value) and re.match(
            r"(?:in\s+)?(?:size|sz)|(?:do|does)\b", match[0], re.I
        ):
            return {"size": value}  # «size 10.5»: a half size no product has, said back as such
    for said in re.finditer(r"(?:([\w&-]+)\s+)?\b([A-Z]{1,4})\b", text):
        before, token = (said.group(1) or "").lower(), said.group(2)
        if f"{before} {token.lower()}" in model_letters:
            continue
        if token.lower() in LETTER_SIZES and token.lower() in sizes and token not in ("I", "A"):
            return {"size": token.lower()}
    for value in sorted(sizes, key=len, reverse=True):
        if (
            len(value) >= 3
            and not value.isdigit()
            # («it says 2.1 kg»: no «1 kg» size)
            and re.search(rf"(?<![\w-])(?<!\d[.,]){re.escape(value)}(?![\w-])", text, re.I)
        ):
            return {"size": value}
    return {}
