"""The MCP table: links that let the shopper confirm a summary on the shop's own page."""

from __future__ import annotations

from sqlalchemy import JSON, Column, DateTime, String, Table

from assistant.storage.metadata import metadata

confirm_links = Table(
    "mcp_confirm_links",
    metadata,
    Column("token_hash", String(64), primary_key=True),  # sha256 of the link's secret
    Column("checkout_id", String(64), nullable=False),
    Column("shopper_id", String(128), nullable=False),
    Column("summary", JSON, nullable=False),  # what the page shows the shopper
    Column("created_at", DateTime(), nullable=False),
)
