"""SIGKILL at each step of checkout, restart, retry: exactly one order, consistent stock and
log, on SQLite and on PostgreSQL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from assistant.commerce import CommerceService, Confirmation, replay_audit
from assistant.commerce.failpoints import CRASH_ENV
from assistant.commerce.tables import checkouts
from assistant.storage.engine import Store
from tests.test_cart import database_state

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
@pytest.mark.parametrize(
    "step", ["checkout.after_reserve", "checkout.after_order_write", "checkout.before_reply"]
)
def test_crash_at_each_checkout_step_then_retry(step, engine, tmp_path, tiny_catalogue, request):
    if engine == "postgresql":  # the store several workers share; skipped without PostgreSQL
        url = request.getfixturevalue("postgres_url")
    else:
        url = f"sqlite:///{tmp_path / 'shop.sqlite3'}"
    child = subprocess.run(
        [sys.executable, "-m", "tests.crash_child", url],
        cwd=ROOT,
        env={**os.environ, CRASH_ENV: step},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr

    store = Store(url)  # the restart
    service = CommerceService(store, tiny_catalogue)
    with store.transaction() as connection:
        checkout_id = connection.execute(select(checkouts.c.id)).scalar_one()
    confirmation = Confirmation(source="shopper_reply", shopper_id="ann", evidence="yes please")
    order = service.confirm_checkout(checkout_id, confirmation).order
    again = service.confirm_checkout(checkout_id, confirmation)

    assert again.order.order_id == order.order_id and not again.created
    assert service.count_orders() == 1
    assert order.lines[0].qty == 2
    carts, stock = database_state(store)
    assert stock["T2-blue"] == (10, 0)  # 12 on hand, 2 sold, nothing left reserved
    assert carts == {}
    assert replay_audit(service.audit_entries()) == (carts, stock)
    store.dispose()
