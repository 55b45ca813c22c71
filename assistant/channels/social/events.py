"""Signed platform events: what an app delivers to the shop, and how it is signed.

An app signs each event with its own secret: `X-Platform-Signature: v1=<hex>` is
HMAC-SHA256 over `"{timestamp}." + raw body`, with the time in `X-Platform-Timestamp`
(seconds since the epoch), as messaging and payment platforms sign their webhooks.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from typing import Annotated, Literal

from pydantic import BaseModel, Field, TypeAdapter

SIGNATURE_HEADER = "x-platform-signature"
TIMESTAMP_HEADER = "x-platform-timestamp"
HANDLE = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")
EVENT_ID = Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")


class _Event(BaseModel):
    id: str = EVENT_ID
    app: str = Field(min_length=1, max_length=32)
    handle: str = HANDLE


class ReplyEvent(_Event):
    """A user replied under a post."""

    type: Literal["reply"] = "reply"
    post_id: str = Field(min_length=1, max_length=64)
    text: str = Field(max_length=20_000)


class MessageEvent(_Event):
    """A user sent the shop a DM."""

    type: Literal["dm"] = "dm"
    text: str = Field(max_length=20_000)


class BuyEvent(_Event):
    """A user tapped Buy under a post."""

    type: Literal["buy"] = "buy"
    post_id: str = Field(min_length=1, max_length=64)


class ConsentEvent(_Event):
    """A user answered the shop's request to link their handle (a platform's buttons)."""

    type: Literal["consent"] = "consent"
    agree: bool


PlatformEvent = Annotated[
    ReplyEvent | MessageEvent | BuyEvent | ConsentEvent, Field(discriminator="type")
]
EVENTS: TypeAdapter[PlatformEvent] = TypeAdapter(PlatformEvent)


def new_event_id() -> str:
    """A fresh event id."""
    return f"evt_{secrets.token_hex(12)}"


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """The `v1=` signature of a raw body at a timestamp."""
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return f"v1={digest.hexdigest()}"


def signed(secret: str, event: BaseModel, at: float | None = None) -> tuple[bytes, dict[str, str]]:
    """An event's raw body and the headers that sign it, as an app sends them."""
    body = json.dumps(event.model_dump(mode="json"), separators=(",", ":")).encode()
    timestamp = str(int(time.time() if at is None else at))
    return body, {
        "content-type": "application/json",
        TIMESTAMP_HEADER: timestamp,
        SIGNATURE_HEADER: signature(secret, timestamp, body),
    }
