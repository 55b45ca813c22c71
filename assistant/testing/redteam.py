"""Impersonation, forgery and replay attempts against a running server, each judged by its
answer (the expected refusal), by the state it must not change (carts, orders, links,
consents, DMs, wishlists) and by what it must not reveal. Used by `bench/red_team.py` and
`tests/test_identity_attacks.py`; the attempts themselves are in `redteam_attacks.py`.

The victims are set up through the legitimate paths: a web shopper registers, fills a cart
and opens a checkout; `ben_k` acts in Snapgram through signed platform events. The attacker
holds only their own guest session and their own Snapgram token (as `fay_t`).
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from assistant.channels.http.dependencies import HttpServices
from assistant.channels.social.apps import APPS
from assistant.channels.social.events import MessageEvent, new_event_id, signature, signed
from assistant.identity.sessions import session_key

VICTIM_HANDLE, ATTACKER_HANDLE, APP = "ben_k", "fay_t", "photo"
FAKE_SECRET = "sa_" + "A" * 43
FAKE_TOKEN = "app_" + "B" * 43


@dataclass
class Scene:
    """What the attacks aim at, and what the attacker holds."""

    victim: str  # the victim's live web session
    victim_before_sign_in: str  # the victim's guest session, replaced at sign-in
    victim_shopper: str
    checkout_id: str
    nonce: str
    post_id: str
    captured_body: bytes  # a signed event of the victim's, seen once by the shop
    captured_headers: dict[str, str]
    attacker: str  # the attacker's own guest session
    attacker_token: str  # the attacker's own Snapgram token
    expired: str
    signed_out: str
    private: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Attack:
    """One attempt: the request it sends and the answers that count as refused."""

    name: str
    send: Callable[[httpx.Client, Scene], httpx.Response]
    expect: tuple[int, ...]


@dataclass(frozen=True)
class Outcome:
    """How one attempt ended."""

    name: str
    status: int
    refused: bool
    why: str = ""


def call(client: httpx.Client, method: str, path: str, body: Any = None, **headers: str):
    return client.request(method, path, json=body, headers=headers)


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def prepare(client: httpx.Client, services: HttpServices) -> Scene:
    """Set up the victims through legitimate paths, and the attacker's own credentials."""
    bot, apps, identity = services.bot, services.apps, services.identity
    guest = call(client, "POST", "/api/chat", {"message": "hi"}).json()["session_id"]
    shopper = call(client, "GET", "/api/cart", None, **{"X-Session-Id": guest}).json()
    product = next(
        p for p in bot.services.catalogue.products.values() if len(p.variants) == 1 and p.in_stock
    )
    bot.commerce.add_item(shopper["shopper_id"], product.id, 1)
    account = f"victim{int(time.time() * 1000) % 10**9}"
    signed_in = call(
        client,
        "POST",
        "/api/account/register",
        {"username": account, "password": "correct horse battery"},
        **{"X-Session-Id": guest},
    ).json()
    victim = signed_in["session_id"]
    pending = call(
        client, "POST", "/api/chat", {"message": "checkout"}, **{"X-Session-Id": victim}
    ).json()["pending_checkout"]
    post = next(p for p in services.social.content.feed(APP) if p.products)
    apps.reply(APP, VICTIM_HANDLE, post.id, "#cart")  # through signed events, as Snapgram does
    apps.dm(APP, VICTIM_HANDLE, "link")
    event = MessageEvent(id=new_event_id(), app=APP, handle=VICTIM_HANDLE, text="my data")
    body, headers = signed(apps.secrets[APP], event)
    assert client.post(f"/api/social/{APP}/events", content=body, headers=headers).is_success
    attacker = call(client, "POST", "/api/chat", {"message": "hi"}).json()["session_id"]
    expired = identity.sessions.issue("web")
    long_ago = identity.sessions.clock() - identity.sessions.idle - dt.timedelta(minutes=1)
    identity.sessions.repository.touch_session(expired.session.key, long_ago)
    leaving = call(client, "POST", "/api/chat", {"message": "hi"}).json()["session_id"]
    call(client, "POST", "/api/account/signout", None, **{"X-Session-Id": leaving})
    victim_shopper = identity.sessions.resolve(victim).shopper_id
    return Scene(
        victim=victim,
        victim_before_sign_in=guest,
        victim_shopper=victim_shopper,
        checkout_id=pending["checkout_id"],
        nonce=pending["nonce"],
        post_id=post.id,
        captured_body=body,
        captured_headers=headers,
        attacker=attacker,
        attacker_token=apps.issue_token(APP, ATTACKER_HANDLE),
        expired=expired.secret,
        signed_out=leaving,
        private=[victim, guest, pending["nonce"], victim_shopper, f"shop:{VICTIM_HANDLE}"],
    )


