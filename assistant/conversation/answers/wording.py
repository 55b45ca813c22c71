"""Writing answers from typed results: product cards, comparisons, review answers, cart views.

Every figure in these texts comes straight from the data passed in; nothing here invents one.
Product and review text is quoted inside «…» so it reads as data, never as an instruction.
"""

from __future__ import annotations

from assistant.catalogue.models import Product
from assistant.commerce import CartView, CheckoutSummary, OrderView, ReturnReceipt
from assistant.conversation.answers.refusals import describe_change
from assistant.money import format_minor
from assistant.search.reviews import ReviewAnswer, TrustSignals

LOW_STOCK = 5


def plural(count: int, noun: str) -> str:
    """'1 day', '3 days'."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def days(count: int) -> str:
    """A delivery or return time in days."""
    return plural(count, "day")


def _price(product: Product) -> str:
    prices = sorted({variant.price_minor for variant in product.variants})
    text = format_minor(prices[0], product.currency)
    return f"from {text}" if len(prices) > 1 else text


def _rating(product: Product) -> str:
    if product.rating is None:
        return "no reviews yet"
    return f"{product.rating:.1f}★ ({product.review_count} reviews)"


def _stock(product: Product) -> str:
    units = sum(variant.stock for variant in product.variants)
    if units <= 0:
        return "out of stock"
    return f"only {units} left" if units <= LOW_STOCK else "in stock"


def product_card(position: int | None, product: Product) -> str:
    """One product as a card line: price, rating, stock, delivery, seller warning."""
    head = f"{position}. " if position is not None else ""
    seller = (
        ""
        if product.seller.vetting == "vetted"
        else f" ⚠ seller {product.seller.name} is {product.seller.vetting}"
    )
    return (
        f"{head}{product.title} [{product.id}] — {_price(product)}, {_rating(product)}, "
        f"{_stock(product)}, delivery in {days(product.shipping_days)}{seller}"
    )


def product_list(products: list[Product], intro: str = "Here is what I found:") -> str:
    """A numbered list of cards, so 'the second one' can refer back to it."""
    lines = [product_card(position, product) for position, product in enumerate(products, 1)]
    return "\n".join([intro, *lines])


def not_carried(query: str, alternatives: list[Product]) -> str:
    """We don't carry it; here is what comes closest."""
    text = f"We don't carry «{query.strip()[:80]}»."
    if alternatives:
        text += "\n" + product_list(alternatives, "The closest we have:")
    return text


def product_details(product: Product) -> str:
    """Everything the data says about one product."""
    options = product.options_by_name()
    lines = [product_card(None, product), f"«{product.description}»"]
    lines += [f"{name.capitalize()}: {', '.join(values)}" for name, values in options.items()]
    lines += [f"{name.capitalize()}: {value}" for name, value in product.attributes.items()]
    lines.append(
        f"Sold by {product.seller.name} ({product.seller.vetting}); returns within "
        f"{product.return_window_days} days."
    )
    return "\n".join(lines)


def attribute_answer(product: Product, facts: list[str]) -> str:
    """Facts found for a product question, or an honest 'the data doesn't say'."""
    if not facts:
        return (
            f"The product data for {product.title} [{product.id}] doesn't say. "
            "Ask me what reviewers say about it instead."
        )
    return f"{product.title} [{product.id}]: " + "; ".join(facts) + "."


def comparison_table(products: list[Product]) -> str:
    """A side-by-side table of the products' key figures."""
    names = [f"{p.title} [{p.id}]" for p in products]
    rows = [
        ("price", [_price(p) for p in products]),
        ("rating", [_rating(p) for p in products]),
        ("stock", [_stock(p) for p in products]),
        ("delivery", [f"{p.shipping_days} days" for p in products]),
        ("returns", [f"{p.return_window_days} days" for p in products]),
        ("seller", [f"{p.seller.name} ({p.seller.vetting})" for p in products]),
    ]
    keys = list(dict.fromkeys(key for p in products for key in p.attributes))
    rows += [(key, [p.attributes.get(key, "—") for p in products]) for key in keys]
    lines = ["| | " + " | ".join(names) + " |", "| --- |" + " --- |" * len(products)]
    lines += [f"| {label} | " + " | ".join(values) + " |" for label, values in rows]
    return "\n".join(lines)


