"""Carts, checkout and orders: pure domain code over the store, no model, no UI.

Rules that keep shoppers' money safe:
- money is integer minor units; totals come from `pricing.compute_totals` only;
- an order is created only by `confirm_checkout` with a `Confirmation` from the shopper;
- one checkout makes at most one order (unique key), so the same confirmation twice is one order;
- stock is reserved at checkout and never goes negative (a CHECK constraint backs the code).
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable
from typing import Any, Literal

from pydantic import BaseModel, Field
from sqlalchemy import Connection, and_, delete, func, insert, select, update

from assistant.catalogue.models import Catalogue, Product, Variant
from assistant.clock import Clock, utcnow
from assistant.commerce.failpoints import crash_point
from assistant.commerce.pricing import PricingRules, Totals, compute_totals
from assistant.money import format_minor
from assistant.storage.engine import (
    Store,
    audit_log,
    cart_lines,
    carts,
    checkouts,
    idempotency,
    order_lines,
    orders,
    reservations,
    returns,
    stock,
)

CHECKOUT_TIMEOUT = dt.timedelta(minutes=15)
PROCESSING_WINDOW = dt.timedelta(hours=12)  # an order can be cancelled until it ships


class CartError(Exception):
    """A refused cart or order operation: a stable code, and a message saying what to do."""

    def __init__(self, code: str, message: str, **details: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.details = details

    def as_data(self) -> dict[str, Any]:
        """The error as data for tools and APIs."""
        return {"ok": False, "error": {"code": self.code, "message": self.message, **self.details}}


class Origin(BaseModel):
    """Where a cart line came from: a chat turn, a social post, a #cart reply, a Buy button."""

    kind: Literal["chat", "post", "cart_reply", "buy_button", "ui", "api"] = "chat"
    ref: str | None = Field(None, description="Turn, post or reply id.")
    app: str | None = None
    creator: str | None = None


class Confirmation(BaseModel):
    """The shopper's own yes to a checkout summary, as recognised outside any model."""

    source: Literal["shopper_reply", "ui_button"]
    shopper_id: str
    evidence: str = Field(max_length=2000, description="The reply text or the button's nonce.")


class CartLine(BaseModel):
    """One variant in a cart."""

    product_id: str
    variant_id: str
    title: str
    options: dict[str, str]
    qty: int
    unit_price_minor: int
    currency: str
    origin: Origin


class CartView(BaseModel):
    """A cart with its totals and version."""

    shopper_id: str
    version: int
    lines: list[CartLine]
    totals: Totals

    def contract(self) -> dict[str, Any]:
        """The shape of `Reply.cart` in the Python API contract."""
        return {
            "lines": [
                {
                    "product_id": line.product_id,
                    "variant_id": line.variant_id,
                    "qty": line.qty,
                    "unit_price_minor": line.unit_price_minor,
                }
                for line in self.lines
            ],
            "total_minor": self.totals.total_minor,
            "currency": self.totals.currency,
        }


class CheckoutSummary(BaseModel):
    """What the shopper is asked to confirm."""

    checkout_id: str
    cart_version: int
    lines: list[CartLine]
    totals: Totals
    changes: list[str] = Field(default_factory=list, description="What changed since last seen.")
    expires_at: dt.datetime

    @property
    def total_minor(self) -> int:
        """The amount the shopper will pay."""
        return self.totals.total_minor


class OrderLine(BaseModel):
    """One variant of a placed order."""

    product_id: str
    variant_id: str
    title: str
    qty: int
    returned_qty: int
    unit_price_minor: int
    origin: Origin


class OrderView(BaseModel):
    """A placed order with its derived fulfilment status."""

    order_id: str
    shopper_id: str
    checkout_id: str
    status: Literal["processing", "shipped", "delivered", "cancelled"]
    lines: list[OrderLine]
    totals: Totals
    placed_at: dt.datetime
    estimated_delivery: dt.date
    tracking_number: str | None


class ReturnReceipt(BaseModel):
    """A return that was accepted."""

    return_id: str
    order_id: str
    items: dict[str, int]
    refund_minor: int
    currency: str


def _new_id(prefix: str) -> str:
    return f"{prefix}-{secrets.token_hex(5).upper()}"


def _format_options(variant: Variant) -> str:
    return ", ".join(f"{name} {value}" for name, value in variant.options.items()) or "standard"


