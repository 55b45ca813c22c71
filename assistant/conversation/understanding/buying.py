"""Whether a request asks to buy or change a cart line, or only sounds like it.

A cart act needs words that ask for one ("add", "make it 2", "the blue one", "purple pls");
some requests that the classifier hears as questions or searches are adds all the same: "and
the zenmotion bands" right after an add, "can i get 2 of X please", "I'd like the X", "ok get
me the quietude ones", "the voyagr packing cubes, 1 pls".
"""

from __future__ import annotations

import itertools
import re

from rapidfuzz import fuzz

from assistant.catalogue.models import LETTER_FOR, Product
from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.indifference import NOT_MINDED
from assistant.conversation.understanding.references import References
from assistant.conversation.understanding.slots import Slots
from assistant.conversation.understanding.trades import (
    INTO_CART,
    SWAP,
    SWAP_MINE_FOR,
    sentences,
)
from assistant.conversation.understanding.version_lists import FOR_WHOM
from assistant.search.kinds import SYNONYMS, singular

CART_LINE_ACTS = {"add", "change", "remove"}
CART_CHANGING = {"add", "change", "remove", "checkout", "cancel_order", "return"}
NAMING = {"mention", "id"}
_HEARD_OTHERWISE = {"search", "product_question", "review_question", "refine", "help", "recommend"}
_POLITE = set(  # «The 500 g, one bag.», «Bassline Air instead, 2 of them, navy»
    "pls please plz then ok okay the one ones in size colour color thanks ta x a for and with same "
    "model yes yeah edition version get it take fine whatever ugh hmm lol oh so alright bag bags "
    "piece pieces pair pairs set sets pack packs right perfect great cool lovely sure instead "
    "nope nah actually of them np just only tho".split()
)
TYPO_SIMILARITY = 80  # rapidfuzz ratio at which a word is read as a misspelt title word
# "add it" again right after a pick: the same one, not a second
AGAIN = re.compile(r"\b(another|again|more|second|extra|too|also|as well|one more)\b", re.I)

