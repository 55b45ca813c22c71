"""The Assistant facade of the Python API contract: one turn in, one `Reply` out.

Until the conversation engine lands, a turn is a catalogue search: the reply lists products
with citations; cart, checkout and orders stay empty.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from assistant.answer import search_answer
from assistant.retrieval import QueryError
from assistant.services import Services, build_services
from assistant.settings import Settings, get_settings

Channel = Literal["dm", "reply", "buy", "web", "widget", "cli", "api"]


class Citation(BaseModel):
    """An id the answer rests on."""

    id: str
    kind: Literal["product", "review"]


class CartView(BaseModel):
    """The shopper's cart as the contract shows it."""

    lines: list[dict] = Field(default_factory=list)
    total_minor: int = 0
    currency: str = "USD"


class Reply(BaseModel):
    """What one turn gives back (contract: Python API in DESIGN.md)."""

    text: str
    products: list[str] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    cart: CartView = Field(default_factory=CartView)
    pending_checkout: dict | None = None
    orders: list[str] = Field(default_factory=list)


class Assistant:
    """The shop assistant; build it with `Assistant.from_settings()`."""

    def __init__(self, services: Services) -> None:
        self.services = services

    @classmethod
    def from_settings(cls, settings: Settings | None = None, progress: bool = False) -> Assistant:
        """Embedded defaults, offline: load the catalogue and make sure the index is current."""
        return cls(build_services(settings or get_settings(), progress=progress))

    def chat(self, session_id: str, message: str, channel: Channel = "dm") -> Reply:
        """Answer one message of one session."""
        if not message or not message.strip():
            return Reply(
                text="Tell me what you are looking for, e.g. "
                "'noise cancelling headphones under $100'."
            )
        try:
            result = self.services.retriever.search(message, k=5)
        except QueryError as exc:
            return Reply(text=f"Sorry, I can't search for that: {exc}")
        products = [hit.product for hit in result.hits]
        return Reply(
            text=search_answer(products, result.warnings),
            products=[product.id for product in products],
            citations=[Citation(id=product.id, kind="product") for product in products],
        )
