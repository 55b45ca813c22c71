"""Trades and removals said in words: «swap mine for that one», «X instead of the Y»,
«could you put X in my basket?», «could you take it out, please?»."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.catalogue.models import Catalogue
from assistant.conversation.state import DialogueState
from assistant.conversation.understanding.references import References, namesakes

SWAP = re.compile(r"\b(swap|replace|switch|exchange)\b|\binstead\b", re.I)
# «wait add another rope»: one more of a cart's line, named by its kind
ANOTHER_OF = re.compile(r"\b(?:another|one more|a second|an extra)\s+(?!one\b)\w+", re.I)
# «swap mine for that one», «replace it with this»: the cart's line for the one in view;
# not «add that one too, dont replace my rope»
SWAP_MINE_FOR = re.compile(
    r"(?<!not )(?<!n't )(?<!dont )\b(?:swap|replace|switch|exchange)\s+"
    r"(?:mine|it|my\b[\w ]{0,30}?|the one in my (?:cart|basket))\s+"
    r"(?:for|with)\s+(?:that|this|the)\b",
    re.I,
)
# «could you put a X in my basket?», «put X in my cart»: asked or told, an add; not «why can't
# I add X to my cart?», «my wife said to put X in my basket»
INTO_CART = re.compile(
    r"^\W*(?:(?:ok|okay|so|right|then|also|please|pls|great|perfect|lovely|fine|alright"
    r"|in that case|in which case|fair enough)\W+)*"
    r"(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?)?"
    r"(?:put|pop|stick|place|add)\b[^.?!]{0,80}?"
    r"\b(?:in|into|to)\s+(?:my|the|our)\s+(?:basket|cart|bag|trolley)\b",
    re.I,
)
# «could you take it out, please?», «take the candle out of my cart»: out of the cart (not
# «is it easy to take the tent out of its bag?», «take it out for a run»)
TAKE_OUT = re.compile(
    r"\btake\s+(?:it|that|them|this|those|these|the\s+\w+(?:\s+\w+)?)\s+out"
    r"(?:\s+of\s+(?:my|the)\s+(?:cart|basket|bag|trolley|order))?"
    r"(?=\s*(?:[,.!?;]|please\b|pls\b|again\b|$))",
    re.I,
)
# the last sentence of several («The Brickton puzzle looks perfect. The standard one, please.»)
_LAST_SENTENCE = re.compile(r"(?<=[.!])\s+(?=\S)")


def sentences(text: str) -> list[str]:
    """The sentences of a message (after «.» or «!»; a «?» keeps its clause).»"""
    return [part for part in _LAST_SENTENCE.split(text.strip()) if part] or [text]


# «should I swap X for Y?», «is it worth replacing X with Y?»: advice asked, nothing traded
_ASKS_ADVICE = re.compile(
    r"^\W*(?:should|is|are|does|do|what|which|why|how)\b|\b(?:should (?:i|we)|wonder\w*|"
    r"worth|better to|would (?:you|it|that|the|they)|if (?:i|we) (?:swap|switch|replace|"
    r"exchange))\b",
    re.I,
)
# «actually keep the X too», «… as well»: nothing traded
_KEEPS = re.compile(r"\b(?:keep|too|as well|also|both|not|don'?t|dont)\b", re.I)


def named_trade(references: References, text: str) -> bool:
    """Whether a cart product is traded for another, both named («replace X with Y»)."""
    return references.replaces is not None and not _ASKS_ADVICE.search(text)


def replaced_product(
    text: str, references: References, state: DialogueState, cart_products: list[str], new: str
) -> str | None:
    """The cart's product an add replaces ("swap it for X", "X instead"), if any."""
    if _ASKS_ADVICE.search(text):
        return None  # «I wonder if I should swap X for Y»: asked, nothing traded
    pending = state.pending_action
    answers_it = references.kind in {None, "option"} and not _KEEPS.search(text)
    if pending and pending.replaces in cart_products and pending.product_id == new and answers_it:
        return pending.replaces  # «black» answers the swap's «which one?»: now out with it
    if references.replaces:
        return references.replaces  # «swap the atlas ones for the voyagr set»: named
    # (not «no, the tumble & co lite too»: that one as well)
    said_instead = _NO_THE_OTHER.search(text) and "?" not in text and not _KEEPS.search(text)
    meant = MEANT.search(text) or said_instead
    if (just_added := _just_added(state)) and meant and just_added != new:
        # «no i meant the nimbus», «no, the board game actually»; not one the cart already
        # held («… the ironpeak one»)
        return just_added if just_added in cart_products and new not in cart_products else None
    kind = references.kind
    if kind == "deictic" and not SWAP_MINE_FOR.search(text):
        return None  # "add that one too, dont replace my rope": nothing replaced
    if not SWAP.search(text) or kind not in {"mention", "id", "deictic"}:
        return None
    lines = list(dict.fromkeys(cart_products))
    old = state.focus if state.focus in lines else (lines[0] if len(lines) == 1 else None)
    return old if old and old != new else None


