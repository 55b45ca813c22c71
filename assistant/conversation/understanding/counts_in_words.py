"""Counts said in words («half a dozen», «a couple of the navy», «one for each of my 3 kids»,
«me and 4 mates want one each», «a pair of the orange 9s» of shoes): how many units."""

from __future__ import annotations

import re

from assistant.catalogue.models import Product
from assistant.conversation.understanding.slots import NUMBER, number_value

# «a couple of days», «a couple of questions»: no count of things to buy
_NOT_THINGS = (
    r"(?!\s+(?:of\s+)?(?:days?|weeks?|months?|years?|hours?|minutes?|times?|questions?|things?|"
    r"more questions?|reviews?|hundred|thousand|grand|k|bucks|dollars|quid|pounds|euros)\b)"
)
_REWRITES = [
    (re.compile(r"\bhalf\s+a\s+dozen\b", re.I), "6"),
    # «need a headlamp or two»: a headlamp, however many end up bought
    (
        re.compile(
            r"\b(an?\s+[a-z][\w-]+)\s+or\s+(?:two|2|so)\b"
            r"(?!\s*(?:of|more|each|years?|yrs?|yo|months?)\b)(?!-)",  # not «or two year old»
            re.I,
        ),
        r"\1",
    ),
    # «one for each of the twins»: of the 2 twins
    (re.compile(r"\b(the|my|our|his|her|their)\s+twins\b", re.I), r"\1 2 twins"),
    (re.compile(r"\b(the|my|our|his|her|their)\s+triplets\b", re.I), r"\1 3 triplets"),
    (
        re.compile(rf"\b(?:a\s+)?couple\s+of\s+(the|those|them|these|'em){_NOT_THINGS}", re.I),
        r"2 of \1",
    ),
    (re.compile(rf"\b(?:a\s+)?couple(?:\s+of)?\b{_NOT_THINGS}", re.I), "2"),
    # «2 pairs», «3 sets pls» said alone: only how many of the one in view
    (
        re.compile(
            r"^\W*(?:(?:ok|okay|then|cool|great|yes|yeah)\W+)*(\d{1,2})\s+"
            r"(?:pairs?|sets?|packs?|pieces?|units?|bottles?|boxes)(?:\s+(?:pls|please|plz))?\W*$",
            re.I,
        ),
        r"\1",  # the count alone: as many in all when in the cart, that many added when not
    ),
]
# «one for each of my 3 kids», «one each for my three nephews», «each of the 4 of us»
_FOR_EACH_OF = re.compile(
    rf"\b(?:for\s+)?each\s+(?:of\s+|for\s+)?(?:the|my|our|his|her|their)\s+{NUMBER}\b"
    r"(?!\s*(?:kg|g|ml|cm))",
    re.I,
)
# «one for each of us, there's 4 of us», «we're 3, one each»
_OF_US = re.compile(
    rf"\b(?:there'?s|there are|theres|we'?re|we are)\s+{NUMBER}(?:\s+of us)?\b(?!\s*[a-z$£€])"
    rf"|\bfor (?:all |the )*{NUMBER} of us\b",
    re.I,
)
_FOR_EACH_OF_US = re.compile(r"\bone (?:for )?each(?: of us)?\b|\beach of us\b", re.I)
_ONE_EACH = re.compile(
    r"^\W*(?:one|1|a|an)\b|\bone\s+(?:each|apiece|for\s+each|per)\b|\b(?:one|1)\s+for\b"
    r"|\b(?:a|one) (?:pair|set) (?:for|each)\b",
    re.I,
)
# «me and 4 mates want one each», «for me and my 2 sisters, one each»
_ME_AND = re.compile(
    rf"\b(?:me|myself|i)\s+(?:and|\+|&)\s+(?:my\s+)?{NUMBER}\s+(?:mates|friends|others|"
    r"sisters|brothers|kids|children|colleagues|cousins|pals|buddies|people|of my \w+)\b",
    re.I,
)
_EACH = re.compile(r"\b(?:one|1)\s+(?:each|apiece)\b|\beach\s+(?:want|need|get)s?\b", re.I)
# «me and my 2 sisters each want 2», «2 each»: so many for every one of them
_PER_PERSON = re.compile(
    rf"\beach\s+(?:want|need|get)s?\s+{NUMBER}\b|\b{NUMBER}\s+(?:each|apiece)\b", re.I
)
# a title that ends in a plural («… Trekking Poles», «… Running Shoes») sells pairs or sets
_SOLD_IN_PAIRS = re.compile(r"[a-z](?<!s)s\W*$", re.I)
# not «he already has a pair», «got one pair at home»: a pair someone owns is no count
_A_PAIR = re.compile(
    r"(?<!\bhas )(?<!\balready have )(?<!\balready had )(?<!\bgot )(?<!\bown )(?<!\bowns )"
    r"\b(?:a|one|1)\s+pair\b",
    re.I,
)
_EACH_ONE = re.compile(r"\beach\b", re.I)  # «a pair for each of my 2 kids»: two pairs
# two said as the count («add 2, one pair for me …», «a couple»), not a model's «classic 2»
_TWO = re.compile(
    r"\b(?:two|couple)\b|(?:^|\b(?:add|get|want|need|take|buy|order)\s+)2\b(?!\s*(?:kg|g|ml|cm|l)\b)",
    re.I,
)
# «navy king then, a pair», «a pair of them» (not «a pair of socks»: read as said)
_A_PAIR_ALONE = re.compile(r"\b(?:a|one)\s+pair\b(?!\s+of\b(?!\s+(?:them|those|these|em)\b))", re.I)


