"""Returns: delivered units, within each product's return window, refunded at the price paid."""

from __future__ import annotations

import datetime as dt

from assistant.commerce.context import CommerceContext, new_id
from assistant.commerce.errors import CommerceError
from assistant.commerce.models import ReturnReceipt
from assistant.commerce.orders import Orders, delivered_at
from assistant.commerce.repository import CommerceRepository, Row
from assistant.commerce.stock import restock


class Returns:
    """Accepting returns of delivered orders."""

    def __init__(self, context: CommerceContext, orders: Orders) -> None:
        self.context = context
        self.orders = orders

    def return_items(
        self, shopper_id: str, order_id: str, items: dict[str, int] | None = None
    ) -> ReturnReceipt:
        """Return delivered units (all of them when `items` is None); refunds their price."""
        with self.context.unit_of_work() as repo:
            row = self.orders.lock_own(repo, shopper_id, order_id)
            status = self.orders.status(row)
            if status != "delivered":
                raise CommerceError("not_returnable", order_id=order_id, status=status)
            lines = {line["variant_id"]: line for line in repo.order_lines(order_id)}
            wanted = items or {
                vid: line["qty"] - line["returned_qty"]
                for vid, line in lines.items()
                if line["qty"] > line["returned_qty"]
            }
            if not wanted:
                raise CommerceError("not_returnable", order_id=order_id, status="returned")
            refund = sum(
                self._return_line(repo, row, lines, variant_id, qty, shopper_id)
                for variant_id, qty in sorted(wanted.items())
            )
            receipt = ReturnReceipt(
                return_id=new_id("RET"),
                order_id=order_id,
                items=wanted,
                refund_minor=refund,
                currency=row["currency"],
            )
            repo.insert_return(
                {
                    "id": receipt.return_id,
                    "order_id": order_id,
                    "items": wanted,
                    "refund_minor": refund,
                    "created_at": self.context.clock(),
                }
            )
            self.context.audit(
                repo,
                shopper_id,
                "order.returned",
                order_id,
                {
                    "order_id": order_id,
                    "return_id": receipt.return_id,
                    "items": wanted,
                    "refund_minor": refund,
                },
            )
            return receipt

    def _return_line(
        self,
        repo: CommerceRepository,
        order: Row,
        lines: dict[str, Row],
        variant_id: str,
        qty: int,
        shopper_id: str,
    ) -> int:
        """Check and record the return of one line; its refund in minor units."""
        line = lines.get(variant_id)
        if line is None:
            raise CommerceError("not_in_order", order_id=order["id"], variant_id=variant_id)
        returnable = line["qty"] - line["returned_qty"]
        if not isinstance(qty, int) or isinstance(qty, bool) or qty < 1 or qty > returnable:
            raise CommerceError(
                "invalid_quantity",
                reason="return",
                qty=repr(qty),
                limit=returnable,
                title=line["title"],
            )
        deadline = delivered_at(order) + dt.timedelta(days=line["return_window_days"])
        if self.context.clock() > deadline:
            raise CommerceError(
                "return_window_closed",
                order_id=order["id"],
                title=line["title"],
                deadline=deadline.date().isoformat(),
                window_days=line["return_window_days"],
            )
        repo.add_returned(order["id"], variant_id, qty)
        restock(self.context, repo, shopper_id, variant_id, qty, order["id"])
        return qty * line["unit_price_minor"]
