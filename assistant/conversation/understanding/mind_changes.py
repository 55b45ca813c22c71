"""A mind changed inside one message: «the fleetfoot ones, orange. no wait blue» is said as
«the fleetfoot ones, blue», so every later step reads only what the shopper settled on."""

from __future__ import annotations

import re

from assistant.catalogue.models import Catalogue

# «… orange. no wait blue», «… 2, make that 3», «white — sorry, i mean silver»: the settled
# part is short and last
_MARKS = (
    r"no+ wait|wait no|no no|oops|sorry|i mean|i meant|make that|scratch that|or rather|actually"
)
_CHANGED = re.compile(
    rf"[\s,.;:!-]*(?:\b(?:{_MARKS})\b[\s,.;:!-]*|(?<=,)\s*no\s+|(?<=\.)\s*no\b[\s,]*)+"
    r"(?:go (?:up|down)(?: one| a)?(?: size)?[\s,]*)?"  # «size 9... no, go up, size 11»
    r"(?P<new>[\w -]{1,30}?)[\s.!]*$",
    re.I,
)
# «remove the jump rope. no wait, I mean the mat, keep the rope»: another thing, same verb
_THING_CHANGED = re.compile(
    r"^(?P<verb>.*?\b(?:remove|add|take out|drop|delete|get|put|buy)\b)\s+"
    r"(?P<old>(?:the|a|an)\s+[\w&' -]{2,40}?)[\s,.;:!-]+"
    r"(?:no+ wait|wait no|sorry|oops|no)[\s,.;:!-]+(?:i mean|i meant)\s+"
    r"(?P<new>(?:the|a|an)\s+[\w&' -]{2,40}?)(?:[\s,.;]+keep (?:the\s+)?[\w&' -]{2,40}?)?\W*$",
    re.I,
)
# «add a third puzzle then. no wait, 4 total»: the count the line should come to
_TOTAL_INSTEAD = re.compile(
    rf"\b(?:{_MARKS}|no)\b[\s,.;:!-]*(?P<count>\d{{1,2}})\s+(?:in )?(?:total|altogether)\W*$",
    re.I,
)
# «the X, no wait, the Y. Actually no, the X after all»: back to the first thing said
_AFTER_ALL = re.compile(
    rf"^(?P<first>.+?)[\s,.;:!-]*\b(?:{_MARKS}|no)\b.*?(?P<back>[\w -]{{1,40}}?)\s+after all\W*$",
    re.I,
)
# «in navy, no rose gold»: a bare «no» before a colour refuses it («size S, no XL» corrects)
_BARE_NO = re.compile(r"[\s,]*no\s+", re.I)
_FILLER = {"the", "a", "an", "one", "ones", "no", "size", "in"}
_FORGET = re.compile(
    r"\b(?:forget|not|skip|scrap|never ?mind)\s+(?:the\s+)?(?P<old>[\w-]+(?: gold)?)\s*[,.;]?",
    re.I,
)
# «ok skip it. fragrance free hydrating serum instead?»: the one in view dropped, a new ask
_DROPPED_FIRST = re.compile(
    r"^\W*(?:(?:ok|okay|nah|hmm+|fine|alright|meh|ugh)\W+)*(?:skip|forget|scrap|never ?mind|nvm)"
    # (a request after it: not «skip it, it's too expensive», which takes it out)
    r"\s+(?:it|that|this|them|those)\s*[.,;!]+\s*(?P<rest>\S.{3,}(?:\?|\binstead\b).*)$",
    re.I,
)
_NUMBER = re.compile(r"\d+|two|three|four|five|six|seven|eight|nine|ten", re.I)  # «one»: a pronoun


# «and a drift wave 900 towel set in white king... actually no, forget the towels»: asked for
# and taken back in one breath, so nothing is asked
_WITHDRAWN = re.compile(
    r"^(?P<first>.+?)[\s,.;:!-]+(?:(?:actually|wait|hmm+|oh|ah|sorry|no+|nah|ok)\W+)*"
    r"(?:forget|scratch|skip|never ?mind|nvm|scrap)\s+(?:about\s+)?(?:the\s+)?"
    r"(?P<what>[\w&' -]{2,30}?)\W*$",
    re.I,
)


