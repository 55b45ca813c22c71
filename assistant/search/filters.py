"""Structured search filters, and parsing them out of a shopper's own words."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.catalogue.models import Catalogue, Product
from assistant.search.unwanted import kind_words, material_words

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


# «from a vetted seller», «only trusted sellers», «a seller you've actually checked out»
VETTED_SELLER = re.compile(
    r"\b(?:from |by |only )?(?:an? |the )?(?:vetted|verified|trusted|checked|legit|reputable)"
    r" sellers?\b|\bsellers? (?:you'?ve|you have|that you'?ve) (?:actually )?(?:vetted|checked\w*)"
    r"(?: out)?\b"
    # «not from a dodgy seller», «no shady sellers», «a proper seller»
    r"|\b(?:not|no|nothing) (?:from |by )?(?:an? |the )?(?:dodgy|shady|sketchy|unvetted|random)"
    r" sellers?\b|\b(?:a |an )?(?:proper|real|legitimate) sellers?\b",
    re.I,
)
IN_STOCK = re.compile(
    r"\b(?:in[ -]stock|ready to ship|ships now|not sold out|(?:available|buy|order|get|have)"
    r"(?: it| them| one)? (?:right )?(?:now|today))\b"
    # «which are available», «the ones still available»; not «available in blue» (a version)
    r"|\b(?:are|is|ones?|they|those|these|that'?s|thats)"
    r" (?:actually |still |currently )?available\b"
    r"(?! (?:in|for|to|on)\b)"
    # «what road running shoes do you actually have in a size 9»: what can be bought
    r"|\b(?:you|u|ya) (?:actually|really) (?:have|got|stock|sell)\b",
    re.I,
)
FLAG_WORDS = {"in_stock": IN_STOCK, "vetted_seller": VETTED_SELLER}  # words that set a flag


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
    vetted_seller: bool = Field(False, description="Only products of sellers the shop vetted.")
    # what the shopper does not want: «not black», «anything but Drift», «no leather»
    not_colours: list[str] = Field(
        default_factory=list, description="Colours not wanted: a product matches in another."
    )
    not_brands: list[str] = Field(default_factory=list, description="Brands not wanted.")
    not_words: list[str] = Field(
        default_factory=list,
        description=(
            "Materials, scents or kinds of product not wanted: no word of the title or facts"
            " says them."
        ),
    )

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
        """These filters with every field that `other` sets taken from `other`; what either
        does not want, neither does the result («not navy», then «not black either»)."""
        merged = self.model_copy(update=other.model_dump(exclude_defaults=True))
        for name in UNWANTED_FIELDS:
            kept = getattr(self, name)
            setattr(merged, name, [*kept, *(v for v in getattr(other, name) if v not in kept)])
        return merged

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
        if self.vetted_seller and product.seller.vetting != "vetted":
            return False
        if any(brand.lower() == product.brand.lower() for brand in self.not_brands):
            return False
        if self.not_words and says_any(made_of_text(product), self.not_words):
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
        unwanted = {colour.lower() for colour in self.not_colours}
        if unwanted & {lowered.get(name) for name in COLOUR_OPTION_NAMES}:
            return False
        if self.colour and self.colour.lower() not in (
            lowered.get(name) for name in COLOUR_OPTION_NAMES
        ):
            return False
        return not (
            self.size and self.size.lower() not in (lowered.get(name) for name in SIZE_OPTION_NAMES)
        )


UNWANTED_FIELDS = ("not_colours", "not_brands", "not_words")


def made_of_text(product: Product) -> str:
    """The words that say what a product is or is made of: its title without its brand
    («Bean Republic» decaf is no bean, «Hearth & Linen» cotton no linen) and its facts."""
    title = product.title.removeprefix(product.brand).strip() or product.title
    return " ".join([title, *product.attributes.values()]).lower()


def says_any(text: str, words: list[str]) -> bool:
    """Whether a lower-cased text says one of the words (or phrases) on its own."""
    return any(whole_word(word.lower(), text) for word in words)


_TITLE_WORD = re.compile(r"[\w-]+")  # what `whole_word` sees as one word


def _names_others(
    word: str,
    owner: str,
    title_words: dict[str, set[str]],
    titles_by_category: dict[str, list[str]],
) -> bool:
    """Whether a category keyword is a whole word of some other category's title."""
    if _TITLE_WORD.fullmatch(word):
        forms = {word, f"{word}s", f"{word}es", word.removesuffix("s")}  # «bags»: Sleeping Bag
        return any(forms & words for category, words in title_words.items() if category != owner)
    return any(
        whole_word(word, title)
        for category, titles in titles_by_category.items()
        if category != owner
        for title in titles
    )


