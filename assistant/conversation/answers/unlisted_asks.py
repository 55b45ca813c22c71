"""What a question asks of a product that its data does not list, said plainly beside what it
does list: «what percent vitamin c is it?» answered with its skin type alone reads as if the
skin type were the answer; «The product data doesn't list the percent vitamin c» does not."""

from __future__ import annotations

import re

from assistant.catalogue.models import Product
from assistant.conversation.answers.fact_words import ATTRIBUTE_WORDS
from assistant.search.kinds import singular

# «what percent vitamin c is …», «whats the blade length on …», «what batteries does … need»,
# «how many lumens is …»: the thing asked for, up to the verb or place after it
_ASKED_THING = re.compile(
    r"(?:^|[.?!,;]\s*|\b(?:and|so|but|also)\s+)"
    r"(?:what(?:'?s| is| are)?|which|how many|"
    # «does it have temperature settings», «is there a timer»
    r"(?:does|do|will|would) (?:it|they|this|that|the \w+) (?:have|come with|include)"
    r"(?: an?| any)?|is there (?:an?|any))\s+(?:is\s+|are\s+)?(?:the\s+|its\s+|their\s+)?"
    # «what would 2 of the 500g cost?»: a count priced, no fact asked
    r"(?!(?:would|will|could|should|does|do|did)\b)(?P<thing>[a-z][a-z0-9 -]{1,40}?)"
    r"(?=\s+(?:is|are|does|do|did|on|of|in|for|it|they|would|will|has|have|does|like|should|"
    r"could|can|goes|go|looks?|fits?|suits?|works?|i|you|we|to|with|at|would|comes?|made)\b|"
    r"\s*[?,.!]|\s*$)",
    re.I,
)
# words that name no fact of their own, or facts every product has (answered elsewhere)
_NO_FACT = frozenset(
    "a an the one ones it its this that they them thing things kind sort type difference "
    "price cost colour color colours colors shade size sizes sizing stock delivery shipping "
    "return returns refund seller rating ratings star stars review reviews reviewer people "
    "version versions edition option options deal total point catch best better good bad "
    "do does say says think about so up else much more here there exactly actual actually "
    "like time day days long big many till until before after left remaining available "
    "got get have has you u ya ur your in".split()
)


# facts every product has, answered from the data whatever else the question says
_FACTS_ANSWERED = frozenset(
    "price cost colour color size sizing stock delivery shipping return refund seller version "
    "edition option".split()
)


# «when's white back in stock?», «will it be restocked?»: a date no data gives
_RESTOCK = re.compile(
    r"\b(?:when|will|any idea|how (?:long|soon))\b[^?.!]*\b(?:back(?: in stock)?|restock\w*|"
    r"available again|in stock again)\b|\brestock(?:ed|ing)?\b",
    re.I,
)


# «are they ok for a 3 year old?», «fine for my toddler?»: an age the data may not give
_AGE_ASKED = re.compile(
    r"\b(?:ok|okay|safe|suitable|good|fine|right|alright)\s+for\s+(?:a|an|my|our|her|his)\s+"
    r"(?:\d{1,2}[\s-]*(?:year|yr|y)[\s-]*olds?|\d{1,2}[\s-]*(?:month|mo)[\s-]*olds?|toddler|baby|"
    r"newborn|infant|kid|child)\b",
    re.I,
)
# «is it safe for my dog?», «pet safe?», «non toxic?»: a safety the data may not vouch for
_SAFE_ASKED = re.compile(
    r"\bsafe\s+(?:for|around|with|near)\s+(?:a |an |my |our |the )?(?:dogs?|cats?|pets?|puppy|"
    r"kitten|bab(?:y|ies)|kids?|children|toddlers?|newborns?|pregnan\w*)\b|\bpet[- ]safe\b|"
    r"\b(?:non[- ]?)?toxic\b"
    # «safe to use while pregnant?», «ok when breastfeeding?»
    r"|\b(?:while|when|during|if)\s+(?:i'?m\s+|i am\s+|she'?s\s+)?(?:pregnan\w*|"
    r"breast[- ]?feeding|nursing)\b",
    re.I,
)


