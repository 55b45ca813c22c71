"""Acts that the words and the conversation make clear, whatever the classifier said.

The classifier reads one request at a time; these rules read it against the dialogue: a cart
change needs words that ask for one, a question that names a product is about that product,
"which one is lightest?" ranks what was shown.
"""

from __future__ import annotations

import re

from assistant.conversation.answers.ages import child_age
from assistant.conversation.answers.ranking import SOONER
from assistant.conversation.state import DialogueState
from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.buying import (
    CART_CHANGING,
    CHANGE_WORDS,
    heard_as_add,
)
from assistant.conversation.understanding.comparatives import ONE_WITH_BETTER_REVIEWS
from assistant.conversation.understanding.follow_ups import ASKS, FOLLOW_UP
from assistant.conversation.understanding.its_version import asks_its_version
from assistant.conversation.understanding.references import References, decided_in_a_word
from assistant.conversation.understanding.shop_words import (
    ABOUT_THE_RULE,
    LIKE_IT,
    POLICY_TOPICS,
    THAN_IT,
    asks_the_shop,
)
from assistant.conversation.understanding.slots import Slots
from assistant.conversation.understanding.terms_asked import terms_or_rules
from assistant.conversation.understanding.trades import cart_talk, named_trade

# Acts that answer without looking at the conversation; a follow-up read as one of these is
# re-read against what the conversation is about.
UNDERSTOOD_AS_NOTHING = {"help", "smalltalk", "out_of_scope"}
FACT_WORDS = re.compile(
    r"\b(colou?rs?|sizes?|price|cost|stock|available|deliver\w*|ship\w*|arrive|return\w*|"
    r"rating|rated|battery|waterproof|weigh\w*|material|made of|warranty|"
    r"works? (?:with|on)|compatib\w*)\b",  # «does it work with a Pixel 9?»
    re.I,
)
_PRICES = re.compile(r"\b(?:prices|costs|how much)\b", re.I)
ARRIVAL = re.compile(r"\b(arrive|get here|deliver\w*|how long|when (will|would|do|does))\b", re.I)
_SPEED = re.compile(r"\b(faster|fastest|quicker|quickest|sooner|soonest|earliest)\b", re.I)
_ABOUT_PRODUCTS = {"product_question", "review_question", "compare", "refine"}
_SHOWN_AGAIN = {"search", "catalogue_question", "policy_question", "order_status"}


_SEARCHY = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|fine|right|hmm+|well|so|and|alright|cool|oh|nvm)\W+)*"  # "fine, any …"
    r"(got|have (you|u) got|do (you|u) (have|sell|stock|carry)|any(?! (?:complaints?|issues|"
    r"problems|reviews?)\b)|show me|find|looking for|"  # «any complaints about the X?»: asks
    r"i('m| am)? (want|need|looking)(?! to (?:know|ask|check|see|understand))|"
    r"where can i (find|get))\b",  # not «I want to know if the X is washable»
    re.I,
)
# Questions that only experience answers, so reviews are quoted beside any product data.
EXPERIENCE = re.compile(
    r"\b(shrinks?|shrank|shrunk|last(s|ing)?|durab\w*|hold(s)? up|break\w*|broke|peel\w*|"
    r"rust\w*|leak\w*|loud\w*|quiet(?:er|est|ly|ness)?|nois\w*|comfort\w*|smell\w*|stink\w*|"
    r"run(s)? (small|big|large)|true to size|itch\w*|soft(er|est)?|sturd\w*|flimsy|worth|"
    r"good for|help(s)? with|safe|easy to|hard to|"
    r"quality|wobbl\w*|slip\w*|grip|cushion\w*|blister\w*|white cast|sticky|greasy|comfy|"
    r"accura\w*|better reviews|reviewers|(people|ppl|folks|others) say|in the wet|"
    # «which one do ppl actually like more»: what their buyers think of each
    r"(people|ppl|folks|customers|buyers) (?:actually |really |generally )?(?:like|love|"
    r"prefer)|"
    r"warm(?:er|est|th)|according to (?:the )?reviews|(?:any|many|lots of) complaints|"
    r"(customers|buyers|owners|users)\b.{0,20}\b(happy|satisfied|pleased|complain\w*)|"
    # «which one survives being yanked around?», «which stay in better when running?»
    r"surviv\w*|stays? (?:in|on|put)|fits? better|tast(?:e|es|ier|iest)|cutouts?)\b",
    re.I,
)
_WHICH = re.compile(r"^\W*(and |so |ok )?(which|what)('s| is| one| of)?\b", re.I)
_WHICH_OF = re.compile(r"\bwhich\b|\bor\b.*\?", re.I)
_MOST_OF = re.compile(r"\b\w{2,}est\b(?:\s+[\w-]+)?\s+(?:out of|of|between|among)\b", re.I)
_ABOUT_THIS_ONE = re.compile(r"^\W*(?:ok |okay |and |so )?(?:what|how) about\b", re.I)
_EACH = re.compile(r"\b(each|both|all of them|all three)\b", re.I)