_NOT_A_LIST = re.compile(r"\b(?:compare|vs|versus|ordered|bought|order|purchased)\b", re.I)
_LIST_PARTS = re.compile(r"\s+and\s+|\s*,\s*", re.I)


def _without_the_withdrawn(text: str) -> str | None:
    """A message that asks for things, then withdraws one of them, without that one ("" when
    it asked for that one alone); None when it withdraws nothing it asked for."""
    said = _WITHDRAWN.match(text)
    if said is None or _NOT_A_LIST.search(said["first"]):
        return None  # «compare the X and the Y, nvm the Y», «i ordered the wrong mat»: no list
    words = [word.rstrip("s") for word in re.findall(r"[a-z]{3,}", said["what"].lower())]
    if not words:
        return None
    parts = _LIST_PARTS.split(said["first"].strip(" .,;:!-"))
    named = [
        part for part in parts if all(re.search(rf"\b{re.escape(w)}", part, re.I) for w in words)
    ]
    if not named:
        return None
    return " and ".join(part for part in parts if part not in named and part.strip())


def _withdrawn_at_once(text: str) -> bool:
    """Whether a message asks for something, then withdraws that same thing."""
    return _without_the_withdrawn(text) is not None


class MindChanges:
    """The option values and counts a catalogue knows, to tell what a correction replaces."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.kind_of: dict[str, str] = {}  # a value, lower-cased -> its option's name
        for product in catalogue.products.values():
            for variant in product.variants:
                for name, value in variant.options.items():
                    self.kind_of.setdefault(value.lower(), name)

    def settled(self, text: str) -> str:
        """The message with a corrected value replaced by its correction («orange. no wait
        blue» -> «blue»); unchanged when the correction is not one value of a kind said
        before it; «ok skip it. X instead?» is X)."""
        if dropped := _DROPPED_FIRST.match(text):
            return dropped["rest"]
        if (kept := _without_the_withdrawn(text)) is not None:
            # «… mat in black and the rope in green, actually forget the rope»: the mat alone;
            # «and a towel set in white king... actually no, forget the towels»: nothing
            return kept or "never mind"
        return self._corrected(text)

    def _corrected(self, text: str) -> str:
        """The message with a corrected value replaced by its correction, if it has one."""
        if back := _AFTER_ALL.search(text):
            first = set(re.findall(r"[\w-]+", back["first"].lower()))
            if set(re.findall(r"[\w-]+", back["back"].lower())) - _FILLER & first:
                return back["first"]
        for dropped in _FORGET.finditer(text):  # «ok forget green, make it 5 in navy instead»
            kind = self._kind(dropped["old"].strip())
            rest = text[dropped.end() :]
            if (
                kind
                and kind != "count"
                and any(self._kind(word) == kind for word in re.findall(r"[\w-]+", rest))
            ):
                text = text[: dropped.start()] + text[dropped.end() :]
                break
        if thing := _THING_CHANGED.search(text):
            return f"{thing['verb']} {thing['new']}"
        if total := _TOTAL_INSTEAD.search(text):
            return f"make it {total['count']} in total"
        said = _CHANGED.search(text)
        if said is None:
            return text
        new, before = said["new"].strip(), text[: said.start()]
        new = re.sub(r"^(?:size|sz|in|the)\s+", "", new, flags=re.I)  # «size 11»: the value
        kind = self._kind(new)
        marker = text[said.start() : said.start("new")]
        if kind is None or (kind == "colour" and _BARE_NO.fullmatch(marker)):
            return text
        words = list(re.finditer(r"[\w-]+", before))
        for last in reversed(range(len(words))):
            for first in (last - 1, last):  # «rose gold» before «gold»
                start, end = words[max(first, 0)].start(), words[last].end()
                old = before[start:end]
                if self._kind(old) == kind and old.lower() != new.lower():
                    return before[:start] + new + before[end:]
        return text

    def _kind(self, words: str) -> str | None:
        """Which option a value is of («blue»: colour), or «count» for a number."""
        if _NUMBER.fullmatch(words):
            return "count"
        return self.kind_of.get(words.lower())