def counts_as_digits(text: str) -> str:
    """The text with counts said in words as digits («half a dozen»: 6, «a couple»: 2)."""
    for pattern, digits in _REWRITES:
        text = pattern.sub(digits, text)
    return text


def count_for_each(text: str) -> int | None:
    """«one for each of my three nephews»: three; «me and 4 mates want one each»: five."""
    each = number_value(per[1] or per[2]) if (per := _PER_PERSON.search(text)) else 1
    if (mates := _ME_AND.search(text)) and (_EACH.search(text) or per):
        return (number_value(mates.group(1)) + 1) * each
    if (us := _OF_US.search(text)) and _FOR_EACH_OF_US.search(text):
        return number_value(us.group(1) or us.group(2)) * each
    said = _FOR_EACH_OF.search(text)
    if said is None or not _ONE_EACH.search(text):
        return None
    return number_value(said.group(1)) + bool(_MINE_TOO.search(text))


# «one for me and one for each of my 2 kids»: one more than the people named
_MINE_TOO = re.compile(
    r"\bone for (?:me|myself)\s*(?:,|and|&|\+|plus)\s*(?:also\s+)?one for each of\b"
    # «one for each of my 2 sisters and one for me»
    r"|\bone for each of\b[^.?!]{1,40}?\s*(?:,|and|&|\+|plus)\s*(?:also\s+)?one for "
    r"(?:me|myself)\b",
    re.I,
)


def counted_in_words(text: str, quantity: int | None) -> int | None:
    """How many a request wants, with the counts said in words: one each for so many,
    or «navy king then, a pair» (two, or one pair of what is worn in pairs)."""
    if each := count_for_each(text):
        return each
    if quantity is not None:  # «add 0», «add -1»: said, for the cart to refuse
        return quantity
    return 2 if _A_PAIR_ALONE.search(text) else None


def pairs_as_units(product: Product, text: str, quantity: int | None) -> int | None:
    """A pair of shoes is one unit: «a pair of the orange 9s» adds one pair, not two."""
    paired = _A_PAIR.search(text) and _SOLD_IN_PAIRS.search(product.title)
    # («add a couple, one pair for me one for my brother»: two said, so two pairs)
    if quantity == 2 and paired and not _EACH_ONE.search(text) and not _TWO.search(text):
        return 1
    return quantity


# «teddy bears for my 3 kids», «for the 4 of us»: how many people the shopper buys for
_PARTY = re.compile(
    rf"\b(?:my|our|his|her|the)\s+{NUMBER}\s+(?:kids|children|boys|girls|sons|daughters|"
    r"nephews|nieces|grandkids|grandchildren|friends|mates|sisters|brothers|siblings|"
    r"colleagues|students|cousins|of us)\b",
    re.I,
)
# «one for each kid», «one each», «one for each of them»: as many as the people said before
_ONE_EACH_OF_THEM = re.compile(
    r"\b(?:one|a pair|a set)\s+(?:for\s+)?each(?:\s+(?:kid|child|of them|person|one))?\b"
    r"|\beach (?:kid|child) (?:gets|needs|wants) one\b",
    re.I,
)


def party_said(text: str) -> int | None:
    """How many people a message says the shopper buys for («for my 3 kids»: 3), else None."""
    said = _PARTY.search(text)
    return number_value(said.group(1)) if said else None


def one_for_each_of(text: str, party: int | None) -> int | None:
    """«add the playwise one, one for each kid» after «… for my 3 kids»: 3; else None."""
    return party if party and _ONE_EACH_OF_THEM.search(text) else None
