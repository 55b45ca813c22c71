"""A request that only names one product, perhaps with its version, a count and who it is
for («Flexa Air 2 … in black for my sister who's doing physio», «one … for each of my three
nephews»): a pick. The words about whom say why, not what: no version and no question."""

from __future__ import annotations

import re

from assistant.catalogue.models import Product
from assistant.conversation.understanding.buying import NAMING, PLEASE, only_names
from assistant.conversation.understanding.counts_in_words import count_for_each
from assistant.conversation.understanding.references import References
from assistant.conversation.understanding.slots import (
    NUMBER,
    Slots,
    count_beside_name,
    number_value,
    titles_number,
)
from assistant.conversation.understanding.trades import sentences
from assistant.conversation.understanding.version_lists import HOLDS_BACK

# «for my sister who's doing physio», «, for my niece and nephew», «one for each of the
# quadruplets», «for family game night», «for my sister's Galaxy S24»: up to the end of its
# clause (not «for next time», «for under 30 dollars»)
NAMED = {"mention", "shown-word"}  # «the kestrel urban ones»: a product by its name
# «add a cairn gear insulated water bottle in grey» heard as a search beside a full cart
_ADDS_ONE = re.compile(
    r"^\W*(?:(?:ok|okay|and|also|now|then|pls|please)\W+)*(?:(?:can|could) (?:you|u) )?"
    r"(?:add|pop|put|throw in|chuck in|stick)\s+(?:a|an|one|the|1)\s+(?!.*\?)",
    re.I,
)
_FOR_SOMEONE = re.compile(
    r"(?:,\s*)?\b(?:(?:one|1)\s+)?for\s+(?:each\s+of\s+)?(?:my|our|his|her|their|the|a|an|each|"
    r"every|family|me|us|him|them|party|parties|birthdays?|christmas|xmas|gifts?|stockings?|goodie|loot|[a-z]+'s)"
    r"\b[^,.;!?]*",
    re.I,
)
# «…, my daughter is off to uni», «…, she loves pink»: a remark that says why, after the pick
_REMARK = re.compile(
    r",\s*(?:(?:my|our|his|her)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:is|are|'s)\s+(?:off|going|starting|"
    r"turning|having|moving|getting|heading)\b|(?:she|he|they)\s+(?:loves?|likes?|wants?|needs?|"
    r"asked)\b|(?:it'?s|its)\s+(?:a|for|her|his)\b)[^.;!?]*[.!]*$",  # «, he likes purple, weirdly»
    re.I,
)
# «need 2 for 2 windows», «i'll take three», «x2 pls» after the name: only how many
_ONLY_A_COUNT = re.compile(
    rf"^\W*(?:i\s*(?:'ll|will)?\s*)?(?:need|want|take|get|gonna need|make it|x)?\s*{NUMBER}"
    r"(?:\s+(?:of (?:them|those|it|these)|please|pls|thanks|for\s+(?:my\s+)?[\w ]+))?\W*$",
    re.I,
)


def without_recipients(product: Product, text: str) -> str:
    """The words of a request without who it is for or why: «for my sister's Galaxy S24»
    leaves only the version it names, «Galaxy S24»; a remark that holds back stays."""

    def kept(said: re.Match[str]) -> str:
        if HOLDS_BACK.search(said[0]):
            return said[0]  # «for my brother who already has a pair»: no pick
        return " " + " ".join(product.options_named_in(said[0]).values()) + " "

    text = _FOR_SOMEONE.sub(kept, text)
    remark = _REMARK.search(text)
    if remark and not HOLDS_BACK.search(remark[0]):
        # «…, he likes purple»: only the version the remark names stays
        wished = " ".join(product.options_named_in(remark[0]).values())
        text = f"{text[: remark.start()]} {wished}"
    return text.strip()


# «right, Blade & Bowl it is.», «the navy one it is then»: a decision for the one named
# «the Tumble & Co one then», «Nova X then. he likes purple»: the same, said with «then»
_DECIDED = re.compile(
    # not «a foam roller then»: any one of a kind is no decision on the one in view
    r"^\W*(?:(?:ok|okay|right|alright|fine|so|then|yeah|yes|hmm+|meh)\W+)*"
    r"(?P<name>(?!(?:a|an|some|any|something)\b).+?)\s+"
    # («ok ironpeak it is, grey one»: and its version after a comma)
    r"(?:it\s+is(?:\s+then)?(?:\s*,\s*(?P<version>[^,.?!]{1,30}?))?|then)\W*$",
    re.I,
)
BRIEF_REMARK_WORDS = 5
# words that ask which version, not for one: «Bassline One colour please»
# «my cables keep fraying - the VoltEdge Plus cable for iPhone 16 please»: a remark, then the pick
_DASH_THE = re.compile(r"\s+[-–—]+\s+the\s+", re.I)
_VERSION_WORDS = re.compile(r"\b(?:colou?r|size|model|edition|version)s?\b", re.I)


