"""«go on then», «ok one. medium navy», «go for it» after a question about one product: the
shopper takes it, so an add of the product in focus. Never a confirmation of a checkout: with a
summary pending, the yes-rules decide."""

from __future__ import annotations

import re

from assistant.conversation.state import DialogueState

# a go-ahead and nothing else asked; options may follow («go on. white»)
_GO_AHEAD = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|alright|right|fine|brilliant|lovely|great|cool)\W+)*"
    r"(?:go on(?: then)?|go for it|go ahead|(?:i'?ll|i will) have (?:it|one|that one|that)|"
    r"(?:get|grab) me one|sold|let'?s do it|(?:just )?(?:one|1)(?: please| pls| then)?)"
    r"(?:\s+then)?(?:\s+(?:please|pls|cheers|mate))*\s*(?:[.!,]|$)(?![^?]*\?)",
    re.I,
)
# what the turn before asked about the product in focus
_ABOUT_THE_FOCUS = {"product_question", "review_question", "refine", "catalogue_question"}


def goes_ahead(intent: str, text: str, state: DialogueState) -> bool:
    """Whether the message only says to go ahead with the product just asked about."""
    last = (state.last_intent or "").rpartition("+")[2]
    return bool(
        state.focus
        and state.pending_checkout is None
        and state.pending_action is None
        and last in _ABOUT_THE_FOCUS
        and intent in {"add", "smalltalk", "help", "out_of_scope", "confirm", "decline"}
        and _GO_AHEAD.search(text)
    )
