"""«ironpeak jump rope in pink?»: the list's «in stock» is of the product; when the version
asked for is sold out, that is said beside it, with the versions that are in stock."""

from __future__ import annotations

import re

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


# a phone no listing's versions name («for a oneplus 12», «my moto g»)
_OTHER_PHONE = re.compile(
    r"\b(?:oneplus|one plus|motorola|moto|xiaomi|redmi|huawei|oppo|nothing phone|xperia|"
    r"honor)(?:\s+[a-z]?\d{1,3}[a-z]?(?:\s+(?:pro|ultra|plus|lite))?)?\b",
    re.I,
)


def phone_not_offered(products: list[Product], text: str) -> str:
    """«fast wireless charger for a oneplus 12»: that no version of those listed is for that
    phone (they are sold by phone model), with the models they come in; '' otherwise."""
    said = _OTHER_PHONE.search(text)
    models = sorted(
        {v.options["model"] for p in products for v in p.variants if "model" in v.options}
    )
    if said is None or not models or any(said[0].lower() in m.lower() for m in models):
        return ""
    return (
        f"\nNone of these lists a version for the {said[0].strip()}; they come for "
        f"{', '.join(models)}. Ask the seller whether it works with yours."
    )
