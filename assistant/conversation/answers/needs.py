"""Needs said around products: what a person someone shops for is into («my dad who camps a
lot», «she's into running»: the interest, not the person, finds the gift), a brand that only
sounds like the need, and «something similar» to the product in focus."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from assistant.catalogue.models import Product
from assistant.conversation.understanding.planner import Step
from assistant.search.filters import SearchFilters
from assistant.search.kind_words import FORM_WORDS
from assistant.search.kinds import ProductKinds, singular_words
from assistant.search.retrieval import ProductHit, Retriever

RECOMMEND_RELEVANT = 0.40  # from this, a product is about the need
RECOMMEND_AGREED = 0.27  # from this, when the closest three are of one category


def about_the_need(hits: list[ProductHit]) -> bool:
    """Whether the closest products are really about a need: close in meaning, or all three
    nearest of one category (blackout curtains for "the streetlight keeps me awake")."""
    best = hits[0].similarity or 0.0
    agreed = len(hits) >= 3 and len({hit.product.category for hit in hits[:3]}) == 1
    return best >= RECOMMEND_RELEVANT or (best >= RECOMMEND_AGREED and agreed)


GIFT = re.compile(
    r"\b(gifts?|presents?|stocking filler|secret santa|birthday)\b|\bfor (my|a|her|his|our) "
    r"(mum|mom|mother|dad|father|wife|husband|partner|boyfriend|girlfriend|sister|brother|"
    r"nan|gran|grandma|grandad|grandpa|aunt|uncle|niece|nephew|friend|son|daughter|kid|teacher)",
    re.I,
)
# A child to buy for: toys are ideas for them, not for «a gift for my dad»
CHILD = re.compile(
    r"\b(kids?|child|children|toddlers?|bab(?:y|ies)|son|daughter|nephew|niece|grandson|"
    r"granddaughter|boy|girl|(?:[1-9]|1[0-5]) ?(?:yo|years? old|year-old))\b",
    re.I,
)
_NOT_AN_INTEREST = frozenset(
    "under about around budget dollars bucks pounds euros something".split()
)


def tells_more_than_the_person(need: str) -> bool:
    """Whether a gift request says something of the person beyond who they are («my mum who
    likes gardening», «he drinks 5 coffees a day»), not only «a gift for my dad»."""
    rest = FOR_SOMEONE.sub(" ", GIFT.sub(" ", need))
    return any(w not in _NOT_AN_INTEREST for w in re.findall(r"[a-z]{5,}", rest.lower()))


# A need told through a person ("what should i get my dad") names no kind of product.
FOR_SOMEONE = re.compile(
    r"\b(dad|father|mum|mom|mother|sister|brother|friend|wife|husband|partner|girlfriend|"
    r"boyfriend|son|daughter|kids?|child|grand\w*|nan|gran|colleague|co-?worker|boss|teacher|"
    r"nephew|niece|baby|toddler|teen\w*|him|her|them|someone|somebody|\d+ ?(yo|year))\b",
    re.I,
)
# "need a bike helmet for ...", "recommend a good laptop": a thing named, not a need told
NAMED_THING = re.compile(
    r"\b(?:need|want|looking for|after|recommend|suggest)\s+(?:me\s+)?(?:a|an|some)\s+"
    r"((?:good |decent |nice |cheap |new )?[a-z]+(?: [a-z]+)?)",
    re.I,
)
PERSON_IDEAS = (
    "Here are some well-rated ideas from different aisles; tell me what they're into and "
    "I'll narrow it down:"
)

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
# the words that tell an interest, not what it is: «she likes», «is really into»
_LIKING = re.compile(
    r"^(?:loves?|likes?|enjoys?|into|obsessed with|mad about|crazy about)\s+(?:doing\s+)?", re.I
)


def told_interest(text: str) -> str | None:
    """What the person a gift is for is into («my mum, she likes gardening»: gardening)."""
    match = INTEREST.search(text)
    if match is None:
        return None
    first = match[1].split()[0].lower()
    if first in ACTIVITY:  # «who camps a lot»: camping
        return ACTIVITY[first]
    return _LIKING.sub("", match[1]).strip() or None


AGREED = 0.2  # the closest three in one aisle from this similarity: the interest has an aisle
SHOW = 5


def interest_hits(retriever: Retriever, text: str, filters: SearchFilters) -> list[ProductHit]:
    """The products closest to what the person is into, in the aisle at least two of the
    closest three share (camping gear for «who camps a lot», trekking poles and headlamps
    for «who likes hiking» beside a walking sneaker); none otherwise."""
    match = INTEREST.search(text)
    if match is None:
        return []
    interest = " ".join(ACTIVITY.get(word.lower(), word) for word in match[1].split())
    # the aisle is what the interest is about, whatever the budget: «who likes camping,
    # around 60 bucks» is camping gear though only two pieces cost about that
    aisle = SearchFilters(in_stock=filters.in_stock)
    found = retriever.search(interest, filters=aisle, k=SHOW * 2, mode="dense", parse=False)
    hits = [hit for hit in found.hits if not brand_coincidence(hit.product, interest)]
    aisles = Counter(hit.product.category for hit in hits[:3]).most_common(1)
    if len(hits) < 3 or aisles[0][1] < 2 or (hits[0].similarity or 0.0) < AGREED:
        return []
    found = retriever.search(interest, filters=filters, k=SHOW * 2, mode="dense", parse=False)
    return [hit for hit in found.hits if hit.product.category == aisles[0][0]][:SHOW]


def brand_coincidence(product: Product, need: str) -> bool:
    """Whether a product is near a need only through its brand's name ("Kyoto Garden" tea
    for a mum who likes gardening): a need word shares its stem with the brand, not with
    what the product is."""
    stems = {word[:5] for word in re.findall(r"[a-z]{4,}", need.lower())}
    brand = {word[:5] for word in re.findall(r"[a-z]{4,}", product.brand.lower())}
    rest = product.title.lower().replace(product.brand.lower(), " ")
    what = {word[:5] for word in re.findall(r"[a-z]{4,}", rest)}
    return bool(stems & brand) and not stems & what


# «something similar», «a similar set», «alternatives to it», «anything like that»


_FOR_WHOM = re.compile(r"\bfor (?:an? |my |the )?[a-z]+(?: [a-z]+)?(?= then\b|\W*$)", re.I)


def like_the_focus(step: Step, focus: Product, kinds: ProductKinds) -> Step:
    """A search for «something similar»: the focus's kind, in its aisle, with the
    request's own filters, unless the words name a kind of their own."""
    if kinds.named_kind(step.text) not in {None, *FORM_WORDS}:  # "a similar set"
        return step
    kind = kinds.named_kind(focus.title) or focus.category
    filters = step.slots.filters.model_copy(update={"category": focus.category})
    # «what else is there for kids then?»: the kind, with who or what it is for
    wanted = f"{kind} {said.group(0)}" if (said := _FOR_WHOM.search(step.text)) else kind
    slots = dataclasses.replace(step.slots, filters=filters, query_text=wanted)
    return step.model_copy(update={"text": wanted, "slots": slots})


