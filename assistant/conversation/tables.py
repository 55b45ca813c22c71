"""The conversation's table: each session's dialogue state."""

from __future__ import annotations

from sqlalchemy import JSON, Column, DateTime, String, Table

from assistant.storage.metadata import metadata

sessions = Table(
    "sessions",
    metadata,
    Column("id", String(128), primary_key=True),
    Column("shopper_id", String(128), nullable=False),
    Column("state", JSON, nullable=False),
    Column("updated_at", DateTime(), nullable=False),
)
