"""Misspelt names of the shop's things («dumbells», «headfones», «sunscren») spelled as its
titles spell them, so search, kinds and names read what the shopper meant. A word is only
respelled when neither the shop's texts nor the embedding model's word list know it, and one
title word is close to it: «zit» or «lego» stay as typed."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA, Indel, Levenshtein

from assistant.catalogue.models import Catalogue
from assistant.search.embeddings import packaged_model_path
from assistant.search.famous_makes import famous_make

MIN_LETTERS = 5  # shorter words are too often another real word one letter away
_WORD = re.compile(r"[A-Za-z]+")
# «fraying», «panicking», «zipped»: a known word with an ending is a word too
_ENDINGS = ("ing", "ed", "es", "s", "ly", "er", "est")


@functools.cache  # every planner reads the same packaged file: once per process
def model_words(vocabulary_file: Path | None = None) -> frozenset[str]:
    """The whole words of a WordPiece vocabulary (by default the packaged model's: an English
    word list that ships with it); empty when there is none."""
    if vocabulary_file is None:
        try:
            vocabulary_file = packaged_model_path() / "vocab.txt"
        except ImportError:  # a deployment with another model: the shop's own words only
            return frozenset()
    if not vocabulary_file.is_file():
        return frozenset()
    lines = vocabulary_file.read_text(encoding="utf-8").split()
    return frozenset(word for word in lines if word.isalpha() and word.islower())


# the words that change a cart, respelled like title words: «remvoe the grey», «chekcout»
_CART_WORDS = frozenset(
    "remove delete checkout cancel change replace instead actually basket return swap "
    "switch".split()
)


# short words typed fast that bound a search: «yoga mat undr 30»
_SHORT_SLIPS = {"undr": "under", "uner": "under", "bellow": "below", "chepest": "cheapest"}


# the «&» of a make said aloud: «hearth n linen», «meadow 'n' moss», «atlas and oak»
_SAID_AND = r"\s+(?:n|'n'?|’n’?|and)\s+"


def _said_joined(makes: list[str]) -> re.Pattern[str]:
    """The makes whose names hold «&», as said with «n» or «and» in its place."""
    spoken = (_SAID_AND.join(re.escape(part.strip()) for part in make.split("&")) for make in makes)
    return re.compile("|".join(spoken), re.I)


class TitleSpelling:
    """Respells words nobody knows as the title word they are a typo of."""

    def __init__(self, catalogue: Catalogue, english: Iterable[str] = ()) -> None:
        titles = [p.title for p in catalogue.products.values()]
        self._title_words = sorted(
            {w.lower() for title in titles for w in _WORD.findall(title) if len(w) >= MIN_LETTERS}
            | _CART_WORDS
        )
        texts = (
            " ".join([p.title, p.brand or "", p.description, *p.attributes.values()])
            for p in catalogue.products.values()
        )
        self._known = {w.lower() for text in texts for w in _WORD.findall(text)}
        self._known |= set(english)
        # «hearth n linen», «meadow and moss»: a make with «&» said with «n» or «and»
        joined = sorted(
            {p.brand for p in catalogue.products.values() if p.brand and "&" in p.brand}
        )
        self._joined_makes = _said_joined(joined) if joined else None
        self._makes_by_lower = {re.sub(r"\s*&\s*", "&", make.lower()): make for make in joined}
        # a make's word beside a word its titles put next to it: («sonara», «prime»)
        self._makes_beside: set[tuple[str, str]] = set()
        for product in catalogue.products.values():
            words = [w.lower() for w in _WORD.findall(product.title)]
            brand = {w.lower() for w in _WORD.findall(product.brand or "")}
            for first, second in itertools.pairwise(words):
                if first in brand and len(first) >= MIN_LETTERS:
                    self._makes_beside.add((first, second))
                if second in brand and len(second) >= MIN_LETTERS:
                    self._makes_beside.add((second, first))

    def respelled(self, message: str) -> str:
        """The message with each unknown word that is a typo of a title word spelled right."""
        if self._joined_makes is not None:
            message = self._joined_makes.sub(self._as_joined, message)
        return self._makes_respelled(_WORD.sub(lambda said: self._word(said.group(0)), message))

    def _as_joined(self, said: re.Match[str]) -> str:
        """«hearth n linen»: «Hearth & Linen», as the make writes it."""
        words = re.split(_SAID_AND, said.group(0), flags=re.I)
        return self._makes_by_lower.get("&".join(w.lower() for w in words), said.group(0))

    def _makes_respelled(self, message: str) -> str:
        """«sonora prime 2», «botanika lab», «bean republik»: a make's name one letter off,
        beside a word its titles put next to it, even when the word list knows it."""
        words = _WORD.findall(message.lower())
        wrong: dict[str, str] = {}
        for first, second in itertools.pairwise(words):
            for said, beside in ((first, second), (second, first)):
                if len(said) < MIN_LETTERS or said in wrong:
                    continue
                for make, other in self._makes_beside:
                    if other == beside and make != said and _one_slip(said, make):
                        wrong[said] = make
        if not wrong:
            return message
        return _WORD.sub(lambda said: wrong.get(said[0].lower(), said[0]), message)

    def _word(self, word: str) -> str:
        """The word, or the title word it is a typo of."""
        lower = word.lower()
        if lower in _SHORT_SLIPS:
            return _SHORT_SLIPS[lower]
        if len(lower) < MIN_LETTERS or self._knows(lower) or famous_make(lower):
            return word  # «vitamix» is a make we lack, not a vitamin
        if found := self._closest(lower):
            return found
        # «skilets», «candels»: a plural of a typo of a title word
        one = (
            self._closest(lower[:-1]) if lower.endswith("s") and len(lower) > MIN_LETTERS else None
        )
        # (a letter missed or swapped, never one cut: «tumblers» is no «Tumble»)
        return f"{one}s" if one and len(one) >= len(lower) - 1 else word

    def _knows(self, word: str) -> bool:
        """Whether the shop or the word list knows the word, or it with an ending off."""
        return any(form in self._known for form in _forms(word))

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one instance per catalogue, kept for life
    def _closest(self, word: str) -> str | None:
        """The title word one letter more or less than the word, or two letters swapped
        («dumbells», «trailhwak»); never one letter for another («projectors» stays)."""
        found = process.extractOne(word, self._title_words, scorer=Indel.distance, score_cutoff=1)
        if found:
            return found[0]
        swapped = process.extractOne(word, self._title_words, scorer=OSA.distance, score_cutoff=1)
        return swapped[0] if swapped and sorted(swapped[0]) == sorted(word) else None


def _one_slip(said: str, make: str) -> bool:
    """A letter wrong, missed or added («sonora», «botanika»), or the end cut short
    («purel» of «purelle»)."""
    if Levenshtein.distance(said, make) == 1:
        return True
    return make.startswith(said) and len(make) - len(said) <= 2


def _forms(word: str) -> set[str]:
    """The word and the words it may be with an ending taken off («panicking»: «panic»)."""
    forms = {word, word[:-1], word + "s"}
    for ending in _ENDINGS:
        if word.endswith(ending):
            stem = word[: -len(ending)]
            forms |= {stem, stem + "e"}
            if stem[-1:] == stem[-2:-1] or stem.endswith("ck"):  # «zipped», «panicking»
                forms.add(stem[:-1])
    return forms
