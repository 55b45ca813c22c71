"""The cart and order tools the planners call: LangChain tools with pydantic argument models.

Each tool is bound to one shopper and one origin (the turn, post or reply that asked), so a
model can never act for someone else. Failures come back as data the planner can read
(`{"ok": false, "error": {"code": "out_of_stock", "message": "out of stock: only 2 left ..."}}`),
never as exceptions. Confirming a checkout is deliberately not a tool: only the shopper's own
"yes", recognised by the conversation engine, or the UI's confirm button can place an order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from langchain_core.tools import BaseTool, StructuredTool
from pydantic import BaseModel, Field

from assistant.commerce import CommerceError, CommerceService, Origin
from assistant.conversation.answers.refusals import error_data

TOOL_NAMES = (
    "add_to_cart",
    "update_cart_item",
    "remove_from_cart",
    "view_cart",
    "start_checkout",
    "order_status",
    "cancel_order",
    "return_items",
)


class AddToCartArgs(BaseModel):
    """Put a product in the cart."""

    product_id: str = Field(description="Product id from search results, e.g. P0012.")
    quantity: int = Field(1, description="How many units, at least 1.")
    variant_id: str | None = Field(None, description="Exact variant id, if known.")
    options: dict[str, str] | None = Field(
        None, description="Variant options the shopper named, e.g. {'colour': 'blue', 'size': 'M'}."
    )


class UpdateCartItemArgs(BaseModel):
    """Set the quantity of a cart line."""

    product_id: str
    quantity: int = Field(description="The new quantity, at least 1.")
    variant_id: str | None = None
    options: dict[str, str] | None = None


class RemoveFromCartArgs(BaseModel):
    """Take a product out of the cart."""

    product_id: str
    quantity: int | None = Field(None, description="Units to remove; omit to remove the line.")
    variant_id: str | None = None
    options: dict[str, str] | None = None


class NoArgs(BaseModel):
    """No arguments."""


class OrderArgs(BaseModel):
    """One order, or the whole history when omitted."""

    order_id: str | None = Field(None, description="Order id such as ORD-1A2B3C4D5E.")


class CancelOrderArgs(BaseModel):
    """Cancel an order."""

    order_id: str


class ReturnItemsArgs(BaseModel):
    """Return delivered items."""

    order_id: str
    items: dict[str, int] | None = Field(
        None, description="Variant id -> units to return; omit to return everything."
    )


def _as_data(call: Callable[[], Any]) -> dict[str, Any]:
    """Run a cart operation; its result or its refusal becomes plain data."""
    try:
        result = call()
    except CommerceError as error:
        return {"ok": False, "error": error_data(error)}
    if isinstance(result, list):
        return {"ok": True, "orders": [item.model_dump(mode="json") for item in result]}
    return {"ok": True, **result.model_dump(mode="json")}


def cart_tools(service: CommerceService, shopper_id: str, origin: Origin) -> list[BaseTool]:
    """The eight cart and order tools, bound to one shopper and the origin of this turn."""

    def add_to_cart(
        product_id: str,
        quantity: int = 1,
        variant_id: str | None = None,
        options: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        return _as_data(
            lambda: service.add_item(shopper_id, product_id, quantity, variant_id, options, origin)
        )

    def update_cart_item(
        product_id: str,
        quantity: int,
        variant_id: str | None = None,
        options: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        return _as_data(
            lambda: service.set_quantity(shopper_id, product_id, quantity, variant_id, options)
        )

    def remove_from_cart(
        product_id: str,
        quantity: int | None = None,
        variant_id: str | None = None,
        options: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        return _as_data(
            lambda: service.remove_item(shopper_id, product_id, quantity, variant_id, options)
        )

    def view_cart() -> dict[str, Any]:
        return _as_data(lambda: service.get_cart(shopper_id))

    def start_checkout() -> dict[str, Any]:
        return _as_data(lambda: service.start_checkout(shopper_id))

    def order_status(order_id: str | None = None) -> dict[str, Any]:
        if order_id is None:
            return _as_data(lambda: service.list_orders(shopper_id))
        return _as_data(lambda: service.order_status(shopper_id, order_id))

    def cancel_order(order_id: str) -> dict[str, Any]:
        return _as_data(lambda: service.cancel_order(shopper_id, order_id))

    def return_items(order_id: str, items: dict[str, int] | None = None) -> dict[str, Any]:
        return _as_data(lambda: service.return_items(shopper_id, order_id, items))

    specs: list[tuple[Callable[..., dict[str, Any]], type[BaseModel], str]] = [
        (add_to_cart, AddToCartArgs, "Add a product (and variant) to the shopper's cart."),
        (update_cart_item, UpdateCartItemArgs, "Change the quantity of a cart line."),
        (remove_from_cart, RemoveFromCartArgs, "Remove a product, or some units, from the cart."),
        (view_cart, NoArgs, "Show the cart with its lines and total."),
        (
            start_checkout,
            NoArgs,
            "Re-check prices and stock and show the summary the shopper "
            "must confirm; this does not place the order.",
        ),
        (order_status, OrderArgs, "Status and tracking of an order, or the order history."),
        (cancel_order, CancelOrderArgs, "Cancel an order that has not shipped yet."),
        (return_items, ReturnItemsArgs, "Return delivered items within the return window."),
    ]
    return [
        StructuredTool.from_function(
            func=function, name=function.__name__, description=description, args_schema=schema
        )
        for function, schema, description in specs
    ]


class SearchArgs(BaseModel):
    """Search the catalogue."""

    query: str = Field(description="What the shopper wants, with any price or size limits.")


class ProductArgs(BaseModel):
    """One product."""

    product_id: str


class ReviewArgs(BaseModel):
    """A question about one product's reviews."""

    product_id: str
    question: str


