"""Composing a turn's answer from typed results: the text, the ids it cites, and the figures
the grounding check may accept (those computed from data this turn)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from assistant.catalogue.models import Catalogue, Product
from assistant.commerce import CartView, CheckoutSummary, OrderView, ReturnReceipt
from assistant.conversation.answers import order_wording, wording
from assistant.conversation.answers.refusals import describe_change
from assistant.conversation.tools import OrderHistory, ProductList, ToolFailure
from assistant.money import format_minor
from assistant.search.reviews import ReviewAnswer

CART_VERBS = {
    "add_to_cart": "Added",
    "update_cart_item": "Updated",
    "change_variant": "Changed",
    "remove_from_cart": "Removed",
}


_CART_VIEW = re.compile(r" ?Your cart:\n(?:- [^\n]*\n)+Subtotal [^\n]*")


def _without_repeats(first: str, second: str) -> str:
    """Two answers one after the other; one that the other already says is said once
    («it's 2 stars?? what did they say»: the reviews, once)."""
    if _CART_VIEW.search(second):  # «add that. and the X»: the cart once, as it ends up
        first = _CART_VIEW.sub("", first).rstrip()
    if second and second in first:
        return first
    if first and first in second:
        return second
    return "\n\n".join(part for part in (first, second) if part)


@dataclass
class Turn:
    """What a turn produced, before it becomes a Reply."""

    text: str
    products: list[str] = field(default_factory=list)
    reviews: list[str] = field(default_factory=list)
    policies: list[str] = field(default_factory=list)
    orders: list[str] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)  # figures computed from data this turn
    prices: list[int] = field(default_factory=list)
    data_texts: list[str] = field(default_factory=list)  # data-made text whose figures count
    # products named beside those shown («cheaper than X»): their facts count, not shown
    named_beside: list[str] = field(default_factory=list)
    note: dict[str, Any] | None = None  # how the LLM planner's text was checked

    def joined(self, other: Turn) -> Turn:
        """This turn followed by another (several requests in one message)."""
        return Turn(
            text=_without_repeats(self.text, other.text),
            products=[*self.products, *other.products],
            reviews=[*self.reviews, *other.reviews],
            policies=[*self.policies, *other.policies],
            orders=[*self.orders, *other.orders],
            numbers=[*self.numbers, *other.numbers],
            prices=[*self.prices, *other.prices],
            data_texts=[*self.data_texts, *other.data_texts],
            named_beside=[*self.named_beside, *other.named_beside],
            note=other.note or self.note,
        )


def review_turn(product: Product, summary: ReviewAnswer, trust_first: bool = False) -> Turn:
    """A review answer, with the figures it may state and the reviews it quotes."""
    verified = summary.trust.verified_share
    return Turn(
        text=wording.review_answer(product, summary, trust_first),
        products=[product.id],
        reviews=[quote.review_id for quote in summary.quotes]
        + ([summary.answer.review_id] if _answer_shown(summary) else [])
        + [complaint.quote.review_id for complaint in summary.complaints or []],
        numbers=[
            *(complaint.reviews for complaint in summary.complaints or []),
            summary.mentions,
            summary.positive,
            summary.negative,
            summary.mixed,
            summary.review_count,
            round((verified or 0) * 100),
        ],
        data_texts=summary.trust.flags,
    )


def _answer_shown(summary: ReviewAnswer) -> bool:
    """Whether the wording quotes the best answer (so it may cite its review)."""
    return (
        summary.answer is not None
        and summary.supported
        and summary.complaints is None
        and summary.answerable is not False
    )


WHICH_ONE = "Which one would you like?"


QUANTITY_LIMITS = "orders.quantity-limits"  # the policy section that states the cart's limit
_RULE_OF = {  # a refused cancel or return: the section of the rule that refuses it
    "not_cancellable": ["orders.cancelling"],
    "not_returnable": ["returns.orders-not-delivered-yet"],
    "return_window_closed": ["returns.return-window"],
}


