"""Money as integer minor units plus an ISO currency code: parsing and formatting in one place."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from pydantic import BaseModel, ConfigDict, Field

CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP"}
SYMBOL_FOR = {code: symbol for symbol, code in CURRENCY_SYMBOLS.items()}
MINOR_DIGITS = 2

_AMOUNT = re.compile(
    r"^\s*([$€£])?\s*(\d{1,9}(?:[.,]\d{1,2})?)\s*(usd|eur|gbp|dollars?)?\s*$", re.I
)


class Money(BaseModel):
    """An amount in minor units (cents) of one currency."""

    model_config = ConfigDict(frozen=True)

    minor: int = Field(description="Amount in minor units, e.g. 1999 for $19.99.")
    currency: str = Field("USD", min_length=3, max_length=3)

    def __str__(self) -> str:
        return format_minor(self.minor, self.currency)


def to_minor(amount: float | str | Decimal) -> int:
    """Convert a major-unit amount (19.99) to minor units (1999), rounding half up."""
    try:
        value = Decimal(str(amount).replace(",", "."))
    except InvalidOperation as exc:
        raise ValueError(f"not an amount of money: {amount!r}; write it like 19.99") from exc
    return int((value * 10**MINOR_DIGITS).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def parse_amount(text: str) -> int:
    """Parse a typed price such as '$19.99', '20', '15 dollars' into minor units."""
    match = _AMOUNT.match(text)
    if not match:
        raise ValueError(f"not an amount of money: {text!r}; write it like $19.99")
    return to_minor(match.group(2))


def format_minor(minor: int, currency: str = "USD") -> str:
    """Render minor units for people: 1999 USD -> '$19.99'."""
    sign = "-" if minor < 0 else ""
    whole, cents = divmod(abs(minor), 10**MINOR_DIGITS)
    symbol = SYMBOL_FOR.get(currency.upper())
    body = f"{whole:,}.{cents:02d}"
    return f"{sign}{symbol}{body}" if symbol else f"{sign}{body} {currency.upper()}"
