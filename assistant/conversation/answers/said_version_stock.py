"""«ironpeak jump rope in pink?»: the list's «in stock» is of the product; when the version
asked for is sold out, that is said beside it, with the versions that are in stock."""

from __future__ import annotations

from assistant.catalogue.models import Product


def sold_out_in_said(products: list[Product], said: dict[str, str]) -> str:
    """A note for each listed product sold out in every version that has the values said
    (of the option names it sells), naming what is in stock instead; '' when none is."""
    notes = []
    for product in products[:5]:
        offered = product.options_by_name()
        wanted = {
            name: value.lower()
            for name, value in said.items()
            if value.lower() in {choice.lower() for choice in offered.get(name, [])}
        }
        if not wanted:
            continue
        matching = [
            variant
            for variant in product.variants
            if all(variant.options.get(name, "").lower() == value for name, value in wanted.items())
        ]
        if not matching or any(variant.stock > 0 for variant in matching):
            continue
        asked = ", ".join(wanted.values())
        name = next(iter(wanted))
        others = sorted(
            {v.options[name] for v in product.variants if v.stock > 0 and name in v.options}
        )
        instead = f" (in stock: {', '.join(others)})" if others else ""
        notes.append(f"{product.title} [{product.id}] is out of stock in {asked}{instead}.")
    return "\n" + "\n".join(notes) if notes else ""
