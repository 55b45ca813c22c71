"""Cutting a message into its requests: «add the second one and tell me when it arrives» is
two; «is it loud? got a baby sleeping» is one, with its context."""

from __future__ import annotations

import re

_REQUEST_START = (
    r"(?:tell|show|add|put|pop|grab|stick|toss|chuck|throw|bung|remove|take|drop|delete|bin|"
    r"check|checkout|proceed|pay|buy|order|cancel|return|send|change|make|switch|swap|compare|find|"
    # («… and get soaked every day»: what happens to them, no ask)
    r"get(?!\s+(?:soaked|wet|cold|hot|sweaty|tired|sore|lost|bored|dizzy|sick|burnt|burned|"
    r"sunburnt|sunburned|blisters|cramps?|headaches?)\b)|"
    r"give|what|what's|whats|how|when|where|which|who|why|is|are|does|do|did|can|could|will|"
    r"would|should|any|also|let's|lets|i'd|id like|i'll|then|and then|place|confirm|track|refund|"
    r"start|plus|go with|"
    r"i (?:want|need|would|will|am looking|'m looking|wanna|gotta))"
)
# Words a request may open with before its verb: «actually take the summit one out».
_OPENERS = (
    r"(?:(?:actually|ok|okay|oh|so|right|hmm+|wait|sorry|um+|well|nah|just|now|ugh|argh|oops|and|"
    r"please|pls|kindly|"
    r"omg|erm|meh|lol|damn|dang|yikes)\W+)*"
)
# "take me to checkout", "proceed to the checkout", "checkout"
_CHECKOUT_WORDS = (
    r"(?:(?:take me|go|proceed|head|move|straight|skip) to (?:the )?)?check ?(?:me |us )?out"
)
_SPLIT = re.compile(
    r"(?<=[.?!;])\s+(?=\S)"  # sentence ends
    # "add the teddy and take me to checkout", "… then proceed to checkout"
    rf"|\s*,?\s+(?:and|then|&)\s+(?:then\s+)?(?={_CHECKOUT_WORDS}\b)"
    # not «do you also sell…», «can I also pay…»: «also» inside one question
    r"|(?<!\byou)(?<!\bu)(?<!\bi)(?<!\bwe)(?<!\bit)(?<!\bthey)"
    r"(?<!\byou )(?<!\bu )(?<!\bi )(?<!\bwe )(?<!\bit )(?<!\bthey )"
    r"\s*,?\s*\b(?:and then|then also|and also|also|oh and|btw|by the way)\b\s*,?\s*"
    rf"|\s*,?\s+(?:and|&|\+)\s+(?=(?:just\s+|now\s+|please\s+|pls\s+)?{_REQUEST_START}\b)"
    rf"|,\s+(?={_REQUEST_START}\b)"
    # «take it out - I'll get the northtrail plus x instead»: a dash between two asks
    r"|\s+[-–—]+\s+(?=i(?:'?ll| will|'?d| want| need)\b)"
    # "start the checkout, but before I confirm: how long …?"
    rf"|,\s*but\s+(?=(?:before|first)\b|{_REQUEST_START}\b)",
    re.I,
)


_GREETING = re.compile(
    r"^\W*(?:hello|hi|hey|hiya|good (?:morning|afternoon|evening|day)|dear (?:sir|madam|shop))"
    r"(?:\s+(?:there|sir|madam|team|all|again))?\s*[,.!:;-]+\s*(?=\w(?:\W*\w+){2})",
    re.I,
)


# sounds of dismay: «yikes», «damn», «oof»
_DISMAY = r"yikes|oof|damn|dang|darn|jeez|geez|sheesh|ouch|eek|whoa|bummer|argh+"
# «yikes. auralpeak it is, silver», «damn!! anything similar in a 9?»: a sound of dismay (or a
# shrug) said first, as a sentence of its own
_A_SOUND_FIRST = re.compile(
    rf"^\W*(?:{_DISMAY}|ugh+|meh|welp)\s*[.!]+\s*(?=\w(?:\W*\w+){{1}})",  # (not «aw, sold out?»)
    re.I,
)


def without_a_sound_first(message: str) -> str:
    """The message without a sound of dismay said before its request («yikes. X it is»)."""
    return _A_SOUND_FIRST.sub("", message)


def without_greeting(message: str) -> str:
    """The message without a greeting before its request («Hello, do you also sell…?»)."""
    return _GREETING.sub("", message)