def in_context(intent: str, text: str, state: DialogueState) -> str:
    """A request that sounded like no request, read against the conversation: a fact about
    the product in focus ("what colour can i get then?"), or more about the shop policy just
    asked about ("and what about my handle?")."""
    if state.focus and (
        FACT_WORDS.search(text) or (_CAN_IT.search(text) and not asks_the_shop(text))
    ):
        return "product_question"  # «can i pair two of them for stereo» of the speaker in view
    if "policy_question" in (state.last_intent or "") and (
        FOLLOW_UP.search(text)
        or _SPEED.search(text)  # "next day delivery?", "fastest then"
        or (ABOUT_THE_RULE.search(text) and not state.focus)  # "how do i undo it later"
    ):
        return "policy_question"
    if POLICY_TOPICS.search(text):
        return "policy_question"
    return intent


# a yes-or-no question of what a thing can do: «can i pair two of them for stereo?», «will it
# fit in a backpack?», «does it fold?»
_CAN_IT = re.compile(
    r"^\W*(?:(?:and|so|but|ok|also)\W+)?(?:can|could|will|would|does|do|is|are)\s+"
    r"(?:i|it|they|these|those|this|that|we)\s+"
    r"(?!(?:just\s+|still\s+|also\s+|please\s+)?(?:help|pay|talk|speak|order|buy|return|"
    r"cancel|track|change|get a refund|have a|"
    r"tell|swap|exchange|switch|send|see|know|ask|delete|link|unlink)\b).{3,80}?\??\s*$",
    re.I,
)
_DECIDED_START = re.compile(
    r"^\W*(?:fine|ok(?:ay)?|alright|right|go on then)\W+(?:then\W+)?the\b", re.I
)


def _picked_in_a_version(intent: str, references: References, text: str, slots: Slots) -> bool:
    """«fine, the ampere one flow, clear, pixel 9 version» heard as a comparison: that one,
    in that version, picked."""
    return (
        intent == "compare"
        and len(references.ids) == 1
        and bool(slots.options)
        and bool(_DECIDED_START.match(text))
        and not _COMPARING.search(text)
    )


_ASKED = {"product_question", "review_question"}
_COMPARED_TO = re.compile(
    r"\b(compare[sd]? ((it|this|that|them|mine) )?(to|with|against)|vs\.?|versus|stack up|"
    r"better than|worse than|(?:any )?better\W*$|"  # «r the voyagr ones better»: than this one
    r"(?!(?:other|rather)\b)\w+er than|(?:more|less) \w+ than|"  # «is it cheaper than the X?»
    r"worth the (?:extra|difference)|worth paying more|"
    r"difference between|how does it (compare|differ)|"
    r"(?:stuck|torn|deciding|choosing|undecided|can'?t (?:decide|choose)) between)\b",
    re.I,
)

# Words that set things side by side; a «compare» heard without them and naming nothing is a
# search
_COMPARING = re.compile(
    rf"{_COMPARED_TO.pattern}|\b(compar\w*|differ\w*|which|or|between|both|side by side|"
    r"two|first|second|them|those|these|they|\w+er ones?|\w+est( ones?)?|more|less)\b",
    re.I,
)

