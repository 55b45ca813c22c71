"""The ACP checkout endpoints on a real uvicorn server: the spec's examples, idempotency,
signatures, the error shape, the status machine and the simulated delegated payment.

The spec's example requests, the signing client and the shape checks are in `acp_agent.py`.
"""

from __future__ import annotations

import datetime as dt
import json
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from fastapi.testclient import TestClient

from assistant.channels.acp.models import API_VERSION
from assistant.channels.acp.security import signature, signed_headers
from assistant.testing.servers import serve_in_thread
from tests.acp_agent import (
    ADDRESS,
    CANCEL_REQUESTS,
    CREATE_WITH_ADDRESS,
    CREATE_WITH_ATTRIBUTION,
    UPDATE_SELECT_OPTION,
    UPDATE_SELECT_OPTION_FLAT,
    Agent,
    assert_error,
    assert_protocol_session,
    complete_request,
    total_of,
)
from tests.agent_shop import shop_app
from tests.conftest import TINY_CATALOGUE

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory, demo_assistant):
    app, bot, settings = shop_app(
        TINY_CATALOGUE,
        tmp_path_factory.mktemp("acp"),
        demo_assistant,
        acp_api_key="test-key",
        acp_signing_secret="test-secret",
    )
    with serve_in_thread(app) as url:
        yield Agent(url, settings), bot.commerce


# ---- the spec's examples ------------------------------------------------------------------------
def test_the_specs_example_requests_replayed(shop):
    agent, commerce = shop
    orders_before = commerce.count_orders()
    created = agent.create(CREATE_WITH_ADDRESS)
    assert_protocol_session(created)
    assert created["status"] == "ready_for_payment"
    assert created["line_items"][0]["item"] == {"id": "T2-blue", "quantity": 1}
    assert created["line_items"][0]["base_amount"] == 3999
    assert created["payment_provider"]["provider"] == "stripe"

    unaddressed = agent.create(CREATE_WITH_ATTRIBUTION)
    assert unaddressed["status"] == "not_ready_for_payment"
    assert any(
        m["type"] == "error"
        and m["code"] == "missing"
        and m["param"] == "$.fulfillment_details.address"
        for m in unaddressed["messages"]
    )

    for update in (UPDATE_SELECT_OPTION, UPDATE_SELECT_OPTION_FLAT):
        updated = agent.post(f"/acp/checkout_sessions/{created['id']}", update)
        assert updated.status_code == 200, updated.text
        assert_protocol_session(updated.json())
        assert (
            updated.json()["selected_fulfillment_options"][0]["shipping"]["option_id"] == "standard"
        )

    fetched = agent.get(f"/acp/checkout_sessions/{created['id']}")
    assert fetched.status_code == 200 and fetched.json()["status"] == "ready_for_payment"

    done = agent.post(
        f"/acp/checkout_sessions/{created['id']}/complete",
        complete_request(agent.token(created), with_attribution=True),
    )
    assert done.status_code == 200, done.text
    session = done.json()
    assert_protocol_session(session)
    assert session["status"] == "completed"
    assert session["buyer"]["email"] == "johnsmith@mail.com"
    assert set(session["order"]) == {"id", "checkout_session_id", "permalink_url"}
    assert session["order"]["checkout_session_id"] == created["id"]
    assert commerce.count_orders() == orders_before + 1
    permalink = session["order"]["permalink_url"].removeprefix(agent.settings.shop_url())
    order = agent.get(permalink).json()
    assert order["order_id"] == session["order"]["id"] and order["totals"][
        "total_minor"
    ] == total_of(session)

    for cancel in CANCEL_REQUESTS:
        open_session = agent.create()
        canceled = agent.post(f"/acp/checkout_sessions/{open_session['id']}/cancel", cancel)
        assert canceled.status_code == 200, canceled.text
        assert canceled.json()["status"] == "canceled"
        assert canceled.json()["messages"][0]["type"] == "info"
    assert commerce.count_orders() == orders_before + 1


# ---- idempotency --------------------------------------------------------------------------------
def test_same_key_same_response_and_another_body_is_409(shop):
    agent, _ = shop
    first = agent.post("/acp/checkout_sessions", CREATE_WITH_ADDRESS, key="create-once")
    again = agent.post("/acp/checkout_sessions", CREATE_WITH_ADDRESS, key="create-once")
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()  # the same session, not a second one
    assert again.headers["idempotent-replayed"] == "true"
    assert again.headers["idempotency-key"] == "create-once"
    other = dict(CREATE_WITH_ADDRESS, items=[{"id": "T2-blue", "quantity": 2}])
    assert_error(
        agent.post("/acp/checkout_sessions", other, key="create-once"), 409, "idempotency_conflict"
    )
    assert_error(
        agent.post("/acp/checkout_sessions", CREATE_WITH_ADDRESS, key=""),
        400,
        "idempotency_key_required",
    )


