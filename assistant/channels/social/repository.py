"""Every SQL statement of the social apps: handle links, pending consents, wishlists, messages.

The flows ask for what they need in words of the domain ("is this handle linked?"); only this
module knows the tables (assistant/channels/social/tables.py) and how they are written.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import delete, func, insert, select, update

from assistant.channels.social.tables import (
    social_consents,
    social_links,
    social_messages,
    wishlists,
)
from assistant.storage.engine import Store

Direction = Literal["in", "out"]
LogChannel = Literal["dm", "public", "reaction"]
MAX_LOGGED_CHARS = 10_000


class SocialRepository:
    """The social tables of one store, each method one short transaction."""

    def __init__(self, store: Store, clock: Callable[[], datetime]) -> None:
        self.store = store
        self.clock = clock

    # ---- links between a handle and a shop account --------------------------------------------
    def linked_shopper(self, app: str, handle: str) -> str | None:
        """The shop account a handle is linked to, if any."""
        with self.store.transaction() as connection:
            return connection.execute(
                select(social_links.c.shopper_id).where(
                    social_links.c.app == app, social_links.c.handle == handle
                )
            ).scalar()

    def link(self, app: str, handle: str, shopper_id: str) -> None:
        """Link a handle to a shop account (kept if already linked) and drop its consent."""
        with self.store.transaction() as connection:
            self.store.insert_if_absent(
                connection,
                social_links,
                ["app", "handle"],
                {"app": app, "handle": handle, "shopper_id": shopper_id, "linked_at": self.clock()},
            )
            connection.execute(
                delete(social_consents).where(
                    social_consents.c.app == app, social_consents.c.handle == handle
                )
            )

    def unlink(self, app: str, handle: str) -> bool:
        """Remove a handle's link; whether there was one."""
        with self.store.transaction() as connection:
            removed = connection.execute(
                delete(social_links).where(
                    social_links.c.app == app, social_links.c.handle == handle
                )
            ).rowcount
        return bool(removed)

    # ---- consent asked and waiting --------------------------------------------------------------
    def pending_consent(self, app: str, handle: str) -> dict[str, Any] | None:
        """The action (as stored JSON) waiting for the handle's consent, if any."""
        with self.store.transaction() as connection:
            return connection.execute(
                select(social_consents.c.action).where(
                    social_consents.c.app == app, social_consents.c.handle == handle
                )
            ).scalar()

    def ask_consent(self, app: str, handle: str, action: dict[str, Any]) -> None:
        """Remember the one action waiting for consent (replacing an older one)."""
        with self.store.transaction() as connection:
            connection.execute(
                delete(social_consents).where(
                    social_consents.c.app == app, social_consents.c.handle == handle
                )
            )
            connection.execute(
                insert(social_consents).values(
                    app=app, handle=handle, action=action, asked_at=self.clock()
                )
            )

    def drop_consent(self, app: str, handle: str) -> None:
        """Forget the action waiting for consent."""
        with self.store.transaction() as connection:
            connection.execute(
                delete(social_consents).where(
                    social_consents.c.app == app, social_consents.c.handle == handle
                )
            )

    # ---- wishlists ------------------------------------------------------------------------------
    def add_to_wishlist(self, shopper_id: str, product_id: str, post_id: str, app: str) -> None:
        """Save a product to a wishlist (once), with the post it was saved from."""
        with self.store.transaction() as connection:
            self.store.insert_if_absent(
                connection,
                wishlists,
                ["shopper_id", "product_id"],
                {
                    "shopper_id": shopper_id,
                    "product_id": product_id,
                    "post_id": post_id,
                    "app": app,
                    "added_at": self.clock(),
                },
            )

    def wishlist(self, shopper_id: str) -> list[str]:
        """The product ids on a shop account's wishlist."""
        with self.store.transaction() as connection:
            rows = connection.execute(
                select(wishlists.c.product_id).where(wishlists.c.shopper_id == shopper_id)
            )
            return list(rows.scalars().all())

    # ---- the message log ------------------------------------------------------------------------
    def log(
        self,
        app: str,
        handle: str,
        direction: Direction,
        channel: LogChannel,
        text: str,
        post_id: str | None = None,
    ) -> None:
        """Record a message, a public reply or a reaction, in or out."""
        with self.store.transaction() as connection:
            connection.execute(
                insert(social_messages).values(
                    app=app,
                    handle=handle,
                    direction=direction,
                    channel=channel,
                    post_id=post_id,
                    text=text[:MAX_LOGGED_CHARS],
                    at=self.clock(),
                )
            )

    def mark_post(self, app: str, handle: str, post_id: str) -> None:
        """Note that the handle's latest DM pointed at a post («the kettle in Bella's flat lay»)."""
        table = social_messages
        latest = (
            select(func.max(table.c.seq))
            .where(
                table.c.app == app,
                table.c.handle == handle,
                table.c.channel == "dm",
                table.c.direction == "in",
            )
            .scalar_subquery()
        )
        with self.store.transaction() as connection:
            connection.execute(update(table).where(table.c.seq == latest).values(post_id=post_id))

    def last_post(self, app: str, handle: str) -> str | None:
        """The post the handle last replied under, reacted to, tapped Buy on or named by DM."""
        table = social_messages
        with self.store.transaction() as connection:
            return connection.execute(
                select(table.c.post_id)
                .where(
                    table.c.app == app,
                    table.c.handle == handle,
                    table.c.direction == "in",
                    table.c.post_id.is_not(None),
                )
                .order_by(table.c.seq.desc())
                .limit(1)
            ).scalar()

    def dm_thread(self, app: str, handle: str, limit: int) -> list[tuple[str, str]]:
        """The latest DMs of a handle in one app as (direction, text), oldest first."""
        with self.store.transaction() as connection:
            rows = connection.execute(
                select(social_messages.c.direction, social_messages.c.text)
                .where(
                    social_messages.c.app == app,
                    social_messages.c.handle == handle,
                    social_messages.c.channel == "dm",
                )
                .order_by(social_messages.c.seq.desc())
                .limit(limit)
            ).all()
        return [(direction, text) for direction, text in reversed(rows)]

    def reaction_counts(self, app: str) -> dict[str, int]:
        """Reactions recorded per post of one app."""
        with self.store.transaction() as connection:
            rows = connection.execute(
                select(social_messages.c.post_id, func.count())
                .where(social_messages.c.app == app, social_messages.c.channel == "reaction")
                .group_by(social_messages.c.post_id)
            ).all()
        return {post_id: count for post_id, count in rows}