# «is it cruelty free? not tested on animals?»: a claim no listing here makes («vegan» is not it)
_CRUELTY_FREE = re.compile(r"\bcruelty[- ]?free\b|\btested on animals\b|\banimal testing\b", re.I)
# «any nut oils in it?», «what are the ingredients», «does it contain gluten»: its contents
_CONTENTS_ASKED = re.compile(
    r"\b(?:ingredients?|ingredient list|allergens?|inci)\b"
    r"|\b(?:any|contains?|have|has|with)\s+(?:any\s+)?(?P<what>nut oils?|(?:tree[- ])?nuts?|"
    r"peanuts?|almond(?: oil)?|gluten|dairy|lactose|soy|latex|alcohol|parabens?|sulfates?|"
    r"sulphates?|shea(?: butter)?|coconut(?: oil)?)\b",
    re.I,
)
_CONTENTS_FACTS = {"ingredients", "allergens", "contents"}


def _contents_unlisted(product: Product, question: str) -> str | None:
    """«The product data doesn't list its ingredients, so I can't say whether it contains
    nut oils.» when a question asks what is in it and the data lists no ingredients."""
    if set(product.attributes) & _CONTENTS_FACTS:
        return None
    if _CRUELTY_FREE.search(question) and not any("cruelty" in a for a in product.attributes):
        return (
            "The product data doesn't say whether it is cruelty-free (not tested on animals), "
            "so I can't confirm it."
        )
    asked = _CONTENTS_ASKED.search(question)
    if asked is None:
        return None
    listed = _words(" ".join([product.title, product.description, *product.attributes.values()]))
    if asked["what"] and _words(asked["what"]) & listed:
        return None  # «does it have latex?» of a latex mat, «made with soy?» of a soy candle
    if asked["what"]:
        return (
            "The product data doesn't list its ingredients, so I can't say whether it contains "
            f"{asked['what'].lower()}; check the packaging or ask the seller, especially for an "
            "allergy."
        )
    return "The product data doesn't list its ingredients."


# «will these connect to my phone?»: a kind of device, no model a listing would name
_ANY_DEVICE = {"phone", "laptop", "computer", "pc", "tablet", "tv", "device", "it", "them"}
_SAFETY_FACTS = {"safety", "pet safe", "child safe", "non-toxic", "toxicity", "certifications"}
# «do they work with a ps5?», «will it charge my macbook pro 16?», «compatible with lego?»:
# a thing of the shopper's own it must work with
_WORKS_WITH = re.compile(
    r"\b(?:(?:work|works|compatible|pair|pairs|connect|connects)\s+(?:with|to)\s+"
    r"(?:my |a |an |the |our |his |her )?|(?:charge|power)\s+(?:my|a|an|the|our|his|her)\s+|"
    # «works in a tesla model 3» (not «work in the rain»: how it copes, said elsewhere)
    r"(?:work|works)\s+in\s+(?:my|a|an|our|his|her)\s+|"
    # «does it work on induction?», «work on a gas stove?»
    r"(?:work|works)\s+on\s+(?:my |a |an |our |the )?(?=induction|gas|electric|ceramic|glass)|"
    # «does it fit hario v60 filters?», «will it fit ryanair cabin size» (a verb after «it»,
    # «they», «does», «to», «that»: not «slim fit chinos», «one size fits all»)
    r"\b(?:it|they|this|that|which|does|do|will|would|can|could|to|should)\s+(?P<fit>fits?)\s+"
    r"(?:in(?:to)?\s+|on\s+|with\s+)?(?:my |a |an |the |our |))"
    r"(?P<thing>[a-z][\w +&-]{1,30}?)"  # «android + strava»
    r"(?=\s*[?.!,]|\s+(?:and|or|too|as well|though|tho|then)\b|\s*$)",
    re.I,
)

# «does it fit true to size», «will it fit me», «fits well?»: how it fits, not a thing it fits
_HOW_IT_FITS = frozenset(
    "me you him her us them it true to a the size sizing small big large well right ok okay "
    "fine snug tight loose comfortably properly perfectly".split()
)


def _words(text: str) -> set[str]:
    return {singular(word) for word in re.findall(r"[a-z0-9]+", text.lower())}


