"""SQL of the platform boundary: app users' sign-in tokens and the signed events seen."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from assistant.channels.social.tables import social_app_tokens, social_events_seen
from assistant.storage.engine import Store


class PlatformRepository:
    """Tokens and seen event ids of one store, each method one short transaction."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def insert_token(self, key: str, app: str, handle: str, now: dt.datetime) -> None:
        """Record a token an app issued to one of its users."""
        with self.store.transaction() as connection:
            connection.execute(
                insert(social_app_tokens).values(
                    key=key, app=app, handle=handle, created_at=now, last_seen_at=now
                )
            )

    def token(self, key: str) -> dict[str, Any] | None:
        """The token stored under this key, if any."""
        with self.store.transaction() as connection:
            row = connection.execute(
                select(social_app_tokens).where(social_app_tokens.c.key == key)
            ).first()
        return dict(row._mapping) if row else None

    def touch_token(self, key: str, now: dt.datetime) -> None:
        """The token was used now."""
        with self.store.transaction() as connection:
            connection.execute(
                update(social_app_tokens)
                .where(social_app_tokens.c.key == key)
                .values(last_seen_at=now)
            )

    def delete_token(self, key: str) -> None:
        """Sign a token out."""
        with self.store.transaction() as connection:
            connection.execute(delete(social_app_tokens).where(social_app_tokens.c.key == key))

    def delete_idle_tokens(self, before: dt.datetime) -> int:
        """Forget tokens unused since `before`."""
        with self.store.transaction() as connection:
            return connection.execute(
                delete(social_app_tokens).where(social_app_tokens.c.last_seen_at < before)
            ).rowcount

    def first_sighting(self, app: str, event_id: str, now: dt.datetime) -> bool:
        """Record an event id; False when it was seen before (a replay)."""
        try:
            return self._record(app, event_id, now)
        except IntegrityError:  # the same id arrived twice at once: one of them is a replay
            return False

    def _record(self, app: str, event_id: str, now: dt.datetime) -> bool:
        with self.store.transaction() as connection:
            seen = connection.execute(
                select(social_events_seen.c.event_id).where(
                    social_events_seen.c.app == app, social_events_seen.c.event_id == event_id
                )
            ).first()
            if seen is not None:
                return False
            connection.execute(
                insert(social_events_seen).values(app=app, event_id=event_id, received_at=now)
            )
        return True

    def forget_events_before(self, before: dt.datetime) -> int:
        """Drop event ids older than the replay window (their timestamps are refused anyway)."""
        with self.store.transaction() as connection:
            return connection.execute(
                delete(social_events_seen).where(social_events_seen.c.received_at < before)
            ).rowcount
