"""Structured search filters, and parsing them out of a shopper's own words."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.catalogue.models import Catalogue, Product
from assistant.money import to_minor

COLOUR_OPTION_NAMES = ("colour", "color")
SIZE_OPTION_NAMES = ("size",)
LETTER_SIZES = ("xxs", "xs", "s", "m", "l", "xl", "xxl", "xxxl")
# Words too generic to pin a category on their own ("home workout", "phone case").
GENERIC_CATEGORY_WORDS = {"home", "accessories", "and", "outdoor", "games"}
UNITS_AFTER_NUMBER = (
    r"(?:kg|g|ml|l|mm|cm|hours?|hrs?|w|mah|lbs?|oz|inch(?:es)?|pack|pcs|stars?|minutes?)\b"
)


class UnknownFilterError(ValueError):
    """A filter name the search does not know."""


class SearchFilters(BaseModel):
    """Constraints on products; a product matches when one of its variants meets all of them."""

    model_config = ConfigDict(extra="forbid")

    min_price_minor: int | None = Field(None, ge=0, description="Lowest price, minor units.")
    max_price_minor: int | None = Field(None, ge=0, description="Highest price, minor units.")
    category: str | None = None
    brand: str | None = None
    colour: str | None = None
    size: str | None = None
    min_rating: float | None = Field(None, ge=1, le=5)
    in_stock: bool = False

    @model_validator(mode="after")
    def _bounds_in_order(self) -> SearchFilters:
        low, high = self.min_price_minor, self.max_price_minor
        if low is not None and high is not None and low > high:
            raise ValueError("min_price_minor is above max_price_minor; swap them")
        return self

    @classmethod
    def from_params(cls, params: dict[str, object]) -> SearchFilters:
        """Build filters from named parameters; unknown names are refused with the known ones."""
        unknown = sorted(set(params) - set(cls.model_fields))
        if unknown:
            raise UnknownFilterError(
                f"unknown filter(s) {', '.join(unknown)}; known filters are "
                f"{', '.join(cls.model_fields)}"
            )
        try:
            return cls.model_validate(params)
        except ValidationError as exc:
            first = exc.errors()[0]
            name = ".".join(str(part) for part in first["loc"]) or "filters"
            raise UnknownFilterError(f"filter {name}: {first['msg']}") from exc

    def merged_with(self, other: SearchFilters) -> SearchFilters:
        """These filters with every field that `other` sets taken from `other`."""
        return self.model_copy(update=other.model_dump(exclude_defaults=True))

    def is_empty(self) -> bool:
        """True when nothing is constrained."""
        return self == SearchFilters()

    def matches(self, product: Product) -> bool:
        """Whether the product, through at least one variant, meets every constraint."""
        if self.category and product.category.lower() != self.category.lower():
            return False
        if self.brand and product.brand.lower() != self.brand.lower():
            return False
        if self.min_rating is not None and (product.rating or 0) < self.min_rating:
            return False
        return any(
            self._variant_matches(variant.options, variant.price_minor, variant.stock)
            for variant in product.variants
        )

    def _variant_matches(self, options: dict[str, str], price: int, stock: int) -> bool:
        if self.in_stock and stock <= 0:
            return False
        if self.min_price_minor is not None and price < self.min_price_minor:
            return False
        if self.max_price_minor is not None and price > self.max_price_minor:
            return False
        lowered = {name: value.lower() for name, value in options.items()}
        if self.colour and self.colour.lower() not in (
            lowered.get(name) for name in COLOUR_OPTION_NAMES
        ):
            return False
        return not (
            self.size and self.size.lower() not in (lowered.get(name) for name in SIZE_OPTION_NAMES)
        )


@dataclass
class FilterVocabulary:
    """What the catalogue sells, so words in a query can be recognised as filters."""

    categories: dict[str, str] = field(default_factory=dict)  # keyword -> category
    brands: dict[str, str] = field(default_factory=dict)  # lower-case -> brand
    colours: set[str] = field(default_factory=set)
    sizes: set[str] = field(default_factory=set)

    @classmethod
    def from_catalogue(cls, catalogue: Catalogue) -> FilterVocabulary:
        """Collect categories, brands, colours and sizes from the catalogue."""
        vocabulary = cls()
        keyword_owners: dict[str, set[str]] = {}
        for category in catalogue.categories():
            keywords = {category.lower()}
            for part in re.split(r"\s*(?:&|,|>|/|\band\b)\s*", category.lower()):
                words = part.split()
                if words:
                    keywords.update({part, words[-1]})
            for keyword in keywords - GENERIC_CATEGORY_WORDS:
                keyword_owners.setdefault(keyword, set()).add(category)
        # A keyword that also names products elsewhere ("tea" in "Tea Tree Gel") is not a filter.
        titles_by_category: dict[str, list[str]] = {}
        for product in catalogue.products.values():
            titles_by_category.setdefault(product.category, []).append(product.title)
        for word, owners in keyword_owners.items():
            if len(owners) != 1:
                continue
            owner = next(iter(owners))
            clashes = any(
                _whole_word(word, title)
                for category, titles in titles_by_category.items()
                if category != owner
                for title in titles
            )
            if not clashes:
                vocabulary.categories[word] = owner
        vocabulary.brands = {brand.lower(): brand for brand in catalogue.brands()}
        for product in catalogue.products.values():
            for name in COLOUR_OPTION_NAMES:
                vocabulary.colours |= product.option_values(name)
            for name in SIZE_OPTION_NAMES:
                vocabulary.sizes |= product.option_values(name)
        return vocabulary


@dataclass
class ParsedQuery:
    """A query split into structured filters and the words left for ranking."""

    text: str
    filters: SearchFilters


_AMOUNT = r"(\d{1,7}(?:[.,]\d{1,2})?)(?!\d)"
_NUMBER = rf"\$?\s?{_AMOUNT}"
_BETWEEN = re.compile(
    rf"\b(?:between|from)\s+{_NUMBER}\s*(?:dollars?\s*)?(?:and|to|-)\s*{_NUMBER}(?!\s*{UNITS_AFTER_NUMBER})"
    rf"|(?<![\w.])\$\s?{_AMOUNT}\s*(?:-|to)\s*\$?\s?{_AMOUNT}",
    re.I,
)
_UNDER = re.compile(
    r"\b(?:under|below|less than|cheaper than|no more than|not more than|up to|at most|"
    rf"max(?:imum)?|"
    rf"within|budget(?: of)?)\s+{_NUMBER}(?!\s*{UNITS_AFTER_NUMBER})(?:\s*dollars?)?"
    rf"|<\s*{_NUMBER}|\${_AMOUNT}\s+(?:or less|or under|and under|max)\b",
    re.I,
)
_OVER = re.compile(
    rf"\b(?:over|above|more than|at least|from|min(?:imum)?|starting at)\s+{_NUMBER}"
    rf"(?!\s*{UNITS_AFTER_NUMBER})(?:\s*dollars?)?|>\s*{_NUMBER}"
    rf"|\${_AMOUNT}\s+(?:or more|and up|and above|plus)\b",
    re.I,
)
_RATING = re.compile(
    r"\b(?:rated|rating(?: of)?|with)\s+(?:at least\s+|over\s+|above\s+)?"
    r"([1-5](?:\.\d)?)\s*\+?\s*(?:stars?)?"
    r"(?:\s*(?:and up|or more|or better|and above|& up))?"
    r"|\b(?:at least|minimum|min)\s+([1-5](?:\.\d)?)\s*stars?"
    r"|\b([1-5](?:\.\d)?)\s*(?:\+\s*)?stars?(?:\s*(?:and up|or more|or better|and above|& up|\+))?",
    re.I,
)
_WELL_RATED = re.compile(r"\b(?:highly|top|best|well|high)[ -]rated\b|\bwell[ -]reviewed\b", re.I)
_IN_STOCK = re.compile(
    r"\b(?:in stock|available now|available today|ready to ship|ships now)\b", re.I
)
_SIZE_WORD = re.compile(
    r"\b(?:size|sized|in(?: an?)?|sz)\s+([A-Za-z0-9]+(?:\s?(?:ml|g|kg))?)\b", re.I
)


def _money(text: str) -> int:
    return to_minor(text.replace(",", "."))


def _first_number(match: re.Match[str]) -> str:
    return next(group for group in match.groups() if group)


def _whole_word(word: str, text: str) -> re.Match[str] | None:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?:e?s)?(?![\w-])", text, re.I)


def parse_query(query: str, vocabulary: FilterVocabulary) -> ParsedQuery:
    """Pull price, rating, stock, category, brand, colour and size constraints out of a query."""
    found: dict[str, object] = {}
    text = query

    def cut(match: re.Match[str]) -> None:
        nonlocal text
        text = text.replace(match.group(0), " ", 1)

    if match := _RATING.search(text):
        found["min_rating"] = float(_first_number(match))
        cut(match)
    elif match := _WELL_RATED.search(text):
        found["min_rating"] = 4.0
    if match := _BETWEEN.search(text):
        low, high = (group for group in match.groups() if group)
        found["min_price_minor"], found["max_price_minor"] = sorted((_money(low), _money(high)))
        cut(match)
    else:
        if match := _UNDER.search(text):
            found["max_price_minor"] = _money(_first_number(match))
            cut(match)
        if match := _OVER.search(text):
            found["min_price_minor"] = _money(_first_number(match))
            cut(match)
    if match := _IN_STOCK.search(text):
        found["in_stock"] = True
        cut(match)
    for keyword in sorted(vocabulary.categories, key=len, reverse=True):
        if _whole_word(keyword, text):
            found["category"] = vocabulary.categories[keyword]
            break
    for lowered, brand in sorted(vocabulary.brands.items(), key=lambda item: -len(item[0])):
        if _whole_word(lowered, text):
            found["brand"] = brand
            break
    for colour in sorted(vocabulary.colours, key=len, reverse=True):
        if re.search(rf"(?<![\w-]){re.escape(colour)}(?![\w-])", text, re.I):
            found["colour"] = colour
            break
    found.update(_size(text, vocabulary.sizes))
    if (
        "min_price_minor" in found
        and "max_price_minor" in found
        and found["min_price_minor"] > found["max_price_minor"]
    ):
        found["min_price_minor"], found["max_price_minor"] = (
            found["max_price_minor"],
            found["min_price_minor"],
        )
    cleaned = re.sub(r"\s+", " ", text).strip()
    return ParsedQuery(text=cleaned, filters=SearchFilters.model_validate(found))


def _size(text: str, sizes: set[str]) -> dict[str, str]:
    """A size named after 'size'/'in', or a multi-letter size value written on its own."""
    for match in _SIZE_WORD.finditer(text):
        value = match.group(1).lower()
        if value in sizes:
            return {"size": value}
    for token in re.findall(r"\b[A-Z]{1,4}\b", text):
        if token.lower() in LETTER_SIZES and token.lower() in sizes and token not in ("I", "A"):
            return {"size": token.lower()}
    for value in sorted(sizes, key=len, reverse=True):
        if (
            len(value) >= 3
            and not value.isdigit()
            and re.search(rf"(?<![\w-]){re.escape(value)}(?![\w-])", text, re.I)
        ):
            return {"size": value}
    return {}
