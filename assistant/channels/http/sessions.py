"""Which session a request belongs to, by the sessions contract (DESIGN.md).

The session comes from the body's `session_id`, an `Authorization: Bearer` header, the
`X-Session-Id` header or the `shopassist_session` cookie, in that order; never from the URL
(a `session_id` query parameter is refused). An id the server did not issue gets 401
`unknown_session`; a request with none starts a new session where the route allows it.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request, Response

from assistant.identity.errors import IdentityError
from assistant.identity.service import Identity
from assistant.identity.sessions import IssuedSession, WebSession
from assistant.settings import Settings

SESSION_COOKIE = "shopassist_session"
SESSION_HEADER = "x-session-id"
MAX_SESSION_CHARS = 128
NO_SESSION = (
    "this request carries no session; send the session_id a chat reply gave you in the "
    "X-Session-Id header (or the cookie), or POST /api/chat to start one"
)


@dataclass(frozen=True)
class Caller:
    """The session a request acts for, the secret it came with, and whether it is new."""

    session: WebSession
    secret: str
    new: bool = False

    @classmethod
    def issued(cls, issued: IssuedSession) -> Caller:
        """A caller for a session issued during this request."""
        return cls(issued.session, issued.secret, new=True)


def client_address(request: Request) -> str:
    """The client's address, for per-address limits."""
    return request.client.host if request.client else "unknown"


def presented_secret(request: Request, given: str | None = None) -> str | None:
    """The session id the request presents: body, then Bearer, then header, then cookie."""
    if "session_id" in request.query_params:
        raise IdentityError(
            400,
            "session_in_url",
            "a session id in the URL is never read (URLs end up in logs and history); send "
            "it in the X-Session-Id header or the cookie",
        )
    authorization = request.headers.get("authorization", "")
    bearer = authorization[7:].strip() if authorization[:7].lower() == "bearer " else None
    return (
        given
        or bearer
        or request.headers.get(SESSION_HEADER)
        or request.cookies.get(SESSION_COOKIE)
        or None
    )


def caller_of(
    request: Request,
    identity: Identity,
    given: str | None = None,
    start: bool = True,
    channel: str = "web",
) -> Caller | None:
    """The caller's live session (401 for one never issued or expired); with none presented,
    a new session when `start`, else None. Each call counts against the caller's limits."""
    secret = presented_secret(request, given)
    if secret:
        session = identity.sessions.resolve(secret[: MAX_SESSION_CHARS + 1])
        identity.limits.hit("principal", session.account_id or session.key)
        return Caller(session, secret)
    if not start:
        return None
    identity.limits.hit("new_session", client_address(request))
    return Caller.issued(identity.sessions.issue(channel))


def require_caller(request: Request, identity: Identity, given: str | None = None) -> Caller:
    """The caller's live session; 401 when the request carries none."""
    caller = caller_of(request, identity, given, start=False)
    if caller is None:
        raise IdentityError(401, "no_session", NO_SESSION)
    return caller


def remember_session(response: Response, secret: str, settings: Settings) -> None:
    """Hand the session back as an HttpOnly, SameSite cookie (Secure by setting)."""
    response.set_cookie(
        SESSION_COOKIE,
        secret,
        httponly=True,
        samesite="lax",
        secure=settings.session_cookie_secure,
        path="/",
    )


def forget_cookie(response: Response, settings: Settings) -> None:
    """Tell the browser to drop a session cookie the server no longer keeps."""
    response.delete_cookie(
        SESSION_COOKIE,
        path="/",
        httponly=True,
        samesite="lax",
        secure=settings.session_cookie_secure,
    )
