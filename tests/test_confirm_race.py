"""200 parallel confirmations from the owner over a real server: 100 «yes» in the chat and
100 presses of the confirm button at once make one order, listed in exactly one reply."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from assistant.channels.http.app import create_app
from assistant.testing.servers import NoCookies, serve_in_thread

pytestmark = pytest.mark.slow
PARALLEL = 200


@pytest.fixture(scope="module")
def base_url(own_store_assistant, demo_settings):
    settings = demo_settings.model_copy(
        update={"rate_limit_per_minute": 10_000, "rate_limit_per_address": "100000/minute"}
    )
    with serve_in_thread(create_app(own_store_assistant, settings, with_ui=False)) as url:
        yield url


def test_200_parallel_yes_and_button_confirms_make_one_order_listed_once(
    base_url, own_store_assistant
):
    bot = own_store_assistant
    with httpx.Client(base_url=base_url, timeout=120, cookies=NoCookies()) as client:
        started = client.post("/api/chat", json={"message": "hi"}).json()
        session = {"X-Session-Id": started["session_id"]}
        shopper = client.get("/api/cart", headers=session).json()["shopper_id"]
        product = next(
            p
            for p in bot.services.catalogue.products.values()
            if len(p.variants) == 1 and bot.commerce.available(p.variants[0].id) > 2
        )
        bot.commerce.add_item(shopper, product.id, 1)
        pending = client.post("/api/chat", json={"message": "checkout"}, headers=session).json()
        summary = pending["pending_checkout"]
        button = {"checkout_id": summary["checkout_id"], "nonce": summary["nonce"]}
        orders_before = bot.commerce.count_orders()

        def confirm(index: int) -> httpx.Response:
            if index % 2:
                return client.post("/api/chat", json={"message": "yes"}, headers=session)
            return client.post("/api/checkout/confirm", json=button, headers=session)

        with ThreadPoolExecutor(max_workers=50) as pool:
            responses = list(pool.map(confirm, range(PARALLEL)))
    assert [r.status_code for r in responses] == [200] * PARALLEL
    listed = [order for r in responses for order in r.json()["orders"]]
    assert bot.commerce.count_orders() == orders_before + 1
    placed = [order.order_id for order in bot.commerce.list_orders(shopper)]
    assert len(placed) == 1 and listed == placed  # one order, in exactly one reply
