from sqlalchemy import select

from assistant.store import MIGRATIONS, Store, schema_version


def test_migrations_apply_once_and_record_the_version(tmp_path):
    url = f"sqlite:///{tmp_path / 'shop.sqlite3'}"
    first = Store(url)
    assert first.migrate() == len(MIGRATIONS)
    first.dispose()
    again = Store(url)
    with again.transaction() as connection:
        versions = connection.execute(select(schema_version.c.version)).scalars().all()
        mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
    assert versions == list(range(1, len(MIGRATIONS) + 1))
    assert mode == "wal"
    again.dispose()


def test_postgres_schema(postgres_url):
    store = Store(postgres_url)
    with store.transaction() as connection:
        assert connection.execute(select(schema_version.c.version)).scalars().all() == [1]
    store.dispose()
