"""Carts: one per shopper, versioned, with lines that remember where they came from."""

from __future__ import annotations

from typing import Any

from assistant.catalogue.models import Catalogue, Product, Variant
from assistant.commerce.context import CommerceContext, new_id
from assistant.commerce.errors import CommerceError
from assistant.commerce.models import CartLine, CartView, Origin
from assistant.commerce.pricing import compute_totals
from assistant.commerce.repository import CommerceRepository, Row
from assistant.commerce.stock import require_stock
from assistant.commerce.variants import (
    check_qty,
    choices,
    matching,
    matching_shade,
    resolve_variant,
)


class Carts:
    """Adding, changing and removing cart lines."""

    def __init__(self, context: CommerceContext) -> None:
        self.context = context

    # ---- rows to views ----------------------------------------------------------------------
    def lock(self, repo: CommerceRepository, shopper_id: str) -> Row:
        """The shopper's cart row, created on first use and locked for this transaction."""
        _check_shopper(shopper_id)
        row = repo.lock_cart(shopper_id)
        if row is None:
            repo.create_cart(new_id("CART"), shopper_id, self.context.clock())
            row = repo.lock_cart(shopper_id)
            assert row is not None
        return row

    def bump(self, repo: CommerceRepository, cart: Row) -> int:
        """A new version for a changed cart."""
        cart["version"] += 1
        repo.set_cart_version(cart["id"], cart["version"], self.context.clock())
        return cart["version"]

    def line(self, row: Row) -> CartLine:
        """A cart line row as a typed line with its product's title and options."""
        product, variant = self.context.variants.get(row["variant_id"], (None, None))
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

    def view(self, repo: CommerceRepository, cart: Row) -> CartView:
        """The cart with its lines and totals."""
        lines = [self.line(row) for row in repo.lines(cart["id"])]
        totals = compute_totals(
            ((line.qty, line.unit_price_minor) for line in lines),
            cart["currency"],
            self.context.rules,
        )
        return CartView(
            shopper_id=cart["shopper_id"], version=cart["version"], lines=lines, totals=totals
        )

    def set_line(
        self,
        repo: CommerceRepository,
        cart: Row,
        actor: str,
        product: Product,
        variant: Variant,
        qty: int,
        origin: Origin | None,
        unit_price_minor: int | None = None,
    ) -> None:
        """Write one line's quantity (0 deletes it) and log the new state."""
        exists = repo.line_qty(cart["id"], variant.id)
        if qty == 0:
            repo.delete_line(cart["id"], variant.id)
        elif exists is None:
            repo.insert_line(
                {
                    "cart_id": cart["id"],
                    "variant_id": variant.id,
                    "product_id": product.id,
                    "qty": qty,
                    "unit_price_minor": variant.price_minor,
                    "currency": variant.currency,
                    "origin": (origin or Origin()).model_dump(),
                    "added_at": self.context.clock(),
                }
            )
        else:
            values: dict[str, Any] = {"qty": qty}
            if unit_price_minor is not None:
                values["unit_price_minor"] = unit_price_minor
            repo.update_line(cart["id"], variant.id, values)
        self.bump(repo, cart)
        self.context.audit(
            repo,
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
                "origin": origin.model_dump() if origin else None,
            },
        )

    # ---- operations ---------------------------------------------------------------------------
    def get_cart(self, shopper_id: str) -> CartView:
        """The shopper's cart (empty if they never added anything); a read: no cart row is
        made for a look."""
        with self.context.reading() as repo:
            return self.read(repo, shopper_id)

    def read(self, repo: CommerceRepository, shopper_id: str) -> CartView:
        """The shopper's cart inside the caller's transaction (empty if none yet)."""
        _check_shopper(shopper_id)
        cart = repo.find_cart(shopper_id)
        if cart is None:
            cart = {"shopper_id": shopper_id, "version": 0, "currency": "USD", "id": ""}
        return self.view(repo, cart)

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
        qty = check_qty(qty, self.context.rules)
        product, variant = resolve_variant(self.context.catalogue, product_id, variant_id, options)
        with self.context.unit_of_work() as repo:
            cart = self.lock(repo, shopper_id)
            current = repo.line_qty(cart["id"], variant.id) or 0
            limit = self.context.rules.max_line_qty
            if current + qty > limit:
                raise CommerceError(
                    "invalid_quantity",
                    reason="too_many",
                    qty=current + qty,
                    limit=limit,
                    in_cart=current,
                )
            require_stock(repo, product, variant, current + qty)
            self.set_line(repo, cart, shopper_id, product, variant, current + qty, origin)
            return self.view(repo, cart)

    def set_quantity(
        self,
        shopper_id: str,
        product_id: str,
        qty: int,
        variant_id: str | None = None,
        options: dict[str, str] | None = None,
    ) -> CartView:
        """Set the quantity of a line already in the cart."""
        qty = check_qty(qty, self.context.rules)
        with self.context.unit_of_work() as repo:
            cart = self.lock(repo, shopper_id)
            product, variant = self._line_variant(repo, cart, product_id, variant_id, options)
            require_stock(repo, product, variant, qty)
            self.set_line(repo, cart, shopper_id, product, variant, qty, None)
            return self.view(repo, cart)

    def change_variant(
        self,
        shopper_id: str,
        product_id: str,
        options: dict[str, str],
        variant_id: str | None = None,
        replacing: dict[str, str] | None = None,
    ) -> CartView:
        """Swap a line to another variant of the same product, keeping quantity and origin;
        `replacing` names the line's own options when the product has several lines."""
        with self.context.unit_of_work() as repo:
            cart = self.lock(repo, shopper_id)
            rows = [row for row in repo.lines(cart["id"]) if row["product_id"] == product_id]
            if not rows:
                raise _not_in_cart(self.context.catalogue, product_id)
            product = self.context.catalogue.products[product_id]
            every_line = {row["variant_id"]: row for row in rows}
            if replacing:
                # «swap the small green for the large green»: the line those options name
                named = {variant.id for variant in matching(product.variants, replacing)}
                rows = [row for row in rows if row["variant_id"] in named]
                if not rows:  # a version the cart does not hold: say which ones it does
                    raise CommerceError(
                        "not_in_cart",
                        product_id=product_id,
                        title=product.title,
                        in_cart=True,
                        options=replacing,
                        choices=choices(v for v in product.variants if v.id in every_line),
                    )
            current = {row["variant_id"]: row for row in rows}
            kept = {
                name: value
                for variant in product.variants
                if variant.id in current
                for name, value in variant.options.items()
                if name not in {key.lower() for key in options}
            }
            wanted = {**kept, **options} if len(current) == 1 else options
            _, target = resolve_variant(
                self.context.catalogue, product_id, variant_id, wanted if not variant_id else None
            )
            if target.id in current:
                return self.view(repo, cart)
            if len(current) != 1:
                raise CommerceError(
                    "ambiguous_variant",
                    product_id=product_id,
                    title=product.title,
                    count=len(current),
                    in_cart=True,
                    choices=choices(v for v in product.variants if v.id in current),
                )
            old_id, row = next(iter(current.items()))
            old = self.context.variants[old_id][1]
            # the version wanted may be a line already: the units join it, within the limit
            there = every_line.get(target.id)
            qty = check_qty(row["qty"] + (there["qty"] if there else 0), self.context.rules)
            require_stock(repo, product, target, qty)
            origin = Origin.model_validate((there or row)["origin"])
            self.set_line(repo, cart, shopper_id, product, old, 0, None)
            self.set_line(repo, cart, shopper_id, product, target, qty, origin)
            return self.view(repo, cart)

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
            qty = check_qty(qty, self.context.rules)
        with self.context.unit_of_work() as repo:
            cart = self.lock(repo, shopper_id)
            product, variant = self._line_variant(repo, cart, product_id, variant_id, options)
            current = repo.line_qty(cart["id"], variant.id) or 0
            remaining = 0 if qty is None else max(0, current - qty)
            self.set_line(repo, cart, shopper_id, product, variant, remaining, None)
            return self.view(repo, cart)

    def merge(self, repo: CommerceRepository, from_shopper: str, to_shopper: str) -> Row:
        """Move every line of one cart into another (a guest's cart at sign-in): as many units
        as stock and the line limit allow; the source cart ends empty. Returns the source."""
        # Locked in name order, so two merges never wait on each other.
        carts = {
            shopper: self.lock(repo, shopper) for shopper in sorted({from_shopper, to_shopper})
        }
        source, target = carts[from_shopper], carts[to_shopper]
        limit = self.context.rules.max_line_qty
        for row in repo.lines(source["id"]):
            product, variant = self.context.variants.get(row["variant_id"], (None, None))
            if product is None or variant is None:
                continue
            current = repo.line_qty(target["id"], variant.id) or 0
            wanted = min(current + row["qty"], limit, max(current, repo.available(variant.id)))
            if wanted > current:
                origin = Origin.model_validate(row["origin"])
                self.set_line(repo, target, to_shopper, product, variant, wanted, origin)
            self.set_line(repo, source, from_shopper, product, variant, 0, None)
        return source

    def _line_variant(
        self,
        repo: CommerceRepository,
        cart: Row,
        product_id: str,
        variant_id: str | None,
        options: dict[str, str] | None,
    ) -> tuple[Product, Variant]:
        """The cart line meant: by variant, by options, or the product's only line in the cart."""
        in_cart = {
            row["variant_id"] for row in repo.lines(cart["id"]) if row["product_id"] == product_id
        }
        if not in_cart:
            raise _not_in_cart(self.context.catalogue, product_id)
        if variant_id is None:
            # Only the versions in the cart count: "the blue one" means the blue one there.
            product = self.context.catalogue.product(product_id)
            held = [v for v in product.variants if v.id in in_cart]
            candidates = matching(held, options) or matching_shade(held, options)
            if len(candidates) != 1:
                raise CommerceError(
                    "ambiguous_variant" if candidates else "not_in_cart",
                    product_id=product_id,
                    title=product.title,
                    count=len(in_cart),
                    in_cart=True,
                    options=options or {},
                    choices=choices(v for v in product.variants if v.id in in_cart),
                )
            variant_id = candidates[0].id
        product, variant = resolve_variant(self.context.catalogue, product_id, variant_id)
        if variant.id not in in_cart:
            raise CommerceError(
                "not_in_cart", product_id=product_id, title=product.title, options=variant.options
            )
        return product, variant


def _not_in_cart(catalogue: Catalogue, product_id: str) -> CommerceError:
    """The error for a product with no line in the cart, named by its title when known."""
    product = catalogue.products.get(product_id)
    named = {"title": product.title} if product else {}
    return CommerceError("not_in_cart", product_id=product_id, **named)


def _check_shopper(shopper_id: str) -> None:
    """A shopper id the store can hold, else a clear error."""
    if not shopper_id or len(shopper_id) > 128:
        raise CommerceError("invalid_shopper", shopper_id=shopper_id[:40])
