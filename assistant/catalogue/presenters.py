"""Products as every channel shows them: one summary and one detail shape, typed.

The HTTP API, the chat tools, MCP and the ACP feed all present products through these, so a
product never turns into a dict in two different ways.
"""

from __future__ import annotations

from pydantic import BaseModel

from assistant.catalogue.models import Product, Seller, Variant


class ProductSummary(BaseModel):
    """A product in a result list."""

    id: str
    title: str
    brand: str
    category: str
    price_minor: int
    currency: str
    rating: float | None
    review_count: int
    in_stock: bool
    shipping_days: int
    seller_vetting: str


class ProductDetail(ProductSummary):
    """Everything the catalogue says about one product (contract: GET /api/products/{id})."""

    description: str
    attributes: dict[str, str]
    variants: list[Variant]
    seller: Seller
    return_window_days: int


def product_summary(product: Product) -> ProductSummary:
    """A product's summary: its cheapest price, rating, stock and delivery time."""
    return ProductSummary(
        id=product.id,
        title=product.title,
        brand=product.brand,
        category=product.category,
        price_minor=product.min_price_minor,
        currency=product.currency,
        rating=product.rating,
        review_count=product.review_count,
        in_stock=product.in_stock,
        shipping_days=product.shipping_days,
        seller_vetting=product.seller.vetting,
    )


def product_detail(product: Product) -> ProductDetail:
    """A product with its description, attributes, variants and seller."""
    return ProductDetail(
        **product_summary(product).model_dump(),
        description=product.description,
        attributes=product.attributes,
        variants=product.variants,
        seller=product.seller,
        return_window_days=product.return_window_days,
    )
