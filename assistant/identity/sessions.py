"""Server-issued sessions: unguessable secrets, idle expiry, sweeping, confirm tokens.

A session's secret (256 bits from `secrets`) is handed to the client once, at issue; the
store keeps only its SHA-256 (the session's `key`). Every channel that needs a session
(HTTP, the widget, the Gradio app, MCP, ACP) calls `issue`, `resolve` and `revoke` here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from assistant.clock import Clock, utcnow
from assistant.identity.errors import unknown_session
from assistant.identity.repository import IdentityRepository

SECRET_BYTES = 32  # 256 bits; the issue asks for at least 128
SECRET_SHAPE = re.compile(r"^sa_[A-Za-z0-9_-]{40,60}$")
SWEEP_EVERY = dt.timedelta(minutes=1)


@dataclass(frozen=True)
class WebSession:
    """A live session: who it shops for and the keys derived from it (never the secret)."""

    key: str  # SHA-256 of the secret, hex
    shopper_id: str  # the cart and orders it reads: a guest's own, or its account's
    account_id: str | None  # None for a guest
    channel: str
    csrf_secret: str
    created_at: dt.datetime
    last_seen_at: dt.datetime

    @property
    def conversation_id(self) -> str:
        """The session id the Assistant keeps this session's dialogue under."""
        return f"ws-{self.key}"

    @property
    def is_guest(self) -> bool:
        """Not signed in to an account."""
        return self.account_id is None

    def confirm_nonce(self, checkout_id: str) -> str:
        """The confirm button's token for one checkout: valid only with this session."""
        digest = hmac.new(self.csrf_secret.encode(), checkout_id.encode(), hashlib.sha256)
        return digest.hexdigest()

    def nonce_matches(self, checkout_id: str, nonce: str) -> bool:
        """Whether a confirm token is this session's token for this checkout."""
        return hmac.compare_digest(self.confirm_nonce(checkout_id), nonce)


@dataclass(frozen=True)
class IssuedSession:
    """A session just issued: the secret to hand to the client, once, and the session."""

    secret: str
    session: WebSession


def session_key(secret: str) -> str:
    """The stored key of a session secret."""
    return hashlib.sha256(secret.encode()).hexdigest()


def guest_shopper(key: str) -> str:
    """The shopper id of a guest session's own cart."""
    return f"guest-{key[:32]}"


class SessionService:
    """Issues, resolves, revokes and sweeps sessions (a small typed API for every channel)."""

    def __init__(
        self,
        repository: IdentityRepository,
        idle: dt.timedelta,
        clock: Clock = utcnow,
        on_forget: Callable[[list[str]], None] | None = None,
    ) -> None:
        self.repository = repository
        self.idle = idle
        self.clock = clock
        self.on_forget = on_forget  # told the conversation ids of sessions that are gone
        self._touch_every = min(dt.timedelta(minutes=1), idle / 10)
        self._last_sweep = dt.datetime.min
        self._sweep_lock = threading.Lock()

    def issue(
        self, channel: str = "web", account_id: str | None = None, shopper_id: str | None = None
    ) -> IssuedSession:
        """A new session; a guest unless an account (and its shopper id) is given."""
        self.sweep_now_and_then()
        secret = "sa_" + secrets.token_urlsafe(SECRET_BYTES)
        key, now = session_key(secret), self.clock()
        values = {
            "key": key,
            "shopper_id": shopper_id or guest_shopper(key),
            "account_id": account_id,
            "channel": channel[:16],
            "csrf_secret": secrets.token_hex(32),
            "created_at": now,
            "last_seen_at": now,
        }
        self.repository.insert_session(values)
        return IssuedSession(secret, WebSession(**values))

    def resolve(self, secret: str) -> WebSession:
        """The live session a client presented, or 401 `unknown_session` (also once it has
        been idle too long)."""
        if not SECRET_SHAPE.match(secret or ""):
            raise unknown_session()
        key = session_key(secret)
        row = self.repository.session(key)
        if row is None:
            raise unknown_session()
        now = self.clock()
        if now - row["last_seen_at"] > self.idle:
            self._forget([key])
            raise unknown_session(expired=True)
        if now - row["last_seen_at"] > self._touch_every:  # not a write on every request
            self.repository.touch_session(key, now)
            row["last_seen_at"] = now
        return WebSession(**row)

    def revoke(self, session: WebSession) -> None:
        """End a session (sign-out, or replaced at sign-in)."""
        self._forget([session.key])

    def expires_at(self, session: WebSession) -> dt.datetime:
        """When the session expires unless it is used again."""
        return session.last_seen_at + self.idle

    def sweep(self) -> int:
        """Forget every session idle past the limit; how many."""
        keys = self.repository.delete_idle_sessions(self.clock() - self.idle)
        self._told(keys)
        return len(keys)

    def sweep_now_and_then(self) -> None:
        """Sweep at most once a minute (called as sessions are issued)."""
        now = self.clock()
        with self._sweep_lock:
            if now - self._last_sweep < SWEEP_EVERY:
                return
            self._last_sweep = now
        self.sweep()

    def _forget(self, keys: Iterable[str]) -> None:
        gone = [key for key in keys if self.repository.delete_session(key)]
        self._told(gone)

    def _told(self, keys: list[str]) -> None:
        if keys and self.on_forget is not None:
            self.on_forget([f"ws-{key}" for key in keys])
