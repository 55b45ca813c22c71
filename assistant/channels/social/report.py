"""Attribution: sales and commission per creator, from the origin recorded on order lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from assistant.channels.social.content import SocialContent
from assistant.money import format_minor


class CreatorSales(BaseModel):
    """One creator's attributed sales."""

    creator: str
    kind: str
    orders: int
    units: int
    sales_minor: int
    commission_rate: float
    commission_minor: int


@dataclass
class _Tally:
    orders: set[str] = field(default_factory=set)
    units: int = 0
    sales: int = 0


def creator_sales(lines: list[dict[str, Any]], content: SocialContent) -> list[CreatorSales]:
    """Net sales (less returns) that each creator's posts led to, from the attributed order
    lines of orders that were not cancelled (`CommerceService.attributed_order_lines`)."""
    rows = lines
    tallies: dict[str, _Tally] = {}
    for row in rows:
        creator = (row["origin"] or {}).get("creator")
        if creator:
            tally = tallies.setdefault(creator, _Tally())
            units = row["qty"] - row["returned_qty"]
            tally.orders.add(row["order_id"])
            tally.units += units
            tally.sales += units * row["unit_price_minor"]
    report = []
    for handle, tally in sorted(tallies.items(), key=lambda item: -item[1].sales):
        creator = content.creator(handle)
        rate = creator.commission_rate if creator else 0.0
        report.append(
            CreatorSales(
                creator=handle,
                kind=creator.kind if creator else "unknown",
                orders=len(tally.orders),
                units=tally.units,
                sales_minor=tally.sales,
                commission_rate=rate,
                commission_minor=round(tally.sales * rate),
            )
        )
    return report


def report_table(rows: list[CreatorSales]) -> str:
    """The report as a Markdown table."""
    lines = [
        "| creator | kind | orders | units | sales | rate | commission |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    lines += [
        f"| @{r.creator} | {r.kind} | {r.orders} | {r.units} | "
        f"{format_minor(r.sales_minor)} | {round(r.commission_rate * 100)}% | "
        f"{format_minor(r.commission_minor)} |"
        for r in rows
    ]
    if not rows:
        lines.append("| (no attributed sales yet) | | | | | | |")
    return "\n".join(lines)