# «is it easy to take the stove out of its box?», «how do I remove the strap?»: asked about
# the product; «can you take it out?» asks for the change
_ASKS_ABOUT_IT = re.compile(r"^\W*(?:is|are|does|do|how|what|why|when|which)\b", re.I)
# «my wife said to put the X in my basket», «he told me to get the Y»: someone else's idea
_REPORTED = re.compile(
    r"\b(?:said|says|told (?:me|us)|asked (?:me|us)|wants me|suggested)\s+(?:to|i|we)\b", re.I
)
_SAME_AGAIN = re.compile(
    r"^\W*(?:(?:ok|okay|and|oh|yes|yeah)\W+)*(?:the )?same again(?:\W+(?:please|pls|thanks))?"
    r"[\s.!]*$",  # not «same again?»
    re.I,
)
_TAKEN_OUT = re.compile(
    r"\b(?:remove|delete|take (?:it|them|that|this|the \w+) out|out of|back|don'?t want|"
    r"do not want|no longer|anymore|nothing)\b",
    re.I,
)
# «pop it in the basket», «add it»: the one just added, not «the same for my wife»
ADD_IT = re.compile(
    r"^\W*(?:(?:ok|okay|yes|yeah|great|perfect|so)\W+)*(?:pop|put|stick|add|chuck|bung)\s+"
    r"(?:it|that|that one|this one)(?:\s+(?:in|into|to)\s+(?:my|the)\s+(?:basket|cart|bag|"
    r"trolley))?(?:\s+(?:please|pls|thanks|then))?\W*$",
    re.I,
)
# «add it in navy» right after the navy one was added: that one again, not a second
ADD_IT_IN = re.compile(
    r"^\W*(?:(?:ok|okay|yes|yeah|great|perfect|so)\W+)*(?:pop|put|stick|add|chuck|bung)\s+"
    r"(?:it|that|that one|this one)\s+in\s+(?:the\s+)?[a-z]+(?:\s+(?!too\b|again\b|also\b)[a-z]+)?"
    r"(?:\s+(?:please|pls|thanks|then))?\W*$",
    re.I,
)
_IF_I_DID = re.compile(r"\bif (?:i|we)\b[^?]*\?", re.I)
_CART_WORDS = re.compile(r"\b(?:cart|basket|bag|trolley|order)\b", re.I)


def cart_talk(intent: str, text: str, changing: bool, last_intent: str = "") -> str | None:
    """What words about the cart ask, whatever the act heard: «could you take it out,
    please?» removes; a question or a report that only sounds like a change asks about the
    product (None: the act stands)."""
    if not changing and TAKE_OUT.search(text) and not _IF_I_DID.search(text):
        return "remove"  # not «does the delivery cost go down if I take the roller out?»
    into_cart = any(INTO_CART.search(part) for part in sentences(text))
    if intent == "remove" and into_cart and not _TAKEN_OUT.search(text):
        return "add"  # «pop it in the basket» never takes anything out
    if not changing and _SAME_AGAIN.search(text) and last_intent.endswith("add"):
        return "add"  # «same again» right after an add: one more of it
    if intent == "remove" and _ASKS_ABOUT_IT.search(text) and not _CART_WORDS.search(text):
        return "product_question"
    if intent == "add" and _REPORTED.search(text):
        return "product_question"
    return None