_POLITE_ASK = re.compile(r"^\W*(can|could|may) (i|we) (get|have|grab|take)\b", re.I)
_I_WILL_HAVE = re.compile(
    r"^\W*(?:(?:ok|okay|so|right|then|yes|yeah|oh|and)\W+)*(?:i'?d like|id like|i would like|"
    r"i'?ll (?:take|have|get)|ill (?:take|have|get)|i (?:also |still )?(?:want|need)|gimme|give me"
    r") "  # «oh I also need the Voyagr Nova 900 packing cubes»
    r"(?:the|a|an|one|that|this|those|these|\d+)\b",
    re.I,
)
_BY_A_DAY = re.compile(
    r"\bby (?:mon|tue|wed|thu|fri|sat|sun|tomorrow|next|the|xmas|christmas)", re.I
)
# "hmm add the X too so shipping is free", "ok put the Y in": the request opens with the verb
_JUST_SO_MANY = re.compile(
    r"\b(?:just|only)\s+(?:\d{1,2}|one|two|three|four|five)\b(?!\s+(?:more|extra|other)\b)"
    r"(?=(?:\W*(?:then|please|pls|of (?:them|those|it)|is enough|will do))*\W*$)",
    re.I,
)
ADD_FIRST = re.compile(
    r"^\W*(?:(?:ok|okay|hmm+|so|right|then|also|oh|and|pls|please|yes|yeah|alright)\W+)*"
    r"(?:add|put|pop|bung)\b(?!\s+(?:up|on|my|a note|gift)\b)",
    re.I,
)
# ... and gives a cart reason: «too», «as well», «so shipping is free»
_CART_REASON = re.compile(
    r"\b(?:too|as well)\b|\bso (?:shipping|delivery|it ships|i get free|the order)\b", re.I
)
# "voyagr nova 900 packing cubes, 1 pls": a name and a bare count
_BARE_COUNT = re.compile(  # possessive: a run of spaces is never tried two ways
    r",\s*+(?:x\s*+)?(?:\d{1,2}|one|two|three|four|five)\s*+x?\s*+(?:pls|please|plz|thanks|ta)?"
    r"\W*+$",
    re.I,
)
_GET_ME = re.compile(
    r"^\W*(?:(?:ok|okay|so|right|then|yes|yeah|fine|alright)\W+)*"
    r"(?:get me|grab(?: me)?|i'?ll go (?:for|with)|ill go (?:for|with)|go with|i'?ll grab)\b",
    re.I,
)
PLEASE = re.compile(r"\b(please|pls|plz|ta)\b", re.I)
# «…, will they arrive?», «…, are they loud enough»: a question beside the count
_ASKS_TOO = re.compile(
    r"\?|\b(?:will|are|is|do|does|can|would)\s+(?:they|it|these|those)\b", re.I
).search
# "i need 12 flexa max s resistance bands in purple": a count of a named product is an order
_NEED_COUNT = re.compile(
    r"^\W*(?:i|we) (?:need|'?ll need|will need|'?m buying|am buying|'?re buying|are buying) "
    r"(?:\d{1,3}|two|three|four|five|six|ten)\b",
    re.I,
)
# «buy now 1 …», «add Bassline Urban 2 Wired Studio Headphones»: whatever the name sounds like
_BUYS = re.compile(
    r"^\W*(?:(?:ok|okay|so|right|then|yes|yeah|pls|please)\W+)*(?:buy|purchase)(?: now| me)?\b"
    f"|{ADD_FIRST.pattern}",
    re.I,
)
# Words that ask for a cart change; without them (or a position, pronoun, option or count) a
# cart act is a question or a search that only sounds like an add.
CHANGE_WORDS = re.compile(
    r"\b(add|put|chuck|throw|bung|pop|stick|grab|take|buy|order|gimme|give me|get me|"
    r"remove|undo|delete|drop|bin|ditch|lose|scrap|scratch|nix|forget|toss|strike|out with|rid of|"
    r"clear|empty|"
    r"stays|can stay|keep (?:only|just)|(?:only|just) keep|"
    r"change|"
    r"make|switch|swap|replace|instead|upgrade|update|fix|bump|double|increase|decrease|reduce|"
    r"less|more|another|go with|basket|cart|bag|trolley|i meant|should be|quantity|qty|"
    r"i'?ll (?:take|have|get|buy|order|grab|go|add|need|want|do)|i (?:take|buy|try)|"
    r"i (?:want|would like|'d like)(?! to (?:know|ask|check|see|understand|be sure)))\b",
    re.I,
)
_POINTING = re.compile(
    r"\b(first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th|number \d|no\.? ?\d|#\d|"
    r"that|this|those|these|them|em|it|one of|the \w+ one|the \w+ ones|the \w+ & \w+ ones?)\b",
    re.I,
)
# «he's 5 so the classic 700 i guess. standard edition»: a pick, said unsure
# (not «the price is a bit much i guess»: a remark; the name starts the sentence or follows «so»)
PICKED_I_GUESS = re.compile(
    r"(?:^|[.!?,;]\s*|\bso\s+)(?:ok\s+|okay\s+)?the\s+(?!(?:[\w&'-]+\s+){0,4}?(?:is|are|was|"
    r"were|a|an|bit|too|very|much|seems?|looks?)\b)(?P<name>[\w&'-]+(?:\s+[\w&'-]+){0,5})\s+i\s+"
    r"guess\b"
    r"(?![^?]*\?)",
    re.I,
)


_NOT_A_NAME = frozenset("one ones in for of with the a an".split())


def guessed_pick_in_view(
    intent: str, ids: list[str], text: str, shown: list[str], products: dict[str, Product]
) -> str:
    """«he's 5 so the classic 700 i guess» adds the one in view whose title says every word
    of it; of any other (the Classic 500 board game beside board games) it is only asked
    about, as is «the battery i guess»."""
    said = PICKED_I_GUESS.search(text)
    if intent not in {"add", "change"} or said is None:
        return intent
    versions = {
        word
        for pid in ids
        for values in products[pid].options_by_name().values()
        for value in values
        for word in value.lower().split()
    }  # «the kestrel one in navy i guess»: its name is «kestrel»
    words = set(re.findall(r"[\w&'-]+", said["name"].lower())) - _NOT_A_NAME - versions
    title_words = [set(products[pid].title.lower().split()) for pid in ids]
    if not words:
        return intent  # «ok the navy one i guess»: a version, picked as before
    # («the battery i guess», «the colour i guess»: what is asked about, no name)
    in_view = bool(ids) and set(ids) <= set(shown)
    if in_view and all(words <= held for held in title_words):
        return intent
    return "product_question"


