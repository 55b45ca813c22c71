"""Every social flow in every app, through the HTTP API on a real server on loopback."""

from __future__ import annotations

import re

import httpx
import pytest

from assistant.channels.http.app import create_app
from assistant.channels.social.content import load_content
from assistant.channels.social.report import creator_sales
from assistant.money import format_minor
from assistant.testing.servers import serve_in_thread

pytestmark = pytest.mark.slow
CONTENT = load_content()
PUBLIC_REPLIES: list[str] = []


TOKENS: dict[tuple[str, str], str] = {}


@pytest.fixture(scope="module")
def client(demo_assistant, demo_settings):
    # The demo's one-click sign-in to the simulated apps; limits above what the flows need.
    settings = demo_settings.model_copy(
        update={
            "demo_mode": True,
            "rate_limit_per_address": "100000/minute",
            "rate_limit_sign_in": "1000/minute",
        }
    )
    with (
        serve_in_thread(create_app(demo_assistant, settings)) as url,
        httpx.Client(base_url=url, timeout=60) as http,
    ):
        yield http


def token(client, app: str, user: str) -> str:
    """The app's token for one of its users (signed in once per test run)."""
    if (app, user) not in TOKENS:
        response = client.post(f"/api/social/{app}/signin", json={"user": user})
        assert response.status_code == 200, response.text
        TOKENS[(app, user)] = response.json()["token"]
    return TOKENS[(app, user)]


def post_where(app, catalogue, bot, single=True, in_stock=True):
    """A post of the app whose first product fits (one variant, available)."""
    for post in CONTENT.feed(app):
        if not post.products:
            continue
        product = catalogue.products[post.products[0]]
        available = any(bot.commerce.available(v.id) > 0 for v in product.variants)
        if available == in_stock and (len(product.variants) == 1) == single:
            return post
    pytest.skip(f"no fitting post in {app}")


def cart_words(post, catalogue):
    """A #cart reply for the post's first product: bare under a post of one product, with
    its title under a post of several (a bare #cart there asks which)."""
    if len(set(post.products)) == 1:
        return "#cart"
    return f"#cart {catalogue.products[post.products[0]].title}"


def act(client, method, path, user=None, **body):
    """An action in an app as `user`, signed in to that app (the token says who acts)."""
    headers = {}
    if user is not None:
        headers["Authorization"] = f"Bearer {token(client, path.split('/')[1], user)}"
    response = client.request(method, f"/api/social{path}", json=body or None, headers=headers)
    data = response.json()
    if response.status_code == 200 and data.get("public_reply"):
        PUBLIC_REPLIES.append(data["public_reply"])
    return response.status_code, data


def link(client, app, user):
    return act(client, "POST", f"/{app}/dm", user=user, text="link")


@pytest.fixture
def env(demo_assistant):
    return demo_assistant.services.catalogue, demo_assistant


# ---- reading ----------------------------------------------------------------------------------
def test_apps_and_feeds(client):
    status, body = act(client, "GET", "/apps")
    assert status == 200 and {a["name"] for a in body["apps"]} == {
        "microblog",
        "photo",
        "video",
        "messenger",
    }
    posts = 0
    for app in ("microblog", "photo", "video", "messenger"):
        feed = client.get(f"/api/social/{app}/feed").json()
        posts += len(feed["posts"])
        for item in feed["posts"]:
            assert item["text"].endswith("#ad") == item["sponsored"]
    assert posts >= 60 and len({p.author for p in CONTENT.posts}) >= 12
    video = client.get("/api/social/video/feed").json()["posts"]
    assert any("creator_commission" in item for item in video)


