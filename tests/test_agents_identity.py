"""MCP sessions and ACP guests go through the identity service, and /mcp and /acp have its
abuse limits: on a real uvicorn server, a real MCP client (the SDK's `ClientSession`), the
real model and store, and a clock the tests move to make sessions idle out.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import anyio
import httpx
import httpx2
import pytest
from fastapi import FastAPI
from mcp import ClientSession
from mcp.client.streamable_http import streamable_http_client
from sqlalchemy import select

from assistant.channels.acp.tables import acp_sessions
from assistant.channels.http.sessions import SESSION_COOKIE
from assistant.clock import ManualClock, utcnow
from assistant.commerce import CommerceService, Confirmation
from assistant.identity.service import Identity
from assistant.identity.tables import web_sessions
from assistant.settings import Settings
from assistant.testing.servers import serve_in_thread
from tests.acp_agent import CREATE_WITH_ADDRESS, Agent, complete_request
from tests.agent_shop import shop_app
from tests.conftest import TINY_CATALOGUE

pytestmark = pytest.mark.slow

IDLE_MINUTES = 30
PER_ADDRESS = 60  # requests a minute from one address
PER_SESSION = 20  # requests a minute for one session


@dataclass
class Shop:
    url: str
    app: FastAPI
    commerce: CommerceService
    clock: ManualClock
    settings: Settings

    @property
    def identity(self) -> Identity:
        return self.app.state.services.identity

    def session_rows(self, **where: str) -> list[dict[str, Any]]:
        query = select(web_sessions)
        for column, value in where.items():
            query = query.where(web_sessions.c[column] == value)
        with self.commerce.store.transaction() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory, demo_assistant) -> Any:
    clock = ManualClock(utcnow())
    app, bot, settings = shop_app(
        TINY_CATALOGUE,
        tmp_path_factory.mktemp("agents-identity"),
        demo_assistant,
        clock=clock,
        session_idle_minutes=IDLE_MINUTES,
        rate_limit_per_address=f"{PER_ADDRESS}/minute",
        rate_limit_per_minute=PER_SESSION,
        acp_api_key="test-key",
        acp_signing_secret="test-secret",
    )
    with serve_in_thread(app) as url:
        yield Shop(url, app, bot.commerce, clock, settings)


@pytest.fixture(autouse=True)
def fresh_limits(shop: Shop) -> None:
    """Each test starts with empty counters (all of them come from 127.0.0.1)."""
    shop.identity.limits.storage.reset()


@asynccontextmanager
async def mcp_session(shop: Shop, headers: dict[str, str] | None = None) -> AsyncIterator[Any]:
    async with (
        httpx2.AsyncClient(headers=headers, timeout=httpx2.Timeout(30, read=300)) as http,
        streamable_http_client(f"{shop.url}/mcp", http_client=http) as (read, write),
        ClientSession(read, write) as session,
    ):
        await session.initialize()
        yield session


async def call(session: ClientSession, tool: str, **args: Any) -> dict[str, Any]:
    result = await session.call_tool(tool, args)
    assert not result.is_error, result.content
    return result.structured_content or {}


async def refusal(session: ClientSession, tool: str, **args: Any) -> str:
    """A tool's refusal, without the prefix the SDK puts before every tool error."""
    result = await session.call_tool(tool, args)
    assert result.is_error, result.structured_content
    text = result.content[0].text
    prefix = f"Error executing tool {tool}: "
    assert text.startswith(prefix), text
    return text.removeprefix(prefix)


