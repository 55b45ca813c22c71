"""The commerce service: one facade over carts, checkout, orders, returns and the audit log.

Every channel (chat tools, buttons, social flows, MCP, ACP) calls these typed operations; none
writes its own SQL or its own cart.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from assistant.catalogue.models import Catalogue, Product, Variant
from assistant.clock import Clock, utcnow
from assistant.commerce.carts import Carts
from assistant.commerce.checkout import Checkouts
from assistant.commerce.context import CHECKOUT_TIMEOUT, CommerceContext
from assistant.commerce.models import (
    CartView,
    CheckoutSummary,
    Confirmation,
    OrderConfirmation,
    OrderView,
    Origin,
    ReturnReceipt,
)
from assistant.commerce.orders import Orders
from assistant.commerce.pricing import PricingRules
from assistant.commerce.returns import Returns
from assistant.commerce.stock import seed_stock
from assistant.commerce.variants import resolve_variant
from assistant.storage.engine import Store


class CommerceService:
    """Carts, checkouts and orders for every shopper, over one store and one catalogue."""

    def __init__(
        self,
        store: Store,
        catalogue: Catalogue,
        rules: PricingRules | None = None,
        clock: Clock = utcnow,
        checkout_timeout: dt.timedelta = CHECKOUT_TIMEOUT,
    ) -> None:
        self.context = CommerceContext(
            store, catalogue, rules or PricingRules(), clock, checkout_timeout
        )
        self.carts = Carts(self.context)
        self.checkouts = Checkouts(self.context, self.carts)
        self.orders = Orders(self.context)
        self.returns = Returns(self.context, self.orders)
        seed_stock(self.context)

    @property
    def store(self) -> Store:
        """The store the service writes to."""
        return self.context.store

    @property
    def catalogue(self) -> Catalogue:
        """The catalogue the service sells from."""
        return self.context.catalogue

    @property
    def rules(self) -> PricingRules:
        """The shop's money rules."""
        return self.context.rules

    @property
    def clock(self) -> Clock:
        """The service's clock."""
        return self.context.clock

    # ---- stock and variants -----------------------------------------------------------------
    def seed_stock(self) -> int:
        """Give every catalogue variant a stock row the first time it is seen."""
        return seed_stock(self.context)

    def available(self, variant_id: str) -> int:
        """Units that can still be bought (on hand minus reserved)."""
        with self.context.unit_of_work() as repo:
            return repo.available(variant_id)

    def resolve_variant(
        self, product_id: str, variant_id: str | None = None, options: dict[str, str] | None = None
    ) -> tuple[Product, Variant]:
        """The one variant meant; ambiguity is an error listing the choices, never a guess."""
        return resolve_variant(self.catalogue, product_id, variant_id, options)

    # ---- carts ------------------------------------------------------------------------------
    def get_cart(self, shopper_id: str) -> CartView:
        """The shopper's cart (empty if they never added anything)."""
        return self.carts.get_cart(shopper_id)

    def add_item(
        self,
        shopper_id: str,
        product_id: str,
        qty: int = 1,
        variant_id: str | None = None,
        options: dict[str, str] | None = None,
        origin: Origin | None = None,
    ) -> CartView:
        """Add units of one variant (merging with a line already there)."""
        return self.carts.add_item(shopper_id, product_id, qty, variant_id, options, origin)

    def set_quantity(
        self,
        shopper_id: str,
        product_id: str,
        qty: int,
        variant_id: str | None = None,
        options: dict[str, str] | None = None,
    ) -> CartView:
        """Set the quantity of a line already in the cart."""
        return self.carts.set_quantity(shopper_id, product_id, qty, variant_id, options)

    def change_variant(
        self,
        shopper_id: str,
        product_id: str,
        options: dict[str, str],
        variant_id: str | None = None,
        replacing: dict[str, str] | None = None,
    ) -> CartView:
        """Swap a cart line to another variant of its product ("make it black"); `replacing`
        names the line when the product has several ("the small green for the large")."""
        return self.carts.change_variant(shopper_id, product_id, options, variant_id, replacing)

    def remove_item(
        self,
        shopper_id: str,
        product_id: str,
        qty: int | None = None,
        variant_id: str | None = None,
        options: dict[str, str] | None = None,
    ) -> CartView:
        """Take `qty` units (or the whole line) of a product out of the cart."""
        return self.carts.remove_item(shopper_id, product_id, qty, variant_id, options)

    def merge_carts(self, from_shopper: str, into_shopper: str) -> CartView:
        """Move a guest's cart into an account's cart at sign-in (as many units as stock and
        the line limit allow); the guest's open checkouts close and their stock returns."""
        if from_shopper == into_shopper:
            return self.get_cart(into_shopper)
        with self.context.unit_of_work() as repo:
            source = self.carts.merge(repo, from_shopper, into_shopper)
            self.checkouts.close_open_checkouts(repo, source["id"], from_shopper)
            return self.carts.view(repo, self.carts.lock(repo, into_shopper))

    # ---- checkout ---------------------------------------------------------------------------
    def start_checkout(self, shopper_id: str, seen_version: int | None = None) -> CheckoutSummary:
        """Re-check prices and stock, reserve stock and return the summary to confirm."""
        return self.checkouts.start_checkout(shopper_id, seen_version)

    def start_express_checkout(
        self,
        shopper_id: str,
        product_id: str,
        qty: int = 1,
        variant_id: str | None = None,
        options: dict[str, str] | None = None,
        origin: Origin | None = None,
    ) -> CheckoutSummary:
        """A summary of one item bought on its own (a Buy button); the cart is untouched."""
        return self.checkouts.start_express_checkout(
            shopper_id, product_id, qty, variant_id, options, origin
        )

    def cancel_checkout(self, shopper_id: str, checkout_id: str) -> str:
        """Withdraw a pending summary the shopper turned down and release its stock; returns
        the checkout's status afterwards (a confirmed one stays confirmed)."""
        return self.checkouts.cancel_checkout(shopper_id, checkout_id)

    def expire_checkouts(self) -> int:
        """Expire unconfirmed checkouts past their time and release their stock."""
        return self.checkouts.expire_checkouts()

    def placed_order_id(self, checkout_id: str) -> str | None:
        """The order a checkout already made, if any."""
        return self.checkouts.placed_order_id(checkout_id)

    def checkout_owner(self, checkout_id: str) -> str | None:
        """The shopper a checkout belongs to (None when there is no such checkout)."""
        return self.checkouts.checkout_owner(checkout_id)

    def confirm_checkout(self, checkout_id: str, confirmation: Confirmation) -> OrderConfirmation:
        """Place the order for a summary the shopper said yes to; twice gives the same order,
        marked as not created by the second call."""
        order_id, created = self.checkouts.confirm_checkout(checkout_id, confirmation)
        return OrderConfirmation(
            order=self.orders.order_status(confirmation.shopper_id, order_id), created=created
        )

    # ---- orders and returns -------------------------------------------------------------------
    def order_status(self, shopper_id: str, order_id: str) -> OrderView:
        """One of the shopper's orders, with status and tracking."""
        return self.orders.order_status(shopper_id, order_id)

    def list_orders(self, shopper_id: str) -> list[OrderView]:
        """The shopper's order history, newest first."""
        return self.orders.list_orders(shopper_id)

    def cart_and_orders(self, shopper_id: str) -> tuple[CartView, list[OrderView]]:
        """The cart and the order history in one read: one snapshot, one trip to the store
        (a chat turn needs both, at its start and for its reply)."""
        with self.context.reading() as repo:
            return self.carts.read(repo, shopper_id), self.orders.read(repo, shopper_id)

    def cancel_order(self, shopper_id: str, order_id: str) -> OrderView:
        """Cancel an order that has not shipped yet; its units go back to stock."""
        return self.orders.cancel_order(shopper_id, order_id)

    def return_items(
        self, shopper_id: str, order_id: str, items: dict[str, int] | None = None
    ) -> ReturnReceipt:
        """Return delivered units within each product's return window; refunds their price."""
        return self.returns.return_items(shopper_id, order_id, items)

    # ---- records ------------------------------------------------------------------------------
    def audit_entries(self) -> list[dict[str, Any]]:
        """The whole audit log, oldest first."""
        with self.context.unit_of_work() as repo:
            return repo.audit_entries()

    def count_orders(self) -> int:
        """How many orders exist (for tests and reports)."""
        with self.context.unit_of_work() as repo:
            return repo.count_orders()

    def attributed_order_lines(self) -> list[dict[str, Any]]:
        """Lines of orders not cancelled, with their origin (for creator attribution)."""
        with self.context.unit_of_work() as repo:
            return repo.attributed_order_lines()
