"""A version said at the end for one of several picks («2 of the first and 1 of the third,
deluxe for the third»), moved beside that pick («… 1 of the third in deluxe»), so the other
picks are not asked for it."""

from __future__ import annotations

import re

_ORDINALS = r"first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th"
_FOR_THE_PICK = re.compile(
    rf",\s*(?P<version>[a-z0-9][\w .-]{{0,30}}?)\s+for\s+the\s+(?P<pick>{_ORDINALS})"
    r"(?:\s+one)?\W*$",
    re.I,
)


def versions_moved_to_their_pick(message: str) -> str:
    """The message with «…, X for the third» said as «… the third in X», when the third is
    picked earlier in it; as said otherwise."""
    said = _FOR_THE_PICK.search(message)
    if said is None:
        return message
    head = message[: said.start()]
    picked = list(re.finditer(rf"\bthe\s+{said['pick']}(?:\s+one)?\b", head, re.I))
    if not picked:
        return message
    at = picked[-1].end()
    return f"{head[:at]} in {said['version'].strip()}{head[at:]}"