def segment(message: str) -> list[str]:
    """The requests of a message, in order (one for most messages). A later part counts as a
    request of its own only when it reads like one (it starts like a request or asks a
    question); otherwise it is context for the one before ("is it loud? got a baby sleeping")."""
    spaced = re.sub(r"\s+", " ", message.strip())  # a run of 800 spaces made _SPLIT slow
    parts: list[str] = []
    for part in (bit.strip(" ,.;") for bit in _SPLIT.split(spaced)):
        if re.search(r"\w", part):
            parts.append(part)
        elif "?" in part and parts:  # «who sells that one btw?»: the «?» split off with «btw»
            parts[-1] += "?"
    # «meh ok. clear one for s24»: a sound of assent before the request carries no act
    while len(parts) > 1 and _ONLY_ASSENT.fullmatch(parts[0]):
        parts = parts[1:]
    # «add it, and the Ridgeline Wave 2 in olive»: two things to add
    parts = [
        bit
        for part in parts
        for bit in (_ADD_AND.split(part) if _ADDS.match(part) or _FOR_ONE.match(part) else [part])
    ]
    merged: list[str] = []
    context_only = False  # the first part so far only sets the scene
    for part in parts:
        picked = merged and (_ADDS.match(merged[-1]) or _FOR_ONE.match(merged[-1]))
        if picked and AND_ANOTHER.match(part):
            merged.append(part)  # «add one. and a tote for the beach»: a second thing to add
            context_only = False
        elif merged and (
            not _reads_as_request(part)
            or _WISH_AFTER.search(f"{merged[-1]} {part}")
            or _IF_FIRST.match(merged[-1])  # «what if they show up broken, can i return them»
        ):
            merged[-1] = f"{merged[-1]}, {part}"
            context_only = context_only and len(merged) == 1 and not _PICKS.search(part)
        elif (
            merged
            and context_only
            and not CHECKOUT_PART.match(part)
            # «looking for a new air fryer under $100. also do you charge for delivery?»: a
            # want, then the shop's rule: two asks («…, does it come in xl?» stays one)
            and not (_WANTS.search(merged[-1]) and _SHOP_RULE.search(part))
        ):
            merged[-1] = f"{merged[-1]}, {part}"  # context first: "the light wakes me, what helps?"
            context_only = False
        else:
            merged.append(part)
            context_only = len(merged) == 1 and not (_reads_as_request(part) or _PICKS.search(part))
    return merged or [message.strip()]


# «X vs Y, which sounds better? i want real bass»: what the question is for, not a search
_WISH_AFTER = re.compile(
    r"\?\s+i (?:want|need|like|prefer)\s+(?:real|good|great|decent|proper|solid|strong|deep|long|"
    r"longer|more|less|better|loud|quiet|soft|light|warm)\s+\w+|\?\s+i care about\b",
    re.I,
)
# «my air fryer died 😩 looking for a new one under $100»: a scene that also asks for a thing,
# so a question of the shop's rules after it («also do you charge for delivery?») is its own
_WANTS = re.compile(
    r"\b(?:look(?:ing|in)?|search(?:ing)?|shopping|hunting) for\s+\w"
    r"|\b(?:do|d'?you|have|got) (?:you|u|ya|y'all)? ?(?:have|sell|carry|stock|got)\s+\w"
    # «… my old pair just died, need road running shoes under $80»
    r"|\b(?:need|want|after)\s+(?:a\s+|an\s+|some\s+|new\s+)?(?!it\b|them\b|to\b|help\b)[a-z-]{3,}\s+\w",
    re.I,
)
_SHOP_RULE = re.compile(
    r"\b(?:ship|ships|shipping|deliver|delivers|delivery|postage|return|returns|refunds?|"
    r"gift ?wrap\w*|pay|payment|paypal|klarna|charge|charges|warranty|exchanges?|discounts?|"
    r"coupons?|promo|price match)\b",
    re.I,
)
_IF_FIRST = re.compile(r"^\W*(?:(?:and|but|so|ok)\W+)?(?:what )?if\b[^?]*$", re.I)
_ADDS = re.compile(
    rf"{_OPENERS}(?:add|put|pop|grab|throw|chuck|toss|bung|get|go with|i'?ll (?:take|have|go))\b",
    re.I,
)
# «ok L in olive for that one, and the kestrel in M», «10 in grey for the pacer, and …»: a
# version said for one of those in view, then another pick
_FOR_ONE = re.compile(
    rf"{_OPENERS}(?:\d{{1,2}}|xxs|xs|s|m|l|xl|xxl)\s+in\s+[\w-]+\s+for\s+"
    r"(?:that\s+one|this\s+one|the\s+[\w&'-]+(?:\s+one)?)\b",
    re.I,
)
# «, and the small size», «and a pink one for iphone 16»: a version of the same thing
_SAME_THING = (
    r"(?!(?:and|plus)\s+(?:the|a|an|another)\s+(?:\w+\s+)?(?:size|colou?r|ones?|version)\b)"
)
# «grab it, and one in M for my partner»: that one, then one more in another version
_ONE_MORE = r"(?:one|another)\s+(?:more\s+)?in\s"
_ONE_MORE_IN = rf"(?:and|plus)\s+{_ONE_MORE}"
_ADD_AND = re.compile(
    rf",\s*(?=(?:and|plus)\s+(?:a|an|the|some|\d{{1,2}}|two|three)\s+\w){_SAME_THING}"
    # («the kestrel plus one in medium» names the Kestrel Plus: «plus» only after a comma)
    rf"|(?:,\s*|\s+)(?=and\s+{_ONE_MORE})|,\s*(?={_ONE_MORE_IN})",
    re.I,
)
AND_ANOTHER = re.compile(
    rf"^{_SAME_THING}(?:and|plus)\s+(?:(?:throw|chuck|toss|add|get|grab|pop)\s+(?:in\s+)?)?"
    rf"(?:a|an|the|some|\d{{1,2}}|two|three)\s+\w|^{_ONE_MORE_IN}",
    re.I,
)
# «the CoreForge in purple then, x2 (one for my bf).»: a pick with its count, not a scene set
_PICKS = re.compile(
    r"\bx\s?\d{1,2}\b|\b\d{1,2}x\b|\b\d{1,2}\s+(?:of them|please|pls)\b"
    r"|\bthe\s+[\w&' -]{2,40}?\s+then\b(?=\s*[,.]|\s*$)"  # «hmm. the X then, orange.»
    # «purple pls, and how fast…»; not «thanks please», «yes please»
    r"|^\W*(?!(?:thanks?|thank you|ty|cheers|ok|okay|yes|yeah|yep|no|nah|nope)\b)"
    r"[\w' -]{1,25}?\s+(?:pls|please|plz)\W*$",
    re.I,
)