def unlisted_asked(product: Product, question: str, facts: list[str]) -> str | None:
    """«The product data doesn't list the blade length.» when the thing a question asks for
    has a word that neither the facts answered nor anything in the product's data says."""
    if _RESTOCK.search(question):
        sold_out = any("out of stock" in fact for fact in facts) or not any(
            variant.stock for variant in product.variants
        )
        if not sold_out or any("restock" in fact for fact in facts):
            return None  # in stock, or said with the stock already
        return (
            "The product data doesn't say when it will be back in stock, and I have no "
            "restock dates, so I can't promise one."
        )
    if _AGE_ASKED.search(question) and "age" not in product.attributes:
        return (
            "The product data doesn't list an age range for it, so I can't say it suits that age."
        )
    if _SIZE_SYSTEM.search(question) and not any("siz" in name for name in product.attributes):
        # «are those US sizes?»: the listing gives the numbers, never the system
        return "The product data doesn't say which size system (US, UK or EU) its sizes are in."
    if contents := _contents_unlisted(product, question):
        return contents
    found = _unlisted(product, question, facts)
    return _ONE[found[0]].format(thing=found[1]) if found else None


def measure_unlisted_of_all(products: list[Product], question: str) -> str:
    """A suggestion list's note when a measure or count it asks («weighted blanket for my 7
    year old. how heavy are they?») is in none of the products' data; else nothing."""
    found = [_measure_or_count(product, question) for product in products]
    if not found or any(reason is None for reason in found):
        return ""
    return "\n" + _ALL["fact"].format(thing=found[0][1])  # type: ignore[index]


def unlisted_of_all(products: list[Product], question: str) -> str:
    """A search's note when what its question asks («… will it fit hario v60 filters?»,
    «whats the max weight on them?») is in none of the products' data; else nothing."""
    # a search's own words («what tents under 2kg») ask no fact: a question after them does
    asked = _ASKED_THING.search(question)
    if asked and asked.start() == 0 and not _WORKS_WITH.search(question):
        return ""
    found = [_unlisted(product, question, []) for product in products]
    if not found or any(reason is None for reason in found):
        return _feature_of_none(products, question)
    reason, thing = found[0]  # type: ignore[misc]  (none is None, checked above)
    if len(products) == 1:
        return "\n" + _ONE[reason].format(thing=thing)
    return "\n" + _ALL[reason].format(thing=thing)


# «running shorts with a zip pocket for keys?», «blender under $150 that can crush ice», «…
# that keeps drinks cold for 24h?», «do any of them fold flat for travel?»: a feature asked of
# a search's products
_FEATURE_ASKED = re.compile(
    r"\b(?:with|that has|that have|which has|which have)\s+(?:a|an)\s+"
    r"(?P<part>[a-z][a-z -]{2,30}?)(?=\s+(?:for|to|on|in|and|under|below|that)\b|\s*[?,.!]|\s*$)"
    r"|\b(?:that|which)\s+(?:can|will|could|would)\s+(?P<does>[a-z][a-z -]{2,30}?)"
    r"(?=\s+(?:under|below|for)\b|\s*[?,.!]|\s*$)"
    r"|\b(?:that|which)\s+(?P<keeps>keeps?\s+[a-z][a-z0-9 -]{2,40}?)(?=\s*[?,.!]|\s*$)"
    r"|\b(?:do|does)\s+(?:any\s+(?:of\s+)?)?(?:them|they|these|those)\s+(?:have|come with)\s+"
    r"(?:a|an)\s+(?P<has>[a-z][a-z -]{2,30}?)(?=\s+(?:for|to|on|in|and)\b|\s*[?,.!]|\s*$)"
    r"|\b(?:do|does|can|will)\s+(?:any\s+(?:of\s+)?)?(?:them|they|these|those|it)\s+"
    r"(?!(?:have|come|cost|ship|arrive|run|fit|work)\b)"
    r"(?P<do>[a-z][a-z -]{2,25}?)(?=\s+for\b|\s*[?,.!]|\s*$)",
    re.I,
)
_FEATURE_NOTES = {
    "part": "These listings don't mention a {thing}, so I can't confirm which of them has one.",
    "has": "These listings don't mention a {thing}, so I can't confirm which of them has one.",
    "does": "These listings don't say which of them can {thing}, so I can't confirm it.",
    "keeps": "These listings don't say which of them {thing}, so I can't confirm it.",
    "do": "These listings don't say whether they {thing}, so I can't confirm it.",
}
# words a feature is said with that name no feature of their own
_FEATURE_FILLER = frozenset(
    "drink drinks keep keeps key keys thing things stuff really actually well properly "
    "for of a an the my me hour hours h".split()
)


