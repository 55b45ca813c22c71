"""What the shop keeps about each ACP checkout session, and the SQL that keeps it."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import insert, select, update

from assistant.channels.acp import presenters
from assistant.channels.acp.models import (
    AcpError,
    Buyer,
    FulfillmentDetails,
    FulfillmentOptionShipping,
    LineItem,
    Message,
    SelectedFulfillmentOption,
    Status,
    Total,
)
from assistant.channels.acp.tables import acp_sessions
from assistant.clock import Clock
from assistant.storage.engine import Store


class Record(BaseModel):
    """What the shop keeps about one session."""

    id: str
    shopper_id: str
    session_key: str | None = None  # the guest session's key (never its secret)
    status: Status = "not_ready_for_payment"
    currency: str = "usd"
    buyer: Buyer | None = None
    fulfillment_details: FulfillmentDetails | None = None
    option_id: str = presenters.STANDARD
    checkout_id: str | None = None
    total_minor: int | None = None
    order_id: str | None = None
    line_items: list[LineItem] = Field(default_factory=list)
    totals: list[Total] = Field(default_factory=list)
    options: list[FulfillmentOptionShipping] = Field(default_factory=list)
    selected: list[SelectedFulfillmentOption] = Field(default_factory=list)
    messages: list[Message] = Field(default_factory=list)
    attribution: list[dict[str, Any]] = Field(default_factory=list)
    intent_trace: dict[str, Any] | None = None


class AcpRecords:
    """The `acp_sessions` table: one short transaction per call."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock

    def insert(self, record: Record) -> None:
        """Keep a new session."""
        with self.store.transaction() as connection:
            connection.execute(insert(acp_sessions).values(**self._row(record, created=True)))

    def load(self, session_id: str) -> Record:
        """The session with this id, or the protocol's 404."""
        with self.store.transaction() as connection:
            state = connection.execute(
                select(acp_sessions.c.state).where(acp_sessions.c.id == session_id)
            ).scalar()
        if state is None:
            raise AcpError(
                404,
                "not_found",
                f"no checkout session {session_id!r}; create one with POST /checkout_sessions",
            )
        return Record.model_validate(state)

    def save(self, record: Record) -> None:
        """Keep a session's new state."""
        with self.store.transaction() as connection:
            connection.execute(
                update(acp_sessions)
                .where(acp_sessions.c.id == record.id)
                .values(**self._row(record))
            )

    def order_of(self, order_id: str) -> tuple[str, str] | None:
        """(session id, shopper id) of the session that placed an order, if one did."""
        with self.store.transaction() as connection:
            row = connection.execute(
                select(acp_sessions.c.id, acp_sessions.c.shopper_id).where(
                    acp_sessions.c.order_id == order_id
                )
            ).first()
        return (row.id, row.shopper_id) if row else None

    def _row(self, record: Record, created: bool = False) -> dict[str, Any]:
        now = self.clock()
        row = {
            "status": record.status,
            "order_id": record.order_id,
            "state": record.model_dump(mode="json"),
            "updated_at": now,
        }
        return row | (
            {"id": record.id, "shopper_id": record.shopper_id, "created_at": now} if created else {}
        )
