"""Extractive answers: the clause of the best passage that answers, quoted word for word."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from assistant.search.lexical import tokenize
from assistant.search.overlap import answer_tokens, token_f1
from assistant.search.passages import split_sentences

# Clause boundaries: after a clause mark, before a conjunction, around a dash.
_CLAUSE = re.compile(
    r"(?<=[,;:])\s+|\s+(?=(?:but|and|so|because|although|though|which|while)\s)|\s+-+\s+"
)
# Question words that frame rather than name what is asked about.
_FRAME = set(tokenize("what how is are the do does you think about of this it its was were any"))
MIN_SPAN_WORDS = 4  # a shorter clause ("but the sound") is joined with the next
MAX_SPAN_CHARS = 240
# The consensus vote (chosen on SubjQA train's answerable questions; see the README's
# "Measured here"): the first ten passages vote, weighted by softmax(score / 1.0).
CONSENSUS_DEPTH = 10
CONSENSUS_TEMPERATURE = 1.0


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


def consensus_span(
    question: str,
    ranked: Sequence[tuple[str, float]],
    depth: int = CONSENSUS_DEPTH,
    temperature: float = CONSENSUS_TEMPERATURE,
    sources: Sequence[str] | None = None,
) -> tuple[int, str]:
    """The answer most like what the best-ranked passages say, and the position of its passage.

    Each of the first passages' spans is worth its own weight plus its word overlap with the
    others' spans, weighted by their scores (minimum Bayes risk for token F1): a claim several
    reviews make outweighs a leader's stray sentence. `ranked` is (passage text, score), best
    first; `sources` the whole texts they come from (the passages when None): a text copied
    word for word votes once, with its best-ranked passage. No passages give (-1, "").
    """
    if temperature <= 0:
        raise ValueError(f"the consensus temperature must be above 0, not {temperature}")
    head = list(ranked[:depth])
    if not head:
        return -1, ""
    spans = [answer_span(question, text) for text, _ in head]
    top = max(score for _, score in head)
    # a review copied word for word counts once: copies must not outvote independent reviews
    texts = sources[: len(head)] if sources else [text for text, _ in head]
    keys = [tuple(answer_tokens(text)) for text in texts]  # only the voters' texts are read
    first_of = {key: i for i, key in reversed(list(enumerate(keys)))}
    weights = [
        math.exp((score - top) / temperature) if first_of[keys[i]] == i else 0.0
        for i, (_, score) in enumerate(head)
    ]

    def support(position: int) -> float:
        return sum(
            weight * (1.0 if other == position else token_f1(spans[position], spans[other]))
            for other, weight in enumerate(weights)
        )

    # max keeps the first of equals, so the leader wins ties
    best = max(range(len(spans)), key=support)
    return best, spans[best]
