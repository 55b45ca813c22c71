"""Facts a search says in its own words («fragrance free night creams», «vegan sunscreen»,
«dishwasher safe pans»): the products found that hold them come first, alone."""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.catalogue.models import Product
from assistant.search.countries import countries_said

_NEGATED = re.compile(
    r"\b(?:not|non|no|without)[ -]+(?:an?\s+|the\s+)?$", re.I
)  # «not a dark roast»
# «board games for 3+ players»: a count of players, not an age rating of 3+
_OF_PLAYERS = re.compile(r"^\s*(?:players?|people|persons?|of us)\b", re.I)


# a fact said in everyday words, as the catalogue words it
_PARAPHRASES = (
    # «NO fragrance», «without perfume», «unscented»: fragrance free
    (
        re.compile(
            r"\b(?:no|zero|without(?: any)?|free of|free from)\s+(?:added\s+)?"
            r"(?:fragrances?|perfumes?|scents?)\b|\bunscented\b|\bunperfumed\b"
            # «i cant do fragrance», «allergic to perfume», «scents give me headaches»
            r"|\b(?:can'?t|cannot|don'?t|do not)\s+(?:do|handle|stand|tolerate|take|like|use)\s+"
            r"(?:any\s+)?(?:fragrances?|perfumes?|scents?)\b"
            r"|\b(?:allergic|sensitive)\s+to\s+(?:any\s+)?(?:fragrances?|perfumes?|scents?)\b",
            re.I,
        ),
        "fragrance free",
    ),
    # «i can just throw in the dishwasher», «the basket can go in the dishwasher»
    (
        re.compile(
            r"\b(?:throw|put|go|goes|chuck|pop|stick|bung|toss|survive)\s+(?:it\s+|them\s+)?"
            r"(?:in|into|through)\s+(?:the\s+)?dishwasher\b"
            r"|\bdishwasher[- ]?(?:proof|friendly|ok)\b|\bdishwashable\b",
            re.I,
        ),
        "dishwasher safe",
    ),
)


def plain_facts(text: str) -> str:
    """The request with facts said in everyday words put as the catalogue words them."""
    for said, written in _PARAPHRASES:
        text = said.sub(written, text)
    return text


def _says(text: str, phrase: str) -> bool:
    """Whether the text says the phrase as words of its own, not negated («not vegan»)."""
    text = plain_facts(text)
    spaced = re.escape(phrase).replace(r"\ ", r"\s*")  # «65W» says «65 W»
    for found in re.finditer(rf"(?<![\w-]){spaced}(?![\w-])", text, re.I):
        if not _NEGATED.search(text[: found.start()]) and not _OF_PLAYERS.match(
            text[found.end() :]
        ):
            return True
    return False


# «allergic to latex, which mats should I stay away from?»: a fact said to be avoided
_AVOIDED = re.compile(r"\ballerg|\bavoid|\bstay away|\bsensitive to|\bhate\b|-free\b", re.I)
_CODE = re.compile(r"[a-z]+\d+|\d+\+", re.I)  # «IPX7», an age rating «12+»


def _telling(value: str) -> bool:
    """Whether a value said alone picks products out: «fragrance free», «IPX7»,
    «polycarbonate»; not «yes», «none» or a short word that names other things too."""
    one_word = " " not in value and value.lower() not in {"yes", "no", "none"}
    return len(value.split()) >= 2 or (
        one_word and (len(value) >= 6 or bool(_CODE.fullmatch(value)))
    )


# «waterproof speaker», «a speaker i can use in the shower»: any water rating will do
_WATER_SAID = re.compile(
    r"\bwater[- ]?(?:proof|resistant|resistance|tight)\b|\b(?:splash|shower|sweat)[- ]?proof\b"
    r"|\b(?:in|for|at|by|near|around) the (?:shower|bath|pool|beach|rain)\b",
    re.I,
)


def _water_resistant(product: Product) -> bool:
    """Whether the product lists a water rating other than none («water resistance: IPX4»)."""
    return any(
        "water" in name.lower() and value.strip().lower() not in {"none", "no", "n/a"}
        for name, value in product.attributes.items()
    )


def _said_with_its_name(text: str, name: str, value: str) -> bool:
    """Whether a short value is said beside a word of its fact's name («oily skin» of «skin
    type: oily», «light roast», «roast: dark»): alone, «light» or «dry» name other things."""
    # a count («1 player»: players.py reads counts) or a yes-fact names nothing alone
    if value.lower() in {"yes", "no", "none", "all"} or re.fullmatch(r"[\d\s+-]+", value):
        return False
    words = [word for word in name.lower().split() if word != "type"]
    said = "|".join(re.escape(word) for word in words)
    spaced = re.escape(value).replace(r"\ ", r"\s*")
    pattern = (
        rf"(?<![\w-]){spaced}\s+(?:{said})s?\b"
        rf"|\b(?:{said})(?:\s+type)?\s*:?\s*{spaced}(?![\w-])"
    )
    plain = plain_facts(text)
    return any(
        not _NEGATED.search(plain[: found.start()]) for found in re.finditer(pattern, plain, re.I)
    )


