"""What a removal keeps: «drop the roller, keep the dumbbells», «only the Zenmotion stays»,
«everything except the mat»: the products named to stay are never the ones taken out."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.conversation.answers.wording import plural_noun
from assistant.conversation.understanding.references import ORDINALS
from assistant.conversation.understanding.slots import FEWER, NUMBER
from assistant.conversation.understanding.steps import Step, ToolCall

_END = (  # «keep the X and remove the Y» ends at «and remove»; «keep the X and Y» goes on
    r"(?=\s*(?:[,.;!?]|\band\s+(?:remove|delete|drop|take|get|lose|ditch|bin|clear|empty|"
    r"throw|cancel|check|checkout)\b|\b(?:but|please|pls|thanks|in (?:my|the) (?:cart|basket))\b"
    r"|$))"
)
# «keep only one yoga mat», «all but one mat»: a count of a line, not which lines stay
_COUNTED = re.compile(r"\b(?:\d+|one|two|three|four|five|six|a couple)\b", re.I)
# «keep the higher rated one», «the cheaper one stays»: «one» names a line, it counts nothing
_THE_ONE = re.compile(r"\b(?:the|that|this)\s+(?:[\w-]+\s+){0,3}?one\b", re.I)


def _counted(phrase: str) -> bool:
    """Whether a phrase of what stays is a count («only one yoga mat»), not a line named."""
    return bool(_COUNTED.search(_THE_ONE.sub(" ", phrase)))


_KEPT = re.compile(
    # «keep the dumbbells», «only keep the flexa», «leave the mat in»
    r"\b(?:keep(?:ing)?|leave|leaving)\s+(?:only\s+|just\s+)?(?P<keep>[^,.;!?]{1,60}?)"
    r"(?:\s+in)?" + _END + "|"
    # «only the Zenmotion stays», «the roller can stay»
    r"(?:^|[,.;!?]|\b(?:and|but|so)\b)\s*(?P<stays>[^,.;!?]{1,60}?)\s+(?:stays|stay|can stay|"
    r"should stay|will stay|remains|is staying|are staying)\b|"
    # «everything except the mat», «all but the kettle», «apart from the bands»
    r"\b(?:except(?: for)?|apart from|other than|save for|aside from|all but|but not)\s+"
    r"(?P<except>[^,.;!?]{1,60}?)" + _END,
    re.I,
)
CLEAR_ALL = re.compile(
    r"\b(everything|all of (it|them)|clear (my|the) (cart|basket)|empty|(it|them) all)\b", re.I
)
# «and the wildpine go 2 poles olive» after an add, heard as a removal: one more line
AND_THE = re.compile(
    r"^\W*(?:and|also|plus|oh and|\+)\s+(?:the|a|an|some|\d+)\b(?!.*\b(?:out|remove|drop)\b)",
    re.I,
)
# words that take something out, beside those that say what stays
TAKEN_OUT = re.compile(
    r"\b(?:remove|delete|drop|take|get rid|rid of|lose|ditch|bin|scrap|toss|clear|empty|"
    r"cancel|don'?t want|do not want|no longer|out)\b",
    re.I,
)
# «get rid of everything but the mat»: every other line goes
_ALL_OTHERS = re.compile(
    r"\b(?:except|apart from|other than|save for|aside from|all but|everything but|"
    r"everything else)\b",
    re.I,
)


_JUST_SO_MANY = re.compile(
    rf"\b(?:just|only|make it|make that)\s+{NUMBER}\b(?!\s+(?:more|extra|other|question))|"
    rf"^\W*(?:\w+\W+){{0,2}}?{NUMBER}\s*,?\s+not\s+{NUMBER}\b",
    re.I,
)
_BOTH = re.compile(r"\b(?:and|both|plus)\b|[,&+]", re.I)
_SAYS_MORE = re.compile(
    r"\b(?:is|are|stays?|fine|keep|leave|good|ok|okay|wants?|likes?|needs?|has|have|got)\b", re.I
)
_ONLY = re.compile(r"\b(?:only|just)\b", re.I)
_ONLY_KEEP = re.compile(r"\b(?:only|just)\s+(?:keep|leave)\b", re.I)


# «remove the XL, i only want the M»: what the shopper still wants, said after the removal
_STILL_WANTED = re.compile(
    r"[,;.!]?\s*(?:(?:but|and|so)\s+)?(?:i|we)(?:\s+(?:only|just))?\s+(?:want|need)\s+"
    r"(?:only\s+|just\s+)?(?:the|that|a|an|one)\b[^,;.!?]*",
    re.I,
)


def what_goes(text: str) -> str:
    """A removal's words without what it says stays («remove the XL, keep the M», «remove the
    XL, i only want the M»: the XL)."""
    return _STILL_WANTED.sub(" ", _KEPT.sub(" ", text))


@dataclass
class Keeping:
    """The words that name what stays, and the rest of the message (what goes)."""

    kept_phrases: list[str]
    rest: str
    all_others: bool  # «everything except X»: every line not kept goes


def kept_apart(text: str) -> Keeping | None:
    """The products a removal says to keep, if it says any."""
    phrases, only = [], False
    for found in _KEPT.finditer(text):
        only = only or bool(_ONLY.search(found[0]))  # «only the duffel stays»: the rest goes
        phrase = found["keep"] or found["stays"] or found["except"]
        phrase = re.sub(r"^\W*(?:only|just)\s+", "", phrase, flags=re.I)
        if phrase.strip():
            phrases.append(phrase)
    if not phrases or any(_counted(phrase) for phrase in phrases):
        return None
    rest = _KEPT.sub(" ", text)
    only = only or bool(_ONLY_KEEP.search(text))  # «just keep the crossbody»
    return Keeping(phrases, rest, only or bool(_ALL_OTHERS.search(text)))


def fewer_taken_out(intent: str, text: str, lines: int = 0) -> str:
    """«one less roller», «2 fewer»: that many of a line out, not the line set to that many;
    «just keep the crossbody»: the others out; «keep the cheaper one» beside a cart of
    `lines` lines (two or more) keeps one, never adds it again."""
    if intent not in {"add", "change", "remove"}:
        return intent
    if intent == "remove" and _counted_keep(text):
        return "change"  # «remove all but one yoga mat»: a count of the line, never all of it
    keeping = kept_apart(text)
    if keeping and lines > 1 and _keeps_one_of_them(keeping, text):
        return "remove"
    return "remove" if FEWER.search(text) or (keeping and keeping.all_others) else intent


def _keeps_one_of_them(keeping: Keeping, text: str) -> bool:
    """Whether a message only says which line stays, by a figure («keep the cheaper one») or
    with the others sent away («keep the mat, bin the other»), and asks nothing more («keep
    the mat and add a foam roller», «keep the bands but make it 3» add and change)."""
    if not _KEEP_FIRST.match(text) or _ANOTHER_ACT.search(keeping.rest):
        return False
    by_a_figure = any(_BY_A_FIGURE.search(phrase) for phrase in keeping.kept_phrases)
    return by_a_figure or bool(TAKEN_OUT.search(keeping.rest))


_ANOTHER_ACT = re.compile(
    r"\b(?:add|put|get|grab|make|change|swap|switch|check|checkout|buy|order|pay|want|need|"
    r"\d+|two|three|four|five|six|more|too|also)\b",
    re.I,
)
_BY_A_FIGURE = re.compile(
    r"\b(?:\w+er|\w+est|higher|lower|better|best|worse|worst|more|less|most|least)\b", re.I
)
_KEEP_FIRST = re.compile(
    r"^\W*(?:(?:ok|okay|so|then|just|only|right|fine|hmm+|ah|yeah|yes|actually)\W+)*"
    r"(?:keep|leave)\b",
    re.I,
)


def _counted_keep(text: str) -> bool:
    """Whether what a message says stays is a count («all but one yoga mat»)."""
    return any(
        _counted(found["keep"] or found["stays"] or found["except"])
        for found in _KEPT.finditer(text)
    )


def fixed_before_yes(intent: str, text: str, pending_checkout: bool) -> str:
    """«wait no, just 1» to a checkout summary: not this order, and the count changed (not
    «no wait, one more question»); «wait, add a second one» adds before a new summary."""
    if intent != "decline" or not pending_checkout:
        return intent
    if _ADD_FIRST.search(text):
        return "add"  # «wait, add a second one before I pay»: one more first, then a new summary
    return "change" if _JUST_SO_MANY.search(text) else intent


_ADD_FIRST = re.compile(
    r"^\W*(?:(?:wait|hold on|actually|oh|oops|sorry|ok|okay|and|but|no|hmm+)\W+)*"
    r"(?:add|throw in|put in|pop in|include)\b(?!.{0,20}\b(?:nothing|later)\b)",
    re.I,
)


def kept_parts(phrase: str) -> list[str]:
    """«the duffel and the crossbody»: each kept product's words."""
    return re.split(r"\s+(?:and|&|plus)\s+|\s*[,+]\s*", phrase)