# ---- MCP sessions are identity sessions ---------------------------------------------------------
def test_an_mcp_session_gets_a_server_issued_shop_session_that_idles_out(shop: Shop):
    async def scenario() -> None:
        async with mcp_session(shop) as session:
            cart = await call(session, "add_to_cart", product_id="T2", quantity=1)
            shopper = cart["shopper_id"]
            issued = shop.session_rows(shopper_id=shopper)
            assert len(issued) == 1 and issued[0]["channel"] == "mcp"  # issued by identity
            assert issued[0]["account_id"] is None and shopper.startswith("guest-")
            shop.clock.advance(minutes=IDLE_MINUTES - 5)
            assert (await call(session, "get_cart"))["shopper_id"] == shopper  # used: kept
            shop.clock.advance(minutes=IDLE_MINUTES - 5)
            assert len((await call(session, "get_cart"))["lines"]) == 1  # idle time restarted

            shop.clock.advance(minutes=IDLE_MINUTES + 1)
            expired = await refusal(session, "get_cart")
            assert expired.startswith("session_expired:") and f"{IDLE_MINUTES} minutes" in expired
            assert shop.session_rows(shopper_id=shopper) == []  # the expired session is gone
            fresh = await call(session, "get_cart")  # the next call: a new, empty shop session
            assert fresh["shopper_id"] != shopper and fresh["lines"] == []
            assert len(shop.session_rows(shopper_id=fresh["shopper_id"])) == 1
        assert len(shop.commerce.get_cart(shopper).lines) == 1  # nothing was moved or merged

    anyio.run(scenario)


def test_an_mcp_client_cannot_name_another_shoppers_session(shop: Shop):
    """A victim's live web session secret, sent every way the HTTP API reads one, and the
    victim's shopper id as tool arguments: the MCP session still reads only its own cart."""
    victim = shop.identity.sessions.issue("web")
    shopper = victim.session.shopper_id
    shop.commerce.add_item(shopper, "T5", 1)
    ordered = shop.commerce.start_checkout(shopper)
    confirmation = Confirmation(source="ui_button", shopper_id=shopper, evidence="test")
    order_id = shop.commerce.confirm_checkout(ordered.checkout_id, confirmation).order.order_id
    shop.commerce.add_item(shopper, "T2", 2)
    before = shop.commerce.get_cart(shopper)
    stolen = {
        "Authorization": f"Bearer {victim.secret}",
        "X-Session-Id": victim.secret,
        "Cookie": f"{SESSION_COOKIE}={victim.secret}",
    }

    async def scenario() -> None:
        async with mcp_session(shop, headers=stolen) as session:
            mine = await call(session, "get_cart")
            assert mine["shopper_id"] != shopper and mine["lines"] == []
            sneaky = await session.call_tool(
                "add_to_cart",
                {"product_id": "T2", "shopper_id": shopper, "session_id": victim.secret},
            )  # unknown arguments are refused or ignored; never read as whose cart
            assert sneaky.is_error or sneaky.structured_content["shopper_id"] != shopper
            assert "order_not_found" in await refusal(session, "order_status", order_id=order_id)
            assert "order_not_found" in await refusal(session, "cancel_order", order_id=order_id)
            history = await call(session, "order_status")
            assert order_id not in str(history)

    anyio.run(scenario)
    assert shop.commerce.get_cart(shopper) == before
    assert shop.commerce.order_status(shopper, order_id).status != "cancelled"
    # The victim's own session still works as before, over the HTTP API.
    cart = httpx.get(f"{shop.url}/api/cart", headers={"X-Session-Id": victim.secret})
    assert cart.status_code == 200 and cart.json() == before.model_dump(mode="json")


# ---- ACP guests are identity sessions -----------------------------------------------------------
def _acp_row(shop: Shop, session_id: str) -> dict[str, Any]:
    with shop.commerce.store.transaction() as connection:
        row = connection.execute(select(acp_sessions).where(acp_sessions.c.id == session_id))
        return dict(row.one()._mapping)


def test_acp_guests_are_identity_sessions_ended_when_done_and_idle_ones_are_canceled(shop: Shop):
    agent = Agent(shop.url, shop.settings)
    done = agent.create()
    row = _acp_row(shop, done["id"])
    key = row["state"]["session_key"]
    assert row["shopper_id"].startswith("guest-")
    assert [s["channel"] for s in shop.session_rows(key=key)] == ["acp"]
    path = f"/acp/checkout_sessions/{done['id']}/complete"
    completed = agent.post(path, complete_request(agent.token(done)))
    assert completed.status_code == 200 and completed.json()["status"] == "completed"
    assert shop.session_rows(key=key) == []  # ordered: the guest session ended with it

    idle = agent.create()
    assert idle["status"] == "ready_for_payment"
    shop.clock.advance(minutes=IDLE_MINUTES + 1)
    seen = agent.get(f"/acp/checkout_sessions/{idle['id']}")
    assert seen.status_code == 200 and seen.json()["status"] == "canceled"
    assert f"{IDLE_MINUTES} minutes without activity" in seen.json()["messages"][0]["content"]
    change = {"fulfillment_details": CREATE_WITH_ADDRESS["fulfillment_details"]}
    refused = agent.post(f"/acp/checkout_sessions/{idle['id']}", change)
    assert refused.status_code == 405 and refused.json()["code"] == "invalid_state"
    checkout_id = _acp_row(shop, idle["id"])["state"]["checkout_id"]
    assert shop.commerce.placed_order_id(checkout_id) is None


