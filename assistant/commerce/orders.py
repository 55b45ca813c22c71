"""Orders: simulated fulfilment status, history, and cancelling before shipment."""

from __future__ import annotations

import datetime as dt

from assistant.commerce.context import PROCESSING_WINDOW, CommerceContext
from assistant.commerce.errors import CommerceError
from assistant.commerce.models import OrderLine, OrderStatus, OrderView, Origin
from assistant.commerce.pricing import Totals
from assistant.commerce.repository import CommerceRepository, Row
from assistant.commerce.stock import restock


def delivered_at(row: Row) -> dt.datetime:
    """When an order arrives: its longest shipping time, never before the processing window."""
    return row["placed_at"] + max(dt.timedelta(days=row["shipping_days"]), PROCESSING_WINDOW)


class Orders:
    """Order status, history and cancellation."""

    def __init__(self, context: CommerceContext) -> None:
        self.context = context

    def status(self, row: Row) -> OrderStatus:
        """Simulated fulfilment: ships after the processing window, arrives after shipping days."""
        if row["status"] == "cancelled":
            return "cancelled"
        now = self.context.clock()
        if now < row["placed_at"] + PROCESSING_WINDOW:
            return "processing"
        return "delivered" if now >= delivered_at(row) else "shipped"

    def lock_own(self, repo: CommerceRepository, shopper_id: str, order_id: str) -> Row:
        """One of the shopper's orders, locked; another shopper's order does not exist."""
        row = repo.lock_order(order_id)
        if row is None or row["shopper_id"] != shopper_id:
            raise CommerceError("order_not_found", order_id=order_id)
        return row

    def view(self, repo: CommerceRepository, row: Row) -> OrderView:
        """An order row as a typed order with lines, status and tracking."""
        lines = [
            OrderLine(
                product_id=line["product_id"],
                variant_id=line["variant_id"],
                title=line["title"],
                qty=line["qty"],
                returned_qty=line["returned_qty"],
                unit_price_minor=line["unit_price_minor"],
                origin=Origin.model_validate(line["origin"]),
            )
            for line in repo.order_lines(row["id"])
        ]
        status = self.status(row)
        return OrderView(
            order_id=row["id"],
            shopper_id=row["shopper_id"],
            checkout_id=row["checkout_id"],
            status=status,
            lines=lines,
            totals=Totals(
                subtotal_minor=row["subtotal_minor"],
                shipping_minor=row["shipping_minor"],
                tax_minor=row["tax_minor"],
                total_minor=row["total_minor"],
                currency=row["currency"],
            ),
            placed_at=row["placed_at"],
            estimated_delivery=delivered_at(row).date(),
            tracking_number=None
            if status in ("processing", "cancelled")
            else f"TRK{row['id'][4:]}",
        )

    def order_status(self, shopper_id: str, order_id: str) -> OrderView:
        """One of the shopper's orders, with status and tracking."""
        with self.context.unit_of_work() as repo:
            return self.view(repo, self.lock_own(repo, shopper_id, order_id))

    def list_orders(self, shopper_id: str) -> list[OrderView]:
        """The shopper's order history, newest first."""
        with self.context.reading() as repo:
            return self.read(repo, shopper_id)

    def read(self, repo: CommerceRepository, shopper_id: str) -> list[OrderView]:
        """The shopper's order history inside the caller's transaction, newest first."""
        return [self.view(repo, row) for row in repo.orders_of(shopper_id)]

    def cancel_order(self, shopper_id: str, order_id: str) -> OrderView:
        """Cancel an order that has not shipped yet; its units go back to stock."""
        with self.context.unit_of_work() as repo:
            row = self.lock_own(repo, shopper_id, order_id)
            status = self.status(row)
            if status == "cancelled":
                return self.view(repo, row)
            if status != "processing":
                raise CommerceError("not_cancellable", order_id=order_id, status=status)
            for line in repo.order_lines(order_id):
                restock(self.context, repo, shopper_id, line["variant_id"], line["qty"], order_id)
            repo.cancel_order(order_id, self.context.clock())
            self.context.audit(
                repo, shopper_id, "order.cancelled", order_id, {"order_id": order_id}
            )
            row["status"] = "cancelled"
            return self.view(repo, row)
