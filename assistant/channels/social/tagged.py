"""What a `#cart` reply's other words pick: which of the post's tagged products
(«#cart the resistance bands» under a flat lay of three) and how many («#cart 2», «#cart x3»)."""

from __future__ import annotations

import re

from assistant.catalogue.models import Catalogue, Product
from assistant.money import format_minor
from assistant.search.parsing import DIGIT_WORDS

_WORD = re.compile(r"[\w&'-]+")
# Words that name no product whatever titles hold («#cart one in size 9»: no «… One …» model)
_FILLER = frozenset(
    "the a an one ones in for my of and with please pls thanks size colour color just only "
    "x it this that".split()
)
# «#cart 2», «#cart x2», «#cart 2x navy», «#cart two»: a count comes first; not «#cart 10/10»,
# «#cart 100ml», «#cart 500 g», «#cart 10.5»
_COUNT = re.compile(
    r"^\W*(?:x\s?)?(?:(\d{1,2})(?:\s?x)?(?![\w./]|\s?(?:ml|g|kg|l|cm|mm|oz|in|inch|%|\"))"
    r"|(" + "|".join(DIGIT_WORDS) + r")\b(?!\s+(?:in|of|for)\b))",
    re.I,
)


def _words(text: str) -> set[str]:
    return {word.lower().removesuffix("s") for word in _WORD.findall(text)} - _FILLER


def _option_words(product: Product) -> set[str]:
    return {
        word
        for variant in product.variants
        for value in variant.options.values()
        for word in _words(value)
    }


def _named(products: list[Product], said: str) -> Product | None:
    """The product whose own title words `said` holds most; None when it names none of
    them, or two equally (versions and filler words name none)."""
    versions = set().union(*(_option_words(product) for product in products))
    asked = _words(said) - versions
    scores = []
    for product in products:
        others = set().union(*(_words(p.title) for p in products if p is not product))
        scores.append(len(asked & (_words(product.title) - others)))
    best = max(scores, default=0)
    if best == 0 or scores.count(best) > 1:
        return None
    return products[scores.index(best)]


def named_tagged(catalogue: Catalogue, tagged: list[str], said: str) -> Product | None:
    """The one tagged product a comment names («how long does the battery last on the
    speaker?» under a speaker and headphones), if it names one."""
    return _named([catalogue.products[pid] for pid in dict.fromkeys(tagged)], said)


def tagged_product(catalogue: Catalogue, tagged: list[str], said: str) -> Product:
    """The tagged product whose own title words the reply says most; the post's first
    when it names none of them, or two equally."""
    products = [catalogue.products[pid] for pid in dict.fromkeys(tagged)]
    return _named(products, said) or products[0]


# where a reply naming several products parts them: «the spot gel 30ml and the serum 30ml»
_APART = re.compile(r"\s*(?:,|;|\+|\band\b|\bplus\b)\s*", re.I)


def tagged_picks(catalogue: Catalogue, tagged: list[str], said: str) -> list[tuple[Product, str]]:
    """Each tagged product the reply names, with the words said of it («#cart the spot
    gel 30ml and the serum 30ml»: both, each in 30 ml); one pick when it names one or none."""
    products = [catalogue.products[pid] for pid in dict.fromkeys(tagged)]
    picks: list[tuple[Product, str]] = []
    before = ""  # words before the first name («#cart 2, the serum»)
    for part in _APART.split(said):
        named = _named(products, part)
        same = next((i for i, (product, _) in enumerate(picks) if product is named), None)
        if named is None or same is not None:  # «…, 30ml»: more about the one before
            if picks:
                index = len(picks) - 1 if same is None else same
                picks[index] = (picks[index][0], f"{picks[index][1]} {part}")
            else:
                before = f"{before} {part}"
            continue
        picks.append((named, f"{before} {part}".strip()))
        before = ""
    if len(picks) < 2:
        return [(tagged_product(catalogue, tagged, said), said)]
    return picks


def count_asked(product: Product, said: str) -> int:
    """How many units the reply asks for: a count said first, unless it is one of the
    product's option values («#cart 9 red» of a shoe in size 9 is that size); else 1."""
    found = _COUNT.search(said)
    if found is None:
        return 1
    digits, word = found.groups()
    if digits and digits in _WORD.findall(" ".join(product.options_named_in(said).values())):
        return 1
    return int(digits) if digits else DIGIT_WORDS[word.lower()]


def names_a_tagged(catalogue: Catalogue, tagged: list[str], said: str) -> bool:
    """Whether a reply names one of the post's products anywhere («#cart the kettle and 2 of
    the earbuds»), so it needs no «which one?»."""
    products = [catalogue.products[pid] for pid in dict.fromkeys(tagged)]
    return any(_named(products, part) for part in [said, *_APART.split(said)])


def which_tagged_question(products: list[Product]) -> str:
    """The DM that asks which of a post's products a bare #cart wants."""
    listed = "; ".join(
        f"{position}. {p.title} [{p.id}] {format_minor(p.min_price_minor, p.currency)}"
        for position, p in enumerate(products, start=1)
    )
    return (
        f"This post shows {len(products)} products: {listed}. Which one would you like in your "
        "basket? Reply with its name or number (and its size or colour, if it has them)."
    )
