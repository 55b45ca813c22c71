"""Write a new Alembic revision: the difference between the tables the code declares and a
database at the newest revision. Usage: python scripts/new_migration.py "what changes"."""

from __future__ import annotations

import re
import sys
import tempfile

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from assistant.storage.migrations_runner import alembic_config
from assistant.wiring import schema_metadata


def main(message: str) -> None:
    """Autogenerate the next numbered revision into assistant/storage/migrations/versions."""
    with tempfile.TemporaryDirectory() as folder:
        engine = create_engine(f"sqlite:///{folder}/schema.sqlite3")
        with engine.begin() as connection:
            config = alembic_config(connection, schema_metadata())
            command.upgrade(config, "head")
            head = ScriptDirectory.from_config(config).get_current_head() or "0000"
            slug = re.sub(r"\W+", "_", message.lower()).strip("_")[:40]
            command.revision(
                config, message=message, autogenerate=True, rev_id=f"{int(head) + 1:04d}"
            )
            print(f"wrote revision {int(head) + 1:04d} ({slug}); review it before committing")


if __name__ == "__main__":
    main(" ".join(sys.argv[1:]) or "schema change")