# «compare the Bassline Urban 2 with the Sony WH-1000XM5»: one named, beside a name as typed
_BESIDE_A_NAME = re.compile(
    r"\b(?:compare\w*|vs\.?|versus|against|than)\b.{0,80}?\b(?:with|to|vs\.?|versus|against|"
    r"than)\s+(?:the\s+|a\s+|an\s+|my\s+)?(?:[A-Z][\w-]*|[a-z]+-?\d[\w-]*)"
)


def _compared_nothing(intent: str, text: str, references: References) -> bool:
    """«atlas and oak carry on» heard as a comparison: a brand's name, nothing set side by
    side."""
    return intent == "compare" and not references.ids and not _COMPARING.search(text)


def _against_focus(intent: str, references: References, text: str, state: DialogueState) -> bool:
    """«how does it compare to the ironpeak pro mat?»: the focus against the one named."""
    return (
        intent in {"product_question", "review_question", "search", "compare"}
        and references.kind in {"mention", "id"}
        and len(references.ids) == 1
        and state.focus not in (None, references.ids[0])
        and bool(_COMPARED_TO.search(text))
    )


_ANY_GOOD = re.compile(
    r"\b(?:any good|decent|worth (?:it|the money|buying)|good quality|reviews?|people say)\b",
    re.I,
)


_ASKED_OF_IT = re.compile(r"^\W*(?:(?:and|so|ok|okay|but)\W+)*(?:is|was|does|who)\b", re.I)
_ITS_SELLER = re.compile(r"\b(?:vetted|seller|sellers|legit|trustworthy|sold by|who sells)\b", re.I)


_WHICH_OF_THESE = re.compile(
    r"^\W*(?:and |so |ok |okay )?which (?:one|1|of (?:them|these|those|the two)|is|are)\b", re.I
)


def _of_it(text: str) -> str | None:
    """What «the cheaper one» is asked about: «any good tho» its reviews, «from a vetted
    seller?» its seller (None: the ranking itself)."""
    if _ANY_GOOD.search(text):
        return "review_question"
    # (not «show me the cheapest one from a vetted seller»: a filter)
    asked = _ITS_SELLER.search(text) and _ASKED_OF_IT.match(text)
    return "product_question" if asked else None


def _over_shown(intent: str, text: str, shown: list[str], references: References) -> str | None:
    """A comparison or catalogue question beside a list: about that list (None: no change)."""
    if (
        intent == "refine"
        and EXPERIENCE.search(text)
        and ASKS.search(text)
        and not _WHICH.search(text)
    ):
        return "review_question"  # "do any of those run small?": what their reviews say
    side_by_side = 2 <= len(shown) <= 3 and not references.ids and _WHICH.search(text)
    if intent == "refine" and side_by_side and EXPERIENCE.search(text):
        return "compare"  # «which has better grip when sweaty?»: their reviews side by side
    if intent == "refine" and references.kind == "superlative" and (asked := _of_it(text)):
        return asked
    if (
        intent == "review_question"
        and len(shown) >= 2
        and not references.ids
        and re.match(r"^\W*(?:and |so |ok )?which (?:one|of (?:them|these|those))\b", text, re.I)
    ):
        return "compare"  # "which one do reviewers find warmer?": their reviews, side by side
    asks_of_these = _WHICH_OF_THESE.match(text) and child_age(text) is not None
    if intent == "recommend" and 2 <= len(shown) <= 5 and not references.ids and asks_of_these:
        return "refine"  # «which one is ok for a 6 year old?» after two: of those two
    if not shown or intent not in {"compare", "catalogue_question"} or len(references.ids) >= 2:
        return None
    if references.kind in {"mention", "id"} and _ABOUT_THIS_ONE.match(text):
        return "search"  # «what about the NorthTrail Plus X tent?» beside a list: show that one
    if _EACH.search(text) or (intent == "compare" and len(shown) == 1 and not references.ids):
        return "product_question"  # a post's one product: «the standard or the deluxe?»
    if EXPERIENCE.search(text) and intent == "compare" and len(shown) >= 2:
        return "compare"  # "which one do ppl say is more comfy?": their reviews, side by side
    if intent == "catalogue_question" and _ALL_YOU_HAVE.search(text):
        return None  # «whats the best rated skillet you have then»: of all, not of the list
    if _WHICH.search(text) or len(text.split()) <= 3 or references.kind == "superlative":
        return "refine"  # "the cheaper of those two": that one
    return None


