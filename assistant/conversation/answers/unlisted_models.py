"""A device model asked for that no version lists: «magsafe cases that fit an iphone 14?» of
cases sold for iPhone 15 and 16, «would it fit a 14 anyway?». The data does not say it fits,
so the answer says so and names the models it is sold for, instead of guessing."""

from __future__ import annotations

import re

from assistant.catalogue.models import Product

# an option value that names a model: a family word, then a number with letters around it
_MODEL = re.compile(r"(?P<family>[A-Za-z]{3,})\s+(?P<number>[A-Za-z]?\d{1,3}[A-Za-z]?)")
_FITS = re.compile(r"\b(?:fit|fits|work|works|compatible|go with|for)\b", re.I)


def _families(products: list[Product]) -> dict[str, list[str]]:
    """Model values of these products by their family word («iphone»: iPhone 15, iPhone 16)."""
    found: dict[str, list[str]] = {}
    for product in products:
        for variant in product.variants:
            for value in variant.options.values():
                if said := _MODEL.fullmatch(value.strip()):
                    values = found.setdefault(said["family"].lower(), [])
                    if value not in values:
                        values.append(value)
    return found


def _asked(text: str, family: str, values: list[str], bare: bool) -> str | None:
    """The model of a family the text asks for that is not among the values, as the values
    spell it («iphone 14» -> «iPhone 14»); a bare number («fit a 14») only when `bare`."""
    spelled = _MODEL.fullmatch(values[0])
    assert spelled is not None
    known = {re.sub(r"\s+", "", value.lower()) for value in values}
    pattern = rf"\b{family}\s*(?P<number>[a-z]?\d{{1,3}}[a-z]?)\b"
    if bare:  # «would it fit a 14 anyway?» beside a case sold for iPhone 15
        pattern += (
            r"|\b(?:a|an|my|the|with)\s+(?P<bare>\d{1,2})\b(?!\s*-?\s*(?:%|x\b|\w*s\b|"
            r"watts?|w|mah|v|volts?|mm|cm|in|inch\w*|gb|tb|years?|yrs?|months?|days?|hours?|"
            r"minutes?|ml|l|oz|lbs?|kg|g|pack|pcs|pieces?|people|person)\b)"
        )
    for said in re.finditer(pattern, text, re.I):
        number = said["number"] or said["bare"]
        if family + number.lower() not in known:
            return f"{spelled['family']} {number.upper()}"
    return None


def unlisted_model(products: list[Product], text: str) -> tuple[str, list[str]] | None:
    """The model the text asks for that none of these products lists, with the models of
    its family they are listed for; None when it asks for none or a listed one."""
    families = _families(products)
    for family, values in families.items():
        # «would the iphone 15 one fit a 14?»: a bare number only of one product, of the
        # family said (or its only one)
        said = len(families) == 1 or re.search(rf"\b{family}\b", text, re.I) is not None
        bare = len(products) == 1 and said and bool(_FITS.search(text))
        if asked := _asked(text, family, values, bare):
            return asked, values
    return None


def unlisted_note(products: list[Product], text: str) -> str:
    """A search's note that no product shown is listed for the model asked for."""
    found = unlisted_model(products, text)
    if found is None:
        return ""
    asked, values = found
    if len(products) == 1:
        return (
            f"\nNote: it is not listed for the {asked}; it comes for {' and '.join(values)}, "
            f"and the product data doesn't say whether it fits the {asked}."
        )
    return (
        f"\nNote: none of these is listed for the {asked}; they come for "
        f"{' and '.join(values)}, and the product data doesn't say whether they fit the {asked}."
    )


def unlisted_answer(product: Product, text: str) -> str | None:
    """«would it fit a 14?» of one product: the data doesn't say, and what it is sold for."""
    found = unlisted_model([product], text)
    if found is None:
        return None
    asked, values = found
    # (of its family only: «iPhone 15 and iPhone 16», beside a Galaxy and a Pixel it also fits)
    return (
        f"{product.title} [{product.id}] is not listed for the {asked}: of those models it comes "
        f"for {' and '.join(values)}, and the product data doesn't list the {asked}, so I can't "
        "confirm it fits that model."
    )
