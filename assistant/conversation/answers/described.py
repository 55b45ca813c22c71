"""What a product's own description says to a question its attributes do not answer
(«would a 16 inch laptop fit the atlas & oak prime 2?»: «made for commuting with a 15-inch
laptop»): the sentence that shares the question's words, quoted as written."""

from __future__ import annotations

import re

from assistant.catalogue.models import Product

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"[a-z]+")
# words of asking, and words every description says («made», «designed», «attention»)
_ASKING = frozenset(
    "would will does did has have with into onto what when where which much many fit fits "
    "there their about for from than then they them your this that these those just also "
    "really actually good okay made designed attention work works need want like know tell "
    "please thanks could should".split()
)
MIN_LETTERS = 4
_HOW_X = re.compile(r"\bhow (?:long|much|many|big|heavy|light|far|fast|old)\b", re.I)
_AN_ATTRIBUTE = re.compile(r"^\s*[A-Z][\w ]*:\s")


def described(product: Product, question: str) -> str | None:
    """The description's sentence that says something the question asks of, beyond the
    product's name; None when no sentence does."""
    title = set(_WORD.findall(product.title.lower()))
    question = _HOW_X.sub(" ", question)  # «how long do they last»: no «long walks»
    asked = {
        word
        for word in _WORD.findall(question.lower())
        if len(word) >= MIN_LETTERS and word not in title | _ASKING
    }
    best, overlap = None, 0
    for sentence in _SENTENCE_END.split(product.description):
        if _AN_ATTRIBUTE.match(sentence):
            continue  # «Fragrance: light citrus.»: the facts answer attributes
        shared = len(asked & set(_WORD.findall(sentence.lower())))
        if shared > overlap:
            best, overlap = sentence.strip(), shared
    return best
