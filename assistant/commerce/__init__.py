"""Commerce: carts, stock, checkout, orders, returns and the audit log; typed, no English.

Import from here: `CommerceService`, `CommerceError` and the typed results.
"""

from assistant.commerce.audit import replay_audit
from assistant.commerce.errors import CommerceError
from assistant.commerce.models import (
    CartLine,
    CartView,
    CheckoutChange,
    CheckoutSummary,
    Confirmation,
    OrderConfirmation,
    OrderLine,
    OrderView,
    Origin,
    ReturnReceipt,
    VariantChoice,
)
from assistant.commerce.pricing import PricingRules, Totals
from assistant.commerce.service import CommerceService

__all__ = [
    "CartLine",
    "CartView",
    "CheckoutChange",
    "CheckoutSummary",
    "CommerceError",
    "CommerceService",
    "Confirmation",
    "OrderConfirmation",
    "OrderLine",
    "OrderView",
    "Origin",
    "PricingRules",
    "ReturnReceipt",
    "Totals",
    "VariantChoice",
    "replay_audit",
]
