"""A request that only names a kind of product («card game» after a list of headlamps, «I'd
like to buy a gift card» with nothing in view, «and throw in a jump rope» beside yoga mats):
a search, whatever else it sounds like."""

from __future__ import annotations

import re

from assistant.catalogue.models import Catalogue, Product
from assistant.conversation.state import DialogueState
from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.buying import CART_CHANGING
from assistant.conversation.understanding.corrections import ASKS
from assistant.conversation.understanding.references import GOES_WITH, References
from assistant.conversation.understanding.slots import Slots
from assistant.conversation.understanding.trades import sentences
from assistant.conversation.understanding.version_words import PACKAGING, an_end_of_its_sizes
from assistant.search.kinds import ProductKinds, kind_words_of

# «… for the beach bag», «… for my gym bag»: where a thing will go, not the thing
# «5 of the cheaper one for party bags»: a purpose too
_WHAT_FOR = re.compile(
    r"\bfor\s+(?:(?:the|my|his|her|our|their|a|an)\s+)?[\w' -]{1,30}?\s*[.!]*$", re.I
)
# «2 bags», «one more bag», «another tin»: so many of it (not «a tote bag», «a duffel bag»)
_BAGS_COUNTED = re.compile(
    r"\b(?:\d+|one|two|three|four|five|more|another|extra)\s+(?:more\s+)?"
    r"(?:bags?|tins?|jars?|pouch(?:es)?|packs?|box(?:es)?|tubs?)\b",
    re.I,
)
_WEIGHT = re.compile(r"^\d+(?:\.\d+)?\s*(?:g|kg|oz|lb)$", re.I)


def _sold_by_weight(product: Product) -> bool:
    """Whether a product's sizes are weights («250 g», «1 kg»)."""
    return any(_WEIGHT.match(value) for value in product.option_values("size"))


# «…buy a gift card»; not «add it», nor «the trailhawk classic in a size 7» (a version)
_A_THING = re.compile(r"(?<!\bin )\b(?:a|an|some)\s+(?!size\b)\w+", re.I)


def names_a_kind_only(
    kinds: ProductKinds | None,
    catalogue: Catalogue,
    intent: str,
    references: References,
    request: Request,
    state: DialogueState,
    slots: Slots,
) -> bool:
    """Whether a request only names a kind, so is a search: an add with nothing in view or
    with a budget, or naming a kind none of the products in view is; a short request that
    names a kind and asks nothing."""
    text = request.text
    if opens_with_a_kind(kinds, intent, text):
        return True  # «merino sweater for my son, he has eczema, is wool gonna be itchy»
    # «…, the cheapest»; «add the jump rope in blue» beside a mat that comes in blue
    loose = intent == "add" and references.kind in {"superlative", "option"}
    if kinds is None or state.pending_action or (references.ids and not loose):
        return False
    if intent == "add":
        pool = [p for p in map(catalogue.products.get, [state.focus, *state.shown]) if p]
        said = sentences(text)[-1] if pool else text  # «mixed bag then. I'll try the 30ml»
        said = _WHAT_FOR.sub(" ", said)  # «add another one, one for the beach bag»: a purpose
        kind = kinds.named_kind(said)
        if kind in PACKAGING and _BAGS_COUNTED.search(said) and any(map(_sold_by_weight, pool)):
            return False  # «add the cheaper one, couple of bags» of matcha: bags of it
        # «ok, add the 1 kg bag»: a version of the coffee in view (no bag comes in 1 kg); not
        # «add the jump rope in blue» beside a blue mat, when jump ropes come in blue too
        versioned = [p for p in pool if p.options_named_in(said)]
        if an_end_of_its_sizes(kind, catalogue.products.get(state.focus or ""), said):
            return False  # «fine, add the smallest bag» of the coffee in view
        if versioned and (
            kind is None
            or any(kind in kind_words_of(p) for p in versioned)
            or not any(
                kind in kind_words_of(q) and q.options_named_in(said)
                for q in catalogue.products.values()
            )
        ):
            return False
        lacking = not pool and _A_THING.search(said) and kinds.missing(said)  # «a gift card»
        named = kind or lacking
        budget = slots.filters.max_price_minor is not None  # «then a backpack…, under $60»
        # «also need decaf to go with it» beside a coffee maker: another thing, said so
        other = bool(GOES_WITH.search(text))
        return bool(named) and (budget or other or not any(named in kind_words_of(p) for p in pool))
    if intent in CART_CHANGING and GOES_WITH.search(text) and kinds.named_kind(text):
        return True  # «also need decaf to go with it» heard as a change of the one in view
    if intent in {"search", "recommend", "order_status"} | CART_CHANGING:
        return False  # «wheres my suitcase at» once ordered: the order
    if (ASKS.search(text) or len(text.split()) > 4) and intent != "help":
        return False  # «want to get into matcha, where do I start?» shows matcha
    return kinds.named_kind(text) is not None


# a message that opens by naming what it wants («merino sweater for my son, he has eczema,
# is wool gonna be itchy»): the words before its first comma, up to a few words then a kind
_OPENING = re.compile(r"^[^,.;!?]{1,60}")
MAX_OPENING_WORDS = 8
KIND_WITHIN = 12  # characters: «merino sweater…», not «tell me a joke about socks»


def opens_with_a_kind(kinds: ProductKinds | None, intent: str, text: str) -> bool:
    """Whether a request heard as beyond the shop opens by naming a kind it sells: a search
    for it (the health words after it are no reason to refuse the sweater)."""
    if kinds is None or intent != "out_of_scope":
        return False
    opening = _OPENING.match(text.strip())
    if opening is None or len(opening.group(0).split()) > MAX_OPENING_WORDS:
        return False
    kind = kinds.named_kind(opening.group(0))
    return kind is not None and opening.group(0).lower().find(kind.lower()) < KIND_WITHIN
