"""Signing in and out: a password, or (in the demo) a one-time code shown on screen.

Signing in merges the guest's cart into the account's and replaces the session with a new
one: the old id stops working, so an id seen before sign-in is worthless after it.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, Field, model_validator

from assistant.channels.http.dependencies import IdentityDep, SettingsDep, limit_address
from assistant.channels.http.errors import ErrorBody
from assistant.channels.http.replies import AccountView, SessionReply
from assistant.channels.http.sessions import (
    caller_of,
    client_address,
    remember_session,
    require_caller,
)
from assistant.identity.accounts import Account
from assistant.identity.service import Identity, SignedIn
from assistant.identity.sessions import WebSession
from assistant.settings import Settings

router = APIRouter(prefix="/api/account", tags=["account"], dependencies=[Depends(limit_address)])
REFUSALS = {
    status: {"model": ErrorBody, "description": description}
    for status, description in {
        401: "Wrong credentials, or a session the server never issued.",
        403: "A demo-only feature while the demo is off.",
        409: "The username is taken.",
        429: "Too many attempts.",
    }.items()
}


class Credentials(BaseModel):
    """A username with its password or a one-time code."""

    username: str = Field(min_length=1, max_length=64)
    password: str | None = Field(None, min_length=1, max_length=256)
    code: str | None = Field(None, min_length=1, max_length=16)

    @model_validator(mode="after")
    def _one_secret(self) -> Credentials:
        if (self.password is None) == (self.code is None):
            raise ValueError("send a password or a one-time code (one of them)")
        return self


class Registration(BaseModel):
    """A new account."""

    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)


class CodeRequest(BaseModel):
    """Ask for a one-time code (shown on screen in the demo)."""

    username: str = Field(min_length=1, max_length=64)


class CodeReply(BaseModel):
    """A one-time code: valid 10 minutes, once."""

    username: str
    code: str
    expires_in_s: int = 600


def view(identity: Identity, session: WebSession | None) -> AccountView:
    """Who a session shops as."""
    account = None if session is None else identity.account_of(session)
    return AccountView(
        signed_in=account is not None,
        username=account.username if account else None,
        demo=identity.demo,
    )


def _signed_in(done: SignedIn, response: Response, settings: Settings) -> SessionReply:
    remember_session(response, done.issued.secret, settings)
    account = AccountView(signed_in=True, username=done.account.username, demo=settings.demo_mode)
    return SessionReply(session_id=done.issued.secret, account=account)


def _attempt(
    request: Request, identity: Identity, username: str, by_address: bool = True
) -> WebSession | None:
    """Count a sign-in attempt against the address and the name; the caller's session."""
    if by_address:
        identity.limits.hit("sign_in", f"address:{client_address(request)}")
    identity.limits.hit("sign_in", f"name:{username.strip().lower()}")
    caller = caller_of(request, identity, start=False)
    return None if caller is None else caller.session


@router.get("", response_model=AccountView, responses=REFUSALS)
def who(request: Request, identity: IdentityDep) -> AccountView:
    """Who this session shops as (a guest, or an account)."""
    caller = caller_of(request, identity, start=False)
    return view(identity, None if caller is None else caller.session)


@router.post("/register", response_model=SessionReply, responses=REFUSALS)
def register(
    body: Registration,
    request: Request,
    response: Response,
    identity: IdentityDep,
    settings: SettingsDep,
) -> SessionReply:
    """Create an account with a password and sign in to it (the guest's cart comes along)."""
    current = _attempt(request, identity, body.username)
    account: Account = identity.accounts.register(body.username, body.password)
    return _signed_in(identity.sign_in(current, account), response, settings)


@router.post("/signin", response_model=SessionReply, responses=REFUSALS)
def sign_in(
    body: Credentials,
    request: Request,
    response: Response,
    identity: IdentityDep,
    settings: SettingsDep,
) -> SessionReply:
    """Sign in with a password or a one-time code; the guest's cart merges into the
    account's, and a new session id replaces the old one."""
    current = _attempt(request, identity, body.username)
    if body.password is not None:
        account = identity.accounts.with_password(body.username, body.password)
    else:
        account = identity.accounts.with_code(body.username, body.code or "")
    return _signed_in(identity.sign_in(current, account), response, settings)


@router.post("/code", response_model=CodeReply, responses=REFUSALS)
def one_time_code(body: CodeRequest, request: Request, identity: IdentityDep) -> CodeReply:
    """A one-time code, shown on screen: a demo feature (DEMO_MODE=1) only."""
    _attempt(request, identity, body.username, by_address=False)  # redeeming it counts
    code = identity.demo_code(body.username)
    return CodeReply(username=body.username.strip().lower(), code=code)


@router.post("/signout", response_model=SessionReply, responses=REFUSALS)
def sign_out(
    request: Request, response: Response, identity: IdentityDep, settings: SettingsDep
) -> SessionReply:
    """End this session; a new guest session replaces it."""
    caller = require_caller(request, identity)
    issued = identity.sign_out(caller.session)
    remember_session(response, issued.secret, settings)
    return SessionReply(session_id=issued.secret, account=view(identity, None))
