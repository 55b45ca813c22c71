"""What the evaluation drives: an Assistant in this process, or a running server over HTTP.

Both speak the public contracts only (chat, confirm button, social actions, products), so
one suite measures an embedded assistant and a deployment alike. In this process, social
actions are events signed with the app's secret, as the simulated app signs them; over HTTP
the target signs in to each app as its user (one click: the server's demo mode) and uses
the sessions the server issues.
"""

from __future__ import annotations

import json
import time
import uuid
from typing import Any, Protocol

import httpx

from assistant.catalogue.presenters import product_detail
from assistant.channels.social.errors import SocialError
from assistant.channels.social.hub import SocialHub
from assistant.conversation.engine import Assistant
from assistant.testing.servers import NoCookies
from assistant.wiring import build_simulated_apps


class TargetError(RuntimeError):
    """The target cannot be reached or refused a request; the message says what to do."""


class Target(Protocol):
    """The public surface a suite may use."""

    name: str

    def begin(self, conversation: str) -> None:
        """A new conversation starts: its social handles start unlinked where the target can."""

    def chat(self, session: str, message: str, channel: str = "web") -> dict[str, Any]:
        """One chat turn; the Reply as JSON."""

    def confirm(self, session: str, checkout_id: str) -> dict[str, Any]:
        """The confirm button for one checkout summary."""

    def social(self, app: str, action: str, user: str, post: str | None, text: str) -> dict:
        """A reply, dm or buy in a simulated app; what the app shows."""

    def product(self, product_id: str) -> dict[str, Any] | None:
        """One product as the HTTP contract shows it, or None."""

    def review_exists(self, review_id: str) -> bool:
        """Whether a cited review id is a real review."""

    def first_token_ms(self, session: str, message: str) -> float:
        """Milliseconds until the first streamed piece of a reply."""


class InProcessTarget:
    """An Assistant (and its social apps) in this process."""

    def __init__(self, bot: Assistant, hub: SocialHub | None = None) -> None:
        self.bot = bot
        self.hub = hub or SocialHub(bot)
        self.apps = build_simulated_apps(self.hub, bot.services.settings)
        self.name = "in-process"
        self.conversations = 0

    def begin(self, conversation: str) -> None:
        # Links, carts and orders belong to a handle, and a file reuses its apps' ten users:
        # each conversation acts as fresh users (ana_b.7) so none inherits another's link.
        self.conversations += 1

    def chat(self, session: str, message: str, channel: str = "web") -> dict[str, Any]:
        return self.bot.chat(session, message, channel=channel).model_dump(mode="json")  # type: ignore[arg-type]

    def confirm(self, session: str, checkout_id: str) -> dict[str, Any]:
        reply = self.bot.confirm(session, checkout_id, f"eval-{uuid.uuid4()}")
        return reply.model_dump(mode="json")

    def social(self, app: str, action: str, user: str, post: str | None, text: str) -> dict:
        user = f"{user}.{self.conversations}"
        try:
            if action == "reply":
                response = self.apps.reply(app, user, post or "-", text)
            elif action == "buy":
                response = self.apps.buy(app, user, post or "-")
            else:
                response = self.apps.dm(app, user, text)
        except SocialError as error:
            return {"error": {"code": error.code, "message": error.message}, "status": error.status}
        return response.model_dump(mode="json")

    def product(self, product_id: str) -> dict[str, Any] | None:
        product = self.bot.services.catalogue.products.get(product_id)
        return product_detail(product).model_dump(mode="json") if product else None

    def review_exists(self, review_id: str) -> bool:
        return review_id in self.bot.services.catalogue.reviews

    def first_token_ms(self, session: str, message: str) -> float:
        started = time.perf_counter()
        for _event in self.bot.stream(session, message, "web"):
            return (time.perf_counter() - started) * 1000
        return (time.perf_counter() - started) * 1000


