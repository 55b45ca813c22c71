"""The store's schema: Alembic revisions apply once, match the declared tables, and upgrade
databases made by earlier releases in place."""

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from assistant.storage.engine import Store
from assistant.storage.migrations_runner import alembic_config, current_revision
from assistant.wiring import schema_metadata


def test_migrations_apply_once_and_match_the_declared_tables(tmp_path):
    url = f"sqlite:///{tmp_path / 'shop.sqlite3'}"
    first = Store(url)
    head = first.migrate()
    first.dispose()
    again = Store(url)
    with again.transaction() as connection:
        assert current_revision(connection) == head
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        differences = compare_metadata(MigrationContext.configure(connection), schema_metadata())
    assert differences == [], "a table changed without a migration: scripts/new_migration.py"
    again.dispose()


def test_postgres_schema_matches_too(postgres_url):
    store = Store(postgres_url)
    with store.transaction() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), schema_metadata())
    assert differences == []
    store.dispose()


def test_a_revision_1_database_is_upgraded_in_place(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = create_engine(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0001")
        assert "social_links" not in inspect(connection).get_table_names()
    engine.dispose()
    upgraded = Store(url)
    assert "social_links" in inspect(upgraded.engine).get_table_names()
    upgraded.dispose()


def test_a_database_from_before_alembic_is_stamped_then_upgraded(tmp_path):
    url = f"sqlite:///{tmp_path / 'legacy.sqlite3'}"
    engine = create_engine(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0001")  # the version-1 tables
        connection.execute(text("DROP TABLE alembic_version"))
        connection.execute(text("CREATE TABLE schema_version (version INTEGER, applied_at TEXT)"))
        connection.execute(text("INSERT INTO schema_version VALUES (1, '2026-01-01')"))
    engine.dispose()
    upgraded = Store(url)
    with upgraded.transaction() as connection:
        head = ScriptDirectory.from_config(alembic_config(connection)).get_current_head()
        assert current_revision(connection) == head  # every revision since, applied
    assert {"social_links", "web_sessions"} <= set(inspect(upgraded.engine).get_table_names())
    upgraded.dispose()
