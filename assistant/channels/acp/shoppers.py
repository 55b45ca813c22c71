"""The shopper behind each ACP checkout session: a guest session issued by the identity service.

An ACP checkout session is addressed by its id under the agent's signed key, so nobody ever
presents the guest session's secret: the shop keeps only the session's key, checks that it
is still live whenever the checkout session is used (idle expiry and sweeping by the one
SESSION_IDLE_MINUTES, as for every other session), and ends it once the checkout session
is completed or canceled, when nothing more can happen to its cart.
"""

from __future__ import annotations

from assistant.identity.errors import IdentityError
from assistant.identity.service import Identity
from assistant.identity.sessions import WebSession

CHANNEL = "acp"


class AcpShoppers:
    """Issues, checks and ends the guest sessions of ACP checkout sessions."""

    def __init__(self, identity: Identity) -> None:
        self.identity = identity

    def issue(self) -> WebSession:
        """A new guest session; its secret is dropped here, as no client will present it."""
        return self.identity.sessions.issue(CHANNEL).session

    def live(self, key: str | None) -> bool:
        """Whether the session is still live (used now: its idle time starts again). A
        checkout session from before sessions were issued has no key and never idles out."""
        if key is None:
            return True
        try:
            self.identity.sessions.resolve_key(key)
        except IdentityError:
            return False
        return True

    def end(self, key: str | None) -> None:
        """End the session of a finished checkout session (a no-op once it is gone)."""
        if key is None:
            return
        try:
            session = self.identity.sessions.resolve_key(key)
        except IdentityError:
            return
        self.identity.sessions.revoke(session)

    def idle_note(self) -> str:
        """Why an idle checkout session was canceled."""
        minutes = int(self.identity.sessions.idle.total_seconds() // 60)
        return f"Checkout session canceled after {minutes} minutes without activity."
