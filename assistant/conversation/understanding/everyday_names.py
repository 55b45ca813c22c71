"""Everyday and British names for kinds of thing («rucksack», «head torch», «flask», «sun
cream», «skipping rope») said as the shop's titles say them, so search, product names and «we
don't sell X» read what the shopper meant. A name is only rewritten when no title uses it and
a title uses its equivalent: a shop that sells flasks keeps its flasks."""

from __future__ import annotations

import re

from assistant.catalogue.models import Catalogue
from assistant.search.famous_makes import FAMOUS_MAKE

# the shopper's name -> the names a shop may title the same thing with, most alike first
_EQUIVALENTS: dict[str, tuple[str, ...]] = {
    "head torch": ("headlamp",),
    "headtorch": ("headlamp",),
    "torch": ("headlamp", "flashlight"),
    "rucksack": ("backpack",),
    "daypack": ("backpack",),
    "day pack": ("backpack",),
    "laptop bag": ("laptop backpack", "laptop sleeve"),
    "computer bag": ("laptop backpack", "laptop sleeve"),
    "holdall": ("duffel bag",),
    "weekend bag": ("duffel bag",),
    "cabin suitcase": ("carry-on suitcase", "carry-on"),
    "cabin case": ("carry-on suitcase", "carry-on"),
    "cabin bag": ("carry-on suitcase", "carry-on"),
    "vacuum flask": ("insulated water bottle", "water bottle"),
    "flask": ("insulated water bottle", "water bottle"),
    "thermos": ("insulated water bottle", "water bottle"),
    "sun cream": ("sunscreen",),
    "suncream": ("sunscreen",),
    "sun lotion": ("sunscreen",),
    "sunblock": ("sunscreen",),
    "sun block": ("sunscreen",),
    "skipping rope": ("jump rope",),
    "walking pole": ("trekking pole",),
    "hiking pole": ("trekking pole",),
    "walking stick": ("trekking pole",),
    "earphone": ("earbud", "headphone"),
    # «over-ear ones», «over-ear headphones»: headphones (the longer name is read first)
    "over-ear headphone": ("headphone",),
    "over ear headphone": ("headphone",),
    "over-ear": ("headphone",),
    "over ear": ("headphone",),
    "over-the-ear": ("headphone",),
    "on-ear headphone": ("headphone",),
    "on-ear": ("headphone",),
    "in-ear": ("earbud",),
    "in ear": ("earbud",),
    "ear bud": ("earbud",),
    "trainer": ("sneaker", "running shoe"),
    "walking shoe": ("walking sneaker",),
    "jumper": ("sweater",),
    "hoody": ("hoodie",),
    "trouser": ("chino", "pant"),
    "raincoat": ("rain jacket",),
    "rain coat": ("rain jacket",),
    "cagoule": ("rain jacket",),
    "anorak": ("rain jacket",),
    "liquidiser": ("blender",),
    "liquidizer": ("blender",),
    "fry pan": ("frying pan",),
    "exercise mat": ("yoga mat",),
    "phone holder": ("phone mount",),
    "phone cover": ("phone case",),
    "mobile case": ("phone case",),
    "portable charger": ("power bank",),
    "battery pack": ("power bank",),
    "power pack": ("power bank",),
    "charging lead": ("cable",),
    "charger lead": ("cable",),
    "charging cable": ("cable",),
    # «a wireless charging pad», «charging mat», «qi charger»: what titles call a charger
    "wireless charging pad": ("wireless charger",),
    "wireless charging mat": ("wireless charger",),
    "wireless charging stand": ("wireless charger",),
    "charging pad": ("wireless charger",),
    "charging mat": ("wireless charger",),
    "charging stand": ("wireless charger",),
    "qi charger": ("wireless charger",),
    "weighted duvet": ("weighted blanket",),
    "activity tracker": ("fitness tracker",),
    "building brick": ("building blocks",),
    "jigsaw puzzle": ("puzzle",),
    "jigsaw": ("puzzle",),
    "face wash": ("cleanser",),
    "facewash": ("cleanser",),
    "spot cream": ("spot gel",),
    "spot treatment": ("spot gel",),
    "zit cream": ("spot gel",),
    "zit gel": ("spot gel",),
    "pimple cream": ("spot gel",),
    "pimple gel": ("spot gel",),
    "acne cream": ("spot gel",),
    "acne gel": ("spot gel",),
    "blemish gel": ("spot gel",),
    "camping cooker": ("camping stove",),
    "caffeine free": ("decaf",),
    "caffeine-free": ("decaf",),
    "decaffeinated": ("decaf",),
    "no caffeine": ("decaf",),
    "without caffeine": ("decaf",),
    "shopping bag": ("tote bag",),
}
_PLURAL = {"s", "es"}
# «carry ons under 150», «which carry on has the best reviews»: a carry-on suitcase; not
# «carry on shopping», «carry on with it», nor a «carry-on suitcase» said in full
_CARRY_ON = re.compile(
    r"\bcarry[ -]?on(?P<many>s)?\b(?!-)(?!\s+(?:suitcase|case|bag|luggage|with|"
    r"as|like|and|\w+ing)\b)",
    re.I,
)