# «no sorry I meant the nimbus one, the classic s», «no I meant the other oakhaven»: the
# product just added was the wrong one
MEANT = re.compile(
    r"^\W*(?:(?:no+|nah|nope|sorry|oops|wait|hmm+|actually|ugh)\W+)*(?:i\s+)?"
    r"(?:meant|mean|wanted)\s+(?:the|that|this|a|an)\b"
    # «not that one, the pulsefit sport, in black», «wrong one, i want the blue ones»
    r"|^\W*(?:(?:no+|nah|nope|sorry|oops|wait|hmm+|actually|ugh)\W+)*"
    r"(?:not (?:that|this|the) one|wrong one)\W+(?:i\s+(?:meant|mean|want(?:ed)?)\s+)?"
    r"(?:the|a|an)\b"
    # «no no, the other atlas & oak, the one x. in red» right after an add
    r"|^\W*(?:(?:no+|nah|nope|sorry|oops|wait|actually)\W+)+(?:i\s+(?:meant|mean|want(?:ed)?)\s+)?"
    r"the other\b"
    # «no, remove the cubes - I meant the roamly wave 2 packing cubes, olive»
    r"|^\W*(?:(?:no+|nah|nope|sorry|oops|wait|actually)\W+)*(?:remove|take out|drop|delete|"
    r"scrap)\s+(?:the|that|those|these)\b[^.,;?!-]{1,40}[.,;!-]+\s*(?:(?:no+|sorry)\W+)?"
    r"i\s+(?:meant|mean|wanted)\s+(?:the|a|an)\b",
    re.I,
)
# «hmm no, the echofox instead», «no, the board game actually»: a no, then the one meant
# (not «no the echofox, is it waterproof?»: a question about it)
_NO_THE_OTHER = re.compile(
    # (the name alone, or with «actually», «instead» or its version: not «no, the board game
    # can wait», «no, the rope is fine»)
    # («no wait, the coreforge one, green»: its version said bare after a comma)
    r"^\W*(?:(?:hmm+|oh|ah|wait|sorry|oops|actually|ugh)\W+)*(?:no+|nah|nope)\W+"
    r"(?:(?:no+|wait|sorry|actually|hmm+)\W+)*(?:the|that)\s+"
    r"(?![^.!?]*\b(?:can|could|will|would|is|are|was|wait|later|fine|ok|okay|good|enough)\b)"
    r"[\w&' -]{1,40}?(?:\s*,?\s*(?:actually|instead|please|pls|then|in\s+[\w ]{1,20}))*"
    r"(?:\s*,\s*(?![^,]*\b(?:any|reviews?|how|what|which|price|cost|much|rated|rating|good|"
    r"stock|deliver\w*|\d+|two|three|of them)\b)[\w ]{1,20})?\W*$"
    r"|^\W*(?:(?:hmm+|oh|ah|wait|sorry|oops|actually|ugh|ok|okay)\W+)*(?:the|that)\b[^.?!]{1,60}?"
    r"\binstead\W*$",
    re.I,
)


def _just_added(state: DialogueState) -> str | None:
    """The one product the turn before added, if it added one."""
    added = {line.product_id for line in state.last_added}
    last_turn = bool(state.last_added) and state.last_added[0].turn == state.turns - 1
    fresh = state.last_cart_change == "add" and last_turn and len(added) == 1
    return next(iter(added)) if fresh else None


def _waiting_on_its_version(state: DialogueState) -> str | None:
    """The product an add asked the version of («which colour?»), if the add waits on it."""
    pending = state.pending_action
    return pending.product_id if pending is not None and pending.kind == "add" else None


# «…. take the nimbus out», «…, remove the nimbus»: the trade said as well, after the one meant
_AND_TAKE_IT_OUT = re.compile(
    r"[.,;!]\s*(?:and\s+|so\s+)?(?:take|remove|drop)\s+(?:the\s+)?(?P<old>[\w&' -]{2,30}?)"
    r"(?:\s+(?:ones?|out|off|please|pls))*\W*$",
    re.I,
)


def without_the_trade_said(text: str, state: DialogueState, catalogue: Catalogue) -> str:
    """«no wait, I meant the bassline ones, navy. take the nimbus out» right after adding the
    Nimbus: the pick meant alone, since its trade takes the Nimbus out."""
    said = _AND_TAKE_IT_OUT.search(text)
    added = catalogue.products.get(_just_added(state) or "")
    if not (said and added and MEANT.search(text)):
        return text
    words = set(re.findall(r"[a-z]{3,}", said["old"].lower())) - {"one", "ones", "the"}
    title = set(re.findall(r"[a-z]{3,}", added.title.lower()))
    return text[: said.start()] if words and words <= title else text


def meant_instead(
    intent: str, references: References, text: str, state: DialogueState, cart: list[str]
) -> tuple[str, References]:
    """«no i meant the atlas & oak one, in red» right after adding another: an add of the
    one meant (its trade takes the other out), whatever the words alone sound like; not of
    one the cart already holds («i meant the ironpeak one» beside the IronPeak mat)."""
    just_added = _just_added(state) or _waiting_on_its_version(state)
    # «i meant the cheaper one»: named by its price among those shown, too; «i meant the
    # northtrail poles, not the cairn gear»: the one named that is not the one just added
    others = [pid for pid in references.ids if pid != just_added and pid not in cart]
    named = references.kind in {"mention", "id", "ordinal", "superlative", "shown-word"}
    # («no, the kestrel one instead» of two Kestrel crossbodies: which of them is asked)
    named = named and (len(others) == 1 or (len(others) > 1 and namesakes(references)))
    meant = MEANT.search(text) or (_NO_THE_OTHER.search(text) and "?" not in text)
    if not (just_added and named and meant):
        return intent, references
    return "add", replace(references, ids=others)
