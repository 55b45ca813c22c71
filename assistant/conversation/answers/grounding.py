"""The grounding check: every price, rating, count, stock figure, delivery time and product
name in an answer must match the data the turn used; what does not is removed, and recorded."""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field

from pydantic import BaseModel

from assistant.catalogue.models import Catalogue, Product, Review
from assistant.commerce import CartView, OrderView
from assistant.conversation.answers.compose import Turn
from assistant.money import to_minor

_PRICE = re.compile(r"[$€£]\s?(\d{1,3}(?:,\d{3})*(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)")
_RATING = re.compile(r"(\d(?:\.\d{1,2})?)\s?(?:★|stars?\b|/5\b)", re.I)
# Counts, durations and measurements: "12 months" of battery is a claim like "$12".
_COUNT = re.compile(
    r"\b(\d{1,6})\s*(reviews?|left|in stock|days?|units?|items?|orders?|products?|matches|"
    r"positive|negative|mixed|hours?|hrs?|minutes?|mins?|weeks?|months?|years?|yrs?|"
    r"kg|g|grams?|lbs?|pounds?|oz|ml|l|litres?|liters?|cm|mm|m|inch(?:es)?|watts?|w|mah|gb|"
    r"players?|pieces?|pack)\b|\b(\d{1,3})%",
    re.I,
)
_ID = re.compile(r"\[(P\d{3,6}|R\d{4,7})\]|\breview (R\d{4,7})\b")


@dataclass
class Facts:
    """What a turn's answer may state."""

    prices: set[int] = field(default_factory=set)
    ratings: set[float] = field(default_factory=set)
    numbers: set[int] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)

    def add_product(self, product: Product) -> None:
        """A product's own figures."""
        self.ids.add(product.id)
        self.titles.add(product.title)
        own = {variant.price_minor for variant in product.variants}
        self.prices |= own
        if len(own) == 2:  # «the dearer version costs $13.00 more»
            self.prices.add(max(own) - min(own))
        self.numbers |= {variant.stock for variant in product.variants}
        self.numbers |= {
            sum(variant.stock for variant in product.variants),
            product.review_count,
            product.shipping_days,
            product.return_window_days,
        }
        if product.rating is not None:
            self.ratings |= {round(product.rating, 1), round(product.rating, 2)}
        by_value: dict[tuple[str, str], int] = {}
        for variant in product.variants:
            for option in variant.options.items():
                by_value[option] = by_value.get(option, 0) + variant.stock
        self.numbers |= set(by_value.values())  # "comes in colour white (75 in stock)"
        options = [value for variant in product.variants for value in variant.options.values()]
        for text in [product.description, *product.attributes.values(), *options]:
            self.add_numbers_in(text)  # "500 g" of a version is the product's own figure

    def add_review(self, review: Review) -> None:
        """A review's own figures (its rating, and numbers it quotes)."""
        self.ids.add(review.id)
        if review.rating is not None:
            self.ratings.add(float(review.rating))
        self.add_numbers_in(review.text)

    def add_numbers_in(self, text: str) -> None:
        """Numbers that quoted text itself contains."""
        self.numbers |= {int(number) for number in re.findall(r"\b\d{1,6}\b", text)}
        self.prices |= {to_minor(amount.replace(",", "")) for amount in _PRICE.findall(text)}
        self.ratings |= {float(stars) for stars in _RATING.findall(text)}  # «rated 4★ or more»


class GroundingReport(BaseModel):
    """What the check found in one answer."""

    checked: int
    unsupported: list[str]

    @property
    def grounded(self) -> bool:
        """True when every figure and name checked out."""
        return not self.unsupported


def facts_for(
    catalogue: Catalogue,
    product_ids: Iterable[str],
    review_ids: Iterable[str],
    prices: Iterable[int] = (),
    numbers: Iterable[int] = (),
) -> Facts:
    """The facts of a turn: its products and reviews plus figures computed from them."""
    facts = Facts(prices=set(prices), numbers=set(numbers))
    for pid in product_ids:
        if pid in catalogue.products:
            facts.add_product(catalogue.products[pid])
    for rid in review_ids:
        if rid in catalogue.reviews:
            facts.add_review(catalogue.reviews[rid])
    return facts