_RELATIVE_CLAUSE = re.compile(r"(?:who|whose|which|that)\s+(?!(?:one|ones|is|are|do|does)\b)", re.I)
# "the tumble & co teddy, checkout straight away": a product, then paying for it
CHECKOUT_PART = re.compile(
    rf"{_OPENERS}(?:{_CHECKOUT_WORDS}|pay|place the order)"
    r"(?:\s+(?:now|straight away|right away|asap|please|pls|plz|then|too))*\W*$",
    re.I,
)


# («yikes. auralpeak it is», «damn. anything similar in a 9?»: a sound of dismay too)
_ONLY_ASSENT = re.compile(
    r"\W*(?:(?:eh+|meh|ugh+|hm+|ok|okay|fine|alright|sure|whatever|cool|well|oh|ah+|welp|wow|"
    rf"{_DISMAY})\b\W*)+",
    re.I,
)
# «… real full grain leather? for 74 bucks?»: a remark on the price of what was just asked of
_PRICE_REMARK = re.compile(
    r"^\W*(?:and\s+|but\s+)?(?:for|at)\s+(?:only\s+|just\s+)?(?:\$\s?\d+(?:\.\d\d)?|\d+(?:\.\d\d)?"
    r"\s*(?:bucks|dollars|usd|quid|\$)|that price|this price|the price)\W*$",
    re.I,
)


def _reads_as_request(part: str) -> bool:
    if _PRICE_REMARK.match(part):
        return False
    if re.fullmatch(rf"(yes|no|yep|nah|yeah|nope|{_CHECKOUT_WORDS}|pay|pay now)\W*", part, re.I):
        return True  # "add the mat and checkout": two requests
    if _JUST_A_COUNT.match(part):  # «actually just 1, and add the X»: two requests
        return True
    if len(part.split()) <= 1 or _MORE_OF_IT.match(part):  # "pls"; «any earbuds also IPX7?»
        return False
    if _RELATIVE_CLAUSE.match(part) and not part.rstrip().endswith("?"):
        return False  # "a blanket for my husband, who has trouble sleeping": about him
    return bool(
        re.match(rf"{_OPENERS}{_REQUEST_START}\b", part, re.I)
        or part.rstrip().endswith("?")
        or _NEEDS_A_THING.match(part)  # «… also need a usb-c cable for my Pixel 9»
    )


# a quality the thing before must also have: «any earbuds also IPX7 w more battery?»
_MORE_OF_IT = re.compile(
    r"^\W*(?:ipx\d|waterproof|water[- ]?resistant|sweat[- ]?proof|vegan|organic|wireless|"
    r"dishwasher[- ]safe|(?:w|with) (?:more|longer|bigger|better|a|an)\b)",
    re.I,
)
_JUST_A_COUNT = re.compile(
    r"^\W*(?:(?:actually|no|ok|okay|sorry|wait|hmm|oh)\W+)*(?:just|only|make it|make that)\s+"
    r"(?:the\s+)?(?:\d{1,2}|one|two|three|four|five)(?:\s+then)?\W*$",  # «ok just the 1 then»
    re.I,
)
_NEEDS_A_THING = re.compile(r"(?:need|want)s?\s+(?:a|an|some|new)\s+\w", re.I)
