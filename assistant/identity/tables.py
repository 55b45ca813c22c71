"""Identity's tables: issued sessions, shopper accounts, one-time codes, rate-limit counters."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Float, Integer, String, Table

from assistant.storage.metadata import metadata

# A session is stored by the SHA-256 of its secret: the table never holds a usable id.
web_sessions = Table(
    "web_sessions",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("shopper_id", String(128), nullable=False),
    Column("account_id", String(64)),
    Column("channel", String(16), nullable=False),
    Column("csrf_secret", String(64), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("last_seen_at", DateTime(), nullable=False, index=True),
)
shopper_accounts = Table(
    "shopper_accounts",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("password_hash", String(256)),  # NULL: no password (a demo shopper)
    Column("shopper_id", String(128), nullable=False, unique=True),
    Column("created_at", DateTime(), nullable=False),
)
sign_in_codes = Table(
    "sign_in_codes",
    metadata,
    Column("username", String(64), primary_key=True),
    Column("code_hash", String(64), nullable=False),
    Column("expires_at", DateTime(), nullable=False),
    Column("attempts", Integer, nullable=False),
)
# Counters of the `database` rate-limit storage (shared by every worker on one store).
rate_limit_counters = Table(
    "rate_limit_counters",
    metadata,
    Column("key", String(255), primary_key=True),
    Column("count", Integer, nullable=False),
    Column("expires_at", Float, nullable=False, index=True),  # seconds since the epoch
)
