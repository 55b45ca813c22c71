"""Every SQL statement of commerce, over one transaction's connection.

Rows come back as plain mappings; the domain modules turn them into typed results. Lock order
everywhere: cart, then checkout, then stock rows sorted by variant id.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, select, update

from assistant.commerce.tables import (
    audit_log,
    cart_lines,
    carts,
    checkouts,
    idempotency,
    order_lines,
    orders,
    reservations,
    returns,
    stock,
)
from assistant.storage.engine import Store

Row = dict[str, Any]


class CommerceRepository:
    """The commerce tables as seen from inside one transaction."""

    def __init__(self, connection: Connection, store: Store) -> None:
        self.connection = connection
        self.store = store

    def _one(self, query: Any) -> Row | None:
        row = self.connection.execute(query).mappings().first()
        return dict(row) if row is not None else None

    def _all(self, query: Any) -> list[Row]:
        return [dict(row) for row in self.connection.execute(query).mappings()]

    # ---- stock ------------------------------------------------------------------------------
    def stocked_variants(self) -> set[str]:
        """Variant ids that already have a stock row."""
        return set(self.connection.execute(select(stock.c.variant_id)).scalars())

    def insert_stock(self, rows: list[Row]) -> None:
        """New stock rows: {variant_id, product_id, on_hand, reserved}."""
        self.connection.execute(insert(stock), rows)

    def available(self, variant_id: str) -> int:
        """On hand minus reserved."""
        value = self.connection.execute(
            select(stock.c.on_hand - stock.c.reserved).where(stock.c.variant_id == variant_id)
        ).scalar()
        return int(value or 0)

    def lock_stock(self, variant_ids: Iterable[str]) -> dict[str, Row]:
        """Stock rows of these variants, locked in id order."""
        return {
            row["variant_id"]: row
            for row in self._all(
                select(stock)
                .where(stock.c.variant_id.in_(sorted(set(variant_ids))))
                .order_by(stock.c.variant_id)
                .with_for_update()
            )
        }

    def reserve(self, variant_id: str, qty: int) -> bool:
        """Reserve units if that many are free; False when they are not."""
        result = self.connection.execute(
            update(stock)
            .where(
                and_(stock.c.variant_id == variant_id, stock.c.on_hand - stock.c.reserved >= qty)
            )
            .values(reserved=stock.c.reserved + qty)
        )
        return result.rowcount == 1

    def unreserve(self, variant_id: str, qty: int) -> None:
        """Give reserved units back."""
        self.connection.execute(
            update(stock)
            .where(stock.c.variant_id == variant_id)
            .values(reserved=stock.c.reserved - qty)
        )

    def sell(self, variant_id: str, qty: int) -> None:
        """Reserved units leave the shop."""
        self.connection.execute(
            update(stock)
            .where(stock.c.variant_id == variant_id)
            .values(on_hand=stock.c.on_hand - qty, reserved=stock.c.reserved - qty)
        )

    def restock(self, variant_id: str, qty: int) -> None:
        """Units come back on hand (a cancellation or a return)."""
        self.connection.execute(
            update(stock)
            .where(stock.c.variant_id == variant_id)
            .values(on_hand=stock.c.on_hand + qty)
        )

    # ---- carts ------------------------------------------------------------------------------
    def find_cart(self, shopper_id: str) -> Row | None:
        """The shopper's cart row, read without a lock."""
        return self._one(select(carts).where(carts.c.shopper_id == shopper_id))

    def lock_cart(self, shopper_id: str) -> Row | None:
        """The shopper's cart row, locked for this transaction."""
        return self._one(select(carts).where(carts.c.shopper_id == shopper_id).with_for_update())

    def create_cart(self, cart_id: str, shopper_id: str, now: dt.datetime) -> None:
        """An empty cart, unless a concurrent transaction made one first."""
        self.store.insert_if_absent(
            self.connection,
            carts,
            ["shopper_id"],
            {
                "id": cart_id,
                "shopper_id": shopper_id,
                "version": 0,
                "currency": "USD",
                "updated_at": now,
            },
        )

    def cart(self, cart_id: str) -> Row:
        """A cart row by id."""
        row = self._one(select(carts).where(carts.c.id == cart_id))
        assert row is not None
        return row

    def lock_cart_by_id(self, cart_id: str) -> None:
        """Lock a cart row by id (first in the lock order)."""
        self.connection.execute(select(carts.c.id).where(carts.c.id == cart_id).with_for_update())

    def set_cart_version(self, cart_id: str, version: int, now: dt.datetime) -> None:
        """Record a new cart version."""
        self.connection.execute(
            update(carts).where(carts.c.id == cart_id).values(version=version, updated_at=now)
        )

    def lines(self, cart_id: str) -> list[Row]:
        """A cart's lines in the order they were added."""
        return self._all(
            select(cart_lines)
            .where(cart_lines.c.cart_id == cart_id)
            .order_by(cart_lines.c.added_at, cart_lines.c.variant_id)
        )

    def line_qty(self, cart_id: str, variant_id: str) -> int | None:
        """Units of one variant in a cart (None when absent)."""
        return self.connection.execute(
            select(cart_lines.c.qty).where(
                and_(cart_lines.c.cart_id == cart_id, cart_lines.c.variant_id == variant_id)
            )
        ).scalar()

    def insert_line(self, values: Row) -> None:
        """A new cart line."""
        self.connection.execute(insert(cart_lines).values(**values))

    def update_line(self, cart_id: str, variant_id: str, values: Row) -> None:
        """Change a cart line."""
        self.connection.execute(
            update(cart_lines)
            .where(and_(cart_lines.c.cart_id == cart_id, cart_lines.c.variant_id == variant_id))
            .values(**values)
        )

    def delete_line(self, cart_id: str, variant_id: str) -> None:
        """Remove a cart line."""
        self.connection.execute(
            delete(cart_lines).where(
                and_(cart_lines.c.cart_id == cart_id, cart_lines.c.variant_id == variant_id)
            )
        )

    def clear_lines(self, cart_id: str) -> None:
        """Empty a cart."""
        self.connection.execute(delete(cart_lines).where(cart_lines.c.cart_id == cart_id))

    # ---- checkouts and reservations ---------------------------------------------------------
    def insert_checkout(self, values: Row) -> None:
        """A new pending checkout."""
        self.connection.execute(insert(checkouts).values(**values))

    def open_checkouts(self, cart_id: str) -> list[str]:
        """Ids of a cart's pending checkouts, locked."""
        return list(
            self.connection.execute(
                select(checkouts.c.id)
                .where(and_(checkouts.c.cart_id == cart_id, checkouts.c.status == "pending"))
                .with_for_update()
            ).scalars()
        )

    def stale_checkouts(self, now: dt.datetime) -> list[str]:
        """Ids of pending checkouts past their expiry, locked."""
        return list(
            self.connection.execute(
                select(checkouts.c.id)
                .where(and_(checkouts.c.status == "pending", checkouts.c.expires_at < now))
                .with_for_update()
            ).scalars()
        )

    def checkout_owner(self, checkout_id: str) -> Row | None:
        """{cart_id, shopper_id} of a checkout, unlocked."""
        return self._one(
            select(checkouts.c.cart_id, checkouts.c.shopper_id).where(checkouts.c.id == checkout_id)
        )

    def lock_checkout(self, checkout_id: str) -> Row:
        """A checkout row, locked."""
        row = self._one(select(checkouts).where(checkouts.c.id == checkout_id).with_for_update())
        assert row is not None
        return row

    def checkout_order_id(self, checkout_id: str) -> str | None:
        """The order a checkout made, if any."""
        return self.connection.execute(
            select(checkouts.c.order_id).where(checkouts.c.id == checkout_id)
        ).scalar()

    def set_checkout_status(
        self, checkout_id: str, status: str, order_id: str | None = None
    ) -> None:
        """Move a checkout to a new status."""
        values: Row = {"status": status}
        if order_id is not None:
            values["order_id"] = order_id
        self.connection.execute(
            update(checkouts).where(checkouts.c.id == checkout_id).values(**values)
        )

    def reservations(self, checkout_id: str) -> list[Row]:
        """What a checkout holds, by variant id."""
        return sorted(
            self._all(select(reservations).where(reservations.c.checkout_id == checkout_id)),
            key=lambda row: row["variant_id"],
        )

    def insert_reservation(self, checkout_id: str, variant_id: str, qty: int) -> None:
        """Record units held for a checkout."""
        self.connection.execute(
            insert(reservations).values(checkout_id=checkout_id, variant_id=variant_id, qty=qty)
        )

    def delete_reservations(self, checkout_id: str) -> None:
        """Forget what a checkout held."""
        self.connection.execute(
            delete(reservations).where(reservations.c.checkout_id == checkout_id)
        )

    # ---- orders and returns -----------------------------------------------------------------
    def insert_order(self, values: Row, lines: list[Row]) -> None:
        """A placed order and its lines."""
        self.connection.execute(insert(orders).values(**values))
        self.connection.execute(insert(order_lines), lines)

    def lock_order(self, order_id: str) -> Row | None:
        """An order row, locked."""
        return self._one(select(orders).where(orders.c.id == order_id).with_for_update())

    def order_lines(self, order_id: str) -> list[Row]:
        """An order's lines by variant id."""
        return self._all(
            select(order_lines)
            .where(order_lines.c.order_id == order_id)
            .order_by(order_lines.c.variant_id)
        )

    def orders_of(self, shopper_id: str) -> list[Row]:
        """A shopper's orders, newest first."""
        return self._all(
            select(orders)
            .where(orders.c.shopper_id == shopper_id)
            .order_by(orders.c.placed_at.desc(), orders.c.id)
        )

    def cancel_order(self, order_id: str, now: dt.datetime) -> None:
        """Mark an order cancelled."""
        self.connection.execute(
            update(orders)
            .where(orders.c.id == order_id)
            .values(status="cancelled", cancelled_at=now)
        )

    def add_returned(self, order_id: str, variant_id: str, qty: int) -> None:
        """Count returned units on an order line."""
        self.connection.execute(
            update(order_lines)
            .where(and_(order_lines.c.order_id == order_id, order_lines.c.variant_id == variant_id))
            .values(returned_qty=order_lines.c.returned_qty + qty)
        )

    def insert_return(self, values: Row) -> None:
        """Record an accepted return."""
        self.connection.execute(insert(returns).values(**values))

    def count_orders(self) -> int:
        """How many orders exist."""
        return int(self.connection.execute(select(func.count()).select_from(orders)).scalar() or 0)

    def attributed_order_lines(self) -> list[Row]:
        """Lines of orders that were not cancelled, with their origin (for attribution)."""
        return self._all(
            select(
                order_lines.c.order_id,
                order_lines.c.qty,
                order_lines.c.returned_qty,
                order_lines.c.unit_price_minor,
                order_lines.c.origin,
            )
            .join(orders, orders.c.id == order_lines.c.order_id)
            .where(orders.c.status != "cancelled")
        )

    # ---- idempotency and audit --------------------------------------------------------------
    def remember(self, key: str, result: Row, now: dt.datetime) -> None:
        """Record the result of an operation that must happen once."""
        self.connection.execute(insert(idempotency).values(key=key, result=result, created_at=now))

    def append_audit(
        self, actor: str, action: str, entity: str, payload: Row, at: dt.datetime
    ) -> None:
        """Append one line to the audit log."""
        self.connection.execute(
            insert(audit_log).values(
                at=at,
                actor=actor,
                action=action,
                entity=entity,
                payload=json.loads(json.dumps(payload, default=str)),
            )
        )

    def audit_entries(self) -> list[Row]:
        """The whole audit log, oldest first."""
        return self._all(select(audit_log).order_by(audit_log.c.seq))
