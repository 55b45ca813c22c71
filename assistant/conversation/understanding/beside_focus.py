"""What a short request means beside the conversation: the product in focus, the cart, the
shop («battery?», «purple pls», «how much with delivery?», «any next day option?»)."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.catalogue.models import Product
from assistant.conversation.answers.fact_words import ATTRIBUTE_WORDS
from assistant.conversation.state import DialogueState
from assistant.conversation.understanding.buying import cart_line_act
from assistant.conversation.understanding.corrections import FACT_WORDS, UNDERSTOOD_AS_NOTHING
from assistant.conversation.understanding.references import References
from assistant.conversation.understanding.shop_words import (
    LIKE_IT,
    NEVER,
    OF_THE_SHOP,
    POLICY_TOPICS,
    SUMMARY,
)
from assistant.conversation.understanding.slots import Slots

# «hows the noise cancelling», «how is its battery»: about the product in focus
_HOWS_ITS = re.compile(
    r"^\W*(?:and |so |ok )?(?:how'?s|how is|how are) (?:the|its|it's|their)\b", re.I
)
WITH_SHIPPING = re.compile(
    r"\b(with|including|incl\.?|plus|inc) (the )?(delivery|shipping|postage)\b|"
    r"\b(delivery|shipping|postage) (included|incl)|\ball in\b|\btotal\b|"
    # «how much is delivery?» beside a cart: what it costs on this cart
    r"^\W*(?:and |so |ok )?how much (?:is|will|would|for) (?:the )?(?:delivery|shipping|postage)"
    r"(?: be| cost)?\W*$",
    re.I,
)


# «anything about the size running small», «any complaints about the zip»: its reviews
_ANY_WORD_ON = re.compile(
    r"^\W*(?:(?:and|so|ok|okay|but)\W+)?(?:anything|any mention|any word|anyone "
    r"(?:say|said|mention\w*)|any (?:reviews?|complaints?|comments?))\s+(?:about|of|on)\b",
    re.I,
)


_PRICE = re.compile(r"\b(?:price[sd]?|cost(?:s|ing)?|how much)\b", re.I)
_PRICE_BOUND = re.compile(r"\b(?:less|more) than\b|\b(?:under|below|over|ones)\b", re.I)
# acts a price question about a version of the product in view is misheard as
_HEARD_AS_BROWSING = {"search", "refine", "recommend", "help", "view_cart", "smalltalk"}

_LEFT = re.compile(r"\b(?:left|remaining|in stock)\b", re.I)

# «vegan?», «how heavy is it», «who even sells them», «seller ok?»: a short question about
# the product in view, whatever word it asks about (never «we don't sell vegan»)
_ABOUT_IT = re.compile(
    r"^\W*(?:(?:and|so|ok|okay|but|also|hmm|oh)\W+)*(?:"
    r"[a-z-]+\s*\?"
    r"|(?:is|are|r|does|do)\s+(?:it|they|this|that|these|those)\s+[a-z-]+(?:\s+[a-z-]+)?\s*\?"
    r"|how\s+[a-z]+\s+(?:is|are|r)\s+(?:it|they|this|that|these|those)"
    r"|who\s+(?:even\s+|actually\s+)?(?:sells|makes|ships)\s+(?:it|them|this|that|these|those)"
    r"|(?:and\s+)?(?:the\s+|is\s+the\s+)?seller\s+(?:ok|okay|legit|good|any good|safe|real|"
    r"trustworthy|vetted)"
    r")\W*$",
    re.I,
)
# «are they wireless or do they need a cable», «is it ok for a 5 year old»: a yes-or-no
# question whose subject is the product in view, whatever kind of thing it goes on to name
# (never «we don't sell wireless»); «do they sell…», «do they have…» ask about the shop
_IT_ASKED = re.compile(
    r"^\W*(?:(?:and|so|ok|okay|but|also|hmm|oh|wait)\W+)*"
    r"(?:is|are|r|does|do|will|would|can|could)\s+(?:it|they|this|that|these|those)\b"
    r"(?!\s+(?:have|has|sell|carry|stock|got|make|do|ship|offer|one|ones)\b)"
    r"(?!\s+worth\s+(?:getting|buying|adding|grabbing|a)\b)"  # «is it worth getting a roller»
    # «do pillowcases come with it?», «how much caffeine is left in it»: asked of it
    # (not «what shorts would go well with them», «what coffee should i use in it»: a search)
    r"|^\W*(?:(?:and|so|ok|okay|but|also)\W+)*(?:do|does|is|are|how much|how many|will|can)\b"
    r"(?![^?]*\b(?:go|goes|use|brew|works? well|pair)\b)[^?.!]*\b(?:with|in|inside)\s+"
    r"(?:it|them)\W*$",
    re.I,
)
# «cheaper?», «anything else?», «best one?»: the list in view, not a fact of the focus
_OF_THE_LIST = re.compile(
    r"\d|\b(?:cheaper|cheapest|other|others|else|more|another|similar|alternatives?|less|"
    r"better|best|any|ones?|instead|too|also|same)\b|\w{3,}est\b",
    re.I,
)


def in_this_conversation(
    intent: str,
    text: str,
    references: References,
    slots: Slots,
    state: DialogueState,
    cart_products: list[str],
    focus: Product | None,
    names_kind: Callable[[], bool],
) -> str:
    """What a short request means beside the product in focus: "battery?" asks about
    it, "purple pls" takes it in purple; "how much with delivery?" beside a cart asks
    for its total; "what have you got from voyagr" browses a brand; "any next day option?"
    asks the shop."""
    if intent == "change" and not cart_products and state.last_order_id:
        return "policy_question"  # "can u change it to 3 instead of 2" once ordered: the rule
    pending = state.pending_action is not None
    # «Nova X then. he likes purple»: a pick by name stays one, whatever the remark says
    picked = intent == "add" and bool(references.ids) and references.ids == [state.picked_by_name]
    if not picked and (
        line_act := cart_line_act(intent, text, references, cart_products, focus, pending)
    ):
        return line_act
    if of_it := _of_the_focus(intent, text, references, slots, focus, names_kind):
        return of_it
    if asked := _short_question(intent, text, references, state, focus, names_kind):
        return asked  # «vegan?», «who sells them», «is it free?» after a shipping question
    if intent == "catalogue_question" and focus and not OF_THE_SHOP.search(text):
        return "product_question"  # "…, and how many can play?": the one just named
    if intent == "catalogue_question" and focus and _LEFT.search(text) and not names_kind():
        return "product_question"  # «how many have you got left?»: of the one in view
    if intent in {"search", "recommend"} and POLICY_TOPICS.search(text) and not names_kind():
        return "policy_question"  # "any next day option? need it quick"
    if intent in {"product_question", "policy_question"} and cart_products:
        return "view_cart" if WITH_SHIPPING.search(text) else intent
    if cart_products and SUMMARY.get(intent, NEVER).search(text):
        return "checkout"  # "ok show me the summary": the one a yes confirms
    if intent in UNDERSTOOD_AS_NOTHING and slots.filters.brand and not references.ids:
        return "search"
    if intent in {"search", "recommend"} and state.shown and _NEW_BUDGET.search(text):
        return "refine" if not (references.ids or names_kind()) else intent  # «… budget is $25»
    return intent


def _of_the_focus(
    intent: str,
    text: str,
    references: References,
    slots: Slots,
    focus: Product | None,
    names_kind: Callable[[], bool],
) -> str | None:
    """A request heard as browsing that asks a fact of the product in view or wants a
    count of a version of it; None when it does neither."""
    if _asks_a_version_price(intent, text, references, focus, names_kind) or (
        intent in {"search", "refine", "help"}
        and focus
        and ((_short(text) and FACT_WORDS.search(text)) or _HOWS_ITS.search(text))
        and not references.ids
        and not names_kind()
    ):
        # "battery?", "hows the noise cancelling", «the 50 ml price?»: the focus's
        return "product_question"
    if _counted_version_wanted(intent, text, references, slots, focus, names_kind):
        return "add"  # «i coach a kids class, need a dozen grey ones» beside the rope
    return None


_BROWSING = re.compile(r"^\W*(?:show|compare|list|which|what|whats|are|is|do|does|any|how)\b", re.I)


def _short(text: str) -> bool:
    """«battery?», «any size at all?»; not «anything similar in stock?» (more of its kind)."""
    words = len(text.split())
    return words <= 3 or (words == 4 and not LIKE_IT.search(text))


def _counted_version_wanted(
    intent: str,
    text: str,
    references: References,
    slots: Slots,
    focus: Product | None,
    names_kind: Callable[[], bool],
) -> bool:
    """Whether a count of a version of the product in view, heard as browsing, wants them."""
    return bool(
        intent in {"search", "refine", "recommend"}
        and focus
        and slots.quantity
        and "?" not in text
        and not _BROWSING.match(text)  # «show me all 4 colours in king»: a look, no buy
        and references.ids in ([], [focus.id])
        and focus.options_named_in(text)
        and not names_kind()
    )


def _short_question(
    intent: str,
    text: str,
    references: References,
    state: DialogueState,
    focus: Product | None,
    names_kind: Callable[[], bool],
) -> str | None:
    """A short question misheard as browsing: about the shop's rule just asked about, or
    about the product in view or its reviews; None when it is none of these."""
    last = (state.last_intent or "").rpartition("+")[2]
    if (
        last == "policy_question"
        and intent in {"search", "refine", "help", "recommend", "product_question"}
        and references.kind != "mention"
        and _ABOUT_IT.search(text)
        and re.search(r"\b(?:it|that|this)\b", text, re.I)
        and not names_kind()
    ):
        return "policy_question"  # «how long does shipping take?», «is it free?»: shipping's
    if (
        intent in {"search", "refine", "help", "recommend", "policy_question"}
        and focus
        and references.ids in ([], [focus.id])  # «who sells them»: «them» is the focus
        and _ABOUT_IT.search(text)
        and not _OF_THE_LIST.search(text)
        and (intent != "policy_question" or "seller" in text.lower())
        and not names_kind()
    ):
        return "product_question"  # «vegan?», «how heavy is it», «seller ok?»: the focus's
    if (
        intent in {"search", "refine", "help", "recommend"}
        and focus
        and references.ids in ([], [focus.id])
        and _IT_ASKED.search(text)
        and not _OF_THE_LIST.search(text)
    ):
        return "product_question"  # «are they wireless or do they need a cable»: the focus's
    asks_its_reviews = focus and not references.ids and _ANY_WORD_ON.search(text)
    if intent in {"search", "refine"} and asks_its_reviews and not names_kind():
        return "review_question"  # «anything about the size running small»: its reviews
    return None


def _asks_a_version_price(
    intent: str,
    text: str,
    references: References,
    focus: Product | None,
    names_kind: Callable[[], bool],
) -> bool:
    """Whether a request misheard as browsing asks the price of a version of the product in
    view («the 50 ml price?»)."""
    return bool(
        intent in _HEARD_AS_BROWSING
        and focus
        and not references.ids
        and len(text.split()) <= 10
        and _PRICE.search(text)
        and not _PRICE_BOUND.search(text)  # «any in black that cost less than 100?» filters
        and focus.options_named_in(text)
        and not names_kind()
    )


# «actually my budget is $25», «can't go over 20 quid»: the list in view, under the new budget
_NEW_BUDGET = re.compile(
    r"^\W*(?:(?:actually|ok|okay|hmm+|oh|so|well|sorry|but)\W+)*(?:my\s+)?(?:budget|max|limit)"
    r"\b.{0,20}?[$£€]?\d|^\W*(?:(?:actually|ok|okay|hmm+|oh|so|well|sorry|but)\W+)*(?:i\s+)?"
    r"(?:can'?t|cannot|won'?t)\s+(?:go|spend|pay)\s+(?:over|more than|above)\b",
    re.I,
)


# attributes the catalogue settles, which reviews have no say on («how many people can play»)
_SPEC_ATTRIBUTES = (
    "players",
    "dishwasher safe",
    "vegan",
    "organic",
    "origin",
    "drop",
    "upper",
    "thickness",
    "capacity",
)
_OPINION = re.compile(
    r"\b(?:reviews?|reviewers?|people say|anyone|customers?|buyers?|complain\w*|feedback|"
    r"opinions?|say about|honest|really|actually|worth)\b",
    re.I,
)


# «what colours have u actually got right now», «which sizes do you have»: its versions
_VERSIONS_ASKED = re.compile(
    r"^\W*(?:(?:so|ok|okay|and|hmm+)\W+)*(?:what|which)\s+(?:colou?rs?|sizes?)\s+"
    r"(?:have|do|are|you|u|ya|is)\b(?![^?]*\b(?:of|for)\s+(?:the|a|an)\b)",
    re.I,
)


# «how heavy do they go? need at least 50 lb per hand», «how big is it»: a measure of it
_HOW_MUCH_OF_IT = re.compile(
    r"^\W*(?:(?:so|ok|okay|and|hmm+)\W+)*how\s+(?:heavy|big|large|long|tall|wide|deep|thick|"
    r"loud|heavy duty)\s+(?:is|are|do|does|can|will)\s+(?:it|they|these|those|this one|that one)\b",
    re.I,
)


def versions_of_the_one_in_view(intent: str, text: str, in_view: list[Product]) -> str:
    """A question for the colours or sizes there are, or how big or heavy it is, beside one
    product: of it, not a search nor the list again."""
    if len(in_view) != 1:
        return intent
    if intent in {"catalogue_question", "refine"} and _VERSIONS_ASKED.search(text):
        return "product_question"
    if intent in {"catalogue_question", "refine", "search"} and _HOW_MUCH_OF_IT.search(text):
        return "product_question"
    return intent


def spec_not_opinion(intent: str, text: str, in_view: list[Product]) -> str:
    """A question heard as one for the reviews that asks a fact the catalogue lists for the
    products in view («how many people can play» beside two board games): their facts."""
    if intent != "review_question" or _OPINION.search(text):
        return intent
    asked = [
        name
        for name in _SPEC_ATTRIBUTES
        if re.search(ATTRIBUTE_WORDS[name], text, re.I)
        and any(name in product.attributes for product in in_view)
    ]
    return "product_question" if asked else intent
