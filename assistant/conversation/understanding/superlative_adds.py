"""«add the cheapest yoga mat», «I'll take the best rated headlamp»: a buy of the product a
catalogue figure names, planned as the shopper would say it in two turns: which one is the
cheapest (or best rated), then «add it»."""

from __future__ import annotations

import re

from assistant.catalogue.models import Catalogue, Product
from assistant.conversation.answers.facts import FIGURE_WORDS, superlative_kind
from assistant.conversation.state import DialogueState
from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.slots import extract_slots
from assistant.conversation.understanding.version_words import an_end_of_its_sizes
from assistant.search.filters import FilterVocabulary
from assistant.search.kinds import ProductKinds, kind_words_of

# a buying verb before the figure: «add the cheapest …», «I'll take your best rated …»
_BUYS_THE_FIGURE = re.compile(
    r"\b(?:add|put|pop|throw in|grab|get me|buy|order|(?:i'?ll|i will|let me|lemme|gonna|"
    r"i'?d like to|i want to|i wanna)\s+(?:take|get|have|grab|buy|order|go with|go for))\b"
    r"[^.?!]{0,24}?\b(?:the|your|ur|a|one of the)\s+(?:\d+\s+)?(?:cheapest|lowest[- ]priced|"
    r"least expensive|most expensive|priciest|best[- ]rated|top[- ]rated|highest[- ]rated|"
    r"best[- ]reviewed)\b",
    re.I,
)


def superlative_adds(
    requests: list[Request],
    state: DialogueState,
    catalogue: Catalogue,
    kinds: ProductKinds | None,
    vocabulary: FilterVocabulary,
) -> list[Request]:
    """The requests, each buy of «the cheapest X» split into the figure and «add it»."""
    planned: list[Request] = []
    for request in requests:
        planned.extend(_split(request, state, catalogue, kinds, vocabulary) or [request])
    return planned


def _split(
    request: Request,
    state: DialogueState,
    catalogue: Catalogue,
    kinds: ProductKinds | None,
    vocabulary: FilterVocabulary,
) -> list[Request] | None:
    text = request.text
    figure = superlative_kind(text)
    if kinds is None or figure not in FIGURE_WORDS or not _BUYS_THE_FIGURE.search(text):
        return None
    kind = kinds.named_kind(text)  # of the clause that names one: «go back to the poles - …»
    if kind is None:
        return None  # «add the cheapest one»: over what is shown, as before
    if an_end_of_its_sizes(kind, catalogue.products.get(state.focus or ""), text):
        return None  # «add the smallest bag» of the coffee in view: its smallest size
    shown = [p for p in map(catalogue.products.get, state.shown) if p]
    if any(kind in kind_words_of(p) for p in shown):
        return None  # the kind is in view: «the cheapest» picks over the list shown
    qualifier = kinds.named_qualifier(text)
    slots = extract_slots(text, vocabulary)
    options = " ".join(slots.options.values())
    kept = f" in {options}" if options else ""
    asked = f"which is the {FIGURE_WORDS[figure]} {qualifier or ''} {kind}{kept}?"
    count = f" {slots.quantity} of" if slots.quantity and slots.quantity > 1 else ""
    # «add the cheapest wooden puzzle»: in its cheapest version too, when none is said
    cheapest = ", the cheapest version" if figure == "cheapest" and not kept else ""
    return [
        Request(re.sub(r"\s+", " ", asked), "catalogue_question", request.confidence),
        Request(f"add{count} it{kept}{cheapest}", "add", request.confidence, implied=True),
    ]


# «the cheapest in pink, king», «and the most expensive one in pink queen»: a figure over the
# list in view with the version wanted, and no question: a pick
_FIGURE_WITH_ITS_VERSION = re.compile(
    r"^\W*(?:(?:and|ok|okay|then|so|fine|right|cool)\W+)*(?:the\s+)?(?:cheapest|cheaper|"
    r"priciest|pricier|most expensive|least expensive|best[- ]rated|top[- ]rated|"
    r"highest[- ]rated|better[- ]rated)(?!\s+ones\b)(?:\s+one)?(?:\s+of\s+(?:those|them|these))?"
    r"\s*,?\s+"
    r"(?:in\s+)?[^?]{1,40}$",
    re.I,
)
_ASKED_AS = {"catalogue_question", "product_question", "search", "refine"}
# «cheaper one, a couple», «the cheapest, 3 please»: a figure over the list and a count
_FIGURE_WITH_A_COUNT = re.compile(
    r"^\W*(?:(?:and|ok|okay|then|so|fine|right|cool)\W+)*(?:the\s+)?(?:cheapest|cheaper|"
    r"priciest|pricier|most expensive|least expensive|best[- ]rated|top[- ]rated|"
    r"highest[- ]rated|better[- ]rated)(?:\s+one)?\s*,?\s*(?:x\s*)?[2-9]\s*(?:of (?:them|those)|"
    r"pairs?|sets?|packs?|bags?|please|pls)?\W*$",
    re.I,
)


def picked_by_figure(intent: str, kind: str | None, text: str, product: Product | None) -> str:
    """An add when a figure over the list in view comes with a version of the product it
    picks («the cheapest in pink, king»); the intent as it was otherwise."""
    if (
        intent in _ASKED_AS
        and kind == "superlative"
        and product is not None
        and (
            (_FIGURE_WITH_ITS_VERSION.match(text) and product.options_named_in(text))
            or _FIGURE_WITH_A_COUNT.match(text)
        )
    ):
        return "add"
    return intent
