"""A turn's Reply as the HTTP API answers it: with the session id and the confirm token."""

from __future__ import annotations

from pydantic import BaseModel, Field

from assistant.channels.http.sessions import Caller
from assistant.conversation.reply import Reply
from assistant.conversation.state import PendingCheckout


class ConfirmablePendingCheckout(PendingCheckout):
    """A summary awaiting the shopper's yes, with the confirm button's token."""

    nonce: str = Field(
        description="The confirm button's token (POST /api/checkout/confirm): valid only "
        "with the session that opened the checkout."
    )


class ChatReply(Reply):
    """One turn over HTTP: the Reply fields plus the session to send back."""

    session_id: str = Field(
        description="This session's id: send it back in the X-Session-Id header (or the "
        "cookie, or the body's session_id)."
    )
    pending_checkout: ConfirmablePendingCheckout | None = None  # type: ignore[assignment]


def http_reply(reply: Reply, caller: Caller) -> ChatReply:
    """The Reply with the caller's session id and, for a pending summary, its confirm token."""
    data = reply.model_dump()
    pending = reply.pending_checkout
    if pending is not None:
        nonce = caller.session.confirm_nonce(pending.checkout_id)
        data["pending_checkout"] = {**pending.model_dump(), "nonce": nonce}
    return ChatReply(**data, session_id=caller.secret)


class AccountView(BaseModel):
    """Who a session shops as."""

    signed_in: bool
    username: str | None = None
    demo: bool = Field(False, description="Demo conveniences are on (DEMO_MODE).")


class SessionReply(BaseModel):
    """A session issued by a sign-in, a registration or a sign-out."""

    session_id: str
    account: AccountView
