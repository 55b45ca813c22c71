"""Dates in a shopper's words."""

import datetime as dt

import pytest

from assistant.conversation.answers.dates import parse_deadline

MONDAY = dt.date(2026, 11, 30)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("can i get it by friday", dt.date(2026, 12, 4)),
        ("need it by monday", dt.date(2026, 12, 7)),  # said on a Monday: next week's
        ("before 3 december", dt.date(2026, 12, 3)),
        ("by dec 3", dt.date(2026, 12, 3)),
        ("by the 5th", dt.date(2026, 12, 5)),  # the 5th has passed this month
        ("by the 20th of dec", dt.date(2026, 12, 20)),
        ("by tomorrow", dt.date(2026, 12, 1)),
        ("his bday is in 3 days, will it make it?", dt.date(2026, 12, 3)),
        ("need it within a week", dt.date(2026, 12, 7)),
    ],
)
def test_deadlines(text, expected):
    assert parse_deadline(text, MONDAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "is it safe for my 2 year old",  # an age, not a date
        "for my 10 year old nephew",
        "need it by 5",  # a bare number is not a date
        "decaf by the way",
        "how long does delivery take",
        "can i return it within 30 days",  # a return window, not a deadline
        "i leave in 10 days, is it waterproof?",  # a trip, not an arrival
        "does the battery die in 2 days?",
    ],
)
def test_no_deadline(text):
    assert parse_deadline(text, MONDAY) is None


def test_a_month_or_the_sun_is_no_weekday() -> None:
    today = dt.date(2026, 12, 1)
    assert parse_deadline("does the coating peel on it? mine did after a month", today) is None
    assert parse_deadline("is it ok to leave on the balcony in the sun", today) is None
    assert parse_deadline("can it arrive by fri", today) == dt.date(2026, 12, 4)


def test_sat_and_sun_after_a_deadline_word() -> None:
    today = dt.date(2026, 12, 1)
    assert parse_deadline("can I get it by sat?", today) == dt.date(2026, 12, 5)
    assert parse_deadline("does it fade in the sun", today) is None
