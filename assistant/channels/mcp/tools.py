"""The MCP tools: thin adapters over the chat's tools, the one search and the commerce service.

Every cart and order tool runs the same registered tool the chat planners call
(`assistant.conversation.tools.REGISTRY`) for the shop session this MCP session was issued
(`McpSessions`); no tool takes a shopper, session or account argument. A refusal comes back
as an MCP tool error whose text starts with the refusal's code and says what to do instead.
No tool places an order: `start_checkout` asks the shopper (see `confirm.py`).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import anyio
from mcp.server.mcpserver import Context
from mcp.server.mcpserver.exceptions import ToolError
from pydantic import Field

from assistant.catalogue.presenters import ProductDetail, product_summary
from assistant.channels.mcp.confirm import ConfirmLinks, ask_shopper
from assistant.channels.mcp.models import (
    CheckoutOutcome,
    ComparedProduct,
    Comparison,
    EvidenceSentence,
    ReviewEvidence,
    SearchResults,
)
from assistant.channels.mcp.sessions import McpSessions, SessionRefused, SessionRequired
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
from assistant.conversation.answers.wording import review_answer
from assistant.conversation.safety import INJECTION
from assistant.conversation.tools import REGISTRY, OrderHistory, ToolContext, ToolFailure
from assistant.identity.sessions import WebSession
from assistant.search.filters import SearchFilters
from assistant.search.retrieval import QueryError, Retriever
from assistant.search.reviews import ReviewAnswer, TrustSignals, trust_signals

ProductId = Annotated[
    str, Field(min_length=1, max_length=64, description="A product id, e.g. P0001.")
]
Quantity = Annotated[int, Field(description="Units, 1 to 10.")]
VariantId = Annotated[
    str | None, Field(max_length=128, description="Exact variant id from get_product.")
]
Options = Annotated[
    dict[str, str] | None,
    Field(description="Variant options instead of a variant id, e.g. {'colour': 'blue'}."),
]
Result = TypeVar("Result")


def _failure_text(code: str, message: str, details: dict[str, Any] | None = None) -> str:
    """A refusal as the agent reads it: code, what to do instead, and the facts."""
    facts = f" {json.dumps(details, default=str)}" if details else ""
    return f"{code}: {message}{facts}"


def refusals(function: Callable[..., Result]) -> Callable[..., Result]:
    """Turn the shop's refusals into MCP tool errors that say what to do instead."""

    @functools.wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Result:
        try:
            result = function(*args, **kwargs)
        except CommerceError as error:
            data = error_data(error)
            raise ToolError(_failure_text(data.pop("code"), data.pop("message"), data)) from None
        except (QueryError, SessionRequired) as error:
            raise ToolError(_failure_text("bad_request", str(error))) from None
        except SessionRefused as error:  # expired, or past a limit
            raise ToolError(_failure_text(error.code, str(error))) from None
        except LookupError as error:
            raise ToolError(_failure_text("unknown_id", str(error).strip("'\""))) from None
        return result

    return guarded


