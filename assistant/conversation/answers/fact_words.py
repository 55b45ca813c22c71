"""The shopper's words for each fact a product has: its price, colours, sizes, stock, delivery,
returns, rating and seller, and each catalogue attribute ("how long does the battery last")."""

from __future__ import annotations

import re

from assistant.search.countries import COUNTRY_ADJECTIVE

# «how long does it burn», «how long have I got?»: no time in transit
_NOT_IN_TRANSIT = (
    r"[^?.]{0,60}\b(?:lasts?|burns?|runs?|plays?|stays?|keeps?|charges?|have i got|do i have|"
    r"have i|take to (?:charge|boil|heat|cook|dry|set up)|warrant\w*|guarantee\w*|"
    r"(?:a|one|each) (?:game|round|match|session|charge|cycle|wash)\b)\b"
)
_OF_MONEY = (  # «how much caffeine», «how much space»: of a thing; «how much flexa wave 2»: money
    r"(?!\s+(?:caffeine|sugar|salt|protein|fat|alcohol|water|storage|space|room|weight|noise|"
    r"power|battery|charge|memory|data|time|liquid|volume|capacity|coffee|tea|juice|milk|stuff|"
    r"difference|longer|faster|stretch|cushion\w*|padding|light|heat|warmth)\b)"
    # «how much do the nimbus ones weigh», «how much does it hold»: not money
    r"(?![^?.]{0,40}\b(?:weigh|weighs|hold|holds)\b)"
)
# «how long is the flexa core s?»: its length; not «how long is shipping?», «how long is it
# going to take?»
_A_LENGTH = (
    r"\s+(?:is|are)\s+(?!(?:the\s+)?(?:delivery|shipping|dispatch|wait|postage)\b)"
    r"(?!(?:it|that|this|they)\s+(?:going|gonna)\b)"
)
# the stars reviewers gave, not a rating of the thing itself («temperature rating», «IP
# rating», «rated for 25F», «rated 3+»)
STAR_RATING = (
    r"(?<!temperature )(?<!temp )(?<!comfort )(?<!ip )(?<!energy )(?<!fire )(?<!age )"
    r"\b(?:rating|stars?|score|rated(?!\s+(?:for|to|down to)\b))\b"
)
FACT_CUES: list[tuple[re.Pattern[str], str]] = [
    # not «how much caffeine is left in it?»: how much of a thing, not of money
    # «whats the difference between the editions»: what each version costs
    (
        re.compile(
            rf"\b(price|cost|how much{_OF_MONEY}|expensive|cheap|\$"
            # «what do the curtains come to?»; not «does it come to canada?»
            r"|comes? to(?=\s*(?:[?.!]|$|altogether|in total|all together|with shipping)))"
            r"|\bdiff(?:erence)?s?\b[^.?!]*\b(?:editions?|versions?|sizes|standard|deluxe)\b",
            re.I,
        ),
        "price",
    ),
    # not «how many cubes come in the set?»: what is in it, not the versions it comes in
    (
        re.compile(
            r"\b(colou?rs?|available in|shades?)\b|^(?!.*\bhow many\b).*\bcomes? in\b", re.I
        ),
        "colour",
    ),
    (re.compile(r"\b(sizes?|sizing)\b", re.I), "size"),
    # «is there a bigger 1 litre version?», «any other versions?»: the versions it comes in
    # (not «the latest ios version», not «bigger than the X»)
    (
        re.compile(
            r"\b(?:other|which|what|any|more|different) (?:versions?|variants?|editions?)\b"
            r"|\b(?:bigger|smaller|larger)\b(?! than)",
            re.I,
        ),
        "version",
    ),
    (
        re.compile(
            # «how much caffeine is left in it»: what is in it, not the stock
            r"\b(in stock|stock|available|availability|left(?!\s+in\s+(?:it|them)\b)|sold out|"
            r"restock\w*|"
            # «when will it be back?», «any idea when theyre back», «in stock again»
            r"(?:be|is|are|they'?re|theyre|it'?s|come|coming) back(?! to\b)|back in|"
            r"(?:in stock|available) again|get (?:more|them|it|some) in|"
            r"(?:have you|you(?:'ve)?) got (?:it|one|them|any)|"
            # «the summit supply tent, got any?», «any left?»
            r"(?:^|[,.]\s*)(?:got|have|any) (?:any|some|one|it|them|left)\b(?=\W*$)|"
            r"do you (?:have|sell) (?:it|one|them)|"
            # «how many of the meeple teddy bears have you got»
            r"how many\b[^?]*\b(?:have you got|do you have|(?:have|got) you|"
            r"you(?:'ve| have)? got|(?:u|ya) (?:got|have)))\b",
            re.I,
        ),
        "stock",
    ),
    (
        re.compile(
            rf"\b(deliver(y|ed)?|ship(ping|s|ped)?|arrives?|gets? here|get it|"
            r"get (?:them|one)\b\W*$|"
            rf"how long(?!{_NOT_IN_TRANSIT})(?!{_A_LENGTH})|"
            r"when (?:would|could|should|does|do) (?:it|they|that|this|the \w+) "
            r"(?:come|get|turn up)|"
            r"when will|by (mon|tues|wednes|thurs|fri|satur|sun)day|by tomorrow|dispatch|"
            r"how (fast|quick\w*|soon)\b"
            r"(?=.{0,30}\b(come|arrive|get here|be here|get to|reach|get (?:it|them|one))\b))",
            re.I,
        ),
        "delivery",
    ),
    (
        re.compile(
            r"\b(return|refund|exchange|(send|take|go|goes|going) (it |them |that |both )?back|"
            # «can i send the leaf and kettle one back»
            r"(?:send|take) (?:the|this|that) [\w&' -]{1,40}? (?:one |ones )?back\b|"
            r"how long (?:have i got|do i have|have i)\b)",
            re.I,
        ),
        "returns",
    ),
    (re.compile(STAR_RATING, re.I), "rating"),
    (
        re.compile(
            r"\b(seller|sells?|selling|sold by|vetted|legit|authentic|genuine|fake|real|"
            r"knock[- ]?offs?|counterfeit|replicas?|original)\b",
            re.I,
        ),
        "seller",
    ),
]
# The shopper's words for each catalogue attribute.
ATTRIBUTE_WORDS = {
    "battery life": r"battery|charge lasts?|last(s)?( longer| longest)? (on|per) (a|one) charge|"
    r"how long .* last|\b(?:it|they|does it|do they) lasts?\b",
    "water resistance": r"water|waterproof|rain|swim|shower|ipx|splash|sweat|\bip ?rat|\bip\d",
    "material": r"made (of|from|with)|material|fabric|what.*\bmade\b|hard[- ]?(shell|sided|case)|"
    r"soft[- ]?(shell|sided)|leather|plastic|metal|cotton|wool|steel|"
    # «is it actually linen?», «real merino?»: a material doubted, said with its cue
    r"\b(?:actually|really|real|genuine|pure|100%)\s+(?:linen|polyester|nylon|bamboo|silk|"
    r"ceramic|cast iron|wood|glass|rubber|latex|canvas|merino|aluminium|aluminum|silicone)\b",
    "weight": r"heav(?:e?y|ier|iest)|weigh|weight|light(weight|er|est)?\b",
    # (not «will it hold my phone», «strong enough to hold on a mount»: a fit or a grip)
    "capacity": r"capacity|\bhold(?:s|ing)?\b(?!\s+(?:on|up|onto|still|tight|my|your|his|her|"
    r"the phone|a phone|phones?)\b)|litre|liter|\bml\b|how (big|much does it hold)|volume|"
    r"\bsizes?\b|dimensions?|"  # «what IS listed about its size then»: its capacity
    r"\b(?:bigger|biggest|larger|largest|roomier|roomiest|more space|more room)\b",
    "connectivity": r"bluetooth|\bbt\b|connect|cable|wired|wireless|pair|compatible|"
    r"works? with (?:my |a |an |the )?(?:ps[45]|playstation|xbox|switch|nintendo|laptop|tv|mac|"
    r"macbook|pc|computer|console|phone|iphone|android)\b",
    "dishwasher safe": r"dishwasher",
    "skin type": r"skin",
    "fragrance": r"scent|smell|fragrance|perfume",
    "vegan": r"vegan|animal",
    "care": r"wash|care|clean",
    "thickness": r"thick",
    "output": r"output|watts?|wattage|\b\d+\s?w\b|power|fast charg|charges? (the )?(fast|quick)"
    r"(er|est)?\b",
    "age": r"\bage\b|\b(?:\d+ ?)?(?:years?|yrs?) ?olds?\b|\d+ ?(?:y ?olds?|y/?o)\b|"
    r"\bkid(?:s|dos?|dies?)?\b|toddler|child|bab(y|ies)|newborn|infant|"  # not «Zoomkid»
    r"\bfor (?:a )?\d+ ?(?:years?|yrs?)\b|"  # «is it OK for 3 years?»
    r"\b\d{1,2} ?(?:months?|mos?)(?: old)?\b|"  # «my daughter is 18 months»
    r"\bturn(?:s|ing|ed)? (?:\d{1,2}|one|two|three|four|five|six)\b|"  # «my son turns 2»
    r"\b(?:bro|brother|sis|sister|son|daughter|niece|nephew|grandson|granddaughter|boy|girl|"
    r"toddler|little one)(?:'s)? (?:is|just turned) (?:\d{1,2}|one|two|three|four|five|six)\b|"
    r"\b(suitable|safe|ok|okay|right|good) for (my |a |her |his )?(little |young )?"
    r"(grand)?(son|daughter|niece|nephew|girl|boy|kid|child)",
    "players": r"players?|how many (people|ppl|can play)|\b(?:\d+|two|three|four|five|six) of "
    r"us\b.*\bplay|\bplay\b.*\b(?:\d+|two|three|four|five|six) (?:of us|people|players)"
    # «which one can 2 people play?»
    r"|\b(?:\d+|two|three|four|five|six) (?:people|ppl|players|of us) (?:can )?play\b",
    "fit": r"\bfit\b|fits",
    # «is it japanese green tea?»: a country's adjective (not «french press», a grind)
    "origin": r"origin|where(?:'?s)?\b.*\bfrom|grown|country|made in|" + COUNTRY_ADJECTIVE.pattern,
    "roast": r"roast|strength|strong",
    "organic": r"organic",
    "drop": r"\bdrop\b",
    "upper": r"\bupper\b",
}
