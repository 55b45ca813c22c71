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
# «Designed with attention to grip and smell.»: what the maker cared about, no answer
_BOILERPLATE = re.compile(r"^\s*Designed with attention to\b", re.I)


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
        if _AN_ATTRIBUTE.match(sentence) or _BOILERPLATE.match(sentence):
            continue  # «Fragrance: light citrus.»: the facts answer attributes
        shared = len(asked & set(_WORD.findall(sentence.lower())))
        if shared > overlap:
            best, overlap = sentence.strip(), shared
    return best


# words of a question that carry no feature: «does it have …», «is the … one …»
_NO_FEATURE = _ASKING | frozenset(
    "does do is are it its it's a an the one ones any have has got come comes with of and or "
    "in on to be can i my me you u".split()
)
MIN_FEATURE_LETTERS = 6  # a single title word said alone must be this long («wireless»)


# «does it fit a 16 inch laptop?», «will it hold 2 litres?»: a measure the title does not give
_FITS_A_MEASURE = re.compile(
    r"\b(?:fit|fits|hold|holds|take|takes|room for)\b[^?.!]{0,25}?\b\d+(?:\.\d+)?\s*"
    r"(?:inch(?:es)?|in\b|\"|cm|mm|l\b|litres?|liters?|ml)",
    re.I,
)


def titled(product: Product, question: str) -> str | None:
    """The words of the product's title a question asks about («does it have noise
    cancelling?» of the Wireless Noise Cancelling Headphones: «Noise Cancelling»), beyond its
    brand and kind; None when the title does not say them."""
    if _FITS_A_MEASURE.search(question):  # «does it fit a 16 inch laptop?»: no title says
        return None
    words = product.title.split()
    lowered = [word.lower() for word in words]
    plain = set(_WORD.findall(product.brand.lower())) | {lowered[-1]}
    asked = [w for w in _WORD.findall(question.lower()) if w not in _NO_FEATURE]
    if set(asked) & plain:
        return None  # «meeple house classic 500 board game any good?»: the name, not a feature
    best: tuple[int, int] | None = None  # the longest run of title words the question says
    for start in range(len(lowered)):
        for end in range(len(lowered), start, -1):
            run = lowered[start:end]
            if set(run) & plain or not _said_in_a_row(run, asked):
                continue
            long_enough = len(run) >= 2 or len(run[0]) >= MIN_FEATURE_LETTERS
            if long_enough and (best is None or end - start > best[1] - best[0]):
                best = (start, end)
            break
    if best is None or set(asked) & set(lowered) - set(lowered[best[0] : best[1]]):
        return None  # more of the title said: the question names the product by it
    return " ".join(words[best[0] : best[1]])


def _said_in_a_row(run: list[str], asked: list[str]) -> bool:
    """Whether the words of `run` come one after another among the question's words."""
    return any(asked[i : i + len(run)] == run for i in range(len(asked) - len(run) + 1))