def test_a_request_that_finds_the_guest_ended_by_a_completion_sees_the_order(shop: Shop):
    """A request read the session just before a completion ended its guest session: it must
    report the completion, never cancel the session over the order."""
    agent = Agent(shop.url, shop.settings)
    made = agent.create()
    checkouts = shop.app.state.acp.checkouts
    read_before = checkouts.records.load(made["id"])
    path = f"/acp/checkout_sessions/{made['id']}/complete"
    completed = agent.post(path, complete_request(agent.token(made)))
    assert completed.status_code == 200 and completed.json()["status"] == "completed"
    assert not checkouts.shoppers.live(read_before.session_key)
    seen = checkouts._cancel_idle(read_before)  # what `_open` does with what it read
    assert seen.status == "completed" and seen.order_id == completed.json()["order"]["id"]
    again = agent.get(f"/acp/checkout_sessions/{made['id']}").json()
    assert again["status"] == "completed" and again["order"] == completed.json()["order"]


# ---- abuse limits on /mcp and /acp --------------------------------------------------------------
def test_mcp_answers_429_past_the_address_limit(shop: Shop):
    probe = {"jsonrpc": "2.0", "id": 1, "method": "tools/list"}
    headers = {"Accept": "application/json, text/event-stream"}
    with httpx.Client(base_url=shop.url) as client:
        answered = [client.post("/mcp", json=probe, headers=headers) for _ in range(PER_ADDRESS)]
        assert all(response.status_code != 429 for response in answered)
        refused = client.post("/mcp", json=probe, headers=headers)
        assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
        # The app's security headers, as on every other answer.
        assert refused.headers["x-content-type-options"] == "nosniff"
        assert refused.headers["cache-control"] == "no-store"
        error = refused.json()["error"]
        assert refused.json()["jsonrpc"] == "2.0" and error["message"].startswith("rate_limited")
        assert client.get("/mcp/confirm/" + "x" * 40).status_code == 429  # its confirm pages too


def test_an_mcp_session_gets_a_tool_error_past_its_own_limit(shop: Shop):
    async def scenario() -> None:
        async with mcp_session(shop) as session:
            for _ in range(PER_SESSION):
                await call(session, "get_cart")
            limited = await refusal(session, "get_cart")
            assert limited.startswith("rate_limited:") and "retry in" in limited
            assert not (await session.call_tool("search_products", {"query": "tee"})).is_error

    anyio.run(scenario)


def test_acp_answers_429_in_the_protocols_shape_past_its_limits(shop: Shop):
    agent = Agent(shop.url, shop.settings)
    first, other = agent.create(), agent.create()
    path = f"/acp/checkout_sessions/{first['id']}"
    for _ in range(PER_SESSION):
        assert agent.get(path).status_code == 200
    limited = agent.get(path)
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1
    assert limited.json()["code"] == "rate_limited" and limited.json()["type"] == "invalid_request"
    assert limited.headers["x-content-type-options"] == "nosniff"
    assert limited.headers["cache-control"] == "no-store"
    assert agent.get(f"/acp/checkout_sessions/{other['id']}").status_code == 200

    shop.identity.limits.storage.reset()
    unsigned = httpx.Client(base_url=shop.url)  # not even authenticated: counted all the same
    statuses = [unsigned.get(path).status_code for _ in range(PER_ADDRESS)]
    assert set(statuses) == {401}
    assert unsigned.get(path).status_code == 429
    assert agent.post("/acp/checkout_sessions", CREATE_WITH_ADDRESS).status_code == 429