class HttpTarget:
    """A running ShopAssist server, e.g. `--target http://127.0.0.1:7860`."""

    def __init__(self, base_url: str, timeout_s: float = 120) -> None:
        self.name = base_url.rstrip("/")
        # Sessions travel in headers, one per scenario: the client keeps no cookies.
        self.client = httpx.Client(base_url=self.name, timeout=timeout_s, cookies=NoCookies())
        self.sessions: dict[str, str] = {}  # a scenario's session name -> the id issued
        self.nonces: dict[str, str] = {}  # checkout id -> its confirm token
        self.app_tokens: dict[tuple[str, str], str] = {}
        try:
            self.client.get("/api/social/apps").raise_for_status()
        except httpx.HTTPError as error:
            raise TargetError(
                f"cannot reach a ShopAssist server at {self.name} ({error}); start one with "
                "`make run` or pass the right --target address"
            ) from None

    def _send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            return self.client.request(method, path, **kwargs)
        except httpx.HTTPError as error:
            raise TargetError(f"{method} {self.name}{path} failed: {error}") from None

    def begin(self, conversation: str) -> None:
        # A server knows only its apps' own users, so their links carry over between
        # conversations: a file meant for a server gives each conversation its own handles.
        return None

    def _session_headers(self, session: str) -> dict[str, str]:
        issued = self.sessions.get(session)
        return {"X-Session-Id": issued} if issued else {}

    def _remember(self, session: str, reply: dict[str, Any]) -> dict[str, Any]:
        """Keep the session the server issued and the confirm token of a summary."""
        if reply.get("session_id"):
            self.sessions[session] = reply["session_id"]
        pending = reply.get("pending_checkout") or {}
        if pending.get("nonce"):
            self.nonces[pending["checkout_id"]] = pending["nonce"]
        return reply

    def _app_token(self, app: str, user: str) -> str | None:
        """The app's token for its user (one-click sign-in: the server's demo mode)."""
        if (app, user) not in self.app_tokens:
            response = self._send("POST", f"/api/social/{app}/signin", json={"user": user})
            if response.status_code == 403:
                raise TargetError(
                    f"{self.name} refuses one-click sign-in to its simulated apps; social "
                    "scenarios need the server's demo mode (DEMO_MODE=1, as `make run` sets)"
                )
            if response.status_code != 200:
                return None  # an unknown app or user: the action itself shows the refusal
            self.app_tokens[(app, user)] = response.json()["token"]
        return self.app_tokens[(app, user)]

    def _json(self, response: httpx.Response) -> dict[str, Any]:
        if response.status_code >= 500:
            raise TargetError(f"{response.request.url} answered {response.status_code}")
        return response.json()

    def chat(self, session: str, message: str, channel: str = "web") -> dict[str, Any]:
        body = {"message": message, "channel": channel}
        response = self._send(
            "POST", "/api/chat", json=body, headers=self._session_headers(session)
        )
        return self._remember(session, self._json(response))

    def confirm(self, session: str, checkout_id: str) -> dict[str, Any]:
        body = {"checkout_id": checkout_id, "nonce": self.nonces.get(checkout_id, "none")}
        headers = self._session_headers(session)
        return self._json(self._send("POST", "/api/checkout/confirm", json=body, headers=headers))

    def social(self, app: str, action: str, user: str, post: str | None, text: str) -> dict:
        if action == "reply":
            path, body = f"/api/social/{app}/posts/{post}/replies", {"text": text}
        elif action == "buy":
            path, body = f"/api/social/{app}/posts/{post}/buy", {}
        else:
            path, body = f"/api/social/{app}/dm", {"text": text}
        token = self._app_token(app, user)
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = self._send("POST", path, json=body, headers=headers)
        data = self._json(response)
        if response.status_code >= 400:
            data["status"] = response.status_code
        return data

    def product(self, product_id: str) -> dict[str, Any] | None:
        response = self._send("GET", f"/api/products/{product_id}")
        return response.json() if response.status_code == 200 else None

    def review_exists(self, review_id: str) -> bool:
        return self._send("GET", f"/api/reviews/{review_id}").status_code == 200

    def first_token_ms(self, session: str, message: str) -> float:
        body = {"message": message, "channel": "web"}
        headers = self._session_headers(session)
        started = time.perf_counter()
        first: float | None = None
        try:
            with self.client.stream(
                "POST", "/api/chat/stream", json=body, headers=headers
            ) as response:
                for line in response.iter_lines():
                    if line.startswith("data:"):
                        first = first or (time.perf_counter() - started) * 1000
                        data = json.loads(line[5:])
                        if "session_id" in data:  # the reply: keep the session for next time
                            self._remember(session, data)
        except httpx.HTTPError as error:
            raise TargetError(f"streaming from {self.name} failed: {error}") from None
        return first if first is not None else (time.perf_counter() - started) * 1000
