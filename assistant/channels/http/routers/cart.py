"""The session's cart and orders, and the confirm button of a checkout summary."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from assistant.channels.http.dependencies import AssistantDep
from assistant.commerce import CartView, OrderView
from assistant.conversation.reply import Reply

router = APIRouter(tags=["cart"])
SessionQuery = Annotated[str, Query(min_length=1, max_length=128)]


class ConfirmRequest(BaseModel):
    """POST /api/checkout/confirm body: the button press that confirms one summary."""

    session_id: str = Field(min_length=1, max_length=128)
    checkout_id: str = Field(min_length=1, max_length=64)
    nonce: str = Field(min_length=1, max_length=128, description="Unique per button press.")


class OrderHistory(BaseModel):
    """The session's orders with status and tracking."""

    orders: list[OrderView]


@router.get("/api/cart", response_model=CartView)
def get_cart(session_id: SessionQuery, bot: AssistantDep) -> CartView:
    """The session's cart: lines, totals and version."""
    shopper = bot.sessions.load(session_id).shopper_id
    return bot.commerce.get_cart(shopper)


@router.get("/api/orders", response_model=OrderHistory)
def get_orders(session_id: SessionQuery, bot: AssistantDep) -> OrderHistory:
    """The session's order history with status and tracking."""
    shopper = bot.sessions.load(session_id).shopper_id
    return OrderHistory(orders=bot.commerce.list_orders(shopper))


@router.post("/api/checkout/confirm", response_model=Reply)
def confirm(request: ConfirmRequest, bot: AssistantDep) -> Reply:
    """The confirm button: the shopper's explicit yes to one checkout summary."""
    return bot.confirm(request.session_id, request.checkout_id, request.nonce)
