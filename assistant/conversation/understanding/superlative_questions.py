"""«what scent is the cheapest one», «is the cheapest one vegan?», «whats the best rated one
made of»: a question of the one product a superlative picks, not a ranking of the list."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.references import References

_SUPERLATIVE = (
    r"the\s+(?:cheapest|least expensive|most expensive|priciest|dearest|"
    r"(?:best|top|highest|lowest|worst)[- ]rated|best reviewed)"
    r"(?:\s+(?:one|of (?:them|those|these|the \w+)))?"
)
# «what scent is the cheapest one», «what material is the top rated one»; not «which one is
# …» nor «which brand is the cheapest one» (the ranking names it)
_WHAT_NOUN_IS = re.compile(
    r"^\W*(?:(?:ok|so|and|hmm+|ugh)\W+)*(?:what|which)\s+"
    r"(?!(?:ones?|is|are|brand|make|model|product|item|name|thing)\b)[a-z]+(?:\s+[a-z]+)?"
    rf"\s+(?:is|does|has)\s+{_SUPERLATIVE}\W*$",
    re.I,
)
# «is the cheapest one vegan?», «does the cheapest one come in red»: a question of it (not
# «… again?», «… overall», «… in stock»: still the ranking)
_IS_IT = re.compile(
    rf"^\W*(?:(?:ok|so|and|hmm+|ugh)\W+)*(?:is|does|has|can|will|would)\s+{_SUPERLATIVE}\s+"
    r"(?P<rest>[a-z][^?]*)\W*$",
    re.I,
)
# «whats the cheapest one smell like», «what's the best rated one made of»
_WHAT_IS_IT_LIKE = re.compile(
    rf"^\W*(?:(?:ok|so|and|hmm+|ugh)\W+)*(?:what'?s|whats|what is|what does)\s+{_SUPERLATIVE}"
    r"\s+(?:(?:smell|taste|feel|look|sound)s?\s+like|like|made\s+(?:of|from|with))\W*$",
    re.I,
)
# what follows that still ranks the list: «… in stock», «… you have», «… again», «… overall»
_STILL_RANKS = re.compile(
    r"^(?:in|for|of|under|below|over|with|you|u|we|that|which|available|right|at|on|here|"
    r"there|around|to|i|again|overall|called|now|then|please|pls|tho|though|ok)\b",
    re.I,
)


def asked_of_the_superlative(
    intent: str, references: References, request: Request
) -> tuple[str, Request]:
    """A question said of «the cheapest one» is of that one product: asked of «it»."""
    if intent != "refine" or references.kind != "superlative" or len(references.ids) != 1:
        return intent, request
    said = _IS_IT.match(request.text)
    asked = _WHAT_NOUN_IS.match(request.text) or _WHAT_IS_IT_LIKE.match(request.text)
    if asked or (said and not _STILL_RANKS.match(said["rest"])):
        text = re.sub(_SUPERLATIVE, "it", request.text, count=1, flags=re.I)
        return "product_question", replace(request, text=text)
    return intent, request
