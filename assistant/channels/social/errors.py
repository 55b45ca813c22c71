"""A refused social action, answered over HTTP as `{"error": {"code", "message"}}`."""

from __future__ import annotations


class SocialError(Exception):
    """A refused social action: an HTTP status, a code and what to do instead."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
