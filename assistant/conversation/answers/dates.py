"""Dates in a shopper's words ("by friday", "before the 28th", "tomorrow") and delivery
estimates against them."""

from __future__ import annotations

import datetime as dt
import re

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
]  # fmt: skip
_WEEKDAY = re.compile(r"\b(mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)\w*\b", re.I)
_DAY_OF_MONTH = re.compile(
    r"\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?([a-z]{3,9}))?\b"
    r"|\b([a-z]{3,9})\s+(\d{1,2})(?:st|nd|rd|th)?\b",
    re.I,
)
_DEADLINE_CUE = re.compile(r"\b(by|before|until|till|for|on|in time for)\b", re.I)


def _month(word: str | None) -> int | None:
    if not word:
        return None
    word = word.lower()
    return next((i + 1 for i, name in enumerate(MONTHS) if name.startswith(word[:3])), None)


def parse_deadline(text: str, today: dt.date) -> dt.date | None:
    """The date a shopper wants something by, if the text names one."""
    lowered = text.lower()
    if re.search(r"\btomorrow\b", lowered):
        return today + dt.timedelta(days=1)
    if re.search(r"\btoday\b|\btonight\b", lowered):
        return today
    if re.search(r"\b(this )?weekend\b", lowered):
        return today + dt.timedelta(days=(5 - today.weekday()) % 7)
    if re.search(r"\bnext week\b", lowered):
        return today + dt.timedelta(days=7 - today.weekday())  # by next Monday
    if re.search(r"\b(christmas|xmas)\b", lowered):
        christmas = dt.date(today.year, 12, 25)
        return christmas if christmas >= today else dt.date(today.year + 1, 12, 25)
    if not _DEADLINE_CUE.search(lowered):
        return None
    if match := _WEEKDAY.search(lowered):
        target = next(i for i, name in enumerate(WEEKDAYS) if name.startswith(match.group(1)[:3]))
        return today + dt.timedelta(days=(target - today.weekday()) % 7)
    for match in _DAY_OF_MONTH.finditer(lowered):
        day = int(match.group(1) or match.group(4))
        month = _month(match.group(2) or match.group(3)) or today.month
        if (
            match.group(1)
            and not match.group(2)
            and not re.search(r"\d(st|nd|rd|th)", match.group(0))
        ):
            continue  # a bare number ("by 5") is not a date
        if not 1 <= day <= 31:
            continue
        year = today.year + (1 if (month, day) < (today.month, today.day) else 0)
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return None


def arrival(shipping_days: int, now: dt.datetime) -> dt.date:
    """When something ordered now arrives: after processing (about 12 hours) and shipping."""
    return (now + max(dt.timedelta(days=shipping_days), dt.timedelta(hours=12))).date()


def day_text(day: dt.date) -> str:
    """'Friday 27 November'."""
    return f"{WEEKDAYS[day.weekday()].capitalize()} {day.day} {MONTHS[day.month - 1].capitalize()}"
