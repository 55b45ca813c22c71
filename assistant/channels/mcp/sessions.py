"""Which shop session an MCP session acts for: issued by the server, never named by an agent.

Over stdio the process serves one client (the assistant that started it), so the process
has one shop session. Over streamable HTTP each MCP session (a server-issued
`Mcp-Session-Id`) gets its own shop session the first time a tool needs one, and keeps it
for as long as the MCP session lives; a 2026-07-28 request, which belongs to no session,
may search and read but not touch a cart. No tool takes a session, shopper or account
argument, so nothing an agent sends can point it at another shopper's cart or orders.

`SessionIssuer` is the one seam to the identity service: today `GuestSessions` issues a
fresh guest shopper per MCP session; a signed-in MCP session (OAuth) would be issued the
shopper's own session by the identity service instead, in this one place.
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass
from typing import Any, Protocol

from mcp.server.mcpserver import Context
from mcp_types.version import MODERN_PROTOCOL_VERSIONS

STATE_KEY = "shopassist.shop_session"


@dataclass(frozen=True)
class ShopSession:
    """The shop session an MCP session acts for."""

    session_id: str = ""
    shopper_id: str = ""


class SessionIssuer(Protocol):
    """Issues a new shop session for a new MCP session."""

    def issue(self) -> ShopSession:
        """A new, unguessable shop session."""
        ...


class GuestSessions:
    """A fresh guest shopper per MCP session (until the identity service issues them)."""

    def issue(self) -> ShopSession:
        """A guest session: 192-bit id, and a shopper id that is not the session id."""
        return ShopSession(
            session_id=f"mcp-{secrets.token_urlsafe(24)}",
            shopper_id=f"mcp-guest-{secrets.token_hex(16)}",
        )


class SessionRequired(Exception):
    """The request came without an MCP session, so there is no cart to act on."""


def _connection_state(ctx: Context[Any]) -> dict[str, Any]:
    """The MCP connection's own scratch state (kept for as long as the connection lives)."""
    # `Connection.state` is the SDK's per-connection store; the MCPServer Context reaches the
    # connection only through the request's session proxy.
    return ctx.request_context.session._connection.state


class McpSessions:
    """Maps each MCP session onto the shop session the server issued for it."""

    def __init__(self, issuer: SessionIssuer | None = None, one_client: bool = False) -> None:
        self.issuer = issuer or GuestSessions()
        self.one_client = one_client  # stdio: the whole process serves one client
        self._process_state: dict[str, Any] = {}
        self._lock = threading.Lock()

    def for_context(self, ctx: Context[Any]) -> ShopSession:
        """The shop session of the MCP session this request belongs to (issued on first use)."""
        if self.one_client:
            state = self._process_state
        elif ctx.session.protocol_version in MODERN_PROTOCOL_VERSIONS:
            # 2026-07-28 requests over HTTP carry no session: each would get a new, empty cart.
            raise SessionRequired(
                "over HTTP, carts and orders live in an MCP session: connect with the "
                "initialize handshake (protocol 2025-11-25 or earlier) to use them"
            )
        else:
            state = _connection_state(ctx)
        with self._lock:  # two first calls on one session must not issue two sessions
            session = state.get(STATE_KEY)
            if session is None:
                session = state[STATE_KEY] = self.issuer.issue()
        return session