def _feature_of_none(products: list[Product], question: str) -> str:
    """A search's note when a feature it asks for is in none of its products' data."""
    said = _FEATURE_ASKED.search(question)
    if said is None or not products:
        return ""
    kind = next(name for name in _FEATURE_NOTES if said[name])
    thing = said[kind].strip().lower()
    asked = {
        word
        for word in _words(thing)
        if word not in _FEATURE_FILLER | _NO_FACT and not word.isdigit() and len(word) > 2
    }
    for product in products:
        listed = _listed_words(product, [])
        listed |= _words(
            " ".join(v for values in product.options_by_name().values() for v in values)
        )
        if not asked or asked & listed:
            return ""
    return "\n" + _FEATURE_NOTES[kind].format(thing=thing)


# what the data does not say, for one product and for a list: «safe», «works with», «fits», a fact
_ONE = {
    "safe": "The product data doesn't say whether it is safe for that, so I can't confirm it; "
    "ask the seller, or a doctor or vet where health is involved.",
    "works": "The product data doesn't say whether it works with {thing}, so I can't confirm it.",
    "fits": "The product data doesn't say whether it fits {thing}, so I can't confirm it.",
    "fact": "The product data doesn't list the {thing}.",
}
_ALL = {
    "safe": "These listings don't say whether they are safe for that, so I can't confirm it; "
    "ask the seller, or a doctor or vet where health is involved.",
    "works": "These listings don't say whether they work with {thing}, so I can't confirm it.",
    "fits": "These listings don't say whether they fit {thing}, so I can't confirm it.",
    "fact": "These listings don't say the {thing}: it isn't listed for any of them.",
}


_YES_OR_NO = re.compile(
    r"^\W*(?:(?:and|so|but|ok|okay|also|wait|hmm+)\W+)*(?:do|does|did|is|are|can|will|would|has|"
    r"have)\b",
    re.I,
)


_MEASURES = {"dimension", "dimensions", "measurement", "measurements"}
# «chest measurement for a medium in the …?», «blade length on that one?»: a measure asked
# without a question word
_A_MEASURE_SAID = re.compile(
    r"\b(?P<thing>(?:chest|waist|hip|inseam|sleeve|arm|leg|shoulder|blade|strap|cord|cable|"
    r"handle|seat)\s+(?:measurements?|length|width|size)|(?:measurements?|dimensions?))\b"
    r"(?=[^.!]*\?)",
    re.I,
)


_SIZE_SYSTEM = re.compile(
    r"\b(?:us|uk|eu|euro(?:pean)?|american|british|men'?s|women'?s)\s+siz(?:e|es|ing)\b"
    r"|\bsiz(?:e|es|ing)\s+(?:system|standard|chart|conversion)\b",
    re.I,
)
_A_COATING = re.compile(r"ceramic|ptfe|teflon|non-?stick|enamel|coat|anodi[sz]ed", re.I)


def _a_fact_given_answers(product: Product, question: str, facts: list[str], thing: str) -> bool:
    """Whether a fact already given is the one asked in the shopper's words («how many can
    play?» answered by its players), not a part of it («the weight limit» beside its weight)."""
    if _YES_OR_NO.match(question):  # «do they come with a cable?» beside «Bluetooth 5.3»
        return False
    if _words(thing) & _MEASURES:  # «what are the dimensions» is not answered by «40 L»
        return False
    if "coating" in _words(thing) and not _A_COATING.search(product.attributes.get("material", "")):
        return False  # «whats the coating made of» of a nonstick pan listed as stainless steel
    for name in product.attributes:
        if name not in ATTRIBUTE_WORDS or not any(f.startswith(f"{name}:") for f in facts):
            continue
        said = {
            word
            for found in re.finditer(ATTRIBUTE_WORDS[name], question, re.I)
            for word in _words(found[0])
        }
        if said and _words(thing) <= said:
            return True
    return False


