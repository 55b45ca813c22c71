"""What every commerce operation shares: the store, the catalogue's variants, the rules, time."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from assistant.catalogue.models import Catalogue, Product, Variant
from assistant.clock import Clock
from assistant.commerce.pricing import PricingRules
from assistant.commerce.repository import CommerceRepository
from assistant.storage.engine import Store

CHECKOUT_TIMEOUT = dt.timedelta(minutes=15)
PROCESSING_WINDOW = dt.timedelta(hours=12)  # an order can be cancelled until it ships


def new_id(prefix: str) -> str:
    """A short unguessable id such as ORD-1A2B3C4D5E."""
    return f"{prefix}-{secrets.token_hex(5).upper()}"


@dataclass
class CommerceContext:
    """The shared parts of the commerce service."""

    store: Store
    catalogue: Catalogue
    rules: PricingRules
    clock: Clock
    checkout_timeout: dt.timedelta = CHECKOUT_TIMEOUT
    variants: dict[str, tuple[Product, Variant]] = field(init=False)

    def __post_init__(self) -> None:
        self.variants = {
            variant.id: (product, variant)
            for product in self.catalogue.products.values()
            for variant in product.variants
        }

    @contextmanager
    def unit_of_work(self) -> Iterator[CommerceRepository]:
        """One transaction over the commerce tables."""
        with self.store.transaction() as connection:
            yield CommerceRepository(connection, self.store)

    @contextmanager
    def reading(self) -> Iterator[CommerceRepository]:
        """One read-only transaction over the commerce tables (takes no write lock)."""
        with self.store.reading() as connection:
            yield CommerceRepository(connection, self.store)

    def audit(
        self, repo: CommerceRepository, actor: str, action: str, entity: str, payload: Any
    ) -> None:
        """Append to the audit log inside the caller's transaction."""
        repo.append_audit(actor, action, entity, payload, self.clock())
