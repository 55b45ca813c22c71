"""What a person someone shops for is into: «my dad who camps a lot», «she's into
running», «a 10 year old who loves drawing». The interest, not the person, finds the gift."""

from __future__ import annotations

import re

from assistant.catalogue.models import Product
from assistant.search.filters import SearchFilters
from assistant.search.retrieval import ProductHit, Retriever

INTEREST = re.compile(
    r"(?:\b(?:who|that|she|he|they)\s+|(?:'s|\bis|\bare)\s+)"
    r"(?:(?:really|also|super|very|totally)\s+)?"
    r"((?:loves?|likes?|enjoys?|into|obsessed with|mad about|crazy about|camps|runs|hikes|"
    r"cooks|bakes|cycles|swims|travels|reads|paints|draws)\b(?:\s+[\w'-]+){0,3})",
    re.I,
)
# what the model knows by its activity's name: «who camps a lot» is camping
ACTIVITY = {
    "camps": "camping",
    "runs": "running",
    "hikes": "hiking",
    "cooks": "cooking",
    "bakes": "baking",
    "cycles": "cycling",
    "swims": "swimming",
    "travels": "travel",
    "reads": "reading",
    "paints": "painting",
    "draws": "drawing",
}
AGREED = 0.2  # the closest three in one aisle from this similarity: the interest has an aisle
SHOW = 5


def interest_hits(retriever: Retriever, text: str, filters: SearchFilters) -> list[ProductHit]:
    """The products closest to what the person is into, when the closest three share one
    aisle (camping gear for «who camps a lot»); none otherwise."""
    match = INTEREST.search(text)
    if match is None:
        return []
    interest = " ".join(ACTIVITY.get(word.lower(), word) for word in match[1].split())
    found = retriever.search(interest, filters=filters, k=SHOW, mode="dense", parse=False)
    hits = [hit for hit in found.hits if not brand_coincidence(hit.product, interest)]
    aisles = {hit.product.category for hit in hits[:3]}
    if len(hits) < 3 or len(aisles) != 1 or (hits[0].similarity or 0.0) < AGREED:
        return []
    return [hit for hit in hits if hit.product.category in aisles]


def brand_coincidence(product: Product, need: str) -> bool:
    """Whether a product is near a need only through its brand's name ("Kyoto Garden" tea
    for a mum who likes gardening): a need word shares its stem with the brand, not with
    what the product is."""
    stems = {word[:5] for word in re.findall(r"[a-z]{4,}", need.lower())}
    brand = {word[:5] for word in re.findall(r"[a-z]{4,}", product.brand.lower())}
    rest = product.title.lower().replace(product.brand.lower(), " ")
    what = {word[:5] for word in re.findall(r"[a-z]{4,}", rest)}
    return bool(stems & brand) and not stems & what