# «whats the best rated skillet you have»: a superlative of a kind, over all the shop holds
_ALL_YOU_HAVE = re.compile(
    r"^(?!.*\b(?:of|from|among)\s+(?:those|these|them|the \w+ you (?:showed|sent))\b)"
    r".*\b(?:best|cheapest|priciest|most expensive|highest|top|lightest|biggest)\b"
    # a kind named last («skillet»), not «the best one you have», «the cheapest pair»
    r"(?:[\s-]+[\w-]+){0,2}[\s-]+(?!(?:one|ones|pair|pairs|thing|things|item|items|option|"
    r"options|product|products|rated)\b)[a-z][\w-]{2,}\s+"
    r"(?:(?:you|u|ya|y'?all)\s+(?:have|got|sell|stock|carry|do)|you'?ve got|"
    r"in the (?:shop|store))\b",
    re.I,
)


# «other blenders in stock?», «any other merino sweater in L»: more of its kind, not it
_OTHER_OF_ITS_KIND = re.compile(
    r"(?<!with )(?<!than )(?<!to )\b(?:any ?other|other|different)\s+(?!(?:ones?|colou?rs?|"
    r"sizes?|versions?|options?|way|day|things?|questions?|of|people|reviews?|reviewers?|than|"
    r"customers?|buyers?|users?|folks|brands?|stuff)\b)(?![a-z]+\s+ones?\b)[a-z]{3,}",
    re.I,  # (?!… ones?): «the other blue one» is one of those shown
)


def _cheaper_than_focus(
    intent: str, text: str, state: DialogueState, references: References
) -> bool:
    """A cheaper one than the product in focus asked for, not the cheaper of those shown."""
    if not state.focus or not THAN_IT.search(text) or _WHICH.search(text):
        return False
    other = references.kind in {"mention", "id"} and references.ids != [state.focus]
    return not other and intent in _ABOUT_PRODUCTS | _SHOWN_AGAIN | {"search", "help"}


def _cheaper_than_named(
    intent: str, text: str, references: References, state: DialogueState
) -> bool:
    """A cheaper (or better rated) one than the one product the message names («the
    kitchencraft lite blender is way too much. cheaper blender?»), which comes into focus."""
    named = references.kind in {"mention", "id"} and len(references.ids) == 1
    asked = THAN_IT.search(text) and not _WHICH.search(text) and not _IS_IT.match(text)
    asked = asked and not _CHEAPER_ELSEWHERE.search(text)  # «way cheaper on other sites»
    if named and asked and intent in _ABOUT_PRODUCTS | {"search", "recommend"}:
        state.focus = references.ids[0]
        return True
    return False


_CHEAPER_ELSEWHERE = re.compile(
    r"\b(?:cheaper|less expensive)\s+(?:on|at|in|from|elsewhere|somewhere|than (?:on|at|in))\b"
    # «way cheaper here than elsewhere, is it a knockoff?»: a worry about this one's price
    r"|\b(?:cheaper|less expensive)\s+(?:here\s+)?than\s+(?:elsewhere|everywhere|anywhere|"
    r"other (?:sites|shops|stores|places)|(?:on\s+)?amazon|in (?:the )?shops?|retail)\b",
    re.I,
)
_IS_IT = re.compile(r"^\W*(?:is|are|was|does|do)\b", re.I)  # «is the X cheaper?»: its price


