"""What a `#cart` reply's other words pick: which of the post's tagged products
(«#cart the resistance bands» under a flat lay of three) and how many («#cart 2», «#cart x3»)."""

from __future__ import annotations

import re

from assistant.catalogue.models import Catalogue, Product
from assistant.search.parsing import DIGIT_WORDS

_WORD = re.compile(r"[\w&'-]+")
# «#cart 2», «#cart x2», «#cart 2x», «#cart two»; not «#cart 100ml», «#cart 500 g», «#cart 10.5»
_COUNT = re.compile(
    r"(?<![\w.])(?:x\s?)?(\d{1,2})(?:\s?x)?(?![\w.]|\s?(?:ml|g|kg|l|cm|mm|oz|in|inch|%|\"))"
    r"|\b(" + "|".join(DIGIT_WORDS) + r")\b",
    re.I,
)


def _words(text: str) -> set[str]:
    return {word.lower().removesuffix("s") for word in _WORD.findall(text)}


def tagged_product(catalogue: Catalogue, tagged: list[str], said: str) -> Product:
    """The tagged product whose own title words the reply says most; the post's first
    when it names none of them, or two equally."""
    products = [catalogue.products[pid] for pid in dict.fromkeys(tagged)]
    asked = _words(said)
    scores = []
    for product in products:
        others = set().union(*(_words(p.title) for p in products if p is not product))
        scores.append(len(asked & (_words(product.title) - others)))
    best = max(scores, default=0)
    if best == 0 or scores.count(best) > 1:
        return products[0]
    return products[scores.index(best)]


def count_asked(product: Product, said: str) -> int:
    """How many units the reply asks for: 1 unless it says a count that is no size of the
    product («#cart 9» of a shoe in size 9 is that size)."""
    named = " ".join(product.options_named_in(said).values()).lower()
    for found in _COUNT.finditer(said):
        digits, word = found.groups()
        if digits and digits in _WORD.findall(named):
            continue  # a size or another option value, not a count
        return int(digits) if digits else DIGIT_WORDS[word.lower()]
    return 1
