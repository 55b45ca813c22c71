"""Schema migrations with Alembic, run inside the caller's transaction.

Revisions live in `assistant/storage/migrations/versions/`, one file per schema change; each
feature's tables are declared in its own `tables.py`. A database made before Alembic (it has
the old `schema_version` table) is stamped at the revision it already has, then upgraded.
"""

from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, MetaData, inspect, text

# The revisions that match the pre-Alembic schema versions 1 and 2.
LEGACY_REVISIONS = {1: "0001", 2: "0002"}


def alembic_config(connection: Connection, metadata: MetaData | None = None) -> Config:
    """An in-memory Alembic config bound to one connection (no alembic.ini needed)."""
    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("assistant.storage").joinpath("migrations"))
    )
    config.attributes["connection"] = connection
    config.attributes["metadata"] = metadata
    return config


def current_revision(connection: Connection) -> str | None:
    """The revision the database is at (None for an empty one)."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(connection: Connection, target: str = "head") -> str:
    """Stamp a pre-Alembic database, then apply every pending revision."""
    config = alembic_config(connection)
    tables = inspect(connection).get_table_names()
    if "schema_version" in tables and "alembic_version" not in tables:
        legacy = connection.execute(text("SELECT max(version) FROM schema_version")).scalar()
        command.stamp(config, LEGACY_REVISIONS[int(legacy)])
    command.upgrade(config, target)
    return current_revision(connection) or ""