def _traded_or_over_shown(
    intent: str, text: str, shown: list[str], references: References, slots: Slots
) -> str | None:
    """«replace the X with the Y» adds the Y (then the X goes); «ok the cheaper of those two,
    navy queen» picks that one in that version; else a ranking of the shown."""
    if named_trade(references, text):
        return "add"
    if references.kind == "shown-word" and decided_in_a_word(text) and "?" not in text:
        return "add"  # «ok the quietude», «roastery it is, 500g whole bean»: the one picked
    ranked_pick = references.kind == "superlative" and _PICKED_BY_RANK.search(text)
    decided = slots.options or _DECIDED_RANK.search(text)  # «fine, the cheaper one»
    if ranked_pick and decided and "?" not in text and intent in _ABOUT_PRODUCTS:
        return "add"
    if shown and not references.ids and _YOUR_PICK.search(text):
        return "refine"  # «which one would you recommend?» beside a list: the best of it
    return _over_shown(intent, text, shown, references)


# «what do you recommend?», «which one would u get?», «your pick?»: one of those shown
_YOUR_PICK = re.compile(
    r"^\W*(?:(?:so|ok|okay|and|hmm+|well)\W+)*(?:(?:what|which)(?: one| of (?:them|those|these|"
    r"the \w+))?|any of (?:them|those|these)) (?:do|would|should|will|can) (?:you|u) (?:recommend|"
    r"suggest|pick|choose|go (?:for|with)|get|buy)\b[^.!]*$"
    r"|^\W*(?:what'?s|what is|which is) (?:your|ur) (?:pick|recommendation|favou?rite|fave|"
    r"top pick)\b|^\W*(?:your|ur) (?:pick|recommendation|favou?rite|fave)\W*$",
    re.I,
)


# «fine, the cheaper one», «I'll go with the better one», «the lighter one then»: a decision
_DECIDED_RANK = re.compile(
    r"^\W*(?:(?:fine|alright|all right|right|go on)\W+(?:then\W+)?"
    r"(?:i'?ll (?:take|have|get|go with) )?|i'?ll (?:take|have|get|go with) |go with )"
    r"the \w+ one\W*(?:then|please|pls)?\W*$"
    r"|^\W*the \w+ one,? then\W*(?:please|pls)?\W*$"
    # «ok the cheaper of those two», «the cheaper of the two then»: said as the choice
    r"|^\W*(?:(?:ok(?:ay)?|fine|alright|right|so|yeah|yes|hmm+)\W+)*(?:then\W+)?"
    r"(?:i'?ll (?:take|have|get|go with) |go with )?the \w+ of (?:those|them|these|the)"
    r"(?: two| 2)?\W*(?:then|please|pls)?\W*$",
    re.I,
)
_PICKED_BY_RANK = re.compile(  # «cheaper one in green» too
    r"(?:\bthe |^\W*)(?:cheaper|cheapest|pricier|priciest|cheap|expensive|pricey|"
    r"better(?:[- ]rated)?|"
    r"best(?:[- ]rated)?|quicker|quickest) (?:one|of (?:those|them|these|the two)(?: two)?)\b"
    rf"|{ONE_WITH_BETTER_REVIEWS}",
    re.I,
)


# «409?! way too much. something under 200 that's in stock»: another one, not the one in view
_ANOTHER_THING = re.compile(
    r"\b(?:something|anything)\s+(?:else\s+)?(?:under|below|less|cheaper|for|in|that)\b", re.I
)