# «the hearthstone pour over», «any pourovers?»: a pour-over coffee maker; not one said in full
_POUR_OVER = re.compile(r"\bpour[ -]?over(?P<many>s)?\b(?!-)(?!\s+(?:coffee|maker|brewer)\b)", re.I)

# «ground coffee for pour over»: the way of brewing; «want a pour over for my desk, the
# hearthstone studio s»: said loosely beside the product it names, left as said
_FOR_A = re.compile(r"\bfor\s+(?:an?\s+|my\s+|the\s+)?$|\ban?\s+$", re.I)


def _pour_over_maker(said: re.Match[str]) -> str:
    """«the hearthstone pour over», «any pourovers?»: the pour-over coffee maker; «ground
    coffee for pour over», «a pour over»: kept as said."""
    if _FOR_A.search(said.string[: said.start()]):
        return said.group(0)
    return "pour-over coffee maker" + ("s" if said["many"] else "")


class EverydayNames:
    """Rewrites the shopper's everyday names of kinds into the ones this catalogue's titles use."""

    def __init__(self, catalogue: Catalogue) -> None:
        titles = " | ".join(p.title.lower() for p in catalogue.products.values())
        self._as_titled: dict[str, str] = {}
        for said, equivalents in _EQUIVALENTS.items():
            if re.search(rf"\b{re.escape(said)}", titles):
                continue  # the shop's own word: nothing to rewrite
            titled = next((e for e in equivalents if re.search(rf"\b{re.escape(e)}", titles)), None)
            if titled:
                self._as_titled[said] = titled
        self._carry_on = "carry-on suitcase" in titles
        self._pour_over = "pour-over coffee maker" in titles
        names = sorted(self._as_titled, key=len, reverse=True)  # «head torch» before «torch»
        self._pattern = (
            re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")(es|s)?\b", re.I)
            if names
            else None
        )

    def as_titled(self, message: str) -> str:
        """The message with each everyday name said as the titles say it (not inside a
        make's name: «a hydro flask» stays a make the shop does not sell)."""
        if self._carry_on:
            message = _CARRY_ON.sub(
                lambda said: "carry-on suitcase" + ("s" if said["many"] else ""), message
            )
        if self._pour_over:
            message = _POUR_OVER.sub(_pour_over_maker, message)
        if self._pattern is None:
            return message
        makes = [said.span() for said in FAMOUS_MAKE.finditer(message)]
        return self._pattern.sub(lambda found: self._titled(found, makes), message)

    def _titled(self, match: re.Match[str], makes: list[tuple[int, int]]) -> str:
        if any(start <= match.start() < end for start, end in makes):
            return match.group(0)
        titled = self._as_titled[match.group(1).lower()]
        plural = match.group(2) in _PLURAL and not titled.endswith("s")
        return titled + ("s" if plural else "")
