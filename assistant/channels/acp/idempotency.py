"""Idempotency-Key: the same key and body give the same response; another body gives 409.

The first request with a key claims it (a row inserted under the store's write lock) and
runs; its response (any status below 500) is kept. A retry with the same body gets the kept
response back; one that arrives while the first still runs waits for it. The same key with
a different body is refused with 409 `idempotency_conflict`, as the ACP RFC says. A claim
whose request died (no response after `STALE_AFTER`) may be taken over by a retry.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, delete, select, update

from assistant.channels.acp.models import AcpError
from assistant.channels.acp.tables import acp_idempotency
from assistant.clock import Clock, utcnow
from assistant.storage.engine import Store

STALE_AFTER = dt.timedelta(seconds=60)
WAIT_FOR_FIRST_S = 30.0
POLL_S = 0.05
MAX_KEY_CHARS = 255


@dataclass(frozen=True)
class Kept:
    """A response as it was first given."""

    status: int
    body: dict[str, Any]
    replayed: bool = False


class IdempotencyKeys:
    """Claims, waits for and replays responses by (caller and endpoint, key)."""

    def __init__(self, store: Store, clock: Clock = utcnow) -> None:
        self.store = store
        self.clock = clock

    def run(self, scope: str, key: str | None, body: bytes, work: Callable[[], Kept]) -> Kept:
        """The kept response for this key, or run `work` once and keep what it answers."""
        if not key:
            raise AcpError(400, "idempotency_key_required", "send an Idempotency-Key header")
        if len(key) > MAX_KEY_CHARS:
            raise AcpError(400, "invalid", "Idempotency-Key is at most 255 characters")
        digest = hashlib.sha256(body).hexdigest()
        deadline = time.monotonic() + WAIT_FOR_FIRST_S
        while True:
            kept = self._claim_or_read(scope, key, digest)
            if kept is None:  # ours to run
                break
            if kept.status:
                return kept
            if time.monotonic() > deadline:
                raise AcpError(
                    409,
                    "idempotency_in_flight",
                    "a request with this Idempotency-Key is still running; retry shortly",
                    type="request_not_idempotent",
                    headers={"Retry-After": "1"},
                )
            time.sleep(POLL_S)
        try:
            result = work()
        except AcpError as error:
            result = Kept(error.status, error.body())
        except BaseException:
            self._release(scope, key)  # a crash is not a response: a retry may run again
            raise
        if result.status >= 500:
            self._release(scope, key)
        else:
            self._keep(scope, key, result)
        return result

    def _claim_or_read(self, scope: str, key: str, digest: str) -> Kept | None:
        """None when this request now holds the key; else the kept response (status 0 while
        the first request still runs)."""
        now, holder = self.clock(), secrets.token_hex(16)
        where = and_(acp_idempotency.c.scope == scope, acp_idempotency.c.key == key)
        with self.store.transaction() as connection:
            row = connection.execute(select(acp_idempotency).where(where)).mappings().first()
            stale = row is not None and row["state"] == "in_flight"
            if stale and row["created_at"] < now - STALE_AFTER:
                connection.execute(delete(acp_idempotency).where(where))
                row = None
            if row is None:
                self.store.insert_if_absent(
                    connection,
                    acp_idempotency,
                    ["scope", "key"],
                    {
                        "scope": scope,
                        "key": key,
                        "request_hash": digest,
                        "state": "in_flight",
                        "holder": holder,
                        "created_at": now,
                    },
                )
                # Whoever inserted first holds the key (on PostgreSQL a racing insert does
                # nothing and waits for the winner, whose row this read then sees).
                row = connection.execute(select(acp_idempotency).where(where)).mappings().one()
                if row["holder"] == holder:
                    return None
        if row["request_hash"] != digest:
            raise AcpError(
                409,
                "idempotency_conflict",
                "Same Idempotency-Key used with different parameters; use a new key",
            )
        if row["state"] != "done":
            return Kept(0, {})
        return Kept(int(row["status_code"]), dict(row["response"]), replayed=True)

    def _keep(self, scope: str, key: str, result: Kept) -> None:
        with self.store.transaction() as connection:
            connection.execute(
                update(acp_idempotency)
                .where(and_(acp_idempotency.c.scope == scope, acp_idempotency.c.key == key))
                .values(state="done", status_code=result.status, response=result.body)
            )

    def _release(self, scope: str, key: str) -> None:
        with self.store.transaction() as connection:
            connection.execute(
                delete(acp_idempotency).where(
                    and_(acp_idempotency.c.scope == scope, acp_idempotency.c.key == key)
                )
            )
