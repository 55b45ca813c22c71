"""How the adds of one message are counted: «add voyagr packing cubes x3 and a roamly duffel bag
in red» is two adds, each with its own count and version, when one of the two things names only
a make's kind that several of its products share (the version said, or a question, then tells
which); «cheapest one in pink pls, add it» is one add, not the pick and then the same again."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.conversation.understanding.acts import Request
from assistant.search.mentions import ProductMentions

# «… and a roamly duffel bag», «… plus the kestrel crossbody»: another thing to add
_AND_ANOTHER_THING = re.compile(
    r"\s+(?:and|plus|&)\s+(?=(?:a|an|the|some|\d{1,2}|two|three)\s+\w)", re.I
)


# «…, add it», «and add that one pls»: the thing just picked, added
_ADD_IT = re.compile(
    r"^\W*(?:and\s+|then\s+|so\s+|ok\s+)?(?:add|grab|get|buy|order)\s+(?:it|that|this|"
    r"that one|this one)(?:\s+(?:pls|please|plz|then|to (?:my |the )?(?:cart|basket|bag)))*\W*$",
    re.I,
)


def picked_and_added(requests: list[Request]) -> list[Request]:
    """The requests, «X, add it» made one add of X (a pick before «add it» is added once)."""
    joined: list[Request] = []
    for request in requests:
        before = joined[-1] if joined else None
        # (a pick: not «show me the X, add it» or «tell me about X, add it», each answered)
        if (
            before is not None
            and before.act in {"add", "refine"}
            and _ADD_IT.match(request.text)
            and not _asks(before.text)
        ):
            text = before.text if before.act == "add" else f"add {before.text}"
            joined[-1] = replace(request, text=text)
        else:
            joined.append(request)
    return joined


def _asks(text: str) -> bool:
    """Whether a part asks something («how much is it? add it»: answered, then added)."""
    return text.rstrip().endswith("?")


def each_added_apart(requests: list[Request], mentions: ProductMentions) -> list[Request]:
    """The requests, an add of two things one of which only a make's kind names cut in two."""
    return [piece for request in requests for piece in _apart(request, mentions)]


def _apart(request: Request, mentions: ProductMentions) -> list[Request]:
    cut = _AND_ANOTHER_THING.search(request.text) if request.act == "add" else None
    if cut is None:
        return [request]
    first, second = request.text[: cut.start()], request.text[cut.end() :]
    named = [bool(mentions.find(part)) for part in (first, second)]
    # (both named alike «add the X and the Y» already adds each; a kind alone is a search)
    grouped = [
        not found and len(mentions.namesakes(part)) > 1
        for part, found in zip((first, second), named, strict=True)
    ]
    # (both a make's several, «the roamly duffel and the kestrel duffel in grey»: not cut, so
    # no version said for one is taken by the other)
    if sorted(grouped) != [False, True] or not all(
        n or g for n, g in zip(named, grouped, strict=True)
    ):
        return [request]
    return [replace(request, text=first), replace(request, text=f"add {second}")]