def corrected(
    intent: str,
    references: References,
    request: Request,
    state: DialogueState,
    slots: Slots,
    has_order: bool = True,
) -> str:
    """Acts the words around a request and the conversation make clear: "which one is
    lightest?" ranks what was shown, "the price of each" asks about each of them, "and the
    zenmotion bands" after an add is another add, "how long does delivery take?" about the
    product in focus is about that product, a return with no order asks about the policy."""
    text, shown = request.text, state.shown
    if over := _versions_compared(intent, text, references) or _traded_or_over_shown(
        intent, text, shown, references, slots
    ):
        return over
    if _against_focus(intent, references, text, state):
        return "compare"
    named = references.kind in {"mention", "id"}
    if shown and SOONER.search(text) and not named and intent in _ABOUT_PRODUCTS | _SHOWN_AGAIN:
        return "refine"  # "any that gets here faster?": over what was shown
    asked_other = (intent in _ABOUT_PRODUCTS | {"add"} and _OTHER_OF_ITS_KIND.search(text)) or (
        intent in {"refine", "recommend"} and LIKE_IT.search(text)
    )  # «anything similar in stock?» beside the sold-out shoes: like them, not them
    its_kind = references.kind in {None, "shown-word", "option"} and state.focus
    # («and the same size in the other grind»: the one in view in its other version, heard)
    if asked_other and its_kind and not CHANGE_WORDS.search(text) and not request.implied:
        return "search"  # its kind again, with the filters said, not the product in focus
    if _cheaper_than_focus(intent, text, state, references) or _cheaper_than_named(
        intent, text, references, state
    ):
        return "refine"  # "is there a cheaper one?" beside the tent in the cart: than it
    if intent == "refine" and named and not set(references.ids) & set(shown):
        return "search"  # "and the nimbus audio kids ones?": not among those shown
    if (
        intent == "refine"
        and references.kind == "deictic"
        and not references.plural
        and not _ANOTHER_THING.search(text)  # «something under 200 that's in stock»
    ):
        return "product_question"  # "is it only ground?": the one in focus, not the list
    if talk := cart_talk(intent, text, intent in CART_CHANGING, state.last_intent or ""):
        return talk  # «take it out, please»; «is it easy to take the stove out of its box?»
    if heard_as_add(intent, references, text, slots, state.last_intent or ""):
        return "add"
    if asks_its_version(intent, references, text, slots, state.focus):
        return "product_question"
    if terms := terms_or_rules(intent, text, named, references, state, has_order):
        return terms
    return _about_a_named_product(intent, references, request, slots, state)


def _several_named(intent: str, references: References, text: str) -> str:
    """A search naming several products, or a question about them."""
    if len(references.ids) > 2:
        # «gift ideas: the X, the Y and the Z. prices?» asks of them; «Mineral sunscreen SPF
        # 50 for my daughter's trip?» names a kind, not three products
        return "product_question" if _asks_of_several_named(references, text) else intent
    if not _ASKED_IN_WORDS.search(text):
        return intent  # «luma skin vitamin c serum?? saw it on snapgram»: show the two
    return "product_question" if ASKS.search(text) else intent


_A_VERSION = (
    r"(?:standard|regular|normal|basic|deluxe|premium|small|medium|large|single|double|twin|"
    r"queen|king|\d+(?:\.\d+)? ?(?:ml|g|kg|oz|l|cm|mm))"
)
# «whats the difference between standard and deluxe», «… between the editions»: its versions
_VERSIONS_COMPARED = re.compile(
    r"\b(?:difference|differences|diff)\b[^.?!]*?\b(?:(?:the|its|their) (?:editions|versions|sizes)"
    rf"\b|{_A_VERSION}\s+(?:and|vs\.?|or|&)\s+(?:the\s+)?{_A_VERSION}\b)",
    re.I,
)


def _versions_compared(intent: str, text: str, references: References) -> str | None:
    """«whats the difference between standard and deluxe»: a question about the versions of
    the one in view, not a comparison of two products."""
    if intent == "compare" and _VERSIONS_COMPARED.search(text) and len(references.ids) < 2:
        return "product_question"
    return None


# a question in words, not only a «?» after a name: «luma skin vitamin c serum??» shows them
_ASKED_IN_WORDS = re.compile(
    r"\b(?:do|does|did|is|are|was|were|will|would|can|could|should|how|hows|what|whats|when|"
    r"where|which|who|any|ok|okay|good|safe|worth|better|difference)\b",
    re.I,
)
# «what about milk and bread?», «and socks?»: a kind of thing, asked after a search
_WHAT_ABOUT = re.compile(
    # (not «… sleep? and whats the packed size»: a question of the same one)
    r"^\W*(?:(?:ok|okay|hmm+|oh|so|and)\W+)*(?:what|how) about\b"
    # («and are the seams taped», «and is it padded»: a short question of the same one)
    r"|^\W*and\b(?!\s+(?:what'?s|whats|what is)\s+(?:the|its)\s+\w+(?:\s+\w+)?\W*$)"
    r"(?!\s+(?:is|are|does|do)\s+(?:it|they|the\s+\w+)\s+\w+\W*$)",
    re.I,
)