def trust_text(trust: TrustSignals) -> str:
    """Trust signals in one or two sentences."""
    parts = []
    if trust.verified_share is not None:
        parts.append(
            f"{round(trust.verified_share * 100)}% of its {trust.review_count} "
            "reviews are from verified purchases"
        )
    parts.append(f"the seller {trust.seller} is {trust.seller_vetting}")
    text = "Trust: " + "; ".join(parts) + "."
    if trust.flags:
        text += " Watch out: " + "; ".join(trust.flags) + "."
    return text


def review_answer(product: Product, answer: ReviewAnswer) -> str:
    """How many reviews mention the aspect, which way they lean, and a few quotes."""
    name = f"{product.title} [{product.id}]"
    if answer.review_count == 0:
        return f"{name} has no reviews yet, so the reviews don't say."
    if not answer.supported:
        return (
            f"The reviews of {name} don't say anything about "
            f"{answer.aspect or 'that'}. {trust_text(answer.trust)}"
        )
    subject = f"mention {answer.aspect}" if answer.aspect else "were read"
    lines = [
        f"{answer.mentions} of {answer.review_count} reviews of {name} {subject}: "
        f"{answer.positive} positive (rated 4 and up), {answer.negative} negative (rated 2 or "
        f"less), "
        f"{answer.mixed} mixed."
    ]
    for quote in answer.quotes:
        stars = f"{quote.rating}★" if quote.rating else "unrated"
        verified = ", verified" if quote.verified_purchase else ""
        lines.append(f"- «{quote.text}» ({stars}{verified}, review {quote.review_id})")
    lines.append(trust_text(answer.trust))
    return "\n".join(lines)


def cart_text(cart: CartView) -> str:
    """The cart, line by line, with its total."""
    if not cart.lines:
        return "Your cart is empty."
    lines = ["Your cart:"]
    for line in cart.lines:
        options = ", ".join(line.options.values())
        lines.append(
            f"- {line.qty} × {line.title}{f' ({options})' if options else ''} "
            f"[{line.product_id}] at {format_minor(line.unit_price_minor, line.currency)}"
        )
    lines.append(
        _totals(
            cart.totals.subtotal_minor,
            cart.totals.shipping_minor,
            cart.totals.tax_minor,
            cart.totals.total_minor,
            cart.totals.currency,
        )
    )
    return "\n".join(lines)


def _totals(subtotal: int, shipping: int, tax: int, total: int, currency: str) -> str:
    text = (
        f"Subtotal {format_minor(subtotal, currency)}, shipping {format_minor(shipping, currency)}"
    )
    if tax:
        text += f", tax {format_minor(tax, currency)}"
    return text + f"; total {format_minor(total, currency)}."


def checkout_text(summary: CheckoutSummary) -> str:
    """The summary the shopper confirms, with what changed since they last looked."""
    lines = ["Please check your order:"]
    if summary.changes:
        lines += ["Changed since you last looked:"] + [
            f"- {describe_change(c)}" for c in summary.changes
        ]
    for line in summary.lines:
        options = ", ".join(line.options.values())
        lines.append(
            f"- {line.qty} × {line.title}{f' ({options})' if options else ''} at "
            f"{format_minor(line.unit_price_minor, line.currency)}"
        )
    totals = summary.totals
    lines.append(
        _totals(
            totals.subtotal_minor,
            totals.shipping_minor,
            totals.tax_minor,
            totals.total_minor,
            totals.currency,
        )
    )
    lines.append("Reply «yes» to place this order, or «no» to keep shopping.")
    return "\n".join(lines)


def order_text(order: OrderView, placed: bool = False) -> str:
    """An order's status, tracking and delivery estimate."""
    head = f"Order {order.order_id} is placed" if placed else f"Order {order.order_id}"
    items = ", ".join(f"{line.qty} × {line.title}" for line in order.lines)
    text = (
        f"{head}: {items}; total {format_minor(order.totals.total_minor, order.totals.currency)}"
        f". Status: {order.status}"
    )
    if order.status != "cancelled":
        text += f", estimated delivery {order.estimated_delivery.isoformat()}"
    if order.tracking_number:
        text += f", tracking {order.tracking_number}"
    return text + "."


def return_text(receipt: ReturnReceipt) -> str:
    """A return that was accepted."""
    units = sum(receipt.items.values())
    return (
        f"Return {receipt.return_id} accepted for {units} item(s) of order "
        f"{receipt.order_id}; refund {format_minor(receipt.refund_minor, receipt.currency)}."
    )
