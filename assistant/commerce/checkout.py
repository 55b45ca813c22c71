"""Checkout: a summary bound to a cart version, stock held for it, and the one order its
confirmation makes.

- an order is created only by `confirm_checkout` with a `Confirmation` from the shopper;
- one checkout makes at most one order (a unique key backs it), so the same confirmation
  twice is one order;
- stock is reserved at checkout and released when the summary expires or is replaced.
"""

from __future__ import annotations

from assistant.commerce.carts import Carts
from assistant.commerce.context import CommerceContext, new_id
from assistant.commerce.errors import CommerceError
from assistant.commerce.failpoints import crash_point
from assistant.commerce.models import (
    CartLine,
    CheckoutChange,
    CheckoutSummary,
    Confirmation,
    Origin,
)
from assistant.commerce.pricing import Totals, compute_totals
from assistant.commerce.repository import CommerceRepository, Row
from assistant.commerce.stock import release, require_stock
from assistant.commerce.variants import check_qty, resolve_variant


class Checkouts:
    """Summaries, reservations, expiry and placing orders."""

    def __init__(self, context: CommerceContext, carts: Carts) -> None:
        self.context = context
        self.carts = carts

    def start_checkout(self, shopper_id: str, seen_version: int | None = None) -> CheckoutSummary:
        """Re-check prices and stock, reserve stock and return the summary to confirm."""
        self.expire_checkouts()
        with self.context.unit_of_work() as repo:
            cart = self.carts.lock(repo, shopper_id)
            rows = repo.lines(cart["id"])
            if not rows:
                raise CommerceError("empty_cart")
            self.close_open_checkouts(repo, cart["id"], shopper_id)
            changes: list[CheckoutChange] = []
            if seen_version is not None and seen_version != cart["version"]:
                changes.append(CheckoutChange(kind="cart_changed"))
            changes += self._refresh_lines(repo, cart, rows, shopper_id)
            view = self.carts.view(repo, cart)
            if not view.lines:
                raise CommerceError(
                    "out_of_stock", everything=True, changes=[c.model_dump() for c in changes]
                )
            summary = self._open(repo, cart, shopper_id, view.lines, view.totals, changes)
        crash_point("checkout.after_reserve")
        return summary

    def start_express_checkout(
        self,
        shopper_id: str,
        product_id: str,
        qty: int = 1,
        variant_id: str | None = None,
        options: dict[str, str] | None = None,
        origin: Origin | None = None,
    ) -> CheckoutSummary:
        """A summary of exactly one item, bought on its own (a Buy button): the cart keeps
        what it has, and confirming orders only this item."""
        qty = check_qty(qty, self.context.rules)
        product, variant = resolve_variant(self.context.catalogue, product_id, variant_id, options)
        self.expire_checkouts()
        with self.context.unit_of_work() as repo:
            cart = self.carts.lock(repo, shopper_id)
            self.close_open_checkouts(repo, cart["id"], shopper_id)
            repo.lock_stock([variant.id])
            require_stock(repo, product, variant, qty)
            line = CartLine(
                product_id=product.id,
                variant_id=variant.id,
                title=product.title,
                options=variant.options,
                qty=qty,
                unit_price_minor=variant.price_minor,
                currency=variant.currency,
                origin=origin or Origin(),
            )
            totals = compute_totals(
                [(qty, variant.price_minor)], variant.currency, self.context.rules
            )
            summary = self._open(repo, cart, shopper_id, [line], totals, [], express=True)
        crash_point("checkout.after_reserve")
        return summary

    def _open(
        self,
        repo: CommerceRepository,
        cart: Row,
        shopper_id: str,
        lines: list[CartLine],
        totals: Totals,
        changes: list[CheckoutChange],
        express: bool = False,
    ) -> CheckoutSummary:
        """Record a pending checkout of these lines and reserve their stock."""
        now = self.context.clock()
        summary = CheckoutSummary(
            checkout_id=new_id("CHK"),
            cart_version=cart["version"],
            lines=lines,
            totals=totals,
            changes=changes,
            expires_at=now + self.context.checkout_timeout,
            express=express,
        )
        repo.insert_checkout(
            {
                "id": summary.checkout_id,
                "cart_id": cart["id"],
                "shopper_id": shopper_id,
                "cart_version": cart["version"],
                "status": "pending",
                "summary": summary.model_dump(mode="json"),
                "total_minor": totals.total_minor,
                "currency": totals.currency,
                "created_at": now,
                "expires_at": summary.expires_at,
            }
        )
        self._reserve(repo, summary, shopper_id)
        return summary

    def _refresh_lines(
        self, repo: CommerceRepository, cart: Row, rows: list[Row], shopper_id: str
    ) -> list[CheckoutChange]:
        """Bring each line to today's price and to the stock there is; say what changed."""
        changes: list[CheckoutChange] = []
        levels = repo.lock_stock(row["variant_id"] for row in rows)
        for row in rows:
            product, variant = self.context.variants[row["variant_id"]]
            level = levels[row["variant_id"]]
            available = max(level["on_hand"] - level["reserved"], 0)
            qty, price = row["qty"], row["unit_price_minor"]
            if variant.price_minor != price:
                changes.append(
                    CheckoutChange(
                        kind="price_changed",
                        product_id=product.id,
                        title=product.title,
                        currency=variant.currency,
                        old_price_minor=price,
                        new_price_minor=variant.price_minor,
                    )
                )
                price = variant.price_minor
            if available < qty:
                changes.append(
                    CheckoutChange(
                        kind="quantity_reduced" if available else "sold_out",
                        product_id=product.id,
                        title=product.title,
                        old_qty=qty,
                        new_qty=available,
                    )
                )
                qty = available
            if (qty, price) != (row["qty"], row["unit_price_minor"]):
                self.carts.set_line(
                    repo, cart, shopper_id, product, variant, qty, None, unit_price_minor=price
                )
        return changes

    def _reserve(self, repo: CommerceRepository, summary: CheckoutSummary, shopper_id: str) -> None:
        for line in summary.lines:
            if not repo.reserve(line.variant_id, line.qty):
                # Cannot happen under the locks; refuse rather than oversell.
                raise CommerceError("out_of_stock", product_id=line.product_id, title=line.title)
            repo.insert_reservation(summary.checkout_id, line.variant_id, line.qty)
            self.context.audit(
                repo,
                shopper_id,
                "stock.reserved",
                line.variant_id,
                {
                    "variant_id": line.variant_id,
                    "qty": line.qty,
                    "checkout_id": summary.checkout_id,
                },
            )
        self.context.audit(
            repo,
            shopper_id,
            "checkout.started",
            summary.checkout_id,
            {
                "checkout_id": summary.checkout_id,
                "cart_version": summary.cart_version,
                "total_minor": summary.totals.total_minor,
            },
        )

    def close_open_checkouts(self, repo: CommerceRepository, cart_id: str, actor: str) -> None:
        """A new summary replaces older ones: their reservations go back to stock."""
        for checkout_id in repo.open_checkouts(cart_id):
            release(self.context, repo, checkout_id, actor)
            repo.set_checkout_status(checkout_id, "replaced")
            self.context.audit(
                repo, actor, "checkout.replaced", checkout_id, {"checkout_id": checkout_id}
            )

    def placed_order_id(self, checkout_id: str) -> str | None:
        """The order a checkout already made, if any."""
        with self.context.unit_of_work() as repo:
            return repo.checkout_order_id(checkout_id)

    def checkout_owner(self, checkout_id: str) -> str | None:
        """The shopper a checkout belongs to, if it exists."""
        with self.context.unit_of_work() as repo:
            owner = repo.checkout_owner(checkout_id)
        return owner["shopper_id"] if owner else None

    def expire_checkouts(self) -> int:
        """Expire unconfirmed checkouts past their time and release their stock."""
        with self.context.unit_of_work() as repo:
            stale = repo.stale_checkouts(self.context.clock())
            for checkout_id in stale:
                release(self.context, repo, checkout_id, "system")
                repo.set_checkout_status(checkout_id, "expired")
                self.context.audit(
                    repo, "system", "checkout.expired", checkout_id, {"checkout_id": checkout_id}
                )
        return len(stale)

    def confirm_checkout(self, checkout_id: str, confirmation: Confirmation) -> tuple[str, bool]:
        """Place the order for a summary the shopper said yes to: (order id, placed now).
        Twice gives the same order, and `False` the second time."""
        if not isinstance(confirmation, Confirmation):
            raise CommerceError("confirmation_required")
        self.expire_checkouts()
        with self.context.unit_of_work() as repo:
            owner = repo.checkout_owner(checkout_id)
            if owner is None or owner["shopper_id"] != confirmation.shopper_id:
                raise CommerceError("checkout_not_found", checkout_id=checkout_id)
            repo.lock_cart_by_id(owner["cart_id"])
            checkout = repo.lock_checkout(checkout_id)
            if checkout["status"] == "confirmed":
                return checkout["order_id"], False
            order_id = self._place_order(repo, checkout, confirmation)
        crash_point("checkout.before_reply")
        return order_id, True

    def _place_order(
        self, repo: CommerceRepository, checkout: Row, confirmation: Confirmation
    ) -> str:
        if checkout["status"] == "expired":
            raise CommerceError("expired", checkout_id=checkout["id"])
        if checkout["status"] != "pending":
            raise CommerceError("replaced", checkout_id=checkout["id"])
        summary = CheckoutSummary.model_validate(checkout["summary"])
        cart = repo.cart(checkout["cart_id"])
        if not summary.express and cart["version"] != checkout["cart_version"]:
            raise CommerceError(
                "conflict", cart_version=cart["version"], summary_version=checkout["cart_version"]
            )
        for line in summary.lines:
            product, variant = self.context.variants[line.variant_id]
            if variant.price_minor != line.unit_price_minor:
                raise CommerceError(
                    "price_changed",
                    product_id=product.id,
                    title=product.title,
                    currency=line.currency,
                    old_price_minor=line.unit_price_minor,
                    new_price_minor=variant.price_minor,
                )
        order_id = new_id("ORD")
        now = self.context.clock()
        totals = summary.totals
        repo.insert_order(
            {
                "id": order_id,
                "shopper_id": checkout["shopper_id"],
                "checkout_id": checkout["id"],
                "status": "placed",
                "subtotal_minor": totals.subtotal_minor,
                "shipping_minor": totals.shipping_minor,
                "tax_minor": totals.tax_minor,
                "total_minor": totals.total_minor,
                "currency": totals.currency,
                "confirmation": confirmation.model_dump(),
                "placed_at": now,
                "shipping_days": max(
                    self.context.variants[line.variant_id][0].shipping_days
                    for line in summary.lines
                ),
            },
            [
                {
                    "order_id": order_id,
                    "variant_id": line.variant_id,
                    "product_id": line.product_id,
                    "title": line.title,
                    "qty": line.qty,
                    "returned_qty": 0,
                    "unit_price_minor": line.unit_price_minor,
                    "return_window_days": self.context.variants[line.variant_id][
                        0
                    ].return_window_days,
                    "origin": line.origin.model_dump(),
                }
                for line in summary.lines
            ],
        )
        crash_point("checkout.after_order_write")
        self._hand_over(repo, summary, checkout, order_id, confirmation)
        return order_id

    def _hand_over(
        self,
        repo: CommerceRepository,
        summary: CheckoutSummary,
        checkout: Row,
        order_id: str,
        confirmation: Confirmation,
    ) -> None:
        """Reserved stock is sold, the checkout closes and the cart empties, all audited."""
        actor = confirmation.shopper_id
        for line in sorted(summary.lines, key=lambda item: item.variant_id):
            repo.sell(line.variant_id, line.qty)
            self.context.audit(
                repo,
                actor,
                "stock.sold",
                line.variant_id,
                {"variant_id": line.variant_id, "qty": line.qty, "order_id": order_id},
            )
        repo.delete_reservations(checkout["id"])
        repo.set_checkout_status(checkout["id"], "confirmed", order_id=order_id)
        repo.remember(f"confirm:{checkout['id']}", {"order_id": order_id}, self.context.clock())
        if not summary.express:  # an express buy leaves the cart as it was
            repo.clear_lines(checkout["cart_id"])
            self.carts.bump(repo, repo.cart(checkout["cart_id"]))
            self.context.audit(
                repo, actor, "cart.cleared", checkout["cart_id"], {"cart_id": checkout["cart_id"]}
            )
        self.context.audit(
            repo,
            actor,
            "order.placed",
            order_id,
            {
                "order_id": order_id,
                "checkout_id": checkout["id"],
                "total_minor": summary.totals.total_minor,
                "source": confirmation.source,
            },
        )
