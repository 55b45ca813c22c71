"""The ACP checkout endpoints on a real uvicorn server: the spec's examples, idempotency,
signatures, the error shape, the status machine and the simulated delegated payment.

Request bodies marked "spec example" are the example requests of the Agentic Commerce
Protocol, API version 2026-01-16 (`examples/2026-01-16/examples.agentic_checkout.json` and
`rfcs/rfc.agentic_checkout.md` §9 in agentic-commerce-protocol/agentic-commerce-protocol),
with the example's item and option ids swapped for this catalogue's.
"""

from __future__ import annotations

import datetime as dt
import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from assistant.channels.acp.models import API_VERSION
from assistant.channels.acp.security import signature, signed_headers
from assistant.settings import Settings
from assistant.testing.servers import serve_in_thread
from tests.agent_shop import shop_app
from tests.conftest import TINY_CATALOGUE

pytestmark = pytest.mark.slow

ADDRESS = {
    "name": "John Doe",
    "line_one": "1234 Chat Road,",
    "line_two": "",
    "city": "San Francisco",
    "state": "CA",
    "country": "US",
    "postal_code": "94131",
}
# spec example: create_checkout_session_request (item_123 -> T2-blue)
CREATE_WITH_ADDRESS = {
    "items": [{"id": "T2-blue", "quantity": 1}],
    "fulfillment_details": {
        "name": "John Doe",
        "phone_number": "15551234567",
        "email": "johndoe@example.com",
        "address": ADDRESS,
    },
}
# spec example: create_checkout_session_request_with_first_touch_attribution
CREATE_WITH_ATTRIBUTION = {
    "items": [{"id": "T2-blue", "quantity": 1}],
    "affiliate_attribution": {
        "provider": "impact.com",
        "token": "atp_01J8Z3WXYZ9ABC",
        "publisher_id": "pub_123",
        "touchpoint": "first",
    },
}
# spec example: update_checkout_session_request (fulfillment_option_456 -> standard)
UPDATE_SELECT_OPTION = {
    "selected_fulfillment_options": [
        {"type": "shipping", "shipping": {"option_id": "standard", "item_ids": ["T2-blue"]}}
    ]
}
# RFC §9.3: the same selection in the RFC's flat form
UPDATE_SELECT_OPTION_FLAT = {
    "selected_fulfillment_options": [{"option_id": "standard", "item_ids": ["T2-blue"]}]
}
# spec example: cancel_checkout_session_request and ..._timing_deferred
CANCEL_REQUESTS = [
    {
        "intent_trace": {
            "reason_code": "shipping_cost",
            "trace_summary": "User loves the item but isn't willing to pay $10 for "
            "standard shipping.",
            "metadata": {"target_shipping_cost": 0, "competitor_reference": "amazon_prime"},
        }
    },
    {
        "intent_trace": {
            "reason_code": "timing_deferred",
            "trace_summary": "User confirmed product fit and price but plans to "
            "purchase after next paycheck.",
            "metadata": {"anticipated_timeframe": "2_weeks", "deferral_trigger": "budget_cycle"},
        }
    },
]


def complete_request(token: str, with_attribution: bool = False) -> dict[str, Any]:
    """spec example: complete_checkout_session_request (spt_123 -> our delegated token)."""
    body: dict[str, Any] = {
        "buyer": {
            "first_name": "John",
            "last_name": "Smith",
            "email": "johnsmith@mail.com",
            "phone_number": "15552003434",
        },
        "payment_data": {
            "token": token,
            "provider": "stripe",
            "billing_address": ADDRESS | {"name": "John Smith"},
        },
    }
    if with_attribution:  # spec example: ..._with_last_touch_attribution
        body["affiliate_attribution"] = CREATE_WITH_ATTRIBUTION["affiliate_attribution"] | {
            "touchpoint": "last"
        }
    return body


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


class Agent:
    """An ACP client that signs what it sends."""

    def __init__(self, url: str, settings: Settings) -> None:
        self.url, self.settings = url, settings
        self.http = httpx.Client(base_url=url, timeout=60)
        self.keys = 0

    def post(self, path: str, body: Any, key: str | None = None, **headers: str) -> httpx.Response:
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.keys += 1
        sent = signed_headers(self.settings, "POST", path, raw)
        if key != "":  # "" sends no key at all
            sent["Idempotency-Key"] = key or f"key-{self.keys}-{id(raw)}"
        return self.http.post(path, content=raw, headers=sent | headers)

    def get(self, path: str) -> httpx.Response:
        return self.http.get(path, headers=signed_headers(self.settings, "GET", path, b""))

    def create(self, body: dict[str, Any] = CREATE_WITH_ADDRESS) -> dict[str, Any]:
        response = self.post("/acp/checkout_sessions", body)
        assert response.status_code == 201, response.text
        return response.json()

    def token(self, session: dict[str, Any], max_amount: int | None = None, **allowance) -> str:
        amount = total_of(session) if max_amount is None else max_amount
        response = self.post(
            "/acp/psp/agentic_commerce/delegate_payment",
            {
                "payment_method": {
                    "type": "card",
                    "card_number_type": "fpan",
                    "number": "4242424242424242",
                    "exp_month": "11",
                    "exp_year": "2030",
                    "display_card_funding_type": "credit",
                    "display_brand": "visa",
                    "display_last4": "4242",
                    "metadata": {},
                },
                "allowance": {
                    "reason": "one_time",
                    "max_amount": amount,
                    "currency": "usd",
                    "checkout_session_id": session["id"],
                    "merchant_id": "shopassist",
                    "expires_at": "2099-01-01T00:00:00Z",
                }
                | allowance,
                "risk_signals": [{"type": "card_testing", "score": 10, "action": "authorized"}],
                "metadata": {"campaign": "q4"},
            },
        )
        assert response.status_code == 201, response.text
        return response.json()["id"]


def total_of(session: dict[str, Any]) -> int:
    return next(t["amount"] for t in session["totals"] if t["type"] == "total")


def assert_protocol_session(session: dict[str, Any]) -> None:
    """The spec's required fields, integer amounts, and totals that add up."""
    for field in (
        "id",
        "status",
        "currency",
        "line_items",
        "totals",
        "fulfillment_options",
        "messages",
        "links",
        "payment_provider",
    ):
        assert field in session, field
    assert session["currency"] == "usd"
    for line in session["line_items"]:
        amounts = [line[k] for k in ("base_amount", "discount", "subtotal", "tax", "total")]
        assert all(isinstance(a, int) for a in amounts)
        assert line["subtotal"] == line["base_amount"] - line["discount"]
        assert line["total"] == line["subtotal"] + line["tax"]
    figures = {t["type"]: t["amount"] for t in session["totals"]}
    assert all(isinstance(a, int) for a in figures.values())
    assert figures["items_base_amount"] == sum(
        line["base_amount"] for line in session["line_items"]
    )
    assert figures["total"] == figures["subtotal"] + figures["fulfillment"] + figures["tax"]
    for option in session["fulfillment_options"]:
        assert {"type", "id", "title", "totals"} <= set(option)
    for message in session["messages"]:
        assert message["type"] in {"info", "error"} and message["content"]


def assert_error(response: httpx.Response, status: int, code: str, param: str | None = None):
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) <= {"type", "code", "message", "param"}
    assert body["type"] in {
        "invalid_request",
        "request_not_idempotent",
        "processing_error",
        "service_unavailable",
    }
    assert body["code"] == code and body["message"]
    if param is not None:
        assert body.get("param") == param
    return body


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