def removal_calls(
    step: Step,
    cart_products: list[str],
    in_cart: Callable[[str, list[str]], list[str]],
    named_kind: Callable[[str], str | None],
    which: Callable[[], str],
) -> bool:
    """The calls of a removal that names what stays or says «everything», or a kind the cart
    does not hold (False: one product named in the usual way); `in_cart` finds the cart's
    products a phrase names, `named_kind` the kind of product words name, `which` asks which
    one is meant."""
    lines = len(dict.fromkeys(cart_products))
    if not lines:  # «remove the earbuds» before anything went in: nothing to take out
        step.calls = []
        step.clarify = "Your cart is empty, so there is nothing to remove."
        return True
    if (said := _NTH_IN_CART.search(step.text)) and ORDINALS[said[1].lower()] > lines:
        # «remove the second item in my cart» of a cart of one: nothing is taken out
        items = f"{lines} item{'s' if lines != 1 else ''}"
        step.calls = []
        step.clarify = f"Your cart has only {items}, so there is no {said[1].lower()} one. "
        step.clarify += which()
        return True
    going = _going(step.text, cart_products, in_cart)
    if going is None and CLEAR_ALL.search(step.text):
        going = list(dict.fromkeys(cart_products))
    if going is None and _BOTH.search(step.text):
        named = _named_apart(step.text, list(dict.fromkeys(cart_products)), in_cart)
        going = named if len(named) > 1 else None  # «drop the jump rope and the bands»
    if going is None and step.references.counted and step.references.kind == "deictic":
        going = [pid for pid in step.references.ids if pid in cart_products]  # «remove them»
    kind = None if going is not None or step.references.ids else named_kind(step.text)
    holding = in_cart(kind, list(dict.fromkeys(cart_products))) if kind else []
    if kind and not holding:
        # «remove the jump rope» beside a cart of one puzzle: nothing is taken out
        step.calls = []
        step.clarify = f"There are no {plural_noun(kind)} in your cart, so nothing was removed. "
        step.clarify += which()
        return True
    if len(holding) == 1:  # «take 2 teddies off»: the cart's bear, not the one last added
        going = holding
    if going is None:
        return False
    step.calls = [ToolCall(name="remove_from_cart", args={"product_id": pid}) for pid in going] or [
        ToolCall(name="view_cart")
    ]  # all it names stays (or the cart is empty)
    if len(going) == 1 and step.slots.quantity is not None:
        step.calls[0].args["quantity"] = step.slots.quantity
    if not going and len(set(cart_products)) > 1:
        step.clarify = which()
    return True


