"""The shop's side of the platform boundary: only verified events reach the SocialHub.

An event is accepted when its app's signature over the raw body is right, its timestamp is
inside the replay window and its id was never seen; then the handle is taken from it. An
unsigned, badly signed, stale or replayed event gets 401 and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hmac
import logging
import secrets
import time
from collections.abc import Mapping

from pydantic import ValidationError

from assistant.channels.social.apps import APPS, app_spec
from assistant.channels.social.errors import SocialError
from assistant.channels.social.events import (
    EVENTS,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    BuyEvent,
    ConsentEvent,
    MessageEvent,
    PlatformEvent,
    ReplyEvent,
    signature,
)
from assistant.channels.social.hub import SocialHub
from assistant.channels.social.platform_repository import PlatformRepository
from assistant.channels.social.responses import AppResponse
from assistant.clock import Clock, utcnow

log = logging.getLogger(__name__)
SWEEP_EVERY = 200  # events between sweeps of old event ids


def app_secrets(configured: Mapping[str, str]) -> dict[str, str]:
    """Each app's signing secret: configured, or random for this process (logged)."""
    chosen = {}
    for app in APPS:
        if configured.get(app):
            chosen[app] = configured[app]
        else:
            chosen[app] = secrets.token_urlsafe(32)
            log.info("social app %s: no SOCIAL_APP_SECRETS entry, using a per-process secret", app)
    return chosen


def _refused(code: str, message: str) -> SocialError:
    return SocialError(401, code, message)


class ShopWebhook:
    """Verifies signed events and hands them to the SocialHub."""

    def __init__(
        self,
        hub: SocialHub,
        secrets_by_app: Mapping[str, str],
        repository: PlatformRepository,
        window_s: int = 300,
        clock: Clock = utcnow,
    ) -> None:
        self.hub = hub
        self.secrets = dict(secrets_by_app)
        self.repository = repository
        self.window_s = window_s
        self.clock = clock
        self._received = 0

    def verify(self, app: str, body: bytes, headers: Mapping[str, str]) -> PlatformEvent:
        """The event, if the app signed it now and never sent it before; else 401."""
        app_spec(app)
        given = {key.lower(): value for key, value in headers.items()}
        timestamp, sent = given.get(TIMESTAMP_HEADER), given.get(SIGNATURE_HEADER)
        if not timestamp or not sent:
            raise _refused(
                "unsigned_event",
                f"events must be signed: {SIGNATURE_HEADER} and {TIMESTAMP_HEADER} headers",
            )
        if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > self.window_s:
            raise _refused(
                "stale_event",
                f"the event's timestamp is outside the {self.window_s}-second window; "
                "send it with the current time",
            )
        if not hmac.compare_digest(signature(self.secrets[app], timestamp, body), sent):
            raise _refused("bad_signature", f"the signature does not match {app}'s secret")
        try:
            event = EVENTS.validate_json(body)
        except ValidationError as error:
            problem = error.errors()[0]
            where = ".".join(str(part) for part in problem["loc"])
            raise SocialError(
                422, "invalid_event", f"malformed event: {where}: {problem['msg']}"
            ) from None
        if event.app != app:
            raise SocialError(422, "invalid_event", f"an event of {event.app!r} sent to {app!r}")
        if not self.repository.first_sighting(app, event.id, self.clock()):
            raise _refused("replayed_event", f"event {event.id} was already received")
        self._sweep_now_and_then()
        return event

    def receive(self, app: str, body: bytes, headers: Mapping[str, str]) -> AppResponse:
        """Verify an event and carry it out for its verified handle."""
        return self.dispatch(self.verify(app, body, headers))

    def dispatch(self, event: PlatformEvent) -> AppResponse:
        """What a verified event does."""
        if isinstance(event, ReplyEvent):
            return self.hub.reply(event.app, event.post_id, event.handle, event.text)
        if isinstance(event, BuyEvent):
            return self.hub.buy(event.app, event.post_id, event.handle)
        if isinstance(event, ConsentEvent):
            return self.hub.dm(event.app, event.handle, "link" if event.agree else "no")
        assert isinstance(event, MessageEvent)
        return self.hub.dm(event.app, event.handle, event.text)

    def _sweep_now_and_then(self) -> None:
        self._received += 1
        if self._received % SWEEP_EVERY == 0:
            cutoff = self.clock() - dt.timedelta(seconds=2 * self.window_s)
            self.repository.forget_events_before(cutoff)
