"""A browser that opens the app (`GET /`) without a live session gets a guest session in an
HttpOnly cookie, so that every Gradio event it sends after is the server-issued session's."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from assistant.channels.http.sessions import SESSION_COOKIE, client_address, remember_session
from assistant.identity.errors import IdentityError
from assistant.identity.service import Identity
from assistant.settings import Settings

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


def _fresh_cookie(identity: Identity, request: Request, settings: Settings) -> bytes | None:
    """The Set-Cookie header of a new guest session, unless the cookie is live (or the
    address started too many sessions)."""
    secret = request.cookies.get(SESSION_COOKIE)
    try:
        if secret:
            identity.sessions.resolve(secret)
            return None
    except IdentityError:
        pass
    try:
        identity.limits.hit("new_session", client_address(request))
    except IdentityError:
        return None
    carrier = Response()
    remember_session(carrier, identity.sessions.issue("web").secret, settings)
    return carrier.headers["set-cookie"].encode()


class BrowserSession:
    """ASGI middleware: a guest session for a page load of the app without one."""

    def __init__(self, app: Callable[..., Awaitable[None]], settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"] != "/":
            await self.app(scope, receive, send)
            return
        identity: Identity = scope["app"].state.services.identity
        cookie = await run_in_threadpool(_fresh_cookie, identity, Request(scope), self.settings)

        async def with_cookie(message: dict[str, Any]) -> None:
            if cookie and message["type"] == "http.response.start":
                message["headers"] = [*(message.get("headers") or []), (b"set-cookie", cookie)]
            await send(message)

        await self.app(scope, receive, with_cookie)
