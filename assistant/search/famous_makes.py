"""Makes and models so well known that their name says a kind of thing («airpods»: wireless
earbuds, «a kindle»: an e-reader, «something like lego»: building blocks): when a shop does
not carry the make, its closest things are of that kind, not whatever shares the sound."""

from __future__ import annotations

import re

# the make as shoppers type it -> the everyday words for what it is
_KIND_OF_MAKE: dict[str, str] = {
    "airpods": "wireless earbuds",
    "air pods": "wireless earbuds",
    "beats": "headphones",
    "bose": "headphones",
    "sennheiser": "headphones",
    "sony": "headphones",
    "jbl": "bluetooth speaker",
    "sonos": "speaker",
    "kindle": "e-reader",
    "ipad": "tablet",
    "iphone": "phone",
    "macbook": "laptop",
    "fitbit": "fitness tracker watch",
    "apple watch": "smartwatch",
    "garmin": "sports watch",
    "gopro": "action camera",
    "nespresso": "coffee maker",
    "keurig": "coffee maker",
    "aeropress": "coffee maker",
    "chemex": "pour over coffee maker",
    "vitamix": "blender",
    "nutribullet": "blender",
    "ninja": "air fryer",
    "instant pot": "pressure cooker",
    "le creuset": "cast iron pan",
    "le cruset": "cast iron pan",
    "hydro flask": "insulated water bottle",
    "hydroflask": "insulated water bottle",
    "yeti": "insulated water bottle",
    "stanley cup": "insulated tumbler",
    "contigo": "insulated travel mug",
    "jetboil": "camping stove",
    "big agnes": "tent",
    "msr": "camping stove",
    "osprey": "hiking backpack",
    "black diamond": "headlamp",
    "petzl": "headlamp",
    "otterbox": "phone case",
    "spigen": "phone case",
    "anker": "power bank",
    "mophie": "power bank",
    "triggerpoint": "foam roller",
    "manduka": "yoga mat",
    "lodge": "cast iron skillet",
    "yankee candle": "candle",
    "gravity blanket": "weighted blanket",
    "uniqlo": "clothes",
    "samsonite": "suitcase",
    "eagle creek": "packing cubes",
    "away luggage": "suitcase",
    "lego": "building blocks set",
    "duplo": "building blocks set",
    "monopoly": "board game",
    "scrabble": "board game",
    "catan": "board game",
    "uno": "card game",
    "nerf": "toy blaster",
    "barbie": "doll",
    "hot wheels": "toy car",
    "hoka": "running shoes",
    "nike": "running shoes",
    "adidas": "running shoes",
    "asics": "running shoes",
    "brooks": "running shoes",
    "salomon": "trail running shoes",
    "speedcross": "trail running shoes",
    "saucony": "running shoes",
    "lululemon": "yoga leggings",
    "north face": "jacket",
    "patagonia": "fleece jacket",
    "theragun": "massage gun",
    "dyson": "vacuum cleaner",
    "crocs": "clogs",
    "birkenstock": "sandals",
    "ugg": "boots",
    "ray-ban": "sunglasses",
    "rayban": "sunglasses",
    "cerave": "moisturiser",
    "peloton": "exercise bike",
    "tempur": "memory foam pillow",
    "belkin": "wireless charger",
    "smeg": "electric kettle",
    "la roche posay": "sunscreen",
    "la roche-posay": "sunscreen",
    "bowflex": "dumbbells",
    "starbucks": "whole bean coffee",
    "lavazza": "whole bean coffee",
    "dunkin": "ground coffee",
    "twinings": "tea",
    "lipton": "tea",
    "la mer": "night cream",
    "clinique": "moisturiser",
    "neutrogena": "sunscreen",
    "nivea": "moisturiser",
}
FAMOUS_MAKE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _KIND_OF_MAKE), key=len, reverse=True)) + r")s?\b",
    re.I,
)


# things others' accessories are made for: «iphone 15 case» wants a case, not an iPhone
DEVICES = frozenset(
    "airpods|air pods|kindle|ipad|iphone|macbook|apple watch|fitbit|garmin|gopro".split("|")
)


def famous_make(text: str) -> tuple[str, str] | None:
    """A well-known make the text names and the everyday kind it stands for, else None."""
    said = FAMOUS_MAKE.search(text)
    return (said[1].lower(), _KIND_OF_MAKE[said[1].lower()]) if said else None


def kind_of_make(text: str) -> str | None:
    """The everyday kind a well-known make in the text stands for, else None."""
    found = famous_make(text)
    return found[1] if found else None


# «lego for my 5 year old?», «do you have a keurig?», «headphones like bose»: the make is what
# is wanted (not «a gift for my sister, she loves her kindle», «a trip to patagonia»)
_WANTED_BEFORE = re.compile(
    r"(?:^\W*(?:(?:do you (?:have|sell|do|carry|stock)|do u (?:have|sell)|got|any|have you got|"
    r"(?:you|u|ya) (?:have|got|sell|carry|stock)|"
    r"i want|i need|i'?m after|looking for|searching for|show me|need|want)\s+)*"
    r"(?:an?\s+|some\s+|the\s+)?|\b(?:like|similar to|instead of)\s+(?:an?\s+|the\s+)?)$",
    re.I,
)


def wanted_make(text: str) -> tuple[str, str] | None:
    """A well-known make the text asks for itself (said first, or «like» it) and its kind."""
    said = FAMOUS_MAKE.search(text)
    if said is None or not _WANTED_BEFORE.search(text[: said.start()]):
        return None
    return famous_make(text)
