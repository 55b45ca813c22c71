"""How many suggestions a request asks to see: «show me 3 water bottles», «top 3 yoga mats»,
«give me two options for a tent», «a couple of ideas»."""

from __future__ import annotations

import re

_COUNTS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
}
_SAID = "|".join([r"\d", *(re.escape(word) for word in sorted(_COUNTS, key=len, reverse=True))])
# a count after a verb of showing or «top», before a thing or «options»; not «2 person tent»,
# «3 pack», «2 kg» (what the product is), nor «i need 2 mats» (how many to buy)
LIST_LENGTH = re.compile(
    rf"\b(?:show|give|list|suggest|recommend|send|pick|find|top|best|narrow (?:it )?down to)"
    rf"(?: me| us)?(?: (?:the|your|just|only|like))?\s+({_SAID})\b"
    r"(?!\s*(?:-|person|people|man|seater|player|pack|piece|pc|kg|g|l|ml|litre|liter|lb|"
    r"oz|inch|in|mm|cm|year|yr|day|hour|star|x|\$|bucks?|dollars?|quid|pounds?|%|or more)\b)"
    r"(?=\s+(?:[a-z-]+))",
    re.I,
)
_ALTERNATIVES = re.compile(r"\b(?:options|choices|ideas|picks|suggestions|alternatives)\b", re.I)
# «two ideas for my dad», «3 options for a hiking trip»: the count before the word for them
COUNTED_CHOICES = re.compile(
    # not «the first two options», «these 2 options», «torn between two options» (those shown)
    r"(?<!\bthe )(?<!\bfirst )(?<!\blast )(?<!\bthese )(?<!\bthose )(?<!\bbetween )(?<!\bmy )"
    r"(?<!\bboth )(?<!\bof )(?<!\byour )"
    rf"\b({_SAID})\s+(?:(?:more|other|different|good|cheap|cheaper)\s+)?"
    r"(?:options|choices|ideas|picks|suggestions|alternatives)\b",
    re.I,
)


# «which are the two cheapest?», «3 best rated tents»: a ranking of so many
_RANKED_COUNT = re.compile(
    rf"\b({_SAID})\s+(?:cheapest|priciest|most expensive|best[- ]rated|highest[- ]rated|"
    r"top[- ]rated|lightest|fastest|quickest|best|most popular)\b",
    re.I,
)


def ranked_count(text: str) -> int | None:
    """How many products a ranking asks for («the two cheapest»: 2), when it says (2 to 5)."""
    said = _RANKED_COUNT.search(text)
    return _few(said[1]) if said else None


def list_length(text: str) -> int | None:
    """The number of products a request asks to see, when it says one (2 to 5)."""
    said = LIST_LENGTH.search(text) or COUNTED_CHOICES.search(text)
    return _few(said[1]) if said else None


def _few(word: str) -> int | None:
    """A count said as a digit or a word, when it is 2 to 5 (a list's length)."""
    count = int(word) if word.isdigit() else _COUNTS[word.lower()]
    return count if 2 <= count <= 5 else None


def options_asked(intent: str, text: str) -> str:
    """«give me two options for a tent» asks for a few options, a search: it compares
    nothing yet."""
    asked = list_length(text) is not None and bool(_ALTERNATIVES.search(text))
    return "search" if intent == "compare" and asked else intent


def without_list_length(text: str) -> str:
    """The request without how many to show: «give me 2 options under $50 for a gift» is
    about a gift, not about «2 options»."""
    return COUNTED_CHOICES.sub(" ", text)