def _searched_again(intent: str, text: str, references: References, state: DialogueState) -> bool:
    """Whether a short «what about X?» after a search asks for X the same way."""
    last = (state.last_intent or "").rpartition("+")[2]
    return (
        last == "search"
        and intent in {"review_question", "product_question", "smalltalk", "help"}
        and not references.ids
        and bool(_WHAT_ABOUT.search(text))
        and len(text.split()) <= 8
    )


def _asks_of_several_named(references: References, text: str) -> bool:
    """Whether a fact is asked of three or more products, each named in its own words."""
    phrases = set(references.phrases.values())
    return len(phrases) == len(references.ids) and bool(
        FACT_WORDS.search(text) or _PRICES.search(text)
    )


def _not_about_it(
    intent: str, references: References, text: str, state: DialogueState, slots: Slots
) -> str | None:
    """A request that names a product but asks no question of it: a search again («do you
    sell dog food?», then «what about milk and bread?»), or a pick in a version."""
    if _searched_again(intent, text, references, state) or _compared_nothing(
        intent, text, references
    ):
        return "search"
    named = references.kind in {"mention", "id"} and len(references.ids) == 1
    if intent == "catalogue_question" and named and _HOW_MANY_HELD.search(text):
        return "product_question"  # «clearwell tea tree gel 100ml how many u got»: its stock
    return "add" if _picked_in_a_version(intent, references, text, slots) else None


# «how many u got», «how many do you have left»: the stock of the one named
_HOW_MANY_HELD = re.compile(
    r"\bhow many\s+(?:(?:do|have)\s+)?(?:u|you|ya|y'?all)\s+(?:got|have|has|got left|have left)\b"
    r"|\bhow many\s+(?:are\s+)?(?:left|in stock|available)\b",
    re.I,
)
_MOST = re.compile(
    r"\b(?:cheapest|priciest|most expensive|least expensive|best[- ]rated|highest[- ]rated|"
    r"top[- ]rated)\b",
    re.I,
)


def _about_a_named_product(
    intent: str, references: References, request: Request, slots: Slots, state: DialogueState
) -> str:
    """A question that names a product is about that product, whatever the words around it
    sound like ("is the playwise teddy safe for my 2 year old?" is not a gift search)."""
    if said_otherwise := _not_about_it(intent, references, request.text, state, slots):
        return said_otherwise
    # «cheapest loose leaf green tea?»: of all the namesakes, ranked
    ranked = intent == "catalogue_question" and len(references.ids) > 1
    if references.kind not in {"mention", "id"} or (ranked and _MOST.search(request.text)):
        return intent
    if (
        intent in {"search", "recommend"}
        and len(references.ids) > 1
        and _WHICH_OF.search(request.text)
    ):
        return "compare"  # "the bassline air or the quietude plus 700, which would you get?"
    if intent in {"search", "recommend"} and _SEARCHY.search(request.text):
        return "search"  # "got any kyoto garden matcha?": show it
    if (
        intent in {"product_question", "review_question"}
        and _SEARCHY.search(request.text)
        and not FACT_WORDS.search(request.text)
        and not slots.options
    ):
        return "search"  # "have you got the softnest aero pillow?": show it, with its price
    if intent == "compare" and len(references.ids) < 2 and not _BESIDE_A_NAME.search(request.text):
        return "product_question"
    if intent == "product_question" and len(references.ids) > 1 and _MOST_OF.search(request.text):
        return "compare"  # «biggest duffel out of X, Y and Z?»: set side by side
    if intent in _ASKED and len(references.ids) == 2 and _COMPARED_TO.search(request.text):
        return "compare"  # "is the ironpeak core 500 worth the extra over the flexa wave 2?"
    if intent in _ABOUT_PRODUCTS or intent in CART_CHANGING or intent == "policy_question":
        return intent
    if intent in {"search", "recommend"} and len(references.ids) > 1:
        return _several_named(intent, references, request.text)
    if ASKS.search(request.text):
        return "product_question"
    return intent