def whole_word(word: str, text: str) -> re.Match[str] | None:
    """A word (or its plural) standing on its own in a text."""
    return re.search(rf"(?<![\w-]){re.escape(word)}(?:e?s)?(?![\w-])", text, re.I)


_DARKNESS = frozenset({"pitch"})  # «pitch black»: how dark, not a colour
# «no white cast», «black marks on the floor», «white noise», «black friday»: a colour of
# something else, no colour of the product asked for
_COLOUR_OF_ELSE = frozenset(
    "cast casts marks mark residue stains stain streaks spots light noise friday lie lies "
    "heads".split()
)


MIN_BRAND_WORD = 5  # «ampere» alone names Ampere One; «bean» (Bean Republic) is no brand


def _first_words_of_brands(catalogue: Catalogue) -> dict[str, tuple[str, set[str]]]:
    """A brand of several words said by its first alone («ampere» for Ampere One), where that
    word starts no other brand and says nothing else in any title or description; with the
    words of its products' titles, one of which must follow it («ampere car mount», not «for
    the morning»)."""
    brands = catalogue.brands()
    firsts: dict[str, list[str]] = {}
    for brand in brands:
        words = brand.lower().split()
        if len(words) > 1 and len(words[0]) >= MIN_BRAND_WORD:
            firsts.setdefault(words[0], []).append(brand)
    single = {brand.lower() for brand in brands if " " not in brand}
    said = set()  # the words products use outside their brand
    for product in catalogue.products.values():
        rest = f"{product.title} {product.description}".lower().replace(product.brand.lower(), " ")
        said |= set(_TITLE_WORD.findall(rest))
    kinds: dict[str, set[str]] = {}
    for product in catalogue.products.values():
        rest = product.title.lower().removeprefix(product.brand.lower())
        kinds.setdefault(product.brand, set()).update(_TITLE_WORD.findall(rest))
    candidates = {w for w, owners in firsts.items() if len(owners) == 1} - single - said
    # an everyday word reviewers use («every morning») is no brand said alone
    if candidates and catalogue.reviews:
        pattern = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(candidates)))})\b", re.I)
        for review in catalogue.reviews.values():
            candidates -= {found.lower() for found in pattern.findall(review.text)}
    return {word: (firsts[word][0], kinds.get(firsts[word][0], set())) for word in candidates}


