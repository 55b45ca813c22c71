"""The embeddable chat widget in a real browser (Playwright driving Debian's Chromium)."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
import time
from pathlib import Path

import pytest
import uvicorn

from assistant.api import create_app
from assistant.testing import free_port

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(),
        reason="chromium is not installed (apt-get install -y chromium; .ci/run does this)",
    ),
]
playwright_api = pytest.importorskip("playwright.sync_api")
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def api_url(demo_assistant):
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(demo_assistant), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def shop_url(api_url, tmp_path_factory):
    """examples/embed.html served from another origin, its script tag pointed at the test API."""
    folder = tmp_path_factory.mktemp("shop")
    page = (EXAMPLES / "embed.html").read_text().replace("http://127.0.0.1:7860", api_url)
    (folder / "index.html").write_text(page)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://localhost:{server.server_address[1]}/index.html"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


def _widget_frame(page):
    return next(frame for frame in page.frames if "/widget" in frame.url)


def test_embed_page_opens_the_widget_and_chats(browser, shop_url, artifacts_dir):
    page = browser.new_page(viewport={"width": 1100, "height": 800})
    page.goto(shop_url)
    page.click("#shopassist-button")
    chat = page.frame_locator("#shopassist-frame")
    chat.locator("#message").fill("yoga mat under $50")
    chat.locator("#message").press("Enter")
    answer = chat.locator(".msg.bot[data-done='1']")
    answer.wait_for(timeout=30_000)
    assert "Yoga Mat" in answer.inner_text()
    page.screenshot(path=str(artifacts_dir / "widget-embed.png"))

    session = _widget_frame(page).evaluate("new URLSearchParams(location.search).get('session')")
    page.reload()
    page.click("#shopassist-button")
    page.frame_locator("#shopassist-frame").locator("#message").wait_for()
    again = _widget_frame(page).evaluate("new URLSearchParams(location.search).get('session')")
    assert session and again == session  # the session survives the host page's reload
    page.close()


def test_widget_on_a_phone_sized_viewport(browser, shop_url, artifacts_dir):
    page = browser.new_page(viewport={"width": 390, "height": 780})
    page.goto(shop_url)
    page.click("#shopassist-button")
    box = page.locator("#shopassist-frame").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390
    page.screenshot(path=str(artifacts_dir / "widget-phone.png"))
    page.close()


def test_a_disallowed_site_cannot_frame_the_chat(api_url):
    import httpx

    headers = httpx.get(f"{api_url}/widget").headers
    assert (
        "frame-ancestors 'self' http://localhost:* http://127.0.0.1:*"
        in headers["content-security-policy"]
    )
