from sqlalchemy import select

from assistant.storage.engine import MIGRATIONS, Store, schema_version


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
        versions = connection.execute(select(schema_version.c.version)).scalars().all()
        assert versions == list(range(1, len(MIGRATIONS) + 1))
    store.dispose()


def test_a_version_1_database_is_upgraded_in_place(tmp_path):
    from sqlalchemy import inspect

    from assistant.storage import engine as store_module

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    original = list(store_module.MIGRATIONS)
    store_module.MIGRATIONS[:] = original[:1]
    try:
        Store(url).dispose()  # a database made by the first release
    finally:
        store_module.MIGRATIONS[:] = original
    upgraded = Store(url)
    assert "social_links" in inspect(upgraded.engine).get_table_names()
    upgraded.dispose()
