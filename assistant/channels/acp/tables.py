"""The ACP tables: checkout sessions, idempotency records and simulated delegated-payment tokens."""

from __future__ import annotations

from sqlalchemy import JSON, Column, DateTime, Integer, PrimaryKeyConstraint, String, Table

from assistant.storage.metadata import metadata

acp_sessions = Table(
    "acp_sessions",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("shopper_id", String(128), nullable=False),
    Column("status", String(32), nullable=False),
    Column("order_id", String(64), index=True),
    Column("state", JSON, nullable=False),  # buyer, fulfilment, selection, checkout, order
    Column("created_at", DateTime(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
)
acp_idempotency = Table(
    "acp_idempotency",
    metadata,
    Column("scope", String(200), nullable=False),  # caller and endpoint
    Column("key", String(255), nullable=False),
    Column("request_hash", String(64), nullable=False),
    Column("state", String(16), nullable=False),  # in_flight, done
    Column("holder", String(32), nullable=False),  # the request that claimed the key
    Column("status_code", Integer),
    Column("response", JSON),
    Column("created_at", DateTime(), nullable=False),
    PrimaryKeyConstraint("scope", "key"),
)
acp_payment_tokens = Table(
    "acp_payment_tokens",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("allowance", JSON, nullable=False),
    Column("card", JSON, nullable=False),  # display brand and last four only, never the number
    Column("created_at", DateTime(), nullable=False),
    Column("used_by", String(64)),  # the checkout session that spent it
)