class CartService:
    """Carts, checkouts and orders for every shopper, over one store and one catalogue."""

    def __init__(
        self,
        store: Store,
        catalogue: Catalogue,
        rules: PricingRules | None = None,
        clock: Clock = utcnow,
        checkout_timeout: dt.timedelta = CHECKOUT_TIMEOUT,
    ) -> None:
        self.store = store
        self.catalogue = catalogue
        self.rules = rules or PricingRules()
        self.clock = clock
        self.checkout_timeout = checkout_timeout
        self._variants: dict[str, tuple[Product, Variant]] = {
            variant.id: (product, variant)
            for product in catalogue.products.values()
            for variant in product.variants
        }
        self.seed_stock()

    # ---- stock --------------------------------------------------------------------------
    def seed_stock(self) -> int:
        """Give every catalogue variant a stock row the first time it is seen."""
        with self.store.transaction() as connection:
            known = set(connection.execute(select(stock.c.variant_id)).scalars())
            missing = [(p, v) for vid, (p, v) in self._variants.items() if vid not in known]
            if missing:
                connection.execute(
                    insert(stock),
                    [
                        {"variant_id": v.id, "product_id": p.id, "on_hand": v.stock, "reserved": 0}
                        for p, v in missing
                    ],
                )
                for _, variant in missing:
                    self._audit(
                        connection,
                        "system",
                        "stock.seeded",
                        variant.id,
                        {"variant_id": variant.id, "on_hand": variant.stock},
                    )
        return len(missing)

    def available(self, variant_id: str) -> int:
        """Units that can still be bought (on hand minus reserved)."""
        with self.store.engine.connect() as connection:
            row = connection.execute(
                select(stock.c.on_hand - stock.c.reserved).where(stock.c.variant_id == variant_id)
            ).scalar()
            connection.rollback()
        return int(row or 0)

    # ---- resolving what the shopper means --------------------------------------------------
    def resolve_variant(
        self, product_id: str, variant_id: str | None = None, options: dict[str, str] | None = None
    ) -> tuple[Product, Variant]:
        """The one variant meant; ambiguity is an error listing the choices, never a guess."""
        product = self.catalogue.products.get(product_id)
        if product is None:
            raise CartError(
                "unknown_product",
                f"there is no product {product_id!r}; "
                "search the catalogue and use a product id from the results",
            )
        if variant_id is not None:
            for variant in product.variants:
                if variant.id == variant_id:
                    return product, variant
            raise CartError(
                "unknown_variant",
                f"{product.title} has no variant {variant_id!r}",
                choices=self._choices(product.variants),
            )
        wanted = {name.lower(): str(value).lower() for name, value in (options or {}).items()}
        matching = [
            variant
            for variant in product.variants
            if all(variant.options.get(name, "").lower() == value for name, value in wanted.items())
        ]
        if len(matching) == 1:
            return product, matching[0]
        if not matching:
            raise CartError(
                "unknown_variant",
                f"{product.title} does not come in "
                f"{', '.join(f'{k} {v}' for k, v in wanted.items())}; pick one of "
                "the choices",
                choices=self._choices(product.variants),
            )
        raise CartError(
            "ambiguous_variant",
            f"{product.title} comes in {len(matching)} versions; say which one",
            choices=self._choices(matching),
        )

    @staticmethod
    def _choices(variants: Iterable[Variant]) -> list[dict[str, Any]]:
        return [
            {
                "variant_id": v.id,
                "options": v.options,
                "price_minor": v.price_minor,
                "in_stock": v.stock > 0,
            }
            for v in variants
        ]

    def _check_qty(self, qty: Any) -> int:
        if isinstance(qty, bool) or not isinstance(qty, int):
            raise CartError("invalid_quantity", f"quantity must be a whole number, not {qty!r}")
        if qty < 1:
            raise CartError(
                "invalid_quantity",
                f"quantity must be at least 1, not {qty}; use remove to take "
                "an item out of the cart",
            )
        if qty > self.rules.max_line_qty:
            raise CartError(
                "invalid_quantity",
                f"at most {self.rules.max_line_qty} of one item per order (asked for {qty})",
                limit=self.rules.max_line_qty,
            )
        return qty

    # ---- carts ------------------------------------------------------------------------------
    def _lock_cart(self, connection: Connection, shopper_id: str) -> dict[str, Any]:
        """The shopper's cart row, created on first use and locked for this transaction."""
        if not shopper_id or len(shopper_id) > 128:
            raise CartError("invalid_shopper", "a shopper id of 1 to 128 characters is needed")
        query = select(carts).where(carts.c.shopper_id == shopper_id).with_for_update()
        row = connection.execute(query).mappings().first()
        if row is None:
            self.store.insert_if_absent(
                connection,
                carts,
                ["shopper_id"],
                {
                    "id": _new_id("CART"),
                    "shopper_id": shopper_id,
                    "version": 0,
                    "currency": "USD",
                    "updated_at": self.clock(),
                },
            )
            row = connection.execute(query).mappings().one()
        return dict(row)

    def _bump(self, connection: Connection, cart: dict[str, Any]) -> int:
        version = cart["version"] + 1
        connection.execute(
            update(carts)
            .where(carts.c.id == cart["id"])
            .values(version=version, updated_at=self.clock())
        )
        cart["version"] = version
        return version

    def _line_rows(self, connection: Connection, cart_id: str) -> list[dict[str, Any]]:
        return [
            dict(row)
            for row in connection.execute(
                select(cart_lines)
                .where(cart_lines.c.cart_id == cart_id)
                .order_by(cart_lines.c.added_at, cart_lines.c.variant_id)
            ).mappings()
        ]

    def _set_line(
        self,
        connection: Connection,
        cart: dict[str, Any],
        actor: str,
        product: Product,
        variant: Variant,
        qty: int,
        origin: Origin | None,
        unit_price_minor: int | None = None,
    ) -> None:
        """Write one line's quantity (0 deletes it) and log the new state."""
        where = and_(cart_lines.c.cart_id == cart["id"], cart_lines.c.variant_id == variant.id)
        exists = connection.execute(select(cart_lines.c.qty).where(where)).scalar()
        if qty == 0:
            connection.execute(delete(cart_lines).where(where))
        elif exists is None:
            connection.execute(
                insert(cart_lines).values(
                    cart_id=cart["id"],
                    variant_id=variant.id,
                    product_id=product.id,
                    qty=qty,
                    unit_price_minor=variant.price_minor,
                    currency=variant.currency,
                    origin=(origin or Origin()).model_dump(),
                    added_at=self.clock(),
                )
            )
        else:
            values: dict[str, Any] = {"qty": qty}
            if unit_price_minor is not None:
                values["unit_price_minor"] = unit_price_minor
            connection.execute(update(cart_lines).where(where).values(**values))
        self._bump(connection, cart)
        self._audit(
            connection,
            actor,
            "cart.line_set",
            cart["id"],
            {
                "cart_id": cart["id"],
                "variant_id": variant.id,
                "qty": qty,
                "unit_price_minor": unit_price_minor
                if unit_price_minor is not None
                else variant.price_minor,
                "version": cart["version"],
                "origin": (origin.model_dump() if origin else None),
            },
        )

    def _view(self, connection: Connection, cart: dict[str, Any]) -> CartView:
        lines = [self._cart_line(row) for row in self._line_rows(connection, cart["id"])]
        return CartView(
            shopper_id=cart["shopper_id"],
            version=cart["version"],
            lines=lines,
            totals=compute_totals(
                ((line.qty, line.unit_price_minor) for line in lines), cart["currency"], self.rules
            ),
        )

    def _cart_line(self, row: dict[str, Any]) -> CartLine:
        product, variant = self._variants.get(row["variant_id"], (None, None))
        return CartLine(
            product_id=row["product_id"],
            variant_id=row["variant_id"],
            title=product.title if product else row["product_id"],
            options=variant.options if variant else {},
            qty=row["qty"],
            unit_price_minor=row["unit_price_minor"],
            currency=row["currency"],
            origin=Origin.model_validate(row["origin"]),
        )

    def get_cart(self, shopper_id: str) -> CartView:
        """The shopper's cart (empty if they never added anything)."""
        with self.store.transaction() as connection:
            return self._view(connection, self._lock_cart(connection, shopper_id))

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
        qty = self._check_qty(qty)
        product, variant = self.resolve_variant(product_id, variant_id, options)
        with self.store.transaction() as connection:
            cart = self._lock_cart(connection, shopper_id)
            current = (
                connection.execute(
                    select(cart_lines.c.qty).where(
                        and_(
                            cart_lines.c.cart_id == cart["id"],
                            cart_lines.c.variant_id == variant.id,
                        )
                    )
                ).scalar()
                or 0
            )
            new_qty = current + qty
            if new_qty > self.rules.max_line_qty:
                raise CartError(
                    "invalid_quantity",
                    f"at most {self.rules.max_line_qty} of one item per order; the "
                    f"cart already has {current}",
                    limit=self.rules.max_line_qty,
                )
            self._require_stock(connection, product, variant, new_qty)
            self._set_line(connection, cart, shopper_id, product, variant, new_qty, origin)
            return self._view(connection, cart)

    def _require_stock(
        self, connection: Connection, product: Product, variant: Variant, qty: int
    ) -> None:
        available = (
            connection.execute(
                select(stock.c.on_hand - stock.c.reserved).where(stock.c.variant_id == variant.id)
            ).scalar()
            or 0
        )
        if available < qty:
            what = f"{product.title} ({_format_options(variant)})"
            message = (
                f"out of stock: {what}"
                if available <= 0
                else f"out of stock: only {available} left of {what}"
            )
            raise CartError("out_of_stock", message, available=int(available))

    def set_quantity(
        self,
        shopper_id: str,
        product_id: str,
        qty: int,
        variant_id: str | None = None,
        options: dict[str, str] | None = None,
    ) -> CartView:
        """Set the quantity of a line already in the cart."""
        qty = self._check_qty(qty)
        with self.store.transaction() as connection:
            cart = self._lock_cart(connection, shopper_id)
            product, variant = self._line_variant(connection, cart, product_id, variant_id, options)
            self._require_stock(connection, product, variant, qty)
            self._set_line(connection, cart, shopper_id, product, variant, qty, None)
            return self._view(connection, cart)

    def remove_item(
        self,
        shopper_id: str,
        product_id: str,
        qty: int | None = None,
        variant_id: str | None = None,
        options: dict[str, str] | None = None,
    ) -> CartView:
        """Take `qty` units (or the whole line) of a product out of the cart."""
        if qty is not None:
            qty = self._check_qty(qty)
        with self.store.transaction() as connection:
            cart = self._lock_cart(connection, shopper_id)
            product, variant = self._line_variant(connection, cart, product_id, variant_id, options)
            current = connection.execute(
                select(cart_lines.c.qty).where(
                    and_(
                        cart_lines.c.cart_id == cart["id"],
                        cart_lines.c.variant_id == variant.id,
                    )
                )
            ).scalar()
            self._set_line(
                connection,
                cart,
                shopper_id,
                product,
                variant,
                0 if qty is None else max(0, current - qty),
                None,
            )
            return self._view(connection, cart)

    def _line_variant(
        self,
        connection: Connection,
        cart: dict[str, Any],
        product_id: str,
        variant_id: str | None,
        options: dict[str, str] | None,
    ) -> tuple[Product, Variant]:
        """The cart line meant: by variant, by options, or the product's only line in the cart."""
        in_cart = {
            row["variant_id"]
            for row in self._line_rows(connection, cart["id"])
            if row["product_id"] == product_id
        }
        if not in_cart:
            raise CartError(
                "not_in_cart",
                f"{product_id} is not in your cart; view the cart to see what is there",
            )
        if variant_id is None:
            # Only the versions in the cart count: "the blue one" means the blue one there.
            product = self.catalogue.product(product_id)
            wanted = {name.lower(): str(value).lower() for name, value in (options or {}).items()}
            candidates = [
                v
                for v in product.variants
                if v.id in in_cart
                and all(v.options.get(name, "").lower() == value for name, value in wanted.items())
            ]
            if len(candidates) != 1:
                raise CartError(
                    "ambiguous_variant" if candidates else "not_in_cart",
                    f"your cart has {len(in_cart)} versions of {product.title}; say which one",
                    choices=self._choices(v for v in product.variants if v.id in in_cart),
                )
            variant_id = candidates[0].id
        product, variant = self.resolve_variant(product_id, variant_id, None)
        if variant.id not in in_cart:
            raise CartError(
                "not_in_cart", f"{product.title} ({_format_options(variant)}) is not in your cart"
            )
        return product, variant

    # ---- checkout ---------------------------------------------------------------------------
    def _release(self, connection: Connection, checkout_id: str, actor: str) -> None:
        """Give a checkout's reserved units back to stock."""
        held = (
            connection.execute(
                select(reservations).where(reservations.c.checkout_id == checkout_id)
            )
            .mappings()
            .all()
        )
        for row in sorted(held, key=lambda r: r["variant_id"]):
            connection.execute(
                update(stock)
                .where(stock.c.variant_id == row["variant_id"])
                .values(reserved=stock.c.reserved - row["qty"])
            )
            self._audit(
                connection,
                actor,
                "stock.released",
                row["variant_id"],
                {"variant_id": row["variant_id"], "qty": row["qty"], "checkout_id": checkout_id},
            )
        connection.execute(delete(reservations).where(reservations.c.checkout_id == checkout_id))

    def _close_open_checkouts(self, connection: Connection, cart_id: str, actor: str) -> None:
        """A new summary replaces older ones: their reservations go back to stock."""
        open_ids = (
            connection.execute(
                select(checkouts.c.id)
                .where(
                    and_(
                        checkouts.c.cart_id == cart_id,
                        checkouts.c.status == "pending",
                    )
                )
                .with_for_update()
            )
            .scalars()
            .all()
        )
        for checkout_id in open_ids:
            self._release(connection, checkout_id, actor)
            connection.execute(
                update(checkouts).where(checkouts.c.id == checkout_id).values(status="replaced")
            )
            self._audit(
                connection, actor, "checkout.replaced", checkout_id, {"checkout_id": checkout_id}
            )

    def start_checkout(
        self,
        shopper_id: str,
        seen_version: int | None = None,
    ) -> CheckoutSummary:
        """Re-check prices and stock, reserve stock and return the summary to confirm."""
        self.expire_checkouts()
        with self.store.transaction() as connection:
            cart = self._lock_cart(connection, shopper_id)
            rows = self._line_rows(connection, cart["id"])
            if not rows:
                raise CartError("empty_cart", "your cart is empty; add something first")
            self._close_open_checkouts(connection, cart["id"], shopper_id)
            changes: list[str] = []
            if seen_version is not None and seen_version != cart["version"]:
                changes.append("your cart changed since you last looked at it")
            levels = {
                row["variant_id"]: row
                for row in connection.execute(
                    select(stock)
                    .where(stock.c.variant_id.in_([r["variant_id"] for r in rows]))
                    .order_by(stock.c.variant_id)
                    .with_for_update()
                ).mappings()
            }
            kept = 0
            for row in rows:
                product, variant = self._variants[row["variant_id"]]
                level = levels[row["variant_id"]]
                available = level["on_hand"] - level["reserved"]
                qty, price = row["qty"], row["unit_price_minor"]
                if variant.price_minor != price:
                    changes.append(
                        f"{product.title}: price changed from "
                        f"{format_minor(price, variant.currency)} to {variant.price}"
                    )
                    price = variant.price_minor
                if available < qty:
                    changes.append(
                        f"{product.title}: only {max(available, 0)} left, "
                        f"so the quantity went from {qty} to {max(available, 0)}"
                        if available > 0
                        else f"{product.title} is now out of stock and was taken out of your cart"
                    )
                    qty = max(available, 0)
                if (qty, price) != (row["qty"], row["unit_price_minor"]):
                    self._set_line(
                        connection,
                        cart,
                        shopper_id,
                        product,
                        variant,
                        qty,
                        None,
                        unit_price_minor=price,
                    )
                kept += qty > 0
            if not kept:
                raise CartError(
                    "out_of_stock", "everything in your cart is out of stock now", changes=changes
                )
            view = self._view(connection, cart)
            checkout_id = _new_id("CHK")
            now = self.clock()
            summary = CheckoutSummary(
                checkout_id=checkout_id,
                cart_version=cart["version"],
                lines=view.lines,
                totals=view.totals,
                changes=changes,
                expires_at=now + self.checkout_timeout,
            )
            connection.execute(
                insert(checkouts).values(
                    id=checkout_id,
                    cart_id=cart["id"],
                    shopper_id=shopper_id,
                    cart_version=cart["version"],
                    status="pending",
                    summary=summary.model_dump(mode="json"),
                    total_minor=view.totals.total_minor,
                    currency=view.totals.currency,
                    created_at=now,
                    expires_at=summary.expires_at,
                )
            )
            for line in view.lines:
                reserved = connection.execute(
                    update(stock)
                    .where(
                        and_(
                            stock.c.variant_id == line.variant_id,
                            stock.c.on_hand - stock.c.reserved >= line.qty,
                        )
                    )
                    .values(reserved=stock.c.reserved + line.qty)
                )
                if reserved.rowcount != 1:  # cannot happen under the locks; refuse, never oversell
                    raise CartError("out_of_stock", f"{line.title} just sold out; try again")
                connection.execute(
                    insert(reservations).values(
                        checkout_id=checkout_id, variant_id=line.variant_id, qty=line.qty
                    )
                )
                self._audit(
                    connection,
                    shopper_id,
                    "stock.reserved",
                    line.variant_id,
                    {"variant_id": line.variant_id, "qty": line.qty, "checkout_id": checkout_id},
                )
            self._audit(
                connection,
                shopper_id,
                "checkout.started",
                checkout_id,
                {
                    "checkout_id": checkout_id,
                    "cart_version": cart["version"],
                    "total_minor": view.totals.total_minor,
                },
            )
        crash_point("checkout.after_reserve")
        return summary

    def placed_order_id(self, checkout_id: str) -> str | None:
        """The order a checkout already made, if any."""
        with self.store.transaction() as connection:
            return connection.execute(
                select(checkouts.c.order_id).where(checkouts.c.id == checkout_id)
            ).scalar()

    def expire_checkouts(self) -> int:
        """Expire unconfirmed checkouts past their time and release their stock."""
        with self.store.transaction() as connection:
            stale = (
                connection.execute(
                    select(checkouts.c.id)
                    .where(
                        and_(
                            checkouts.c.status == "pending",
                            checkouts.c.expires_at < self.clock(),
                        )
                    )
                    .with_for_update()
                )
                .scalars()
                .all()
            )
            for checkout_id in stale:
                self._release(connection, checkout_id, "system")
                connection.execute(
                    update(checkouts).where(checkouts.c.id == checkout_id).values(status="expired")
                )
                self._audit(
                    connection,
                    "system",
                    "checkout.expired",
                    checkout_id,
                    {"checkout_id": checkout_id},
                )
        return len(stale)

    def confirm_checkout(self, checkout_id: str, confirmation: Confirmation) -> OrderView:
        """Place the order for a summary the shopper said yes to; twice gives the same order."""
        if not isinstance(confirmation, Confirmation):
            raise CartError(
                "confirmation_required",
                "an order needs the shopper's own confirmation of the summary",
            )
        self.expire_checkouts()
        with self.store.transaction() as connection:
            found = connection.execute(
                select(checkouts.c.cart_id, checkouts.c.shopper_id).where(
                    checkouts.c.id == checkout_id
                )
            ).first()
            if found is None or found.shopper_id != confirmation.shopper_id:
                raise CartError(
                    "not_found",
                    f"there is no checkout {checkout_id!r} for you; "
                    "start checkout to get a new summary",
                )
            # Lock order everywhere: cart, then checkout, then stock rows by id.
            connection.execute(
                select(carts.c.id).where(carts.c.id == found.cart_id).with_for_update()
            )
            checkout = (
                connection.execute(
                    select(checkouts).where(checkouts.c.id == checkout_id).with_for_update()
                )
                .mappings()
                .one()
            )
            if checkout["status"] == "confirmed":
                order_id = checkout["order_id"]
            else:
                order_id = self._place_order(connection, dict(checkout), confirmation)
        crash_point("checkout.before_reply")
        return self.order_status(confirmation.shopper_id, order_id)

    def _place_order(
        self, connection: Connection, checkout: dict[str, Any], confirmation: Confirmation
    ) -> str:
        status = checkout["status"]
        if status == "expired":
            raise CartError(
                "expired",
                "that checkout expired and its items were released; "
                "start checkout again for a fresh summary",
            )
        if status != "pending":
            raise CartError(
                "replaced",
                "that summary was replaced by a newer one; confirm the latest summary instead",
            )
        cart = (
            connection.execute(select(carts).where(carts.c.id == checkout["cart_id"]))
            .mappings()
            .one()
        )
        if cart["version"] != checkout["cart_version"]:
            raise CartError(
                "conflict",
                "your cart changed after this summary; start checkout again to see the new total",
                cart_version=cart["version"],
                summary_version=checkout["cart_version"],
            )
        summary = CheckoutSummary.model_validate(checkout["summary"])
        for line in summary.lines:
            product, variant = self._variants[line.variant_id]
            if variant.price_minor != line.unit_price_minor:
                raise CartError(
                    "price_changed",
                    f"the price of {product.title} changed from "
                    f"{format_minor(line.unit_price_minor, line.currency)} to "
                    f"{variant.price} after the summary; start checkout again",
                )
        order_id = _new_id("ORD")
        now = self.clock()
        shipping_days = max(
            self._variants[line.variant_id][0].shipping_days for line in summary.lines
        )
        totals = summary.totals
        connection.execute(
            insert(orders).values(
                id=order_id,
                shopper_id=checkout["shopper_id"],
                checkout_id=checkout["id"],
                status="placed",
                subtotal_minor=totals.subtotal_minor,
                shipping_minor=totals.shipping_minor,
                tax_minor=totals.tax_minor,
                total_minor=totals.total_minor,
                currency=totals.currency,
                confirmation=confirmation.model_dump(),
                placed_at=now,
                shipping_days=shipping_days,
            )
        )
        connection.execute(
            insert(order_lines),
            [
                {
                    "order_id": order_id,
                    "variant_id": line.variant_id,
                    "product_id": line.product_id,
                    "title": line.title,
                    "qty": line.qty,
                    "returned_qty": 0,
                    "unit_price_minor": line.unit_price_minor,
                    "return_window_days": self._variants[line.variant_id][0].return_window_days,
                    "origin": line.origin.model_dump(),
                }
                for line in summary.lines
            ],
        )
        crash_point("checkout.after_order_write")
        for line in sorted(summary.lines, key=lambda item: item.variant_id):
            connection.execute(
                update(stock)
                .where(stock.c.variant_id == line.variant_id)
                .values(on_hand=stock.c.on_hand - line.qty, reserved=stock.c.reserved - line.qty)
            )
            self._audit(
                connection,
                confirmation.shopper_id,
                "stock.sold",
                line.variant_id,
                {"variant_id": line.variant_id, "qty": line.qty, "order_id": order_id},
            )
        connection.execute(delete(reservations).where(reservations.c.checkout_id == checkout["id"]))
        connection.execute(
            update(checkouts)
            .where(checkouts.c.id == checkout["id"])
            .values(status="confirmed", order_id=order_id)
        )
        connection.execute(delete(cart_lines).where(cart_lines.c.cart_id == checkout["cart_id"]))
        self._bump(connection, dict(cart))
        connection.execute(
            insert(idempotency).values(
                key=f"confirm:{checkout['id']}", result={"order_id": order_id}, created_at=now
            )
        )
        self._audit(
            connection,
            confirmation.shopper_id,
            "cart.cleared",
            checkout["cart_id"],
            {"cart_id": checkout["cart_id"]},
        )
        self._audit(
            connection,
            confirmation.shopper_id,
            "order.placed",
            order_id,
            {
                "order_id": order_id,
                "checkout_id": checkout["id"],
                "total_minor": totals.total_minor,
                "source": confirmation.source,
            },
        )
        return order_id

    # ---- orders -----------------------------------------------------------------------------
    def _order_row(self, connection: Connection, shopper_id: str, order_id: str) -> dict[str, Any]:
        row = (
            connection.execute(select(orders).where(orders.c.id == order_id).with_for_update())
            .mappings()
            .first()
        )
        if row is None or row["shopper_id"] != shopper_id:
            raise CartError(
                "not_found",
                f"there is no order {order_id!r} for you; "
                "ask for your order history to see your orders",
            )
        return dict(row)

    def _order_view(self, connection: Connection, row: dict[str, Any]) -> OrderView:
        lines = [
            OrderLine(
                product_id=line["product_id"],
                variant_id=line["variant_id"],
                title=line["title"],
                qty=line["qty"],
                returned_qty=line["returned_qty"],
                unit_price_minor=line["unit_price_minor"],
                origin=Origin.model_validate(line["origin"]),
            )
            for line in connection.execute(
                select(order_lines)
                .where(order_lines.c.order_id == row["id"])
                .order_by(order_lines.c.variant_id)
            ).mappings()
        ]
        status = self._status(row)
        return OrderView(
            order_id=row["id"],
            shopper_id=row["shopper_id"],
            checkout_id=row["checkout_id"],
            status=status,
            lines=lines,
            totals=Totals(
                subtotal_minor=row["subtotal_minor"],
                shipping_minor=row["shipping_minor"],
                tax_minor=row["tax_minor"],
                total_minor=row["total_minor"],
                currency=row["currency"],
            ),
            placed_at=row["placed_at"],
            estimated_delivery=self._delivered_at(row).date(),
            tracking_number=None
            if status in ("processing", "cancelled")
            else f"TRK{row['id'][4:]}",
        )

    @staticmethod
    def _delivered_at(row: dict[str, Any]) -> dt.datetime:
        return row["placed_at"] + max(dt.timedelta(days=row["shipping_days"]), PROCESSING_WINDOW)

    def _status(
        self, row: dict[str, Any]
    ) -> Literal["processing", "shipped", "delivered", "cancelled"]:
        """Simulated fulfilment: ships after the processing window, arrives after shipping days."""
        if row["status"] == "cancelled":
            return "cancelled"
        now = self.clock()
        if now < row["placed_at"] + PROCESSING_WINDOW:
            return "processing"
        return "delivered" if now >= self._delivered_at(row) else "shipped"

    def order_status(self, shopper_id: str, order_id: str) -> OrderView:
        """One of the shopper's orders, with status and tracking."""
        with self.store.transaction() as connection:
            return self._order_view(connection, self._order_row(connection, shopper_id, order_id))

    def list_orders(self, shopper_id: str) -> list[OrderView]:
        """The shopper's order history, newest first."""
        with self.store.transaction() as connection:
            rows = connection.execute(
                select(orders)
                .where(orders.c.shopper_id == shopper_id)
                .order_by(orders.c.placed_at.desc(), orders.c.id)
            ).mappings()
            return [self._order_view(connection, dict(row)) for row in rows]

    def cancel_order(self, shopper_id: str, order_id: str) -> OrderView:
        """Cancel an order that has not shipped yet; its units go back to stock."""
        with self.store.transaction() as connection:
            row = self._order_row(connection, shopper_id, order_id)
            status = self._status(row)
            if status == "cancelled":
                return self._order_view(connection, row)
            if status != "processing":
                raise CartError(
                    "not_cancellable",
                    f"order {order_id} has {status}, so it can "
                    "no longer be cancelled; you can return it once delivered",
                )
            lines = connection.execute(
                select(order_lines)
                .where(order_lines.c.order_id == order_id)
                .order_by(order_lines.c.variant_id)
            ).mappings()
            for line in lines:
                self._restock(connection, shopper_id, line["variant_id"], line["qty"], order_id)
            connection.execute(
                update(orders)
                .where(orders.c.id == order_id)
                .values(status="cancelled", cancelled_at=self.clock())
            )
            self._audit(connection, shopper_id, "order.cancelled", order_id, {"order_id": order_id})
            row["status"] = "cancelled"
            return self._order_view(connection, row)

    def _restock(
        self, connection: Connection, actor: str, variant_id: str, qty: int, order_id: str
    ) -> None:
        connection.execute(
            update(stock)
            .where(stock.c.variant_id == variant_id)
            .values(on_hand=stock.c.on_hand + qty)
        )
        self._audit(
            connection,
            actor,
            "stock.restocked",
            variant_id,
            {"variant_id": variant_id, "qty": qty, "order_id": order_id},
        )

    def return_items(
        self, shopper_id: str, order_id: str, items: dict[str, int] | None = None
    ) -> ReturnReceipt:
        """Return delivered units within each product's return window; refunds their price."""
        with self.store.transaction() as connection:
            row = self._order_row(connection, shopper_id, order_id)
            status = self._status(row)
            if status != "delivered":
                hint = "cancel it instead" if status == "processing" else "wait until it arrives"
                raise CartError("not_returnable", f"order {order_id} is {status}; {hint}")
            lines = {
                line["variant_id"]: dict(line)
                for line in connection.execute(
                    select(order_lines).where(order_lines.c.order_id == order_id)
                ).mappings()
            }
            wanted = items or {
                vid: line["qty"] - line["returned_qty"]
                for vid, line in lines.items()
                if line["qty"] > line["returned_qty"]
            }
            if not wanted:
                raise CartError(
                    "not_returnable", f"everything in order {order_id} was already returned"
                )
            refund = 0
            delivered = self._delivered_at(row)
            for variant_id, qty in sorted(wanted.items()):
                line = lines.get(variant_id)
                if line is None:
                    raise CartError("not_in_order", f"{variant_id} is not in order {order_id}")
                if not isinstance(qty, int) or qty < 1 or qty > line["qty"] - line["returned_qty"]:
                    raise CartError(
                        "invalid_quantity",
                        f"you can return at most {line['qty'] - line['returned_qty']} "
                        f"of {line['title']}",
                    )
                deadline = delivered + dt.timedelta(days=line["return_window_days"])
                if self.clock() > deadline:
                    raise CartError(
                        "return_window_closed",
                        f"the return window for {line['title']} closed on "
                        f"{deadline.date().isoformat()}",
                    )
                connection.execute(
                    update(order_lines)
                    .where(
                        and_(
                            order_lines.c.order_id == order_id,
                            order_lines.c.variant_id == variant_id,
                        )
                    )
                    .values(returned_qty=order_lines.c.returned_qty + qty)
                )
                self._restock(connection, shopper_id, variant_id, qty, order_id)
                refund += qty * line["unit_price_minor"]
            return_id = _new_id("RET")
            connection.execute(
                insert(returns).values(
                    id=return_id,
                    order_id=order_id,
                    items=wanted,
                    refund_minor=refund,
                    created_at=self.clock(),
                )
            )
            self._audit(
                connection,
                shopper_id,
                "order.returned",
                order_id,
                {
                    "order_id": order_id,
                    "return_id": return_id,
                    "items": wanted,
                    "refund_minor": refund,
                },
            )
            return ReturnReceipt(
                return_id=return_id,
                order_id=order_id,
                items=wanted,
                refund_minor=refund,
                currency=row["currency"],
            )

    # ---- audit --------------------------------------------------------------------------------
    def _audit(
        self, connection: Connection, actor: str, action: str, entity: str, payload: dict[str, Any]
    ) -> None:
        self.store.audit(connection, actor, action, entity, payload, self.clock())

    def audit_entries(self) -> list[dict[str, Any]]:
        """The whole audit log, oldest first."""
        with self.store.transaction() as connection:
            return [
                dict(row)
                for row in connection.execute(
                    select(audit_log).order_by(audit_log.c.seq)
                ).mappings()
            ]

    def count_orders(self) -> int:
        """How many orders exist (for tests and reports)."""
        with self.store.transaction() as connection:
            return int(connection.execute(select(func.count()).select_from(orders)).scalar() or 0)


