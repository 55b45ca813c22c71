"""A cart change corrected right after it: «wait did i say 3? i meant 2», «no sorry, back to
2», «2 actually, one for my kid», «and 2 of them» bring the line just added or changed to that
count; «thats wrong, it was large», «no, medium» change its version."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.catalogue.models import Product
from assistant.conversation.state import DialogueState, RemovedLine
from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.slots import Slots, number_value

_N = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a couple|half a dozen)"
_OTHER_N = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"
_SORRY = r"(?:(?:no+|nah|nope|wait|sorry|oops|actually|hmm+|ok|okay|oh)\W+)*"
# «no, 2. i said 2», «i asked for 2»; not «i wanted 2 day delivery», «i ordered 2 last year»
_I_SAID = re.compile(
    rf"\bi (?:said|asked for) {_N}(?=\W*$|\s+(?:of (?:them|those|it)|please|pls|thanks)\W*$)",
    re.I,
)
_COUNT_CORRECTED = re.compile(
    # «i meant 2», not «i meant 2 more»
    rf"\bi? ?meant {_N}\b(?!\s*(?:more|extra|others?|of the|different|colou?rs?|sizes?)\b)"
    rf"|\bback (?:down |up )?to {_N}\b(?!\s*(?:more|of the)\b)"  # «no sorry, back to 2»
    rf"|^\W*{_SORRY}{_N}\W+(?:actually|instead|then|not {_OTHER_N})\b"  # «2 actually, …»
    # «2 please, one for my wife», «2, one's for my brother» right after adding one
    rf"|^\W*{_SORRY}{_N}(?:\s+(?:please|pls|plz))?\W+one(?:'s|s| is)? for\b"
    rf"|\b{_N} not {_OTHER_N}\b"  # «i said 2 not 3»
    # «wait did i say 3? i meant 2», as the mind change leaves it: «wait did i say 2?»
    rf"|^\W*{_SORRY}did i say {_N}\W*$"
    # «and 2 of them», «and 2 bags of it» right after adding one
    rf"|^\W*(?:and |just |{_SORRY})?{_N} (?:of (?:them|those|these|it)|"
    r"(?:bags?|pairs?|packs?|sets?) of (?:it|them|those|that))"
    r"(?:,?\s+for (?:the|my|our|a|an) [\w' -]{1,30}?)?\W*$",  # «… for the spare room»
    re.I,
)
# after «remove 1»: «i meant 2», «2 not 1» say how many to take out; «back to 3», «i meant
# 3 left», «3 not 2» (of the line) say how many to keep
# «i meant 2 red galaxy and 1 clear iphone 15»: a count for each of two versions, no one count
_COUNT_EACH = re.compile(
    r"\b(?:\d+|one|two|three|four|five)\s+[a-z][\w\s-]*?\s+(?:and|&|\+|plus)\s+"
    r"(?:\d+|one|two|three|four|five)\s+(?!more\b|of\s+(?:them|those|it)\b)[a-z]",
    re.I,
)
_MEANT_OUT = re.compile(
    rf"\bi? ?meant {_N}\b(?!\s*(?:more|extra|others?|of the|different|colou?rs?|sizes?|left|"
    r"in total|total|altogether|in the cart|to keep)\b)"
    rf"|\b{_N} not (?P<not>{_OTHER_N})\b",
    re.I,
)
_CART_CHANGES = {"add", "change"}
_LOOSE_COUNTS = {"a couple": 2, "half a dozen": 6}


def _just_changed(state: DialogueState) -> bool:
    """Whether the turn before added to or changed the cart, with no «which one?» open."""
    last = (state.last_intent or "").rpartition("+")[2]
    return last in _CART_CHANGES and state.pending_action is None


def corrected_count(text: str, said_too: bool = True) -> int | None:
    """The count a message corrects a cart change to («i meant 2», «2 not 3», and with
    `said_too` «i said 2»), if it does."""
    said = _COUNT_CORRECTED.search(text) or (_I_SAID.search(text) if said_too else None)
    if said is None:
        return None
    word = next(group for group in said.groups() if group).lower()
    return _LOOSE_COUNTS.get(word) or number_value(word)


def count_corrected(
    intent: str, request: Request, state: DialogueState, slots: Slots
) -> tuple[str, Request]:
    """A change of the line just added or changed to the count the message corrects to, said
    plainly («and 2 of them»: «make it 2», of the line, not of the list in view); right after
    «remove 1», «i meant 2» takes one more out; any other request as it is."""
    # a Buy's own summary takes «ugh no, one is fine, i said one» itself (express.py)
    express = state.pending_checkout is not None and state.pending_checkout.express is not None
    count = corrected_count(request.text, said_too=not express)
    if count is None or not state.focus or _COUNT_EACH.search(request.text):
        return intent, request
    taken = just_taken_out(state)
    meant = meant_out(request.text, taken.qty) if taken else None
    if taken is not None and meant is not None:
        if meant <= taken.qty:  # «i meant 1» after «remove 2»: one goes back (as an undo)
            return intent, request
        slots.quantity = meant - taken.qty  # «remove 1», «i meant 2»: one more out
        return "remove", replace(request, text=f"remove {slots.quantity}", act="remove")
    if taken is None and not (_just_changed(state) or state.pending_checkout):
        return intent, request
    slots.quantity = count
    return "change", replace(request, text=f"make it {slots.quantity}", act="change")


def meant_out(text: str, taken: int) -> int | None:
    """How many a correction right after a removal of `taken` says were meant to go out («i
    meant 2»; «2 not 1» when 1 went out); None when it says how many to keep instead."""
    said = _MEANT_OUT.search(text)
    if said is None or (said["not"] and number_value(said["not"]) != taken):
        return None
    word = next(group for group in said.groups() if group).lower()
    return _LOOSE_COUNTS.get(word) or number_value(word)


def just_taken_out(state: DialogueState) -> RemovedLine | None:
    """The units of the product in focus that the turn before took out («remove 1» of three,
    «take the mat out»), for a count corrected right after."""
    if state.last_cart_change != "remove" or not state.removed_lines or state.pending_action:
        return None
    taken = state.removed_lines[-1]
    last = (state.last_intent or "").rpartition("+")[2]
    fresh = taken.turn == state.turns - 1 and last == "remove"
    return taken if fresh and taken.product_id == state.focus else None


# «thats wrong, it was large», «it should be the 500g», «i said medium»
_VERSION_CORRECTED = re.compile(
    r"^\W*(?:(?:no+|nah|sorry|oops|wait|hmm+|ugh)\W+)*(?:that'?s|thats|it'?s|its) "
    r"(?:wrong|not right)"
    r"|\bit (?:was|should be|should'?ve been|should have been|was meant to be)\b"
    r"|\bi (?:said|asked for|wanted)\b",
    re.I,
)
_TAKEN_BACK = re.compile(
    r"^\W*(?:no+|nah|nope|sorry|oops|wait|actually|(?:hmm+\W+)?not that one)\b", re.I
)
_AROUND_A_VERSION = frozenset(
    "no noo nah nope sorry oops wait actually the in make it one i meant mean please pls "
    "then a size colour color hmm not that".split()
)


# «standard not deluxe», «the 50ml, not the 100ml»: the version wanted, then the one had
_X_NOT_Y = re.compile(
    r"^\W*(?:(?:no+|nah|sorry|oops|wait|hmm+|ugh|actually)\W+)*(?:the\s+)?(?P<new>[\w .-]{1,20}?)"
    r",?\s+not\s+(?:the\s+)?(?P<old>[\w .-]{1,20}?)(?:\s+ones?)?\W*$",
    re.I,
)


def _one_version_for_another(text: str, focus: Product, state: DialogueState) -> dict[str, str]:
    """The version a «X not Y» message wants when X and Y both name versions of the focus and
    the focus was just added in Y (not «the 50ml not the 100ml» of a serum added in 30 ml)."""
    said = _X_NOT_Y.match(text)
    if said is None:
        return {}
    new, old = focus.options_named_in(said["new"]), focus.options_named_in(said["old"])
    added = [line.options for line in state.last_added if line.product_id == focus.id]
    had = not added or any(
        all(options.get(name, "").lower() == value.lower() for name, value in old.items())
        for options in added
    )
    fits = new and old and new.keys() == old.keys() and new != old and had
    return new if fits and focus.only_options_in(said["new"], _AROUND_A_VERSION) else {}


def corrects_a_version(text: str, product: Product) -> bool:
    """Whether a message corrects a line to a version of `product` («I said medium, not
    small»), not asks about one."""
    asked = text.rstrip().endswith("?")
    return (
        not asked
        and bool(_VERSION_CORRECTED.search(text))
        and bool(product.options_named_in(without_refused(text)))
    )


_REFUSED = re.compile(r"\b(?:not|instead of|rather than)\s+(?:the\s+|a\s+)?[\w-]+", re.I)


def without_refused(text: str) -> str:
    """A message without the version it turns down («I said medium, not small»: medium)."""
    return _REFUSED.sub(" ", text)


def version_corrected(
    intent: str,
    request: Request,
    state: DialogueState,
    focus: Product | None,
    held: bool,
    slots: Slots,
) -> tuple[str, Request]:
    """A change of the line just added or changed (`held`: the focus is in the cart) to the
    version the message corrects it to («thats wrong, it was large»); any other request, or
    one answering an open «which one?», keeps its act."""
    text = request.text
    if not _just_changed(state) or focus is None or not held:
        return intent, request
    asked = text.rstrip().endswith("?")  # «i said medium right?»: asked, nothing changed
    said = not asked and _VERSION_CORRECTED.search(text) and focus.options_named_in(text)
    # «no, medium», «nah the red one»: only the version, taken back
    said = said or (_TAKEN_BACK.match(text) and focus.only_options_in(text, _AROUND_A_VERSION))
    if said:
        return ("change" if not _COUNT_CORRECTED.search(text) else intent), request
    if not asked and (new := _one_version_for_another(text, focus, state)):
        slots.options = new  # «standard not deluxe»: the line in the version said first
        return "change", replace(request, act="change")
    if asked or not _TAKEN_BACK.match(text) or _COUNT_CORRECTED.search(text):
        return intent, request
    # «no wait, the 50ml, 100 is too big for my bag»: the version, then why; «no, blue. and
    # 2 of them please»: the version, then the count the line comes to
    for comma in re.finditer(r",|\.(?!\d)", text):  # «size 10.5» is one size
        head = text[: comma.start()]
        if focus.options_named_in(head) and focus.only_options_in(head, _AROUND_A_VERSION):
            slots.options = focus.options_named_in(head)
            if count := _SO_MANY_AFTER.match(text[comma.end() :]):
                slots.quantity = number_value(count["count"])
                return "change", replace(request, act="change")
            return "change", replace(request, text=head, act="change")
    return intent, request


_SO_MANY_AFTER = re.compile(
    r"^\W*(?:and\s+)?(?:make it\s+|i'?ll take\s+)?(?P<count>\d{1,2}|two|three|four|five|six)"
    r"(?:\s+of (?:them|those|it|these))?(?:\s+(?:please|pls|plz|then))?\W*$",
    re.I,
)


# «add 3 of those» right after one went in by a pick: three in all, not four
_ADD_SO_MANY_OF_IT = re.compile(
    r"^\W*(?:(?:ok|okay|so|then|cool|great|yes|yeah)\W+)*(?:add|put|get|i'?ll take|ill take)\s+"
    rf"{_N}\s+of\s+(?:those|them|these|em|'em|it)"
    r"(?:\s+(?:please|pls|then|thanks))*\W*$",
    re.I,
)


def so_many_in_all(intent: str, text: str, state: DialogueState, slots: Slots) -> str:
    """«add 3 of those» just after one unit of it went in: a change to three (the intent as it
    was otherwise)."""
    said = _ADD_SO_MANY_OF_IT.match(text)
    lines = state.last_added
    if intent != "add" or said is None or len(lines) != 1:
        return intent
    line = lines[0]
    if line.qty != 1 or line.turn != state.turns - 1 or line.product_id != state.focus:
        return intent
    slots.quantity = _LOOSE_COUNTS.get(said[1].lower()) or number_value(said[1])
    return "change" if slots.quantity and slots.quantity > 1 else intent
