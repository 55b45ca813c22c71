"""`shopassist serve --workers N`: refused while state would stay in one process; with
PostgreSQL, a Chroma server and shared limits, 4 real workers make one order of 200
parallel confirmations."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from assistant.catalogue.models import Catalogue
from assistant.channels import cli
from assistant.channels.http.workers import (
    WorkersRefused,
    check_workers,
    encoder_threads_per_worker,
    refusals,
    worker_environment,
)
from assistant.channels.social.apps import APPS
from assistant.commerce import CommerceService
from assistant.settings import Settings, get_settings
from assistant.storage.engine import Store
from assistant.testing.servers import NoCookies, cpu_ticks, serve_workers, worker_pids
from tests.conftest import SHARED_DATA, TINY_CATALOGUE

SHARED = {
    "database_url": "postgresql://shop@db/shop",
    "chroma_url": "http://chroma:8000",
    "rate_limit_storage": "database",
}


def test_one_worker_needs_nothing_shared(tiny_settings: Settings) -> None:
    assert refusals(tiny_settings, 1) == []
    check_workers(tiny_settings, 1)


def test_several_workers_on_embedded_defaults_are_refused_with_every_fix(
    tiny_settings: Settings,
) -> None:
    with pytest.raises(WorkersRefused) as refused:
        check_workers(tiny_settings, 4)
    message = str(refused.value)
    assert "cannot start 4 workers" in message
    for fix in ("DATABASE_URL=postgresql://", "CHROMA_URL=http://", "RATE_LIMIT_STORAGE=database"):
        assert fix in message


@pytest.mark.parametrize("embedded", ["database_url", "chroma_url", "rate_limit_storage"])
def test_each_embedded_engine_alone_is_refused(tiny_settings: Settings, embedded: str) -> None:
    local = {
        "database_url": "sqlite:///x.db",
        "chroma_url": None,
        "rate_limit_storage": "memory://",
    }
    settings = tiny_settings.model_copy(update={**SHARED, embedded: local[embedded]})
    assert len(refusals(settings, 2)) == 1
    assert refusals(tiny_settings.model_copy(update=SHARED), 2) == []


def test_serve_with_workers_on_sqlite_exits_2_and_says_what_to_set(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("DATABASE_URL", "CHROMA_URL", "RATE_LIMIT_STORAGE"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    try:
        assert cli.main(["serve", "--workers", "3"]) == 2
    finally:
        get_settings.cache_clear()
    error = capsys.readouterr().err
    assert "cannot start 3 workers" in error and "SQLite" in error and "chroma run" in error


def test_workers_share_the_cores_and_one_set_of_app_secrets(tiny_settings: Settings) -> None:
    assert encoder_threads_per_worker(4, cores=2) == 1
    assert encoder_threads_per_worker(2, cores=16) == 8
    configured = tiny_settings.model_copy(update={"social_app_secrets": {"photo": "kept"}})
    env = worker_environment(configured, 4)
    assert env["ENCODER_THREADS"] == str(encoder_threads_per_worker(4))
    secrets = json.loads(env["SOCIAL_APP_SECRETS"])
    assert secrets["photo"] == "kept" and set(secrets) == set(APPS)
    # Inherited by every worker: one secret per app for the whole server.
    assert Settings(social_app_secrets=secrets).social_app_secrets == secrets


def test_workers_starting_together_on_one_postgres_seed_stock_once(
    postgres_url: str, tiny_catalogue: Catalogue
) -> None:
    """Each worker seeds stock on start; four at once must not insert (or audit) twice."""
    from threading import Barrier

    Store(postgres_url).dispose()  # the schema first, as the parent's index run would
    barrier = Barrier(4)

    def start_worker(_: int) -> int:
        store = Store(postgres_url, migrate=False)  # an engine of its own, like a process
        barrier.wait()
        seeded = CommerceService(store, tiny_catalogue).seed_stock()
        store.dispose()
        return seeded

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(start_worker, range(4)))
    service = CommerceService(Store(postgres_url), tiny_catalogue)
    variants = sum(len(product.variants) for product in tiny_catalogue.products.values())
    seeded = [entry for entry in service.audit_entries() if entry["action"] == "stock.seeded"]
    assert len(seeded) == variants
    service.store.dispose()


def test_workers_starting_together_seed_each_demo_account_once(postgres_url: str) -> None:
    """Each worker seeds the demo shoppers' accounts on start: no unique-key crash."""
    import datetime as dt
    from threading import Barrier

    from assistant.identity.repository import IdentityRepository

    Store(postgres_url).dispose()
    barrier = Barrier(4)
    account = {"id": "acct-ann", "username": "ann", "password_hash": None, "shopper_id": "ann"}

    def seed(_: int) -> bool:
        store = Store(postgres_url, migrate=False)
        barrier.wait()
        created = IdentityRepository(store).insert_account_if_absent(
            {**account, "created_at": dt.datetime.now(dt.UTC).replace(tzinfo=None)}
        )
        store.dispose()
        return created

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert sorted(pool.map(seed, range(4))) == [False, False, False, True]


