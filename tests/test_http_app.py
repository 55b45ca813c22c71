"""The HTTP app factory in process (FastAPI's TestClient) on the five-product catalogue.

Fast: fake embeddings, no server, no Gradio. tests/test_api.py checks the same contract on a
real server over the demo catalogue.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.catalogue.models import Catalogue
from assistant.catalogue.presenters import product_detail
from assistant.channels.http import dependencies
from assistant.channels.http.app import create_app
from assistant.channels.http.sessions import SESSION_COOKIE, presented_secret
from assistant.conversation.engine import Assistant
from assistant.identity.errors import IdentityError
from assistant.settings import Settings
from tests.conftest import TINY_CATALOGUE

# The keys GET /api/products and /api/products/{id} showed before the presenter: kept.
PRODUCT_KEYS = {
    "id",
    "title",
    "brand",
    "category",
    "description",
    "attributes",
    "rating",
    "review_count",
    "variants",
    "seller",
    "shipping_days",
    "return_window_days",
    "in_stock",
}


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    folder: Path = tmp_path_factory.mktemp("http-app")
    return Settings(
        catalogue_path=TINY_CATALOGUE,
        index_dir=folder / "index",
        embedding_backend="fake",
        chroma_url=None,
        data_dir=folder / "var",
        rate_limit_per_minute=5,
    )


@pytest.fixture(scope="module")
def bot(settings: Settings) -> Assistant:
    return Assistant.from_settings(settings)


@pytest.fixture
def client(bot: Assistant, settings: Settings):
    app = create_app(bot, settings, with_ui=False)
    with TestClient(app) as http:
        yield http


def test_every_area_has_its_routes(client):
    paths = set(client.get("/openapi.json").json()["paths"])
    assert {
        "/api/chat",
        "/api/chat/stream",
        "/api/products",
        "/api/products/{product_id}",
        "/api/reviews/{review_id}",
        "/api/cart",
        "/api/orders",
        "/api/checkout/confirm",
        "/api/social/apps",
        "/api/social/{app}/posts/{post_id}/buy",
        "/api/social/{app}/signin",
        "/api/social/{app}/events",
        "/api/account/signin",
        "/api/account/register",
    } <= paths
    assert client.get("/widget.js").headers["content-type"].startswith("application/javascript")
    assert "frame-ancestors 'self'" in client.get("/widget").headers["content-security-policy"]


def test_products_keep_their_keys_and_come_from_the_presenter(client, bot):
    listed = client.get("/api/products", params={"limit": 5}).json()
    assert listed["total"] == 5 and len(listed["products"]) == 5
    for product in listed["products"]:
        assert set(product) >= PRODUCT_KEYS
        assert {"id", "options", "price_minor", "currency", "stock"} <= set(product["variants"][0])
    one = client.get("/api/products/T3").json()
    assert one == product_detail(bot.services.catalogue.products["T3"]).model_dump(mode="json")


def test_errors_have_the_contract_shape(client):
    missing = client.get("/api/products/NOPE")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"
    assert "GET /api/products" in missing.json()["error"]["message"]
    unknown_filter = client.get("/api/products", params={"colur": "red"})
    assert unknown_filter.status_code == 422
    assert unknown_filter.json()["error"]["code"] == "invalid_request"
    malformed = client.post("/api/chat", json={"session_id": "s"})
    assert malformed.status_code == 422 and "message" in malformed.json()["error"]["message"]
    social = client.get("/api/social/tiktok/feed")
    assert social.status_code == 404 and social.json()["error"]["code"] == "unknown_app"
    assert client.get("/api/reviews/R-nope").json()["error"]["code"] == "not_found"
    assert client.get("/cite/R-nope").status_code == 404


def test_chat_keeps_the_session_in_a_cookie_and_is_rate_limited(client):
    first = client.post("/api/chat", json={"message": "help"})
    session = first.cookies[SESSION_COOKIE]
    assert session.startswith("sa_") and first.json()["session_id"] == session
    assert len(session) >= 40  # 256 bits from `secrets`, URL-safe
    statuses = [
        client.post("/api/chat", json={"message": "help"}, headers={"X-Session-Id": session})
        for _ in range(6)
    ]
    assert statuses[-1].status_code == 429 and int(statuses[-1].headers["Retry-After"]) >= 1
    assert statuses[-1].json()["error"]["code"] == "rate_limited"


def test_cart_and_orders_never_read_the_session_from_the_query(client):
    client.cookies.clear()
    refused = client.get("/api/cart", params={"session_id": "nobody"})
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "session_in_url"
    assert client.get("/api/orders", params={"session_id": "x"}).status_code == 400
    fresh = client.get("/api/cart")  # no session: a new one, with nothing in it
    assert fresh.status_code == 200 and fresh.json()["lines"] == []
    assert SESSION_COOKIE in fresh.cookies
    client.cookies.clear()
    assert client.get("/api/orders").json() == {"orders": []}
    unknown = client.get("/api/cart", headers={"X-Session-Id": "made-up"})
    assert unknown.status_code == 401 and unknown.json()["error"]["code"] == "unknown_session"
    assert "POST /api/chat" in unknown.json()["error"]["message"]


def test_routers_take_their_services_from_dependencies(bot, settings):
    app = create_app(bot, settings, with_ui=False)
    catalogue = Catalogue([bot.services.catalogue.products["T2"]])
    app.dependency_overrides[dependencies.get_catalogue] = lambda: catalogue
    with TestClient(app) as http:
        assert http.get("/api/products/T2").status_code == 200
        assert http.get("/api/products/T3").status_code == 404


def test_session_resolution_order():
    from starlette.requests import Request

    def request(headers: dict[str, str], query: bytes = b"") -> Request:
        raw = [(key.lower().encode(), value.encode()) for key, value in headers.items()]
        return Request({"type": "http", "headers": raw, "query_string": query})

    every = request(
        {
            "Authorization": "Bearer from-bearer",
            "X-Session-Id": "from-header",
            "Cookie": f"{SESSION_COOKIE}=from-cookie",
        }
    )
    assert presented_secret(every, "from-body") == "from-body"
    assert presented_secret(every) == "from-bearer"
    both = request({"X-Session-Id": "from-header", "Cookie": f"{SESSION_COOKIE}=from-cookie"})
    assert presented_secret(both) == "from-header"
    assert presented_secret(request({"Cookie": f"{SESSION_COOKIE}=from-cookie"})) == "from-cookie"
    assert presented_secret(request({})) is None
    with pytest.raises(IdentityError) as refused:
        presented_secret(request({}, b"session_id=victim"))
    assert refused.value.status == 400


def test_pages_carry_security_headers(client):
    widget = client.get("/widget")
    assert "frame-ancestors 'self'" in widget.headers["content-security-policy"]
    assert "script-src 'self';" in widget.headers["content-security-policy"]  # no inline script
    assert '<script src="/widget/app.js">' in widget.text
    assert client.get("/widget/app.js").headers["content-type"].startswith("application/javascript")
    cited = client.get("/cite/T1")
    assert "frame-ancestors 'self'" in cited.headers["content-security-policy"]
    assert cited.headers["x-frame-options"] == "SAMEORIGIN"
    for response in (widget, cited, client.get("/api/products/T1")):
        assert response.headers["x-content-type-options"] == "nosniff"
