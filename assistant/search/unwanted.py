"""What a shopper does not want, said in a query: «not black», «anything but Chargewell», «no
leather», «not navy or black», «headphones, not earbuds». Each value the catalogue knows (a
colour it sells, a brand, a word of its materials, scents or kinds) becomes an exclusion, and
its words are cut from the query so that «rain jacket, not black» neither filters nor ranks by
black."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from assistant.catalogue.models import Catalogue

# Attribute values that say yes, no or a figure: never a thing to do without
_NOT_A_THING = re.compile(r"^(?:yes|no|none|n/a|\d.*|ipx\d|.*\d\s*(?:g|kg|ml|mm|h|w|mah)?)$", re.I)
_NEGATION = (
    r"(?:(?<!\w)(?:not|nothing|no|non|without|except|excluding|avoid(?:ing)?|nor|"
    r"anything but|anything except|anything other than|other than|apart from|but not|"
    r"no more|(?:i |we )?(?:don'?t|do not|dont) (?:want|like|need)(?: any)?|hate|"
    r"never)(?!\w))"
)
# words between the negation and the value: «not in black», «no more from Drift», «not the
# cast iron one»
_BRIDGE = (
    r"(?:\s+(?:in|the|a|an|any|anything|from|by|made (?:of|from|with)|with|of|that|this|"
    r"those|these|more|colou?red|colou?r))*"
)
_NO_THE = re.compile(r"no\s+(?:the|a|an|that|this|those|these)\b", re.I)
_VALUE_RUN = re.compile(r"[\w&'-]+(?:\s+[\w&'-]+){0,3}")
# «not navy or black», «no black, no grey»; not «no leather and black» (black is wanted)
_LIST_JOIN = re.compile(r"\s*,?\s*(?:or|nor|(?:and\s+|,\s*)?(?:not|no))\s+", re.I)
_TRAILING = re.compile(
    r"(?:\s*\b(?:ones?|either|tho|though|thanks|pls|please|colou?r|brand)\b)+", re.I
)


@dataclass(frozen=True)
class Unwanted:
    """The colours, brands and words a query says no to, and the query with them cut."""

    text: str
    colours: list[str] = field(default_factory=list)
    brands: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)

    def as_filters(self) -> dict[str, list[str]]:
        """The exclusions as `SearchFilters` fields (only those said)."""
        named = {"not_colours": self.colours, "not_brands": self.brands, "not_words": self.words}
        return {key: values for key, values in named.items() if values}


# the facts that say what a product is made of, smells or tastes of, or comes from
MADE_OF = frozenset(
    {"material", "materials", "fabric", "upper", "lining", "fragrance", "scent", "flavour",
     "flavor", "origin"}
)  # fmt: skip
# words of those facts that say how, not what («recycled polyester», «fragrance free»)
_HOW = frozenset({"free", "with", "light", "full", "grain", "fragrance", "recycled", "natural",
                  "organic", "engineered", "memory", "ballistic", "ripstop", "stainless", "cast",
                  "carbon"})  # fmt: skip


def material_words(catalogue: Catalogue) -> set[str]:
    """The words and phrases of what the catalogue's products are made of or smell of
    («full-grain leather», «leather», «cast iron», «lavender»)."""
    words: set[str] = set()
    for product in catalogue.products.values():
        for name, value in product.attributes.items():
            value = value.lower().strip()
            if name.lower() not in MADE_OF or _NOT_A_THING.match(value) or len(value) > 40:
                continue
            words.add(value)
            words |= {w for w in re.findall(r"[a-z]+", value) if len(w) >= 4}
    return {word for word in words if word not in _HOW and len(word) >= 3}


def kind_words(catalogue: Catalogue) -> set[str]:
    """The words and pairs that say what the catalogue's products are, so «headphones, not
    earbuds» or «a bag but not a duffel» can be refused: each title's last word («earbuds»),
    its last two («sleeping bag»), and the word before a last word that several sorts share
    («duffel», «tote» of the bags)."""
    endings = [
        re.findall(r"[a-z][a-z-]+", product.title[len(product.brand) :].lower())
        for product in catalogue.products.values()
    ]
    models = {ending[0] for ending in endings if len(ending) > 1}  # «Aero», «Pro»: model names
    words = {ending[-1] for ending in endings if ending}
    pairs = {
        (ending[-2], ending[-1])
        for ending in endings
        if len(ending) >= 2 and ending[-2] not in models
    }
    sorts: dict[str, set[str]] = {}
    for before, last in pairs:
        sorts.setdefault(last, set()).add(before)
    words |= {f"{before} {last}" for before, last in pairs}
    # a sort word of a head with two or more sorts names a thing («tote», «crossbody»,
    # «laptop»); the word before a head with one sort says how («water», «cast»), not what
    words |= {before for befores in sorts.values() if len(befores) >= 2 for before in befores}
    # «whole bean, not ground»: a version refused, no kind («Decaf Ground Coffee» sold whole)
    versions = {
        value.lower()
        for product in catalogue.products.values()
        for variant in product.variants
        for value in variant.options.values()
    }
    versions |= {word for value in versions for word in value.split()}
    return {word for word in words if len(word) >= 3 and word not in _HOW | _NOT_A_KIND | versions}


# heads too common in other senses to refuse alone: «i'm not set on a colour», «does it not
# cover spills»
_NOT_A_KIND = frozenset({"set", "cover"})


def unwanted(
    query: str,
    colours: Iterable[str],
    brands: dict[str, str],
    words: Iterable[str],
    colour_in_names: set[str] | frozenset[str] = frozenset(),
) -> Unwanted:
    """The values a query says no to, each looked up among the catalogue's, and the query
    with every refused value (and its «not») cut out."""
    values = _values(colours, brands, words)
    found: dict[str, list[str]] = {"colour": [], "brand": [], "word": []}
    cuts: list[tuple[int, int]] = []
    for negation in re.finditer(rf"{_NEGATION}{_BRIDGE}\s+", query, re.I):
        if _NO_THE.match(negation.group(0)):
            continue  # «no the grey one»: «no, I meant the grey one»
        at, end = negation.end(), negation.end()
        while (said := _value_at(query, at, values)) is not None:
            kind, value, after = said
            following = re.match(r"\s+([\w-]+)", query[after:])
            named = f"{value.lower()} {following.group(1).lower()}" if following else ""
            if kind == "colour" and named in colour_in_names:
                break  # «matcha, not green tea»: a name, no colour refused
            end = after
            if value not in found[kind]:
                found[kind].append(value)
            joined = _LIST_JOIN.match(query, end)  # «not navy or black», «no black, no grey»
            at = joined.end() if joined and joined.end() > end else len(query) + 1
        if end > negation.end():
            trailing = _TRAILING.match(query, end)
            cuts.append((negation.start(), trailing.end() if trailing else end))
    text = query
    for start, end in reversed(cuts):
        text = f"{text[:start]} {text[end:]}"
    return Unwanted(
        text=re.sub(r"\s+", " ", text).strip(" ,"),
        colours=found["colour"],
        brands=found["brand"],
        words=found["word"],
    )


def _values(
    colours: Iterable[str], brands: dict[str, str], words: Iterable[str]
) -> dict[str, tuple[str, str]]:
    """Each lower-cased name the query may say, with its kind and its catalogue value."""
    values = {word.lower(): ("word", word.lower()) for word in words}
    values |= {colour.lower(): ("colour", colour) for colour in colours}
    values |= {lowered: ("brand", brand) for lowered, brand in brands.items()}
    return values


def _value_at(
    query: str, at: int, values: dict[str, tuple[str, str]]
) -> tuple[str, str, int] | None:
    """The longest known value said at a position: its kind, value and where it ends."""
    run = _VALUE_RUN.match(query, at)
    if not run:
        return None
    words = run.group(0).split()
    for count in range(len(words), 0, -1):
        said = " ".join(words[:count]).lower()
        for form in (said, said.removesuffix("s"), said.removesuffix("es")):
            if form in values:
                kind, value = values[form]
                length = len(" ".join(words[:count]))
                return kind, value, at + length
    return None
