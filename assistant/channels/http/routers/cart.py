"""The caller's cart and orders, and the confirm button of a checkout summary.

Each reads the caller's own session (header or cookie, never the URL); the confirm button
needs the token the summary came with, which only the session that opened it holds.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, Field

from assistant.channels.http.dependencies import (
    AssistantDep,
    IdentityDep,
    SettingsDep,
    limit_address,
)
from assistant.channels.http.errors import ApiError, ErrorBody
from assistant.channels.http.replies import ChatReply, http_reply
from assistant.channels.http.sessions import caller_of, remember_session, require_caller
from assistant.commerce import CartView, OrderView
from assistant.commerce.pricing import compute_totals

router = APIRouter(tags=["cart"], dependencies=[Depends(limit_address)])
REFUSALS = {
    status: {"model": ErrorBody, "description": description}
    for status, description in {
        401: "No session, or one the server never issued.",
        403: "The confirm token is not this session's.",
        404: "No such checkout.",
        409: "The checkout belongs to another shopper.",
    }.items()
}


class ConfirmRequest(BaseModel):
    """POST /api/checkout/confirm body: the button press that confirms one summary."""

    session_id: str | None = Field(
        None, min_length=1, max_length=128, description="Or the X-Session-Id header, or cookie."
    )
    checkout_id: str = Field(min_length=1, max_length=64)
    nonce: str = Field(
        min_length=1,
        max_length=128,
        description="The summary's `pending_checkout.nonce`: valid only with this session.",
    )


class OrderHistory(BaseModel):
    """The session's orders with status and tracking."""

    orders: list[OrderView]


@router.get("/api/cart", response_model=CartView, responses=REFUSALS)
def get_cart(
    request: Request,
    response: Response,
    bot: AssistantDep,
    identity: IdentityDep,
    settings: SettingsDep,
) -> CartView:
    """The caller's cart: lines, totals and version (a new session's is empty)."""
    caller = caller_of(request, identity)
    assert caller is not None
    if caller.new:  # nothing can be in it yet: no cart row is made for a look
        remember_session(response, caller.secret, settings)
        totals = compute_totals([], "USD", bot.commerce.rules)
        return CartView(shopper_id=caller.session.shopper_id, version=0, lines=[], totals=totals)
    return bot.commerce.get_cart(caller.session.shopper_id)


@router.get("/api/orders", response_model=OrderHistory, responses=REFUSALS)
def get_orders(
    request: Request,
    response: Response,
    bot: AssistantDep,
    identity: IdentityDep,
    settings: SettingsDep,
) -> OrderHistory:
    """The caller's order history with status and tracking."""
    caller = caller_of(request, identity)
    assert caller is not None
    if caller.new:
        remember_session(response, caller.secret, settings)
        return OrderHistory(orders=[])
    return OrderHistory(orders=bot.commerce.list_orders(caller.session.shopper_id))


@router.post("/api/checkout/confirm", response_model=ChatReply, responses=REFUSALS)
def confirm(
    body: ConfirmRequest, request: Request, bot: AssistantDep, identity: IdentityDep
) -> ChatReply:
    """The confirm button: the shopper's explicit yes to one summary their session opened."""
    caller = require_caller(request, identity, body.session_id)
    session = caller.session
    owner = bot.commerce.checkout_owner(body.checkout_id)
    if owner is None:
        raise ApiError(
            404, "unknown_checkout", "no such checkout; say «checkout» to get a summary to confirm"
        )
    if owner != session.shopper_id:
        raise ApiError(
            409,
            "foreign_checkout",
            "that checkout is not yours; confirm the summary your own session shows",
        )
    if not session.nonce_matches(body.checkout_id, body.nonce):
        raise ApiError(
            403,
            "invalid_nonce",
            "this confirm token was not issued to this session for this checkout; use the "
            "nonce of the summary your session was shown",
        )
    reply = bot.confirm(
        session.conversation_id, body.checkout_id, body.nonce, shopper_id=session.shopper_id
    )
    return http_reply(reply, caller)
