"""HTTP routes of the social apps (contract: social HTTP API in DESIGN.md, and the README).

Two sides of one boundary:
- the simulated apps' own routes, which need the app user's token (`POST .../signin`, then
  `Authorization: Bearer <token>`): the user is the token's, never a body's `user`;
- the shop's webhook, `POST /api/social/{app}/events`, which accepts only events signed
  with the app's secret, fresh and never seen before.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from assistant.channels.http.dependencies import IdentityDep, SocialDep, limit_address
from assistant.channels.http.errors import ErrorBody
from assistant.channels.http.sessions import client_address
from assistant.channels.social.errors import SocialError
from assistant.channels.social.events import SIGNATURE_HEADER, TIMESTAMP_HEADER
from assistant.channels.social.platform import SimulatedApps
from assistant.channels.social.responses import AppResponse

router = APIRouter(prefix="/api/social", tags=["social"], dependencies=[Depends(limit_address)])
REFUSALS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": description}
    for status, description in {
        401: "No valid app token, or an unsigned, badly signed, stale or replayed event.",
        403: "A body names another user than the token's.",
        404: "Unknown app, post or user.",
        422: "The request does not fit the app.",
    }.items()
}
EVENT_SCHEMA = {
    "type": "object",
    "required": ["id", "app", "handle", "type"],
    "properties": {
        "id": {"type": "string"},
        "app": {"type": "string"},
        "handle": {"type": "string"},
        "type": {"type": "string", "enum": ["reply", "dm", "buy", "consent"]},
        "post_id": {"type": "string"},
        "text": {"type": "string"},
        "agree": {"type": "boolean"},
    },
}


def get_apps(request: Request) -> SimulatedApps:
    """The simulated apps' sign-in and signed delivery."""
    return request.app.state.services.apps


AppsDep = Annotated[SimulatedApps, Depends(get_apps)]


def app_user(app: str, request: Request, apps: AppsDep, identity: IdentityDep) -> str:
    """The handle of the app user whose token this request carries (401 without one)."""
    authorization = request.headers.get("authorization", "")
    token = authorization[7:].strip() if authorization[:7].lower() == "bearer " else None
    handle = apps.user_of(app, token)
    identity.limits.hit("principal", f"social:{app}:{handle}")
    return handle


UserDep = Annotated[str, Depends(app_user)]


class _AsUser(BaseModel):
    user: str | None = Field(
        None,
        max_length=64,
        description="Ignored for identity (the token says who you are); if present it must "
        "be the token's own handle.",
    )

    def check(self, handle: str) -> None:
        """Refuse a body that names someone else."""
        if self.user is not None and self.user != handle:
            raise SocialError(
                403,
                "not_your_handle",
                "you act as the user your token was issued to; leave `user` out of the body",
            )


class ReplyRequest(_AsUser):
    """A public reply under a post."""

    text: str = Field(max_length=20_000)


class DirectMessage(_AsUser):
    """A DM to the shop."""

    text: str = Field(max_length=20_000)


class BuyRequest(_AsUser):
    """A tap on Buy."""


class ConsentAnswer(_AsUser):
    """The answer to the shop's request to link the handle to a shop account."""

    agree: bool


class SignInRequest(BaseModel):
    """One-click sign-in to a simulated app (demo)."""

    user: str = Field(min_length=1, max_length=64)


class AppToken(BaseModel):
    """The app's token for one of its users."""

    app: str
    user: str
    token: str = Field(description="Send as `Authorization: Bearer <token>` to the app's routes.")


class Thread(BaseModel):
    """The signed-in user's DMs with the shop in one app, oldest first."""

    app: str
    user: str
    messages: list[dict[str, str]]


@router.get("/apps")
def apps_list(hub: SocialDep) -> dict[str, Any]:
    """The simulated apps and their features."""
    return {"apps": hub.apps()}


@router.get("/{app}/feed", responses=REFUSALS)
def feed(app: str, hub: SocialDep) -> dict[str, Any]:
    """An app's feed with product cards and buttons."""
    return hub.feed(app)


@router.post("/{app}/signin", response_model=AppToken, responses=REFUSALS)
def sign_in(
    app: str, body: SignInRequest, request: Request, apps: AppsDep, identity: IdentityDep
) -> AppToken:
    """Sign in to a simulated app as one of its users (one click, demo only): the app's token."""
    identity.limits.hit("sign_in", f"address:{client_address(request)}")
    return AppToken(app=app, user=body.user, token=apps.sign_in(app, body.user))


@router.get("/{app}/me", responses=REFUSALS)
def me(app: str, user: UserDep) -> dict[str, str]:
    """Who the token belongs to."""
    return {"app": app, "user": user}


@router.get("/{app}/thread", response_model=Thread, responses=REFUSALS)
def thread(app: str, user: UserDep, hub: SocialDep) -> Thread:
    """The signed-in user's DM thread with the shop."""
    return Thread(app=app, user=user, messages=hub.thread(app, user))


@router.post("/{app}/signout", responses=REFUSALS)
def sign_out(app: str, request: Request, user: UserDep, apps: AppsDep) -> dict[str, str]:
    """End this app token."""
    apps.sign_out(request.headers["authorization"][7:].strip())
    return {"app": app, "user": user, "signed_out": "yes"}


@router.post("/{app}/posts/{post_id}/replies", response_model=AppResponse, responses=REFUSALS)
def reply(app: str, post_id: str, body: ReplyRequest, user: UserDep, apps: AppsDep) -> AppResponse:
    """Reply under a post: #cart, #wishlist or a question."""
    body.check(user)
    return apps.reply(app, user, post_id, body.text)


@router.post("/{app}/dm", response_model=AppResponse, responses=REFUSALS)
def dm(app: str, body: DirectMessage, user: UserDep, apps: AppsDep) -> AppResponse:
    """Message the shop's assistant."""
    body.check(user)
    return apps.dm(app, user, body.text)


@router.post("/{app}/posts/{post_id}/buy", response_model=AppResponse, responses=REFUSALS)
def buy(
    app: str, post_id: str, user: UserDep, apps: AppsDep, body: BuyRequest | None = None
) -> AppResponse:
    """Tap Buy under a post."""
    if body is not None:
        body.check(user)
    return apps.buy(app, user, post_id)


@router.post("/{app}/consent", response_model=AppResponse, responses=REFUSALS)
def consent(app: str, body: ConsentAnswer, user: UserDep, apps: AppsDep) -> AppResponse:
    """Answer the shop's request to link this handle (the same as DMing «link» or «no»)."""
    body.check(user)
    return apps.consent(app, user, body.agree)


@router.post(
    "/{app}/events",
    response_model=AppResponse,
    responses=REFUSALS,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": EVENT_SCHEMA}},
        },
        "parameters": [
            {"name": SIGNATURE_HEADER, "in": "header", "schema": {"type": "string"}},
            {"name": TIMESTAMP_HEADER, "in": "header", "schema": {"type": "string"}},
        ],
    },
)
async def events(app: str, request: Request, apps: AppsDep, identity: IdentityDep) -> AppResponse:
    """The shop's webhook: a platform's signed event (HMAC-SHA256 over the raw body with the
    app's secret, a timestamp inside the replay window, an id never seen before)."""
    body = await request.body()
    event = await run_in_threadpool(apps.webhook.verify, app, body, dict(request.headers))
    identity.limits.hit("principal", f"social:{app}:{event.handle}")
    return await run_in_threadpool(apps.webhook.dispatch, event)
