"""A «no» to a checkout summary that also says what to change: «no, not yet. I said one
puzzle, not two», «wait, put the tote back», «hm, no, I said 3 earlier, do 3». The summary is
declined first (nothing is ordered), then the change is made, as a shopper would expect."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.conversation.understanding.acts import Request

_CHANGES = {"add", "change", "remove"}
SURE_ENOUGH = 0.5  # a «no», and a change beside it, heard less surely than this are not split
# the «no» said first: «no, not yet. …», «wait, put the tote back», «hm, no, I said 3»
_NO_FIRST = re.compile(
    r"^\W*(?:(?:hm+|hmm+|oh|ah|ugh|um+|sorry|actually|ok|okay)\W+)*"
    r"(?:no+|nope|nah|not yet|wait|hold on|hang on|stop|that'?s wrong|thats not right)\b",
    re.I,
)


# what a change beside the «no» says: «I said one puzzle, not two», «put the tote back»,
# «do 3», «remove it», «make it the blue one»
_CHANGE_SAID = re.compile(
    r"\b(?:add|put|remove|take\b.{0,40}\b(?:out|off)|drop|delete|make it|make that|change|swap|"
    r"switch|"
    r"i said|i meant|i mean|instead|do \d{1,2}|only \d{1,2}|just \d{1,2}|\d{1,2} not \d{1,2})\b",
    re.I,
)


_COUNT_AGAINST = re.compile(r"\b\d{1,2} not \d{1,2}\b")


def corrected_at_the_summary(
    requests: list[Request], heard_without_summary: Callable[[str], list[Request]]
) -> list[Request]:
    """Each «no» to the summary that also asks a cart change, as the «no» and then that change
    (the message heard again as if no summary were waiting)."""
    corrected: list[Request] = []
    for request in requests:
        corrected.append(request)
        if not (
            request.act == "decline"
            # «thats wrong sorry, 2 not 1»: a count said against another is sure enough
            and (request.confidence >= SURE_ENOUGH or _COUNT_AGAINST.search(request.text))
            and _NO_FIRST.search(request.text)
            and _CHANGE_SAID.search(request.text)  # «no wait, one more question»: no change
        ):
            continue
        changes = [
            heard
            for heard in heard_without_summary(request.text)
            if heard.act in _CHANGES and heard.confidence >= SURE_ENOUGH
        ]
        corrected.extend(changes[:1])
    return corrected
