"""Other products than the ones in view: gift ideas across aisles, what costs less than the
product in focus («is there a cheaper one?»), and the limit on how many one order takes."""

from __future__ import annotations

import re

from assistant.catalogue.models import Catalogue, Product
from assistant.commerce.pricing import PricingRules
from assistant.conversation.answers.compose import QUANTITY_LIMITS, Turn
from assistant.conversation.answers.wording import policy_text, product_list
from assistant.conversation.understanding.shop_words import BETTER_RATED_THAN_IT
from assistant.money import format_minor
from assistant.search.famous_makes import kind_of_make
from assistant.search.filters import LETTER_SIZES, SearchFilters
from assistant.search.kinds import OR_A_NEED, kind_words_of
from assistant.search.policies import PolicyAnswer, PolicyQuote, PolicySearch
from assistant.search.retrieval import Retriever

SHOW_AT_MOST = 5  # as many as a search shows


def gift_ideas(retriever: Retriever, filters: SearchFilters, count: int) -> list[Product]:
    """Well-rated products from different categories within the filters."""
    result = retriever.search("", filters=filters, k=60)
    picked: dict[str, Product] = {}
    for hit in result.hits:
        picked.setdefault(hit.product.category, hit.product)
    return list(picked.values())[:count]


def all_fit(catalogue: Catalogue, product_ids: list[str], filters: SearchFilters) -> bool:
    """Whether every product meets the filters a message states; products of several brands
    («the playwise X and the tumble & co Y?») are each named by their own, so no brand is one."""
    products = [catalogue.products[pid] for pid in product_ids]
    if len({product.brand for product in products}) > 1:
        filters = filters.model_copy(update={"brand": None})
    return all(filters.matches(product) for product in products)


def lowest_price(product: Product) -> int:
    """The product's cheapest version, in minor units."""
    return min(variant.price_minor for variant in product.variants)


def cheaper_than(focus: Product, alike: list[Product], filters: SearchFilters) -> list[Product]:
    """Products of the same kind that cost less than the focus, dearest first (the closest
    step down), within the filters the message states (in stock, under $50)."""
    price = lowest_price(focus)
    cheaper = [
        p
        for p in alike
        if p.id != focus.id
        and lowest_price(p) < price
        and filters.matches(p)
        and (p.in_stock or not filters.in_stock)
    ]
    return sorted(cheaper, key=lambda p: -lowest_price(p))


def better_rated_than(
    focus: Product, alike: list[Product], filters: SearchFilters
) -> list[Product]:
    """Products of the same kind rated higher than the focus, best first, within the filters."""
    rating = focus.rating or 0.0
    better = [
        p
        for p in alike
        if p.id != focus.id and (p.rating or 0.0) > rating and filters.matches(p) and p.in_stock
    ]
    return sorted(better, key=lambda p: (-(p.rating or 0.0), -p.review_count))


def focus_line(focus: Product) -> str:
    """How a list names the product it is cheaper or better rated than (by its title only:
    the list is about the others)."""
    rating = f", {focus.rating:.1f}★" if focus.rating else ""
    return f"{focus.title} ({format_minor(lowest_price(focus))}{rating})"


def than_focus(
    focus: Product, alike: list[Product], filters: SearchFilters, text: str
) -> tuple[list[Product], str]:
    """What of the focus's kind is cheaper (or, asked so, rated higher), and the words."""
    if filters.brand == focus.brand:  # «the kitchencraft blender is too much. cheaper?»: any make
        filters = filters.model_copy(update={"brand": None})
    if BETTER_RATED_THAN_IT.search(text):
        better = better_rated_than(focus, alike, filters)[:SHOW_AT_MOST]
        if not better:
            return [], f"Nothing of that kind in stock is rated higher than {focus_line(focus)}."
        return better, product_list(better, f"Rated higher than {focus_line(focus)}:")
    cheaper = cheaper_than(focus, alike, filters)[:SHOW_AT_MOST]
    if not cheaper:
        return [], f"Nothing of that kind costs less than {focus_line(focus)}."
    return cheaper, product_list(cheaper, f"Cheaper than {focus_line(focus)}:")


