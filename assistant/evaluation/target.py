"""What the evaluation drives: an Assistant in this process, or a running server over HTTP.

Both speak the public contracts only (chat, confirm button, social actions, products), so
one suite measures an embedded assistant and a deployment alike.
"""

from __future__ import annotations

import time
import uuid
from typing import Any, Protocol

import httpx

from assistant.catalogue.presenters import product_detail
from assistant.channels.social.errors import SocialError
from assistant.channels.social.hub import SocialHub
from assistant.conversation.engine import Assistant


class TargetError(RuntimeError):
    """The target cannot be reached or refused a request; the message says what to do."""


class Target(Protocol):
    """The public surface a suite may use."""

    name: str

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
        self.name = "in-process"

    def chat(self, session: str, message: str, channel: str = "web") -> dict[str, Any]:
        return self.bot.chat(session, message, channel=channel).model_dump(mode="json")  # type: ignore[arg-type]

    def confirm(self, session: str, checkout_id: str) -> dict[str, Any]:
        reply = self.bot.confirm(session, checkout_id, f"eval-{uuid.uuid4()}")
        return reply.model_dump(mode="json")

    def social(self, app: str, action: str, user: str, post: str | None, text: str) -> dict:
        try:
            if action == "reply":
                response = self.hub.reply(app, post or "", user, text)
            elif action == "buy":
                response = self.hub.buy(app, post or "", user)
            else:
                response = self.hub.dm(app, user, text)
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
        self.client = httpx.Client(base_url=self.name, timeout=timeout_s)
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

    def _json(self, response: httpx.Response) -> dict[str, Any]:
        if response.status_code >= 500:
            raise TargetError(f"{response.request.url} answered {response.status_code}")
        return response.json()

    def chat(self, session: str, message: str, channel: str = "web") -> dict[str, Any]:
        body = {"session_id": session, "message": message, "channel": channel}
        return self._json(self._send("POST", "/api/chat", json=body))

    def confirm(self, session: str, checkout_id: str) -> dict[str, Any]:
        body = {"session_id": session, "checkout_id": checkout_id, "nonce": f"eval-{uuid.uuid4()}"}
        return self._json(self._send("POST", "/api/checkout/confirm", json=body))

    def social(self, app: str, action: str, user: str, post: str | None, text: str) -> dict:
        if action == "reply":
            path, body = f"/api/social/{app}/posts/{post}/replies", {"user": user, "text": text}
        elif action == "buy":
            path, body = f"/api/social/{app}/posts/{post}/buy", {"user": user}
        else:
            path, body = f"/api/social/{app}/dm", {"user": user, "text": text}
        response = self._send("POST", path, json=body)
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
        body = {"session_id": session, "message": message, "channel": "web"}
        started = time.perf_counter()
        try:
            with self.client.stream("POST", "/api/chat/stream", json=body) as response:
                for line in response.iter_lines():
                    if line.startswith("data:"):
                        return (time.perf_counter() - started) * 1000
        except httpx.HTTPError as error:
            raise TargetError(f"streaming from {self.name} failed: {error}") from None
        return (time.perf_counter() - started) * 1000
