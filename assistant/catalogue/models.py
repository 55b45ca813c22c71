"""Catalogue models: products, variants, sellers, reviews, and the Catalogue that holds them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from assistant.money import format_minor


class Seller(BaseModel):
    """Who sells the product, and whether the shop has vetted them."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    vetting: Literal["vetted", "pending", "unvetted"] = "vetted"


class Variant(BaseModel):
    """One buyable version of a product (size, colour, ...) with its own price and stock."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    options: dict[str, str] = Field(default_factory=dict, description="e.g. {'colour': 'blue'}")
    price_minor: int = Field(ge=0, description="Price in minor units (cents).")
    currency: str = Field("USD", min_length=3, max_length=3)
    stock: int = Field(ge=0)

    @field_validator("options")
    @classmethod
    def _lowercase_option_names(cls, options: dict[str, str]) -> dict[str, str]:
        return {name.strip().lower(): str(value).strip() for name, value in options.items()}

    @property
    def price(self) -> str:
        """The price as people read it."""
        return format_minor(self.price_minor, self.currency)

    def label(self) -> str:
        """Options joined for display: 'blue / M'."""
        return " / ".join(self.options.values()) or "standard"


class Product(BaseModel):
    """A catalogue product; rating and review_count are derived from reviews when there are any."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    title: str = Field(min_length=1, max_length=500)
    brand: str = ""
    category: str = Field(min_length=1)
    description: str = ""
    attributes: dict[str, str] = Field(default_factory=dict)
    variants: list[Variant] = Field(min_length=1)
    seller: Seller
    shipping_days: int = Field(3, ge=0, le=90)
    return_window_days: int = Field(30, ge=0, le=365)
    rating: float | None = Field(None, ge=1, le=5)
    review_count: int = Field(0, ge=0)
    image_url: str | None = None

    @field_validator("variants")
    @classmethod
    def _unique_variant_ids(cls, variants: list[Variant]) -> list[Variant]:
        ids = [variant.id for variant in variants]
        if len(ids) != len(set(ids)):
            raise ValueError("variant ids repeat within the product; give each variant its own id")
        return variants

    @property
    def in_stock(self) -> bool:
        """Whether any variant can be bought now."""
        return any(variant.stock > 0 for variant in self.variants)

    @property
    def min_price_minor(self) -> int:
        """The cheapest variant's price."""
        return min(variant.price_minor for variant in self.variants)

    @property
    def buyable_price_minor(self) -> int:
        """The cheapest price one can buy it at now: of the versions in stock, when any is."""
        in_stock = [variant.price_minor for variant in self.variants if variant.stock > 0]
        return min(in_stock) if in_stock else self.min_price_minor

    def price_in_version_named(self, text: str) -> int | None:
        """The cheapest price one can buy it at now in the version a text names («cheapest
        1kg bag»: its 1 kg price); None when the text names none of its versions, or none
        of those is in stock."""
        named = self.options_named_in(text)
        prices = [
            variant.price_minor
            for variant in self.variants
            if variant.stock > 0
            and all(variant.options.get(k, "").lower() == w.lower() for k, w in named.items())
        ]
        return min(prices) if named and prices else None

    @property
    def currency(self) -> str:
        """The product's currency (variants of one product share it)."""
        return self.variants[0].currency

    def options_by_name(self) -> dict[str, list[str]]:
        """Each option's values across variants, in catalogue order: {'colour': ['red', ...]}."""
        options: dict[str, list[str]] = {}
        for variant in self.variants:
            for name, value in variant.options.items():
                options.setdefault(name, [])
                if value not in options[name]:
                    options[name].append(value)
        return options

    def options_named_in(self, text: str) -> dict[str, str]:
        """The options of this product's variants that a text names by value ("#cart M",
        "500g ground", "for pixel 9"), ignoring words of the product's own title ("green" in
        "green tea"); an option two of whose values are named is left out, never guessed
        (unless one contains the other: "XL" over "L")."""
        named: dict[str, str] = {}
        for name, found in self.values_named_in(text).items():
            longest = max(found, key=len)
            if all(other.lower() in longest.lower() for other in found):
                named[name] = longest
        return named

    def only_options_in(self, text: str, filler: set[str] | frozenset[str]) -> bool:
        """Whether a text names options of this product and, besides them, only `filler`
        words ("purple pls", "1 kg whole bean then")."""
        named = self.options_named_in(text)
        rest = text.lower()
        for value in named.values():  # «1 kg» said «1kg» too; «S» is a word, not a letter
            written = {value.lower(), value.lower().replace(" ", "")}
            written |= {word for word, letter in LETTER_FOR.items() if letter == value.lower()}
            for said in written:  # («both in small, black» of shorts sold in S)
                rest = re.sub(rf"(?<![\w-]){re.escape(said)}(?![\w-])", " ", rest)
        # «both, deluxe edition»: the option's own name beside its value
        names = {name.lower() for name in named}
        return bool(named) and set(re.findall(r"[a-z']+", rest)) <= filler | names

    def said_as_versions(self, text: str) -> str:
        """A text with versions said loosely written as this product's values («1 kilo»: «1
        kg»; «the normal edition» of a standard and a deluxe: «the standard edition»)."""
        for unit, written in _UNIT_SAID:
            text = unit.sub(written, text)
        if "standard" in self._all_values():
            text = _PLAIN_EDITION.sub("standard", text)
        return _BARE_AMOUNT.sub(self._with_its_unit, text)

    def _with_its_unit(self, said: re.Match[str]) -> str:
        """«in 50» of a product sold in 30, 50 and 100 ml: «in 50 ml»."""
        amounts = [
            value
            for value in self._all_values()
            if re.fullmatch(rf"{said[2]}\s*(?:ml|g|kg|l|oz)", value, re.I)
        ]
        return f"{said[1]} {amounts[0]}" if len(amounts) == 1 else said[0]

    def values_named_in(self, text: str) -> dict[str, list[str]]:
        """Every value of each option that a text names, in the order it names them
        («one pair size 7 and one pair size 9»: sizes 7 and 9)."""
        text = self.said_as_versions(_SIZE_OF_SOMETHING_ELSE.sub(" ", text))
        title_words = {word.lower() for word in re.findall(r"\w+", self.title)}
        said = list(re.finditer(r"[\w'-]+(?:\.\d+)*", text))  # "2.5" kept, "size 9." is "9"
        words = [found[0] for found in said]
        # «The Luma Skin Zen X, 50 ml»: a comma ends the name, so «50» is no neighbour of «X»
        apart = [
            i > 0 and "," in text[said[i - 1].end() : found.start()] for i, found in enumerate(said)
        ]
        lowered = [word.lower() for word in words]
        in_title = [word in title_words for word in lowered]
        for start, end in _runs(in_title):  # «…Classic, 1 kg whole bean»: a value said whole
            if " ".join(lowered[start:end]) in self._all_values():
                in_title[start:end] = [False] * (end - start)
        # a title word is part of the name when a neighbour is one too ("green tea"); alone
        # it may be an option ("500g ground" of a "Decaf Ground Coffee"), and so is one said
        # again after the name ("leaf & kettle classic whole bean, 250g whole bean")
        kept = " ".join(
            word
            for i, word in enumerate(words)
            if not in_title[i]
            or lowered[i] in lowered[:i]
            or not (
                (i > 0 and in_title[i - 1] and not apart[i])
                or (i + 1 < len(words) and in_title[i + 1] and not apart[i + 1])
            )
        )
        squeezed = re.sub(r"(\d)\s+(?=[a-z])", r"\1", kept.lower())
        named: dict[str, list[str]] = {}
        for name, values in self.options_by_name().items():
            found = [value for value in values if _names_value(value, kept, squeezed)]
            if not found:  # «is medium available?», «then small, please»: its M, its S
                found = [
                    value
                    for word in SIZE_WORD.findall(kept)
                    for value in values
                    if value.lower() == LETTER_FOR[word.lower()]
                ]
            if not found:
                found = (
                    _by_first_word(values, kept)
                    or _by_model_code(values, kept)
                    or _by_bare_amount(values, kept)
                )
            else:  # «2 red galaxy and 1 clear iphone 15»: a model by its first word beside one
                found += _by_first_word([v for v in values if v not in found and numbered(v)], kept)
            if found:
                named[name] = sorted(found, key=lambda value: _said_at(value, kept))
        return named

    def _all_values(self) -> set[str]:
        return {value.lower() for variant in self.variants for value in variant.options.values()}

    def option_values(self, name: str) -> set[str]:
        """All values of one option across variants, lower-cased."""
        return {v.options[name].lower() for v in self.variants if name in v.options}


