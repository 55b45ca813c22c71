"""The commerce tables: carts, stock, checkouts, orders, returns, idempotency and audit log."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
)

from assistant.storage.metadata import metadata

carts = Table(
    "carts",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("shopper_id", String(128), nullable=False, unique=True),
    Column("version", Integer, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
)
cart_lines = Table(
    "cart_lines",
    metadata,
    Column("cart_id", String(64), ForeignKey("carts.id"), nullable=False),
    Column("variant_id", String(128), nullable=False),
    Column("product_id", String(128), nullable=False),
    Column("qty", Integer, nullable=False),
    Column("unit_price_minor", BigInteger, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("origin", JSON, nullable=False),
    Column("added_at", DateTime(), nullable=False),
    PrimaryKeyConstraint("cart_id", "variant_id"),
    CheckConstraint("qty > 0", name="cart_line_qty_positive"),
)
stock = Table(
    "stock",
    metadata,
    Column("variant_id", String(128), primary_key=True),
    Column("product_id", String(128), nullable=False),
    Column("on_hand", Integer, nullable=False),
    Column("reserved", Integer, nullable=False),
    CheckConstraint("reserved >= 0 AND on_hand >= reserved", name="stock_never_negative"),
)
checkouts = Table(
    "checkouts",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("cart_id", String(64), ForeignKey("carts.id"), nullable=False),
    Column("shopper_id", String(128), nullable=False),
    Column("cart_version", Integer, nullable=False),
    # pending, confirmed, expired, replaced, cancelled
    Column("status", String(16), nullable=False),
    Column("summary", JSON, nullable=False),
    Column("total_minor", BigInteger, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("expires_at", DateTime(), nullable=False),
    Column("order_id", String(64)),
)
reservations = Table(
    "reservations",
    metadata,
    Column("checkout_id", String(64), ForeignKey("checkouts.id"), nullable=False),
    Column("variant_id", String(128), nullable=False),
    Column("qty", Integer, nullable=False),
    PrimaryKeyConstraint("checkout_id", "variant_id"),
)
orders = Table(
    "orders",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("shopper_id", String(128), nullable=False, index=True),
    Column("checkout_id", String(64), nullable=False, unique=True),  # one order per checkout
    Column("status", String(16), nullable=False),  # placed, cancelled (shipping is derived)
    Column("subtotal_minor", BigInteger, nullable=False),
    Column("shipping_minor", BigInteger, nullable=False),
    Column("tax_minor", BigInteger, nullable=False),
    Column("total_minor", BigInteger, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("confirmation", JSON, nullable=False),
    Column("placed_at", DateTime(), nullable=False),
    Column("shipping_days", Integer, nullable=False),
    Column("cancelled_at", DateTime()),
)
order_lines = Table(
    "order_lines",
    metadata,
    Column("order_id", String(64), ForeignKey("orders.id"), nullable=False),
    Column("variant_id", String(128), nullable=False),
    Column("product_id", String(128), nullable=False),
    Column("title", String(500), nullable=False),
    Column("qty", Integer, nullable=False),
    Column("returned_qty", Integer, nullable=False),
    Column("unit_price_minor", BigInteger, nullable=False),
    Column("return_window_days", Integer, nullable=False),
    Column("origin", JSON, nullable=False),
    PrimaryKeyConstraint("order_id", "variant_id"),
    CheckConstraint("returned_qty >= 0 AND returned_qty <= qty", name="returns_within_qty"),
)
returns = Table(
    "returns",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("order_id", String(64), ForeignKey("orders.id"), nullable=False),
    Column("items", JSON, nullable=False),
    Column("refund_minor", BigInteger, nullable=False),
    Column("created_at", DateTime(), nullable=False),
)
idempotency = Table(
    "idempotency",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("result", JSON, nullable=False),
    Column("created_at", DateTime(), nullable=False),
)
audit_log = Table(
    "audit_log",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(), nullable=False),
    Column("actor", String(128), nullable=False),
    Column("action", String(64), nullable=False),
    Column("entity", String(128), nullable=False),
    Column("payload", JSON, nullable=False),
)
