"""Races: many confirmations of one checkout, parallel cart edits, two shoppers for the last item.

Each runs on SQLite (WAL) and, where it is installed, on a real PostgreSQL server."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from assistant.commerce import CommerceError, CommerceService, Confirmation
from assistant.commerce.pricing import PricingRules
from assistant.storage.engine import Store

pytestmark = pytest.mark.slow


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'shop.sqlite3'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def make_service(database_url, tiny_catalogue):
    stores: list[Store] = []

    def build(max_line_qty: int = 10) -> CommerceService:
        store = Store(database_url)
        stores.append(store)
        return CommerceService(store, tiny_catalogue, PricingRules(max_line_qty=max_line_qty))

    yield build
    for store in stores:
        store.dispose()


def _together(count: int, work) -> list:
    barrier = threading.Barrier(count)

    def run(index: int):
        barrier.wait()
        try:
            return work(index)
        except CommerceError as error:
            return error

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))


def test_fifty_confirmations_of_one_checkout_make_one_order(make_service):
    service = make_service()
    service.add_item("ann", "T2", 2)
    summary = service.start_checkout("ann")
    confirmation = Confirmation(source="ui_button", shopper_id="ann", evidence="button-1")
    results = _together(50, lambda _: service.confirm_checkout(summary.checkout_id, confirmation))
    assert all(not isinstance(result, CommerceError) for result in results), results
    assert len({result.order.order_id for result in results}) == 1
    assert sum(result.created for result in results) == 1  # only one call says it placed it
    assert service.count_orders() == 1
    assert service.available("T2-blue") == 10


def test_twenty_parallel_add_remove_streams_end_at_the_net_quantity(make_service, tiny_catalogue):
    tiny_catalogue.product("T2").variants[0].stock = 10_000
    service = make_service(max_line_qty=1000)
    service.add_item("ann", "T2", 100)

    def stream(index: int) -> None:
        for _ in range(20 if index % 2 == 0 else 10):
            if index % 2 == 0:
                service.add_item("ann", "T2", 1)
            else:
                service.remove_item("ann", "T2", qty=1)

    results = _together(20, stream)
    assert not [r for r in results if isinstance(r, CommerceError)]
    assert service.get_cart("ann").lines[0].qty == 100 + 10 * 20 - 10 * 10


def test_two_shoppers_racing_for_the_last_item(make_service, tiny_catalogue):
    tiny_catalogue.product("T2").variants[0].stock = 1
    service = make_service()
    for shopper in ("ann", "bob"):
        service.add_item(shopper, "T2", 1)

    def buy(index: int):
        shopper = ("ann", "bob")[index]
        summary = service.start_checkout(shopper)
        return service.confirm_checkout(
            summary.checkout_id,
            Confirmation(source="shopper_reply", shopper_id=shopper, evidence="yes"),
        )

    results = _together(2, buy)
    orders = [result for result in results if not isinstance(result, CommerceError)]
    refusals = [result for result in results if isinstance(result, CommerceError)]
    assert len(orders) == 1 and len(refusals) == 1
    assert refusals[0].code == "out_of_stock"
    assert service.available("T2-blue") == 0
    assert service.count_orders() == 1