def _runs(flags: list[bool]) -> list[tuple[int, int]]:
    """The [start, end) spans of consecutive true flags."""
    spans, start = [], None
    for i, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            spans.append((start, i))
            start = None
    return spans


# Letter sizes said as words; not when the word describes something else («a small purchase»)
LETTER_FOR = {"small": "s", "medium": "m", "med": "m", "large": "l", "xlarge": "xl"}
LETTER_FOR |= {"smalls": "s", "mediums": "m", "larges": "l"}  # «half a dozen mediums»
_NOT_SIZED = (
    r"purchase|amount|price|order|budget|thing|issue|problem|detail|difference|room|space|dog|"
    r"kid|child|print|batch|bag|box|pack|bottle"
)
SIZE_WORD = re.compile(rf"\b(small|medium|large)s?\b(?!\s+(?:{_NOT_SIZED}))", re.I)
# «it's only a small purchase»: a size word that describes something else, no value said
_SIZE_OF_SOMETHING_ELSE = re.compile(rf"\b(?:small|medium|large|big)\s+(?:{_NOT_SIZED})\b", re.I)
_PLAIN_EDITION = re.compile(
    r"\b(?:normal|regular|basic|plain|ordinary)\b(?=\s+(?:edition|version|one)\b)", re.I
)
# «1 kilo», «500 grams», «half a litre»: the units as the catalogue writes them
# «and the dewleaf lite 2 in 50»: an amount said without its unit
_BARE_AMOUNT = re.compile(
    r"\b(in)\s+(\d{1,4})\b(?!\s*(?:ml|g|kg|l|oz|%|\.\d|-|person|people|players?|mins?|minutes?|"
    r"hours?|hrs?|days?|weeks?|wks?|months?|years?|yrs?|business|working)\b)",
    re.I,
)
_UNIT_SAID = (
    (re.compile(r"(\d)\s*(?:kilos?|kilograms?|kgs)\b", re.I), r"\1 kg"),
    (re.compile(r"(\d)\s*(?:grams?|grammes?|gr)\b", re.I), r"\1 g"),
    (re.compile(r"(\d)\s*(?:mls|millilit(?:re|er)s?)\b", re.I), r"\1 ml"),
)


