"""The app's HTML rendering: escaped, linked and formatted from data."""

from __future__ import annotations

from assistant.catalogue.models import Product, Review, Seller, Variant
from assistant.channels.http.views import (
    linked_citations,
    product_card,
    product_image_svg,
    review_page,
    sources_line,
    stock_label,
)


def _product(stock: int = 5, title: str = "Trail Runner <X>") -> Product:
    return Product(
        id="P1",
        title=title,
        category="Running Shoes",
        variants=[Variant(id="V1", price_minor=4999, stock=stock)],
        seller=Seller(id="s", name="Shop & Co"),
        rating=4.25,
        review_count=8,
    )


def test_review_and_product_text_is_escaped():
    hostile = Review(id="R-x", product_id="P-x", text="<script>alert(1)</script>", title="<b>")
    page = review_page(hostile, None)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    card = product_card(_product())
    assert "Trail Runner &lt;X&gt;" in card and "Shop &amp; Co" in card
    assert "<X>" not in product_image_svg(_product(title="<X> y"))


def test_card_shows_price_rating_stock_and_delivery():
    card = product_card(_product())
    assert "$49.99" in card and "4.2★ (8 reviews)" in card
    assert "in stock" in card and "delivery in 3 days" in card
    assert stock_label(_product(stock=2)) == "only 2 left"
    assert stock_label(_product(stock=0)) == "sold out"


def test_only_known_citations_become_links():
    text = "Try [P1] or [P9]; a reviewer says so [R7]."
    linked = linked_citations(text, ["P1", "R7"])
    assert "[[P1]](/cite/P1)" in linked and "[[R7]](/cite/R7)" in linked
    assert "[P9];" in linked  # not cited by this reply, so left as plain text
    assert sources_line([{"id": "R7", "kind": "review"}, {"id": "P1", "kind": "product"}]) == (
        "\n\nSources: [R7](/cite/R7)"
    )
    assert sources_line([{"id": "P1", "kind": "product"}]) == ""
