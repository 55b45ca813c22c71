"""The embeddable chat widget in a real browser (Playwright driving Debian's Chromium)."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from assistant.channels.http.app import create_app
from assistant.channels.social.apps import APPS
from assistant.channels.social.content import load_content
from assistant.testing.servers import free_port, serve_in_thread

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
def api_url(demo_assistant, demo_settings):
    # The demo's Shopping-as switch; the tests switch shoppers more often than a person would.
    settings = demo_settings.model_copy(
        update={"demo_mode": True, "rate_limit_sign_in": "200/minute"}
    )
    with serve_in_thread(create_app(demo_assistant, settings)) as url:
        yield url


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

    session = _widget_frame(page).evaluate("window.shopassistSession()")
    assert session.startswith("sa_")  # issued by the server with the first reply
    assert "session" not in _widget_frame(page).url.split("#")[0]  # never in the URL's query
    page.reload()
    page.click("#shopassist-button")
    page.frame_locator("#shopassist-frame").locator("#message").wait_for()
    again = _widget_frame(page).evaluate("window.shopassistSession()")
    assert again == session  # the session survives the host page's reload
    chat = page.frame_locator("#shopassist-frame")
    chat.locator("#message").fill("help")
    chat.locator("#message").press("Enter")
    chat.locator(".msg.bot[data-done='1']").nth(0).wait_for(timeout=30_000)
    assert _widget_frame(page).evaluate("window.shopassistSession()") == session
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


def test_another_site_cannot_frame_the_app(browser, api_url, shop_url, artifacts_dir):
    """The app with the Confirm order button refuses to be framed (clickjacking)."""
    page = browser.new_page()
    page.goto(shop_url)  # another origin, allowed to frame the widget but not the app
    page.evaluate(
        "url => { const f = document.createElement('iframe'); f.id = 'framed-app';"
        " f.src = url; document.body.appendChild(f); }",
        f"{api_url}/",
    )
    page.wait_for_timeout(3000)
    framed = next(
        frame for frame in page.frames if frame.parent_frame and "widget" not in frame.url
    )
    assert framed.locator("#chat-input").count() == 0  # blocked: nothing of the app rendered
    page.close()


@pytest.fixture
def app_page(browser, api_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{api_url}/")
    page.locator("#chat-input textarea").wait_for(timeout=60_000)
    yield page
    page.close()


def _shop_as(page, user: str) -> None:
    """Pick a simulated shopper in the demo switch: it signs in (a one-time code, as a shopper
    would type it) and the page reloads as that shopper."""
    page.locator("#identity input").click()
    page.get_by_role("option", name=user, exact=True).click()
    page.locator("#account-line", has_text=user).wait_for(timeout=60_000)
    page.locator("#chat-input textarea").wait_for(timeout=60_000)


def _ask(page, message: str) -> None:
    page.locator("#chat-input textarea").fill(message)
    page.click("#chat-send")


def test_ask_see_a_card_add_it_check_out_and_see_the_order(app_page, demo_assistant, artifacts_dir):
    page = app_page
    _shop_as(page, load_content().shoppers[-1])
    _ask(page, "wireless earbuds under $60")
    card = page.locator(".sa-card").first
    card.wait_for(timeout=30_000)
    title = card.locator(".sa-card-title").inner_text()
    assert "$" in card.locator(".sa-card-price").inner_text()
    assert "delivery in" in card.inner_text() and card.locator("img").count() == 1
    page.screenshot(path=str(artifacts_dir / "app-search.png"), full_page=True)

    _ask(page, "what do reviews say about the first one")
    citation = page.locator('#chat a[href^="/cite/R"]').first
    citation.wait_for(timeout=30_000)
    review_id = citation.get_attribute("href").rsplit("/", 1)[1]
    cited = page.context.request.get(f"{page.url.rstrip('/')}/cite/{review_id}")
    assert cited.ok and review_id in cited.text()  # the link opens the quoted review

    first = page.locator(".sa-product").first
    if first.locator(".sa-variant input:visible").count():  # several variants: pick one
        _pick_variant(page, first, 0)
    first.locator(".sa-add").click()
    page.locator(".sa-line", has_text=title).wait_for(timeout=20_000)
    page.click("#checkout")
    page.locator("#confirm-order").wait_for(state="visible", timeout=20_000)
    assert "waiting for you" in page.locator("#checkout-summary").inner_text()
    page.click("#confirm-order")
    order_row = page.locator("#sa-orders tr[data-order]", has_text=title).first
    order_row.wait_for(timeout=20_000)
    assert "processing" in order_row.inner_text()
    # the cart is empty after the order; its panel re-renders just after the orders' (under
    # load the two updates can land a moment apart), so wait for it rather than read it once
    page.wait_for_function("document.querySelectorAll('.sa-line').length === 0", timeout=20_000)
    page.screenshot(path=str(artifacts_dir / "app-order.png"), full_page=True)


def _pick_variant(page, product, index: int) -> str:
    """Choose a variant in a card's picker; its label."""
    product.locator(".sa-variant input").click()
    option = page.get_by_role("option").nth(index)
    label = option.inner_text()
    option.click()
    page.wait_for_timeout(300)
    return label


