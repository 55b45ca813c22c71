"""Dates in a shopper's words ("by friday", "before the 28th", "tomorrow") and delivery
estimates against them."""

from __future__ import annotations

import datetime as dt
import re

from assistant.catalogue.models import Product

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
]  # fmt: skip
_WEEKDAY = re.compile(  # not the «mon» of «month»; «sat», «sun» only after «by», «on»…
    r"\b(mon(?:day)?|tue(?:s|sday)?|wed(?:s|nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|saturday|"
    r"sunday)\b|\b(?:by|on|before|until|till|for|this|next)\s+(sat|sun)\b",
    re.I,
)
_MONTH_NAME = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_NAME}\b", re.I)
_MONTH_DAY = re.compile(rf"\b{_MONTH_NAME}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", re.I)
_ORDINAL_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b", re.I)  # "by the 5th"
_DEADLINE_CUE = re.compile(
    # «so its def not coming friday right»: a day it is to come on
    r"\b(by|before|until|till|for|on|in time for)\b|\b(?:coming|arriv\w*|get here|here|land\w*)"
    r"\s+(?:this\s+|next\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
    re.I,
)
# "bday in 3 days, will it make it?"; not a return window ("return it within 30 days")
_IN_DAYS = re.compile(
    r"\b(?:in|within) (\d{1,2}|a|one|two|three|four|five|six|seven|a couple of) (days?|weeks?)\b"
)
_WINDOW_WORDS = re.compile(r"\b(return|refund|exchange|cancel|send (it|them) back)")
# «in 3 days» is a deadline only beside words about getting it there («i leave in 10 days,
# is it waterproof?» and «does the battery die in 2 days?» are not)
ARRIVAL_CUE = re.compile(
    r"\b(arriv\w*|make it|get (?:it |them )?(?:here|there)|deliver\w*|b-?day|birthday|"
    r"need (?:it|them)|in time|be here|come|ship\w*|"
    r"get (?:it |them )?to (?:him|her|them|me|us|my \w+))\b"  # «can it get to him within 3 days?»
)
_NUMBER_WORDS = {"a": 1, "one": 1, "a couple of": 2, "two": 2, "three": 3, "four": 4}
_NUMBER_WORDS |= {"five": 5, "six": 6, "seven": 7}


def _month(word: str | None) -> int | None:
    if not word:
        return None
    word = word.lower()
    # "dec" or "december", never "decaf"
    return next(
        (i + 1 for i, name in enumerate(MONTHS) if len(word) >= 3 and name.startswith(word)), None
    )


_ORDERED_WHEN = re.compile(
    r"\b(order(ed)?|buy|bought|purchase[d]?|pay|paid|check(ed)? ?out)( it| one| this| now)? "
    r"(today|tonight|now|tomorrow)\b"
)


def parse_deadline(text: str, today: dt.date) -> dt.date | None:
    """The date a shopper wants something by, if the text names one."""
    # "if i order today": when the order is placed, not when it must arrive
    lowered = _ORDERED_WHEN.sub(" ", text.lower())
    if re.search(r"\btomorrow\b", lowered):
        return today + dt.timedelta(days=1)
    if re.search(r"\btoday\b|\btonight\b", lowered):
        return today
    # not «the poles in Tess's weekend set-up» (a post), nor «a weekend bag»
    if re.search(
        r"(?<!'s )\b(this )?weekend\b(?![ -](?:set-?up|trip|bag|away|kit|post|look))", lowered
    ):
        return today + dt.timedelta(days=(5 - today.weekday()) % 7)
    if re.search(r"\bnext week\b", lowered):
        return today + dt.timedelta(days=7 - today.weekday())  # by next Monday
    if re.search(r"\b(christmas|xmas)\b", lowered):
        christmas = dt.date(today.year, 12, 25)
        return christmas if christmas >= today else dt.date(today.year + 1, 12, 25)
    match = _IN_DAYS.search(lowered)
    if match and ARRIVAL_CUE.search(lowered) and not _WINDOW_WORDS.search(lowered):
        count = int(match.group(1)) if match.group(1).isdigit() else _NUMBER_WORDS[match.group(1)]
        return today + dt.timedelta(days=count * (7 if match.group(2).startswith("week") else 1))
    if not _DEADLINE_CUE.search(lowered):
        return None
    if match := _WEEKDAY.search(lowered):
        said = (match.group(1) or match.group(2)).lower()
        target = next(i for i, name in enumerate(WEEKDAYS) if name.startswith(said[:3]))
        return today + dt.timedelta(days=(target - today.weekday()) % 7 or 7)  # a week away
    return _calendar_day(lowered, today)


def _calendar_day(text: str, today: dt.date) -> dt.date | None:
    """'3 december', 'dec 3', 'the 5th' (this month, or next once it has passed)."""
    if match := _DAY_MONTH.search(text):
        day, month = int(match.group(1)), _month(match.group(2))
    elif match := _MONTH_DAY.search(text):
        day, month = int(match.group(2)), _month(match.group(1))
    elif match := _ORDINAL_DAY.search(text):
        day = int(match.group(1))
        month = today.month if day >= today.day else today.month % 12 + 1
    else:
        return None
    if month is None or not 1 <= day <= 31:
        return None
    year = today.year + (1 if (month, day) < (today.month, today.day) else 0)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def arriving_in_time(products: list[Product], text: str, now: dt.datetime) -> list[Product]:
    """Of the products found, those that arrive by the day a search names («foam roller …
    that'll arrive within a week», «need it by friday»), when some but not all do."""
    deadline = parse_deadline(text, now.date())
    if deadline is None or not ARRIVAL_CUE.search(text.lower()):
        return products
    kept = [p for p in products if arrival(p.shipping_days, now) <= deadline]
    return kept if kept and len(kept) < len(products) else products


def arrival(shipping_days: int, now: dt.datetime) -> dt.date:
    """When something ordered now arrives: after processing (about 12 hours) and shipping."""
    return (now + max(dt.timedelta(days=shipping_days), dt.timedelta(hours=12))).date()


def day_text(day: dt.date) -> str:
    """'Friday 27 November'."""
    return f"{WEEKDAYS[day.weekday()].capitalize()} {day.day} {MONTHS[day.month - 1].capitalize()}"
