"""FastAPI routes of the HTTP contract: chat, products, and a plain page."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from importlib import resources
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, StreamingResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.catalogue.models import Product
from assistant.channels.http import views
from assistant.channels.http.guards import BodySizeLimit, RateLimiter
from assistant.channels.social.flows import SocialError, SocialHub
from assistant.channels.social.routes import social_router
from assistant.conversation.engine import Assistant
from assistant.conversation.reply import Channel, Reply
from assistant.search.filters import SearchFilters, UnknownFilterError
from assistant.search.retrieval import QueryError
from assistant.settings import Settings, get_settings

MAX_MESSAGE_CHARS = 4000
PRODUCT_QUERY_PARAMS = {"q", "limit", "offset"}


class ChatRequest(BaseModel):
    """POST /api/chat body; the session may instead come from X-Session-Id or the cookie."""

    session_id: str | None = Field(None, min_length=1, max_length=128)
    message: str = Field(max_length=MAX_MESSAGE_CHARS)
    channel: Channel = "web"


class ConfirmRequest(BaseModel):
    """POST /api/checkout/confirm body: the button press that confirms one summary."""

    session_id: str = Field(min_length=1, max_length=128)
    checkout_id: str = Field(min_length=1, max_length=64)
    nonce: str = Field(min_length=1, max_length=128, description="Unique per button press.")


def error_response(status: int, code: str, message: str) -> JSONResponse:
    """The contract's error shape: {"error": {"code", "message"}}."""
    return JSONResponse(status_code=status, content={"error": {"code": code, "message": message}})


def product_json(product: Product) -> dict[str, Any]:
    """A product as the HTTP contract shows it."""
    return {
        "id": product.id,
        "title": product.title,
        "brand": product.brand,
        "category": product.category,
        "description": product.description,
        "attributes": product.attributes,
        "rating": product.rating,
        "review_count": product.review_count,
        "variants": [variant.model_dump() for variant in product.variants],
        "seller": product.seller.model_dump(),
        "shipping_days": product.shipping_days,
        "return_window_days": product.return_window_days,
        "in_stock": product.in_stock,
    }


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed", 429: "rate_limited"}.get(
            exc.status_code, "http_error"
        )
        response = error_response(exc.status_code, code, str(exc.detail))
        response.headers.update(exc.headers or {})
        return response

    @app.exception_handler(SocialError)
    async def social_error(_: Request, exc: SocialError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in error['loc'] if part != 'body')}: {error['msg']}"
            for error in exc.errors()
        )
        return error_response(422, "invalid_request", problems or "the request is malformed")


SESSION_COOKIE = "shopassist_session"
SESSION_HEADER = "x-session-id"
LOCALHOST_ORIGINS = r"^https?://(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$"


def session_of(request: Request, given: str | None) -> str:
    """The session: from the body, the X-Session-Id header or the cookie; else a new one."""
    session = given or request.headers.get(SESSION_HEADER) or request.cookies.get(SESSION_COOKIE)
    if session and 0 < len(session) <= 128:
        return session
    return f"web-{uuid.uuid4().hex}"


def _static(name: str) -> str:
    return resources.files("assistant.channels.http").joinpath("static", name).read_text("utf-8")