@pytest.mark.slow
def test_four_workers_on_postgres_and_chroma_make_one_order_of_200_confirms(
    postgres_url: str, chroma_url: str, tiny_catalogue: Catalogue, tmp_path: Path
) -> None:
    env = {
        "DATABASE_URL": postgres_url,
        "CHROMA_URL": chroma_url,
        "RATE_LIMIT_STORAGE": "database",
        "RATE_LIMIT_PER_MINUTE": "100000",
        "RATE_LIMIT_PER_ADDRESS": "100000/minute",
        "CATALOGUE_PATH": str(TINY_CATALOGUE),
        "INDEX_DIR": str(tmp_path / "index"),
        "DATA_DIR": str(tmp_path / "var"),
        "MODELS_DIR": str(tmp_path / "models"),
        "SHARED_DATA_DIR": str(SHARED_DATA),
        "EVIDENCE_MODELS": "off",
    }
    with serve_workers(env, 4, tmp_path / "serve.log") as (server, url):
        workers = worker_pids(server.pid)
        assert len(workers) == 4
        ticks_before = {pid: cpu_ticks(pid) for pid in workers}
        commerce = CommerceService(Store(postgres_url), tiny_catalogue)
        with httpx.Client(base_url=url, timeout=120, cookies=NoCookies()) as client:
            started = client.post("/api/chat", json={"message": "hi"}).json()
            session = {"X-Session-Id": started["session_id"]}
            shopper = client.get("/api/cart", headers=session).json()["shopper_id"]
            commerce.add_item(shopper, "T2", 1)
            pending = client.post("/api/chat", json={"message": "checkout"}, headers=session)
            summary = pending.json()["pending_checkout"]
            button = {"checkout_id": summary["checkout_id"], "nonce": summary["nonce"]}

            def confirm(index: int) -> httpx.Response:
                if index % 2:  # the chat's «yes» reads the dialogue state from PostgreSQL
                    return client.post("/api/chat", json={"message": "yes"}, headers=session)
                return client.post("/api/checkout/confirm", json=button, headers=session)

            with ThreadPoolExecutor(max_workers=50) as pool:
                responses = list(pool.map(confirm, range(200)))
            mcp = client.post("/mcp", json={"jsonrpc": "2.0", "id": 1, "method": "ping"})
        busy = [pid for pid in workers if cpu_ticks(pid) > ticks_before[pid]]
    assert [r.status_code for r in responses] == [200] * 200
    listed = [order for r in responses for order in r.json()["orders"]]
    placed = [order.order_id for order in commerce.list_orders(shopper)]
    assert commerce.count_orders() == 1 and len(placed) == 1 and listed == placed
    assert len(busy) >= 2, "the confirmations should have been spread over several workers"
    assert mcp.status_code == 503 and "single-worker" in mcp.json()["error"]["message"]
    commerce.store.dispose()
