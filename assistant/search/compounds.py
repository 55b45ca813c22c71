"""Words shoppers run together that titles keep apart ("airfryer", "powerbank", "yogamat"),
split back so product names and kinds match them."""

from __future__ import annotations

import itertools
import re

from assistant.catalogue.models import Catalogue

MIN_PART = 3  # "air" + "fryer"; shorter parts ("go", "x") join too many ordinary words


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
        self._pattern = (
            re.compile(r"\b(" + "|".join(map(re.escape, sorted(self.splits))) + r")\b", re.I)
            if self.splits
            else None
        )

    def split(self, text: str) -> str:
        """The text with run-together title words split ("hearthstone airfryer" ->
        "hearthstone air fryer")."""
        if self._pattern is None:
            return text
        return self._pattern.sub(lambda match: self.splits[match.group(1).lower()], text)


def _words(title: str) -> list[str]:
    return re.findall(r"[a-z]+", title.lower())