NEED_DEPTH = 15  # how many products a need's own search looks through for its kind


def narrowed(
    kinds: ProductKinds,
    retriever: Retriever,
    hits: list[ProductHit],
    said: str,
    filters: SearchFilters,
) -> list[ProductHit]:
    """The hits of the kind a need names ("something to chill out, like a nice candle"),
    searched for when its meaning found none ("drinks way too much coffee, i want to get
    her a nice green tea instead"); else of the one aisle the closest three share."""
    if kind := kinds.named_kind(said):
        of_kind = [hit for hit in hits if kind in singular_words(hit.product.title)]
        if len(of_kind) < SHOW:  # «a blender in the morning»: every blender, not one
            held = {hit.product.id for hit in of_kind}
            # of the aisles already found: not car mounts beside remote control cars, nor
            # Leaf & Kettle coffees beside kettles
            aisles = {hit.product.category for hit in of_kind}
            found = retriever.search(said, filters=filters, k=NEED_DEPTH, parse=False)
            of_kind += [
                h
                for h in found.hits
                if kind in singular_words(h.product.title)
                and h.product.id not in held
                and (not aisles or h.product.category in aisles)
            ]
        return of_kind or hits
    if len({hit.product.category for hit in hits[:3]}) == 1:  # the need has one aisle
        return [hit for hit in hits if hit.product.category == hits[0].product.category]
    return hits