def replay_audit(
    entries: Iterable[dict[str, Any]],
) -> tuple[dict[str, dict[str, int]], dict[str, tuple[int, int]]]:
    """Rebuild cart lines {cart: {variant: qty}} and stock {variant: (on_hand, reserved)}
    from the audit log alone."""
    cart_state: dict[str, dict[str, int]] = {}
    stock_state: dict[str, list[int]] = {}
    for entry in entries:
        payload, action = entry["payload"], entry["action"]
        if action == "cart.line_set":
            lines = cart_state.setdefault(payload["cart_id"], {})
            if payload["qty"]:
                lines[payload["variant_id"]] = payload["qty"]
            else:
                lines.pop(payload["variant_id"], None)
        elif action == "cart.cleared":
            cart_state[payload["cart_id"]] = {}
        elif action == "stock.seeded":
            stock_state[payload["variant_id"]] = [payload["on_hand"], 0]
        elif action == "stock.reserved":
            stock_state[payload["variant_id"]][1] += payload["qty"]
        elif action == "stock.released":
            stock_state[payload["variant_id"]][1] -= payload["qty"]
        elif action == "stock.sold":
            stock_state[payload["variant_id"]][0] -= payload["qty"]
            stock_state[payload["variant_id"]][1] -= payload["qty"]
        elif action == "stock.restocked":
            stock_state[payload["variant_id"]][0] += payload["qty"]
    return (
        {cart: lines for cart, lines in cart_state.items() if lines},
        {variant: (levels[0], levels[1]) for variant, levels in stock_state.items()},
    )
