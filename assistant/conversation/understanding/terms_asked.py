"""Which terms a question asks for: a product's own delivery or returns, the shop's rule, or
the state of the shopper's own order ("when do I get my refund?", "where is it")."""

from __future__ import annotations

import re

from assistant.conversation.state import DialogueState
from assistant.conversation.understanding.follow_ups import ASKS
from assistant.conversation.understanding.references import References
from assistant.conversation.understanding.shop_words import (
    ABOUT_ITS_TERMS,
    ABROAD,
    IF_I_WANTED,
    ORDER_EDIT,
    SHOP_MONEY,
    SHOP_SERVICE,
    SHOP_WIDE,
)

_ASKED_ABOUT_IT = {"product_question", "review_question", "smalltalk", "help"}
_WHERE_IS_IT = re.compile(
    r"^\W*(?:(?:so|and|ok|okay|hey|hi|um+)\W+)*(?:where(?:'s| is| are) (?:it|they|that|my stuff|"
    r"my parcel|my package)|(?:has|have) (?:it|they) (?:shipped|arrived|been sent|left)|"
    r"is it (?:on (?:its|the) way|shipped|here yet))(?: (?:yet|now|already))?\W*$",
    re.I,
)


# «wheres my suitcase at», «where are my headphones??»: something of the shopper's own
_WHERE_IS_MINE = re.compile(
    r"^\W*(?:(?:so|and|ok|okay|hey|hi|um+|hmm+)\W+)*(?:where(?:'s|s| is| are|re)|wheres)\s+my\s+"
    r"(?:[\w-]+\s+){0,3}?[\w-]+(?:\s+(?:at|now|yet|already|then))*\W*$",
    re.I,
)
_HEARD_AS_A_WANT = {"search", "refine", "recommend", "out_of_scope"}


_MY_REFUND = re.compile(
    r"\b(?:my|the|our) (?:refund|money back)\b|\b(?:will|do|am|when) (?:i|we) (?:get |be )?"
    r"refunded\b",
    re.I,
)


_OF_MY_ORDER = re.compile(
    r"\bmy (?:last |latest |recent |previous )?order\b|\bi (?:just )?(?:bought|ordered)\b"
    # «cancel it», «ok cancel that please»: a bare order to act, with no order to act on
    r"|^\W*(?:(?:ok|okay|please|pls|just|actually|then|so)\W+)*cancel (?:it|that|this|them)"
    r"(?: (?:please|pls|now))?\W*$",
    re.I,
)


def terms_or_rules(
    intent: str,
    text: str,
    named: bool,
    references: References,
    state: DialogueState,
    has_order: bool,
) -> str | None:
    """A product's own delivery or returns, or the shop's rule: which one a question about
    terms asks for (None: no change)."""
    if has_order and ORDER_EDIT.search(text):
        return "policy_question"  # "change the quantity on that order to two": the rule
    if has_order and intent in _ASKED_ABOUT_IT | {"policy_question"} and _MY_REFUND.search(text):
        return "order_status"  # «when do I get my refund?»: what its order's state says
    if has_order and intent in _ASKED_ABOUT_IT and _WHERE_IS_IT.search(text):
        return "order_status"  # «where is it» once ordered: the order, not where it is made
    if has_order and intent in _ASKED_ABOUT_IT | _HEARD_AS_A_WANT and _WHERE_IS_MINE.search(text):
        return "order_status"  # «wheres my suitcase at»: the order it is in
    if (
        intent == "policy_question"
        and not named
        and state.focus
        and ABOUT_ITS_TERMS.search(text)
        and not SHOP_WIDE.search(text)
        and not ABROAD.search(text)  # «can u ship it to canada»: the shop delivers in the US
        and not SHOP_SERVICE.search(text)  # "can I pay extra for next day?": the shop's rule
        and not SHOP_MONEY.search(text)  # "and the shipping money come back also?"
    ):
        return "product_question"  # its delivery or returns, with the rule beside it
    if intent in {"return", "cancel_order"} and not has_order and not state.last_order_id:
        if _OF_MY_ORDER.search(text) and not IF_I_WANTED.search(text):
            return "order_status"  # «cancel my last order» with none: «You have no orders»
        return "policy_question"  # "how do i return something I cancelled?": the rule
    if intent == "cancel_order" and IF_I_WANTED.search(text):
        return "policy_question"  # «how long do i have to cancel if…»: the shop's one rule
    if intent == "return" and IF_I_WANTED.search(text):
        # "if I change my mind tomorrow, can I still cancel?": asked; «if one of them doesn't
        # like it can she send it back?»: its own return window, with the rule
        asked = terms_or_rules("policy_question", text, named, references, state, has_order)
        return asked or "policy_question"
    nothing_in_view = not (references.ids or state.focus or state.shown)
    if intent == "product_question" and nothing_in_view and ABOUT_ITS_TERMS.search(text):
        return "policy_question" if ASKS.search(text) else None  # "how many days for return?"
    if intent == "order_status" and not has_order and state.focus and ABOUT_ITS_TERMS.search(text):
        return "product_question"  # "if i order today how long till it turns up?"
    return None
