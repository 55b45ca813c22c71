"""Review passages at the grain questions are answered in: sentences, two-sentence windows
and the whole review, each an IndexedText that knows its review. Sentences and whole reviews
are embedded; a window's vector is the normalised sum of its two sentences' vectors, so
windows cost no embedding and no index space."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from assistant.catalogue.models import Review

UnitKind = Literal["review", "sentence", "window"]
# A sentence ends at . ! or ? followed by space, or glued to a capital ("well.The").
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[.!?])(?=[A-Z])")
# Where an over-long sentence may be cut: after a clause mark, before a conjunction.
_CLAUSE_CUT = re.compile(r"(?<=[;:,])\s+|\s+(?=(?:but|and|so|because|although|though)\s)")
MAX_SENTENCE_CHARS = 300
WINDOW_MIN_SENTENCES = 3  # a review of one or two sentences is its own window


@dataclass(frozen=True)
class IndexedText:
    """One text to embed: its id, the text and the metadata stored beside it."""

    id: str
    text: str
    metadata: dict[str, str | int | float | bool]

    @property
    def content_hash(self) -> str:
        """Hash of what determines the vector, so unchanged texts are never re-embedded."""
        return hashlib.sha1(self.text.encode("utf-8")).hexdigest()


def _cut_long(sentence: str, limit: int) -> list[str]:
    """Clauses of a sentence that runs on past `limit` characters, packed up to `limit`."""
    if len(sentence) <= limit:
        return [sentence]
    pieces: list[str] = []
    current = ""
    for clause in filter(None, (c.strip() for c in _CLAUSE_CUT.split(sentence))):
        if current and len(current) + len(clause) + 1 > limit:
            pieces.append(current)
            current = clause
        else:
            current = f"{current} {clause}".strip()
    if current:
        pieces.append(current)
    # A clause with no cut point at all is split on words, so no piece exceeds the limit.
    return [part for piece in pieces for part in _wrap_words(piece, limit)]


def _wrap_words(text: str, limit: int) -> list[str]:
    if len(text) <= limit:
        return [text]
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + len(word) + 1 > limit:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*lines, current] if current else lines


def split_sentences(text: str, limit: int = MAX_SENTENCE_CHARS) -> list[str]:
    """The sentences of a text, in order; run-on sentences cut at clause marks."""
    sentences = (s.strip() for s in _SENTENCE_END.split(text.strip()))
    return [piece for sentence in sentences if sentence for piece in _cut_long(sentence, limit)]


def review_units(review: Review) -> list[IndexedText]:
    """A review as units to index: the whole review (title first), and its title and each
    sentence on their own. Windows of neighbouring sentences are scored from these."""
    return text_units(
        review.text, review.id, review.product_id, title=review.title, rating=review.rating
    )


def text_units(
    text: str, owner: str, product_id: str = "", title: str = "", rating: int | None = None
) -> list[IndexedText]:
    """Any text (a review, a snippet, an answer) as units labelled `<owner>#<kind><n>`."""
    sentences = split_sentences(text) or [text.strip()]
    if title.strip():
        sentences = [title.strip().rstrip(".") + ".", *sentences]
    whole = " ".join(sentences)
    units: list[tuple[UnitKind, int, str]] = [("review", 0, whole)]
    units += [("sentence", n, sentence) for n, sentence in enumerate(sentences)]
    return [
        IndexedText(
            id=f"{owner}#{kind[0]}{position}",
            text=unit,
            metadata={
                "review_id": owner,
                "product_id": product_id,
                "rating": rating if rating is not None else 0,
                "kind": kind,
                "position": position,
            },
        )
        for kind, position, unit in units
    ]


def window_units(sentences: list[IndexedText]) -> list[IndexedText]:
    """Windows of two neighbouring sentences of one text (none for texts of under three)."""
    if len(sentences) < WINDOW_MIN_SENTENCES:
        return []
    return [
        IndexedText(
            id=f"{first.metadata['review_id']}#w{n}",
            text=f"{first.text} {second.text}",
            metadata={**first.metadata, "kind": "window", "position": n},
        )
        for n, (first, second) in enumerate(pairwise(sentences))
    ]


def asked_part(question: str) -> str:
    """The sentences that ask, when a message tells something first («Perhaps I'm muddling
    you up with another shop. How does delivery work with you?»: the delivery question)."""
    sentences = [part for part in re.split(r"(?<=[.!?])\s+", question.strip()) if part]
    asking = [part for part in sentences if part.endswith("?")]
    if not asking or len(asking) == len(sentences):
        return question
    vague = len(" ".join(asking).split()) <= _VAGUE_WORDS
    if vague and (_POINTS_BACK.search(asking[0]) or _CONFIRMS.match(asking[0])):
        return question  # «… asking for the code i just got. should i send it??»: all of it
    return " ".join(asking)


_VAGUE_WORDS = 8  # an asking sentence this short that points back needs the one before
_POINTS_BACK = re.compile(r"\b(it|that|this|them|they|those|one)\b", re.I)
# «… you delete the bad ones. true?»: asks whether what was said holds
_CONFIRMS = re.compile(
    r"^\W*(?:is that |is it |so )?(?:true|right|correct|real|really|legit)\b", re.I
)
