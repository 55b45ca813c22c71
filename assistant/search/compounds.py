"""Words shoppers run together that titles keep apart ("airfryer", "powerbank", "yogamat"),
split back, and words they split that titles run together ("iron peak", "volt edge"), joined,
so product names and kinds match them."""

from __future__ import annotations

import itertools
import re

from assistant.catalogue.models import Catalogue

MIN_PART = 3  # "air" + "fryer"; shorter parts ("go", "x") join too many ordinary words
_WORD = re.compile(r"[a-z]+", re.I)
# «does it pack well?», «is the black out of stock?»: no «Packwell», no «blackout»
_EVERYDAY_ENDS = frozenset({"out", "well"})


class CompoundWords:
    """The two-word pairs of a catalogue's titles, by their run-together spelling."""

    def __init__(self, catalogue: Catalogue) -> None:
        title_words = {
            word for product in catalogue.products.values() for word in _words(product.title)
        }
        self.splits: dict[str, str] = {}
        for product in catalogue.products.values():
            words = _words(product.title)
            for first, second in itertools.pairwise(words):
                joined = first + second
                # a run-together pair that is a word of its own ("backpack") stays as it is
                if min(len(first), len(second)) >= MIN_PART and joined not in title_words:
                    self.splits[joined] = f"{first} {second}"
                    self.splits[joined + "s"] = f"{first} {second}s"
            # «tshirt», «pourover»: a hyphenated title word run together
            for word in re.findall(r"[a-z]+(?:-[a-z]+)+", product.title.lower()):
                joined = word.replace("-", "")
                if len(joined) >= MIN_PART + 2 and joined not in title_words:
                    self.splits[joined] = word
                    self.splits[joined + "s"] = word + "s"
        # «iron peak» for «IronPeak»: a title word said in two parts, unless titles say
        # those two parts as a pair themselves («air fryer»)
        pairs = {
            f"{first} {second}"
            for product in catalogue.products.values()
            for first, second in itertools.pairwise(_words(product.title))
        }
        self.joins: dict[tuple[str, str], str] = {
            (word[:cut], word[cut:]): word
            for word in title_words
            for cut in range(MIN_PART, len(word) - MIN_PART + 1)
            if f"{word[:cut]} {word[cut:]}" not in pairs and word[cut:] not in _EVERYDAY_ENDS
        }
        self._pattern = (
            re.compile(r"\b(" + "|".join(map(re.escape, sorted(self.splits))) + r")\b", re.I)
            if self.splits
            else None
        )
        # «pour over coffee maker» for «Pour-Over Coffee Maker»: a hyphenated title word said
        # with a space, before the word titles put after it (never «ok carry on»)
        self.hyphenated: dict[str, str] = {}
        said_before: set[str] = set()
        for product in catalogue.products.values():
            title = product.title.lower()
            for word, after in re.findall(r"([a-z]{3,}(?:-[a-z]{2,})+)\s+([a-z]+)", title):
                spaced = word.replace("-", " ")
                self.hyphenated[spaced] = word
                said_before.add(rf"{re.escape(spaced)}(?=\s+{after}\b)")
        self._spaced = (
            re.compile(r"\b(?:" + "|".join(sorted(said_before)) + ")", re.I)
            if said_before
            else None
        )

    def split(self, text: str) -> str:
        """The text with run-together title words split ("hearthstone airfryer" ->
        "hearthstone air fryer")."""
        if self._pattern is not None:
            text = self._pattern.sub(lambda match: self.splits[match.group(1).lower()], text)
        if self._spaced is not None:
            text = self._spaced.sub(lambda said: self.hyphenated[said.group(0).lower()], text)
        return self._joined(text)

    def _joined(self, text: str) -> str:
        """The text with a title word said in two parts joined ("iron peak" -> "ironpeak")."""
        words = list(_WORD.finditer(text))
        for first, second in reversed(list(itertools.pairwise(words))):
            between = text[first.end() : second.start()]
            joined = self.joins.get((first.group(0).lower(), second.group(0).lower()))
            if joined and between.strip() == "" and len(between) <= 1:
                text = text[: first.start()] + joined + text[second.end() :]
        return text


def _words(title: str) -> list[str]:
    return re.findall(r"[a-z]+", title.lower())