# «Just browsing. Bassline One in black»: a story that says no buy is meant yet
_NOT_BUYING = re.compile(
    r"\b(?:browsing|just looking|only looking|window shopping|not (?:buying|ordering|adding)|"
    r"don'?t (?:add|buy|order)|not yet|maybe|thinking|not sure|undecided)\b",
    re.I,
)


def named_pick(
    intent: str,
    references: References,
    text: str,
    product: Product | None,
    slots: Slots,
) -> str | None:
    """What a request heard as a search or a question does when it only names one product
    (and perhaps how many, then read into `slots`): with options it picks that one ("flexa
    air 2 bands black", "… pink queen x2": an add), without them or asked ("the clearwell
    lite 2 one?") it shows it; None when it says more than a name."""
    if intent == "search" and references.kind == "mention" and _ADDS_ONE.match(text):
        return "add" if len(references.ids) == 1 else None  # «add a cairn gear water bottle»
    shown_word = references.kind == "shown-word"  # «the flexa ones pink» beside a list
    *before, last = sentences(_DASH_THE.sub(". the ", text))
    counted = _ONLY_A_COUNT.match(last) if before else None
    if counted:  # «softnest, olive, king size. need 2 for 2 windows»: the pick, then its count
        text, (*before, last) = " ".join(before), before
        slots.quantity = number_value(counted.group(1))
    told = " ".join(before)  # «back to school stuff.», «The puzzle looks perfect.»
    decided = _DECIDED.match(told or last)
    if decided:  # «right, Blade & Bowl it is. green, medium size»: that one, in that version
        version = f", {decided['version']}" if decided["version"] else ""
        text = decided["name"] + version + ("" if last == text or not told else f", {last}")
        told, last = "", text
    # «ok forget it, it's for my wife and she has a 15 anyway. the ampere one classic 2 for
    # iphone 15»: a story of any length, then the one named in its version alone
    named_last = bool(product and product.options_named_in(last) and only_names(product, last))
    brief = "?" not in told and (
        (named_last and not _NOT_BUYING.search(told))
        or (len(told.split()) <= BRIEF_REMARK_WORDS and not HOLDS_BACK.search(told))
    )
    if (
        last != text
        and (PLEASE.search(last) or brief)
        and "?" not in last
        and PLEASE.sub("", last).strip(" .!,")
    ):
        text = last  # a remark, then «The standard edition, please.»: the pick is the last
        intent = "search" if intent == "review_question" else intent
    # «Roamly Urban X in red» beside a list, «X, 1 kg ground, for my aunt»: named in full
    choosing = intent in {"refine", "recommend"} and references.kind in NAMING
    if decided and intent == "compare":
        intent = "search"  # «Nova X then» after a comparison: that one
    if (
        (
            intent not in {"search", "product_question", *(["refine"] if shown_word else [])}
            and not choosing
        )
        or (references.kind not in NAMING and not shown_word)
        or len(references.ids) != 1
        or product is None
    ):
        return None
    said, count = count_beside_name(product, text)
    name = without_recipients(product, said)  # «10 cairn gear nova 500 bottles … for the team»
    count = count_for_each(text) or count  # «one X for each of my three nephews»
    if not only_names(product, name):
        return None
    if choosing and not product.options_named_in(name) and not PLEASE.search(text):
        return None  # a filter or a wish, not a version of it; «Quietude Urban please» picks
    if count and titles_number(product, text, count):
        return "search"  # «2 bassline headphones please»: the 2 of «Urban 2», no count
    named = product.options_named_in(name) or count
    polite = PLEASE.search(text) and not _VERSION_WORDS.search(name)
    for_someone = name != said.strip()  # «the X teddy for the sick kiddo then»: that one
    if "?" not in text and (named or polite or for_someone or decided):  # «the X, please»
        slots.quantity = count_for_each(text) or slots.quantity or count  # «2 … totes navy»
        return "add"
    return "search"


def answers_the_post(
    intent: str, references: References, text: str, shown_from: bool, product: Product | None
) -> bool:
    """Whether a DM only names one of a post's products after its bare #cart asked «which
    one?» («the kettle», «the night cream, 30ml», «the second one»): that one goes in."""
    if not shown_from or product is None or len(references.ids) != 1 or "?" in text:
        return False
    if references.kind == "ordinal":
        return len(text.split()) <= 5
    return references.kind in {"shown-word", "mention", "id"} and only_names(product, text)


