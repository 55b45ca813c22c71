"""Writing answers from typed results: product lines, result lists."""

from __future__ import annotations

from assistant.catalogue import Product
from assistant.money import format_minor


def product_line(position: int, product: Product) -> str:
    """One product as a short card line: price, rating, stock and delivery."""
    prices = sorted({variant.price_minor for variant in product.variants})
    price = format_minor(prices[0], product.currency)
    if len(prices) > 1:
        price = f"from {price}"
    rating = (
        f"{product.rating:.1f}★ ({product.review_count} reviews)"
        if product.rating is not None
        else "no reviews yet"
    )
    stock = "in stock" if product.in_stock else "out of stock"
    return (
        f"{position}. {product.title} [{product.id}] — {price}, {rating}, {stock}, "
        f"delivery in {product.shipping_days} days"
    )


def search_answer(products: list[Product], warnings: list[str]) -> str:
    """A numbered list of found products, or an honest 'nothing found'."""
    if not products:
        return "I found nothing in the catalogue that matches. Try fewer filters or other words."
    lines = [product_line(position, product) for position, product in enumerate(products, 1)]
    return "\n".join(["Here is what I found:", *lines, *warnings])
