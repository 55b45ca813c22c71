"""The tools planners call: plain typed functions whose schema comes from their signature and
one-line docstring.

Each tool takes a `ToolContext` (the shop's services, the one shopper it acts for and where
the request came from) and returns a typed result. The `@tool` decorator turns any refusal
(a `CommerceError`, a bad query, an unknown id) into a `ToolFailure` the planner reads as
data, never an exception that kills the turn. Confirming a checkout is deliberately not a
tool: only the shopper's own "yes" or the confirm button places an order.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, get_type_hints

from pydantic import BaseModel, Field, create_model

from assistant.catalogue.models import Catalogue
from assistant.catalogue.presenters import (
    ProductDetail,
    ProductSummary,
    product_detail,
    product_summary,
)
from assistant.commerce import (
    CartView,
    CheckoutSummary,
    CommerceError,
    CommerceService,
    OrderView,
    Origin,
    ReturnReceipt,
)
from assistant.conversation.answers.refusals import error_data
from assistant.search.retrieval import QueryError, Retriever
from assistant.search.reviews import ReviewAnswer, answer_about_reviews

ProductId = Annotated[str, Field(description="Product id from search results, e.g. P0012.")]
Options = Annotated[
    dict[str, str] | None,
    Field(description="Variant options the shopper named, e.g. {'colour': 'blue', 'size': 'M'}."),
]
VariantId = Annotated[str | None, Field(description="Exact variant id, if known.")]


@dataclass
class ToolContext:
    """What a tool may use: the shop's services, the shopper it acts for, and the origin."""

    commerce: CommerceService
    retriever: Retriever
    catalogue: Catalogue
    shopper_id: str
    origin: Origin


class ToolFailure(BaseModel):
    """A refused tool call, as data: a stable code and a message saying what to do."""

    code: str
    message: str
    details: dict[str, Any] = Field(default_factory=dict)

    @classmethod
    def of(cls, error: CommerceError) -> ToolFailure:
        """A commerce refusal in words, with its facts kept as details."""
        data = error_data(error)
        return cls(code=data.pop("code"), message=data.pop("message"), details=data)

    def as_data(self) -> dict[str, Any]:
        """What a planner reads: {"ok": false, "error": {code, message, ...}}."""
        return {"ok": False, "error": {"code": self.code, "message": self.message, **self.details}}


class ProductList(BaseModel):
    """Products found for a query, best first."""

    products: list[ProductSummary]


class OrderHistory(BaseModel):
    """The shopper's orders, newest first."""

    orders: list[OrderView]


ToolFunction = Callable[..., BaseModel]


@dataclass(frozen=True)
class ToolSpec:
    """A tool as planners see it: name, one-line description, argument model, and whether it
    changes a cart or an order."""

    name: str
    description: str
    args_model: type[BaseModel]
    result_model: type[BaseModel]
    changes: bool
    function: Callable[..., BaseModel | ToolFailure]

    def run(self, context: ToolContext, args: dict[str, Any]) -> BaseModel | ToolFailure:
        """Validate the arguments and call the tool; bad arguments are a failure too."""
        try:
            parsed = self.args_model.model_validate(args)
        except ValueError as error:
            return ToolFailure(code="invalid_arguments", message=str(error).splitlines()[0])
        return self.function(context, **parsed.model_dump(exclude_unset=True))


REGISTRY: dict[str, ToolSpec] = {}


def _args_model(function: ToolFunction) -> type[BaseModel]:
    """A pydantic model of the function's parameters after the context."""
    hints = get_type_hints(function, include_extras=True)
    fields: dict[str, Any] = {}
    for name, parameter in list(inspect.signature(function).parameters.items())[1:]:
        default = ... if parameter.default is inspect.Parameter.empty else parameter.default
        fields[name] = (hints[name], default)
    return create_model(f"{function.__name__}_args", **fields)


def tool(changes: bool = False) -> Callable[[ToolFunction], ToolFunction]:
    """Register a tool; its refusals come back as `ToolFailure` data."""

    def register(function: ToolFunction) -> ToolFunction:
        @functools.wraps(function)
        def guarded(context: ToolContext, **args: Any) -> BaseModel | ToolFailure:
            try:
                return function(context, **args)
            except CommerceError as error:
                return ToolFailure.of(error)
            except QueryError as error:
                return ToolFailure(code="bad_query", message=str(error))
            except LookupError as error:
                return ToolFailure(code="unknown_id", message=str(error).strip("'\""))

        REGISTRY[function.__name__] = ToolSpec(
            name=function.__name__,
            description=(inspect.getdoc(function) or "").splitlines()[0],
            args_model=_args_model(function),
            result_model=get_type_hints(function)["return"],
            changes=changes,
            function=guarded,
        )
        return guarded

    return register