# «do both come in L», «which of the two in grey», «compare them in M»: asked, not picked
_ASKED_FIRST = re.compile(
    r"^\W*(?:(?:ok|okay|so|and|hmm+)\W+)*(?:do|does|did|is|are|any|which|what|how|can|could|"
    r"got|have|has|compare|vs|will|would|should|tell|show|check)\b",
    re.I,
)
_COMPARING = re.compile(
    r"\b(?:compare|comparison|vs|versus|difference|differ|better|worse|against)\b", re.I
)
# «…, what colours in queen», «… both in L, do they run small»: a question inside
_ASKS_WITHIN = re.compile(
    r"\b(?:what|whats|which|how|do (?:they|both|those|these)|does|are (?:they|both)|any)\b", re.I
)
_PICK_FILLER = (
    "the and both all two three four each in of one ones please pls ok okay then for me too also "
    "a an size colour color x kg g ml l"
).split()
_PICKED_HEARD_AS = {"product_question", "search", "refine", "recommend"}


def several_picked(intent: str, references: References, text: str, products: list[Product]) -> bool:
    """«the urbanloom and the northwind plus 900, both in L», «all three morning ritual ones,
    1kg ground»: several named or counted off the list, each with a version it is sold in, and
    nothing asked: the shopper picks them."""
    heard = intent in _PICKED_HEARD_AS or (intent == "compare" and not _COMPARING.search(text))
    if not heard or "?" in text or _ASKED_FIRST.match(text) or _ASKS_WITHIN.search(text):
        return False
    if len(products) < 2 or references.kind not in NAMED | {"ordinal"}:
        return False
    if not all(product.options_named_in(text) for product in products):
        return False
    # only their names, versions and a few words between («torn between …», «… look nice»:
    # still deciding)
    known = set(_PICK_FILLER)
    for product in products:
        known |= set(re.findall(r"\d+|[a-z]+", product.title.lower()))
        for variant in product.variants:
            for value in variant.options.values():
                known |= set(re.findall(r"\d+|[a-z]+", value.lower()))
    return set(re.findall(r"\d+|[a-z]+", text.lower())) <= known


# «the cheaper of the two atlas & oak ones, in grey»: one picked by a comparison, in a version
_COMPARED_PICK = re.compile(
    r"^\W*(?:(?:ok|okay|so|then|right|fine|yeah)\W+)*the\s+(?:cheaper|cheapest|pricier|"
    r"priciest|cheap|expensive|pricey|lighter|lightest|bigger|biggest|smaller|smallest|"
    r"better[- ]rated|best[- ]rated)"
    r"\b[^?]*,\s*\S[^?]*$",
    re.I,
)


def compared_pick(intent: str, references: References, text: str, slots: Slots) -> bool:
    """«the cheaper of the two atlas & oak ones, in grey»: no question, a version said after
    the one a comparison picks: the shopper buys it."""
    return (
        intent in _PICKED_HEARD_AS
        and len(references.ids) == 1
        and bool(slots.options)
        and bool(_COMPARED_PICK.match(text))
    )


# «one olive king for the guest room», «and one in M for my partner»: one more, in a version,
# for someone or somewhere: another line, not the line changed
_ONE_MORE_FOR = re.compile(
    # (not «ok one in XL for me instead»: a swap)
    r"^(?![^?]*\binstead\b)\W*(?:(?:and|plus|also|oh|ok|okay)\W+)*(?:one|1|another)\s+"
    r"(?:more\s+)?(?:in\s+)?"
    r"[^,.;!?]*?\bfor\s+(?:the|my|our|his|her|their|me|him|them|us|[a-z]+'s)\b[^?]*$",
    re.I,
)


def one_more_for(text: str, slots: Slots) -> bool:
    """Whether a request asks for one more, in a version said, for someone or somewhere."""
    return bool(slots.options and _ONE_MORE_FOR.match(text))


# «fine, another ridgeline then», «one more kestrel please»: one more of one named
_ANOTHER_NAMED = re.compile(
    r"^\W*(?:(?:fine|ok|okay|then|so|alright|right|and|oh|ugh)\W+)*(?:another|one more)\s+"
    r"(?!(?:colou?r|size|version|model|one|ones|of|in|for|brand|thing|things|question|"
    r"questions|q|request|sec|second|minute|time|point|detail|favou?r|option|shade)\b)"
    r"[a-z][\w&' -]*?"
    r"(?:\s+(?:then|please|pls|too|as well))*\W*$",
    re.I,
)


def one_more_for_someone(intent: str, text: str, slots: Slots) -> str:
    """A change heard in «one olive king for the guest room» beside a line in another
    version, or in «fine, another ridgeline then»: an add of one more."""
    if intent == "change" and (one_more_for(text, slots) or _ANOTHER_NAMED.match(text)):
        return "add"
    return intent
