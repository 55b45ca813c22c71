"""The store: SQLite (WAL) by default, PostgreSQL through DATABASE_URL; versioned schema.

Every write runs in one transaction that holds the lock it needs: on SQLite `BEGIN IMMEDIATE`
takes the database write lock up front, on PostgreSQL rows are locked with `FOR UPDATE`. So
read-check-write sequences (stock, cart versions, confirmations) never interleave.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Column,
    Connection,
    DateTime,
    Engine,
    ForeignKey,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    create_engine,
    event,
    insert,
    select,
    text,
)

log = logging.getLogger(__name__)

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", DateTime(), nullable=False),
)
sessions = Table(
    "sessions",
    metadata,
    Column("id", String(128), primary_key=True),
    Column("shopper_id", String(128), nullable=False),
    Column("state", JSON, nullable=False),
    Column("updated_at", DateTime(), nullable=False),
)
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
    Column("status", String(16), nullable=False),  # pending, confirmed, expired, replaced
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

# Versioned migrations: each entry upgrades the schema by one version. Never edit a shipped
# entry; append a new one.
# Version 2: the social apps' links, consents, wishlists and message log.
social_metadata = MetaData()
social_links = Table(
    "social_links",
    social_metadata,
    Column("app", String(32), nullable=False),
    Column("handle", String(64), nullable=False),
    Column("shopper_id", String(128), nullable=False),
    Column("linked_at", DateTime(), nullable=False),
    PrimaryKeyConstraint("app", "handle"),
)
social_consents = Table(
    "social_consents",
    social_metadata,
    Column("app", String(32), nullable=False),
    Column("handle", String(64), nullable=False),
    Column("action", JSON, nullable=False),
    Column("asked_at", DateTime(), nullable=False),
    PrimaryKeyConstraint("app", "handle"),
)
wishlists = Table(
    "wishlists",
    social_metadata,
    Column("shopper_id", String(128), nullable=False),
    Column("product_id", String(128), nullable=False),
    Column("post_id", String(64)),
    Column("app", String(32)),
    Column("added_at", DateTime(), nullable=False),
    PrimaryKeyConstraint("shopper_id", "product_id"),
)
social_messages = Table(
    "social_messages",
    social_metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("app", String(32), nullable=False),
    Column("handle", String(64), nullable=False, index=True),
    Column("direction", String(8), nullable=False),  # in, out
    Column("channel", String(8), nullable=False),  # dm, public
    Column("post_id", String(64)),
    Column("text", String(10_000), nullable=False),
    Column("at", DateTime(), nullable=False),
)

MIGRATIONS: list[Callable[[Connection], None]] = [
    lambda connection: metadata.create_all(connection),
    lambda connection: social_metadata.create_all(connection),
]


def _sqlite_pragmas(dbapi_connection: Any, _: Any) -> None:
    # Autocommit at the driver level, so that SQLAlchemy's "begin" event owns BEGIN IMMEDIATE.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine with the locking behaviour this module relies on."""
    if url.startswith("sqlite"):
        engine = create_engine(
            url,
            connect_args={"timeout": 30, "check_same_thread": False},
            pool_size=20,
            max_overflow=60,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return create_engine(url, pool_size=20, max_overflow=60, pool_pre_ping=True)


class Store:
    """Owns the engine and the schema; hands out transactions."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        self.migrate()

    def migrate(self) -> int:
        """Apply pending migrations; returns the schema version now in force."""
        with self.transaction() as connection:
            if self.engine.dialect.name == "postgresql":
                # Serialise concurrent first starts: only one process creates the schema.
                connection.execute(text("SELECT pg_advisory_xact_lock(727274)"))
            schema_version.create(connection, checkfirst=True)
            current = (
                connection.execute(
                    select(schema_version.c.version).order_by(schema_version.c.version.desc())
                ).scalar()
                or 0
            )
            from assistant.clock import utcnow

            for version, migration in enumerate(MIGRATIONS[current:], start=current + 1):
                migration(connection)
                connection.execute(
                    insert(schema_version).values(version=version, applied_at=utcnow())
                )
                log.info("schema migrated to version %d", version)
            return len(MIGRATIONS)

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One atomic unit of work (write-locked on SQLite)."""
        with self.engine.begin() as connection:
            yield connection

    def audit(
        self,
        connection: Connection,
        actor: str,
        action: str,
        entity: str,
        payload: dict[str, Any],
        at: Any,
    ) -> None:
        """Append one line to the audit log, inside the caller's transaction."""
        connection.execute(
            insert(audit_log).values(
                at=at,
                actor=actor,
                action=action,
                entity=entity,
                payload=json.loads(json.dumps(payload, default=str)),
            )
        )

    def insert_if_absent(
        self, connection: Connection, table: Table, keys: list[str], values: dict[str, Any]
    ) -> None:
        """INSERT ... ON CONFLICT DO NOTHING, in the engine's own dialect."""
        if self.is_sqlite:
            from sqlalchemy.dialects.sqlite import insert as dialect_insert
        else:
            from sqlalchemy.dialects.postgresql import insert as dialect_insert
        connection.execute(
            dialect_insert(table).values(**values).on_conflict_do_nothing(index_elements=keys)
        )

    def dispose(self) -> None:
        """Close pooled connections."""
        self.engine.dispose()
