"""A need told by its use («something to keep my coffee hot», «coffee that won't keep me up at
night», «a bag for the gym», «something to make smoothies») said as the kind of thing that
serves it, when the shop's titles hold that kind: the words of the need alone lead search by
meaning to what shares them (cold brew for «coffee», shoes for «trainers»), not to the thing.
A question about a product («does it keep coffee hot?») is never rewritten."""

from __future__ import annotations

import re

from assistant.catalogue.models import Catalogue

# what leads a need told by its use: «something to», «a thing that», «anything for»
_A_THING = (
    r"(?:something|a thing|anything|a way|stuff|smth|sth)\s+"
    r"(?:to|that(?:'ll| will| can)?|which|for)\s+"
)
_DRINK = r"(?:my\s+|the\s+|your\s+|our\s+|a\s+)?(?:coffee|tea|drinks?|water|soup|cocoa)"
# (the use as said, the kind the shop titles it, what the message says instead)
_USES: list[tuple[re.Pattern[str], str, str]] = [
    (
        re.compile(
            rf"{_A_THING}(?:keep(?:s|ing)?\s+){_DRINK}\s+(?:hot|warm|cold|cool|chilled)", re.I
        ),
        "insulated water bottle",
        "an insulated water bottle",
    ),
    (
        re.compile(
            # of coffee or tea, or of nothing said («something that won't keep me up»); not
            # «chai that won't keep me up» (no decaf chai is said to be one)
            r"(?:\b(?P<drink>coffee|tea)\s+|\b(?:something|anything|stuff|one|beans)\s+)"
            r"(?:that|which)\s+(?:won'?t|wont|will not|doesn'?t|"
            r"does not|wouldn'?t|would not)\s+keep\s+(?:me|you|us|him|her)\s+(?:up|awake)"
            r"(?:\s+at\s+night)?",
            re.I,
        ),
        "decaf",
        "decaf {drink}",
    ),
    (
        re.compile(
            rf"(?:{_A_THING}|\bto\s+)(?:make|making|blend|blending)\s+(?:my\s+|some\s+)?"
            r"(?:smoothies?|protein shakes?|shakes|juices?)",
            re.I,
        ),
        "blender",
        "a blender",
    ),
    (
        re.compile(
            r"\bbag\s+(?:that\s+|which\s+|i can wear\s+|to wear\s+)?(?:goes|go|sits|hangs|worn)?"
            r"\s*(?:across|over)\s+(?:my|the|your)\s+(?:body|chest)",
            re.I,
        ),
        "crossbody bag",
        "crossbody bag",
    ),
    (
        re.compile(
            r"\b(?:bag|holdall)\s+for\s+(?:the\s+|my\s+)?gym\b(?:[^.?!]*?\b(?:fits?|big enough for|"
            r"room for|hold)\b[^.?!]*?(?=[.?!]|$))?",
            re.I,
        ),
        "duffel bag",
        "duffel bag",
    ),
    (
        re.compile(
            # «something to roll out my sore legs after runs»
            rf"{_A_THING}(?:(?:roll|loosen|massage|ease|work)(?:\s+(?:out|up))?\s+)?"
            r"(?:my\s+|his\s+|her\s+)?(?:sore|tight|aching|achy)\s+(?:muscles|calves|"
            r"legs|quads|hamstrings|back|shoulders)(?:\s+(?:after|from)\s+(?:running|(?:my\s+)?runs?|"
            r"the gym|(?:a\s+)?workouts?|training))?",
            re.I,
        ),
        "foam roller",
        "a foam roller",
    ),
    (
        re.compile(
            # «shoes for muddy trails», «trainers for running off road»
            r"\b(?:running\s+)?(?:shoes|trainers|sneakers)\s+for\s+(?:running\s+(?:on\s+)?)?"
            r"(?:(?:muddy|rocky|wet|steep|technical|the)\s+)*(?:trails?|off[- ]?road|mountains?)\b",
            re.I,
        ),
        "trail running shoes",
        "trail running shoes",
    ),
    (
        re.compile(
            # «something to block out noise on flights», «anything that drowns out the engine»
            rf"{_A_THING}(?:block|blocks|cancel|cancels|drown|drowns|shut|shuts)\s+(?:out\s+)?"
            r"(?:the\s+|all\s+the\s+)?(?:noise|sound|engine(?:\s+noise)?|chatter)",
            re.I,
        ),
        "noise cancelling headphones",
        "noise cancelling headphones",
    ),
    (
        re.compile(
            rf"(?:{_A_THING}|\bto\s+)(?:boil|heat\s+up|heat)\s+(?:some\s+)?water\s+"
            r"(?:on|when|while|for)\s+(?:camping|a camping trip|the trail|hikes?)",
            re.I,
        ),
        "camping stove",
        "a camping stove",
    ),
    (
        re.compile(
            # «headphones for editing my podcast», «headphones for mixing music»
            r"\bheadphones\s+for\s+(?:(?:editing|mixing|recording|producing|making|monitoring)\s+"
            r"(?:my\s+|a\s+|our\s+)?(?:podcasts?|music|audio|tracks?|beats|videos?|vocals)"
            r"|(?:my\s+|a\s+)?(?:podcast(?:ing)?|home\s+studio|studio|music\s+production))\b",
            re.I,
        ),
        "studio headphones",
        "studio headphones",
    ),
    (
        re.compile(
            # «headphones for running», «earbuds for the gym», «headphones i can work out in»
            r"\b(?:headphones|earbuds|earphones|buds)\s+(?:for|to\s+(?:wear|use)\s+(?:at|for|"
            r"when|while))\s+(?:the\s+|my\s+)?(?:running|runs?|jogging|jogs?|the\s+gym|gym|"
            r"workouts?|working\s+out|training|sports?|exercis(?:e|ing)|cycling)\b",
            re.I,
        ),
        "sport earbuds",
        "sport earbuds",
    ),
    (
        re.compile(
            # «a bag for my laptop», «a backpack for work that fits a 15 inch laptop»
            r"\b(?:bag|backpack|rucksack)\s+(?:for|to\s+(?:carry|hold|fit))\s+(?:my\s+|a\s+|the\s+)?"
            r"(?:\d+(?:\.\d+)?\s*(?:\"|inch|in)\s+)?laptop\b",
            re.I,
        ),
        "laptop backpack",
        "laptop backpack",
    ),
    (
        re.compile(
            # «a bag for hiking», «a backpack for day hikes»; not «sleeping bag for hiking»
            r"(?<!sleeping )\b(?:bag|backpack|rucksack|pack)\s+for\s+(?:my\s+|a\s+|the\s+)?"
            r"(?:day\s+)?(?:hiking|hikes?|trekking|treks?|the\s+trails?|trails?)\b",
            re.I,
        ),
        "hiking backpack",
        "hiking backpack",
    ),
    (
        re.compile(
            # «whats good for making crispy chips without loads of oil», «fries with less oil»
            r"(?:\bfor\s+)?(?:\b(?:making|to\s+make|cooking|to\s+cook|doing|to\s+fry|frying)\s+"
            r"(?:some\s+|my\s+)?(?:chicken\s+)?)?(?:crispy\s+|crunchy\s+)?"
            r"\b(?:chips|fries|wings|nuggets)\s+(?:without|with\s+(?:less|little|no))\s+(?:(?:loads|"
            r"lots|much|a\s+lot|tons)\s+of\s+)?(?:oil|grease|fat)\b"
            r"|\bfry(?:ing)?\s+(?:stuff\s+|things\s+|food\s+)?without\s+(?:much\s+|any\s+)?oil\b",
            re.I,
        ),
        "air fryer",
        "an air fryer",
    ),
    (
        re.compile(
            # «those zip bag things that organise your suitcase», «pouches to sort my clothes»
            r"\b(?:(?:zip(?:per(?:ed)?)?|little|small|mesh)\s+)?(?:bags?|pouch(?:es)?|cubes?|"
            r"organi[sz]ers?)(?:\s+things?)?\s+(?:that|which|to|for)\s+(?:organi[sz]e|sort)"
            r"\w*\s+(?:(?:my|your|a|the|our)\s+)?(?:suitcase|luggage|clothes|packing)",
            re.I,
        ),
        "packing cubes",
        "packing cubes",
    ),
]


class UsesAsKinds:
    """Rewrites a need told by its use into the kind of thing this catalogue sells for it."""

    def __init__(self, catalogue: Catalogue) -> None:
        titles = " | ".join(p.title.lower() for p in catalogue.products.values())
        self._uses = [use for use in _USES if re.search(rf"\b{use[1]}", titles)]

    def as_kind(self, message: str) -> str:
        """The message with a use it tells said as the kind that serves it."""
        for pattern, _, instead in self._uses:
            said = pattern.search(message)
            if said is None:
                continue
            drink = said.groupdict().get("drink") or "coffee"
            words = instead.format(drink=drink.lower())
            return f"{message[: said.start()]}{words}{message[said.end() :]}"
        return message
