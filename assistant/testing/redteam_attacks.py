"""The red team's attempts: impersonating a handle, forging, guessing, reusing or smuggling
sessions, confirming someone else's checkout, forging and replaying signed events, and
sign-in tricks. Each names the refusal it expects (see `redteam.py` for how it is judged)."""

from __future__ import annotations

import time

import httpx

from assistant.testing.redteam import (
    APP,
    ATTACKER_HANDLE,
    FAKE_SECRET,
    FAKE_TOKEN,
    VICTIM_HANDLE,
    Attack,
    Scene,
    bearer,
    call,
    post_event,
    resigned_without_secret,
    tampered,
    victim_event,
)

SOCIAL = f"/api/social/{APP}"


def _as_victim_without_token(path: str, body: dict) -> Attack:
    name = f"no token, body names {VICTIM_HANDLE}: POST {path} {body.get('text', '')}".strip()
    return Attack(
        name,
        lambda c, s: call(c, "POST", f"{SOCIAL}{path.format(post=s.post_id)}", body),
        (401,),
    )


def _as_victim_with_own_token(path: str, body: dict) -> Attack:
    name = f"own token, body names {VICTIM_HANDLE}: POST {path} {body.get('text', '')}".strip()
    return Attack(
        name,
        lambda c, s: call(
            c,
            "POST",
            f"{SOCIAL}{path.format(post=s.post_id)}",
            body,
            **bearer(s.attacker_token),
        ),
        (403,),
    )


def _session_route(label: str, how: str, secret_of) -> list[Attack]:
    """The cart, orders, chat, stream, confirm and account routes with one kind of session."""

    def headers(scene: Scene) -> dict[str, str]:
        secret = secret_of(scene)
        if how == "cookie":
            return {"Cookie": f"shopassist_session={secret}"}
        if how == "bearer":
            return bearer(secret)
        return {"X-Session-Id": secret}

    routes = [
        ("GET /api/cart", lambda c, s: c.get("/api/cart", headers=headers(s))),
        ("GET /api/orders", lambda c, s: c.get("/api/orders", headers=headers(s))),
        (
            "POST /api/chat",
            lambda c, s: c.post("/api/chat", json={"message": "yes"}, headers=headers(s)),
        ),
        (
            "POST /api/checkout/confirm",
            lambda c, s: c.post(
                "/api/checkout/confirm",
                json={"checkout_id": s.checkout_id, "nonce": s.nonce},
                headers=headers(s),
            ),
        ),
    ]
    return [Attack(f"{label} ({how}): {route}", send, (401,)) for route, send in routes]


