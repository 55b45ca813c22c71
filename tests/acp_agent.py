"""An ACP client for tests and the spec's example requests, with the checks every answer
must pass: the protocol's session fields and integer amounts, and its flat error shape.

Request bodies marked "spec example" are the example requests of the Agentic Commerce
Protocol, API version 2026-01-16 (`examples/2026-01-16/examples.agentic_checkout.json` and
`rfcs/rfc.agentic_checkout.md` §9 in agentic-commerce-protocol/agentic-commerce-protocol),
with the example's item and option ids swapped for this catalogue's.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx

from assistant.channels.acp.security import signed_headers
from assistant.settings import Settings

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


class Agent:
    """An ACP client that signs what it sends."""

    def __init__(self, url: str, settings: Settings) -> None:
        self.url, self.settings = url, settings
        self.http = httpx.Client(base_url=url, timeout=60)

    def post(self, path: str, body: Any, key: str | None = None, **headers: str) -> httpx.Response:
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        sent = signed_headers(self.settings, "POST", path, raw)
        if key != "":  # "" sends no key at all
            # A fresh key per request unless one is given: two Agents (one per test) must
            # never send the same key, or the shop rightly replays the other's answer.
            sent["Idempotency-Key"] = key or f"key-{uuid.uuid4().hex}"
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
