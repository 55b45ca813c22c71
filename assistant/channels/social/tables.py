"""The social apps' tables: handle links, pending consents, wishlists and the message log."""

from __future__ import annotations

from sqlalchemy import JSON, Column, DateTime, Integer, PrimaryKeyConstraint, String, Table

from assistant.storage.metadata import metadata

social_links = Table(
    "social_links",
    metadata,
    Column("app", String(32), nullable=False),
    Column("handle", String(64), nullable=False),
    Column("shopper_id", String(128), nullable=False),
    Column("linked_at", DateTime(), nullable=False),
    PrimaryKeyConstraint("app", "handle"),
)
social_consents = Table(
    "social_consents",
    metadata,
    Column("app", String(32), nullable=False),
    Column("handle", String(64), nullable=False),
    Column("action", JSON, nullable=False),
    Column("asked_at", DateTime(), nullable=False),
    PrimaryKeyConstraint("app", "handle"),
)
wishlists = Table(
    "wishlists",
    metadata,
    Column("shopper_id", String(128), nullable=False),
    Column("product_id", String(128), nullable=False),
    Column("post_id", String(64)),
    Column("app", String(32)),
    Column("added_at", DateTime(), nullable=False),
    PrimaryKeyConstraint("shopper_id", "product_id"),
)
social_messages = Table(
    "social_messages",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("app", String(32), nullable=False),
    Column("handle", String(64), nullable=False, index=True),
    Column("direction", String(8), nullable=False),  # in, out
    Column("channel", String(8), nullable=False),  # dm, public, reaction
    Column("post_id", String(64)),
    Column("text", String(10_000), nullable=False),
    Column("at", DateTime(), nullable=False),
)
# The simulated apps as platforms: their users' sign-in tokens (stored by SHA-256), and the
# ids of signed events the shop has already accepted (a replay is refused).
social_app_tokens = Table(
    "social_app_tokens",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("app", String(32), nullable=False),
    Column("handle", String(64), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("last_seen_at", DateTime(), nullable=False, index=True),
)
social_events_seen = Table(
    "social_events_seen",
    metadata,
    Column("app", String(32), nullable=False),
    Column("event_id", String(64), nullable=False),
    Column("received_at", DateTime(), nullable=False, index=True),
    PrimaryKeyConstraint("app", "event_id"),
)
