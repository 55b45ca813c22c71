"""The HTTP contract against a real uvicorn server on loopback."""

from __future__ import annotations

import httpx
import pytest

from assistant.channels.http.app import create_app
from assistant.testing.servers import serve_in_thread

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def base_url(demo_assistant):
    with serve_in_thread(create_app(demo_assistant)) as url:
        yield url


@pytest.fixture
def client(base_url):
    with httpx.Client(base_url=base_url, timeout=30) as http:
        yield http


def start(client) -> dict[str, str]:
    """A new session the server issues; the headers that send it back."""
    client.cookies.clear()
    body = client.post("/api/chat", json={"message": "hi"}).json()
    client.cookies.clear()
    return {"X-Session-Id": body["session_id"]}


def test_home_page_and_openapi(client):
    assert "ShopAssist" in client.get("/").text
    assert "/api/chat" in client.get("/openapi.json").json()["paths"]
    assert client.get("/docs").status_code == 200


def test_chat_answers_with_products_and_citations(client):
    body = client.post(
        "/api/chat", json={"channel": "dm", "message": "noise cancelling headphones under $100"}
    ).json()
    assert body["session_id"].startswith("sa_")
    assert body["products"]
    assert body["citations"][0] == {"id": body["products"][0], "kind": "product"}
    assert body["cart"] == {"lines": [], "total_minor": 0, "currency": "USD"}
    assert body["pending_checkout"] is None and body["orders"] == []
    assert body["products"][0] in body["text"]


def test_products_search_with_filters_and_paging(client):
    body = client.get(
        "/api/products", params={"q": "rain jacket", "max_price_minor": 8000, "limit": 3}
    ).json()
    assert 0 < len(body["products"]) <= 3 and body["total"] >= len(body["products"])
    for product in body["products"]:
        assert min(v["price_minor"] for v in product["variants"]) <= 8000
    page2 = client.get(
        "/api/products",
        params={"q": "rain jacket", "max_price_minor": 8000, "limit": 3, "offset": 3},
    ).json()
    assert not {p["id"] for p in page2["products"]} & {p["id"] for p in body["products"]}


def test_products_search_leaves_out_what_is_not_wanted(client):
    everything = client.get("/api/products", params={"limit": 100}).json()
    brand = everything["products"][0]["brand"]
    colours = [("not_colours", "black"), ("not_colours", "navy")]
    body = client.get("/api/products", params=[("limit", 100), ("not_brands", brand), *colours])
    assert body.status_code == 200
    kept = body.json()["products"]
    assert kept and body.json()["total"] < everything["total"]
    assert all(product["brand"] != brand for product in kept)
    for product in kept:  # each offers a version in another colour (or none at all)
        assert any(v["options"].get("colour") not in {"black", "navy"} for v in product["variants"])
    assert body.json()["filters"]["not_colours"] == ["black", "navy"]
    commas = client.get("/api/products", params={"limit": 100, "not_colours": "black,navy"})
    assert commas.json()["filters"]["not_colours"] == ["black", "navy"]


def test_product_by_id_has_the_contract_fields(client):
    first = client.get("/api/products", params={"limit": 1}).json()["products"][0]
    product = client.get(f"/api/products/{first['id']}").json()
    assert {"id", "title", "brand", "category", "rating", "review_count", "variants"} <= set(
        product
    )
    variant = product["variants"][0]
    assert {"id", "options", "price_minor", "currency", "stock"} <= set(variant)
    assert isinstance(variant["price_minor"], int)


def test_unknown_product_is_a_json_404(client):
    response = client.get("/api/products/NOPE")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert "GET /api/products" in response.json()["error"]["message"]


def test_unknown_filter_is_a_readable_422(client):
    response = client.get("/api/products", params={"q": "mug", "colur": "red"})
    assert response.status_code == 422
    assert "colur" in response.json()["error"]["message"]
    assert "known filters" in response.json()["error"]["message"]


def test_malformed_chat_is_a_readable_422(client):
    response = client.post("/api/chat", json={})
    assert response.status_code == 422
    assert "message" in response.json()["error"]["message"]
    response = client.post("/api/chat", json={"message": ["not", "text"]})
    assert response.status_code == 422


def test_100kb_message_is_refused_without_crashing(client):
    headers = start(client)
    response = client.post("/api/chat", json={"message": "a" * 102_400}, headers=headers)
    assert response.status_code == 413
    assert "the limit is 65,536" in response.json()["error"]["message"]
    response = client.get("/api/products", params={"q": "b" * 5000})
    assert response.status_code == 422
    assert client.post("/api/chat", json={"message": "hi"}, headers=headers).status_code == 200


def test_sessions_by_cookie_or_header(client):
    with httpx.Client(base_url=str(client.base_url), timeout=30) as fresh:
        first = fresh.post("/api/chat", json={"message": "help"})
        assert first.status_code == 200 and "shopassist_session" in first.cookies
        session = first.cookies["shopassist_session"]
        assert first.json()["session_id"] == session
        cookie = first.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=lax" in cookie
        second = fresh.post("/api/chat", json={"message": "what's in my cart"})
        assert second.json()["session_id"] == session  # the cookie carried it
    for headers in ({"X-Session-Id": session}, {"Authorization": f"Bearer {session}"}):
        again = client.post("/api/chat", json={"message": "help"}, headers=headers)
        assert again.json()["session_id"] == session
    in_body = client.post("/api/chat", json={"message": "help", "session_id": session})
    assert in_body.json()["session_id"] == session
    client.cookies.clear()
    named = client.post(
        "/api/chat", json={"message": "help"}, headers={"X-Session-Id": "header-session"}
    )
    assert named.status_code == 401 and named.json()["error"]["code"] == "unknown_session"


