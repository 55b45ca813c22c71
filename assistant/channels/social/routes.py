"""HTTP routes of the social apps (contract: social HTTP API in DESIGN.md)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from assistant.channels.http.dependencies import LimiterDep, SocialDep
from assistant.channels.social.responses import AppResponse

router = APIRouter(prefix="/api/social", tags=["social"])


class ReplyRequest(BaseModel):
    """A public reply under a post."""

    user: str = Field(min_length=1, max_length=64)
    text: str = Field(max_length=20_000)


class DirectMessage(BaseModel):
    """A DM to the shop."""

    user: str = Field(min_length=1, max_length=64)
    text: str = Field(max_length=20_000)


class BuyRequest(BaseModel):
    """A tap on Buy."""

    user: str = Field(min_length=1, max_length=64)


@router.get("/apps")
def apps(hub: SocialDep) -> dict[str, Any]:
    """The simulated apps and their features."""
    return {"apps": hub.apps()}


@router.get("/{app}/feed")
def feed(app: str, hub: SocialDep) -> dict[str, Any]:
    """An app's feed with product cards and buttons."""
    return hub.feed(app)


# Each app handle is rate-limited like a session.
@router.post("/{app}/posts/{post_id}/replies", response_model=AppResponse)
def reply(
    app: str, post_id: str, request: ReplyRequest, hub: SocialDep, limiter: LimiterDep
) -> AppResponse:
    """Reply under a post: #cart, #wishlist or a question."""
    limiter.check(f"social:{app}:{request.user}")
    return hub.reply(app, post_id, request.user, request.text)


@router.post("/{app}/dm", response_model=AppResponse)
def dm(app: str, request: DirectMessage, hub: SocialDep, limiter: LimiterDep) -> AppResponse:
    """Message the shop's assistant."""
    limiter.check(f"social:{app}:{request.user}")
    return hub.dm(app, request.user, request.text)


@router.post("/{app}/posts/{post_id}/buy", response_model=AppResponse)
def buy(
    app: str, post_id: str, request: BuyRequest, hub: SocialDep, limiter: LimiterDep
) -> AppResponse:
    """Tap Buy under a post."""
    limiter.check(f"social:{app}:{request.user}")
    return hub.buy(app, post_id, request.user)
