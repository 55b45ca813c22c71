"""«something wooden?», «anything in cotton?», «for a 12 year old under $60» right after a
search: more words for that search, with its budget and its person kept, not a new search for
«wooden» or for «12 year old»."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.catalogue.models import LETTER_FOR
from assistant.conversation.state import DialogueState
from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.joins import SEARCHES
from assistant.search.filters import FLAG_WORDS
from assistant.search.kinds import AGE, ProductKinds, singular

# «something wooden?», «any in cotton», «maybe something soft»: a quality, no kind
_SOMETHING = re.compile(
    r"^\W*(?:(?:and|or|ok|okay|hmm|maybe|perhaps)\W+)*(?:something|anything|any|got any)"
    r"\s+(?P<quality>(?:(?:in|made of|that'?s|thats|more)\s+)?[a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)"
    r"\s*(?:instead|then|maybe|please|pls)?\W*$",
    re.I,
)
# «for a 12 year old under $60», «its for my nephew»: who it is for (and a budget), no kind
_FOR_A_PERSON = re.compile(
    r"^\W*(?:(?:and|ok|okay|oh|hmm|well|but|also)\W+)*(?:(?:it'?s|its|it is|they'?re|"
    r"thats|that'?s|would be|needs? to be)\s+)?(?:for|4)\s+(?:a|an|my|our|his|her|the)?\s*"
    rf"(?:{AGE.pattern}|little|young|teenage|"
    r"kid|child|toddler|teen|teenager|boy|girl|son|daughter|nephew|niece|grandson|"
    r"granddaughter)\b",
    re.I,
)
_NOT_A_QUALITY = re.compile(r"\b(?:else|\w+er|cheap|different|similar|other)\b", re.I)


# «id rather a vetted seller, what else is there», «anything in stock instead?»: other
# products of the last search, those that meet the flag said; not «are your sellers vetted?»
_OTHERS_WANTED = re.compile(
    r"\b(?:what else|anything else|any ?others?|other (?:ones|options|products)|alternatives?"
    r"|rather|prefer)\b",
    re.I,
)
_ASKED_ELSEWHERE = {"policy_question", "product_question", "catalogue_question", "review_question"}


def flagged_refine(requests: list[Request], state: DialogueState) -> list[Request]:
    """A wish for other products of the last search that meet a flag (a vetted seller, in
    stock) narrows that search, though it sounds like a question about the shop."""
    if len(requests) != 1 or not state.last_search or requests[0].act not in _ASKED_ELSEWHERE:
        return requests
    text = requests[0].text
    flagged = any(words.search(text) for words in FLAG_WORDS.values())
    return (
        [replace(requests[0], act="refine")]
        if flagged and _OTHERS_WANTED.search(text)
        else requests
    )


# «size M, under 100», «in blue, max 50 bucks»: only filters, no thing named
_FILTER_WORDS = re.compile(
    r"(?:[$£€]?\d+(?:\.\d+)?(?:bucks|dollars|quid|usd|\$)?|bucks|dollars|quid|under|below|less|"
    r"than|max|maximum|up|to|around|about|budget|of|is|my|in|size|sized|sz|stock|only|ok|okay|"
    r"and|but|so|then|please|pls|thanks|ideally|preferably|or|stars?|plus|at|most|rated|a|an|"
    r"colou?r|something|anything|one|ones|got|any|have|you|do|u)",
    re.I,
)


# a number that is a price bound or a size: «under 100», «$40», «max 50 bucks», «size 9»
_BOUND_OR_SIZE = re.compile(
    r"(?:\b(?:under|below|less than|max(?:imum)?|up to|around|about|budget(?: of| is)?|size|sz)"
    r"\s*[$£€]?\s*\d+(?:\.\d+)?|[$£€]\s*\d+(?:\.\d+)?|\d+(?:\.\d+)?\s*(?:bucks|dollars|quid|usd))",
    re.I,
)


def only_filters(text: str, versions: set[str]) -> bool:
    """Whether a message says only filters («size M, under 100»), with at least one of them:
    a price, a size or one of the catalogue's `versions` (colours and sizes, lower-cased)."""
    bare = _BOUND_OR_SIZE.sub(" ", text.lower())
    if re.search(r"\d", bare):  # «king size, a couple»: a count, so an add, not filters
        return False
    words = re.findall(r"[\w$£€.]+", text.lower())
    said = [w for w in words if w in versions or w in LETTER_FOR or re.search(r"\d", w)]
    rest = [w for w in words if w not in versions and w not in LETTER_FOR]
    return bool(said) and all(_FILTER_WORDS.fullmatch(w) for w in rest)


