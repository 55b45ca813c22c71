"""Security headers on every response: nosniff everywhere; on HTML pages a Content-Security-
Policy whose `frame-ancestors` lets only this site (and ALLOWED_ORIGINS) frame them, so the
app's Confirm order button cannot be clickjacked; API answers are never cached."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from assistant.settings import Settings

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]
LOCAL_ANCESTORS = ["'self'", "http://localhost:*", "http://127.0.0.1:*"]
DOCS_PATHS = ("/docs", "/redoc")

# Gradio's page runs inline bootstrap code and evaluates event snippets (`js=`), so the app
# needs 'unsafe-inline' and 'unsafe-eval' for scripts; everything else stays on this origin.
APP_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
    "connect-src 'self'; media-src 'self' data: blob:; worker-src 'self' blob:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)
# The widget's page has no inline script: only its own files.
WIDGET_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'"
)


def app_ancestors(settings: Settings) -> str:
    """Who may frame the app's pages: this site and the allowed origins."""
    return " ".join(["'self'", *settings.allowed_origins])


def widget_ancestors(settings: Settings) -> str:
    """Who may frame the chat widget: the allowed origins, or this machine when none are set."""
    if settings.allowed_origins:
        return " ".join(["'self'", *settings.allowed_origins])
    return " ".join(LOCAL_ANCESTORS)


def policy_for(path: str, settings: Settings) -> str:
    """The Content-Security-Policy of an HTML page at `path`."""
    if path == "/widget":
        return f"{WIDGET_POLICY}; frame-ancestors {widget_ancestors(settings)}"
    if path.startswith(DOCS_PATHS):  # FastAPI's docs pages load their scripts from a CDN
        return f"frame-ancestors {app_ancestors(settings)}"
    return f"{APP_POLICY}; frame-ancestors {app_ancestors(settings)}"


class SecurityHeaders:
    """ASGI middleware adding the headers above to every HTTP response."""

    def __init__(self, app: Callable[..., Awaitable[None]], settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")

        async def with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                present = {name.lower() for name, _ in headers}
                content_type = dict(headers).get(b"content-type", b"")
                extra = [(b"x-content-type-options", b"nosniff")]
                extra.append((b"referrer-policy", b"strict-origin-when-cross-origin"))
                if content_type.startswith(b"text/html"):
                    extra.append(
                        (b"content-security-policy", policy_for(path, self.settings).encode())
                    )
                    if path != "/widget":
                        extra.append((b"x-frame-options", b"SAMEORIGIN"))
                if path.startswith("/api/") and b"cache-control" not in present:
                    extra.append((b"cache-control", b"no-store"))
                headers = [(n, v) for n, v in headers if n.lower() not in {e for e, _ in extra}]
                message["headers"] = headers + extra
            await send(message)

        await self.app(scope, receive, with_headers)
