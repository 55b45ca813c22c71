"""Stock levels: seeding from the catalogue, checking, reserving, releasing, selling, restocking.

Every change is audited, so the audit log alone replays to the stock table.
"""

from __future__ import annotations

from assistant.catalogue.models import Product, Variant
from assistant.commerce.context import CommerceContext
from assistant.commerce.errors import CommerceError
from assistant.commerce.repository import CommerceRepository


def seed_stock(context: CommerceContext) -> int:
    """Give every catalogue variant a stock row the first time it is seen."""
    with context.unit_of_work() as repo:
        # Workers start together on one database: one seeds, the others then find it done
        # (two would insert the same rows, and audit the seeding twice).
        context.store.one_at_a_time(repo.connection, "stock.seed")
        known = repo.stocked_variants()
        missing = [(p, v) for vid, (p, v) in context.variants.items() if vid not in known]
        if missing:
            repo.insert_stock(
                [
                    {"variant_id": v.id, "product_id": p.id, "on_hand": v.stock, "reserved": 0}
                    for p, v in missing
                ]
            )
            for _, variant in missing:
                context.audit(
                    repo,
                    "system",
                    "stock.seeded",
                    variant.id,
                    {"variant_id": variant.id, "on_hand": variant.stock},
                )
    return len(missing)


def require_stock(repo: CommerceRepository, product: Product, variant: Variant, qty: int) -> None:
    """Refuse when fewer than `qty` units are free."""
    available = repo.available(variant.id)
    if available < qty:
        raise CommerceError(
            "out_of_stock",
            product_id=product.id,
            title=product.title,
            options=variant.options,
            available=max(available, 0),
        )


def release(
    context: CommerceContext, repo: CommerceRepository, checkout_id: str, actor: str
) -> None:
    """Give a checkout's reserved units back to stock."""
    for row in repo.reservations(checkout_id):
        repo.unreserve(row["variant_id"], row["qty"])
        context.audit(
            repo,
            actor,
            "stock.released",
            row["variant_id"],
            {"variant_id": row["variant_id"], "qty": row["qty"], "checkout_id": checkout_id},
        )
    repo.delete_reservations(checkout_id)


def restock(
    context: CommerceContext,
    repo: CommerceRepository,
    actor: str,
    variant_id: str,
    qty: int,
    order_id: str,
) -> None:
    """Put units of an order back on hand."""
    repo.restock(variant_id, qty)
    context.audit(
        repo,
        actor,
        "stock.restocked",
        variant_id,
        {"variant_id": variant_id, "qty": qty, "order_id": order_id},
    )