def shop_tools(retriever: Any, catalogue: Any) -> list[BaseTool]:
    """Read-only tools over the catalogue and its reviews (for the LLM planner)."""
    from assistant.search.retrieval import QueryError
    from assistant.search.reviews import answer_about_reviews

    def search_products(query: str) -> dict[str, Any]:
        try:
            result = retriever.search(query, k=5)
        except QueryError as error:
            return {"ok": False, "error": {"code": "bad_query", "message": str(error)}}
        return {"ok": True, "products": [_product_data(hit.product) for hit in result.hits]}

    def product_details(product_id: str) -> dict[str, Any]:
        product = catalogue.products.get(product_id)
        if product is None:
            return {
                "ok": False,
                "error": {"code": "unknown_product", "message": f"no product {product_id!r}"},
            }
        return {
            "ok": True,
            **_product_data(product),
            "description": product.description,
            "attributes": product.attributes,
            "variants": [v.model_dump() for v in product.variants],
        }

    def review_summary(product_id: str, question: str) -> dict[str, Any]:
        if product_id not in catalogue.products:
            return {
                "ok": False,
                "error": {"code": "unknown_product", "message": f"no product {product_id!r}"},
            }
        return {
            "ok": True,
            **answer_about_reviews(retriever, catalogue, product_id, question).model_dump(),
        }

    specs: list[tuple[Callable[..., dict[str, Any]], type[BaseModel], str]] = [
        (search_products, SearchArgs, "Find products in the catalogue."),
        (product_details, ProductArgs, "Everything the catalogue says about one product."),
        (review_summary, ReviewArgs, "What the reviews of one product say about a question."),
    ]
    return [
        StructuredTool.from_function(
            func=function, name=function.__name__, description=description, args_schema=schema
        )
        for function, schema, description in specs
    ]


def _product_data(product: Any) -> dict[str, Any]:
    return {
        "id": product.id,
        "title": product.title,
        "price_minor": product.min_price_minor,
        "currency": product.currency,
        "rating": product.rating,
        "review_count": product.review_count,
        "in_stock": product.in_stock,
        "shipping_days": product.shipping_days,
    }
