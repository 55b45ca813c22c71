"""Every SQL statement of identity: sessions, accounts and one-time codes.

The services ask in words of the domain ("the session with this key"); only this module
knows the tables (`assistant/identity/tables.py`) and how they are written.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, insert, select, update

from assistant.identity.tables import shopper_accounts, sign_in_codes, web_sessions
from assistant.storage.engine import Store

Row = dict[str, Any]


class IdentityRepository:
    """The identity tables of one store, each method one short transaction."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # ---- sessions -----------------------------------------------------------------------------
    def insert_session(self, values: Row) -> None:
        """Record a newly issued session."""
        with self.store.transaction() as connection:
            connection.execute(insert(web_sessions).values(**values))

    def session(self, key: str) -> Row | None:
        """The session stored under this key, if any."""
        with self.store.reading() as connection:
            row = connection.execute(select(web_sessions).where(web_sessions.c.key == key)).first()
        return dict(row._mapping) if row else None

    def touch_session(self, key: str, now: dt.datetime) -> None:
        """Mark the session used now (its idle time starts again)."""
        with self.store.transaction() as connection:
            connection.execute(
                update(web_sessions).where(web_sessions.c.key == key).values(last_seen_at=now)
            )

    def delete_session(self, key: str) -> bool:
        """Forget one session; whether it existed."""
        with self.store.transaction() as connection:
            gone = connection.execute(delete(web_sessions).where(web_sessions.c.key == key))
        return bool(gone.rowcount)

    def delete_idle_sessions(self, before: dt.datetime) -> list[str]:
        """Forget the sessions last used before `before`; their keys."""
        with self.store.transaction() as connection:
            keys = list(
                connection.execute(
                    select(web_sessions.c.key).where(web_sessions.c.last_seen_at < before)
                ).scalars()
            )
            if keys:
                connection.execute(delete(web_sessions).where(web_sessions.c.key.in_(keys)))
        return keys

    def count_sessions(self) -> int:
        """How many sessions are stored (for tests and reports)."""
        with self.store.transaction() as connection:
            return len(connection.execute(select(web_sessions.c.key)).all())

    # ---- accounts -----------------------------------------------------------------------------
    def account_by_name(self, username: str) -> Row | None:
        """The account with this username, if any."""
        with self.store.transaction() as connection:
            row = connection.execute(
                select(shopper_accounts).where(shopper_accounts.c.username == username)
            ).first()
        return dict(row._mapping) if row else None

    def account(self, account_id: str) -> Row | None:
        """The account with this id, if any."""
        with self.store.transaction() as connection:
            row = connection.execute(
                select(shopper_accounts).where(shopper_accounts.c.id == account_id)
            ).first()
        return dict(row._mapping) if row else None

    def insert_account_if_absent(self, values: Row) -> bool:
        """Create an account unless the username is taken; whether it was created."""
        with self.store.transaction() as connection:
            # Check-then-insert, so one at a time across processes too (workers seed the demo
            # shoppers' accounts as they start).
            self.store.one_at_a_time(connection, "accounts.insert")
            taken = connection.execute(
                select(shopper_accounts.c.id).where(
                    shopper_accounts.c.username == values["username"]
                )
            ).first()
            if taken is not None:
                return False
            connection.execute(insert(shopper_accounts).values(**values))
        return True

    # ---- one-time codes -----------------------------------------------------------------------
    def put_code(self, username: str, code_hash: str, expires_at: dt.datetime) -> None:
        """Keep the one live code of a username (replacing an older one)."""
        with self.store.transaction() as connection:
            connection.execute(delete(sign_in_codes).where(sign_in_codes.c.username == username))
            connection.execute(
                insert(sign_in_codes).values(
                    username=username, code_hash=code_hash, expires_at=expires_at, attempts=0
                )
            )

    def take_code(self, username: str, max_attempts: int) -> Row | None:
        """Count one attempt on the username's code and return it; a code past its attempts
        is deleted and None returned."""
        with self.store.transaction() as connection:
            row = connection.execute(
                select(sign_in_codes).where(sign_in_codes.c.username == username)
            ).first()
            if row is None:
                return None
            found = dict(row._mapping)
            if found["attempts"] + 1 > max_attempts:
                connection.execute(
                    delete(sign_in_codes).where(sign_in_codes.c.username == username)
                )
                return None
            connection.execute(
                update(sign_in_codes)
                .where(sign_in_codes.c.username == username)
                .values(attempts=found["attempts"] + 1)
            )
        return found

    def delete_code(self, username: str) -> None:
        """A used code is gone."""
        with self.store.transaction() as connection:
            connection.execute(delete(sign_in_codes).where(sign_in_codes.c.username == username))
