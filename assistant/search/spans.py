"""Extractive answers: the clause of the best passage that answers, quoted word for word."""

from __future__ import annotations

import re

from assistant.search.lexical import tokenize
from assistant.search.passages import split_sentences

# Clause boundaries: after a clause mark, before a conjunction, around a dash.
_CLAUSE = re.compile(
    r"(?<=[,;:])\s+|\s+(?=(?:but|and|so|because|although|though|which|while)\s)|\s+-+\s+"
)
# Question words that frame rather than name what is asked about.
_FRAME = set(tokenize("what how is are the do does you think about of this it its was were any"))
MIN_SPAN_WORDS = 4  # a shorter clause ("but the sound") is joined with the next
MAX_SPAN_CHARS = 240


def clauses(sentence: str) -> list[str]:
    """The clauses of a sentence, in order, with their own punctuation."""
    return [part.strip() for part in _CLAUSE.split(sentence) if part and part.strip()]


def _overlap(question_words: set[str], text: str) -> int:
    return len(question_words & set(tokenize(text)))


def answer_span(question: str, passage: str) -> str:
    """The part of a passage that answers: its sentence sharing most words with the question,
    cut to the clause that names the asked-about thing (joined with the next when short)."""
    sentences = split_sentences(passage) or [passage.strip()]
    words = set(tokenize(question)) - _FRAME
    sentence = max(sentences, key=lambda s: (_overlap(words, s), -sentences.index(s)))
    parts = clauses(sentence)
    if len(parts) <= 1:
        span = sentence
    else:
        best = max(range(len(parts)), key=lambda p: (_overlap(words, parts[p]), -p))
        span = parts[best]
        if len(span.split()) < MIN_SPAN_WORDS and best + 1 < len(parts):
            span = f"{span} {parts[best + 1]}"
    span = span.strip()
    if len(span) > MAX_SPAN_CHARS:
        span = span[: MAX_SPAN_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return span