def test_server_sent_events_stream_the_reply(client):
    with client.stream("POST", "/api/chat/stream", json={"message": "yoga mat"}) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        raw = "".join(response.iter_text())
    events = [block for block in raw.split("\n\n") if block.strip()]
    kinds = [block.split("\n")[0].removeprefix("event: ") for block in events]
    assert kinds[-1] == "reply" and set(kinds[:-1]) == {"delta"}
    import json

    deltas = "".join(json.loads(block.split("data: ", 1)[1])["text"] for block in events[:-1])
    reply = json.loads(events[-1].split("data: ", 1)[1])
    assert deltas == reply["text"] and reply["session_id"].startswith("sa_")


def test_rate_limit_per_session(client):
    # 60 a minute in fixed windows: keep asking until refused (a window may end meanwhile).
    busy, calm = start(client), start(client)
    for _ in range(300):
        response = client.post("/api/chat", json={"message": "help"}, headers=busy)
        if response.status_code == 429:
            break
    assert response.status_code == 429 and response.json()["error"]["code"] == "rate_limited"
    assert int(response.headers["Retry-After"]) >= 1
    assert client.post("/api/chat", json={"message": "help"}, headers=calm).status_code == 200


def test_cors_only_for_allowed_origins(client):
    allowed = client.get(
        "/api/products", params={"limit": 1}, headers={"Origin": "http://localhost:8080"}
    )
    assert allowed.headers.get("access-control-allow-origin") == "http://localhost:8080"
    denied = client.get(
        "/api/products", params={"limit": 1}, headers={"Origin": "http://evil.example"}
    )
    assert "access-control-allow-origin" not in denied.headers


def test_empty_message_gets_a_hint(client):
    body = client.post("/api/chat", json={"message": "   "}).json()
    assert "looking for" in body["text"] and body["products"] == []


def test_cart_orders_and_confirm_button(client):
    session = start(client)

    def say(message: str) -> dict:
        return client.post("/api/chat", json={"message": message}, headers=session).json()

    found = say("card game")
    product = next(
        pid
        for pid in found["products"]
        if len(client.get(f"/api/products/{pid}").json()["variants"]) == 1
    )
    added = say(f"add {product} to my cart")
    assert added["cart"]["lines"][0]["product_id"] == product
    cart = client.get("/api/cart", headers=session).json()
    assert cart["lines"][0]["product_id"] == product and cart["totals"]["total_minor"] > 0
    pending = say("checkout")["pending_checkout"]
    body = {"checkout_id": pending["checkout_id"], "nonce": pending["nonce"]}
    first = client.post("/api/checkout/confirm", json=body, headers=session).json()
    second = client.post("/api/checkout/confirm", json=body, headers=session).json()
    assert len(first["orders"]) == 1 and second["orders"] == []
    assert first["orders"][0] in second["text"]  # the same order, shown again
    orders = client.get("/api/orders", headers=session).json()["orders"]
    assert [order["order_id"] for order in orders] == first["orders"]
    client.cookies.clear()
    assert client.get("/api/cart").json()["lines"] == []  # a new session's own, empty cart


def test_confirm_button_for_an_unknown_checkout(client):
    response = client.post(
        "/api/checkout/confirm",
        json={"checkout_id": "CHK-0000000000", "nonce": "x"},
        headers=start(client),
    )
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "unknown_checkout"


def test_the_gradio_app_is_mounted_at_the_root(client):
    page = client.get("/")
    assert page.status_code == 200 and "ShopAssist" in page.text
    config = client.get("/config").json()
    assert config["title"] == "ShopAssist"


@pytest.mark.parametrize(
    "path",
    [
        "/gradio_api/file=/etc/passwd",
        "/gradio_api/file=../../../../etc/passwd",
        "/gradio_api/file=%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/gradio_api/file=pyproject.toml",
        "/file=/etc/passwd",
        "/gradio_api/file=var/shopassist.sqlite3",
    ],
)
def test_no_file_access_through_gradio(client, path):
    response = client.get(path)
    assert response.status_code in (403, 404), response.text[:200]
    assert "root:" not in response.text and "[project]" not in response.text


def test_product_pictures_and_citation_pages(client, demo_assistant):
    catalogue = demo_assistant.services.catalogue
    product_id = next(iter(catalogue.products))
    picture = client.get(f"/api/products/{product_id}/image.svg")
    assert picture.headers["content-type"].startswith("image/svg+xml")
    assert picture.text.startswith("<svg")
    review = next(iter(catalogue.reviews.values()))
    page = client.get(f"/cite/{review.id}")
    assert page.status_code == 200 and review.id in page.text
    assert client.get(f"/cite/{product_id}").status_code == 200
    assert client.get(f"/api/reviews/{review.id}").json()["product_id"] == review.product_id
    missing = client.get("/cite/R-nope")
    assert missing.status_code == 404 and "citations are" in missing.json()["error"]["message"]
    assert client.get("/api/products/nope/image.svg").status_code == 404