# ---- #cart replies ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("app", "user"), [("microblog", "ana_b"), ("photo", "ben_k"), ("video", "chloe_r")]
)
def test_cart_reply_asks_consent_then_adds_with_attribution(client, env, app, user):
    catalogue, bot = env
    post = post_where(app, catalogue, bot)
    status, first = act(
        client,
        "POST",
        f"/{app}/posts/{post.id}/replies",
        user=user,
        text=cart_words(post, catalogue),
    )
    assert status == 200 and first["cart"]["lines"] == [] and "link" in first["dms"][0]
    status, linked = link(client, app, user)
    assert [line["product_id"] for line in linked["cart"]["lines"]] == [post.products[0]]
    line = bot.commerce.get_cart(f"shop:{user}").lines[0]
    assert (line.origin.kind, line.origin.ref, line.origin.creator) == (
        "cart_reply",
        post.id,
        post.author,
    )
    status, again = act(
        client,
        "POST",
        f"/{app}/posts/{post.id}/replies",
        user=user,
        text=cart_words(post, catalogue),
    )
    assert again["public_reply"].endswith("Added to your basket ✓")
    assert again["cart"]["lines"][0]["qty"] == 2


def test_cart_reply_with_an_ambiguous_variant_goes_to_dm(client, env):
    catalogue, bot = env
    post = post_where("microblog", catalogue, bot, single=False)
    act(
        client,
        "POST",
        f"/microblog/posts/{post.id}/replies",
        user="dev_m",
        text=cart_words(post, catalogue),
    )
    link(client, "microblog", "dev_m")
    _status, body = act(
        client,
        "POST",
        f"/microblog/posts/{post.id}/replies",
        user="dev_m",
        text=cart_words(post, catalogue),
    )
    assert body["public_reply"] == "@dev_m Sent you a DM 📩"
    assert "Which one would you like?" in body["dms"][0] and body["cart"]["lines"] == []


def test_wishlist_reply(client, env):
    catalogue, bot = env
    post = post_where("photo", catalogue, bot, single=False)
    act(client, "POST", f"/photo/posts/{post.id}/replies", user="eli_s", text="#wishlist")
    status, body = link(client, "photo", "eli_s")
    assert status == 200
    assert "wishlist" in body["dms"][-1] and body["cart"]["lines"] == []
    _status, data = act(
        client, "POST", "/photo/dm", user="eli_s", text="what do you store about me"
    )
    assert post.products[0] in data["dms"][0]


# ---- questions, DMs, Buy ----------------------------------------------------------------------
@pytest.mark.parametrize("app", ["microblog", "photo", "video"])
def test_question_in_the_comments_is_answered_briefly(client, env, app):
    catalogue, bot = env
    post = post_where(app, catalogue, bot)
    status, body = act(
        client,
        "POST",
        f"/{app}/posts/{post.id}/replies",
        user="fay_t",
        text="how long does delivery take?",
    )
    product = catalogue.products[post.products[0]]
    assert status == 200 and f"{product.shipping_days} days" in body["public_reply"]
    assert len(body["public_reply"]) <= {"microblog": 280, "photo": 2200, "video": 150}[app]


def test_a_private_question_in_public_gets_dm_for_details(client, env):
    catalogue, bot = env
    post = post_where("photo", catalogue, bot)
    _status, body = act(
        client, "POST", f"/photo/posts/{post.id}/replies", user="fay_t", text="where is my order?"
    )
    assert body["public_reply"] == "@fay_t DM for details 📩" and body["dms"]


@pytest.mark.parametrize(
    ("app", "user"), [("messenger", "gio_p"), ("photo", "gio_p"), ("video", "hana_w")]
)
def test_buy_then_yes_in_dm_places_an_attributed_order(client, env, app, user):
    catalogue, bot = env
    post = next(
        p
        for p in CONTENT.feed(app)
        if p.products
        and any(
            bot.commerce.available(v.id) > 0 for v in catalogue.products[p.products[0]].variants
        )
    )
    status, asked = act(client, "POST", f"/{app}/posts/{post.id}/buy", user=user)
    assert status == 200 and "link" in asked["dms"][0]
    status, summary = link(client, app, user)
    if "Which one would you like?" in summary["dms"][-1]:  # a product with variants: pick one by DM
        variant = next(
            v
            for v in catalogue.products[post.products[0]].variants
            if bot.commerce.available(v.id) > 0
        )
        status, summary = act(
            client,
            "POST",
            f"/{app}/dm",
            user=user,
            text="the " + " ".join(variant.options.values()) + " one",
        )
        if "Reply «yes»" not in summary["dms"][-1]:  # the choice went to the cart: check out
            status, summary = act(client, "POST", f"/{app}/dm", user=user, text="checkout")
    assert "Reply «yes»" in summary["dms"][-1] and summary["orders"] == []
    status, placed = act(client, "POST", f"/{app}/dm", user=user, text="yes")
    assert len(placed["orders"]) == 1
    order = bot.commerce.order_status(f"shop:{user}", placed["orders"][0])
    assert (
        order.lines[0].origin.kind,
        order.lines[0].origin.ref,
        order.lines[0].origin.creator,
    ) == ("buy_button", post.id, post.author)
    sales = {
        row.creator: row for row in creator_sales(bot.commerce.attributed_order_lines(), CONTENT)
    }
    assert sales[post.author].orders >= 1


