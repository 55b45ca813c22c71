"""Commerce refusals and checkout changes in words: the one place their English is written.

Every channel shows these: the chat, the tools' error data the LLM planner reads, the HTTP
errors, the app's warnings and the social DMs.
"""

from __future__ import annotations

from typing import Any

from assistant.commerce import CheckoutChange, CommerceError
from assistant.money import format_minor
from assistant.search.filters import COLOUR_OPTION_NAMES, LETTER_SIZES


def option_said(name: str, value: str) -> str:
    """«black», «size L»: a colour needs no name."""
    return value if name.lower() in COLOUR_OPTION_NAMES else f"{name} {value}"


def _options(options: dict[str, str] | None) -> str:
    said = {
        name: value.upper() if value.lower() in LETTER_SIZES else value  # «size L», not «l»
        for name, value in (options or {}).items()
    }
    return ", ".join(option_said(name, value) for name, value in said.items()) or "standard"


def _variant_problem(code: str, d: dict[str, Any]) -> str:
    title = d.get("title", d.get("product_id", "that product"))
    if code == "unknown_product":
        return (
            f"there is no product {d['product_id']!r}; "
            "search the catalogue and use a product id from the results"
        )
    if code == "unknown_variant" and "variant_id" in d:
        return f"{title} has no variant {d['variant_id']!r}"
    if code == "unknown_variant":
        return f"{title} does not come in {_options(d.get('options'))}; pick one of the choices"
    if d.get("in_cart"):
        return f"your cart has {d['count']} versions of {title}; say which one"
    return f"{title} comes in {d['count']} versions; say which one"


def _quantity_problem(d: dict[str, Any]) -> str:
    reason = d.get("reason")
    if reason == "not_whole":
        return f"quantity must be a whole number, not {d['qty']}"
    if reason == "too_few":
        return (
            f"quantity must be at least 1, not {d['qty']}; use remove to take an item out of "
            "the cart"
        )
    if reason == "return":
        return f"you can return at most {d['limit']} of {d['title']}"
    if "in_cart" in d:
        return f"at most {d['limit']} of one item per order; the cart already has {d['in_cart']}"
    return f"at most {d['limit']} of one item per order (asked for {d['qty']})"


def _stock_problem(d: dict[str, Any]) -> str:
    if d.get("everything"):
        return "everything in your cart is out of stock now"
    if "available" not in d:
        return f"{d.get('title', 'that item')} just sold out; try again"
    what = f"{d['title']} ({_options(d.get('options'))})"
    available = d["available"]
    return (
        f"out of stock: only {available} left of {what}" if available else f"out of stock: {what}"
    )


def _order_problem(code: str, d: dict[str, Any]) -> str:
    order = d.get("order_id", "")
    status = d.get("status")
    if code == "order_not_found":
        return f"there is no order {order!r} for you; ask for your order history to see your orders"
    if code == "not_cancellable":
        done = "has been delivered" if status == "delivered" else f"has {status}"
        return (
            f"order {order} {done}, so it can no longer be cancelled; "
            "you can return it once delivered"
        )
    if code == "not_in_order":
        return f"{d['variant_id']} is not in order {order}"
    if code == "return_window_closed":
        if not d.get("window_days"):
            return f"{d['title']} is final sale, so it can't be returned"
        return f"the return window for {d['title']} closed on {d['deadline']}"
    hints = {
        "processing": f"order {order} is still processing; cancel it instead",
        "shipped": f"order {order} has shipped but not arrived yet; you can return it once it "
        "is delivered",
        "cancelled": f"order {order} was cancelled, so there is nothing to return: it never "
        "shipped and you were not charged",
        "returned": f"everything in order {order} was already returned",
    }
    return hints.get(str(status), f"order {order} can't be returned now")


CHECKOUT_PROBLEMS = {
    "empty_cart": "your cart is empty; add something first",
    "confirmation_required": "an order needs the shopper's own confirmation of the summary",
    "expired": "that checkout expired and its items were released; start checkout again for a "
    "fresh summary",
    "cancelled": "that summary was cancelled and its items went back on sale; start checkout "
    "again for a fresh summary",
    "replaced": "that summary was replaced by a newer one; confirm the latest summary instead",
    "conflict": "your cart changed after this summary; start checkout again to see the new total",
    "invalid_shopper": "a shopper id of 1 to 128 characters is needed",
}


def describe_error(error: CommerceError) -> str:
    """What went wrong and what to do instead, in one sentence without a final stop."""
    code, details = error.code, error.details
    if code in {"unknown_product", "unknown_variant", "ambiguous_variant"}:
        return _variant_problem(code, details)
    if code == "invalid_quantity":
        return _quantity_problem(details)
    if code == "out_of_stock":
        return _stock_problem(details)
    if code == "not_in_cart":
        if details.get("options"):
            return f"{details['title']} ({_options(details['options'])}) is not in your cart"
        named = details.get("title") or details["product_id"]
        return f"{named} is not in your cart; view the cart to see what is there"
    if code == "checkout_not_found":
        return (
            f"there is no checkout {details['checkout_id']!r} for you; "
            "start checkout to get a new summary"
        )
    if code == "price_changed":
        return (
            f"the price of {details['title']} changed from "
            f"{format_minor(details['old_price_minor'], details['currency'])} to "
            f"{format_minor(details['new_price_minor'], details['currency'])} after the summary; "
            "start checkout again"
        )
    if code in CHECKOUT_PROBLEMS:
        return CHECKOUT_PROBLEMS[code]
    return _order_problem(code, details)


def error_data(error: CommerceError) -> dict[str, Any]:
    """The refusal as data for tools and APIs: code, message and the facts behind it."""
    return {"code": error.code, "message": describe_error(error), **error.details}


def describe_change(change: CheckoutChange) -> str:
    """One change between what the shopper last saw and the summary."""
    if change.kind == "cart_changed":
        return "your cart changed since you last looked at it"
    if change.kind == "price_changed":
        assert change.old_price_minor is not None and change.new_price_minor is not None
        return (
            f"{change.title}: price changed from "
            f"{format_minor(change.old_price_minor, change.currency)} to "
            f"{format_minor(change.new_price_minor, change.currency)}"
        )
    if change.kind == "quantity_reduced":
        return (
            f"{change.title}: only {change.new_qty} left, so the quantity went from "
            f"{change.old_qty} to {change.new_qty}"
        )
    return f"{change.title} is now out of stock and was taken out of your cart"