# ---- cart and orders --------------------------------------------------------------------------
@tool(changes=True)
def add_to_cart(
    context: ToolContext,
    product_id: ProductId,
    quantity: Annotated[int, Field(description="How many units, at least 1.")] = 1,
    variant_id: VariantId = None,
    options: Options = None,
) -> CartView:
    """Add a product (and variant) to the shopper's cart."""
    return context.commerce.add_item(
        context.shopper_id, product_id, quantity, variant_id, options, context.origin
    )


@tool(changes=True)
def update_cart_item(
    context: ToolContext,
    product_id: ProductId,
    quantity: Annotated[int, Field(description="The new quantity, at least 1.")],
    variant_id: VariantId = None,
    options: Options = None,
) -> CartView:
    """Change the quantity of a cart line."""
    return context.commerce.set_quantity(
        context.shopper_id, product_id, quantity, variant_id, options
    )


@tool(changes=True)
def change_variant(
    context: ToolContext,
    product_id: ProductId,
    options: Annotated[
        dict[str, str], Field(description="The new options, e.g. {'colour': 'black'}.")
    ],
    replacing: Annotated[
        dict[str, str] | None,
        Field(
            description="Options of the line to change when the product has several lines, "
            "e.g. {'size': 'small'}."
        ),
    ] = None,
) -> CartView:
    """Switch a cart line to another colour, size or version of the same product."""
    return context.commerce.change_variant(
        context.shopper_id, product_id, options, replacing=replacing
    )


@tool(changes=True)
def remove_from_cart(
    context: ToolContext,
    product_id: ProductId,
    quantity: Annotated[
        int | None, Field(description="Units to remove; omit to remove the line.")
    ] = None,
    variant_id: VariantId = None,
    options: Options = None,
) -> CartView:
    """Remove a product, or some units of it, from the cart."""
    return context.commerce.remove_item(
        context.shopper_id, product_id, quantity, variant_id, options
    )


@tool()
def view_cart(context: ToolContext) -> CartView:
    """Show the cart with its lines and total."""
    return context.commerce.get_cart(context.shopper_id)


@tool(changes=True)
def start_checkout(context: ToolContext) -> CheckoutSummary:
    """Re-check prices and stock and show the summary the shopper must confirm; this does not
    place the order."""
    return context.commerce.start_checkout(context.shopper_id)


@tool(changes=True)
def buy_now(
    context: ToolContext,
    product_id: ProductId,
    quantity: Annotated[int, Field(description="How many units, at least 1.")] = 1,
    variant_id: VariantId = None,
    options: Options = None,
) -> CheckoutSummary:
    """Check out one product on its own, apart from the cart (a Buy button); returns the
    summary the shopper must confirm and does not place the order."""
    return context.commerce.start_express_checkout(
        context.shopper_id, product_id, quantity, variant_id, options, context.origin
    )


@tool()
def order_status(
    context: ToolContext,
    order_id: Annotated[
        str | None, Field(description="Order id such as ORD-1A2B3C4D5E; omit for all orders.")
    ] = None,
) -> OrderHistory:
    """Status and tracking of an order, or the whole order history."""
    if order_id is None:
        return OrderHistory(orders=context.commerce.list_orders(context.shopper_id))
    return OrderHistory(orders=[context.commerce.order_status(context.shopper_id, order_id)])


@tool(changes=True)
def cancel_order(
    context: ToolContext, order_id: Annotated[str, Field(description="The order to cancel.")]
) -> OrderView:
    """Cancel an order that has not shipped yet."""
    return context.commerce.cancel_order(context.shopper_id, order_id)


@tool(changes=True)
def return_items(
    context: ToolContext,
    order_id: Annotated[str, Field(description="The delivered order.")],
    items: Annotated[
        dict[str, int] | None,
        Field(description="Variant id -> units to return; omit to return everything."),
    ] = None,
) -> ReturnReceipt:
    """Return delivered items within the return window."""
    return context.commerce.return_items(context.shopper_id, order_id, items)


# ---- catalogue and reviews --------------------------------------------------------------------
@tool()
def search_products(
    context: ToolContext,
    query: Annotated[str, Field(description="What the shopper wants, with any price or size.")],
) -> ProductList:
    """Find products in the catalogue."""
    result = context.retriever.search(query, k=5)
    return ProductList(products=[product_summary(hit.product) for hit in result.hits])


@tool()
def product_details(context: ToolContext, product_id: ProductId) -> ProductDetail:
    """Everything the catalogue says about one product."""
    return product_detail(context.catalogue.product(product_id))


@tool()
def review_summary(
    context: ToolContext,
    product_id: ProductId,
    question: Annotated[str, Field(description="What the shopper wants to know.")],
) -> ReviewAnswer:
    """What the reviews of one product say about a question, with counts and quotes."""
    context.catalogue.product(product_id)
    return answer_about_reviews(context.retriever, context.catalogue, product_id, question)


CART_TOOLS = (
    "add_to_cart",
    "update_cart_item",
    "change_variant",
    "remove_from_cart",
    "view_cart",
    "start_checkout",
    "buy_now",
    "order_status",
    "cancel_order",
    "return_items",
)
SHOP_TOOLS = ("search_products", "product_details", "review_summary")