_CONTINUING = re.compile(r"^\W*(and|also|plus|oh and|\+)\b|\b(as well|too)\W*$", re.I)
_QUESTION_SHAPED = re.compile(
    r"\?\s*$|^\W*(and |so |but |ok |okay )?(what|whats|what's|how|is|are|does|do|will|would|"
    r"which|who|why|where|when|can|could|may)\b",
    re.I,
)


_ANOTHER_TOO = _POLITE | set("too also as well another more plus and".split())


def another_version_of(focus: Product | None, references: References, text: str) -> bool:
    """Whether «and a 1kg whole bean too», heard as naming another product by a title word
    («Whole Bean Coffee»), only names a version of the product in view (the chai in 1 kg,
    whole bean)."""
    return bool(
        focus
        and references.kind in NAMING
        and references.ids
        and focus.id not in references.ids
        and focus.only_options_in(text, _ANOTHER_TOO)
    )


def only_names(product: Product, text: str) -> bool:
    """Whether a statement only names a product and its options ("zoomkid flow s rc car")."""
    if _QUESTION_SHAPED.search(text.rstrip(" ?")):
        return False  # "the clearwell lite 2 one?" only names it; "is it warm?" asks
    rest = text.lower()
    for value in product.options_named_in(text).values():
        for form in {value.lower(), value.lower().replace(" ", "")}:
            # «queen.» ends a sentence; «2.5» is no «2»
            rest = re.sub(rf"(?<![\w.]){re.escape(form)}(?!\w|\.\w)", " ", rest)
    words = [word.lower() for word in re.findall(r"[\w'&-]+", product.title)]
    title = {*words, *product.options_by_name()}
    title |= {a[0] + b[0] for a, b in itertools.pairwise(words)}  # "rc": remote control
    sizes = {value.lower() for value in product.options_by_name().get("size", [])}
    return all(
        word in _POLITE
        or in_title(word, title)
        or LETTER_FOR.get(word) in sizes
        or re.fullmatch(r"x?[1-9]", word)  # «…, 1kg ground, 2 bags»: a count
        for word in re.findall(r"[\w'&-]+", rest)
    )  # «…, medium»: its M


def in_title(word: str, title_words: set[str]) -> bool:
    """Whether a word is a title word, its plural («sets») or a typo of one («corefoge»)."""
    if word in title_words or (word.endswith("s") and word[:-1] in title_words):
        return True
    if f"{word}ing" in title_words:
        return True  # «camp stove» of a «Camping Stove»
    if SYNONYMS.get(singular(word)) in title_words:
        return True  # «tees» of a «T-Shirt»
    # a typo keeps its first letter: «iphone» is no typo of «phone»
    return len(word) >= 5 and any(
        word[0] == t[:1] and fuzz.ratio(word, t) >= TYPO_SIMILARITY for t in title_words
    )


def asks_for_a_change(text: str, slots: Slots) -> bool:
    """Whether a request's words ask for a cart change, not only sound like one."""
    if CHANGE_WORDS.search(text):
        return True
    if _POLITE_ASK.search(text) and (slots.quantity is not None or PLEASE.search(text)):
        return True  # "can i get 3 of the foam rollers please": asked politely, still an add
    if _QUESTION_SHAPED.search(text):
        return False
    return bool(
        _POINTING.search(text)
        or _CONTINUING.search(text)
        or PICKED_I_GUESS.search(text)
        or slots.options
        or slots.quantity is not None
    )


_ABOUT_THE_CART = re.compile(r"\b(?:cart|basket|bag|trolley|total|in there|got so far)\b", re.I)