_NTH_IN_CART = re.compile(
    r"\b(second|2nd|third|3rd|fourth|4th|fifth|5th)\s+(?:one|item|thing|line|product)\b"
    r"(?=.*\b(?:cart|basket|bag|trolley)\b)",
    re.I,
)


def _named_apart(
    text: str, lines: list[str], in_cart: Callable[[str, list[str]], list[str]]
) -> list[str]:
    """The cart's products a removal names one by one («the jump rope and the bands»); a
    part that says more than a name («the bands are fine») names none."""
    found = (in_cart(part, lines) for part in kept_parts(text) if not _SAYS_MORE.search(part))
    return list(dict.fromkeys(pid for pids in found for pid in pids))


def _going(
    text: str, cart_products: list[str], in_cart: Callable[[str, list[str]], list[str]]
) -> list[str] | None:
    """What a removal that names what stays takes out (None: it names nothing to keep;
    empty: which of the others is unclear)."""
    keeping = kept_apart(text)
    lines = list(dict.fromkeys(cart_products))
    if keeping is None:
        return None
    phrases = [part for said in keeping.kept_phrases for part in kept_parts(said)]
    kept = {pid for said in phrases for pid in in_cart(said, lines)}
    if not kept:  # «eh keep it. checkout»: kept, unless something else is said to go
        return None if TAKEN_OUT.search(keeping.rest) else []
    if kept & set(in_cart(keeping.rest, lines)):
        return None  # «remove one yoga mat but keep the other mat»: a count of one line
    others = [pid for pid in lines if pid not in kept]
    if keeping.all_others or CLEAR_ALL.search(keeping.rest):
        return others  # «everything except the mat»
    named = [pid for pid in in_cart(keeping.rest, others) if pid in others]
    return named or (others if len(others) == 1 else [])