def test_fifty_parallel_completes_with_one_key_make_one_order(shop):
    agent, commerce = shop
    session = agent.create()
    body = complete_request(agent.token(session))
    before = commerce.count_orders()
    path = f"/acp/checkout_sessions/{session['id']}/complete"
    with ThreadPoolExecutor(50) as pool:
        answers = list(pool.map(lambda _: agent.post(path, body, key="pay-once"), range(50)))
    assert {answer.status_code for answer in answers} == {200}
    assert len({answer.json()["order"]["id"] for answer in answers}) == 1
    assert len({json.dumps(answer.json(), sort_keys=True) for answer in answers}) == 1
    assert commerce.count_orders() == before + 1


def test_parallel_completes_with_different_keys_still_make_one_order(shop):
    agent, commerce = shop
    session = agent.create()
    body = complete_request(agent.token(session))
    before = commerce.count_orders()
    path = f"/acp/checkout_sessions/{session['id']}/complete"
    with ThreadPoolExecutor(10) as pool:
        answers = list(pool.map(lambda n: agent.post(path, body, key=f"pay-{n}"), range(10)))
    placed = {a.json()["order"]["id"] for a in answers if a.status_code == 200}
    assert len(placed) == 1
    assert all(a.status_code in (200, 405) for a in answers)  # late ones see it completed
    assert commerce.count_orders() == before + 1


# ---- who may call -------------------------------------------------------------------------------
def test_a_bad_signature_is_401_and_changes_nothing(shop):
    agent, commerce = shop
    session = agent.create()
    path = f"/acp/checkout_sessions/{session['id']}/complete"
    body = json.dumps(complete_request(agent.token(session))).encode()
    before = commerce.count_orders()
    good = signed_headers(agent.settings, "POST", path, body) | {"Idempotency-Key": "sig-1"}

    def sent(headers: dict[str, str], content: bytes = body) -> httpx.Response:
        return agent.http.post(path, content=content, headers=headers)

    tampered = body.replace(b"John", b"Jane")
    assert_error(sent(good, tampered), 401, "invalid_signature")
    wrong_secret = signature("not-the-secret", good["Timestamp"], "POST", path, body)
    assert_error(sent(good | {"Signature": wrong_secret}), 401, "invalid_signature")
    other_path = signed_headers(agent.settings, "POST", "/acp/checkout_sessions", body)
    assert_error(sent(other_path | {"Idempotency-Key": "sig-2"}), 401, "invalid_signature")
    stale_time = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=10)
    stale = signed_headers(agent.settings, "POST", path, body, now=stale_time)
    assert_error(sent(stale | {"Idempotency-Key": "sig-3"}), 401, "stale_timestamp")
    unsigned = {k: v for k, v in good.items() if k not in ("Signature", "Timestamp")}
    assert_error(sent(unsigned), 401, "signature_required")
    assert_error(sent(good | {"Authorization": "Bearer guessed"}), 401, "unauthorized")
    assert_error(sent(good | {"API-Version": "2025-09-29"}), 400, "unsupported_api_version")
    assert commerce.count_orders() == before
    assert (
        agent.get(f"/acp/checkout_sessions/{session['id']}").json()["status"] == "ready_for_payment"
    )
    assert sent(good).status_code == 200  # the same request, signed and intact, goes through


def test_acp_is_off_without_a_key(shop, demo_assistant, tmp_path):
    app, _, _ = shop_app(TINY_CATALOGUE, tmp_path, demo_assistant)
    with TestClient(app) as client:
        answer = client.post(
            "/acp/checkout_sessions",
            json=CREATE_WITH_ADDRESS,
            headers={"API-Version": API_VERSION, "Idempotency-Key": "x"},
        )
    assert_error(answer, 503, "acp_disabled")


# ---- bad input ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "param"),
    [
        ({"items": [{"id": "T2-blue", "quantity": 0}]}, "$.items[0].quantity"),
        ({"items": [{"id": "NOPE", "quantity": 1}]}, "$.items[0].id"),
        ({"items": []}, "$.items"),
        ({"items": [{"id": "T2-blue", "quantity": 1}], "coupon": "FREE"}, "$.coupon"),
        ({"items": [{"id": "T2-blue", "quantity": 99}]}, "$.items[0].quantity"),
        (
            {
                "items": [{"id": "T2-blue", "quantity": 1}],
                "buyer": {"first_name": "A", "last_name": "B", "email": "not-an-email"},
            },
            "$.buyer.email",
        ),
    ],
)
def test_bad_input_gets_the_protocols_error_shape(shop, body, param):
    agent, _ = shop
    assert_error(agent.post("/acp/checkout_sessions", body), 400, "invalid", param=param)


