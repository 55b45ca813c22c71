"""What one turn gives back (contract: Python API in DESIGN.md), as typed models."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from assistant.commerce import CartView
from assistant.conversation.state import PendingCheckout

Channel = Literal["dm", "reply", "buy", "web", "widget", "cli", "api", "mcp"]


class Citation(BaseModel):
    """An id the answer rests on: a product, a review or a shop policy section."""

    id: str
    kind: Literal["product", "review", "policy"]


class ReplyCartLine(BaseModel):
    """One cart line as the contract shows it."""

    product_id: str
    variant_id: str
    qty: int
    unit_price_minor: int


class ReplyCart(BaseModel):
    """The shopper's cart after the turn."""

    lines: list[ReplyCartLine] = Field(default_factory=list)
    total_minor: int = 0
    currency: str = "USD"

    @classmethod
    def of(cls, cart: CartView) -> ReplyCart:
        """The contract's view of a cart."""
        return cls(
            lines=[
                ReplyCartLine(
                    product_id=line.product_id,
                    variant_id=line.variant_id,
                    qty=line.qty,
                    unit_price_minor=line.unit_price_minor,
                )
                for line in cart.lines
            ],
            total_minor=cart.totals.total_minor,
            currency=cart.totals.currency,
        )

    @property
    def units(self) -> int:
        """Units over all lines."""
        return sum(line.qty for line in self.lines)


class Grounding(BaseModel):
    """How the answer was checked against the data, and which planner wrote it."""

    checked: int = 0
    unsupported: list[str] = Field(default_factory=list)
    planner: str = "rule"
    raw_unsupported: list[str] = Field(
        default_factory=list, description="What the model wrote that the data did not back."
    )
    fallback_to_template: bool = False
    llm_error: str | None = None


class Reply(BaseModel):
    """What one turn gives back."""

    text: str
    products: list[str] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    cart: ReplyCart = Field(default_factory=ReplyCart)
    pending_checkout: PendingCheckout | None = None
    orders: list[str] = Field(default_factory=list, description="Orders this turn created.")
    intent: str | None = None
    grounding: Grounding | None = None


class StreamEvent(BaseModel):
    """A piece of a streamed reply: text deltas, then the whole Reply."""

    type: Literal["delta", "reply"]
    text: str = ""
    reply: Reply | None = None
