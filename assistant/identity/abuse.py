"""Abuse limits with the `limits` library: per client address, per session or account, per
sign-in name, and on new sessions.

Counters live in memory by default (expired windows are dropped, so memory stays bounded by
the keys active in one window), in Redis with `RATE_LIMIT_STORAGE=redis://host:port`, or in
the store's own database with `RATE_LIMIT_STORAGE=database`: the last two let several
workers share one limit.
"""

from __future__ import annotations

import math
import time
from typing import Literal

from limits import RateLimitItem, parse
from limits.storage import Storage, storage_from_string
from limits.strategies import FixedWindowRateLimiter
from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from assistant.identity.errors import IdentityError
from assistant.identity.tables import rate_limit_counters
from assistant.settings import Settings
from assistant.storage.engine import Store

LimitKind = Literal["address", "principal", "sign_in", "new_session"]
SWEEP_EVERY_HITS = 500


class DatabaseStorage(Storage):
    """`limits` counters in the store's `rate_limit_counters` table (fixed windows)."""

    STORAGE_SCHEME = None  # built with a Store, not from a URI

    def __init__(self, store: Store) -> None:
        super().__init__(None, wrap_exceptions=False)
        self.store = store
        self._hits = 0

    @property
    def base_exceptions(self) -> type[Exception] | tuple[type[Exception], ...]:
        return IntegrityError

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        """Add to a window's counter, starting a new window once the old one is over."""
        now = time.time()
        self._sweep_now_and_then(now)
        try:
            return self._incr(key, expiry, amount, now)
        except IntegrityError:  # another worker created the row first: count on it
            return self._incr(key, expiry, amount, now)

    def _incr(self, key: str, expiry: int, amount: int, now: float) -> int:
        with self.store.transaction() as connection:
            row = connection.execute(
                select(rate_limit_counters.c.count, rate_limit_counters.c.expires_at).where(
                    rate_limit_counters.c.key == key
                )
            ).first()
            if row is None:
                connection.execute(
                    insert(rate_limit_counters).values(
                        key=key, count=amount, expires_at=now + expiry
                    )
                )
                return amount
            count = amount if row.expires_at <= now else row.count + amount
            values = {"count": count}
            if row.expires_at <= now:
                values["expires_at"] = now + expiry
            connection.execute(
                update(rate_limit_counters).where(rate_limit_counters.c.key == key).values(values)
            )
        return count

    def get(self, key: str) -> int:
        """The count of the window still open, or 0."""
        with self.store.transaction() as connection:
            row = connection.execute(
                select(rate_limit_counters.c.count, rate_limit_counters.c.expires_at).where(
                    rate_limit_counters.c.key == key
                )
            ).first()
        return row.count if row is not None and row.expires_at > time.time() else 0

    def get_expiry(self, key: str) -> float:
        """When the key's window ends (seconds since the epoch)."""
        with self.store.transaction() as connection:
            expiry = connection.execute(
                select(rate_limit_counters.c.expires_at).where(rate_limit_counters.c.key == key)
            ).scalar()
        return expiry if expiry is not None else time.time()

    def check(self) -> bool:
        """The database answers."""
        with self.store.transaction() as connection:
            connection.execute(select(rate_limit_counters.c.key).limit(1))
        return True

    def reset(self) -> int | None:
        """Forget every counter."""
        with self.store.transaction() as connection:
            return connection.execute(delete(rate_limit_counters)).rowcount

    def clear(self, key: str) -> None:
        """Forget one counter."""
        with self.store.transaction() as connection:
            connection.execute(delete(rate_limit_counters).where(rate_limit_counters.c.key == key))

    def _sweep_now_and_then(self, now: float) -> None:
        self._hits += 1
        if self._hits % SWEEP_EVERY_HITS == 0:  # expired windows would only pile up
            with self.store.transaction() as connection:
                connection.execute(
                    delete(rate_limit_counters).where(rate_limit_counters.c.expires_at <= now)
                )


def make_storage(settings: Settings, store: Store) -> Storage:
    """The counters' storage the settings name."""
    if settings.rate_limit_storage == "database":
        return DatabaseStorage(store)
    return storage_from_string(settings.rate_limit_storage)


class AbuseLimits:
    """Fixed-window limits; `hit` spends one request or raises 429 saying when to retry."""

    def __init__(self, settings: Settings, store: Store) -> None:
        self.storage = make_storage(settings, store)
        self.limiter = FixedWindowRateLimiter(self.storage)
        self.items: dict[LimitKind, RateLimitItem] = {
            "address": parse(settings.rate_limit_per_address),
            "principal": parse(f"{settings.rate_limit_per_minute}/minute"),
            "sign_in": parse(settings.rate_limit_sign_in),
            "new_session": parse(settings.rate_limit_new_sessions),
        }

    def hit(self, kind: LimitKind, identifier: str) -> None:
        """Count one request of `identifier` (an address, a session key, a name)."""
        item = self.items[kind]
        if self.limiter.hit(item, kind, identifier[:200]):
            return
        reset = self.limiter.get_window_stats(item, kind, identifier[:200]).reset_time
        wait = max(1, math.ceil(reset - time.time()))
        raise IdentityError(
            429,
            "rate_limited",
            f"too many requests ({_what(kind)}); retry in {wait} s",
            headers={"Retry-After": str(wait)},
        )


def _what(kind: LimitKind) -> str:
    return {
        "address": "from this address",
        "principal": "for this session",
        "sign_in": "sign-in attempts",
        "new_session": "new sessions from this address",
    }[kind]
