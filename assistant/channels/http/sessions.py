"""Which session a request belongs to: the body's id, the X-Session-Id header or the cookie.

Today's behaviour, kept as it is until identity and sessions are reworked: any id of up to
128 characters is accepted, and a request without one starts a new `web-…` session.
"""

from __future__ import annotations

import uuid

from fastapi import Request, Response

SESSION_COOKIE = "shopassist_session"
SESSION_HEADER = "x-session-id"
MAX_SESSION_CHARS = 128


def session_of(request: Request, given: str | None = None) -> str:
    """The session: from the body, the X-Session-Id header or the cookie; else a new one."""
    session = given or request.headers.get(SESSION_HEADER) or request.cookies.get(SESSION_COOKIE)
    if session and 0 < len(session) <= MAX_SESSION_CHARS:
        return session
    return f"web-{uuid.uuid4().hex}"


def remember_session(response: Response, session: str) -> None:
    """Hand the session back as a cookie, so a browser client keeps it."""
    response.set_cookie(SESSION_COOKIE, session, httponly=True, samesite="lax")