def check(text: str, facts: Facts, catalogue: Catalogue) -> GroundingReport:
    """Every figure and product name in the text, checked against the facts."""
    unsupported: list[str] = []
    checked = 0
    for match in _PRICE.finditer(text):
        checked += 1
        if to_minor(match.group(1).replace(",", "")) not in facts.prices:
            unsupported.append(match.group(0))
    for match in _RATING.finditer(text):
        checked += 1
        if float(match.group(1)) not in facts.ratings:
            unsupported.append(match.group(0))
    for match in _COUNT.finditer(text):
        checked += 1
        value = int(match.group(1) or match.group(3))
        if value not in facts.numbers:
            unsupported.append(match.group(0))
    for match in _ID.finditer(text):
        checked += 1
        if (match.group(1) or match.group(2)) not in facts.ids:
            unsupported.append(match.group(0))
    lowered = text.lower()
    for title in _titles_in(lowered, catalogue):
        checked += 1
        if title not in facts.titles:
            unsupported.append(title)
    return GroundingReport(checked=checked, unsupported=unsupported)


_STRIPPED = "«»\"'()[],.:;!?*"
_TITLE_INDEXES: weakref.WeakKeyDictionary[Catalogue, tuple[int, dict[str, list[str]]]] = (
    weakref.WeakKeyDictionary()
)


def _titles_in(lowered: str, catalogue: Catalogue) -> list[str]:
    """The catalogue's titles that a (lower-cased) text contains, found from the text's
    word pairs (every title is indexed once by its first two words), not by trying each
    of 100,000 titles per turn."""
    cached = _TITLE_INDEXES.get(catalogue)
    if cached is None or cached[0] != len(catalogue.products):
        index: dict[str, list[str]] = {}
        for product in catalogue.products.values():
            opening = " ".join(product.title.lower().split()[:2])
            index.setdefault(opening, []).append(product.title)
        cached = _TITLE_INDEXES[catalogue] = (len(catalogue.products), index)
    words = [word.strip(_STRIPPED) for word in lowered.split()]
    openings = {f"{a} {b}" for a, b in zip(words, [*words[1:], ""], strict=True)} | set(words)
    found = {title for key in openings for title in cached[1].get(key.strip(), [])}
    return [title for title in sorted(found) if title.lower() in lowered]


def strip_unsupported(text: str, report: GroundingReport) -> str:
    """The text without the lines that hold an unsupported figure or name."""
    if report.grounded:
        return text
    unsupported = [item.lower() for item in report.unsupported]
    kept = [
        line for line in text.splitlines() if not any(item in line.lower() for item in unsupported)
    ]
    return "\n".join(kept)


def check_turn(
    turn: Turn, catalogue: Catalogue, cart: CartView, orders: list[OrderView]
) -> GroundingReport:
    """Check a turn's text against its data: its products and reviews, the figures computed
    this turn, the shopper's cart and recent orders, and data-made text it quotes."""
    named = [*turn.products, *turn.named_beside]
    facts = facts_for(catalogue, named, turn.reviews, turn.prices, turn.numbers)
    for line in cart.lines:
        facts.add_product(catalogue.products[line.product_id])
        facts.prices.add(line.unit_price_minor)
        facts.numbers.add(line.qty)
    totals = cart.totals
    facts.prices |= {
        totals.subtotal_minor,
        totals.shipping_minor,
        totals.tax_minor,
        totals.total_minor,
    }
    for order in orders[:20]:
        facts.prices |= {
            order.totals.total_minor,
            order.totals.subtotal_minor,
            order.totals.shipping_minor,
        }
        facts.prices |= {line.unit_price_minor for line in order.lines}
        facts.numbers |= {line.qty for line in order.lines}
    for text in turn.data_texts:
        facts.add_numbers_in(text)
    return check(turn.text, facts, catalogue)
