"""Slots from a shopper's message: quantity, variant options, price bounds, product references."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from assistant.catalogue.models import Product
from assistant.conversation.understanding.version_words import options_by_rank, options_wanted
from assistant.search.filters import LETTER_SIZES, FilterVocabulary, SearchFilters
from assistant.search.parsing import DIGIT_WORDS, Constraints, parse_query

NUMBER_WORDS = {
    **DIGIT_WORDS,
    "a": 1,
    "an": 1,
    "a couple of": 2,
    "a pair of": 2,
    "ten": 10,
    # more than an order takes: said so it is refused with the limit, never read as one
    "eleven": 11,
    "twelve": 12,
    "half a dozen": 6,
    "half-dozen": 6,
    "a half dozen": 6,
    "a half-dozen": 6,
    "a dozen": 12,
    "dozen": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "fifty": 50,
    "a hundred": 100,
}
NUMBER = (
    r"(\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|thirty|fifty|a hundred|half a dozen|a half-dozen|half-dozen|a half dozen|a dozen|dozen"
    r"|a couple of|a pair of)"
)
# «and one more, so 4», «add another, making 3 in total»: the line's new total, said last
TOTAL_SAID = re.compile(
    r"\b(?:more|another|extra)\b[^.?!]*?"  # not «add one in navy too, so 2 in total»
    rf"\b(?:so|making|makes|that'?s|thats|for a total of|total of)\s+"
    rf"{NUMBER}(?:\s+(?:in total|total|altogether|all together|of them))?\W*$",
    re.I,
)
# sizes said after a number: «6 mm not 4» corrects a version, not a count
_UNITS = r"hours?|hrs?|days?|stars?|kg|g|ml|l|cl|cm|mm|in|inch|inches|oz|lbs?|w|mah|gb|tb|%|x"
_QTY_PATTERNS = [
    TOTAL_SAID,
    # «sorry, 4 after all, forgot about the intern», «for two kids so 2»: the count settled on
    re.compile(
        rf"(?:^|[,.;!]\s*)(?:(?:sorry|ok|okay|no|wait|actually|hmm+|hm|fine|nah)\W+)*{NUMBER}\s+"
        r"after all\b",
        re.I,
    ),
    re.compile(rf"\bso\s+(?:just\s+)?{NUMBER}(?:\s+(?:of them|then|please|pls))?\W*$", re.I),
    re.compile(
        rf"\b(?:add|buy|get|take|want|order|grab|need|(?<!to )make it|(?<!to )make that|put|"
        rf"(?<!to )make (?:them|both(?: of them)?|them both|each(?: one)?)|"  # «make both 2»
        rf"chuck|pop|bung|stick|"
        rf"(?:i'?ll|i will|we'?ll|let me|(?:can|could|may) (?:i|we)) have|"  # «i'll have 2 in pink»
        rf"(?:just|i'?ll|let'?s|(?:can|could) (?:you|u)) do|just the|"  # «ok just do 10 then»
        rf"remove|delete|drop|take out|take off|"
        rf"(?:bump|put|up|increase|raise|drop|reduce|lower|bring|cut)"
        rf"(?: it| that| them| the quantity| qty)?(?: up| down)? to|"
        rf"keep (?:it|that|them|the quantity) (?:at|to)|"  # «scratch that, keep it at 2»
        rf"change (?:it|that|this|them|those|the "
        rf"quantity) to|set (?:it|that|the quantity) to|quantity(?: to)?|switch (?:the "
        rf"quantity )?to|i'?d like)\s+(?:me\s+)?{NUMBER}\b(?!\s*(?:stars?|\$|dollars?|"
        rf"ml|g|kg|mm|cm|inch(?:es)?|ft|feet|foot|lbs?|oz|days?)\b)(?!\s*(?:st|nd|rd|th)\b)",
        re.I,
    ),
    re.compile(
        rf"\b{NUMBER}\s+(?:of (?:them|'?em|those|these|it|that|each|the \w+)|each|units?|"
        rf"pieces?|pcs|more|x)\b",
        re.I,
    ),
    re.compile(r"\bx\s?(\d{1,3})\b|\b(\d{1,3})x\b", re.I),  # "x2", "2x"
    re.compile(rf"\b{NUMBER}\s+this time\b", re.I),  # «…, but two this time»
    re.compile(rf"^\W*(?:\w+\W+){{0,2}}?{NUMBER}\s+(?:less|fewer)\b(?:\s+[\w-]+){{0,2}}\W*$", re.I),
    re.compile(  # «no 2 not 3», «I meant 2, not 3» (not «size 9 not 10», «4 not 6 hours»)
        rf"(?:^\W*(?:(?:no|nah|sorry|wait|actually|oops|oh|hmm+|um+|ah|ok|okay|scratch that|"
        rf"my bad)\W+)*|"
        r"\b(?:meant|make it|said)\s+)"
        rf"{NUMBER}(?:\s*(?!(?:{_UNITS})\b)[a-z]+)?\s*,?\s+(?:not|instead of)\s+{NUMBER}\b"
        r"(?!\s*(?:hours?|hrs?|days?|stars?|kg|g|ml|cm|mm|in|inch|w|mah|%)\b)",
        re.I,
    ),
    re.compile(  # «two bags please»; not the «Nova 500» in «Nova 500 bottles»
        r"(?<!\w )(?<![\w.])(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
        r"(?:bags|pairs|sets|bottles|boxes|packs|packets|tins|jars|tubes)\b",
        re.I,
    ),
    re.compile(  # «a couple in orange, for me and my partner», «3 in navy pls»
        rf"^\W*(?:(?:and|also|plus|oh|ok|okay|so|then|actually)\W+)*{NUMBER}\s+in\s+"
        r"(?!stock|total|a row|the (?:cart|basket)|(?:a|one|my) (?:order|go)\b)[a-z]",
        re.I,
    ),
    re.compile(  # «the cheap beige one, half a dozen, queen size»: a count between commas
        r"(?<![\d.]),\s*(\d|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
        r"\s*,(?!\s*\d)",
        re.I,
    ),
    re.compile(  # «and 2 matching pillows, the Oakhaven Studio 2 in grey twin»
        rf"^\W*(?:(?:and|also|plus|oh|ok|okay|so|actually)\W+)*{NUMBER}\s+(?!(?:kids|friends|people|guys|"
        r"girls|boys|adults|years|days|weeks|months|hours|nights|stars|reviews|ratings|times|"
        r"minutes|miles|dollars|bucks|quid|pounds|euros|star|year|day|week|month|hour|night|"
        r"person|percent)\b)(?:[a-z]+\s+)?[a-z]{3,}s\b(?!')",
        re.I,
    ),
    re.compile(  # «a couple 1kg ground» (2 1kg ground), «gimme 3 500g bags»: a count, a size
        rf"^\W*(?!the\b)(?:[a-z]+\W+){{0,2}}?{NUMBER}\s+\d+(?:\.\d+)?\s*(?:kg|g|ml|l|cl|oz|lbs?)\b",
        re.I,
    ),
    re.compile(  # «plus 2 grey queen for the spare room», «and 3 navy»: more of a version
        rf"^\W*(?:and|also|plus|\+)\s+{NUMBER}\s+(?!(?:it|its|it's|then|kids|friends|people|"
        r"years?|days?|weeks?|"
        r"months?|hours?|nights?|stars?|reviews?|times?|minutes?|miles?|dollars?|bucks|quid|"
        r"pounds?|euros?|percent|of (?:my|our|us|you)|(?:kg|g|ml|mm|cm|oz|lbs?)\b))[a-z]",
        re.I,
    ),
    re.compile(  # «Two black ones please»; not «I already have two cheap ones»
        rf"^\W*(?:(?:ok|okay|so|then|and|please|pls|actually)\W+)*{NUMBER}\s+(?:[a-z]+\s+)"
        r"{0,2}ones\b",
        re.I,
    ),
    # "…foam roller, 3 pls", "the auralpeak wave s, 2 in rose gold": a count after a comma
    re.compile(  # possessive: a run of spaces is never tried two ways; «, 8 in by 10 in» no
        rf",\s*+(?:x\s*+)?{NUMBER}\s*+x?\s*+(?:(?:pls|please|plz|thanks|ta)\W*+$|"
        r"in\s++(?!by\b)[a-z]{2,}|\W*+$)",
        re.I,
    ),
    # "make the bands 3", "change the rope to 2": a cart line named, then its count
    re.compile(
        rf"\b(?:(?:make|change|set|bump|update)\s+the\s+[a-z][\w' -]{{1,30}}?\s+(?:to\s+)?|"
        # «hmm drop the tea tree gel to 4 then»; not «drop the blue one»
        rf"(?:drop|reduce|lower|cut|raise|increase|up)\s+the\s+[a-z][\w' -]{{1,30}}?\s+to\s+)"
        rf"(?<!size )(?<!sz )(?<!in )(?<!uk )(?<!us ){NUMBER}\s*(?:pls|please|then|instead)?"
        # «…, my partner's coming»: a remark that says why
        # («…, the eldest is too old for it», «…, turns out one's enough»)
        r"(?:\W*$|,\s*(?:my|our|his|her|their|for|as|since|because|cos|cuz|coz|we|i|she|he|they|"
        r"turns out)\b[^?]*$|,\s*the\b[^?\d]*$)",  # (not «…, the 9 was tight»: a size)
        re.I,
    ),
    re.compile(  # "2 is enough", "three will do"
        rf"(?<!this )(?<!that )(?<!the )\b{NUMBER}(?:\s+is|'s)?\s+"
        r"(?:enough|plenty|will do|should do)\b",
        re.I,
    ),
    re.compile(  # «just 2», «ok all 8 standard then»
        rf"\b(?:only|just|all)\s+{NUMBER}\b(?!\s*(?:stars?|\$|dollars?|days?|reviews?|colou?rs?|"
        r"sizes?|versions?|options?|models?|editions?|of (?:them|those|these)\s*\?)\b)",
        re.I,
    ),
    # «zen motion skipping rope, purple, half a dozen for my class»: a count, then who for
    re.compile(
        rf",\s*(?!(?:one|a|an)\b){NUMBER}\s+for\s+(?:my|our|his|her|their|the|a|an|me|us|him|"
        r"them)\b",
        re.I,
    ),
    # «actually 2, one for her brother too»: the count first, then why
    re.compile(
        rf"^\W*(?:(?:ok|okay|actually|no|nah|wait|hmm+|oh|make it|so)\W+)*{NUMBER}\s*,\s*"
        r"(?:one|1) (?:for|is for)\b",
        re.I,
    ),
    # «…, queen size. 2 please, one per window»: a count of its own, then please
    re.compile(rf"(?:^|[.,;!]\s*)(?:x\s*)?{NUMBER}\s+(?:please|pls|plz)\b", re.I),
    re.compile(rf"^\W*(?:ok(?:ay)?\W+)?do\s+{NUMBER}(?:\s+(?:then|instead|pls|please))?\W*$", re.I),
    re.compile(r"\b(?:just|only) (?:the )?(one)\b(?! (?:in|with|for|that|which)\b)", re.I),
    # "2 blue pls", "3 in M": a short answer that starts with how many
    re.compile(  # not «500 g ground please», «50 ml»: a number before a unit is a size
        rf"^[^\w#$£€]*(?:(?:meh|ok|okay|fine|hmm+|so|right|alright|ugh|then)\W+)*{NUMBER}\s+"
        rf"(?!(?:years?|yrs?|days?|weeks?|months?|hours?|stars?|people|euros?|pounds?|max\b|"
        rf"players?|dollars?|bucks|quid|%|x\b|of\b|(?:kg|g|ml|mm|cm|oz|lbs?|gb|tb|mah)\b))"
        rf"[a-z]+(?:\s+\S+){{0,3}}\W*$",
        re.I,
    ),
    re.compile(
        rf"^\W*(?:(?:ok(?:ay)?|fine|alright|right|sure|nah|no|nope|actually|wait|hmm+|oh|so)"
        rf"\W+)*{NUMBER}"
        r"\s*(?:then|pls|please|thanks|instead)?\W*$",
        re.I,
    ),
]
# «one less roller», «2 fewer»: that many taken out, not the line set to that many
FEWER = re.compile(  # said as the request itself, not «so there's one less excuse to skip class»
    rf"^\W*(?:\w+\W+){{0,2}}?{NUMBER}\s+(?:less|fewer)\b(?!\s+(?:than|expensive|pricey)\b)"
    rf"(?:\s+[\w-]+){{0,2}}\W*$",
    re.I,
)
_ORDER_ID = re.compile(r"\b(ORD-[0-9A-F]{10})\b", re.I)


@dataclass
class Slots:
    """What a message names beyond its intent."""

    quantity: int | None = None
    options: dict[str, str] = field(default_factory=dict)
    filters: SearchFilters = field(default_factory=SearchFilters)
    requested: Constraints = field(default_factory=Constraints)
    query_text: str = ""
    references: list[str] = field(default_factory=list)  # product ids, in the order meant
    order_id: str | None = None
    reference_kind: str | None = None  # ordinal, superlative, deictic, id, mention, option


def number_value(text: str) -> int:
    text = text.lower()
    return int(text) if text.isdigit() else NUMBER_WORDS[text]


# «ok add -2 then», «make it minus 1»: a count below one, said so it is refused, not read as 2
_NEGATIVE_COUNT = re.compile(
    r"\b(?:add|buy|get|order|put|want|make it|make that|set it to|change it to)\s+(?:me\s+)?"
    r"(?:-\s?|minus\s+)(\d{1,4})\b",
    re.I,
)


_AN_AGE = re.compile(
    r"\b(?:kid|kids|child|son|daughter|boy|girl|baby|toddler|nephew|niece|he|she|they)"
    r"(?:'s|’s|\s+is|\s+are|\s+was|\s+turned)\s+(?:only|just|nearly|almost)?\s*\d{1,2}\b",
    re.I,
)
_TO_ZERO = re.compile(  # «ok then set it to zero»; not «I have zero ideas»
    r"\b(?:set|make|change|put|bring|drop|reduce|update)\s+(?:it|that|them|the quantity|qty)\s+"
    r"(?:down\s+)?(?:to\s+)?zero\b",
    re.I,
)


# «double it», «make it double», «twice as many»: the line's count times two
DOUBLED = re.compile(
    r"^\W*(?:(?:ok|okay|actually|hmm+|oh|so|and|can you|could you|pls|please)\W+)*"
    r"(?:double (?:it|that|them|the (?:quantity|order|count|amount))|make (?:it|that|them) double"
    r"|twice as many)(?:\W+(?:please|pls|then|actually))*\W*$",
    re.I,
)
# «one for me and one for my partner», «one for each kid, one for me and one for my wife»
_ONE_EACH = re.compile(
    r"\bone for (?:me|him|her|us|them|my|our|his|the)\b[^.?!,]{0,25}?"
    r"(?:(?:,|\band\b|&|\+)\s*(?:also\s+)?one for\b[^.?!,]{0,25}?)+"
    r"(?=\s*(?:please|pls|thanks|thx)?\s*(?:[.?!,]|$))",
    re.I,
)

_ONE_FOR_SO_MANY = re.compile(
    rf"\bone for\b(?:\s+each of (?:my|our|his|her|their|the)\s+({NUMBER})\b)?", re.I
)


def extract_quantity(message: str) -> int | None:
    """A quantity the shopper states ('add 2', 'make it three', 'two of those'); below one
    when said so («add 0», «add -2»), for the cart to refuse."""
    if chain := _ONE_EACH.search(message):  # «one for me and one for my partner»: two
        # («one for me and one for each of my 2 kids»: three)
        return sum(
            (number_value(said[1]) or 1) if said[1] else 1
            for said in re.finditer(_ONE_FOR_SO_MANY, chain[0])
        )
    if negative := _NEGATIVE_COUNT.search(message):
        return -int(negative.group(1))
    if _TO_ZERO.search(message):
        return 0
    message = _AN_AGE.sub(" ", message)  # «the kid's only 4»: an age, no count
    for pattern in _QTY_PATTERNS:
        match = pattern.search(message.strip())
        if match:
            value = next(group for group in match.groups() if group)
            return number_value(value)
    # «ill risk it for 19 bucks. 2 in rose gold»: the count that opens the last sentence,
    # said of the thing (not «… 2 cups a day is all i drink»)
    *_, last = re.split(r"(?<=[.!?])\s+", message.strip())
    if last != message.strip() and (said := _COUNT_OPENS.match(last)):
        return number_value(said.group(1))
    return None


_COUNT_OPENS = re.compile(
    rf"^\W*({NUMBER})\s+(?:in\b|of (?:them|those|these|each|em)\b|x\b|pairs? of\b|pairs?\b"
    r"|please\b|pls\b|then\b|\W*$)",
    re.I,
)


# «just add every one you have», «all you've got», «as many as you have»: every one left;
# after «at most 10 per order», «ok do the max then», «as many as i can»: the limit
ALL_THERE_IS = re.compile(
    r"\b(?:every one|everything|all|as many as|whatever|how ?ever many)\s+(?:of them\s+)?"
    r"(?:you|u)\s*"
    r"(?:'ve\s+got|have|got|'ve|can)\b|\ball (?:of )?(?:them|those) then\b"
    r"|\bthe (?:last|remaining) (?:ones?|\d+)\b"
    # «ok do the max then», «max please» as the whole message; not «30 bucks max», «Max S»
    r"|^\W*(?:(?:ok|okay|fine|alright|then|so|just|yes|yeah|sure)\W+)*"
    r"(?:(?:can|could) (?:you|u) (?:just )?)?(?:(?:do|get|add|give me|"
    r"take|i'?ll take|go for|make it)\s+)?(?:the\s+)?max(?:imum)?(?:\s+(?:then|please|pls|"
    r"allowed|you allow|per order|of them))*\W*$"
    r"|\bas many as (?:i|we|you|u) (?:can|could|may|'?re allowed|are allowed|allow)\b",
    re.I,
)
# «i'll take the lot then», «the whole lot»: every one of the version in view that is left
THE_LOT = re.compile(
    r"\b(?:take|get|grab|want|have|buy|add|gimme|give me)\s+(?:the\s+)?(?:whole\s+)?lot\b"
    r"(?!\s+(?:of|more)\b)|^\W*(?:(?:ok|okay|then|so)\W+)*(?:the\s+)?whole lot\W*$",
    re.I,
)
_ASKS = re.compile(r"\?|^\W*(?:what|whats|what's|how|is|are|why|can|could)\b", re.I)


def takes_the_most(text: str) -> bool:
    """Whether a message answers «only 4 left» or «at most 10 per order» with every one it
    may have («ok do the max then»), not asks about the limit («what's the max?»)."""
    asks = _ASKS.search(text) and not re.search(r"\b(?:can|could) (?:you|u|i|we)\b", text, re.I)
    return bool(ALL_THERE_IS.search(text)) and not asks


_LEADING_COUNT = re.compile(rf"^\W*(?:(?:and|also|plus|add|with)\s+)*{NUMBER}\s", re.I)
# «…, 5 medium and 4 small»: the count right before the value
_COUNT_RIGHT_BEFORE = re.compile(rf"(?<![\w.]){NUMBER}\s+(?:x\s+|in\s+)?$", re.I)


def as_found(phrase: str, text: str) -> str:
    """A name as `text` says it: a phrase cut from the message less its counts («add  the
    trailhawk …» of «add 2 of the trailhawk …») is found by what follows the gap, and one
    whose first words the text parts («add voyagr plus tote» of «add one voyagr plus tote»)
    by its last words."""
    phrase = phrase.split("  ")[-1].strip() if "  " in phrase.strip() else phrase
    words, lowered = phrase.split(), text.lower()
    while len(words) > 1 and " ".join(words).lower() not in lowered:
        words = words[1:]
    return " ".join(words) if " ".join(words).lower() in lowered else phrase


def quantities_before(message: str, phrases: list[str]) -> list[int | None]:
    """How many of each named product a message asks for, read from the words that lead to
    its name ("add 2 resistance bands and a foam roller": 2 and 1)."""
    lowered, start, counts = message.lower(), 0, []
    for phrase in (as_found(phrase, message) for phrase in phrases):
        at = lowered.find(phrase.lower(), start) if phrase else -1
        if at < 0:
            counts.append(None)
            continue
        said = message[start : at + len(phrase)]
        match = _LEADING_COUNT.search(said) or _COUNT_RIGHT_BEFORE.search(message[start:at])
        counts.append(extract_quantity(said) or (number_value(match.group(1)) if match else None))
        start = at + len(phrase)
    return counts


def extract_slots(message: str, vocabulary: FilterVocabulary) -> Slots:
    """Quantity, options, filters, requested constraints and order id of one request."""
    parsed = parse_query(message, vocabulary)
    options = {}
    if parsed.filters.colour:
        options["colour"] = parsed.filters.colour
    if parsed.filters.size:
        options["size"] = parsed.filters.size
    slots = Slots(
        quantity=extract_quantity(message),
        options=options,
        filters=parsed.filters,
        requested=parsed.requested,
        query_text=parsed.text,
    )
    if match := _ORDER_ID.search(message):
        slots.order_id = match.group(1).upper()
    return slots


_LEADING_COUNT_OF_NAME = re.compile(
    r"^\W*(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+(?:x\s+)?(?:of\s+the\s+)?"
    r"([\w&'-]+)",
    re.I,
)


_PHONE = re.compile(r"\b(iphone|galaxy|pixel)\s?(s?\d{1,2})\b", re.I)
_PHONE_MAKERS = {"iphone": "iPhone", "galaxy": "Galaxy", "pixel": "Pixel"}


def refusal_of(value: str) -> re.Pattern[str]:
    """A value said no to: «…, no rose gold», «M and XL, not XS», «not in the black»; not «no
    the black one» (a correction) nor a «no» that opens the message."""
    return re.compile(
        rf"(?:\bnot\s+(?:in\s+)?(?:the\s+)?|(?:[,;]|\band|\bbut)\s*no\s+(?:in\s+)?)"
        rf"{re.escape(value)}(?![\w-])",
        re.I,
    )


def _without_refused(product: Product, text: str, options: dict[str, str]) -> dict[str, str]:
    """The options less those said no to; one refused is the other value named, if one is
    («one in XL, no XS»: XL)."""
    kept = dict(options)
    for name, value in options.items():
        if not refusal_of(value).search(text):
            continue
        named = product.values_named_in(text).get(name, [])
        others = {v for v in named if v.lower() != value.lower() and not refusal_of(v).search(text)}
        if len(others) == 1:
            kept[name] = others.pop()
        else:
            del kept[name]
    return kept


def without_named_colours(options: dict[str, str], text: str, in_names: set[str]) -> dict[str, str]:
    """The options without a colour said only as part of another product's name («does it
    have settings for green tea?» of a kettle sold in green: no colour asked)."""
    colour = options.get("colour", "")
    said = re.search(rf"\b{re.escape(colour)}\s+([\w-]+)", text, re.I) if colour else None
    if said is None or re.search(rf"\bin {re.escape(colour)}\b", text, re.I):
        return options
    following = said.group(1).lower()
    pairs = {f"{colour.lower()} {word}" for word in (following, following.removesuffix("s"))}
    return {k: v for k, v in options.items() if k != "colour"} if pairs & in_names else options


def _colour_asked(colour: str, text: str) -> bool:
    """Whether a colour is said as the one wanted («in beige, L», «…, beige»), not of something
    else («to wear with my black jeans»)."""
    return bool(
        re.search(rf"(?:\bin\s+(?:the\s+)?|^\W*|[,;:]\s*){re.escape(colour)}\b", text, re.I)
    )


def fit_to_product(product: Product, text: str, slots: Slots) -> None:
    """A request's options read against one product: the values it names of that product,
    with what the parser read that the product sells too («in large»: its L), the parser's
    reading alone when neither names any. A number that is one of those values, said once,
    is not also a quantity («9 red»: size 9, one pair)."""
    named = options_wanted(product, text)
    offered = product.options_by_name()
    sold = {
        name: value
        for name, value in slots.options.items()
        if value.lower() in {choice.lower() for choice in offered.get(name, [])}
    }
    title = {word.lower() for word in re.findall(r"\w+", product.title)}
    not_title = {k: v for k, v in slots.options.items() if v.lower() not in title}  # «Air S»
    # «i'll size up then, add them in navy L» of chinos in XS-M: the L said is asked for (and
    # refused by the cart with the choices), never swapped for a rank's or an earlier size
    said = {k: v for k, v in not_title.items() if k in offered and v.lower() in LETTER_SIZES}
    if "colour" in offered and "colour" in not_title and _colour_asked(not_title["colour"], text):
        # «add the … rain jacket in beige, L» of one sold only in olive: the colour asked is
        # refused by the cart with the choices, never dropped for the only one sold
        said["colour"] = not_title["colour"]
    ranked = {k: v for k, v in options_by_rank(product, text).items() if k not in said}
    slots.options = {**ranked, **said, **sold, **named} or not_title
    slots.options = _without_refused(product, text, slots.options)
    if "model" in offered and "model" not in slots.options and (phone := _PHONE.search(text)):
        # «add one iphone 15 anyway» of a Galaxy-only power bank: asked, so refused, not swapped
        slots.options["model"] = f"{_PHONE_MAKERS[phone[1].lower()]} {phone[2].upper()}"
    said = str(slots.quantity) if slots.quantity is not None else None
    told_once = said and len(re.findall(rf"(?<![\w.]){said}(?![\w.])", text)) == 1
    if said in slots.options.values() and told_once:
        slots.quantity = None
    if slots.quantity is None and (lead := _LEADING_COUNT_OF_NAME.match(text)):
        # «Four Threadwell Max S t-shirts please, size L»; not «5 stars everywhere, add…»
        title = {word.lower() for word in re.findall(r"[\w&'-]+", product.title)}
        if lead.group(2).lower().removesuffix("s") in title | {w + "s" for w in title} or (
            lead.group(2).lower() in title
        ):
            _, count = count_beside_name(product, text)
            slots.quantity = None if count and titles_number(product, text, count) else count
    if slots.quantity is None and (last := _TRAILING_COUNT.search(text)):
        # «… chai spice blend, 1kg ground, 2 bags», «the clearwell one 50ml, a couple»: a count
        # said last (not a value the product comes in: «chinos, navy, 32»)
        values = {value.lower() for values in offered.values() for value in values}
        if last["count"] not in values and not titles_number(product, text, int(last["count"])):
            slots.quantity = int(last["count"])


_TRAILING_COUNT = re.compile(
    r"[,;]\s*(?:x\s*)?(?P<count>[2-9])\s*(?:bags?|pairs?|packs?|sets?|boxes?|bottles?|units?|"
    r"tins?|jars?|tubes?|of (?:them|those|these|it|each)|please|pls|thanks)?\W*$",
    re.I,
)


def options_for_focus(
    buying: bool, text: str, slots: Slots, focus: Product | None
) -> dict[str, str]:
    """A cart request's options, read against the product in focus when the words alone
    name none («then small, please»: its S)."""
    if slots.options or not buying or focus is None:
        return slots.options
    return focus.options_named_in(text)


def own_spans(text: str, phrases: list[str]) -> list[str]:
    """Each phrase with what follows it up to the next phrase («the X in white, twin size»);
    a phrase not found in the text is its own span."""
    phrases = [as_found(phrase, text) for phrase in phrases]
    starts = [text.find(phrase) if phrase else -1 for phrase in phrases]
    found = sorted(start for start in starts if start >= 0)
    spans = []
    for phrase, start in zip(phrases, starts, strict=True):
        if start < 0:
            spans.append(phrase)
            continue
        end = next((later for later in found if later > start), len(text))
        spans.append(text[start:end])
    return spans


_COUNT_WORD = r"(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)"
MOST_SAID = 20  # a bigger number beside a name is a size or a model, not how many
# How many, said beside a name: «… x2», «2x …», «2 kestrel … totes», «…, 3 pls»
_UNIT_AFTER = (
    r"(?!\s*(?:g|kg|ml|l|mm|cm|oz|lbs?|in|inch(?:es)?|pack|pcs|person|people|seater|players?|"
    r"years?|yrs?|months?|days?)\b)"
)
_COUNTS_BESIDE_NAME = (
    re.compile(rf"\bx\s?(\d{{1,2}})\b{_UNIT_AFTER}|\b(\d{{1,2}})x\b", re.I),
    re.compile(
        rf"^[^\w#$£€]*(?:(?:ok|okay|whatever|ugh|hmm+|so|fine|alright|lol|oh|then)\W+)*{_COUNT_WORD}"
        rf"{_UNIT_AFTER}(?:\s+of(?=\s+the\b))?(?=\s+[a-z])",  # «4 of the hearth & linen air s»
        re.I,
    ),
    # «…, 2 in orange», «…, 3 pls», «…, 6 standard ones for party bags»
    re.compile(
        rf",\s*{_COUNT_WORD}(?=\s*(?:in|pls|please|plz)\b|\W*$|\s+[a-z][\w -]{{0,30}}?\bones\b)",
        re.I,
    ),
    re.compile(
        rf"(?:^|[,.]\s*){_COUNT_WORD}\s+of\s+(?:them|those|these|'?em)\b", re.I
    ),  # «2 of them»
)


def count_beside_name(product: Product, text: str) -> tuple[str, int | None]:
    """The text without a count said beside the product's name, and that count; a number
    the title holds with the word said after it («9 prime s cold brew»), a number before a
    unit («x 500 g») or an option value («9 red»: size 9) is no count."""
    for pattern in _COUNTS_BESIDE_NAME:
        match = pattern.search(text)
        said = next((group for group in match.groups() if group), "") if match else ""
        count = int(said) if said.isdigit() else DIGIT_WORDS.get(said.lower(), 0)
        if match and 0 < count <= MOST_SAID and not _names_it(product, said, text[match.end() :]):
            return f"{text[: match.start()]} {text[match.end() :]}", count
    return text, None


def _names_it(product: Product, number: str, after: str) -> bool:
    """Whether a number is part of the product's name or an option value, not a count."""
    values = [value.lower() for values in product.options_by_name().values() for value in values]
    if any(value == number or value.startswith(f"{number} ") for value in values):
        return True
    title = re.findall(r"[\w'&-]+", product.title.lower())
    following = (re.findall(r"[\w'&-]+", after.lower()) or [""])[0]
    return any(a == number and b == following for a, b in itertools.pairwise(title))


def titles_number(product: Product, text: str, count: int) -> bool:
    """Whether the count read is the title's own number said once («2 bassline headphones»
    is no count of «Bassline Urban 2»; «two of the tumble & co urban 2» is)."""
    title = {word.lower() for word in re.findall(r"\w+", product.title)}
    digits = re.findall(r"(?<![\w.])\d+(?![\w.])", text)
    worded = any(DIGIT_WORDS.get(word.lower()) == count for word in re.findall(r"[a-z]+", text))
    # «… cleanser 100ml x2», «… camp stove, 2 in orange»: a count marked as one, whatever the
    # title holds
    marked = re.search(
        rf"(?:\bx\s*|×\s*|,\s*){count}\b(?!\s*(?:x|×)?\s*\d)|\b{count}\s*(?:x|×)(?!\w)", text, re.I
    )
    return str(count) in title and digits.count(str(count)) == 1 and not worded and not marked


def options_said(products: list[Product], text: str) -> dict[str, str]:
    """The options of any of the products that a text names («for an iphone 16»: its model)."""
    return {name: value for p in products for name, value in p.options_named_in(text).items()}


def said_values(options: dict[str, str]) -> set[str]:
    """The option values a request named ("navy", "m"), lower-cased: words that qualify a
    kind rather than name one."""
    values = {value.lower() for value in options.values()}
    return values | {word for value in values for word in value.split()}  # «iphone» of «iPhone 15»
