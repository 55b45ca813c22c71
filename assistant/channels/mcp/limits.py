"""The abuse limit in front of `/mcp`: every request counts against its client address.

The SDK's transport answers HTTP-level refusals in JSON-RPC's error shape, so a request past
the limit does too (HTTP 429 with Retry-After), before the transport reads it. The
per-session limit is counted per tool call, on the shop session (`sessions.py`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse

from assistant.identity.errors import IdentityError
from assistant.identity.service import Identity

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]
SERVER_ERROR = -32000  # JSON-RPC's range for implementation-defined server errors


class AddressLimit:
    """ASGI wrapper of the MCP endpoint: 429 past the address's limit."""

    def __init__(self, app: Callable[..., Awaitable[None]], identity: Identity) -> None:
        self.app = app
        self.identity = identity

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        client = scope.get("client")
        address = client[0] if client else "unknown"
        try:
            # In the threadpool: with RATE_LIMIT_STORAGE=database the count is a query.
            await run_in_threadpool(self.identity.limits.hit, "address", address)
        except IdentityError as error:
            body = {
                "jsonrpc": "2.0",
                "id": None,
                "error": {"code": SERVER_ERROR, "message": f"{error.code}: {error.message}"},
            }
            await JSONResponse(body, error.status, headers=error.headers)(scope, receive, send)
            return
        await self.app(scope, receive, send)
