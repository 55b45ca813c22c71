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
# «what scent is the cheapest one», «what brand is the top rated one»; not «which one is …»
_WHAT_NOUN_IS = re.compile(
    rf"^\W*(?:(?:ok|so|and|hmm+|ugh)\W+)*(?:what|which)\s+(?!ones?\b|is\b|are\b)[a-z]+(?:\s+[a-z]+)?"
    rf"\s+(?:is|does|has)\s+{_SUPERLATIVE}\W*$",
    re.I,
)
# «is the cheapest one vegan?», «whats the cheapest one smell like», «how big is the …»
_OF_IT_AFTER = re.compile(
    rf"^\W*(?:(?:ok|so|and|hmm+|ugh)\W+)*(?:is|does|has|can|will|would|how \w+ is|"
    rf"what'?s|whats|what is|what does)\s+{_SUPERLATIVE}\s+(?P<rest>[a-z][^?]*)\W*$",
    re.I,
)
# what follows that still ranks the list: «… in stock», «… you have», «… under 20»
_STILL_RANKS = re.compile(
    r"^(?:in|for|of|under|below|over|with|you|u|we|that|which|available|right|at|on|here|"
    r"there|around|to|i|under\b)\b",
    re.I,
)


def asked_of_the_superlative(
    intent: str, references: References, request: Request
) -> tuple[str, Request]:
    """A question said of «the cheapest one» is of that one product: asked of «it»."""
    if intent != "refine" or references.kind != "superlative" or len(references.ids) != 1:
        return intent, request
    said = _OF_IT_AFTER.match(request.text)
    if _WHAT_NOUN_IS.match(request.text) or (said and not _STILL_RANKS.match(said["rest"])):
        text = re.sub(_SUPERLATIVE, "it", request.text, count=1, flags=re.I)
        return "product_question", replace(request, text=text)
    return intent, request