def not_a_change(request: Request) -> str:
    """What a request that sounded like a cart change asks for instead."""
    runner_up = request.runner_up
    if runner_up == "view_cart" and not _ABOUT_THE_CART.search(request.text):
        runner_up = None  # «show me the lumen home one 2 candle»: the product, not the cart
    if runner_up and runner_up not in CART_CHANGING:
        return runner_up
    return "product_question" if _QUESTION_SHAPED.search(request.text) else "search"


def heard_as_add(
    intent: str, references: References, text: str, slots: Slots, last_intent: str
) -> bool:
    """Whether a request heard as a question or a search asks to buy a product it names."""
    named = references.kind in NAMING
    if named and intent in _HEARD_OTHERWISE and any(map(INTO_CART.search, sentences(text))):
        return True  # "could you put a chargewell car mount in my basket?"
    if (
        named
        and intent in _HEARD_OTHERWISE | {"policy_question"}
        and ADD_FIRST.search(text)
        and _CART_REASON.search(text)
    ):  # "hmm add the X too so shipping is free": the why is no question
        return not (_ASKS_TOO(text) or _QUESTION_SHAPED.search(text))
    if intent not in _HEARD_OTHERWISE | {"order_status", "compare"} or (
        intent == "compare" and len(references.ids) > 1
    ):
        return False
    if intent == "order_status" and not _NEED_COUNT.search(text):
        return False  # «I'm buying two X in navy: one for me…» was heard as about an order
    if (
        last_intent.rpartition("+")[2] in {"add", "change"}
        and named
        and _CONTINUING.search(text)
        and (slots.options or not _QUESTION_SHAPED.search(text))
    ):
        return True  # "and the zenmotion pro 2 bands" (in white, queen): one more for the cart
    if named and slots.quantity is not None and _POLITE_ASK.search(text):
        return intent != "refine"  # "can i get 2 of the quietude headphones please"
    if "?" in text:
        return False
    if named and intent in {"product_question", "search"} and _BUYS.search(text):
        return True  # "buy now 1 armorly air s screen protector, clear one for galaxy s24"
    if (
        named
        and slots.quantity
        and slots.options
        and _NEED_COUNT.search(text)
        and not _ASKS_TOO(text)
    ):
        # "i need 12 flexa max s resistance bands in purple for my class": the version said
        # too; "i need 2 echofox speakers by friday, will they arrive?" only asks
        return True
    if (
        named
        and intent in {"product_question", "search"}
        and _I_WILL_HAVE.search(text)
        and not _BY_A_DAY.search(text)  # «i need the X by friday, will they arrive?» asks
    ):
        return True  # "I'd like the voyagr nova 900 packing cubes": that one, in the cart
    # "ok get me the quietude ones", "the voyagr packing cubes, 1 pls"
    return bool((named and _BARE_COUNT.search(text)) or (references.ids and _GET_ME.search(text)))


_OF_THOSE = re.compile(
    r"^\W*(?:\d{1,2}|two|three|four|five|six)\s+of\s+(?:those|them|these)\b", re.I
)


def added_again(
    intent: str,
    references: References,
    text: str,
    slots: Slots,
    target: str | None,
    picked: str | None,
) -> bool:
    """Whether "add it" right after a pick asks for the product the pick already put in the
    cart (not a second one, unless it says so: "another", "2 more")."""
    return (
        intent == "add"
        and picked is not None
        and target == picked
        and references.kind in {None, "deictic"}
        and slots.quantity is None
        and not AGAIN.search(text)
    )


# «eh still want it», «i'll take it anyway» after a caution about the one in the cart: kept
_STILL_WANTED = re.compile(r"\b(?:still|anyway|anyways|regardless|all the same)\b", re.I)


def kept_anyway(
    intent: str, references: References, text: str, slots: Slots, in_cart: bool
) -> bool:
    """Whether an add of the one in view, already in the cart, only says it is still wanted
    («eh still want it. checkout» after hearing it is final sale): no second one."""
    return (
        intent == "add"
        and in_cart
        and references.kind in {None, "deictic"}
        and slots.quantity is None
        and bool(_STILL_WANTED.search(text))
        and not AGAIN.search(text)
    )


