"""A list the shopper numbers themselves, then picks from by place: «first the X, second the
Y, third the Z. add 2 of the first and 1 of the third» said as «add 2 of the X and 1 of the Z»,
so each pick is the product the shopper named, not the one at that place in a list shown."""

from __future__ import annotations

import re

from assistant.conversation.understanding.references import ORDINALS

_PLACE = "|".join(ORDINALS)  # first, 1st, … 5th
# «first the trailhawk urban x racing flats,», «second is the meeple house aero card game.»
_NUMBERED = re.compile(
    rf"(?:^|[:,;.]\s*|\band\s+)(?P<place>{_PLACE})\s*(?:(?:one\s+)?is\s+|[:-]\s*)?(?:the\s+)?"
    r"(?P<name>[a-z0-9&' -]{3,60}?)(?=\s*(?:[,;.]|\band\s+(?:" + _PLACE + r")\b|$))",
    re.I,
)
# «2 of the first», «the third one», «1 of the first in deluxe»
_PICKED_BY_PLACE = re.compile(rf"\b(?:the\s+)({_PLACE})(?:\s+one)?\b", re.I)


def numbered_picks_named(message: str) -> str:
    """The message with the places it picks by («2 of the first») said as the products it
    numbered before («2 of the trailhawk urban x racing flats»), when it numbers two or more;
    as said otherwise."""
    numbered = list(_NUMBERED.finditer(message))
    places = {ORDINALS[found["place"].lower()]: found["name"].strip() for found in numbered}
    if len(places) < 2 or len(places) != len(numbered):
        return message
    end = numbered[-1].end()
    head, rest = message[: numbered[0].start()], message[end:]
    if not _PICKED_BY_PLACE.search(rest):
        return message
    named = _PICKED_BY_PLACE.sub(
        lambda said: f"the {places.get(ORDINALS[said[1].lower()], said[0])}", rest
    )
    if named == rest:
        return message
    # what the list was introduced with («3 pairs, all in size 11:») said after the picks, so
    # its numbers are not read as their counts
    named = named.strip(" .,;:")
    return f"{named} - {head.strip(' .,;:')}" if head.strip(" .,;:") else named
