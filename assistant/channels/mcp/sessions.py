"""Which shop session an MCP session acts for: issued by the identity service, never named
by an agent.

Over stdio the process serves one client (the assistant that started it), so the process
has one shop session. Over streamable HTTP each MCP session (a server-issued
`Mcp-Session-Id`) gets its own shop session from `Identity.sessions.issue(channel="mcp")` the
first time a tool needs one; the MCP connection keeps the session's secret on the server,
as a browser keeps its cookie, and presents it to `resolve` on every later call, so the
identity rules apply unchanged: idle expiry, sweeping, and the per-session limit. A
2026-07-28 request, which belongs to no session, may search and read but not touch a cart.
No tool takes a session, shopper or account argument, and nothing the client sends
(headers, cookies, arguments) is read as a session, so an agent cannot point a tool at
another shopper's cart or orders.
"""

from __future__ import annotations

import threading
from typing import Any

from mcp.server.mcpserver import Context
from mcp_types.version import MODERN_PROTOCOL_VERSIONS

from assistant.identity.abuse import LimitKind
from assistant.identity.errors import IdentityError
from assistant.identity.service import Identity
from assistant.identity.sessions import WebSession

STATE_KEY = "shopassist.shop_session"
CHANNEL = "mcp"


class SessionRequired(Exception):
    """The request came without an MCP session, so there is no cart to act on."""


class SessionRefused(Exception):
    """The identity service refused this call: the shop session expired, or a limit was hit.
    `code` and the message say what to do instead."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def _connection_state(ctx: Context[Any]) -> dict[str, Any]:
    """The MCP connection's own scratch state (kept for as long as the connection lives)."""
    # `Connection.state` is the SDK's per-connection store; the MCPServer Context reaches the
    # connection only through the request's session proxy.
    return ctx.request_context.session._connection.state


def client_address(ctx: Context[Any]) -> str | None:
    """The HTTP client's address, or None over stdio (one local client)."""
    request = ctx.request_context.request
    client = getattr(request, "client", None)
    return getattr(client, "host", None) if request is not None else None


class McpSessions:
    """Maps each MCP session onto the shop session the identity service issued for it."""

    def __init__(self, identity: Identity, one_client: bool = False) -> None:
        self.identity = identity
        self.one_client = one_client  # stdio: the whole process serves one client
        self._process_state: dict[str, Any] = {}
        self._lock = threading.Lock()

    def for_context(self, ctx: Context[Any]) -> WebSession:
        """The live shop session of the MCP session this request belongs to (issued on first
        use); each call counts against the session's limit."""
        state = self._state(ctx)
        with self._lock:  # two first calls on one session must not issue two sessions
            secret = state.get(STATE_KEY)
            if secret is None:
                secret = state[STATE_KEY] = self._issue(ctx)
        try:
            session = self.identity.sessions.resolve(secret)
        except IdentityError:
            with self._lock:  # the next call starts a new shop session, with an empty cart
                if state.get(STATE_KEY) == secret:
                    del state[STATE_KEY]
            minutes = int(self.identity.sessions.idle.total_seconds() // 60)
            raise SessionRefused(
                "session_expired",
                f"this MCP session's shop session expired after {minutes} minutes without use "
                "(its cart went with it); the next call starts a new shop session with an "
                "empty cart",
            ) from None
        self._hit("principal", session.account_id or session.key)
        return session

    def _state(self, ctx: Context[Any]) -> dict[str, Any]:
        if self.one_client:
            return self._process_state
        if ctx.session.protocol_version in MODERN_PROTOCOL_VERSIONS:
            # 2026-07-28 requests over HTTP carry no session: each would get a new, empty cart.
            raise SessionRequired(
                "over HTTP, carts and orders live in an MCP session: connect with the "
                "initialize handshake (protocol 2025-11-25 or earlier) to use them"
            )
        return _connection_state(ctx)

    def _issue(self, ctx: Context[Any]) -> str:
        """A new guest shop session for this MCP session (counted against the address's new
        sessions over HTTP); only its secret is kept, on the server."""
        address = client_address(ctx)
        if address is not None:
            self._hit("new_session", address)
        return self.identity.sessions.issue(CHANNEL).secret

    def _hit(self, kind: LimitKind, identifier: str) -> None:
        try:
            self.identity.limits.hit(kind, identifier)
        except IdentityError as error:
            raise SessionRefused(error.code, error.message) from None
