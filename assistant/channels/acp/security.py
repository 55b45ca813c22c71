"""Who may call the ACP endpoints: a bearer key, a supported API-Version and a fresh signature.

Every request carries `Authorization: Bearer <ACP_API_KEY>`, `API-Version: 2026-01-16`,
a `Timestamp` (RFC 3339) and a `Signature`: the base64url HMAC-SHA256, keyed with
`ACP_SIGNING_SECRET`, of `"{timestamp}.{METHOD}.{path}."` followed by the raw body bytes.
Signing the exact bytes sent (the spec leaves canonicalisation to the merchant) means any
change to the body, the method, the path or the time is caught; a timestamp more than
five minutes off is refused, so a captured request cannot be replayed later.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Mapping

from assistant.channels.acp.models import API_VERSION, AcpError
from assistant.identity.signatures import SignatureScheme, fresh
from assistant.settings import Settings

SKEW = dt.timedelta(minutes=5)
SCHEME = SignatureScheme("base64url")  # signing and checking shared with platform events


def _payload(method: str, path: str, body: bytes) -> bytes:
    """What is signed after the timestamp: method, path and the raw body bytes."""
    return f"{method.upper()}.{path}.".encode() + body


def signature(secret: str, timestamp: str, method: str, path: str, body: bytes) -> str:
    """The Signature header value for one request."""
    return SCHEME.sign(secret, timestamp, _payload(method, path, body))


def signed_headers(
    settings: Settings, method: str, path: str, body: bytes, now: dt.datetime | None = None
) -> dict[str, str]:
    """Headers a well-behaved ACP client sends (for tests, the bench and scripts)."""
    stamp = (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds").replace("+00:00", "Z")
    return {
        "Authorization": f"Bearer {settings.acp_api_key}",
        "API-Version": API_VERSION,
        "Content-Type": "application/json",
        "Timestamp": stamp,
        "Signature": signature(settings.acp_signing_secret or "", stamp, method, path, body),
    }


def caller_of(
    settings: Settings,
    headers: Mapping[str, str],
    method: str,
    path: str,
    body: bytes,
    now: dt.datetime | None = None,
) -> str:
    """Check key, version and signature; returns a stable id of the caller (never the key)."""
    if not settings.acp_api_key or not settings.acp_signing_secret:
        raise AcpError(
            503,
            "acp_disabled",
            "the ACP endpoints are off: set ACP_API_KEY and ACP_SIGNING_SECRET to turn them on",
            type="service_unavailable",
        )
    scheme, _, key = headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        key.encode(), settings.acp_api_key.encode()
    ):
        raise AcpError(
            401,
            "unauthorized",
            "send Authorization: Bearer with the shop's ACP key",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if headers.get("api-version") != API_VERSION:
        raise AcpError(
            400,
            "unsupported_api_version",
            f"send API-Version: {API_VERSION}, the version this shop implements",
            param="API-Version",
        )
    _check_signature(settings.acp_signing_secret, headers, method, path, body, now)
    return hashlib.sha256(settings.acp_api_key.encode()).hexdigest()[:16]


def _check_signature(
    secret: str,
    headers: Mapping[str, str],
    method: str,
    path: str,
    body: bytes,
    now: dt.datetime | None,
) -> None:
    stamp, given = headers.get("timestamp", ""), headers.get("signature", "")
    if not stamp or not given:
        raise AcpError(401, "signature_required", "sign the request: send Timestamp and Signature")
    try:
        sent = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        raise AcpError(
            401, "invalid_timestamp", "Timestamp must be RFC 3339, e.g. 2026-01-16T10:30:00Z"
        ) from None
    if sent.tzinfo is None:
        raise AcpError(401, "invalid_timestamp", "Timestamp needs a time zone, e.g. Z")
    if not fresh(sent, now or dt.datetime.now(dt.UTC), SKEW):
        raise AcpError(
            401, "stale_timestamp", "the Timestamp is more than 5 minutes off; sign it again now"
        )
    if not SCHEME.verify(secret, stamp, _payload(method, path, body), given):
        raise AcpError(401, "invalid_signature", "the Signature does not match this request")
