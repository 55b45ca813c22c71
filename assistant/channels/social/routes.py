"""HTTP routes of the social apps (contract: social HTTP API in DESIGN.md)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from assistant.channels.http.guards import RateLimiter
from assistant.channels.social.flows import AppResponse, SocialHub


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


def social_router(hub: SocialHub, limiter: RateLimiter | None = None) -> APIRouter:
    """The /api/social routes over one hub; each app handle is rate-limited like a session."""

    def limit(app: str, user: str) -> None:
        if limiter is not None:
            limiter.check(f"social:{app}:{user}")

    router = APIRouter(prefix="/api/social", tags=["social"])

    @router.get("/apps")
    def apps() -> dict[str, Any]:
        """The simulated apps and their features."""
        return {"apps": hub.apps()}

    @router.get("/{app}/feed")
    def feed(app: str) -> dict[str, Any]:
        """An app's feed with product cards and buttons."""
        return hub.feed(app)

    @router.post("/{app}/posts/{post_id}/replies", response_model=AppResponse)
    def reply(app: str, post_id: str, request: ReplyRequest) -> AppResponse:
        """Reply under a post: #cart, #wishlist or a question."""
        limit(app, request.user)
        return hub.reply(app, post_id, request.user, request.text)

    @router.post("/{app}/dm", response_model=AppResponse)
    def dm(app: str, request: DirectMessage) -> AppResponse:
        """Message the shop's assistant."""
        limit(app, request.user)
        return hub.dm(app, request.user, request.text)

    @router.post("/{app}/posts/{post_id}/buy", response_model=AppResponse)
    def buy(app: str, post_id: str, request: BuyRequest) -> AppResponse:
        """Tap Buy under a post."""
        limit(app, request.user)
        return hub.buy(app, post_id, request.user)

    return router
