"""Words said only to explain a pick, not to change it: «ok 30 ml to try it», «the small
one to start with» (not «for now»: «just looking for now» buys nothing). Left off before the
acts are heard, so the version said is read as the pick it is, not as a question."""

from __future__ import annotations

import re

# at the end of a message: why the shopper picks it, never what they pick
_WHY_AT_THE_END = re.compile(
    r"\s*,?\s*(?:just\s+)?(?:to\s+(?:try|test)(?:\s+(?:it|them|one))?(?:\s+out)?"
    r"|to\s+start(?:\s+with)?|as\s+a\s+(?:test|trial))"
    r"(?:\s+(?:lol|haha|first|then))*\s*[.!]*\s*$",
    re.I,
)


# at the start, a verdict on the one in view before the ask: «lol thats heavy for a headlamp.
# anything lighter?», «hmm that's pricey. anything cheaper?» (the ask says it all)
_VERDICT_FIRST = re.compile(
    r"^\W*(?:(?:lol|haha|hmm+|oof|ugh|wow|yikes|ok|okay)\W+)*(?:that'?s|thats|it'?s|its|that is|"
    r"it is)\s+(?:(?:way|so|kinda|a bit|pretty|too|really|quite|very|bit)\s+)*(?:heavy|big|bulky|"
    r"pricey|expensive|dear|steep|small|tiny|slow|much)(?:\s+for\s+(?:a|an|the)\s+[\w -]{1,30}?)?"
    r"\s*[.!]+\s+(?=\S.*\?\s*$)",
    re.I,
)


# «orange in 12, 2 pairs (me and my brother have the same feet lol)»: a remark in brackets
# at the end (not «(size 12)» or «(the blue one)»: words of the request)
_REMARK_IN_BRACKETS = re.compile(
    r"\s*\((?=[^)]*\b(?:i|me|my|we|our|he|she|they|his|her|lol|haha|lmao)\b)"
    # (not «(my size is 9)», «(my husband is an XL)», «(12 for me, 10 for him)»: versions)
    r"(?![^)]*(?:\d|\b(?:size|sz|xxs|xs|s|m|l|xl|xxl|small|medium|large|twin|queen|king|"
    r"double|single|one|ones|if|possible|poss|prefer|likes?|wants?|black|white|red|blue|green|"
    r"pink|purple|grey|gray|navy|beige|olive|orange|yellow|brown|silver|gold|rose|cream|"
    r"clear|teal|charcoal)\b))[^()]{8,200}\)\W*$",
    re.I,
)

# «and the 30ml too, for travel», «… as well, for my sister»: why a second one of what was
# said (a version or the one in view), not what («serum as well for dry skin», «a phone case
# too for iphone 15», «a card game too for 2 players» keep theirs: what is searched)
_TOO_FOR_WHY = re.compile(
    r"^(\W*(?:(?:and|also|plus|oh)\W+)*(?:the|that|this|one)\b(?:\s+[\w'-]+){0,3}?\s+"
    r"(?:too|as well))\s*,?\s*for\s+(?:travel(?:l?ing)?|(?:the\s+)?gym|work|the\s+office|"
    r"holidays?|(?:the\s+)?trips?|a\s+gift|gifts?|(?:my|our|his|her)\s+(?:sister|brother|mum|"
    r"mom|dad|son|daughter|wife|husband|partner|friend|gf|bf|boyfriend|girlfriend|kids?|nephew|"
    r"niece|grandkids?|mate|mates|boss|family|parents)|her|him|them|me)\W*$",
    re.I,
)


# «anything fragrance free for sensitive skin then, doesnt have to be sunscreen»: a kind let
# go, not searched (nor a thing we lack)
_KIND_LET_GO = re.compile(
    r"\s*[,;-]?\s*(?:(?:but|and|it|they)\s+)*(?:doesn'?t|does\s+not|dont|don'?t|do\s+not|"
    r"needn'?t|need\s+not)\s+(?:have|need)\s+to\s+be\s+(?:an?\s+|the\s+)?[\w -]{1,30}?\W*$"
    r"|\s*[,;-]?\s*(?:but\s+)?not\s+necessarily\s+(?:an?\s+)?[\w -]{1,30}?\W*$",
    re.I,
)


def without_asides(text: str) -> str:
    """The text without a closing «to try it», «to start with», «doesn't have to be X», or an
    opening verdict on the one in view before a question (and the text as said if that is all
    it says)."""
    text = _VERDICT_FIRST.sub("", text)
    text = _REMARK_IN_BRACKETS.sub("", text).strip() or text
    text = _TOO_FOR_WHY.sub(r"\1", text)
    text = _KIND_LET_GO.sub("", text).strip() or text
    return _WHY_AT_THE_END.sub("", text).strip() or text
