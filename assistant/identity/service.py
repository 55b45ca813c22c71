"""Identity in one object: sessions, accounts, abuse limits, and signing in and out.

Channels call this (HTTP routes, the Gradio app, the widget's routes, MCP, ACP): signing in
merges the guest's cart into the account's and replaces the session with a new one bound to
the account, so a session id seen before sign-in is worthless after it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from assistant.clock import Clock, utcnow
from assistant.commerce import CartView, CommerceService
from assistant.identity.abuse import AbuseLimits
from assistant.identity.accounts import Account, AccountService
from assistant.identity.errors import IdentityError
from assistant.identity.repository import IdentityRepository
from assistant.identity.sessions import IssuedSession, SessionService, WebSession
from assistant.settings import Settings
from assistant.storage.engine import Store


@dataclass(frozen=True)
class SignedIn:
    """The outcome of a sign-in: the new session (secret included) and the merged cart."""

    issued: IssuedSession
    account: Account
    cart: CartView


class Identity:
    """Sessions, accounts and limits over one store."""

    def __init__(
        self,
        store: Store,
        commerce: CommerceService,
        settings: Settings,
        clock: Clock = utcnow,
        on_forget: Callable[[list[str]], None] | None = None,
    ) -> None:
        repository = IdentityRepository(store)
        idle = dt.timedelta(minutes=settings.session_idle_minutes)
        self.sessions = SessionService(repository, idle, clock, on_forget)
        self.accounts = AccountService(repository, clock)
        self.limits = AbuseLimits(settings, store)
        self.commerce = commerce
        self.demo = settings.demo_mode

    def account_of(self, session: WebSession) -> Account | None:
        """The account a session is signed in to (None for a guest)."""
        return None if session.account_id is None else self.accounts.get(session.account_id)

    def sign_in(
        self, current: WebSession | None, account: Account, channel: str = "web"
    ) -> SignedIn:
        """Bind a new session to the account; a guest's cart merges in, the old session ends."""
        if current is not None and current.is_guest:
            self.commerce.merge_carts(current.shopper_id, account.shopper_id)
        if current is not None:
            self.sessions.revoke(current)
        issued = self.sessions.issue(channel, account.id, account.shopper_id)
        return SignedIn(issued, account, self.commerce.get_cart(account.shopper_id))

    def sign_out(self, current: WebSession, channel: str = "web") -> IssuedSession:
        """End the session; a fresh guest session replaces it."""
        self.sessions.revoke(current)
        return self.sessions.issue(channel)

    def demo_code(self, username: str) -> str:
        """A one-time code to show on screen: only in the demo; the same refusal for an
        unknown name as for a known one."""
        if not self.demo:
            raise IdentityError(
                403,
                "demo_only",
                "one-time codes are shown on screen only in the demo (DEMO_MODE=1); sign in "
                "with your password",
            )
        code = self.accounts.issue_code(username)
        if code is None:
            raise IdentityError(404, "unknown_account", "no account has that name; register")
        return code

    def demo_sign_in(self, current: WebSession | None, username: str) -> SignedIn:
        """The demo's "Shopping as" switch: a one-time code issued and redeemed, the same path
        as a shopper typing it in."""
        account = self.accounts.with_code(username, self.demo_code(username))
        return self.sign_in(current, account)