def holds_said_facts(product: Product, text: str) -> bool:
    """Whether one of the product's facts is said: a telling value («fragrance free»,
    «IPX7»), a yes-fact by its name («vegan», «organic»), or a water rating asked for."""
    return _said_facts_held(product, text) > 0


def _said_facts_held(product: Product, text: str) -> int:
    """How many of the facts a request says the product holds («fragrance free AND vegan»)."""
    if _AVOIDED.search(text):
        return 0
    held = sum(
        (_telling(value) and _says(text, value))
        or (value.lower() == "yes" and _says(text, name))
        or _said_with_its_name(text, name, value)
        for name, value in product.attributes.items()
    )
    origin = product.attributes.get("origin", "").lower()
    held += bool(origin and origin in countries_said(text))  # «japanese green tea»
    return held + bool(_WATER_SAID.search(text) and _water_resistant(product))


def attribute_values(products: Iterable[Product]) -> dict[str, set[str]]:
    """Each attribute's values across the products: what a request may say of one."""
    values: dict[str, set[str]] = {}
    for product in products:
        for name, value in product.attributes.items():
            values.setdefault(name, set()).add(value)
    return values


def says_another_value(product: Product, text: str, values: dict[str, set[str]]) -> bool:
    """Whether a request says a value another product has where this one has its own
    («fragrance free hydrating serum?» beside a lavender one): then it asks for others."""
    lowered = text.lower()
    return any(
        # (its first word in the text first: a cheap test before the pattern, at any size)
        value.split()[0].lower() in lowered and _telling(value) and _says(text, value)
        for name, own in product.attributes.items()
        for value in values.get(name, set()) - {own}
        if value.strip()
    )


def with_said_facts(products: list[Product], text: str) -> list[Product]:
    """Of the products found, those holding the most facts the request says, when some but
    not all do; all of them otherwise."""
    held = {product.id: _said_facts_held(product, text) for product in products}
    # «fragrance free AND vegan»: those with both; «fragrance free or vegan»: either
    most = 1 if re.search(r"\bor\b", text, re.I) else max(held.values(), default=0)
    kept = [product for product in products if most and held[product.id] >= most]
    # «memory foam pillow»: a title that says the fact holds it too, whatever the data's
    # attributes say of that product
    said = {
        value.lower()
        for product in kept
        for name, value in product.attributes.items()
        if (_telling(value) and _says(text, value)) or _said_with_its_name(text, name, value)
    }  # «slim fit chinos»: every title that says «slim» is slim
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
    if _WATER_SAID.search(text) and not _AVOIDED.search(text):
        rated = [
            f"{p.title} [{p.id}] {value}"
            for p in products
            for name, value in p.attributes.items()
            if "water" in name.lower() and _water_resistant(p)
        ]
        lines += [f"Water ratings listed: {'; '.join(rated)}."] if rated else []
    lines += _free_of_unlisted(products, text)
    return "".join(f"\n{line}" for line in lines[:2])


# «bpa free», «pfas-free», «latex free»: a claim a listing would have to make
_FREE_OF = re.compile(
    r"\b(?!(?:hands|stress|worry|care|hassle|tangle|duty|tax|fee|cost|toll|interest|risk|"
    r"scratch|sugar|fragrance|scent|for|fuss|pain|mess|clutter|wrinkle|maintenance|toll|"
    r"commission|shipping|delivery|postage|rent|spill|drip|leak|cruelty)\b)([a-z]{2,})[- ]free\b",
    re.I,
)


def _free_of_unlisted(products: list[Product], text: str) -> list[str]:
    """«insulated water bottle, bpa free»: that no listing says it, when none does."""
    lines = []
    for said in _FREE_OF.finditer(text):
        claim = re.compile(rf"\b{re.escape(said[1])}[- ]free\b", re.I)
        if products and not any(claim.search(_listing_text(p)) for p in products):
            word = said[1].upper() if len(said[1]) <= 4 else said[1].lower()
            lines.append(f"None of these listings says {word}-free, so I can't confirm it is.")
    return lines


def _listing_text(product: Product) -> str:
    """Everything a listing says in words: title, description and attributes."""
    facts = " ".join(f"{name} {value}" for name, value in product.attributes.items())
    return f"{product.title} {product.description} {facts}"
