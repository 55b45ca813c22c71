"""What a simulated app shows after an action (contract: social HTTP API in DESIGN.md)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from assistant.conversation.reply import Citation, ReplyCart
from assistant.conversation.state import PendingCheckout


class AppResponse(BaseModel):
    """What the app shows after an action: the public reply, the DMs sent, and the cart."""

    app: str
    post_id: str | None = None
    public_reply: str | None = Field(None, description="Shown under the post, to everyone.")
    dms: list[str] = Field(default_factory=list, description="Sent privately, in order.")
    cart: ReplyCart = Field(default_factory=ReplyCart, description="The shop account's cart.")
    orders: list[str] = Field(default_factory=list, description="Orders this action placed.")
    products: list[str] = Field(
        default_factory=list, description="Ids of the products a DM answer shows, in order."
    )
    citations: list[Citation] = Field(
        default_factory=list, description="What the DM answers quote: products, reviews, policies."
    )
    pending_checkout: PendingCheckout | None = Field(
        None, description="The summary a «yes» in the DMs would confirm (after Buy)."
    )
