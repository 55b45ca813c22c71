"""Follow-ups that lean on the turn before: «and the handle?», «oh. what about the X?»,
«too slow. what about the X one» ask the last question again; «the cheaper one» after a
question picks, adding nothing."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.catalogue.models import Product
from assistant.conversation.answers.value_checks import doubts_a_figure, facts_in_words
from assistant.conversation.state import DialogueState
from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.buying import CHANGE_WORDS, in_title
from assistant.conversation.understanding.references import References
from assistant.conversation.understanding.shop_words import asks_the_shop

# A short verdict on the last answer before the follow-up: «too slow. what about the X one».
_VERDICT = r"(?:too \w+|nah|meh|nope|not (?:great|good|ideal|fast enough|cheap enough))"
# «yikes. and the X?», «oops. what about the X?»: a word of surprise says nothing asked
_INTERJECTIONS = "yikes oops whoops wow eek ouch ah ahh aw damn lol haha blimey crikey argh"
FOLLOW_UP = re.compile(
    rf"^\W*(?:(?:oh|ok|okay|hmm|right|well|seriously|fine|ugh|{_VERDICT}|"
    rf"{'|'.join(_INTERJECTIONS.split())})\W+)*"
    # «same question for the other one», «ditto for the second»
    r"(and|also|what about|how about|and what about|so|same (?:question|q)|ditto)\b",
    re.I,
)
_VERDICT_FIRST = re.compile(rf"^\W*{_VERDICT}\W+(?=(?:and|also|what about|how about)\b)", re.I)
# Words that carry no question of their own in a follow-up ("oh. what about the X?").
_EMPTY_WORDS = set(
    "what about how and the a one ones it oh ok okay so then hmm seriously really that this "
    "same for with also too then please pls instead hm right well first second third fourth "
    "fifth last other question q thing ditto deal story applies apply there".split()
) | set(_INTERJECTIONS.split())
QUESTION_ACTS = ("review_question", "product_question", "policy_question")
# a question asks with «?» or its opening word; «2 sets in white, queen» asks nothing
ASKS = re.compile(
    r"\?|^\W*(do|does|did|is|are|was|were|will|would|can|could|should|how|hows|what|whats|what's|"
    r"when|where|which|who|any)\b",
    re.I,
)


def elliptical_question(
    intent: str, text: str, references: References, state: DialogueState, titles: list[str]
) -> str:
    """The question a request asks. A follow-up that only names another product ("oh. what
    about the playwise classic 700?") asks the question before it again, about that product;
    any other question is remembered for the next follow-up."""
    if intent not in QUESTION_ACTS:
        return text
    if state.last_question and only_doubts(text):
        return state.last_question  # «you sure? where does it say that»: the answer, its source
    title_words = {w for title in titles for w in re.findall(r"[a-z0-9']+", title.lower())}
    asked = _VERDICT_FIRST.sub("", text).lower()
    words = [w for w in re.findall(r"[a-z0-9']+", asked) if not in_title(w, title_words)]
    if any(word not in _EMPTY_WORDS for word in words):
        state.last_question = " ".join(words)  # the question without the product it named
        return text
    if state.last_question and references.ids and FOLLOW_UP.search(text):
        return state.last_question  # the product comes with the references
    return text


# «you sure? where does it say that», «is that right?»: the answer doubted, nothing new asked
_DOUBT_SAID = (
    r"(?:(?:really|hmm+|wait|huh|ok|okay|so|but|and|hang on)\W+)*(?:(?:are |r )?(?:you|u) "
    r"sure|where does it say(?: that| so)?|where(?: did|'?d) you (?:get|see|read) (?:that|this)|"
    r"(?:are )?(?:you|u) (?:reading|looking at) the right (?:product|one|listing|thing)|"
    r"which is it|is (?:that|this) (?:really |actually )?what it (?:really |actually )?says|"
    r"(?:that |this )?sounds? (?:sus|suspicious|fishy|off|wrong|weird)|"
    r"be honest(?:,? do (?:you|u) (?:actually |really )?know\b[^?]*)?|"
    r"is (?:that|this) (?:right|correct|true|accurate)|how do you know(?: that)?|"
    r"what(?:'s| is) (?:that|this) based on|says who|source)\W*$"
)
_DOUBT = re.compile(rf"^\W*{_DOUBT_SAID}", re.I)
_ENDS_DOUBTING = re.compile(rf"(?:^|[?.!,;]\s*){_DOUBT_SAID}", re.I)


def only_doubts(text: str) -> bool:
    """Whether a message only doubts the answer before («you sure? where does it say that»)."""
    return all(_DOUBT.match(part) for part in re.split(r"(?<=[?.!])\s+", text.strip()) if part)


def quoted_of_the_one_in_view(
    references: References, text: str, state: DialogueState, focus: Product | None
) -> References:
    """«wait material says 100% linen but its called a cotton towel set. which is it»: the
    product in view, whose listing a doubting message quotes, not one its words happen to
    name that was never shown («Hearth & Linen»)."""
    if focus is None or focus.id in references.ids or not doubts_a_figure(text):
        return references
    seen = set(state.shown) | set(state.talked_about)
    if set(references.ids) & seen or not facts_in_words(focus, text):
        return references
    return References([focus.id], "deictic")


def doubted_whole(requests: list[Request], message: str, state: DialogueState) -> list[Request]:
    """«full grain leather for 74 bucks? is that real leather or pu, where does it say that»:
    a message that ends by doubting the answer before is one question about the product in
    view, not a search for its first words."""
    in_view = state.focus or state.talked_about
    doubting = _ENDS_DOUBTING.search(requests[-1].text) if requests else None
    # («material says soy wax. for curtains. be honest, do you actually know …?» heard whole)
    said_before = doubting is not None and doubting.start() > 0
    if (len(requests) < 2 and not said_before) or not in_view or doubting is None:
        return requests
    if any(request.act not in {*QUESTION_ACTS, "search", "refine"} for request in requests):
        return requests
    return [replace(requests[0], text=message, act="product_question")]


_BARE_PICK = re.compile(
    # «add one» is no pick
    r"^\W*(?:ok |okay |hmm |so |oh )?(?:the |that |this )?"
    r"(?:(?!(?:add|buy|get|grab|take|order)\b)(\w+) )?(?:one|ones)\W*$",
    re.I,
)


def bare_pick(intent: str, text: str, state: DialogueState) -> str:
    """ "the cheaper one" after a question that listed several products picks the one the
    question is about; it adds nothing to the cart."""
    last = (state.last_intent or "").rpartition("+")[2]
    match = _BARE_PICK.match(text)
    if intent != "add" or last not in QUESTION_ACTS or not match or state.pending_action:
        return intent
    word = (match.group(1) or "").lower()
    return "refine" if word.endswith(("er", "est")) and state.shown else last


# «and 2 more», «plus 2 more for my mates» right after an add (not «couple more?» of a list)
_SO_MANY_MORE = re.compile(
    r"^\W*(?:(?:and|oh|ok|okay|plus|also|so)\W+)*(?:[2-9]|two|three|four|five|a couple|couple)"
    r"\s+more(?:\s+(?:of (?:it|those|them|that)|please|pls|too|then|for (?:me|him|her|them|us|"
    r"(?:my|our|his|her|their|the) \w+(?: \w+)?)))*[\s.!]*$",
    re.I,
)


def so_many_more(intent: str, text: str, state: DialogueState) -> str:
    """«and 2 more» right after an add: that many more of what was added."""
    just_added = bool(state.last_added) and state.last_added[0].turn == state.turns - 1
    if _SO_MANY_MORE.match(text) and state.last_cart_change == "add" and just_added:
        return "add"
    return intent


def more_of_the_last_add(
    intent: str, references: References, text: str, state: DialogueState
) -> References:
    """«plus 2 more for my mates» right after an add: of the one just added (not a «Plus X»
    model the words also name)."""
    added = list(dict.fromkeys(line.product_id for line in state.last_added))
    if intent != "add" or not _SO_MANY_MORE.match(text) or len(added) != 1:
        return references
    return References(added, "deictic")


_A_COUNT_ALONE = re.compile(r"\W*(?:[1-9]|10)\W*")
_PRICE_ASKED = re.compile(r"\b(?:how much|price|prices|priced|cost|costs)\b", re.I)


def a_count_alone(intent: str, text: str, state: DialogueState) -> str:
    """«2» (of «cool, 2 pairs pls») after asking of the one product in view: that many of it,
    not small talk."""
    last = (state.last_intent or "").rpartition("+")[2]
    if intent not in {"smalltalk", "help"} or not _A_COUNT_ALONE.fullmatch(text):
        return intent
    alone = state.focus is not None and len(state.shown) <= 1 and not state.pending_action
    # («4» after a review question, «10» after «machine washable?»: no count asked for)
    priced = bool(_PRICE_ASKED.search(state.last_question or ""))
    return "add" if alone and priced and last in QUESTION_ACTS else intent


# «for two kids so 2», «its for my 3 nephews, so 3» right after an add: that many of it
_SO_MANY_FOR_THEM = re.compile(
    r"^\W*(?:(?:oh|ok|okay|actually|wait|ah)\W+)*(?:(?:it'?s|its|they'?re|theyre)\s+)?for\s+"
    r"(?:my\s+|our\s+|the\s+)?(?:\d|two|three|four|five|both)\b[^.?!]{0,25}?[,.]?\s+so\s+\d\W*$",
    re.I,
)


def so_many_for_them(intent: str, text: str, state: DialogueState) -> str:
    """A count said for the people it is for right after an add: the line set to it."""
    last = (state.last_intent or "").rpartition("+")[2]
    if intent in {"add", "change", "remove"} or last != "add" or not _SO_MANY_FOR_THEM.match(text):
        return intent
    return "change"


# «no wait, the first one», «sorry, i meant the other one»: another pick of the same list
_PICKED_INSTEAD = re.compile(
    r"^\W*(?:(?:no+|nah|nope|wait|sorry|oops|actually|hmm|oh|i meant|i mean|make (?:it|that))"
    r"\W+)+(?:the |that )?(\w+) one\W*$",
    re.I,
)


def picked_instead(intent: str, text: str, state: DialogueState) -> str:
    """«the second one in size 9» («which colour?»), then «no wait, the first one»: the
    add asked, of the other product, whatever the words alone sound like."""
    pending = state.pending_action
    if pending is None or pending.kind != "add" or not state.shown:
        return intent
    return "add" if _PICKED_INSTEAD.match(text) else intent


# «i need a couple tho, one for each of my 2 teens. enough navy?»: its stock, asked
_ENOUGH_OF_IT = re.compile(r"\benough\b[^.!?]{0,30}\?\W*$", re.I)


def enough_of_it(intent: str, text: str, state: DialogueState) -> str:
    """«… one for each of my 2 teens. enough navy?» beside a product: a question about its
    stock, not a need to suggest things for."""
    searching = intent in {"recommend", "search", "add"}
    return (
        "product_question" if searching and state.focus and _ENOUGH_OF_IT.search(text) else intent
    )


def asks_again(text: str, state: DialogueState) -> bool:
    """Whether a short follow-up ("and the handle?", «And the Blade & Bowl knife?») asks
    the question of the turn before again."""
    last = (state.last_intent or "").rpartition("+")[2]
    return (
        last in QUESTION_ACTS
        and not CHANGE_WORDS.search(text)
        and bool(FOLLOW_UP.search(text))
        and len(text.split()) <= 10
    )


# «and who actually sells them?», «and how long would delivery be» after a review question ask
# the catalogue, not the reviews
_CATALOGUE_FACT = re.compile(
    r"\bwho(?:'s| is)?\b.{0,20}\b(?:sells?|selling|seller|makes?|made|ships?)\b"
    r"|\b(?:deliver\w*|arrive|shipping|postage|how much|price|cost|in stock)\b",
    re.I,
)


# «and the other one too, for my partner», «the other one as well pls»: that one added too
# «and one of the other one too, same size»: the other of two, in the version just taken
OTHER_ONE_IN_THE_SAME = re.compile(
    r"^(?!.*\?)\W*(?:(?:and|plus|also|ok|okay|oh)\W+)*(?:(?:one|1|a|two|2)\s+of\s+)?the other"
    r"(?:\s+one)?(?:\s+(?:too|as well|also))?\s*[,-]?\s*(?:in\s+)?(?:the\s+)?same\s+"
    r"(?:size|colou?r|version|one)(?:\s+(?:and|&)\s+(?:size|colou?r))?"
    r"(?:\s+(?:too|as well|also|please|pls))*\W*$",
    re.I,
)

THE_OTHER_TOO = re.compile(
    r"^\W*(?:(?:and|ok|okay|oh|actually|also|plus)\W+)*(?:the\s+other\s+(?:one|1)|the\s+other)\s+"
    r"(?:too|as\s+well|also)\b(?:\W+(?:for\s+[\w' -]{1,30}?|please|pls|then))*\W*$",
    re.I,
)


def follow_up_act(intent: str, text: str, state: DialogueState, versioned: bool = False) -> str:
    """A short follow-up ("and the handle?", "what about the zip") asks the same kind of
    question as the turn before it, about the same product; an add that names a version
    («also the X skillet, white, small») stays an add."""
    last = (state.last_intent or "").rpartition("+")[2]
    if last == "policy_question" and _WHAT_IF_I_GET.search(text):
        return last  # «and if I only get the packing cubes instead?»: the same rule, for those
    if (
        intent != last
        and not (intent == "add" and versioned and "?" not in text)
        # «and the other one too» after adding one: the other added, not asked about
        and not (intent == "add" and state.last_added and THE_OTHER_TOO.match(text))
        # «and one of the other one too, same size»: the other added in that size
        and not (intent == "add" and state.last_added and OTHER_ONE_IN_THE_SAME.match(text))
        and intent not in {"search", "recommend"}
        and asks_again(text, state)
        and not (intent == "policy_question" and asks_the_shop(text))
        and not (intent == "product_question" and _CATALOGUE_FACT.search(text))
        and not (intent == "order_status" and _MY_ORDERS.search(text))  # «what about my own…»
    ):
        return last
    return intent


_MY_ORDERS = re.compile(r"\bmy (?:own )?(?:orders|order history|purchases)\b", re.I)
_ASKED_OF = {"product_question", "review_question", "compare"}
_WHAT_IF_I_GET = re.compile(
    r"^\W*(?:(?:and|but|so|ok|okay)\W+)*(?:what )?if (?:i|we) (?:only |just )?(?:get|buy|order|"
    r"take|go for|went for)\b",
    re.I,
)


# «ok what about the fleetfoot aero then, also 8 in blue»: another one offered for the same want
_WHAT_ABOUT = re.compile(
    r"^\W*(?:(?:ok|okay|hmm+|fine|ugh|oh|right|well|alright)\W+)*"
    r"(?:what|how) about\s+(?:the|a|an)\b",
    re.I,
)


def tried_instead(
    references: References, text: str, state: DialogueState, named: Product | None
) -> bool:
    """Whether, after an add that could not be made (sold out, «which one?»), «ok what about
    the fleetfoot aero then, also 8 in blue» adds the one `named` in the versions said."""
    pending = state.pending_action
    if pending is None or pending.kind != "add" or named is None or named.id == pending.product_id:
        return False
    if references.kind != "mention" or references.ids != [named.id]:
        return False
    wanted = _WHAT_ABOUT.match(text) and _INSTEAD.search(text) and not _ASKED_TOO.search(text)
    return bool(wanted and "?" not in text and named.options_named_in(text))


_INSTEAD = re.compile(r"\b(?:then|instead)\b", re.I)
# «…, are they waterproof», «…, any good»: a question about it, nothing bought
_ASKED_TOO = re.compile(
    r",\s*(?:are|is|do|does|did|can|will|would|how|what|which|any)\b|\bany good\b|\bworth\b",
    re.I,
)


def moved_on(intent: str, references: References, state: DialogueState) -> bool:
    """Whether a question about another product named leaves an open «which one?» behind."""
    pending = state.pending_action
    return (
        pending is not None
        and intent in _ASKED_OF
        and references.kind == "mention"
        and pending.product_id not in references.ids
    )


def counted_version(
    intent: str, text: str, quantity: int | None, options: dict[str, str], focus: Product | None
) -> str:
    """«good enough for me. 2 sets in white, queen» after a question about a product: a count
    and a version of it, asking nothing, order it."""
    if intent not in QUESTION_ACTS or focus is None or not quantity or ASKS.search(text):
        return intent
    named = focus.options_named_in(text)
    return "add" if options and named and set(options.items()) <= set(named.items()) else intent


_NOT_PICKED = re.compile(r"\b(?:not|but|except|unsure|maybe|dunno|hmm+)\b", re.I)


def answered_which(asked: str | None, references: References, text: str, intent: str) -> str:
    """The act a request does when it only names one product after «which product do you
    mean?» (`asked`: the act that asked): «add it», then «the Meeple House Classic 500 Strategy
    Board Game» adds it; any other request keeps its act."""
    names_one = (
        intent in {"search", "refine", "product_question", "review_question", "smalltalk", "help"}
        # «the zen ones» of those listed, «whichever's cheaper»
        and references.kind in {"mention", "shown-word", "superlative"}
        and len(references.ids) == 1
        and not ASKS.search(text)
        # «not the cheapest one», «the cheapest one but i'm not sure yet»: no pick made
        and not (references.kind == "superlative" and _NOT_PICKED.search(text))
    )
    return asked if asked and names_one else intent