# "and a 30ml", "plus one in red": one more line, of another version
_AND_ONE = re.compile(r"^\W*(?:and|plus|oh and)\s+(?:a|an|one|the|\d+)\b", re.I)
# «also one in S red», «and 2 in blue»: a count, then the version
_AND_ONE_IN = re.compile(
    r"^\W*(?:and|plus|oh and|also|and also)\s+(?:a|an|one|\d+)\s+(?:more\s+)?in\b", re.I
)
# "is there another one in blue?", "do you have more in M?" ask; "and one more in blue?" adds
_ASKS_IF = re.compile(
    r"^\W*(?:(?:and|so|also|oh|ok|okay|hmm)\W+)*"
    r"(?:is|are|do|does|did|any|have|has|can|could|what|how|which|would|will)\b",
    re.I,
)
ASKS_IF_THERE = re.compile(
    r"^\W*(?:(?:is|are) there|(?:do|does) (?:you|it|they) (?:have|come|do)|any\b|"
    r"have you got|got any)",
    re.I,
)


# "2 more in blue", "one in red too"; not "measured again", "on second thought"
_ONE_MORE = re.compile(
    r"\b(?:\d+|one|two|three|a couple)\s+more\b|\banother\b|\bextra\b|\bmore in\b"
    r"|\b(?:too|as well)\W*$|\balso (?:want|need|get|take|add|grab)\b",
    re.I,
)
# "change it", "it should be king size" (besides SWAP's words): the same line, changed
_JUST_SO_MANY = re.compile(
    r"\b(?:just|only)\s+(?:\d{1,2}|one|two|three|four|five)\b(?!\s+(?:more|extra|other)\b)"
    r"(?=(?:\W*(?:then|please|pls|of (?:them|those|it)|is enough|will do))*\W*$)",
    re.I,
)
_ADD_VERB_FIRST = re.compile(r"^\W*(?:(?:ok|okay|and|also|please|pls|hmm+|oh)\W+)*add\b", re.I)
_CHANGED = re.compile(r"\b(change|should be|make it)\b", re.I)


def another_version(intent: str, focus: Product, text: str) -> bool:
    """More of the product in focus in a version the words name, asked as an addition
    («and 2 more in blue»; «and one more in blue?» too, but not «and does it come in blue
    too?», «is blue more expensive» or «my sister also has the blue one»)."""
    if SWAP.search(text) or _CHANGED.search(text):
        return False
    if intent not in {"add", "change", "view_cart"} and not (
        intent in _HEARD_OTHERWISE and _AND_ONE_IN.search(text) and "?" not in text
    ):  # «also one in S red» heard as a question about red
        return intent in _HEARD_OTHERWISE and _a_version_for_someone(focus, text)
    if _ASKS_IF.search(text) or not focus.options_named_in(text):
        return False
    return bool(
        _ONE_MORE.search(text)
        or ((_AND_ONE.search(text) or _AND_ONE_IN.search(text)) and "?" not in text)
    )


def _a_version_for_someone(focus: Product, text: str) -> bool:
    """«and a beige twin for my son's room»: one more of the focus, in the version named."""
    said = FOR_WHOM.sub(" ", _AND_ONE.sub(" ", text, count=1)) if _AND_ONE.search(text) else ""
    return "?" not in text and focus.only_options_in(said, _POLITE)


# a question that also asks for a change says so: «can you add one in blue?», «make it a M?»
_CHANGE_VERB = re.compile(
    r"\b(add|put|change|switch|swap|make|replace|remove|take|get|buy|order|want|need)\b"
    r"|\b(?:can|could|may) (?:i|we) have\b.*\binstead\b"  # «can I have X instead of Y?»
    r"|\bdo (?:the )?max(?:imum)?\b",  # «ok do the max then» (after «at most 10 per order»)
    re.I,
)


# «my sister also has the blue one»: about someone else, no request
_SOMEONE_ELSE = re.compile(
    r"^\W*(?:my \w+|she|he|they|her|his|their)\s+(?:also\s+|already\s+)?"
    r"(?:has|have|had|likes?|loves?|got|bought|owns?|uses?)\b",
    re.I,
)