def test_malformed_and_unknown_requests(shop):
    agent, _ = shop
    assert_error(agent.post("/acp/checkout_sessions", b"{not json"), 400, "invalid")
    assert_error(agent.get("/acp/checkout_sessions/cs_nope"), 404, "not_found")
    session = agent.create()
    wrong_option = {"selected_fulfillment_options": [{"option_id": "teleport", "item_ids": []}]}
    assert_error(
        agent.post(f"/acp/checkout_sessions/{session['id']}", wrong_option),
        400,
        "invalid",
        param="$.selected_fulfillment_options[0]",
    )


def test_an_out_of_stock_item_is_a_message_and_the_session_is_not_payable(shop):
    agent, _ = shop
    session = agent.create(
        {"items": [{"id": "T1-white", "quantity": 1}], "fulfillment_details": {"address": ADDRESS}}
    )
    assert session["status"] == "not_ready_for_payment"
    assert any(
        m.get("code") == "out_of_stock" and m.get("param") == "$.items[0]"
        for m in session["messages"]
    )


# ---- the status machine -------------------------------------------------------------------------
def test_transitions_the_spec_forbids_are_refused(shop):
    agent, commerce = shop
    before = commerce.count_orders()
    waiting = agent.create(CREATE_WITH_ATTRIBUTION)  # no address: not ready for payment
    assert_error(
        agent.post(
            f"/acp/checkout_sessions/{waiting['id']}/complete",
            complete_request(agent.token(waiting)),
        ),
        400,
        "missing",
        param="$.fulfillment_details.address",
    )
    ready = agent.post(
        f"/acp/checkout_sessions/{waiting['id']}", {"fulfillment_details": {"address": ADDRESS}}
    ).json()
    assert ready["status"] == "ready_for_payment"
    done = agent.post(
        f"/acp/checkout_sessions/{waiting['id']}/complete", complete_request(agent.token(ready))
    )
    assert done.status_code == 200
    for path, body in [("", {"items": [{"id": "T2-blue", "quantity": 2}]}), ("/cancel", {})]:
        assert_error(
            agent.post(f"/acp/checkout_sessions/{waiting['id']}{path}", body), 405, "invalid_state"
        )

    canceled = agent.create()
    assert agent.post(f"/acp/checkout_sessions/{canceled['id']}/cancel", {}).status_code == 200
    assert_error(
        agent.post(f"/acp/checkout_sessions/{canceled['id']}/cancel", {}), 405, "invalid_state"
    )
    assert_error(
        agent.post(
            f"/acp/checkout_sessions/{canceled['id']}/complete",
            complete_request(agent.token(canceled)),
        ),
        405,
        "invalid_state",
    )
    assert commerce.count_orders() == before + 1


# ---- the delegated payment ----------------------------------------------------------------------
def test_the_shop_validates_the_delegated_payment_token(shop):
    agent, commerce = shop
    before = commerce.count_orders()
    session, other = agent.create(), agent.create()
    complete = f"/acp/checkout_sessions/{session['id']}/complete"
    for token, why in [
        ("vt_unknown", "unknown payment token"),
        (agent.token(other), "another checkout session"),
        (agent.token(session, max_amount=total_of(session) - 1), "above the token's allowance"),
    ]:
        refused = assert_error(
            agent.post(complete, complete_request(token)),
            400,
            "payment_declined",
            param="$.payment_data.token",
        )
        assert why in refused["message"]
    spent = agent.token(session)
    assert agent.post(complete, complete_request(spent)).status_code == 200
    third = agent.create()
    refused = agent.post(f"/acp/checkout_sessions/{third['id']}/complete", complete_request(spent))
    assert_error(refused, 400, "payment_declined")
    bad_card = agent.post(
        "/acp/psp/agentic_commerce/delegate_payment",
        {
            "payment_method": {
                "type": "card",
                "card_number_type": "fpan",
                "number": "4242424242424241",
                "display_card_funding_type": "credit",
                "metadata": {},
            },
            "allowance": {
                "reason": "one_time",
                "max_amount": 100,
                "currency": "usd",
                "checkout_session_id": third["id"],
                "merchant_id": "shopassist",
                "expires_at": "2099-01-01T00:00:00Z",
            },
            "risk_signals": [{"type": "card_testing", "score": 1, "action": "authorized"}],
            "metadata": {},
        },
    )
    assert_error(bad_card, 400, "invalid_card", param="$.payment_method.number")
    assert commerce.count_orders() == before + 1
