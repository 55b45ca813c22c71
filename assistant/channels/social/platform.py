"""The simulated apps as platforms: their users sign in to the app, which issues its own
token, and the app delivers what they do to the shop as signed events.

The app's routes (what the Gradio app, tests and the evaluation call) take the user from
the token, never from a request body; the event is signed with the app's secret and goes
through the same verification as an event arriving over HTTP.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from collections.abc import Mapping

from assistant.channels.social.apps import app_spec
from assistant.channels.social.content import SocialContent
from assistant.channels.social.errors import SocialError
from assistant.channels.social.events import (
    BuyEvent,
    ConsentEvent,
    MessageEvent,
    ReplyEvent,
    new_event_id,
    signed,
)
from assistant.channels.social.platform_repository import PlatformRepository
from assistant.channels.social.responses import AppResponse
from assistant.channels.social.webhook import ShopWebhook
from assistant.clock import Clock, utcnow

TOKEN_SHAPE = re.compile(r"^app_[A-Za-z0-9_-]{40,60}$")
SignedEvent = ReplyEvent | MessageEvent | BuyEvent | ConsentEvent


def _key(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def sign_in_required(app: str) -> SocialError:
    """The 401 for an app route called without a valid token of that app."""
    return SocialError(
        401,
        "app_sign_in_required",
        f"sign in to {app} first (POST /api/social/{app}/signin) and send the token it gives "
        "as `Authorization: Bearer <token>`",
    )


class SimulatedApps:
    """Sign-in, tokens and signed delivery for the four simulated apps."""

    def __init__(
        self,
        webhook: ShopWebhook,
        secrets_by_app: Mapping[str, str],
        content: SocialContent,
        repository: PlatformRepository,
        idle: dt.timedelta,
        demo: bool,
        clock: Clock = utcnow,
    ) -> None:
        self.webhook = webhook
        self.secrets = dict(secrets_by_app)
        self.content = content
        self.repository = repository
        self.idle = idle
        self.demo = demo
        self.clock = clock

    # ---- the app's own sign-in ----------------------------------------------------------------
    def sign_in(self, app: str, handle: str) -> str:
        """One-click sign-in of one of the app's users (a demo convenience); the app's token."""
        spec = app_spec(app)
        if not self.demo:
            raise SocialError(
                403,
                "demo_only",
                f"one-click sign-in to the simulated {spec.title} is a demo feature "
                "(DEMO_MODE=1); a real platform delivers signed events to "
                f"POST /api/social/{app}/events",
            )
        if handle not in self.content.shoppers:
            raise SocialError(404, "unknown_user", f"{spec.title} has no user with that handle")
        return self.issue_token(app, handle)

    def issue_token(self, app: str, handle: str) -> str:
        """A token for a user the app has authenticated by its own means."""
        self.repository.delete_idle_tokens(self.clock() - self.idle)
        token = "app_" + secrets.token_urlsafe(32)
        self.repository.insert_token(_key(token), app, handle, self.clock())
        return token

    def user_of(self, app: str, token: str | None) -> str:
        """The handle a token of this app was issued to; 401 otherwise."""
        app_spec(app)
        row = self.repository.token(_key(token)) if token and TOKEN_SHAPE.match(token) else None
        now = self.clock()
        if row is None or row["app"] != app or now - row["last_seen_at"] > self.idle:
            raise sign_in_required(app)
        if now - row["last_seen_at"] > dt.timedelta(minutes=1):
            self.repository.touch_token(row["key"], now)
        return row["handle"]

    def sign_out(self, token: str) -> None:
        """End a token."""
        self.repository.delete_token(_key(token))

    # ---- what a signed-in user does, delivered as a signed event ------------------------------
    def reply(self, app: str, handle: str, post_id: str, text: str) -> AppResponse:
        """The user replied under a post."""
        event = ReplyEvent(id=new_event_id(), app=app, handle=handle, post_id=post_id, text=text)
        return self.deliver(event)

    def dm(self, app: str, handle: str, text: str) -> AppResponse:
        """The user sent the shop a DM."""
        return self.deliver(MessageEvent(id=new_event_id(), app=app, handle=handle, text=text))

    def buy(self, app: str, handle: str, post_id: str) -> AppResponse:
        """The user tapped Buy."""
        return self.deliver(BuyEvent(id=new_event_id(), app=app, handle=handle, post_id=post_id))

    def consent(self, app: str, handle: str, agree: bool) -> AppResponse:
        """The user answered the link request with a button."""
        return self.deliver(ConsentEvent(id=new_event_id(), app=app, handle=handle, agree=agree))

    def deliver(self, event: SignedEvent) -> AppResponse:
        """Sign the event with the app's secret and hand it to the shop's webhook."""
        body, headers = signed(self.secrets.get(event.app, ""), event)  # unknown app: 404
        return self.webhook.receive(event.app, body, headers)