@dataclass
class FilterVocabulary:
    """What the catalogue sells, so words in a query can be recognised as filters."""

    categories: dict[str, str] = field(default_factory=dict)  # keyword -> category
    brands: dict[str, str] = field(default_factory=dict)  # lower-case -> brand
    # «ampere» -> (Ampere One, the words of its titles): said alone, before one of those
    brand_first_words: dict[str, tuple[str, set[str]]] = field(default_factory=dict)
    colours: set[str] = field(default_factory=set)
    sizes: set[str] = field(default_factory=set)
    # a colour word and the title word after it, where titles say them together: «green tea»
    colour_in_names: set[str] = field(default_factory=set)
    # the last words of titles, their kinds: a colour word among them is a kind («Night
    # Repair Cream»)
    title_ends: set[str] = field(default_factory=set)
    # a model letter with the title word before it («pro s» of «Softnest Pro S Curtains»):
    # said together, the letter names the model, not a size
    model_letters: set[str] = field(default_factory=set)
    # what products are made of or smell of, so «no leather» can be refused
    made_of: set[str] = field(default_factory=set)
    # what products are, so «headphones, not earbuds» can be refused
    kinds: set[str] = field(default_factory=set)

    @property
    def refusable_words(self) -> set[str]:
        """The words a shopper can say no to besides colours and brands: materials, scents
        and kinds of product."""
        return self.made_of | self.kinds

    def names_colour(self, colour: str, text: str) -> bool:
        """Whether a text names a colour as a colour, not as part of a name («a nice green
        tea» names no colour, nor «a night cream» unless «in cream» or «cream colour»)."""
        if colour.lower() in self.title_ends and not re.search(
            rf"\bin {re.escape(colour)}\b|\b{re.escape(colour)}[- ](?:colou?r|coloured|colored)",
            text,
            re.I,
        ):
            return False
        for match in re.finditer(
            rf"(?:([\w-]+)\s+)?(?<![\w-]){re.escape(colour)}(?![\w-])(\s+[\w-]+)?", text, re.I
        ):
            before = (match.group(1) or "").lower()
            following = (match.group(2) or "").strip().lower()
            # «green teas»: the name said in the plural
            singulars = {following, following.removesuffix("s"), following.removesuffix("es")}
            in_a_name = {f"{colour.lower()} {word}" for word in singulars if word}
            in_a_name.add(f"{before} {colour.lower()}")
            if before in _DARKNESS or following in _COLOUR_OF_ELSE:
                continue  # «curtains that make the room pitch black»: dark, no black curtains
            if not in_a_name & self.colour_in_names:  # «green tea», «night cream»: names
                return True
        return False

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
        # The words of each category's titles, once: a one-word keyword is looked up, not
        # searched for in every title (100,000 titles times each keyword).
        title_words = {
            category: {word for title in titles for word in _TITLE_WORD.findall(title.lower())}
            for category, titles in titles_by_category.items()
        }
        for word, owners in keyword_owners.items():
            if len(owners) != 1:
                continue
            owner = next(iter(owners))
            if not _names_others(word, owner, title_words, titles_by_category):
                vocabulary.categories[word] = owner
        vocabulary.brands = {brand.lower(): brand for brand in catalogue.brands()}
        # «tumble and co», «blade and bowl»: the «&» said as a word
        vocabulary.brands |= {
            name.replace("&", "and"): brand
            for name, brand in vocabulary.brands.items()
            if "&" in name
        }
        vocabulary.brand_first_words = _first_words_of_brands(catalogue)  # «ampere car mount»
        for product in catalogue.products.values():
            for name in COLOUR_OPTION_NAMES:
                vocabulary.colours |= product.option_values(name)
            for name in SIZE_OPTION_NAMES:
                vocabulary.sizes |= product.option_values(name)
        vocabulary.colour_in_names = _colour_in_names(catalogue, vocabulary.colours)
        vocabulary.title_ends = {
            word
            for product in catalogue.products.values()
            for word in _TITLE_WORD.findall(product.title.lower())[-1:]
        }
        vocabulary.made_of = material_words(catalogue)
        vocabulary.kinds = kind_words(catalogue)
        vocabulary.model_letters = {
            f"{before.lower()} {letter.lower()}"
            for product in catalogue.products.values()
            for before, letter in re.findall(r"([\w&-]+)\s+([A-Z])\b", product.title)
        }
        return vocabulary


def _colour_in_names(catalogue: Catalogue, colours: set[str]) -> set[str]:
    """Each colour word of a title with the title word beside it («green tea», «repair
    cream»), where the product does not come in that colour."""
    lowered = {colour.lower() for colour in colours}
    pairs: set[str] = set()
    for product in catalogue.products.values():
        words = _TITLE_WORD.findall(product.title.lower())
        sold = {
            value.lower() for name in COLOUR_OPTION_NAMES for value in product.option_values(name)
        }
        pairs |= {
            f"{word} {after}"
            for word, after in itertools.pairwise(words)
            # a «Classic White Sneaker» in white is white; «Night Repair Cream» is no colour
            if (word in lowered and word not in sold) or (after in lowered and after not in sold)
        }
    return pairs
