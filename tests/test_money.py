import pytest

from assistant.money import Money, format_minor, parse_amount, to_minor


def test_to_minor_rounds_half_up():
    assert to_minor("19.99") == 1999
    assert to_minor(0.125) == 13
    assert to_minor("7") == 700


@pytest.mark.parametrize(
    ("text", "minor"), [("$19.99", 1999), ("20", 2000), ("15 dollars", 1500), ("€3,50", 350)]
)
def test_parse_amount(text, minor):
    assert parse_amount(text) == minor


def test_parse_amount_rejects_junk_with_hint():
    with pytest.raises(ValueError, match="write it like"):
        parse_amount("cheap")


def test_format_minor():
    assert format_minor(123456, "USD") == "$1,234.56"
    assert format_minor(5, "EUR") == "€0.05"
    assert format_minor(-250, "CHF") == "-2.50 CHF"
    assert str(Money(minor=1999)) == "$19.99"
