"""A «no» to a checkout summary that also says what to change: «no, not yet. I said one
puzzle, not two», «wait, put the tote back», «hm, no, I said 3 earlier, do 3». The summary is
declined first (nothing is ordered), then the change is made, as a shopper would expect."""

from __future__ import annotations

from collections.abc import Callable

from assistant.conversation.understanding.acts import Request

_CHANGES = {"add", "change", "remove"}
SURE_ENOUGH = 0.5  # a change heard less surely than this is not made beside the «no»


def corrected_at_the_summary(
    requests: list[Request], heard_without_summary: Callable[[str], list[Request]]
) -> list[Request]:
    """Each «no» to the summary that also asks a cart change, as the «no» and then that change
    (the message heard again as if no summary were waiting)."""
    corrected: list[Request] = []
    for request in requests:
        corrected.append(request)
        if request.act != "decline":
            continue
        changes = [
            heard
            for heard in heard_without_summary(request.text)
            if heard.act in _CHANGES and heard.confidence >= SURE_ENOUGH
        ]
        corrected.extend(changes[:1])
    return corrected
