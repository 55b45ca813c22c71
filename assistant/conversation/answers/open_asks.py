"""Asks that name no kind of product, only a budget or «cheap»: «anything under 20 bucks?»,
«what can I get for 10 dollars», «got anything cheap?». They are answered from the whole
catalogue (the best rated within the budget, or the cheapest), not by meaning, since
«something» is near nothing in particular."""

from __future__ import annotations

import re

from assistant.catalogue.models import Product
from assistant.conversation.answers.compose import Turn
from assistant.conversation.answers.wording import describe_filters, product_list
from assistant.conversation.state import DialogueState, remember_shown
from assistant.conversation.understanding.steps import Step
from assistant.search.retrieval import Retriever

SHOWN = 5
# the words of such an ask: framing, budget and money, nothing that names a thing
_NAMES_NOTHING = re.compile(
    r"\b(?:i|i'?d|i'?m|me|my|want|like|looking|need|to|buy|get|got|have|has|you|u|sell|show|"
    r"something|anything|stuff|things?|items?|products?|any|some|what|which|can|could|would|do|"
    r"is|are|there|for|of|a|an|the|under|below|less|than|over|above|around|about|max|maximum|"
    r"budget|within|only|just|cheap|cheapest|cheaper|affordable|inexpensive|bucks?|dollars?|usd|"
    r"quid|pounds?|euros?|spend|spending|please|pls|hi|hey|ok|okay|nice|good|cool|in|stock|"
    r"gift|present|ideas?|up|on|or|so|tops?)\b|\$?\d+(?:\.\d+)?",
    re.I,
)
_AMOUNT = re.compile(
    r"\$\s?(\d+(?:\.\d{2})?)|\b(\d+(?:\.\d{2})?)\s?(?:dollars?|bucks?|usd)\b", re.I
)
_CHEAP = re.compile(r"\b(cheap|cheapest|affordable|inexpensive|budget)\b", re.I)


def names_nothing(text: str) -> bool:
    """Whether a request's words name no kind, need or product at all."""
    return not re.sub(r"[\W_]+", "", _NAMES_NOTHING.sub(" ", text))


def open_budget(state: DialogueState, retriever: Retriever, step: Step) -> Turn | None:
    """The best rated products in stock within the budget said, or the cheapest for
    «cheap», now shown; None when the request names something or says no budget."""
    text, filters = step.text, step.slots.filters
    if filters.max_price_minor is None and (amount := _AMOUNT.search(text)):
        # «what can I get for 10 dollars»: that much to spend
        filters = filters.model_copy(
            update={"max_price_minor": round(float(amount[1] or amount[2]) * 100)}
        )
    priced = filters.max_price_minor is not None or filters.min_price_minor is not None
    if not names_nothing(text) or not (priced or _CHEAP.search(text)):
        return None
    within = filters.model_copy(update={"in_stock": True})
    hits = retriever.search("", filters=within, k=len(retriever.catalogue.products)).hits
    products: list[Product] = [hit.product for hit in hits]
    if not products:
        return None
    if priced:
        products.sort(key=lambda p: (-(p.rating or 0), -p.review_count, p.id))
        lead = f"Our best rated {describe_filters(within)}; tell me what it's for to narrow it:"
    else:
        products.sort(key=lambda p: (p.buyable_price_minor, p.id))
        lead = "Our cheapest in stock; tell me what it's for to narrow it:"
    chosen = products[:SHOWN]
    remember_shown(state, [p.id for p in chosen])
    bounds = [bound for bound in (within.max_price_minor, within.min_price_minor) if bound]
    return Turn(text=product_list(chosen, lead), products=[p.id for p in chosen], prices=bounds)
