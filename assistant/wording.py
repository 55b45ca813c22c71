"""Small wording helpers shared by answers and views."""

from __future__ import annotations


def plural(count: int, noun: str) -> str:
    """'1 day', '3 days'."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def days(count: int) -> str:
    """A delivery or return time in days."""
    return plural(count, "day")
