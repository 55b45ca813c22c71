"""«ok cool. dont add it yet», «just browsing, don't add anything», «dont check out, ill come
back later»: the shopper says what not to do, so nothing is done and the cart is as it was."""

from __future__ import annotations

import re

from assistant.conversation.state import DialogueState

HOLD_OFF = re.compile(
    r"(?<!\bwhy )(?<!\bwhy you )(?<!\bwhy u )"
    r"\b(?:don'?t|do not|dont|pls don'?t|please don'?t|no need to|not going to|not gonna)\s+"
    r"(?:(?:want to|wanna|need to|you|u|go and|just|actually)\s+)*"
    r"(?P<verb>add|buy|order|put|place|check ?out|purchase|remove|delete|take out|change|swap)"
    r"\b",
    re.I,
)
# what a «don't …» may have been heard as: a cart change, or nothing much
_HELD_OFF_ACTS = frozenset(
    {"add", "change", "remove", "checkout", "cancel_order", "return", "smalltalk", "help",
     "view_cart"}
)  # fmt: skip
_ORDERING = re.compile(r"order|place|check ?out", re.I)
_TAKING_OUT = re.compile(r"remove|delete|take out|change|swap", re.I)


# a cart verb said for real beside the «don't»: «add the rope, dont add the mat»
_DOES = re.compile(
    r"\b(?:add|put|buy|order|change|remove|swap|take|make|check ?out|get|drop|delete)\b", re.I
)


# «hold on dont place it yet. just 1 set actually»: a count for the cart, said after it
_A_COUNT_SAID = re.compile(
    r"^\W*(?:(?:just|only|actually|but)\s+)*(?:\d{1,2}|one|two|three)\s+"
    r"(?:sets?|pairs?|bags?|packs?|units?|of (?:them|those|it)|actually|then|pls|please)\b",
    re.I,
)


# «I already have both of those lol»: nothing to add, and nothing else asked
_ALREADY_HAVE = re.compile(
    r"^\W*(?:(?:oh|ah|lol|haha|nah|no|ha)\W+)*(?:i|we)\s+(?:already|allready)\s+(?:have|got|own)"
    r"\b[^0-9?]{0,40}$",
    re.I,
)


# «no dont, cancel that, i want to add more stuff first»: other things later, none named yet
_MORE_STUFF_FIRST = re.compile(
    r"\b(?:add|get|grab|buy|pick|look at|look for|browse)\s+(?:a few\s+|some\s+|a couple\s+)?"
    r"(?:more|other|few more|extra|a few more|some more|some other)\s+"
    r"(?:stuff|things|items|bits|products|gifts)\b(?!\s+(?:like|such|from))"
    r"|\b(?:keep|still|carry on|continue)\s+(?:shopping|browsing|looking)\b",
    re.I,
)


# «forget it, too expensive», «nah never mind» to «which colour?»: the open add let go
LET_GO = re.compile(
    r"^\W*(?:(?:ok|okay|nah|no|hmm+|actually|ugh|meh|oh|yeah)\W+)*"
    r"(?:forget (?:it|that|about it)|skip (?:it|that)|scrap (?:it|that)|never ?mind|nvm|no thanks|"
    r"no thank (?:you|u)|leave it|i'?ll pass|pass|not for me|don'?t bother)"
    r"(?:\W+(?:(?:(?:it'?s|its|it is|that'?s|thats|way|a bit|kinda|just|bit|too|so|much)\s+)*"
    r"(?:expensive|pricey|pricy|dear|steep|spendy|much)|(?:i\s+)?changed my mind|maybe later))?"
    r"\W*$",
    re.I,
)


def lets_go_of_the_add(state: DialogueState, text: str) -> bool:
    """Whether a message lets an open «which one?» of an add go («forget it, too pricey»)."""
    pending = state.pending_action
    return pending is not None and pending.kind == "add" and bool(LET_GO.match(text))


def holds_off(act: str, text: str) -> bool:
    """Whether a request that reads as a cart action only says not to do it («ok cool. dont
    add it yet», «I already have both of those»), not also what to do («add the rope, dont add
    the yoga mat»)."""
    if act in _HELD_OFF_ACTS and _ALREADY_HAVE.search(text):
        return True
    if (more := _MORE_STUFF_FIRST.search(text)) and act in {"add", "smalltalk", "help"}:
        # only when nothing else is asked: «add it in purple, i'll keep shopping after» adds
        return not _DOES.search(text[: more.start()] + " " + text[more.end() :])
    said = HOLD_OFF.search(text)
    if act not in _HELD_OFF_ACTS or said is None or "?" in text:
        return False
    clause_end = re.search(r"[,.;]|\bbut\b", text[said.end() :])
    after = text[said.end() + clause_end.start() :] if clause_end else ""
    rest = text[: said.start()] + " " + after
    if act == "view_cart" and _CART_SAID.search(rest):
        return False  # «dont check out, just tell me what size is in my cart»: the cart shown
    return not (_DOES.search(rest) or _A_COUNT_SAID.search(after))


_CART_SAID = re.compile(r"\b(?:cart|basket|trolley)\b", re.I)


def held_off_answer(text: str) -> str | None:
    """What the assistant says when told not to do something; None when it was not."""
    said = HOLD_OFF.search(text)
    if said is None:
        return "Sure, I haven't added anything." if _ALREADY_HAVE.search(text) else None
    verb = said.group("verb")
    if _ORDERING.fullmatch(verb):
        return "Sure, nothing is ordered and your cart is kept. Say «checkout» when you're ready."
    if _TAKING_OUT.fullmatch(verb):
        return "Sure, I've left your cart as it is."
    return "Sure, I haven't added anything; your cart is as it was. Say «add it» when you're ready."