def _listed_words(product: Product, facts: list[str]) -> set[str]:
    """The words a product's data (and the facts already given) says."""
    listed = _words(" ".join([product.title, product.brand, product.description, *facts]))
    return listed | _words(" ".join(f"{n} {v}" for n, v in product.attributes.items()))


# «how heavy are they?», «how long are they?» (not «how long is delivery»): a measure asked
_HOW_MEASURED = re.compile(
    r"\bhow (?P<heavy>heavy)\b|\bhow (?P<adj>long|tall|wide|thick|deep|high)\s+(?:is|are)\s+"
    r"(?:it|they|these|those|this|that|them|each|the (?:\w+ )?(?:ones?|curtains?|panels?))"
    r"(?=\s*(?:[?.!,]|$))",
    re.I,
)
_MEASURE_OF = {
    "heavy": "weight", "long": "length", "tall": "height", "wide": "width",
    "thick": "thickness", "deep": "depth", "high": "height",
}  # fmt: skip
# «how many cubes come in a set?», «how many pieces in the pack»: a count per set
_COUNT_IN_A_SET = re.compile(
    r"\bhow many\s+(?P<what>[a-z]+(?:\s+[a-z]+)??)\s+(?:come|comes|are|is|do you get|you get|"
    r"in)\b[^?.!]{0,20}\b(?:a|the|each|one|per)\s+(?:set|pack|box|kit|bundle)\b",
    re.I,
)


def asks_a_measure(question: str) -> bool:
    """Whether a question asks a measure («how long are they?», «how heavy is it»)."""
    return _HOW_MEASURED.search(question) is not None


def _measure_or_count(product: Product, question: str) -> tuple[str, str] | None:
    """A measure («how heavy are they?») or a count per set that no fact of the product gives."""
    names = " ".join(product.attributes).lower()
    if said := _HOW_MEASURED.search(question):
        measure = _MEASURE_OF[(said["heavy"] or said["adj"]).lower()]
        listed = (
            measure in names or "dimension" in names or ("size" in names and measure != "weight")
        )
        return None if listed else ("fact", measure)
    if (said := _COUNT_IN_A_SET.search(question)) and not re.search(r"piece|count|number", names):
        return "fact", f"number of {said['what'].lower()} in a set"
    return None


def _unlisted(product: Product, question: str, facts: list[str]) -> tuple[str, str] | None:
    """Why the question asks what the product's data does not say («works», «fits», «safe»,
    a «fact»), with the thing asked about; None when the data says it or nothing is asked."""
    if _SAFE_ASKED.search(question) and not set(product.attributes) & _SAFETY_FACTS:
        return "safe", ""
    if _HOW_MEASURED.search(question) or _COUNT_IN_A_SET.search(question):
        return _measure_or_count(product, question)
    listed = _listed_words(product, facts)
    used = _WORKS_WITH.search(question)
    if used and used["fit"] and _words(used["thing"]) <= _HOW_IT_FITS:
        used = None  # «does it fit true to size?», «fits me?»: sizing, answered elsewhere
    if used and not _words(used["thing"]) <= listed | _ANY_DEVICE:
        return ("fits" if used["fit"] else "works"), used["thing"].strip()
    said = _ASKED_THING.search(question) or _A_MEASURE_SAID.search(question)
    if said is None:
        return None
    thing = said["thing"].strip().lower()
    if _a_fact_given_answers(product, question, facts, thing):
        return None
    if len(thing.split()) > 3 or _words(thing) & _FACTS_ANSWERED:
        return None  # «what size should i get»: a fact answered, or a question, not a thing
    # («whats the lightest»: a ranking, not a fact of its own)
    asked = {
        word
        for word in _words(thing)
        if word not in _NO_FACT and len(word) > 1 and not re.fullmatch(r"[a-z]{3,}est", word)
    }
    listed |= {_words(name).pop() for name in product.options_by_name() if _words(name)}
    if not asked or asked <= listed:
        return None
    return "fact", thing
