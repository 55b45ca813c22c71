"""Shopper accounts: a username with a password (argon2 through `pwdlib`), or a one-time code.

A one-time code is the demo's way in (it is shown on screen there; a deployment would send
it by mail). Demo shoppers are seeded without a password, so that nobody can register their
names and read their carts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets

from pwdlib import PasswordHash
from pydantic import BaseModel

from assistant.clock import Clock, utcnow
from assistant.identity.errors import IdentityError
from assistant.identity.repository import IdentityRepository

USERNAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{2,31}$")
MIN_PASSWORD, MAX_PASSWORD = 8, 256
CODE_LIFETIME = dt.timedelta(minutes=10)
CODE_ATTEMPTS = 5
BAD_CREDENTIALS = "wrong username, password or code; check them, or register"


class Account(BaseModel):
    """A shopper account: its name and the shopper id its cart and orders are kept under."""

    id: str
    username: str
    shopper_id: str


def _code_hash(username: str, code: str) -> str:
    return hashlib.sha256(f"{username}:{code}".encode()).hexdigest()


class AccountService:
    """Registers accounts and checks passwords and one-time codes."""

    def __init__(self, repository: IdentityRepository, clock: Clock = utcnow) -> None:
        self.repository = repository
        self.clock = clock
        self.hasher = PasswordHash.recommended()
        self._dummy_hash = self.hasher.hash(secrets.token_hex(16))

    def register(self, username: str, password: str) -> Account:
        """A new account with a password; the name must be free."""
        username = _valid_username(username)
        if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
            raise IdentityError(
                422,
                "weak_password",
                f"a password needs {MIN_PASSWORD} to {MAX_PASSWORD} characters",
            )
        account_id = f"acct-{secrets.token_hex(8)}"
        created = self.repository.insert_account_if_absent(
            {
                "id": account_id,
                "username": username,
                "password_hash": self.hasher.hash(password),
                "shopper_id": f"account:{account_id}",
                "created_at": self.clock(),
            }
        )
        if not created:
            raise IdentityError(409, "username_taken", "that username is taken; choose another")
        return self.get(account_id)

    def seed(self, username: str, shopper_id: str) -> None:
        """An account without a password (a demo shopper), kept if it exists."""
        self.repository.insert_account_if_absent(
            {
                "id": f"acct-{hashlib.sha256(username.encode()).hexdigest()[:16]}",
                "username": username,
                "password_hash": None,
                "shopper_id": shopper_id,
                "created_at": self.clock(),
            }
        )

    def get(self, account_id: str) -> Account:
        """An account by id."""
        row = self.repository.account(account_id)
        if row is None:
            raise IdentityError(404, "unknown_account", "that account no longer exists")
        return Account(id=row["id"], username=row["username"], shopper_id=row["shopper_id"])

    def with_password(self, username: str, password: str) -> Account:
        """The account whose password this is, or 401 (the same answer for an unknown name)."""
        row = self.repository.account_by_name(username.strip().lower())
        stored = row["password_hash"] if row else None
        # Verify against a dummy hash when there is none: unknown names take as long.
        matches = self.hasher.verify(password[:MAX_PASSWORD], stored or self._dummy_hash)
        if row is None or stored is None or not matches:
            raise IdentityError(401, "bad_credentials", BAD_CREDENTIALS)
        return self.get(row["id"])

    def issue_code(self, username: str) -> str | None:
        """A six-digit one-time code for an existing account (None for an unknown name, so
        the caller answers both alike)."""
        username = username.strip().lower()
        if self.repository.account_by_name(username) is None:
            return None
        code = f"{secrets.randbelow(10**6):06d}"
        self.repository.put_code(username, _code_hash(username, code), self.clock() + CODE_LIFETIME)
        return code

    def with_code(self, username: str, code: str) -> Account:
        """The account this live code was issued to (once), or 401."""
        username = username.strip().lower()
        row = self.repository.take_code(username, CODE_ATTEMPTS)
        valid = (
            row is not None
            and row["expires_at"] > self.clock()
            and hmac.compare_digest(row["code_hash"], _code_hash(username, code.strip()))
        )
        account = self.repository.account_by_name(username) if valid else None
        if account is None:
            raise IdentityError(401, "bad_credentials", BAD_CREDENTIALS)
        self.repository.delete_code(username)
        return self.get(account["id"])


def _valid_username(username: str) -> str:
    username = username.strip().lower()
    if not USERNAME.match(username):
        raise IdentityError(
            422,
            "invalid_username",
            "a username has 3 to 32 characters: letters, digits, '_', '.' or '-'",
        )
    return username