def sse(event: str, data: dict[str, Any]) -> str:
    """One server-sent event."""
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def create_app(bot: Assistant, settings: Settings | None = None, with_ui: bool = True) -> FastAPI:
    """The HTTP app over one Assistant, with the Gradio app mounted at `/`."""
    settings = settings or get_settings()
    app = FastAPI(
        title="ShopAssist",
        version="0.1.0",
        description="Conversational shopping assistant: chat, catalogue and orders.",
    )
    _install_error_handlers(app)
    limiter = RateLimiter(settings.rate_limit_per_minute)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.allowed_origins,
        allow_origin_regex=None if settings.allowed_origins else LOCALHOST_ORIGINS,
        allow_methods=["GET", "POST"],
        allow_headers=["content-type", SESSION_HEADER],
        allow_credentials=True,
    )
    app.add_middleware(BodySizeLimit, limit=settings.max_body_bytes)
    hub = SocialHub(bot)
    app.include_router(social_router(hub, limiter))
    catalogue = bot.services.catalogue
    retriever = bot.services.retriever

    frame_ancestors = " ".join(
        ["'self'", *settings.allowed_origins]
        if settings.allowed_origins
        else ["'self'", "http://localhost:*", "http://127.0.0.1:*"]
    )

    @app.get("/widget.js", include_in_schema=False)
    def widget_script() -> Response:
        script = _static("widget.js")
        return Response(
            script, media_type="application/javascript", headers={"Cache-Control": "max-age=300"}
        )

    @app.get("/widget", response_class=HTMLResponse, include_in_schema=False)
    def widget_page() -> HTMLResponse:
        page = _static("widget.html")
        # Only allowed shops may frame the chat (clickjacking guard).
        return HTMLResponse(
            page, headers={"Content-Security-Policy": f"frame-ancestors {frame_ancestors}"}
        )

    @app.post("/api/chat", response_model=Reply)
    def chat(body: ChatRequest, request: Request, response: Response) -> Reply:
        """One chat turn."""
        session = session_of(request, body.session_id)
        limiter.check(session)
        response.set_cookie(SESSION_COOKIE, session, httponly=True, samesite="lax")
        return bot.chat(session, body.message, channel=body.channel)

    @app.post("/api/chat/stream")
    def chat_stream(body: ChatRequest, request: Request) -> StreamingResponse:
        """One chat turn as server-sent events: `delta` text pieces, then the `reply`."""
        session = session_of(request, body.session_id)
        limiter.check(session)

        def events() -> Iterator[str]:
            for event in bot.stream(session, body.message, channel=body.channel):
                if event.type == "delta":
                    yield sse("delta", {"text": event.text})
                else:
                    yield sse("reply", event.reply.model_dump(mode="json"))

        stream = StreamingResponse(
            events(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"}
        )
        stream.set_cookie(SESSION_COOKIE, session, httponly=True, samesite="lax")
        return stream

    @app.get("/api/products")
    def list_products(
        request: Request,
        q: Annotated[str, Query(max_length=2000)] = "",
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> dict[str, Any]:
        """Search or list products; any SearchFilters field is a query parameter."""
        extra = {
            key: value
            for key, value in request.query_params.items()
            if key not in PRODUCT_QUERY_PARAMS
        }
        try:
            filters = SearchFilters.from_params(extra)
            result = retriever.search(q, filters=filters, k=limit, offset=offset)
        except (UnknownFilterError, QueryError) as exc:
            return error_response(422, "invalid_request", str(exc))
        return {
            "products": [product_json(hit.product) for hit in result.hits],
            "total": result.total,
            "filters": result.filters.model_dump(exclude_defaults=True),
        }

    @app.get("/api/products/{product_id}")
    def get_product(product_id: str) -> dict[str, Any]:
        """One product with its variants."""
        if product_id not in catalogue.products:
            raise HTTPException(
                404, f"unknown product {product_id!r}; find ids with GET /api/products?q=..."
            )
        return product_json(catalogue.products[product_id])

    @app.get("/api/products/{product_id}/image.svg", include_in_schema=False)
    def product_image(product_id: str) -> Response:
        """The product's generated picture."""
        if product_id not in catalogue.products:
            raise HTTPException(404, f"unknown product {product_id!r}")
        return Response(
            views.product_image_svg(catalogue.products[product_id]),
            media_type="image/svg+xml",
            headers={"Cache-Control": "max-age=3600"},
        )

    @app.get("/cite/{cited_id}", response_class=HTMLResponse, include_in_schema=False)
    def citation(cited_id: str) -> HTMLResponse:
        """What a citation opens: the cited review, quoted, or the cited product."""
        if cited_id in catalogue.reviews:
            review = catalogue.reviews[cited_id]
            return HTMLResponse(
                views.review_page(review, catalogue.products.get(review.product_id))
            )
        if cited_id in catalogue.products:
            return HTMLResponse(views.product_page(catalogue.products[cited_id]))
        raise HTTPException(
            404, f"nothing is cited as {cited_id!r}; citations are product or review ids"
        )

    @app.get("/api/reviews/{review_id}")
    def get_review(review_id: str) -> dict[str, Any]:
        """One review, as cited in answers."""
        if review_id not in catalogue.reviews:
            raise HTTPException(404, f"unknown review {review_id!r}; answers cite review ids")
        return catalogue.reviews[review_id].model_dump(mode="json")

    @app.get("/api/cart")
    def get_cart(session_id: Annotated[str, Query(min_length=1, max_length=128)]) -> dict:
        """The session's cart: lines, totals and version."""
        shopper = bot.sessions.load(session_id).shopper_id
        return bot.commerce.get_cart(shopper).model_dump(mode="json")

    @app.get("/api/orders")
    def get_orders(session_id: Annotated[str, Query(min_length=1, max_length=128)]) -> dict:
        """The session's order history with status and tracking."""
        shopper = bot.sessions.load(session_id).shopper_id
        return {
            "orders": [order.model_dump(mode="json") for order in bot.commerce.list_orders(shopper)]
        }

    @app.post("/api/checkout/confirm", response_model=Reply)
    def confirm(request: ConfirmRequest) -> Reply:
        """The confirm button: the shopper's explicit yes to one checkout summary."""
        return bot.confirm(request.session_id, request.checkout_id, request.nonce)

    if with_ui:
        from assistant.channels.ui.blocks import (
            mount_ui,  # Gradio is heavy; API-only apps skip importing it,
        )

        mount_ui(app, bot, hub)
    return app