ATTACKS: list[Attack] = [
    # ---- a handle that is not yours ----------------------------------------------------------
    _as_victim_without_token("/posts/{post}/buy", {"user": VICTIM_HANDLE}),
    _as_victim_without_token("/dm", {"user": VICTIM_HANDLE, "text": "link"}),
    _as_victim_without_token("/dm", {"user": VICTIM_HANDLE, "text": "yes"}),
    _as_victim_without_token("/dm", {"user": VICTIM_HANDLE, "text": "my data"}),
    _as_victim_without_token("/dm", {"user": VICTIM_HANDLE, "text": "unlink"}),
    _as_victim_without_token("/posts/{post}/replies", {"user": VICTIM_HANDLE, "text": "#cart"}),
    _as_victim_without_token("/consent", {"user": VICTIM_HANDLE, "agree": True}),
    _as_victim_with_own_token("/dm", {"user": VICTIM_HANDLE, "text": "my data"}),
    _as_victim_with_own_token("/dm", {"user": VICTIM_HANDLE, "text": "unlink"}),
    _as_victim_with_own_token("/posts/{post}/buy", {"user": VICTIM_HANDLE}),
    _as_victim_with_own_token("/posts/{post}/replies", {"user": VICTIM_HANDLE, "text": "#cart"}),
    Attack("no token: GET thread", lambda c, s: c.get(f"{SOCIAL}/thread"), (401,)),
    Attack(
        "forged app token",
        lambda c, s: call(c, "POST", f"{SOCIAL}/dm", {"text": "my data"}, **bearer(FAKE_TOKEN)),
        (401,),
    ),
    Attack(
        "victim's web session used as an app token",
        lambda c, s: call(c, "POST", f"{SOCIAL}/dm", {"text": "my data"}, **bearer(s.victim)),
        (401,),
    ),
    Attack(
        "own Snapgram token used on Clipz",
        lambda c, s: call(
            c, "POST", "/api/social/video/dm", {"text": "my data"}, **bearer(s.attacker_token)
        ),
        (401,),
    ),
    Attack(
        "one-click sign-in to the app as the victim (demo off)",
        lambda c, s: call(c, "POST", f"{SOCIAL}/signin", {"user": VICTIM_HANDLE}),
        (403,),
    ),
    # ---- sessions: guessed, forged, expired, replaced, smuggled ------------------------------
    *_session_route("guessed session victim-123", "header", lambda s: "victim-123"),
    *_session_route("forged well-formed session", "bearer", lambda s: FAKE_SECRET),
    *_session_route("forged session", "cookie", lambda s: FAKE_SECRET),
    *_session_route("expired session", "header", lambda s: s.expired),
    *_session_route("victim's id from before sign-in", "header", lambda s: s.victim_before_sign_in),
    *_session_route("signed-out session", "header", lambda s: s.signed_out),
    Attack(
        "victim's real session id in the URL query (cart)",
        lambda c, s: c.get("/api/cart", params={"session_id": s.victim}),
        (400,),
    ),
    Attack(
        "victim's real session id in the URL query (chat)",
        lambda c, s: c.post(
            "/api/chat", params={"session_id": s.victim}, json={"message": "what's in my cart"}
        ),
        (400,),
    ),
    Attack(
        "guessed session in the body",
        lambda c, s: call(c, "POST", "/api/chat", {"session_id": "victim-123", "message": "yes"}),
        (401,),
    ),
    Attack(
        "a 10 kB session header",
        lambda c, s: c.get("/api/cart", headers={"X-Session-Id": "sa_" + "x" * 10_000}),
        (401,),
    ),
    # ---- someone else's checkout -------------------------------------------------------------
    Attack(
        "confirm the victim's checkout with its leaked nonce, from my own session",
        lambda c, s: call(
            c,
            "POST",
            "/api/checkout/confirm",
            {"checkout_id": s.checkout_id, "nonce": s.nonce},
            **{"X-Session-Id": s.attacker},
        ),
        (409,),
    ),
    Attack(
        "confirm the victim's checkout with a made-up nonce",
        lambda c, s: call(
            c,
            "POST",
            "/api/checkout/confirm",
            {"checkout_id": s.checkout_id, "nonce": "0" * 64},
            **{"X-Session-Id": s.attacker},
        ),
        (409,),
    ),
    Attack(
        "confirm an unknown checkout",
        lambda c, s: call(
            c,
            "POST",
            "/api/checkout/confirm",
            {"checkout_id": "CHK-0000000000", "nonce": "x"},
            **{"X-Session-Id": s.attacker},
        ),
        (404,),
    ),
    Attack(
        "cross-site confirm riding the victim's cookie without the nonce",
        lambda c, s: call(
            c,
            "POST",
            "/api/checkout/confirm",
            {"checkout_id": s.checkout_id, "nonce": "guess"},
            Cookie=f"shopassist_session={s.victim}",
        ),
        (403,),
    ),
    Attack(
        "confirm with no session at all",
        lambda c, s: call(
            c, "POST", "/api/checkout/confirm", {"checkout_id": s.checkout_id, "nonce": s.nonce}
        ),
        (401,),
    ),
    # ---- signed platform events --------------------------------------------------------------
    Attack(
        "unsigned event in the victim's name",
        lambda c, s: post_event(c, APP, victim_event("x")[0], {"content-type": "application/json"}),
        (401,),
    ),
    Attack(
        "event signed with a guessed secret",
        lambda c, s: post_event(c, APP, *victim_event("guessed-secret")),
        (401,),
    ),
    Attack(
        "replay of a captured event",
        lambda c, s: post_event(c, APP, s.captured_body, s.captured_headers),
        (401,),
    ),
    Attack(
        "captured event re-signed now without the secret",
        lambda c, s: post_event(c, APP, *resigned_without_secret(s)),
        (401,),
    ),
    Attack(
        "captured event with its handle and id changed",
        lambda c, s: post_event(c, APP, *tampered(s)),
        (401,),
    ),
    Attack(
        "captured event sent to another app",
        lambda c, s: post_event(c, "video", s.captured_body, s.captured_headers),
        (401,),
    ),
    Attack(
        "stale event (six minutes old, guessed secret)",
        lambda c, s: post_event(c, APP, *victim_event("guessed", at=time.time() - 360)),
        (401,),
    ),
    Attack(
        "event from the future (guessed secret)",
        lambda c, s: post_event(c, APP, *victim_event("guessed", at=time.time() + 360)),
        (401,),
    ),
    Attack(
        "signature without a timestamp",
        lambda c, s: post_event(
            c,
            APP,
            s.captured_body,
            {"x-platform-signature": s.captured_headers["x-platform-signature"]},
        ),
        (401,),
    ),
    # ---- accounts ----------------------------------------------------------------------------
    Attack(
        "sign in to a demo shopper's account with a guessed password",
        lambda c, s: call(
            c, "POST", "/api/account/signin", {"username": VICTIM_HANDLE, "password": "password1"}
        ),
        (401,),
    ),
    Attack(
        "register a demo shopper's name",
        lambda c, s: call(
            c, "POST", "/api/account/register", {"username": VICTIM_HANDLE, "password": "x" * 12}
        ),
        (409,),
    ),
    Attack(
        "ask for a one-time code for a demo shopper (demo off)",
        lambda c, s: call(c, "POST", "/api/account/code", {"username": VICTIM_HANDLE}),
        (403,),
    ),
    Attack(
        "sign in with a guessed one-time code",
        lambda c, s: call(
            c, "POST", "/api/account/signin", {"username": ATTACKER_HANDLE, "code": "123456"}
        ),
        (401,),
    ),
    # ---- framing -----------------------------------------------------------------------------
    Attack("frame the app", lambda c, s: _framing(c, "/"), (403,)),
    Attack("frame a citation page", lambda c, s: _framing(c, "/cite/P0001"), (403,)),
]


def _framing(client: httpx.Client, path: str) -> httpx.Response:
    """A page another site tries to frame: 'refused' (403 here) when its policy forbids any
    ancestor but this site (and ALLOWED_ORIGINS)."""
    response = client.get(path)
    policy = response.headers.get("content-security-policy", "")
    guarded = "frame-ancestors 'self'" in policy and "*" not in policy.split("frame-ancestors")[1]
    status = 403 if guarded else 200
    return httpx.Response(status, json={"error": {"code": "framing", "message": policy[-80:]}})
