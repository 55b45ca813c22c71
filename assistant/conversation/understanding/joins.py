"""Requests of one message that belong together, whatever the classifier heard in each.

"the tumble & co teddy, checkout straight away" buys the teddy before the checkout; "I'd like
a weighted blanket. What do you have under $100?" is one search with a budget.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.slots import extract_slots
from assistant.search.filters import FilterVocabulary
from assistant.search.kinds import ProductKinds, kind_words_of
from assistant.search.mentions import ProductMentions

NAMING_ACTS = {"search", "product_question", "review_question", "refine", "help", "smalltalk"}
SEARCHES = {"search", "recommend"}
# «show me speakers in white», «any tents under 100»: asking to see, no story
_ASKS_TO_SEE = re.compile(
    r"^\W*(?:show|find|search|list|give|recommend|suggest|any|got any|do you have|have you got|"
    r"looking for|i'?m looking|i want|i need)\b",
    re.I,
)
# what a part that only adds a budget or a rating to the search before it was heard as
_CONSTRAINT_ONLY = {"catalogue_question", "search", "refine", "help", "recommend"}


def joined_requests(
    requests: list[Request],
    mentions: ProductMentions,
    kinds: ProductKinds | None,
    vocabulary: FilterVocabulary,
) -> list[Request]:
    """The requests with a product named before a checkout made an add, and a later part
    that only narrows a search joined to it."""
    requests = _story_before_add(_bought_before_checkout(requests, mentions), mentions)
    joined: list[Request] = []
    for request in requests:
        if joined and _count_said_twice(joined[-1], request):
            continue  # «no, just one, take one out»: one count, said two ways
        if joined and _elaborates(joined[-1], request, mentions, kinds):
            first = joined[-1]  # «how long is the flexa core s? i need one long enough …»
            joined[-1] = Request(f"{first.text} {request.text}", first.act, first.confidence)
        elif joined and joined[-1].act in _ASKS_OF_SHOWN and _WHAT_FOR.match(request.text):
            first = joined[-1]  # «which has better grip when sweaty? I want to try hot yoga»
            joined[-1] = Request(f"{first.text} {request.text}", first.act, first.confidence)
        elif joined and _only_narrows(joined[-1], request, mentions, kinds, vocabulary):
            first = joined[-1]
            joined[-1] = Request(f"{first.text}, {request.text}", first.act, first.confidence)
        else:
            joined.append(request)
    return joined


_ASKS_OF_SHOWN = {"refine", "compare", "review_question", "product_question"}
# «no, just one», then «take one out»: the count the first sets is what the second does
_JUST_SO_MANY = re.compile(
    r"^\W*(?:(?:no+|nah|wait|sorry|oops|actually|ok|okay)\W+)*(?:just|only)\s+(?:one|1|two|2)\W*$",
    re.I,
)
_ONE_OUT = re.compile(
    r"^\W*(?:and\s+|so\s+)?(?:take|remove|drop)\s+(?:one|1|the other(?: one)?|one of them)"
    r"(?:\s+(?:out|off))?\W*$",
    re.I,
)


def _count_said_twice(first: Request, then: Request) -> bool:
    """Whether a removal only repeats the count the change before it set."""
    return (
        first.act == "change"
        and then.act == "remove"
        and bool(_JUST_SO_MANY.match(first.text))
        and bool(_ONE_OUT.match(then.text))
    )


# «I want to try hot yoga», «I'm going to start running»: what it is for, not a thing to find
_WHAT_FOR = re.compile(
    r"^\W*(?:i\s+(?:want|wanna|need|plan|hope|am going|'m going)\s+(?:to\s+)?"
    r"(?:try|start|do|take up|get into|learn|go)\b)",
    re.I,
)


# «like 24h?», «i need at least 50lb each», «i need one long enough for my back»: what the
# question before it is for, not a request of its own
_ELABORATION = re.compile(
    r"^\W*(?:like\b|i\s+need\s+(?:at least|it|one|them|something)\b|need\s+(?:at least|it)\b|"
    # «how heavy is it? i need like 15 lbs»
    r"i\s+(?:need|want)\s+(?:like|about|around|roughly)\s+\d|"
    # «how long are they? i need 84 inch drops»: a length, not a count
    r"i\s+(?:need|want)\s+\d+(?:\.\d+)?\s*(?:inch(?:es)?|in|cm|mm|ft|feet|foot|m|metres?|meters?)\b|"
    r"at least\b|ideally\b)",
    re.I,
)


_A_CART_ACT = re.compile(
    r"\b(?:add|put|pop|take|remove|drop|buy|order|check ?out|get me|grab|swap|change|make it)\b",
    re.I,
)


def _elaborates(
    before: Request, request: Request, mentions: ProductMentions, kinds: ProductKinds | None
) -> bool:
    """Whether a part only says what a question about a named product is for."""
    return (
        before.act in {"product_question", "review_question"}
        and _ELABORATION.match(request.text) is not None
        and not _A_CART_ACT.search(request.text)  # «… i need it in black, add 2»
        and not mentions.find(request.text)
        and (kinds is None or kinds.named_kind(request.text) is None)
        and bool(mentions.find(before.text) or _OF_THE_ONE_IN_VIEW.search(before.text))
    )


_OF_THE_ONE_IN_VIEW = re.compile(r"\b(?:it|they|them|this one|that one)\b", re.I)


def _bought_before_checkout(requests: list[Request], mentions: ProductMentions) -> list[Request]:
    """A product named just before a checkout ("the tumble & co teddy, checkout straight
    away pls") is one to buy: an add, then the checkout."""
    for position, (request, then) in enumerate(itertools.pairwise(requests)):
        if (
            then.act == "checkout"
            and request.act in NAMING_ACTS
            and "?" not in request.text
            and mentions.find(request.text)
        ):
            requests[position] = Request(request.text, "add", 1.0, implied=True)
    return requests


def _story_before_add(requests: list[Request], mentions: ProductMentions) -> list[Request]:
    """«My dad feels the cold… He's an XL and likes navy. Could you add the X in those?»:
    the story before an add of one named product is no search of its own; the versions it
    names go with the add. A story that asks for something («show me speakers in white»)
    is a request of its own."""
    kept: list[Request] = []
    carried = ""  # the versions a story said, for the add after it
    for position, request in enumerate(requests):
        then = requests[position + 1] if position + 1 < len(requests) else None
        if carried:
            request = Request(f"{request.text} ({carried})", "add", request.confidence)
            carried = ""
        if (
            then is None
            or then.act != "add"
            or request.act not in SEARCHES
            or "?" in request.text
            or _ASKS_TO_SEE.search(request.text)
            or mentions.find(request.text)
            or len(named := mentions.find(then.text)) != 1
        ):
            kept.append(request)
            continue
        product = mentions.catalogue.products[named[0].product_id]
        carried = ", ".join(product.options_named_in(request.text).values())
    return kept


_BUYS = re.compile(r"\b(?:add|put|throw|grab|buy|order|take)\b", re.I)


def _only_narrows(
    search: Request,
    part: Request,
    mentions: ProductMentions,
    kinds: ProductKinds | None,
    vocabulary: FilterVocabulary,
) -> bool:
    """Whether a part names no product or kind but a budget or rating for the search before
    it ("could you tell me what you have for under $100?")."""
    if search.act not in SEARCHES:
        return False
    # «…, and I'd like to keep the total under $40» is heard as an add; it buys nothing
    if part.act not in _CONSTRAINT_ONLY and not (part.act == "add" and not _BUYS.search(part.text)):
        return False
    filters = extract_slots(part.text, vocabulary).filters
    if (
        filters.max_price_minor is None
        and filters.min_price_minor is None
        and not filters.min_rating
    ):
        return False
    names_kind = kinds is not None and kinds.named_kind(part.text) is not None
    return not names_kind and not mentions.find(part.text)


def merged_policy_fragments(requests: list[Request]) -> list[Request]:
    """Policy questions with the short pieces after them that ask nothing by themselves
    ("can u gift wrap it and put a note in"): one question."""
    merged: list[Request] = []
    for request in requests:
        after_policy = merged and merged[-1].act == "policy_question"
        after_reviews = merged and merged[-1].act == "review_question"
        if after_policy and request.act in _SAID_OF_IT and _fragment(request):
            merged[-1] = Request(f"{merged[-1].text}, {request.text}", "policy_question", 1.0)
        elif after_reviews and _more_of_the_same(request):
            merged[-1] = Request(f"{merged[-1].text}, {request.text}", "review_question", 1.0)
        elif merged and merged[-1].act == "product_question" and _FREE_OF.match(request.text):
            # «is the basket teflon? pfas free?»: the same question, of the same product
            merged[-1] = Request(f"{merged[-1].text} {request.text}", "product_question", 1.0)
        elif (
            merged
            and (shipping := _SHIPPING_WORD.search(merged[-1].text))
            and (_ITS_COST.search(request.text))
        ):  # «how long does shipping take and is it free»: is *shipping* free
            said = re.sub(r"\bit\b", shipping[0].lower(), request.text, count=1)
            merged.append(Request(said, "policy_question", 1.0))
        else:
            merged.append(request)
    return merged


# «… need something warm under $60. also if it turns out not warm enough can i send it back?»
_RETURNS_ASKED = re.compile(
    r"(?:^|(?<=[.!?])\s+)"
    r"(?P<ask>(?:(?:and|also|oh|but|plus)\W+)*[^.!?]*\b(?:can|could) (?:i|we) "
    r"(?:send (?:it|them) back|return (?:it|them))\b[^.!?]*\??)\s*$",
    re.I,
)


def returns_asked_too(requests: list[Request]) -> list[Request]:
    """A search or suggestion whose last sentence asks whether it can go back (heard as one
    request, or as the policy question alone): the search, then the returns question on its
    own."""
    if len(requests) != 1 or requests[0].act not in {*SEARCHES, *_HEARD_INSTEAD}:
        return requests
    request = requests[0]
    said = _RETURNS_ASKED.search(request.text)
    if said is None or said.start("ask") == 0:  # «decaf coffee, also can i send it back?»
        said = _RETURNS_AFTER_A_COMMA.search(request.text)
    if said is None or said.start("ask") == 0:
        return requests
    rest = request.text[: said.start("ask")].strip()
    if request.act in _HEARD_INSTEAD:  # «looking for decaf …. also … can i send it back?»
        if not _LOOKING_FOR.search(rest):
            return requests
        request = replace(request, act="search")
    return [replace(request, text=rest), Request(said["ask"], "policy_question", 1.0)]


_RETURNS_AFTER_A_COMMA = re.compile(
    r",\s*(?P<ask>(?:and|also|oh|but|plus)\W+[^.!?,]*\b(?:can|could) (?:i|we) "
    r"(?:send (?:it|them) back|return (?:it|them))\b[^.!?]*\??)\s*$",
    re.I,
)
_HEARD_INSTEAD = {"policy_question", "product_question", "catalogue_question"}
# a sentence before a returns question that asks for products: «hi, looking for decaf coffee»
_LOOKING_FOR = re.compile(
    r"\b(?:looking for|look(?:ing)? at|i need|need (?:a|an|some)|i want|i'?m after|show me|"
    r"do you (?:have|sell|do)|got any)\b",
    re.I,
)


_SHIPPING_WORD = re.compile(r"\b(?:shipping|delivery|postage)\b", re.I)
# «… and is it free», «and does it cost extra?»: the cost of what the question before named
_ITS_COST = re.compile(
    r"^\W*(?:and\s+|also\s+)?(?:is|does|will)\s+it\s+(?:be\s+)?(?:free|extra|cost\w*|charged)\b"
    r"[^?]{0,20}\??\W*$",
    re.I,
)
# «what do the reviews say about safety, any small parts?»: the same question, said again;
# not «…? any cheaper ones?», a search of its own
_SAID_AGAIN = re.compile(
    r"^\W*(?:and\s+)?(?:any|anything about|no)\s+(?!(?:cheaper|other|similar|"
    r"better|else|more|less|under|over|below)\b)[\w' -]{1,30}\?\W*$",
    re.I,
)


_FREE_OF = re.compile(r"^\W*(?:and\s+)?(?:is it\s+)?[\w-]{2,20}[- ]free\W*\??\W*$", re.I)


def _more_of_the_same(request: Request) -> bool:
    """A short piece after a review question that only names its aspect again."""
    return request.act in _SAID_OF_IT | {"search", "product_question", "review_question"} and bool(
        _SAID_AGAIN.search(request.text)
    )


# Acts a short piece after a policy question gets when it only continues it («can i undo it
# later» reads as a plea for help on its own)
_SAID_OF_IT = {"policy_question", "help", "smalltalk", "out_of_scope"}


def _fragment(request: Request) -> bool:
    """A short piece that asks nothing by itself ("put a little note in"): part of the one
    before it, not a question of its own ("and can I return it?")."""
    if "?" not in request.text and len(request.text.split()) <= 6:
        return True  # «can i undo it later»: said of the question before
    first = request.text.split("?")[0]  # «put a little note in?, its for my mum»
    return (
        len(first.split()) <= 6
        and len(request.text.split()) <= 12
        and not _ASKS_ITSELF.search(first)
    )


_ASKS_ITSELF = re.compile(
    r"^\W*(?:and\s+|also\s+)?(?:can|could|do|does|did|is|are|will|would|how|what|when|where|"
    r"why|which|who|may|should)\b",
    re.I,
)


# «ok add the blue one. any coupon for a first order? thats steep»: an add, then a question of
# the shop's rules in a sentence of its own
_ADD_SENTENCE_FIRST = re.compile(
    r"^(?P<add>\W*(?:(?:ok|okay|fine|alright|right|then|so|yes|yeah|cool)\W+)*"
    r"(?:add|throw in|chuck in)\b[^.!?]*)[.!]+\s+(?P<ask>[^.!]*\?.*)$",
    re.I,
)


# «ok the deluxe one pls, and will it get here by next friday?»: a pick said with «please»,
# then a question
_PICK_PLEASE_FIRST = re.compile(
    r"^(?P<add>\W*(?:(?:ok|okay|fine|alright|right|then|so|yes|yeah|cool)\W+)*"
    # «ok the cheaper of those two in 50ml please, and whats the return window on it?»
    r"the\s+[\w&' -]{1,30}?\s+(?:one|of\s+(?:those|them|these)(?:\s+(?:two|2|three|3))?)"
    r"(?:\s+in\s+[\w .-]{1,20}?)?\s+(?:please|pls|plz))\s*[,.!]?\s*(?:and\s+|also\s+)?"
    r"(?P<ask>(?:will|when|how|does|do|is|are|can|would|what|whats|what's)\b[^?]*\?)\W*$",
    re.I,
)


def added_then_asked(requests: list[Request]) -> list[Request]:
    """A message heard as one question whose first part is an add («ok add the blue one.
    any coupon …?», «ok the deluxe one pls, and will it get here by …?»): the add, then the
    question."""
    if len(requests) != 1:
        return requests
    if requests[0].act in {"product_question", "policy_question"} and (
        picked := _PICK_PLEASE_FIRST.match(requests[0].text)
    ):
        return [
            Request(picked["add"].strip(), "add", 1.0),
            replace(requests[0], text=picked["ask"]),
        ]
    if requests[0].act != "policy_question":
        return requests
    said = _ADD_SENTENCE_FIRST.match(requests[0].text)
    if said is None:
        return requests
    return [Request(said["add"].strip(), "add", 1.0), replace(requests[0], text=said["ask"])]


_ASKED_OF_PRODUCT = {"product_question", "review_question"}
# «… and why does a power bank have phone models as options», «and what's the loft height»
_A_QUESTION_OF_IT = re.compile(
    r"^\W*(?:(?:and|also|so|but|plus|oh|ok|okay)\W+)*(?:what'?s|whats|what is|what are|why|"
    r"how (?:many|much|long|big|heavy|tall|wide|high)|does|do|is|are|can|will|would)\b",
    re.I,
)
# «… and what's the cheapest power bank you have?», «are there yoga mats in pink?», «how many
# pillows do you sell?»: the shop's range asked, not the one product
_OF_THE_RANGE = re.compile(
    r"\b(?:[a-z]{3,}est|best|most|least|(?:you|u|ya|yall)\s+(?:have|sell|got|stock|carry|do)|"
    r"are there|is there|any|other|others|another|else|lighter|cheaper|better)\b",
    re.I,
)
_FOR_A_THING = re.compile(
    r"^\W*for\s+(?:a|an)\s+[\w-]+(?:\s+[\w-]+){0,2}\W*\?\W*$", re.I
)  # «… for a pillow?»


# «… and are they included?» after a question of a part: in the box, not a shop rule
_INCLUDED = re.compile(
    r"^\W*(?:and\s+)?(?:are|is)\s+(?:they|it|those|these|them|one)\s+included\W*$", re.I
)


def asked_of_the_same(
    requests: list[Request],
    mentions: ProductMentions,
    kinds: ProductKinds | None,
    focus: str | None = None,
) -> list[Request]:
    """A question after a question about a product, heard as a search, is asked of that
    product too when it names no other kind («voltedge urban - will it charge my macbook
    air? and why does a power bank have phone models as options»)."""
    asked: list[Request] = []
    for request in requests:
        before = asked[-1] if asked else None
        if (
            before is not None
            and (before.act in _ASKED_OF_PRODUCT or _names_one(before.text, mentions))
            and request.act in SEARCHES | {"catalogue_question"}
            and _of_its_kind(before.text, request.text, mentions, kinds, focus)
        ):
            if _FOR_A_THING.match(request.text) or _more_of_the_question(
                request.text, mentions, kinds
            ):  # «it says soy wax?? for a pillow?»: one doubt
                asked[-1] = replace(before, text=f"{before.text} {request.text}")
                continue
            if _A_QUESTION_OF_IT.match(request.text) and not _OF_THE_RANGE.search(request.text):
                request = replace(request, act="product_question")
        elif (
            before is not None and before.act in _ASKED_OF_PRODUCT and _INCLUDED.match(request.text)
        ):
            # «what batteries does it take and are they included?»: the batteries, in the box
            asked[-1] = replace(before, text=f"{before.text} {request.text}")
            continue
        asked.append(request)
    return asked


# words that ask for things to be found, not more of a question about one
_FINDING = re.compile(
    r"\b(?:show|find|recommend|suggest|looking|look|any|anything|something|other|others|"
    r"alternatives?|else|cheaper|similar|instead|options?|got|sell|stock|carry|need|want|"
    r"under|below|less|budget|max|ones|what about|how about|best|top|most|least|rated|"
    r"[a-z]{3,}est)\b|\$|\d+\s*(?:dollars|bucks|quid)",
    re.I,
)


def _more_of_the_question(text: str, mentions: ProductMentions, kinds: ProductKinds | None) -> bool:
    """Whether a part heard as a search only goes on with the question before («… reef safe?
    and water resistant for swimming? going to hawaii», «how heavy is it? 15 lb? 20? its for
    my 10 year old»): it names no kind and no product and asks nothing to be found."""
    return (
        kinds is not None
        and kinds.named_kind(text) is None
        and not _FINDING.search(text)
        and not mentions.find(text)
    )


def _names_one(text: str, mentions: ProductMentions) -> bool:
    """Whether a question names one product («voltedge urban - will it charge my macbook?»)."""
    return "?" in text and len({mention.product_id for mention in mentions.find(text)}) == 1


def _of_its_kind(
    first: str,
    then: str,
    mentions: ProductMentions,
    kinds: ProductKinds | None,
    focus: str | None,
) -> bool:
    """Whether a later part names no kind, or the kind of the one product the first names
    (or of the one in focus, when the first names none: «it says soy wax?? for a pillow?»)."""
    kind = kinds.named_kind(then) if kinds else None
    if kind is None:
        return True
    named = {mention.product_id for mention in mentions.find(first)} or {focus or ""}
    product = mentions.catalogue.products.get(next(iter(named))) if len(named) == 1 else None
    return product is not None and kind in kind_words_of(product)
