"""Whether a request asks for a version of the product in focus («do you have them in
white?», «do they do rose gold», «any other colour then?») rather than a search or its
reviews."""

from __future__ import annotations

import re

from assistant.conversation.understanding.references import References
from assistant.conversation.understanding.slots import Slots

# "do you have them in white?", "does it come in blue", "got this one in an M"
_ITS_VERSION = re.compile(
    r"\b(?:it|them|this|that|these|those)(?: ones?)?\s+(?:in|with)\b"
    r"|\b(?:does|do) (?:it|they) come in\b",
    re.I,
)


def asks_its_version(
    intent: str, references: References, text: str, slots: Slots, focus: str | None
) -> bool:
    """«do you have them in white?», «do they do rose gold», «any other colour then?» (beside
    a sold-out one): a version of the one in focus, not a search or the reviews."""
    if intent == "search" and references.kind == "deictic":
        return bool(_ITS_VERSION.search(text))
    if intent in {"search", "refine"} and focus and not references.ids:
        return bool(_ANOTHER_VERSION.search(text))
    return intent == "review_question" and bool(slots.options) and bool(_OFFERED_IN.search(text))


_ANOTHER_VERSION = re.compile(
    r"\b(?:other|another|different)\s+(?:colou?rs?|sizes?|versions?|shades?)\b", re.I
)
_OFFERED_IN = re.compile(
    r"^\W*(?:and\s+|so\s+)?(?:do|does|can|could)\s+(?:they|it|you|u|these|those)\s+"
    r"(?:do|come|have|get|make)\b(?!.*\breview)|\b(?:come|comes|available) in\b(?!.*\breview)",
    re.I,
)
