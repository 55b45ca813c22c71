"""Every attack of issue 12, over a real uvicorn server with the demo off: the right 4xx,
no state changed (carts, orders, links, consents, DMs, wishlists, the victim's pending
checkout) and nothing of the victim's shown. The attempts are in
`assistant/testing/redteam_attacks.py`; `bench/red_team.py` runs the same list and prints
tried / refused / broke."""

from __future__ import annotations

import httpx
import pytest

from assistant.channels.http.app import create_app
from assistant.testing import redteam
from assistant.testing.redteam_attacks import ATTACKS
from assistant.testing.servers import NoCookies, serve_in_thread

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(own_store_assistant, demo_settings):
    settings = demo_settings.model_copy(
        update={"demo_mode": False, "rate_limit_per_address": "100000/minute"}
    )
    app = create_app(own_store_assistant, settings)  # with the Gradio app: framing is checked
    with (
        serve_in_thread(app) as url,
        httpx.Client(base_url=url, timeout=60, cookies=NoCookies()) as client,
    ):
        services = app.state.services
        yield client, services, redteam.prepare(client, services)


def test_there_are_at_least_forty_distinct_attacks():
    assert len({attack.name for attack in ATTACKS}) == len(ATTACKS) >= 40


@pytest.mark.parametrize("attack", ATTACKS, ids=[attack.name for attack in ATTACKS])
def test_attack_is_refused_and_changes_nothing(server, attack):
    client, services, scene = server
    outcome = redteam.run(client, services, scene, attack)
    assert outcome.refused, f"{attack.name}: {outcome.status} {outcome.why}"


def test_the_victims_own_credentials_still_work(server):
    """The refusals are not a broken server: the victim confirms their own checkout."""
    client, services, scene = server
    confirmed = client.post(
        "/api/checkout/confirm",
        json={"checkout_id": scene.checkout_id, "nonce": scene.nonce},
        headers={"X-Session-Id": scene.victim},
    )
    assert confirmed.status_code == 200 and len(confirmed.json()["orders"]) == 1
    orders = client.get("/api/orders", headers={"X-Session-Id": scene.victim}).json()["orders"]
    assert [order["order_id"] for order in orders] == confirmed.json()["orders"]
    handle_data = services.apps.dm(redteam.APP, redteam.VICTIM_HANDLE, "my data")
    assert "shop:ben_k" in handle_data.dms[0]  # the verified handle sees its own data