def test_cart_then_buy_on_the_same_post_orders_only_what_was_tapped(client, env):
    """Snapgram: #cart then Buy on the same post made a summary for 2 units and ordered 2."""
    catalogue, bot = env
    post = post_where("photo", catalogue, bot)
    user, product_id = "ivan_d", post.products[0]
    act(
        client,
        "POST",
        f"/photo/posts/{post.id}/replies",
        user=user,
        text=cart_words(post, catalogue),
    )
    link(client, "photo", user)
    cart_before = bot.commerce.get_cart(f"shop:{user}").lines
    assert product_id in {line.product_id for line in cart_before}
    _status, summary = act(client, "POST", f"/photo/posts/{post.id}/buy", user=user)
    assert "Reply «yes»" in summary["dms"][-1] and "\n- 1 × " in summary["dms"][-1]
    _status, placed = act(client, "POST", "/photo/dm", user=user, text="yes")
    order = bot.commerce.order_status(f"shop:{user}", placed["orders"][0])
    assert [(line.product_id, line.qty) for line in order.lines] == [(product_id, 1)]
    assert bot.commerce.get_cart(f"shop:{user}").lines == cart_before  # Buy left the cart alone


def test_dm_is_the_full_conversation(client):
    status, body = act(client, "POST", "/messenger/dm", user="ivan_d", text="yoga mat")
    assert status == 200 and "Here is what I found" in body["dms"][0]
    status, body = act(
        client,
        "POST",
        "/messenger/dm",
        user="ivan_d",
        text="what do reviews say about the first one",
    )
    assert "reviews" in body["dms"][0]


# ---- linking ----------------------------------------------------------------------------------
def test_declining_the_link_changes_nothing(client, env):
    catalogue, bot = env
    post = post_where("video", catalogue, bot)
    act(
        client,
        "POST",
        f"/video/posts/{post.id}/replies",
        user="jules_o",
        text=cart_words(post, catalogue),
    )
    status, body = act(client, "POST", "/video/dm", user="jules_o", text="no")
    assert status == 200
    assert "nothing was linked" in body["dms"][0] and body["cart"]["lines"] == []
    assert bot.commerce.get_cart("shop:jules_o").lines == []
    _status, data = act(client, "POST", "/video/dm", user="jules_o", text="my data")
    assert "is not linked" in data["dms"][0]


def test_unlink(client):
    act(client, "POST", "/messenger/dm", user="jules_o", text="add P0001")
    link(client, "messenger", "jules_o")
    status, body = act(client, "POST", "/messenger/dm", user="jules_o", text="unlink")
    assert status == 200
    assert "Unlinked @jules_o" in body["dms"][0]
    _status, again = act(client, "POST", "/messenger/dm", user="jules_o", text="unlink")
    assert "is not linked" in again["dms"][0]


