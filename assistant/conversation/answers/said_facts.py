"""Facts a search says in its own words («fragrance free night creams», «vegan sunscreen»,
«dishwasher safe pans»): the products found that hold them come first, alone."""

from __future__ import annotations

import re

from assistant.catalogue.models import Product

_NEGATED = re.compile(r"\b(?:not|non|no|without)[ -]+$", re.I)


def _says(text: str, phrase: str) -> bool:
    """Whether the text says the phrase as words of its own, not negated («not vegan»)."""
    spaced = re.escape(phrase).replace(r"\ ", r"\s*")  # «65W» says «65 W»
    for found in re.finditer(rf"(?<![\w-]){spaced}(?![\w-])", text, re.I):
        if not _NEGATED.search(text[: found.start()]):
            return True
    return False


# «allergic to latex, which mats should I stay away from?»: a fact said to be avoided
_AVOIDED = re.compile(r"\ballerg|\bavoid|\bstay away|\bsensitive to|\bhate\b|-free\b", re.I)
_CODE = re.compile(r"[a-z]+\d+", re.I)  # «IPX7»


def _telling(value: str) -> bool:
    """Whether a value said alone picks products out: «fragrance free», «IPX7»,
    «polycarbonate»; not «yes», «none» or a short word that names other things too."""
    one_word = " " not in value and value.lower() not in {"yes", "no", "none"}
    return len(value.split()) >= 2 or (
        one_word and (len(value) >= 6 or bool(_CODE.fullmatch(value)))
    )


def holds_said_facts(product: Product, text: str) -> bool:
    """Whether one of the product's facts is said: a telling value («fragrance free»,
    «IPX7»), or a yes-fact by its name («vegan», «organic»)."""
    if _AVOIDED.search(text):
        return False
    return any(
        (_telling(value) and _says(text, value)) or (value.lower() == "yes" and _says(text, name))
        for name, value in product.attributes.items()
    )


def with_said_facts(products: list[Product], text: str) -> list[Product]:
    """Of the products found, those holding a fact the request says, when some but not all
    do; all of them otherwise."""
    kept = [product for product in products if holds_said_facts(product, text)]
    # «memory foam pillow»: a title that says the fact holds it too, whatever the data's
    # attributes say of that product
    said = {
        value.lower()
        for product in kept
        for value in product.attributes.values()
        if _telling(value) and _says(text, value)
    }
    kept = [p for p in products if p in kept or any(v in p.title.lower() for v in said)]
    return kept if kept and len(kept) < len(products) else products


def said_fact_note(products: list[Product], text: str) -> str:
    """A line naming the products listed whose one-word fact the request says, when some
    but not all hold it («allergic to latex. which of your yoga mats should I stay away
    from?» → «material latex: PulseFit Plus X Yoga Mat [P0169].»), or ""."""
    lines = []
    for name, value in sorted({(n, v) for p in products for n, v in p.attributes.items()}):
        if (
            len(value) < 4
            or " " in value
            or value.lower() in {"yes", "no"}
            or not _says(text, value)
        ):
            continue
        holders = [p for p in products if p.attributes.get(name) == value]
        if holders and len(holders) < len(products):
            named = ", ".join(f"{p.title} [{p.id}]" for p in holders)
            lines.append(f"{name} {value}: {named}.")
    return "".join(f"\n{line}" for line in lines[:2])
