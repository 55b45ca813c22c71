"""HTML for the Gradio app and the citation pages: pure functions from data to escaped markup."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from html import escape
from typing import Any

from assistant.catalogue.models import Product, Review
from assistant.commerce import CartView, OrderView
from assistant.conversation.answers.wording import days
from assistant.money import format_minor

# One muted colour per category keeps the generated pictures apart at a glance.
PALETTE = ["#4c6ef5", "#12b886", "#f59f00", "#e64980", "#7950f2", "#15aabf", "#fd7e14", "#40c057"]
CITATION = re.compile(r"\[((?:P|R)[A-Za-z0-9_-]+)\]")
STATUS_COLOURS = {
    "processing": "#9a6700",
    "shipped": "#0969da",
    "delivered": "#1a7f37",
    "cancelled": "#cf222e",
}


def product_image_svg(product: Product) -> str:
    """A generated picture for a product: its category colour, initials and category name."""
    digest = int(hashlib.sha1(product.category.encode()).hexdigest(), 16)
    colour = PALETTE[digest % len(PALETTE)]
    words = [word for word in re.split(r"\W+", product.title) if word]
    initials = "".join(word[0] for word in words[:2]).upper() or "?"
    shade = int(hashlib.sha1(product.id.encode()).hexdigest(), 16) % 5 * 12
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="160" viewBox="0 0 160 160">'
        f'<rect width="160" height="160" rx="18" fill="{colour}"/>'
        f'<circle cx="{118 - shade}" cy="{42 + shade}" r="30" fill="#fff" fill-opacity=".18"/>'
        '<text x="80" y="92" font-family="sans-serif" font-size="52" font-weight="700" '
        f'fill="#fff" text-anchor="middle">{escape(initials)}</text>'
        '<text x="80" y="136" font-family="sans-serif" font-size="15" fill="#fff" '
        f'fill-opacity=".9" text-anchor="middle">{escape(product.category[:18])}</text>'
        "</svg>"
    )


def stock_label(product: Product) -> str:
    """'in stock', 'only 2 left' or 'sold out' over all variants."""
    units = sum(variant.stock for variant in product.variants)
    if units == 0:
        return "sold out"
    return f"only {units} left" if units <= 3 else "in stock"


def product_card(product: Product) -> str:
    """A product card: picture, title, price, rating, stock and delivery time."""
    rating = (
        f"{product.rating:.1f}★ ({product.review_count} reviews)"
        if product.rating is not None
        else "no ratings yet"
    )
    price = format_minor(product.min_price_minor, product.currency)
    if len({variant.price_minor for variant in product.variants}) > 1:
        price = f"from {price}"
    stock = stock_label(product)
    stock_class = "sold-out" if stock == "sold out" else "in-stock"
    vetting = "" if product.seller.vetting == "vetted" else " · seller not vetted"
    return (
        f'<div class="sa-card" data-product="{escape(product.id)}">'
        f'<img src="/api/products/{escape(product.id)}/image.svg" alt="" width="72" height="72">'
        '<div class="sa-card-body">'
        f'<div class="sa-card-title">{escape(product.title)}</div>'
        f'<div class="sa-card-price">{escape(price)}</div>'
        f'<div class="sa-card-meta">{escape(rating)}</div>'
        f'<div class="sa-card-meta"><span class="{stock_class}">{escape(stock)}</span> · '
        f"delivery in {days(product.shipping_days)}{escape(vetting)}</div>"
        f'<div class="sa-card-meta">{escape(product.seller.name)} · {escape(product.id)}</div>'
        "</div></div>"
    )


def linked_citations(text: str, known: Iterable[str]) -> str:
    """Chat markdown where each cited id in brackets links to its citation page."""
    known_ids = set(known)

    def link(match: re.Match[str]) -> str:
        cited = match.group(1)
        if cited not in known_ids:
            return match.group(0)
        return f"[[{cited}]](/cite/{cited})"

    return CITATION.sub(link, text)


def sources_line(citations: list[dict[str, Any]]) -> str:
    """A markdown line linking every cited review, so each is one click away."""
    reviews = [citation["id"] for citation in citations if citation["kind"] == "review"]
    if not reviews:
        return ""
    links = ", ".join(f"[{review_id}](/cite/{review_id})" for review_id in reviews[:8])
    return f"\n\nSources: {links}"


def cart_summary(cart: CartView) -> str:
    """The cart's totals block (the lines have their own controls)."""
    if not cart.lines:
        return '<div class="sa-empty">Your cart is empty. Ask for a product, then add it.</div>'
    totals = cart.totals
    rows = [
        ("Items", format_minor(totals.subtotal_minor, totals.currency)),
        ("Shipping", format_minor(totals.shipping_minor, totals.currency)),
        ("Tax", format_minor(totals.tax_minor, totals.currency)),
    ]
    body = "".join(f"<tr><td>{label}</td><td>{escape(value)}</td></tr>" for label, value in rows)
    total = format_minor(totals.total_minor, totals.currency)
    return (
        f'<table class="sa-totals">{body}'
        f'<tr class="sa-total"><td>Total</td><td id="sa-cart-total">{escape(total)}</td></tr>'
        "</table>"
    )


