"""The store: SQLite (WAL) by default, PostgreSQL through DATABASE_URL; schema by Alembic.

Every write runs in one transaction that holds the lock it needs: on SQLite `BEGIN IMMEDIATE`
takes the database write lock up front, on PostgreSQL rows are locked with `FOR UPDATE`. So
read-check-write sequences (stock, cart versions, confirmations) never interleave.

On SQLite, writers of one process first queue on an in-process lock: a thread that finds
the database locked would otherwise sleep in SQLite's busy handler (1, 2, 5 ... 100 ms
back-off) while the lock is free again within a millisecond, which is what made concurrent
turns queue. Reads that write nothing use `reading()`, a deferred transaction that WAL runs
beside a writer, so they take no write lock at all.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, Table, create_engine, event, text

from assistant.storage.migrations_runner import upgrade_to_head

log = logging.getLogger(__name__)
READ_ONLY = "shopassist_read_only"  # execution option: this transaction only reads
_sqlite_writers: dict[str, threading.RLock] = {}  # one per database URL in this process
_writers_guard = threading.Lock()


def _sqlite_begin(connection: Connection) -> None:
    """BEGIN IMMEDIATE (the write lock up front), or a deferred BEGIN for a read."""
    read_only = connection.get_execution_options().get(READ_ONLY, False)
    connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def _writer_lock(url: str) -> threading.RLock:
    with _writers_guard:
        return _sqlite_writers.setdefault(url, threading.RLock())


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
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return create_engine(url, pool_size=20, max_overflow=60, pool_pre_ping=True)


class Store:
    """Owns the engine and the schema; hands out transactions."""

    def __init__(self, url: str, migrate: bool = True) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        # Reentrant: a nested write (never done on purpose) waits on SQLite as it used to.
        self._writer = _writer_lock(url) if self.is_sqlite else None
        if migrate:
            self.migrate()

    def migrate(self) -> str:
        """Bring the schema up to the newest revision; returns the revision now in force."""
        with self.transaction() as connection:
            if self.engine.dialect.name == "postgresql":
                # Serialise concurrent first starts: only one process upgrades the schema.
                connection.execute(text("SELECT pg_advisory_xact_lock(727274)"))
            return upgrade_to_head(connection)

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One atomic unit of work (write-locked on SQLite)."""
        if self._writer is None:
            with self.engine.begin() as connection:
                yield connection
            return
        with self._writer, self.engine.begin() as connection:
            yield connection

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A transaction that only reads: one consistent snapshot, no write lock."""
        with self.engine.connect() as connection:
            connection.execution_options(**{READ_ONLY: True})
            with connection.begin():
                yield connection

    def one_at_a_time(self, connection: Connection, name: str) -> None:
        """Hold a lock named `name` until this transaction ends, across processes: for work
        that several workers may start at once (seeding). SQLite's write lock already is one."""
        if not self.is_sqlite:
            key = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})

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
