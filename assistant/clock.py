"""Time in one place: naive UTC datetimes everywhere, and a clock tests can move."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

Clock = Callable[[], dt.datetime]


def utcnow() -> dt.datetime:
    """Now in UTC, without tzinfo (what both SQLite and PostgreSQL columns store)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class ManualClock:
    """A clock that only moves when told to: for tests of expiry, shipping and return windows."""

    def __init__(self, start: dt.datetime | None = None) -> None:
        self.now = start or dt.datetime(2026, 1, 5, 9, 0, 0)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        """Move forward by a timedelta's keyword arguments, e.g. `advance(days=3)`."""
        self.now += dt.timedelta(**delta)
