"""What a removal keeps: «drop the roller, keep the dumbbells», «only the Zenmotion stays»,
«everything except the mat»: the products named to stay are never the ones taken out."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.conversation.understanding.slots import FEWER

_END = r"(?=\s*(?:[,.;!?]|\b(?:and|but|please|pls|thanks|in (?:my|the) (?:cart|basket))\b|$))"
_KEPT = re.compile(
    # «keep the dumbbells», «only keep the flexa», «leave the mat in»
    r"\b(?:keep(?:ing)?|leave|leaving)\s+(?:only\s+|just\s+)?(?P<keep>[^,.;!?]{1,60}?)"
    r"(?:\s+in)?" + _END + "|"
    # «only the Zenmotion stays», «the roller can stay»
    r"(?:^|[,.;!?]|\b(?:and|but|so)\b)\s*(?P<stays>[^,.;!?]{1,60}?)\s+(?:stays|stay|can stay|"
    r"should stay|will stay|remains|is staying|are staying)\b|"
    # «everything except the mat», «all but the kettle», «apart from the bands»
    r"\b(?:except(?: for)?|apart from|other than|save for|aside from|all but|but not)\s+"
    r"(?P<except>[^,.;!?]{1,60}?)" + _END,
    re.I,
)
# «get rid of everything but the mat»: every other line goes
_ALL_OTHERS = re.compile(
    r"\b(?:except|apart from|other than|save for|aside from|all but|everything but|"
    r"everything else)\b",
    re.I,
)


@dataclass
class Keeping:
    """The words that name what stays, and the rest of the message (what goes)."""

    kept_phrases: list[str]
    rest: str
    all_others: bool  # «everything except X»: every line not kept goes


def kept_apart(text: str) -> Keeping | None:
    """The products a removal says to keep, if it says any."""
    phrases = []
    for found in _KEPT.finditer(text):
        phrase = found["keep"] or found["stays"] or found["except"]
        phrase = re.sub(r"^\W*(?:only|just)\s+", "", phrase, flags=re.I)
        if phrase.strip():
            phrases.append(phrase)
    if not phrases:
        return None
    rest = _KEPT.sub(" ", text)
    return Keeping(phrases, rest, bool(_ALL_OTHERS.search(text)))


def fewer_taken_out(intent: str, text: str) -> str:
    """«one less roller», «2 fewer»: that many of a line out, not the line set to that many."""
    return "remove" if intent in {"add", "change", "remove"} and FEWER.search(text) else intent
