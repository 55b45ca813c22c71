"""«show me others, not that one», «anything but that brand», «anything but that seller then»,
«none of these»: the last search again, without the product in view (or its brand, or its
seller, or every one shown)."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.conversation.state import DialogueState
from assistant.conversation.understanding.acts import Request

_THAT = r"(?:that|this|the same|their|its)"
OTHER_THAN_THAT = re.compile(
    r"\b(?:anything|something|others?|ones?|any|stuff)\b[^.?!]{0,20}?"
    rf"\b(?:but|except|other than|apart from|besides|not|without)\s+(?:from\s+|by\s+)?{_THAT}\s+"
    r"(?P<what>one|ones|brand|make|maker|seller|shop|store|company)\b"
    r"|\bnot (?:that|this|the same) (?P<alone>one|brand|make|seller)\b"
    r"(?!\W+(?:the|i meant|i mean|it'?s|its)\b)"  # «not that one, the red one»: a pick
    # «none of these, anything else?»; not «none of these, whats the best rated one?»
    r"|^\W*(?:(?:ok|okay|hmm+|nah|no|meh|ugh)\W+)*none of (?P<none>these|those|them)"
    r"(?:\s+(?:work|do it|are it|appeal))?(?:\W+(?:any|some)(?:thing|one)?\s+(?:else|other)\b)?"
    r"\W*$",
    re.I,
)
_CHANGES = {"add", "change", "remove", "checkout", "confirm", "decline"}


def excluded(text: str) -> str | None:
    """What a message wants left out of the last search: «one» (the product in view),
    «brand», «seller» or «all» (every one shown); None when it leaves nothing out."""
    said = OTHER_THAN_THAT.search(text)
    if said is None:
        return None
    if said["none"]:
        return "all"
    what = (said["what"] or said["alone"]).lower()
    return {"make": "brand", "maker": "brand", "shop": "seller", "store": "seller",
            "company": "brand", "ones": "one"}.get(what, what)  # fmt: skip


def others_wanted(requests: list[Request], state: DialogueState) -> list[Request]:
    """A wish for others than the one in view, heard as a question about it, is a search
    again («anything but that seller then» asked who sells it)."""
    if not state.last_search or not state.shown:
        return requests
    return [
        replace(request, act="search")
        if request.act not in _CHANGES and excluded(request.text)
        else request
        for request in requests
    ]