def test_a_card_with_sizes_adds_nothing_until_one_is_picked(
    app_page, demo_assistant, artifacts_dir
):
    """The picker used to start on the first variant: Add to cart added an XS silently."""
    page = app_page
    user = load_content().shoppers[-5]  # whose cart no later test expects empty
    _shop_as(page, user)
    _ask(page, "rain jacket")
    page.locator(".sa-card").first.wait_for(timeout=30_000)
    product = page.locator(".sa-product", has=page.locator(".sa-variant input:visible")).first
    title = product.locator(".sa-card-title").inner_text()
    assert product.locator(".sa-variant input").input_value() == ""  # nothing picked yet
    lines_before = page.locator(".sa-line", has_text=title).count()
    product.locator(".sa-add").click()
    page.locator(".toast-body", has_text="first").wait_for(timeout=20_000)
    assert "Choose a size/colour first" in page.locator(".toast-body").first.inner_text()
    page.wait_for_timeout(1000)
    assert page.locator(".sa-line", has_text=title).count() == lines_before
    page.screenshot(path=str(artifacts_dir / "app-choose-a-size.png"), full_page=True)

    size, colour = _pick_variant(page, product, 1).split(" · ")[0].split(" / ")
    product.locator(".sa-add").click()
    line = page.locator(".sa-line", has_text=title).filter(has_text=f"size {size}")
    line.filter(has_text=f"colour {colour}").first.wait_for(timeout=20_000)
    commerce = demo_assistant.commerce
    for added in commerce.get_cart(f"shop:{user}").lines:
        if added.title == title and added.options == {"size": size, "colour": colour}:
            commerce.remove_item(
                f"shop:{user}", added.product_id, qty=1, variant_id=added.variant_id
            )  # leave the cart as it was


def _single_variant_post(api_url: str) -> tuple[str, int, str]:
    """An app with #cart replies, the index of a post there, and its in-stock product's title."""
    import httpx

    for app in ("microblog", "photo", "video"):
        posts = httpx.get(f"{api_url}/api/social/{app}/feed").json()["posts"][:6]
        for index, post in enumerate(posts):
            if len(post["products"]) != 1 or not post["products"][0]["in_stock"]:
                continue  # a bare #cart under several products asks which
            product = httpx.get(f"{api_url}/api/products/{post['products'][0]['id']}").json()
            if len(product["variants"]) == 1:
                return app, index, product["title"]
    raise AssertionError("no post tags a single-variant product in stock")


def test_cart_reply_on_a_post_shows_in_the_cart_panel(app_page, api_url, artifacts_dir):
    page = app_page
    app, index, title = _single_variant_post(api_url)
    _shop_as(page, load_content().shoppers[-2])
    page.get_by_role("tab", name=APPS[app].title).click()
    page.locator(".sa-reply-input textarea:visible").nth(index).fill("#cart")
    page.locator(".sa-reply:visible").nth(index).click()
    thread = page.locator(".sa-dm:visible")
    outcome = page.locator(".sa-line", has_text=title).or_(thread.get_by_text("«link»"))
    outcome.first.wait_for(timeout=20_000)
    if page.locator(".sa-line", has_text=title).count() == 0:  # first commerce: consent by DM
        page.locator(".sa-dm-input textarea:visible").fill("link")
        page.locator(".sa-dm-send:visible").click()
    page.locator(".sa-line", has_text=title).wait_for(timeout=20_000)
    assert "1 ×" in page.locator(".sa-line", has_text=title).inner_text()
    page.screenshot(path=str(artifacts_dir / "app-cart-reply.png"), full_page=True)


def test_the_app_reads_well_on_a_phone(browser, api_url, artifacts_dir):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{api_url}/")
    page.locator("#chat-input textarea").wait_for(timeout=60_000)
    page.locator("#account-line", has_text="guest").wait_for(timeout=30_000)  # a new visitor
    _shop_as(page, load_content().shoppers[-6])  # the sign-in works at phone width too
    _ask(page, "yoga mat under $50")
    page.locator(".sa-card").first.wait_for(timeout=30_000)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
    assert page.locator("#chat-send").is_visible()
    page.screenshot(path=str(artifacts_dir / "app-phone.png"))
    page.close()