# ---- bad input ----------------------------------------------------------------------------------
def test_bad_input_is_refused_with_a_clear_message(client, env):
    catalogue, bot = env
    post = post_where("microblog", catalogue, bot)
    cases = [
        ("GET", "/tiktok/feed", {}, 404, "the apps are"),
        ("POST", "/microblog/posts/nope/replies", {"text": "#cart"}, 404, "feed lists them"),
        ("POST", "/microblog/posts/mi-001/replies", {"text": "#cart"}, 422, "tags no product"),
        ("POST", f"/microblog/posts/{post.id}/replies", {"text": "x" * 300}, 422, "allows 280"),
        ("POST", f"/microblog/posts/{post.id}/buy", {}, 422, "no Buy button"),
        ("POST", "/messenger/posts/me-001/replies", {"text": "hi"}, 422, "no comments"),
    ]
    before = bot.commerce.get_cart("shop:ana_b").model_dump()
    for method, path, body, status, message in cases:
        headers = {}
        if not path.startswith("/tiktok"):
            headers["Authorization"] = f"Bearer {token(client, path.split('/')[1], 'ana_b')}"
        response = client.request(method, f"/api/social{path}", json=body or None, headers=headers)
        assert response.status_code == status, (path, response.text)
        assert message in response.json()["error"]["message"]
    stranger = client.post("/api/social/microblog/signin", json={"user": "mallory"})
    assert stranger.status_code == 404
    assert not any(handle in stranger.text for handle in CONTENT.shoppers)  # lists nobody
    assert bot.commerce.get_cart("shop:ana_b").model_dump() == before


def test_buy_on_a_sold_out_product(client, env):
    catalogue, bot = env
    for app in ("photo", "video", "messenger"):
        sold_out = [
            p
            for p in CONTENT.feed(app)
            if p.products
            and not any(
                bot.commerce.available(v.id) for v in catalogue.products[p.products[0]].variants
            )
        ]
        if sold_out:
            response = client.post(
                f"/api/social/{app}/posts/{sold_out[0].id}/buy",
                headers={"Authorization": f"Bearer {token(client, app, 'ana_b')}"},
            )
            # told by DM, as any Buy answers; no summary, nothing in the cart
            assert response.status_code == 200, response.text
            shown = response.json()
            assert "sold out" in shown["dms"][0] and "#wishlist" in shown["dms"][0]
            assert f"[{sold_out[0].products[0]}]" in shown["dms"][0]  # which one, by its id
            assert shown["pending_checkout"] is None and shown["cart"]["lines"] == []
            return
    pytest.skip("no sold-out post")


# ---- privacy and reports ------------------------------------------------------------------------
def test_no_public_reply_shows_private_details(client, env):
    _catalogue, bot = env
    assert PUBLIC_REPLIES, "the flows above should have produced public replies"
    totals = {
        format_minor(bot.commerce.get_cart(f"shop:{u}").totals.total_minor)
        for u in CONTENT.shoppers
    }
    totals.discard("$0.00")
    for reply in PUBLIC_REPLIES:
        assert not re.search(r"ORD-|address|\btotal\b|your cart", reply, re.I), reply
        assert not any(total in reply for total in totals), reply


def test_creators_report(env):
    _, bot = env
    rows = creator_sales(bot.commerce.attributed_order_lines(), CONTENT)
    assert rows and all(row.sales_minor > 0 for row in rows)
    for row in rows:
        assert row.commission_minor == round(row.sales_minor * row.commission_rate)


def test_reactions_count_and_say_nothing_in_public(client, env):
    catalogue, bot = env
    post = post_where("photo", catalogue, bot)

    def count():
        feed = client.get("/api/social/photo/feed").json()["posts"]
        return next(item["reactions"] for item in feed if item["id"] == post.id)

    before = count()
    status, body = act(client, "POST", f"/photo/posts/{post.id}/replies", user="ana_b", text="❤️")
    assert status == 200 and body["public_reply"] is None and body["dms"] == []
    assert count() == before + 1


def test_seed_content_is_deterministic(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    subprocess.run(
        [
            sys.executable,
            str(root / "scripts" / "make_social_content.py"),
            "--out",
            str(tmp_path / "content.json"),
        ],
        check=True,
        capture_output=True,
    )
    packaged = root / "assistant" / "data" / "social" / "content.json"
    assert (tmp_path / "content.json").read_bytes() == packaged.read_bytes()
