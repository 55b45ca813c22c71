"""Undoing the last cart change: «wait, put it back», «put the tote back», «undo that» after a
removal return the units taken out (the same version and count); «scratch that last one»,
«scratch the last thing», «undo that» after an add take out just the units it added."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from assistant.catalogue.models import Catalogue
from assistant.commerce.variants import matching
from assistant.conversation.state import DialogueState, RemovedLine
from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.cart_corrections import (
    just_taken_out,
    meant_out,
    without_refused,
)
from assistant.conversation.understanding.references import References
from assistant.conversation.understanding.slots import Slots, number_value
from assistant.conversation.understanding.steps import Step, ToolCall

PUT_BACK = re.compile(
    r"\b(?:put|add|bring|stick|pop|throw|chuck)\s+(?P<what>[\w&' -]{1,40}?)\s+back\b"
    r"(?!\s+(?:to|on|later|order|in (?:the|its) box)\b)"  # «put it back on the shelf»
    r"|\bre-?add\b|\b(?:i want|i'?d like) (?:it|them|that) back\b",
    re.I,
)
# «can I bring it back if it's too short?», «do I put it back in the box?»: a return asked
_ASKED = re.compile(
    r"\?|\breturn|\brefund|^\W*(?:(?:and|so|ok|but)\W+)?(?:can|could|may|if|do|does|will|would|"
    r"should|is|are|am|what|how|when)\b",
    re.I,
)
UNDO = re.compile(r"^\W*(?:(?:no|wait|oops|ugh|hmm+|sorry|actually)\W+)*undo\b", re.I)
_WORD = re.compile(r"[a-z]{4,}")
_POINTING = frozenset(
    {"that", "them", "those", "this", "these", "ones", "last", "thing", "item", "other", "rest"}
)


def line_put_back(state: DialogueState, text: str, catalogue: Catalogue) -> RemovedLine | None:
    """The line a message puts back into the cart: the one it names among those taken out
    lately, else the last taken out; None when it puts nothing back."""
    if not state.removed_lines or _ASKED.search(text):
        return None
    said = PUT_BACK.search(text)
    if said is None and not (UNDO.search(text) and state.last_cart_change == "remove"):
        return None
    what = set(_WORD.findall((said.group("what") if said and said.group("what") else "").lower()))
    for line in reversed(state.removed_lines):
        product = catalogue.products.get(line.product_id)
        if product and what & set(_WORD.findall(product.title.lower())):
            return line  # «put the tote back»: the tote, whatever went out after it
    last = state.removed_lines[-1]
    # «put the board game back in my cart» when no board game went out: not an undo; «put it
    # back» reaches only what the turn before took out
    return None if what - _POINTING or last.turn != state.turns - 1 else last


# «oops didnt mean to add the poles», «sorry, didn't mean to add that»: the add was a slip
_NOT_MEANT = (
    r"(?:i\s+)?(?:didn'?t|did not|never)\s+mean\s+to\s+(?:add|put|get|tap|press|hit)\b"
    # not «i didn't mean to add the blue, i wanted red» (a swap, said with what is wanted), nor
    # «… that many, just two» (a count)
    r"(?![^?]*\b(?:want|wanted|meant|instead|rather|but|many|much|just|only|size|colou?r)\b)"
    r"[^?0-9]{0,60}"
)
# «scratch that last one», «scratch the last thing», «undo that», «take that last one out»,
# «oops undo that, didnt mean to add the poles», «sorry, didn't mean to add that»
SCRATCH_ADDED = re.compile(
    r"^\W*(?:(?:no|wait|oops|ugh|hmm+|sorry|actually|ok|okay|whoops|my bad)\W+)*"
    # «no sorry, not the green one. undo that last one»: the one unwanted, named first
    r"(?:not (?:the|that) [a-z0-9 ]{1,24}? ones?\W+)?"
    r"(?:(?:(?:scratch|undo)\s+"
    r"(?:that|it|this|(?:the|that) last (?:one|thing|bit|item|add|line))|undo(?=\W*$))"
    r"(?:\s+(?:last (?:one|thing|bit|item)|please|pls|then|too))*"
    rf"(?:\W+(?:(?:oops|sorry|my bad)\W+)?{_NOT_MEANT})?|{_NOT_MEANT})"
    # «wait undo that, the spare room can wait»: why, asking nothing else
    # (no count set against another: «sorry scratch that, 2 not 3, he already has a pair»
    # corrects a count)
    r"(?:,\s*(?![^?]*\b(?:add|put|get|instead|but|want|change|make|swap|and the|remove|"
    r"(?:\d+|one|two|three|four|five|six) not (?:\d+|one|two|three|four|five|six))\b)"
    r"[^?]{1,60})?\W*$",
    re.I,
)


_NAMED_AFTER_ADD = re.compile(
    r"\b(?:add|put|get)\s+(?:the|those|these|a|an)\s+(?P<what>[\w&' -]{2,40})", re.I
)


def _names_the_added(text: str, state: DialogueState, catalogue: Catalogue) -> bool:
    """Whether what a message says it did not mean to add is what was last added (or it names
    nothing: «undo that»)."""
    said = _NAMED_AFTER_ADD.search(text)
    words = set(_WORD.findall(said["what"].lower())) - _POINTING if said else set()
    if not words:
        return True
    titles = " ".join(
        catalogue.products[line.product_id].title.lower()
        for line in state.last_added
        if line.product_id in catalogue.products
    )
    return any(word in titles or word.rstrip("s") in titles for word in words)


def scratch_step(
    state: DialogueState, request: Request, slots: Slots, catalogue: Catalogue
) -> Step | None:
    """The removal of just the units the last cart change added, when the message scratches
    it; None otherwise («remove it» beside a product in view is that product's removal)."""
    said = SCRATCH_ADDED.search(request.text)
    if said is None or state.last_cart_change != "add" or not state.last_added:
        return None
    if not _names_the_added(request.text, state, catalogue):
        return None  # «oops didnt mean to add the poles» after a hoodie: not the hoodie
    if state.last_added[0].turn != state.turns - 1:
        return None  # only right after the add: later, «scratch that» may mean anything
    if changed := _another_version_said(request.text, state, catalogue):
        # «scratch that, she wants rose gold»: the line just added, in that version instead
        line, named = changed
        swap = {"product_id": line.product_id, "options": {**line.options, **named}}
        swap["replacing"] = dict(line.options)
        return calls_step("change", request, slots, [ToolCall(name="change_variant", args=swap)])
    calls = [line_call("remove_from_cart", line) for line in state.last_added]
    # «swap 2 of them to the green», «make it the red one», then «undo that»: the version
    # swapped out comes back too
    calls += [line_call("add_to_cart", line) for line in state.swapped_out]
    state.last_added, state.swapped_out = [], []
    return calls_step("remove", request, slots, calls)


def _another_version_said(
    text: str, state: DialogueState, catalogue: Catalogue
) -> tuple[RemovedLine, dict[str, str]] | None:
    """The line just added and the other version of it a message says, after what it
    scratches, when it says only that («scratch that, the grey one»; not «scratch that, i'll
    think about the silver first»); None otherwise."""
    _, comma, rest = text.partition(",")
    for line in state.last_added:
        product = catalogue.products.get(line.product_id)
        if not (comma and product and product.only_options_in(rest, _A_VERSION_WORDS)):
            continue
        named = product.options_named_in(rest)
        if any(line.options.get(name) != value for name, value in named.items()):
            return line, named
    return None


_A_VERSION_WORDS = frozenset(
    "the one ones in a an instead then please pls i meant mean want wanted it get size colour "
    "color she he they wants likes prefers would rather actually".split()  # «she wants rose gold»
)


# «nah switch back to the sonara then», «go back to the black one»: a swap undone
_SWITCH_BACK = re.compile(
    r"\b(?:switch|swap|change|go|put)\s+(?:it\s+|them\s+|that\s+)?back\s+to\s+"
    r"(?:the\s+|my\s+)?(?P<what>[\w&' -]{2,40}?)"
    r"(?:\s+(?:then|please|pls|instead|one|ones|after all))*\W*$",
    re.I,
)


def switched_back_step(
    state: DialogueState, request: Request, slots: Slots, catalogue: Catalogue
) -> Step | None:
    """«switch back to the sonara» after swapping it out: its units back, in the version they
    were, and out again what came in for them; None when no line taken out is named."""
    said = _SWITCH_BACK.search(request.text)
    if said is None or "?" in request.text:
        return None
    words = set(_WORD.findall(said["what"].lower())) - _POINTING
    line = next(
        (
            line
            for line in reversed(state.removed_lines)
            if line.product_id in catalogue.products
            and words
            and words <= set(_WORD.findall(catalogue.products[line.product_id].title.lower()))
        ),
        None,
    )
    came_in = [added for added in state.last_added if line and added.turn == line.turn]
    if line is None or not came_in:
        return None  # no swap: «go back to the earbuds» after a plain removal asks again
    state.removed_lines = [kept for kept in state.removed_lines if kept is not line]
    calls = [line_call("add_to_cart", line)]
    calls += [line_call("remove_from_cart", added) for added in came_in]
    return calls_step("add", request, slots, calls)


def put_back_step(state: DialogueState, request: Request, slots: Slots, line: RemovedLine) -> Step:
    """The add that returns a line taken out; it is forgotten, so no second «put it back»
    returns it twice."""
    back = line.model_copy(
        update={"qty": min(slots.quantity or line.qty, line.qty)}
    )  # «put 1 back»
    # the rest stays within reach of the next «put the other back»
    left = line.model_copy(update={"qty": line.qty - back.qty, "turn": state.turns})
    state.removed_lines = [
        kept if kept is not line else left
        for kept in state.removed_lines
        if kept is not line or left.qty
    ]
    return calls_step("add", request, slots, [line_call("add_to_cart", back)])


def _as_said(line: RemovedLine, text: str, catalogue: Catalogue) -> RemovedLine:
    """The line taken out, in the version the message asks it back in («put it back as medium
    pls»), when the product comes in it."""
    product = catalogue.products.get(line.product_id)
    if product is None:
        return line
    said = product.options_named_in(without_refused(text))  # «medium not large»: medium
    options = {**line.options, **said}
    if not said or not matching(product.variants, options):
        return line
    return line.model_copy(update={"options": options})


def line_call(tool: str, line: RemovedLine) -> ToolCall:
    """A cart call for exactly those units of that version."""
    args: dict[str, Any] = {"product_id": line.product_id, "quantity": line.qty}
    if line.options:
        args["options"] = dict(line.options)
    return ToolCall(name=tool, args=args)


def calls_step(
    intent: str,
    request: Request,
    slots: Slots,
    calls: list[ToolCall],
    kind: str = "deictic",
    plural: bool = False,
) -> Step:
    """A planned step that makes these cart calls, about the products they name in order
    (`kind`, `plural`: how the request named them)."""
    return Step(
        intent=intent,
        text=request.text,
        confidence=request.confidence,
        slots=slots,
        references=References(
            ids=[call.args["product_id"] for call in calls], kind=kind, plural=plural
        ),
        calls=calls,
    )


# «no!! undo that, put everything back» after emptying the cart: every line, as it was
_EVERYTHING = re.compile(
    r"^(?:everything|all|all of (?:it|them)|it all|them all|the lot|them|those|both)$", re.I
)


_BUT_NOT = re.compile(r"\b(?:but|except|leave|without|not the|apart from)\b", re.I)


def all_put_back(state: DialogueState, text: str) -> list[RemovedLine]:
    """The lines the turn before took out, when a message puts them all back («undo that»
    after emptying the cart, «put everything back»); [] otherwise."""
    last = [line for line in state.removed_lines if line.turn == state.turns - 1]
    if len(last) < 2 or state.last_cart_change != "remove" or _ASKED.search(text):
        return []
    if _BUT_NOT.search(text):
        return []  # «undo that, but leave the rope out»: not all of them (one is named)
    said = PUT_BACK.search(text)
    everything = said is not None and _EVERYTHING.match((said.group("what") or "").strip())
    return last if everything or (said is None and UNDO.search(text)) else []


def all_back_step(
    state: DialogueState, request: Request, slots: Slots, lines: list[RemovedLine]
) -> Step:
    """The add that returns every line taken out; they are forgotten, so none comes back
    twice."""
    state.removed_lines = [line for line in state.removed_lines if line not in lines]
    calls = [line_call("add_to_cart", line) for line in lines]
    return calls_step("add", request, slots, calls, plural=True)


def undoing_step(
    state: DialogueState, request: Request, slots: Slots, catalogue: Catalogue
) -> Step | None:
    """The step that undoes the last cart change the message undoes, if it undoes one."""
    if switched := switched_back_step(state, request, slots, catalogue):
        return switched
    if lines := all_put_back(state, request.text):
        return all_back_step(state, request, slots, lines)
    if (line := line_put_back(state, request.text, catalogue)) is not None:
        return put_back_step(state, request, slots, _as_said(line, request.text, catalogue))
    taken = just_taken_out(state)
    count = meant_out(request.text, taken.qty) if taken else None
    if taken is not None and count is not None and count < taken.qty:
        # «take the mats out» of three, then «i meant 2»: one goes back
        return put_back_step(state, request, replace(slots, quantity=taken.qty - count), taken)
    if taken is not None and (fewer := _just_so_many(request.text)) and fewer < taken.qty:
        # «add 2 speakers», «undo that», then «ok just one»: that many back
        return put_back_step(state, request, replace(slots, quantity=fewer), taken)
    return scratch_step(state, request, slots, catalogue) or _nothing_to_undo(state, request, slots)


# «ok just one», «only 1 then»: a smaller count of what was just taken out
_JUST_SO_MANY = re.compile(
    r"^\W*(?:(?:ok|okay|fine|so|right|hmm+|well|actually|then)\W+)*(?:just|only)\s+"
    r"(?P<count>\d{1,2}|one|two|three|four|five)(?:\s+(?:then|please|pls|of (?:it|them|those)))*"
    r"\W*$",
    re.I,
)


def _just_so_many(text: str) -> int:
    """The count «ok just one» says, else 0."""
    said = _JUST_SO_MANY.match(text)
    return number_value(said["count"]) if said and "?" not in text else 0  # «just one?»: asked


def _nothing_to_undo(state: DialogueState, request: Request, slots: Slots) -> Step | None:
    """«undo that» with no cart change just before it: said so, and nothing changed (an open
    «which one?» is dropped: the add it asked about is what was undone)."""
    if not SCRATCH_ADDED.search(request.text):
        return None
    changed = (state.last_intent or "").rpartition("+")[2] in {"add", "change", "remove"}
    if state.pending_action is None and (changed or state.last_added or state.removed_lines):
        return None  # a change to take back, maybe with a question between: read on
    if state.pending_action is not None:
        state.pending_action = None
        said = "OK, I've added nothing, and your cart is as it was."
    else:
        said = (
            "OK. Your cart did not change just now, so there is nothing in it to take back, "
            "and it is as it was. To take something out, say so, for example «remove the "
            "first one»."
        )
    return Step(
        intent="smalltalk",
        text=request.text,
        confidence=request.confidence,
        slots=slots,
        references=References(ids=[], kind=None),
        clarify=said,
    )