# the cart service's own limit, which the quantity-limits section states
MOST_OF_ONE_ITEM = PricingRules().max_line_qty


def over_the_limit(policies: PolicySearch, quantity: int | None) -> Turn | None:
    """The quantity-limits rule, quoted and cited, when a message asks for more of one item
    than an order takes («I need 12 of the zenmotion bands for my class»)."""
    section = policies.by_id(QUANTITY_LIMITS)
    if not quantity or quantity <= MOST_OF_ONE_ITEM or section is None:
        return None
    quote = PolicyQuote(section=section, sentences=section.sentences(), score=1.0)
    text = policy_text(PolicyAnswer(question="", quotes=[quote]))
    return Turn(text=text, policies=[section.id], data_texts=[section.text])


def kind_choices(catalogue: Catalogue, kind: str | None, filters: SearchFilters) -> str:
    """The colours or sizes a kind does come in, when the one asked for is not among them
    («black curtains» → «Curtains come in grey, navy, olive and white.»)."""
    wanted = [name for name in ("colour", "size") if getattr(filters, name)]
    if not kind or not wanted:
        return ""
    of_kind = [p for p in catalogue.products.values() if kind in kind_words_of(p)]
    values = sorted(
        {v.options[wanted[0]] for p in of_kind for v in p.variants if wanted[0] in v.options},
        key=_said_order,
    )
    if not values:
        return ""
    listed = ", ".join(values[:-1]) + f" and {values[-1]}" if len(values) > 1 else values[0]
    return f"{kind.capitalize()}s come in {listed}."


# «something like them», «similar to those»: the thing just named, nothing more
LIKE_THEM = re.compile(r"\b(?:like|similar to|same as)\s+(?:them|those|that|it|these)\b", re.I)
ANOTHER = re.compile(r"\b(?:any ?other|other|another|different)\b", re.I)
# «what building blocks do you have …?» beside one set: the shop's, not the one in view
_WHOLE_RANGE = re.compile(
    r"\b(?:what|which)\s+(?:[\w'-]+\s+){1,3}(?:do|have)\s+(?:you|u|ya)\s+"
    r"(?:have|got|sell|stock|carry)\b",
    re.I,
)


# «any speaker thats IPX7 w longer battery?» beside one speaker: one with what it lacks
_ANY_WITH = re.compile(r"\bany\s+[\w-]+\s+(?:that|thats|that's|which|with|w)\b", re.I)


def beyond_the_one_in_view(text: str) -> bool:
    """Whether a search looks past the product in view («any other merino sweaters?», «what
    building blocks do you have that are ok for a 4 year old?»), not at it."""
    return bool(ANOTHER.search(text) or _WHOLE_RANGE.search(text) or _ANY_WITH.search(text))


def closest_by_meaning(retriever: Retriever, text: str, filters: SearchFilters) -> list[Product]:
    """The nearest things to a kind we do not sell, by meaning only (never a brand); to the
    need said beside it when there is one ("melatonin or anything to help me sleep")."""
    need = OR_A_NEED.search(text)
    words = need.group(0).strip().removeprefix("or ") if need else text
    if kind := kind_of_make(text):  # «airpods? or something like them»: wireless earbuds
        words = kind if not need or LIKE_THEM.search(words) else f"{kind}, {words}"
    result = retriever.search(words, filters=filters, k=3 * 4, mode="dense", parse=False)
    found = [hit.product for hit in result.hits]
    # «salomon speedcross»: trail running shoes first, road ones only after them
    of_the_kind = [p for p in found if kind and kind.lower() in p.title.lower()]
    return [*of_the_kind, *(p for p in found if p not in of_the_kind)][:3]


def _said_order(value: str) -> tuple[int, float, str]:
    """Shoe sizes by number (6, 7 … 10, 11), letter sizes from XS up, words alphabetically."""
    if re.fullmatch(r"\d+(?:\.\d+)?", value):
        return (0, float(value), value)
    if value.lower() in LETTER_SIZES:
        return (1, float(LETTER_SIZES.index(value.lower())), value)
    return (2, 0.0, value)