class Review(BaseModel):
    """A shopper's review of one product."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    product_id: str = Field(min_length=1)
    rating: int | None = Field(None, ge=1, le=5, description="Stars; None where a source has none.")
    title: str = ""
    text: str = Field(min_length=1)
    author: str = "anonymous"
    date: dt.date | None = None
    verified_purchase: bool = False
    helpful_votes: int = Field(0, ge=0)


class Catalogue:
    """Products by id and their reviews, with ratings derived from those reviews."""

    def __init__(self, products: Iterable[Product], reviews: Iterable[Review] = ()) -> None:
        self.products: dict[str, Product] = {product.id: product for product in products}
        self.reviews_by_product: dict[str, list[Review]] = {pid: [] for pid in self.products}
        for review in reviews:
            self.reviews_by_product.setdefault(review.product_id, []).append(review)
        self.reviews: dict[str, Review] = {
            review.id: review for group in self.reviews_by_product.values() for review in group
        }
        for pid, group in self.reviews_by_product.items():
            if group and pid in self.products:
                ratings = [review.rating for review in group if review.rating is not None]
                if ratings:
                    self.products[pid].rating = round(sum(ratings) / len(ratings), 2)
                self.products[pid].review_count = len(group)

    def __len__(self) -> int:
        return len(self.products)

    def product(self, product_id: str) -> Product:
        """The product with this id, or KeyError with a hint."""
        try:
            return self.products[product_id]
        except KeyError:
            raise KeyError(
                f"unknown product {product_id!r}; search the catalogue for a valid id"
            ) from None

    def reviews_of(self, product_id: str) -> list[Review]:
        """All reviews of one product."""
        return self.reviews_by_product.get(product_id, [])

    def categories(self) -> list[str]:
        """Distinct categories, sorted."""
        return sorted({product.category for product in self.products.values()})

    def brands(self) -> list[str]:
        """Distinct brands, sorted."""
        return sorted({product.brand for product in self.products.values() if product.brand})


def _said_at(value: str, text: str) -> int:
    match = re.search(rf"(?<![\w.]){re.escape(value.lower())}(?![\w.])", text.lower())
    if not match and numbered(value):  # «galaxy» of «Galaxy S24»
        first = value.split()[0].lower()
        match = re.search(rf"(?<![\w.]){re.escape(first)}(?![\w.])", text.lower())
    return match.start() if match else len(text)


# first words too common to name a value alone («an extra one» is no «extra large»)
_VAGUE_FIRST_WORDS = frozenset({"extra", "super", "new", "one", "two", "pack", "with", "no"})


# what may follow a model's first word said alone («the Pixel one», «for my pixel»); not
# «Pixel Fold», «Galaxy Z Flip», «Galaxy S23»
_AFTER_A_MODEL = frozenset(
    ["", *"one ones version model phone case please pls then too and".split()]
)


def numbered(value: str) -> bool:
    """Whether a value of several words numbers its model («Galaxy S24»)."""
    return any(char.isdigit() for word in value.split()[1:] for char in word)


def _by_model_code(values: list[str], text: str) -> list[str]:
    """The one value whose last word is a code of letters and digits said on its own («for
    the S24»: the «Galaxy S24»)."""
    found = []
    for value in values:
        code = value.split()[-1]
        coded = (
            len(value.split()) > 1 and re.search(r"[a-z]", code, re.I) and re.search(r"\d", code)
        )
        if coded and re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", text, re.I):
            found.append(value)
    return found if len(found) == 1 else []


def _by_first_word(values: list[str], text: str) -> list[str]:
    """The one value of several words whose first word alone is said («1kg whole»: the
    «whole bean»; «the Pixel one»: the «Pixel 9»), when no other value has that word; never
    a number, nor a model said with another number («Galaxy S23» is no «Galaxy S24»)."""
    found = []
    for value in values:
        first = value.split()[0].lower()
        rest = value.split()[1:]
        said = re.search(rf"(?<![\w-]){re.escape(first)}(?![\w-])\s*(\S*)", text, re.I)
        is_numbered = numbered(value)  # «Galaxy S24»
        if (
            rest
            and said
            and first.isalpha()  # «1 kg»: a count «1» is no size
            and not (is_numbered and said.group(1).lower().strip(".,!?;:") not in _AFTER_A_MODEL)
            and first not in _VAGUE_FIRST_WORDS
            and not any(first in other.lower().split() for other in values if other != value)
        ):
            found.append(value)
    return found if len(found) == 1 else []


def _by_bare_amount(values: list[str], text: str) -> list[str]:
    """The one value whose amount is said after «the» without its unit («wait no, the 100»:
    the «100 ml»); two digits at least, so «the 1» or «the 2» stays a position."""
    said = re.findall(
        r"\bthe (\d{2,}(?:\.\d+)?)(?![\w.%$£€-])"
        r"(?!\s*(?:quid|dollars?|bucks|pounds?|euros?|usd|gbp|eur|of|th|st|nd|rd)\b)",
        text,
        re.I,
    )
    found = [
        value
        for value in values
        if (amount := re.match(r"(\d+(?:\.\d+)?)\s*[a-z]", value, re.I)) and amount[1] in said
    ]
    return found if len(found) == 1 else []


def _names_value(value: str, text: str, squeezed: str) -> bool:
    """Whether a text names an option value: sizes such as M or XL as a word of their own,
    others in any case and with or without a space before a unit ("500g")."""
    if len(value) <= 3 and value.isalpha():
        # «xl then»: an X size is no word of its own, so it is said in any case; «s», «m»
        # and «l» only as capitals or after «size»
        flags = re.IGNORECASE if "x" in value.lower() else 0
        return bool(
            re.search(rf"(?<![\w-]){re.escape(value)}(?![\w-])", text, flags)
            or re.search(rf"\b(?:size|in|an?)\s+{re.escape(value)}\b", text, re.IGNORECASE)
        )
    compact = re.sub(r"\s+", "", value.lower())
    plural = "s?" if value.isalpha() else ""  # «white queens»: the queen size
    return bool(
        re.search(rf"(?<![\w.]){re.escape(value.lower())}{plural}(?![\w.])", text.lower())
        or re.search(rf"(?<![\w.]){re.escape(compact)}(?![\w.])", squeezed)
    )
