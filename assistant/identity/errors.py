"""A refused identity request, answered over HTTP as `{"error": {"code", "message"}}`."""

from __future__ import annotations


class IdentityError(Exception):
    """A refused sign-in or session: an HTTP status, a code and what to do instead."""

    def __init__(
        self, status: int, code: str, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.headers = headers or {}


START_A_SESSION = (
    "start a new one: POST /api/chat without a session id (the reply's session_id and "
    "cookie are the new session)"
)


def unknown_session(expired: bool = False) -> IdentityError:
    """The 401 for a session the server did not issue, or no longer keeps."""
    why = "this session has expired" if expired else "this server never issued that session"
    return IdentityError(401, "unknown_session", f"{why}; {START_A_SESSION}")
