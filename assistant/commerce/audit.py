"""The audit log replayed: carts and stock rebuilt from the log alone, to prove it complete."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def replay_audit(
    entries: Iterable[dict[str, Any]],
) -> tuple[dict[str, dict[str, int]], dict[str, tuple[int, int]]]:
    """Rebuild cart lines {cart: {variant: qty}} and stock {variant: (on_hand, reserved)}
    from the audit log alone."""
    cart_state: dict[str, dict[str, int]] = {}
    stock_state: dict[str, list[int]] = {}
    for entry in entries:
        payload, action = entry["payload"], entry["action"]
        if action == "cart.line_set":
            lines = cart_state.setdefault(payload["cart_id"], {})
            if payload["qty"]:
                lines[payload["variant_id"]] = payload["qty"]
            else:
                lines.pop(payload["variant_id"], None)
        elif action == "cart.cleared":
            cart_state[payload["cart_id"]] = {}
        elif action in STOCK_EFFECTS:
            if action == "stock.seeded":
                stock_state[payload["variant_id"]] = [payload["on_hand"], 0]
            on_hand, reserved = STOCK_EFFECTS[action]
            levels = stock_state[payload["variant_id"]]
            levels[0] += on_hand * payload.get("qty", 0)
            levels[1] += reserved * payload.get("qty", 0)
    return (
        {cart: lines for cart, lines in cart_state.items() if lines},
        {variant: (levels[0], levels[1]) for variant, levels in stock_state.items()},
    )


# How each stock action moves (on hand, reserved), per unit.
STOCK_EFFECTS = {
    "stock.seeded": (0, 0),
    "stock.reserved": (0, 1),
    "stock.released": (0, -1),
    "stock.sold": (-1, -1),
    "stock.restocked": (1, 0),
}