class ShopTools:
    """The tools of one MCP server, over one shop."""

    def __init__(
        self,
        commerce: CommerceService,
        retriever: Retriever,
        sessions: McpSessions,
        links: ConfirmLinks,
    ) -> None:
        self.commerce = commerce
        self.retriever = retriever
        self.catalogue = commerce.catalogue
        self.sessions = sessions
        self.links = links

    def _run(self, name: str, shop: WebSession | None, **args: Any) -> Any:
        """Run one of the chat's registered tools for this shop session (None: a catalogue
        tool, which reads no shopper); its result model, or a tool error when it refused."""
        context = ToolContext(
            commerce=self.commerce,
            retriever=self.retriever,
            catalogue=self.catalogue,
            shopper_id=shop.shopper_id if shop is not None else "",
            origin=Origin(kind="mcp"),
        )
        result = REGISTRY[name].run(context, args)
        if isinstance(result, ToolFailure):
            raise ToolError(_failure_text(result.code, result.message, result.details))
        return result

    def _catalogue_run(self, name: str, **args: Any) -> Any:
        return self._run(name, None, **args)

    # ---- catalogue and reviews ----------------------------------------------------------------
    @refusals
    def search_products(
        self,
        query: Annotated[str, Field(max_length=2000, description="What the shopper wants.")],
        max_price_minor: Annotated[
            int | None, Field(ge=0, description="Highest price, cents.")
        ] = None,
        min_price_minor: Annotated[
            int | None, Field(ge=0, description="Lowest price, cents.")
        ] = None,
        colour: Annotated[str | None, Field(max_length=40)] = None,
        size: Annotated[str | None, Field(max_length=20)] = None,
        min_rating: Annotated[float | None, Field(ge=1, le=5)] = None,
        in_stock: bool = False,
        vetted_seller: bool = False,
        category: Annotated[str | None, Field(max_length=80)] = None,
        brand: Annotated[str | None, Field(max_length=80)] = None,
        not_colours: Annotated[
            list[Annotated[str, Field(max_length=40)]] | None,
            Field(max_length=10, description="Colours the shopper does not want."),
        ] = None,
        not_brands: Annotated[
            list[Annotated[str, Field(max_length=80)]] | None,
            Field(max_length=10, description="Brands the shopper does not want."),
        ] = None,
        not_words: Annotated[
            list[Annotated[str, Field(max_length=40)]] | None,
            Field(max_length=10, description="Materials or scents not wanted («leather»)."),
        ] = None,
        limit: Annotated[int, Field(ge=1, le=20)] = 5,
    ) -> SearchResults:
        """Search the catalogue by words and filters (price in cents, colour, size, seller, not)."""
        try:
            filters = SearchFilters(
                max_price_minor=max_price_minor,
                min_price_minor=min_price_minor,
                colour=colour,
                size=size,
                min_rating=min_rating,
                in_stock=in_stock,
                vetted_seller=vetted_seller,
                category=category,
                brand=brand,
                not_colours=not_colours or [],
                not_brands=not_brands or [],
                not_words=not_words or [],
            )
        except ValueError as error:
            raise QueryError(str(error).splitlines()[-1]) from None
        result = self.retriever.search(query, filters=filters, k=limit)
        return SearchResults(
            products=[product_summary(hit.product) for hit in result.hits],
            total=result.total,
            filters=result.filters.model_dump(exclude_defaults=True),
            warnings=result.warnings,
        )

    @refusals
    def get_product(self, product_id: ProductId) -> ProductDetail:
        """Everything the catalogue says about one product, with its variants and stock."""
        return self._catalogue_run("product_details", product_id=product_id)

    @refusals
    def ask_reviews(
        self,
        product_id: ProductId,
        question: Annotated[str, Field(min_length=1, max_length=500)],
    ) -> ReviewEvidence:
        """What reviews say about a question: cited sentences and counts, or that they don't say."""
        answer: ReviewAnswer = self._catalogue_run(
            "review_summary", product_id=product_id, question=question
        )
        product = self.catalogue.product(product_id)
        return ReviewEvidence(
            product_id=product_id,
            question=question,
            aspect=answer.aspect,
            answered=answer.supported,
            answer=review_answer(product, answer).splitlines()[0],
            mentions=answer.mentions,
            positive=answer.positive,
            negative=answer.negative,
            mixed=answer.mixed,
            review_count=answer.review_count,
            average_rating=answer.average_rating,
            evidence=[
                EvidenceSentence(
                    review_id=quote.review_id,
                    rating=quote.rating,
                    verified_purchase=quote.verified_purchase,
                    text=quote.text,
                    looks_like_instructions=bool(INJECTION.search(quote.text)),
                )
                for quote in (answer.quotes if answer.supported else [])
            ],
            trust=answer.trust,
        )

    @refusals
    def compare_products(
        self,
        product_ids: Annotated[list[str], Field(min_length=2, max_length=4)],
    ) -> Comparison:
        """Two to four products side by side: price, rating, stock, delivery and attributes."""
        products = [self.catalogue.product(pid) for pid in dict.fromkeys(product_ids)]
        names = list(dict.fromkeys(name for p in products for name in p.attributes))
        return Comparison(
            products=[
                ComparedProduct(
                    **product_summary(p).model_dump(exclude={"category", "seller_vetting"}),
                    return_window_days=p.return_window_days,
                    seller=p.seller.name,
                    seller_vetting=p.seller.vetting,
                )
                for p in products
            ],
            attributes={name: {p.id: p.attributes.get(name) for p in products} for name in names},
        )

    @refusals
    def trust_signals(self, product_id: ProductId) -> TrustSignals:
        """How far a product's reviews and seller can be trusted: verified share and red flags."""
        product = self.catalogue.product(product_id)
        return trust_signals(product, self.catalogue.reviews_of(product_id))

    # ---- cart ----------------------------------------------------------------------------------
    @refusals
    def get_cart(self, ctx: Context) -> CartView:
        """The shopper's cart in this session: lines, totals and version."""
        return self._run("view_cart", self.sessions.for_context(ctx))

    @refusals
    def add_to_cart(
        self,
        ctx: Context,
        product_id: ProductId,
        quantity: Quantity = 1,
        variant_id: VariantId = None,
        options: Options = None,
    ) -> CartView:
        """Add a product (one variant) to the cart; asks for the variant when it is unclear."""
        shop = self.sessions.for_context(ctx)
        args = {"product_id": product_id, "quantity": quantity, "variant_id": variant_id}
        return self._run("add_to_cart", shop, **args, options=options)

    @refusals
    def update_cart_line(
        self,
        ctx: Context,
        product_id: ProductId,
        quantity: Quantity,
        variant_id: VariantId = None,
        options: Options = None,
    ) -> CartView:
        """Set the quantity of a line already in the cart."""
        shop = self.sessions.for_context(ctx)
        args = {"product_id": product_id, "quantity": quantity, "variant_id": variant_id}
        return self._run("update_cart_item", shop, **args, options=options)

    @refusals
    def remove_from_cart(
        self,
        ctx: Context,
        product_id: ProductId,
        quantity: Annotated[
            int | None, Field(description="Units to remove; omit for the line.")
        ] = None,
        variant_id: VariantId = None,
        options: Options = None,
    ) -> CartView:
        """Remove a line, or some units of it, from the cart."""
        shop = self.sessions.for_context(ctx)
        args = {"product_id": product_id, "quantity": quantity, "variant_id": variant_id}
        return self._run("remove_from_cart", shop, **args, options=options)

    # ---- checkout and orders ---------------------------------------------------------------------
    async def start_checkout(self, ctx: Context) -> CheckoutOutcome:
        """Re-check prices and stock and show the shopper the summary; only they can confirm it."""
        shop = await anyio.to_thread.run_sync(self._session, ctx)  # the store is read
        summary = await anyio.to_thread.run_sync(self._summary, shop)
        try:
            return await ask_shopper(ctx, self.commerce, self.links, shop, summary)
        except CommerceError as error:  # e.g. the summary expired while the person read it
            data = error_data(error)
            raise ToolError(_failure_text(data.pop("code"), data.pop("message"), data)) from None

    @refusals
    def _session(self, ctx: Context) -> WebSession:
        """The shop session of this MCP session (refusals as tool errors)."""
        return self.sessions.for_context(ctx)

    @refusals
    def _summary(self, shop: WebSession) -> CheckoutSummary:
        return self._run("start_checkout", shop)

    @refusals
    def order_status(
        self,
        ctx: Context,
        order_id: Annotated[
            str | None, Field(max_length=64, description="Omit for all orders.")
        ] = None,
    ) -> OrderHistory:
        """Status, delivery estimate and tracking of one order, or of all this session's orders."""
        shop = self.sessions.for_context(ctx)
        return self._run("order_status", shop, order_id=order_id)

    @refusals
    def cancel_order(
        self, ctx: Context, order_id: Annotated[str, Field(min_length=1, max_length=64)]
    ) -> OrderView:
        """Cancel an order that has not shipped yet."""
        shop = self.sessions.for_context(ctx)
        return self._run("cancel_order", shop, order_id=order_id)

    @refusals
    def start_return(
        self,
        ctx: Context,
        order_id: Annotated[str, Field(min_length=1, max_length=64)],
        items: Annotated[
            dict[str, int] | None,
            Field(description="Variant id -> units to return; omit to return everything."),
        ] = None,
    ) -> ReturnReceipt:
        """Return delivered items of an order within their return window."""
        shop = self.sessions.for_context(ctx)
        return self._run("return_items", shop, order_id=order_id, items=items)

    def all(self) -> list[Callable[..., Any]]:
        """The tools, in the order agents see them."""
        return [
            self.search_products,
            self.get_product,
            self.ask_reviews,
            self.compare_products,
            self.trust_signals,
            self.get_cart,
            self.add_to_cart,
            self.update_cart_line,
            self.remove_from_cart,
            self.start_checkout,
            self.order_status,
            self.cancel_order,
            self.start_return,
        ]