def failure_turn(failure: ToolFailure, product_id: str | None = None) -> Turn:
    """A refused tool call: why, and for a variant question, the choices."""
    message = failure.message
    choices = failure.details.get("choices") or []
    asks = failure.code in {"ambiguous_variant", "unknown_variant"} and bool(choices)
    if asks:  # the choices come next, then the question itself
        message = message.removesuffix("; say which one").removesuffix("; pick one of the choices")
        title, named = failure.details.get("title"), failure.details.get("product_id")
        if title and named and message.startswith(title):  # «… [P0316] comes in 4 versions»
            message, product_id = f"{title} [{named}]{message[len(title) :]}", named
    text = message[0].upper() + message[1:] + "."
    described: list[str] = []
    if asks:
        prices = [format_minor(c["price_minor"], c.get("currency", "USD")) for c in choices]
        one_price = len(set(prices)) == 1  # «the cheaper one» is told its price as it is asked
        described = [
            ", ".join(choice["options"].values())
            + ("" if one_price else f" {price}")
            + ("" if choice["in_stock"] else " (out of stock)")
            for choice, price in zip(choices, prices, strict=True)
        ]
        each = f" (each {prices[0]})" if one_price else ""
        text += f" Choices{each}: " + "; ".join(described) + ". " + WHICH_ONE
        described += prices[:1] if one_price else []
    # the choices are the catalogue's own option values ("250 g"): data, not made-up figures
    too_many = failure.code == "invalid_quantity" and failure.details.get("reason") == "too_many"
    return Turn(
        text=text,
        products=[product_id] if product_id else [],
        data_texts=[failure.message, *described],
        prices=[choice["price_minor"] for choice in choices] if asks else [],
        # «At most 10…», «… still processing; cancel it instead»: the rule it follows, cited
        policies=[QUANTITY_LIMITS] if too_many else _RULE_OF.get(failure.code, []),
    )


def result_turn(name: str, result: BaseModel | ToolFailure, catalogue: Catalogue) -> Turn:
    """A tool's result as the template answer writes it."""
    if isinstance(result, ToolFailure):
        return failure_turn(result)
    if isinstance(result, ProductList):
        products = [catalogue.products[p.id] for p in result.products]
        return Turn(text=wording.product_list(products), products=[p.id for p in products])
    if name == "product_details":
        product = catalogue.products[result.id]  # type: ignore[attr-defined]
        return Turn(text=wording.product_details(product), products=[product.id])
    if isinstance(result, ReviewAnswer):
        return review_turn(catalogue.products[result.product_id], result)
    if isinstance(result, CheckoutSummary):
        totals = result.totals
        return Turn(
            text=wording.checkout_text(result),
            products=[line.product_id for line in result.lines],
            prices=[
                totals.subtotal_minor,
                totals.shipping_minor,
                totals.tax_minor,
                totals.total_minor,
                *(line.unit_price_minor for line in result.lines),
            ],
            numbers=[line.qty for line in result.lines],
            data_texts=[describe_change(change) for change in result.changes],
        )
    if isinstance(result, CartView):
        return Turn(
            text=wording.cart_text(result), products=[line.product_id for line in result.lines]
        )
    if isinstance(result, OrderHistory):
        if not result.orders:
            return Turn(text=order_wording.NO_ORDERS)
        return Turn(
            text="\n".join(
                order_wording.order_text(order, catalogue=catalogue) for order in result.orders
            ),
            products=[line.product_id for order in result.orders for line in order.lines],
        )
    if isinstance(result, ReturnReceipt):
        return Turn(
            text=order_wording.return_text(result),
            prices=[result.refund_minor],
            numbers=[sum(result.items.values())],
        )
    assert isinstance(result, OrderView)
    return Turn(
        text=order_wording.order_text(result, catalogue=catalogue),
        products=[line.product_id for line in result.lines],
    )


def cart_change_turn(cart: CartView, changes: list[tuple[str, Product]]) -> Turn:
    """A changed cart, led by what changed ("Removed Tote [P0314]. Added Trail Runner
    [P0031]. Your cart: ..."); `changes` are (tool name, product) in the order made."""
    said = {
        (name, product.id): f"{CART_VERBS[name]} {product.title} [{product.id}]. "
        for name, product in changes
        if name in CART_VERBS
    }
    lead = "".join(said.values())
    products = list(dict.fromkeys(product.id for _, product in changes))
    return Turn(text=lead + wording.cart_text(cart), products=products)
