"""Which product in view a comparative means («the cheaper one», «the better one», «the
lighter one», «the quicker one») and which «the other one» is beside two."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.catalogue.models import Catalogue, Product
from assistant.conversation.answers.ranking import figure_winner

# «the cheap armorly screen protector», «the expensive one» of those shown: the cheaper, the
# dearer (not «the cheap stuff always breaks»: a remark)
_NOT_A_PICK = r"(?!\s+(?:stuff|things?|ones? (?:always|never|usually|break|are|were))\b)"
_CHEAPER = re.compile(
    r"\b(cheaper|cheapest|less expensive|lower priced)\b"
    rf"|\bthe (?:cheap|budget|cheapo)\b{_NOT_A_PICK}",
    re.I,
)
_PRICIER = re.compile(
    r"\b(more expensive|pricier|priciest|most expensive)\b"
    rf"|\bthe (?:expensive|pricey)\b{_NOT_A_PICK}",
    re.I,
)
# «the better one», «2 of the best one»: the better rated of those shown
# «the one with better reviews»: the better rated, said by its reviews
ONE_WITH_BETTER_REVIEWS = (
    r"\bthe one with (?:the )?(?:better|best|higher|highest|nicer) (?:reviews|ratings?|stars)\b"
)
_BETTER_RATED = re.compile(
    r"\b(better|best|higher|highest|top)[ -](?:rated|reviewed)\b|\bthe (?:better|best) ones?\b"
    rf"|{ONE_WITH_BETTER_REVIEWS}",
    re.I,
)
# «the quicker one then»: sooner delivery (a «faster» charger or blender is about speed)
_QUICKER = re.compile(
    r"\bthe (?:quicker|quickest|sooner|soonest) one\b"
    # «add the one that arrives faster», «the one that gets here first»
    r"|\bthe one (?:that|which)?\s*(?:arrives|gets here|gets to me|comes|ships|is delivered|"
    r"delivers|turns up|will arrive|would arrive|can arrive)\s+(?:faster|quicker|sooner|first|"
    r"earlier|fastest|quickest|soonest)\b",
    re.I,
)
_FASTER = re.compile(r"\bthe (?:faster|fastest) one\b", re.I)
_SPEED_FACTS = re.compile(r"speed|power|watt|charg|rpm", re.I)
# «the lighter one», «the heavier of the two»: by the figure the word is about (its weight)
_BY_FIGURE = re.compile(
    r"\bthe (\w+(?:er|est)) (?:one|of (?:the|those|them|these)(?: two)?)\b", re.I
)
# «swap it for the other one» beside the two compared: the one not in the cart
FOR_THE_OTHER = re.compile(
    r"\b(?:swap|switch|change|exchange|replace)\s+(?:it|that|this|mine|that one|this one)\s+"
    r"(?:for|with|to)\s+the other(?: one)?\b",
    re.I,
)
# «and the other one too», «what does the other one cost?»: not «the other way», «other colours»
_THE_OTHER = re.compile(
    r"\b(?:the|that) other(?: one)?\b(?!\s+(?:ones|way|day|colou?rs?|sizes?))", re.I
)


# «the one that actually has reviews», «the in-stock one», «the one from a vetted seller»:
# a thing only one of them has
_ONE_THAT = r"\bthe (?:only )?one(?: that| which|,)?(?:'s| is)?(?: actually| even| really)?"
_HAVING: list[tuple[re.Pattern[str], Callable[[Product], bool]]] = [
    (
        re.compile(rf"{_ONE_THAT} (?:has|got|with) (?:any |some |real )?reviews\b", re.I),
        lambda p: p.review_count > 0,
    ),
    (
        re.compile(rf"{_ONE_THAT} (?:in stock|available)\b|\bthe in[- ]stock one\b", re.I),
        lambda p: p.in_stock,
    ),
    (
        re.compile(
            rf"{_ONE_THAT} (?:from|by|sold by) (?:a|the) vetted(?: seller)?\b|\bthe vetted one\b",
            re.I,
        ),
        lambda p: p.seller.vetting == "vetted",
    ),
]


# «the one with the longer window», «the one you can return for longer»: by return window
_LONGER_RETURNS = re.compile(
    r"\b(?:longer|longest|bigger|more generous|better)\s+(?:return(?:s)?\s+)?"
    r"(?:window|return(?:s| policy| period)?)\b|\breturn\w*\s+(?:for\s+)?longer\b",
    re.I,
)


def _the_one_having(message: str, products: list[Product]) -> Product | None:
    """The one product that has what the message singles out, when only one has it."""
    for pattern, has in _HAVING:
        if pattern.search(message):
            having = [p for p in products if has(p)]
            return having[0] if len(having) == 1 else None
    return None


def comparative_pick(
    message: str, products: list[Product], price_of: Callable[[Product], int] | None = None
) -> Product | None:
    """The one of `products` a comparative in the message picks, if it says one (by price:
    `price_of` each, such as the version in the cart, else the price the message asks)."""
    if not products:
        return None
    if price_of is None:
        price_of = lambda product: price_asked(product, message)  # noqa: E731
    if having := _the_one_having(message, products):
        return having
    if _LONGER_RETURNS.search(message):
        ordered = sorted(products, key=lambda p: -p.return_window_days)
        tied = len(ordered) > 1 and ordered[0].return_window_days == ordered[1].return_window_days
        return None if tied else ordered[0]
    if _CHEAPER.search(message):
        return min(products, key=price_of)
    if _PRICIER.search(message):
        return max(products, key=price_of)
    if _BETTER_RATED.search(message):
        return max(products, key=lambda p: (p.rating or 0, p.review_count))
    if _QUICKER.search(message) or (
        # «add 500g of the faster one» of two teas: delivery; of two chargers: speed
        _FASTER.search(message)
        and not any(_SPEED_FACTS.search(" ".join(p.attributes)) for p in products)
    ):
        ordered = sorted(products, key=lambda p: p.shipping_days)
        tied = len(ordered) > 1 and ordered[0].shipping_days == ordered[1].shipping_days
        return None if tied else ordered[0]  # two that arrive in 2 days: which?
    said = _BY_FIGURE.search(message)
    return figure_winner(products, said.group(0)) if said and len(products) > 1 else None


def the_other(
    text: str, shown: list[str], focus: str | None, in_cart: list[str]
) -> tuple[str, str | None] | None:
    """The other of two shown products, and the cart's product it replaces in a trade («swap
    it for the other one»); «the other one» alone is the one not in focus."""
    if len(shown) != 2 or focus not in shown:
        return None
    other = next(pid for pid in shown if pid != focus)
    traded = FOR_THE_OTHER.search(text)  # «nah, the other one» just after adding one: instead
    if traded or (_REJECTED.match(text) and _THE_OTHER.search(text)):
        if focus in in_cart and other not in in_cart:
            return other, focus
        if traded:
            return None
    return (other, None) if _THE_OTHER.search(text) else None


_REJECTED = re.compile(r"^\W*(?:nah|no|nope|actually|wait|hmm+|sorry|on second thought)\b", re.I)


def same_kind(catalogue: Catalogue, shown: list[str], focus: str | None) -> list[str]:
    """Of more than two shown products, those whose titles end as the focus's does («and the
    other one» beside two pour-over makers, a blender and a skillet: the other pour-over)."""
    if len(shown) <= 2 or focus not in catalogue.products:
        return shown
    ending = catalogue.products[focus].title.lower().split()[-2:]
    return [pid for pid in shown if catalogue.products[pid].title.lower().split()[-2:] == ending]


def price_asked(product: Product, message: str) -> int:
    """The price that counts for a comparison: of the version the words name ("the cheaper
    one in 500g"), else the lowest one can buy it at now."""
    named = product.options_named_in(message)
    prices = [
        v.price_minor
        for v in product.variants
        if all(v.options.get(k, "").lower() == value.lower() for k, value in named.items())
    ]
    return min(prices) if named and prices else product.buyable_price_minor
