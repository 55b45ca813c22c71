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
        assert current_revision(connection) == head  # stamped at 0001, then every later one
    assert {"social_links", "web_sessions"} <= set(inspect(upgraded.engine).get_table_names())
    upgraded.dispose()


def test_a_read_runs_beside_a_writer_and_writers_queue_in_process(tmp_path):
    """SQLite: a read takes no write lock (WAL lets it run while a write is open); a second
    writer of this process queues behind the first and then writes (on the in-process lock,
    not in SQLite's busy back-off: bench/http_bench.py shows the difference)."""
    import threading
    import time

    store = Store(f"sqlite:///{tmp_path / 'shop.sqlite3'}")
    writing, release, times = threading.Event(), threading.Event(), {}

    def hold_the_write_lock() -> None:
        with store.transaction() as connection:
            connection.execute(text("CREATE TABLE IF NOT EXISTS probe (x INTEGER)"))
            writing.set()
            release.wait(10)
            times["released"] = time.perf_counter()

    def second_writer() -> None:
        with store.transaction() as connection:
            times["second"] = time.perf_counter()
            connection.execute(text("INSERT INTO probe VALUES (1)"))

    first = threading.Thread(target=hold_the_write_lock)
    first.start()
    assert writing.wait(10)
    started = time.perf_counter()
    with store.reading() as connection:  # BEGIN IMMEDIATE would wait here for the writer
        assert connection.execute(text("SELECT count(*) FROM web_sessions")).scalar() == 0
    assert time.perf_counter() - started < 1
    second = threading.Thread(target=second_writer)
    second.start()
    time.sleep(0.3)  # the second writer is queued behind the first by now
    release.set()
    first.join(10)
    second.join(10)
    assert times["second"] >= times["released"]
    with store.reading() as connection:
        assert connection.execute(text("SELECT count(*) FROM probe")).scalar() == 1
    store.dispose()


def test_looking_at_an_empty_cart_writes_nothing(tmp_path, tiny_catalogue):
    from assistant.commerce import CommerceService
    from assistant.commerce.tables import carts

    store = Store(f"sqlite:///{tmp_path / 'shop.sqlite3'}")
    service = CommerceService(store, tiny_catalogue)
    view = service.get_cart("ann")
    assert (view.shopper_id, view.version, view.lines) == ("ann", 0, [])
    with store.reading() as connection:
        assert connection.execute(carts.select()).first() is None
    assert service.add_item("ann", "T2", 1).version == 1
    assert service.get_cart("ann").lines[0].qty == 1
    store.dispose()
