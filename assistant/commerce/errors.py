"""Refusals of commerce operations: a stable code and the facts behind it, never prose.

The words a shopper reads are written by the conversation's wording
(`assistant.conversation.answers.refusals`), so the domain stays free of English.
"""

from __future__ import annotations

from typing import Any, Literal

ErrorCode = Literal[
    "unknown_product",
    "unknown_variant",
    "ambiguous_variant",
    "invalid_quantity",
    "invalid_shopper",
    "out_of_stock",
    "not_in_cart",
    "empty_cart",
    "confirmation_required",
    "checkout_not_found",
    "expired",
    "cancelled",
    "replaced",
    "conflict",
    "price_changed",
    "order_not_found",
    "not_cancellable",
    "not_returnable",
    "not_in_order",
    "return_window_closed",
]


class CommerceError(Exception):
    """A refused cart, checkout or order operation; `details` holds the facts as data."""

    def __init__(self, code: ErrorCode, **details: Any) -> None:
        super().__init__(code)
        self.code: ErrorCode = code
        self.details = details

    def __str__(self) -> str:
        facts = ", ".join(f"{key}={value!r}" for key, value in self.details.items())
        return f"{self.code}({facts})"
