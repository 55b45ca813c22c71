"""Which variant a shopper means, and whether a quantity is acceptable: never a guess."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from assistant.catalogue.models import Catalogue, Product, Variant
from assistant.commerce.errors import CommerceError
from assistant.commerce.models import VariantChoice
from assistant.commerce.pricing import PricingRules


def choices(variants: Iterable[Variant]) -> list[dict[str, Any]]:
    """Variants as choices the shopper can pick from (data for the refusal)."""
    return [
        VariantChoice(
            variant_id=v.id,
            options=v.options,
            price_minor=v.price_minor,
            currency=v.currency,
            in_stock=v.stock > 0,
        ).model_dump()
        for v in variants
    ]


def matching(variants: Iterable[Variant], options: dict[str, str] | None) -> list[Variant]:
    """Variants whose options include every named one (case-insensitive)."""
    wanted = {name.lower(): str(value).lower() for name, value in (options or {}).items()}
    return [
        variant
        for variant in variants
        if all(variant.options.get(name, "").lower() == value for name, value in wanted.items())
    ]


# a colour said loosely, and the shades it may mean: «the blue one» of a navy line in the cart
_SHADES = {
    "blue": {"navy", "royal blue", "sky blue", "light blue", "dark blue", "teal"},
    "red": {"burgundy", "maroon", "wine", "crimson"},
    "grey": {"charcoal", "slate", "silver"},
    "gray": {"charcoal", "slate", "silver", "grey"},
    "green": {"olive", "sage", "forest green", "mint"},
    "pink": {"rose", "blush", "rose gold"},
    "white": {"cream", "ivory", "off-white"},
    "purple": {"lilac", "lavender", "violet"},
    "brown": {"tan", "chocolate", "camel"},
}


def matching_shade(variants: Iterable[Variant], options: dict[str, str] | None) -> list[Variant]:
    """The variants meant when a colour is said loosely («blue» of navy) and none matches
    as said: those in one of the colour's shades, the other options as said."""
    said = {name.lower(): str(value).lower() for name, value in (options or {}).items()}
    shades = _SHADES.get(said.get("colour", ""), set())
    rest = {name: value for name, value in said.items() if name != "colour"}
    return [
        variant
        for variant in matching(variants, rest)
        if variant.options.get("colour", "").lower() in shades
    ]


def resolve_variant(
    catalogue: Catalogue,
    product_id: str,
    variant_id: str | None = None,
    options: dict[str, str] | None = None,
) -> tuple[Product, Variant]:
    """The one variant meant; ambiguity is an error listing the choices."""
    product = catalogue.products.get(product_id)
    if product is None:
        raise CommerceError("unknown_product", product_id=product_id)
    if variant_id is not None:
        for variant in product.variants:
            if variant.id == variant_id:
                return product, variant
        raise CommerceError(
            "unknown_variant",
            product_id=product.id,
            title=product.title,
            variant_id=variant_id,
            choices=choices(product.variants),
        )
    found = matching(product.variants, options)
    if len(found) == 1:
        return product, found[0]
    if not found:
        wanted = {name.lower(): str(value).lower() for name, value in (options or {}).items()}
        # «navy L» of chinos in navy XS-M: the L is what it does not come in, not the navy
        missing = {
            name: value
            for name, value in wanted.items()
            if not matching(product.variants, {name: value})
        }
        raise CommerceError(
            "unknown_variant",
            product_id=product.id,
            title=product.title,
            options=missing or wanted,
            # the choices in what it does come in of those said («navy L»: the navy ones)
            choices=choices(
                matching(product.variants, {k: v for k, v in wanted.items() if k not in missing})
                if missing and len(missing) < len(wanted)
                else product.variants
            ),
        )
    raise CommerceError(
        "ambiguous_variant",
        product_id=product.id,
        title=product.title,
        count=len(found),
        choices=choices(found),
    )


def check_qty(qty: Any, rules: PricingRules) -> int:
    """A whole number of units between 1 and the per-line limit."""
    if isinstance(qty, bool) or not isinstance(qty, int):
        raise CommerceError("invalid_quantity", reason="not_whole", qty=repr(qty))
    if qty < 1:
        raise CommerceError("invalid_quantity", reason="too_few", qty=qty)
    if qty > rules.max_line_qty:
        raise CommerceError(
            "invalid_quantity", reason="too_many", qty=qty, limit=rules.max_line_qty
        )
    return qty