def only_a_version(product: Product | None, text: str) -> bool:
    """Whether a message says nothing but a version of a product («ok L then», «11, for my dad»,
    «ugh ok, its for my sister's iphone 16 then»)."""
    if product is None or "?" in text:
        return False
    # who it is for says no version; «my sister's iphone 16» keeps the phone said
    said = (FOR_WHOM.sub(" ", text), _WHOSE.sub(" ", text))
    return any(product.only_options_in(words, _POLITE | {"its", "it's"}) for words in said)


_WHOSE = re.compile(r"\bfor\s+(?:my|our|his|her|their)\s+[\w-]+(?:'s|s')", re.I)


# «the cheaper version» to an open «which one?»: its cheapest version
_CHEAPER_VERSION = re.compile(
    r"\b(?:cheaper|cheapest|less expensive|lower[- ]priced) (?:one|version|edition|option)\b"
    r"|^\W*(?:the )?(?:cheaper|cheapest)(?: (?:one|pls|please))?\W*$",
    re.I,
)


def cheaper_version(product: Product | None, text: str, said: dict[str, str]) -> dict[str, str]:
    """The options of a product's cheapest version in stock among those `said` fits, when
    the words ask for the cheaper one and one is cheapest ({} otherwise)."""
    if product is None or not _CHEAPER_VERSION.search(text):
        return {}
    wanted = {name: value.lower() for name, value in said.items()}
    fits = [
        variant
        for variant in product.variants
        if variant.stock > 0
        and all(variant.options.get(name, "").lower() == value for name, value in wanted.items())
    ]
    lowest = min((variant.price_minor for variant in fits), default=None)
    cheapest = [variant for variant in fits if variant.price_minor == lowest]
    return dict(cheapest[0].options) if len(cheapest) == 1 else {}


def cart_line_act(
    intent: str,
    text: str,
    references: References,
    cart_products: list[str],
    focus: Product | None,
    pending: bool = False,
) -> str | None:
    """What a request about a version or a line of the product in focus does, if it is one
    (`pending`: a "which one?" is open, so "that one" may be its product, not the focus)."""
    if intent in CART_LINE_ACTS and "?" in text and ASKS_IF_THERE.search(text):
        return "product_question"  # "is there another one in blue?" asks; it changes nothing
    last = sentences(text)[-1]  # «What a pity. Then black, for the iPhone 15.»: the pick
    others = any(_SOMEONE_ELSE.search(part) for part in sentences(text))  # «My sister has…»
    # «any colour is fine» answers; «any in blue?» asks
    said_of_others = (_ASKS_IF.search(last) and not NOT_MINDED.search(last)) or others
    if intent in {"add", "change"} and said_of_others and not _CHANGE_VERB.search(text):
        return "product_question"  # "is blue more expensive", "my sister has the blue one"
    if intent == "change" and _ADD_VERB_FIRST.search(text) and not SWAP.search(text):
        return "add"  # «add one clear for pixel 9»: a line more, the one in the cart stays
    if focus is None:
        return None
    # (not «fine, the 50ml then, just 1» after «2 of the 30 ml» was refused: that add's count)
    if intent == "add" and focus.id in cart_products and _JUST_SO_MANY.search(text) and not pending:
        return "change"  # «Actually we'll share one. Just one then, please.»: the count
    swapped_in = intent == "change" and focus.id not in cart_products and not pending
    if swapped_in and references.kind == "deictic" and SWAP_MINE_FOR.search(text):
        return "add"  # "swap mine for that one": the one just shown, in place of the cart's
    if references.kind not in {None, "deictic"} and references.ids != [focus.id]:
        return None
    if another_version(intent, focus, text):
        return "add"  # "and 2 more in blue for my sisters", "and a 30ml for my bag": a new line
    if pending and intent == "add":
        return None  # «ok L then» answers an add's open «which one?»: a line of its own
    said = _OF_THOSE.sub(" ", sentences(text)[-1])  # «risk it. green», «3 of those in navy»
    if focus.only_options_in(said, _POLITE):  # "purple pls", "the M one"
        if "?" in text:
            return "product_question"  # "7 red?": is there one
        return "change" if focus.id in cart_products else "add"  # "purple pls", "get it in olive"
    return None
