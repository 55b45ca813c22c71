"""Signed requests: the one HMAC-SHA256 signing and checking code of every signed channel.

The ACP endpoints (agents sign their requests) and the platform webhook (apps sign their
events) both sign `"{timestamp}." + payload` with a shared secret, compare in constant time
and refuse a timestamp outside a window, so a captured request cannot be replayed later.
They differ only in how the digest is written on the wire (a `SignatureScheme`) and in how
the time is written, which each channel parses before asking `fresh`.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass
from typing import Literal

Encoding = Literal["base64url", "hex"]


def digest(secret: str, timestamp: str, payload: bytes) -> bytes:
    """HMAC-SHA256, keyed with `secret`, of `"{timestamp}."` followed by `payload`."""
    return hmac.new(secret.encode(), timestamp.encode() + b"." + payload, hashlib.sha256).digest()


def fresh(sent: dt.datetime, now: dt.datetime, window: dt.timedelta) -> bool:
    """Whether a signed time is within `window` of now, either way (clocks drift)."""
    return abs(now - sent) <= window


@dataclass(frozen=True)
class SignatureScheme:
    """How one channel writes a signature: the digest's encoding after a version prefix."""

    encoding: Encoding
    prefix: str = ""

    def sign(self, secret: str, timestamp: str, payload: bytes) -> str:
        """The signature header value of `payload` at `timestamp`."""
        raw = digest(secret, timestamp, payload)
        if self.encoding == "hex":
            return self.prefix + raw.hex()
        return self.prefix + base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

    def verify(self, secret: str, timestamp: str, payload: bytes, given: str) -> bool:
        """Whether `given` is the signature of `payload` at `timestamp` (constant time)."""
        expected = self.sign(secret, timestamp, payload)
        return hmac.compare_digest(expected.encode(), given.encode())