_NARROWS = frozenset({"search", "product_question", "catalogue_question"})

# «ok a hard shell one then, in stock, under 150», «a waterproof one?» beside a list: a sort
# of those listed (and filters), not «which one do you mean?»
_A_SORT_OF_ONE = re.compile(
    r"^\W*(?:(?:ok|okay|hmm+|well|so|right|fine|alright|then)\W+)*(?:maybe\s+)?(?:an?|some)\s+"
    r"(?P<sort>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2})\s+ones?\b"
    r"(?:\s+(?:then|instead|maybe|please|pls))?(?P<rest>[^?.!]*)\W*$",
    re.I,
)


def a_sort_of_one(request: Request, state: DialogueState, versions: set[str]) -> Request:
    """«a hard shell one then, under 150» just after a list: that list narrowed to the sort."""
    said = _A_SORT_OF_ONE.match(request.text)
    last = (state.last_intent or "").rpartition("+")[2]
    if (
        said is None
        or request.act not in _NARROWS | {"smalltalk", "help"}
        or len(state.shown) < 2
        or state.focus
        or last not in SEARCHES | {"refine"}
    ):
        return request
    words = said["sort"].lower().split()
    if _NOT_A_QUALITY.search(said["sort"]) or any(w in versions or w in LETTER_FOR for w in words):
        return request  # «a cheaper one», «a red one»: read elsewhere
    rest = said["rest"].strip(" ,;-")
    if rest and not only_filters(rest, versions):
        return request
    return replace(request, act="refine")


def narrowed_searches(
    requests: list[Request],
    state: DialogueState,
    kinds: ProductKinds | None,
    versions: set[str] = frozenset(),
) -> list[Request]:
    """The requests, a lone quality or filters after a search joined to that search's words."""
    last = (state.last_intent or "").rpartition("+")[2]
    asked = state.last_search if last == "search" else state.last_suggested_for
    if last == "refine" and len(requests) == 1 and len(state.shown) > 1 and not state.focus:
        # «red?», then «size M»: those in view narrowed again, never «we don't sell size M»;
        # «which is cheapest», then «black in stock?»: of the one it named
        request = requests[0]
        if request.act in _NARROWS and only_filters(request.text, versions):
            return [replace(request, act="refine")]
    if kinds is None or not asked or last not in SEARCHES or len(requests) != 1:
        return requests
    request = requests[0]
    if (narrowed := a_sort_of_one(request, state, versions)) is not request:
        return [narrowed]  # «ok a hard shell one then, in stock, under 150»
    if _FOR_A_PERSON.match(request.text) and not kinds.named_kind(request.text):
        return [Request(f"{asked}, {request.text}", last, request.confidence)]
    # «under $30 and in stock» heard as a question of the list: its search, narrowed; of a
    # list of one, «navy, queen size» or «black in stock?» is of that one
    if request.act in _NARROWS and len(state.shown) > 1 and only_filters(request.text, versions):
        return [Request(f"{asked}, {request.text}", last, request.confidence)]
    said = _SOMETHING.match(request.text)
    if said is None or _NOT_A_QUALITY.search(said["quality"]) or kinds.named_kind(request.text):
        return requests
    words = re.findall(r"[a-z]+", said["quality"].lower())
    if not any(singular(word) in kinds.title_words for word in words):
        return requests  # «anything waterproof?»: a fact to check, not words of the titles
    return [Request(f"{asked}, {said['quality']}", last, request.confidence)]
