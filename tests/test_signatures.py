"""The one signing code behind ACP request signatures and signed platform events: the wire
formats each side documents, constant-time refusal of any change, and the replay window."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import time
from typing import Any

import pytest

from assistant.channels.acp.security import signature as acp_signature
from assistant.channels.social.apps import APPS
from assistant.channels.social.errors import SocialError
from assistant.channels.social.events import SIGNATURE_HEADER, TIMESTAMP_HEADER
from assistant.channels.social.events import signature as platform_signature
from assistant.channels.social.webhook import ShopWebhook
from assistant.identity.signatures import SignatureScheme, fresh

SECRET = "s3cret"
STAMP = "2026-01-16T10:30:00Z"
BODY = b'{"items":[{"id":"T1","quantity":1}]}'


def _hmac(message: bytes) -> bytes:
    return hmac.new(SECRET.encode(), message, hashlib.sha256).digest()


def test_acp_signatures_keep_the_documented_format():
    """base64url (unpadded) HMAC-SHA256 of "{timestamp}.{METHOD}.{path}." + body."""
    path = "/acp/checkout_sessions"
    expected = base64.urlsafe_b64encode(_hmac(f"{STAMP}.POST.{path}.".encode() + BODY))
    assert acp_signature(SECRET, STAMP, "post", path, BODY) == expected.rstrip(b"=").decode()


def test_platform_signatures_keep_the_documented_format():
    """`v1=` and the hex HMAC-SHA256 of "{timestamp}." + body."""
    expected = "v1=" + _hmac(b"1767000000." + BODY).hex()
    assert platform_signature(SECRET, "1767000000", BODY) == expected


@pytest.mark.parametrize("scheme", [SignatureScheme("base64url"), SignatureScheme("hex", "v1=")])
def test_any_change_fails_verification(scheme: SignatureScheme):
    good = scheme.sign(SECRET, STAMP, BODY)
    assert scheme.verify(SECRET, STAMP, BODY, good)
    assert not scheme.verify(SECRET, STAMP, BODY + b" ", good)
    assert not scheme.verify(SECRET, "2026-01-16T10:30:01Z", BODY, good)
    assert not scheme.verify("other", STAMP, BODY, good)
    assert not scheme.verify(SECRET, STAMP, BODY, good[:-1])
    assert not scheme.verify(SECRET, STAMP, BODY, "")


def test_fresh_is_a_window_either_way():
    now = dt.datetime(2026, 1, 16, 10, 30, tzinfo=dt.UTC)
    window = dt.timedelta(minutes=5)
    assert fresh(now - window, now, window) and fresh(now + window, now, window)
    assert not fresh(now - window - dt.timedelta(seconds=1), now, window)
    assert not fresh(now + window + dt.timedelta(seconds=1), now, window)


@pytest.mark.parametrize(
    "timestamp", ["", "abc", "-5", "1e9", "²³", "9" * 12, "9" * 400, "1000000000"]
)
def test_the_webhook_refuses_a_timestamp_that_is_not_now_with_401(timestamp: str):
    """Not a number, not ASCII digits, past any datetime, or long ago: all stale, never a 500."""
    app = next(iter(APPS))
    hook: Any = ShopWebhook(hub=None, secrets_by_app={app: SECRET}, repository=None)  # type: ignore[arg-type]
    headers = {
        TIMESTAMP_HEADER: timestamp,
        SIGNATURE_HEADER: platform_signature(SECRET, timestamp, BODY),
    }
    with pytest.raises(SocialError) as refused:
        hook.verify(app, BODY, headers)
    expected = "unsigned_event" if not timestamp else "stale_event"
    assert refused.value.status == 401 and refused.value.code == expected


def test_the_webhook_refuses_a_fresh_event_signed_with_another_secret():
    app = next(iter(APPS))
    hook: Any = ShopWebhook(hub=None, secrets_by_app={app: SECRET}, repository=None)  # type: ignore[arg-type]
    now = str(int(time.time()))
    headers = {TIMESTAMP_HEADER: now, SIGNATURE_HEADER: platform_signature("guess", now, BODY)}
    with pytest.raises(SocialError) as refused:
        hook.verify(app, BODY, headers)
    assert refused.value.status == 401 and refused.value.code == "bad_signature"