def snapshot(services: HttpServices, scene: Scene) -> dict[str, Any]:
    """Everything the attacks must leave as it was."""
    bot, repository = services.bot, services.social.repository
    shoppers = [scene.victim_shopper, f"shop:{VICTIM_HANDLE}"]
    pairs = [(app, VICTIM_HANDLE) for app in APPS]
    return {
        "carts": [bot.commerce.get_cart(s).model_dump() for s in shoppers],
        "orders": [[o.order_id for o in bot.commerce.list_orders(s)] for s in shoppers],
        "all_orders": bot.commerce.count_orders(),
        "links": [repository.linked_shopper(*pair) for pair in pairs],
        "consents": [repository.pending_consent(*pair) for pair in pairs],
        "dms": [repository.dm_thread(*pair, 10_000) for pair in pairs],
        "wishlists": [repository.wishlist(s) for s in shoppers],
        "pending": bot.pending_checkout(f"ws-{session_key(scene.victim)}", scene.victim_shopper),
        "victim_session_alive": services.identity.sessions.repository.session(
            session_key(scene.victim)
        )
        is not None,
    }


def run(client: httpx.Client, services: HttpServices, scene: Scene, attack: Attack) -> Outcome:
    """One attempt, judged by its status, the state before and after, and what it showed."""
    before = snapshot(services, scene)
    response = attack.send(client, scene)
    after = snapshot(services, scene)
    if response.status_code not in attack.expect:
        return Outcome(attack.name, response.status_code, False, f"answered {response.text[:160]}")
    if before != after:
        changed = [key for key in before if before[key] != after[key]]
        return Outcome(attack.name, response.status_code, False, f"changed {changed}")
    shown = [secret for secret in scene.private if secret in response.text]
    listed = [h for h in services.social.content.shoppers if h in response.text]
    if shown or listed:
        return Outcome(attack.name, response.status_code, False, f"revealed {shown + listed}")
    if response.headers.get("content-type", "").startswith("application/json"):
        body = response.json()
        if not (isinstance(body, dict) and {"code", "message"} <= set(body.get("error", {}))):
            return Outcome(attack.name, response.status_code, False, "not an error body")
    return Outcome(attack.name, response.status_code, True)


def victim_event(secret: str, at: float | None = None, text: str = "my data"):
    """A DM event in the victim's name, signed with `secret` at `at`."""
    event = MessageEvent(id=new_event_id(), app=APP, handle=VICTIM_HANDLE, text=text)
    return signed(secret, event, at)


def post_event(client: httpx.Client, app: str, body: bytes, headers: dict[str, str]):
    return client.post(f"/api/social/{app}/events", content=body, headers=headers)


def tampered(scene: Scene) -> tuple[bytes, dict[str, str]]:
    """The captured event with its handle changed and a new id, under the old signature."""
    data = json.loads(scene.captured_body)
    data.update(handle=ATTACKER_HANDLE, id=new_event_id())
    return json.dumps(data, separators=(",", ":")).encode(), scene.captured_headers


def resigned_without_secret(scene: Scene) -> tuple[bytes, dict[str, str]]:
    """The captured body re-sent now, with a signature made without the app's secret."""
    stamp = str(int(time.time()))
    return scene.captured_body, {
        "content-type": "application/json",
        "x-platform-timestamp": stamp,
        "x-platform-signature": signature("guessed-secret", stamp, scene.captured_body),
    }