def cart_line_label(
    title: str, options: dict[str, str], qty: int, unit_minor: int, currency: str
) -> str:
    """One cart line as text: title, variant, quantity and line price."""
    variant = ", ".join(f"{name} {value}" for name, value in options.items())
    variant_text = f" ({variant})" if variant else ""
    return f"{title}{variant_text} — {qty} × {format_minor(unit_minor, currency)}"


def orders_table(orders: list[OrderView]) -> str:
    """Order history, newest first, with status, tracking and delivery date."""
    if not orders:
        return '<div class="sa-empty">No orders yet.</div>'
    rows = []
    for order in sorted(orders, key=lambda item: item.placed_at, reverse=True):
        colour = STATUS_COLOURS.get(order.status, "#57606a")
        items = ", ".join(f"{line.qty} × {line.title}" for line in order.lines)
        rows.append(
            f'<tr data-order="{escape(order.order_id)}"><td>{escape(order.order_id)}</td>'
            f'<td style="color:{colour};font-weight:600">{escape(order.status)}</td>'
            f"<td>{escape(items)}</td>"
            f"<td>{escape(format_minor(order.totals.total_minor, order.totals.currency))}</td>"
            f"<td>{order.estimated_delivery.isoformat()}</td></tr>"
        )
    return (
        '<table class="sa-orders"><thead><tr><th>Order</th><th>Status</th><th>Items</th>'
        "<th>Total</th><th>Arrives</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )


def post_html(item: dict[str, Any], app_title: str) -> str:
    """A feed post as its app renders it: author, text, tagged products, reactions."""
    cards = "".join(
        f'<div class="sa-tag"><img src="/api/products/{escape(card["id"])}/image.svg" alt="" '
        f'width="40" height="40"><span>{escape(card["title"])} · {escape(card["price"])}'
        f"{'' if card['in_stock'] else ' · sold out'}</span></div>"
        for card in item["products"]
    )
    extras = []
    if "reactions" in item:
        extras.append(f"♥ {item['reactions']}")
    if "creator_commission" in item:
        extras.append(f"creator earns {item['creator_commission']}")
    footer = f'<div class="sa-post-meta">{escape(" · ".join(extras))}</div>' if extras else ""
    return (
        f'<div class="sa-post" data-post="{escape(item["id"])}" data-app="{escape(app_title)}">'
        f'<div class="sa-post-author">@{escape(item["author"])}</div>'
        f'<div class="sa-post-text">{escape(item["text"])}</div>{cards}{footer}</div>'
    )


def citation_page(title: str, body: str) -> str:
    """A small standalone page for one cited review or product."""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>body{{font:16px/1.5 system-ui,sans-serif;"
        "max-width:40rem;margin:2rem auto;padding:0 1rem}blockquote{border-left:4px solid "
        "#d0d7de;margin:1rem 0;padding:.2rem 1rem;color:#24292f}.meta,.sa-card-meta{color:#57606a}"
        ".sa-card{display:flex;gap:1rem;align-items:flex-start}.sa-card img{border-radius:8px}"
        ".sa-card-title{font-weight:600}</style>"
        f"</head><body>{body}</body></html>"
    )


def review_page(review: Review, product: Product | None) -> str:
    """The page a review citation opens: the review quoted, with its product."""
    stars = f"{review.rating}★ · " if review.rating is not None else ""
    about = escape(product.title) if product else escape(review.product_id)
    body = (
        f"<h1>Review {escape(review.id)}</h1>"
        f'<p class="meta">{stars}by {escape(review.author)}'
        f"{' · verified purchase' if review.verified_purchase else ''}"
        f"{' · ' + review.date.isoformat() if review.date else ''}</p>"
        f"<p>About <a href='/cite/{escape(review.product_id)}'>{about}</a></p>"
        f"<h2>{escape(review.title)}</h2><blockquote>{escape(review.text)}</blockquote>"
    )
    return citation_page(f"Review {review.id}", body)


def product_page(product: Product) -> str:
    """The page a product citation opens: its card and description."""
    body = (
        f"<h1>{escape(product.title)}</h1>{product_card(product)}"
        f"<p>{escape(product.description)}</p>"
        f'<p class="meta">Returns within {product.return_window_days} days.</p>'
    )
    return citation_page(product.title, body)
