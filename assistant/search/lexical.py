"""Lexical (BM25) scoring over a list of texts, with English stemming and stopwords."""

from __future__ import annotations

import logging

import bm25s
import numpy as np
import Stemmer
from bm25s.stopwords import STOPWORDS_EN

_STEMMER = Stemmer.Stemmer("english")
logging.getLogger("bm25s").setLevel(logging.WARNING)  # it logs every index build at DEBUG


def tokenize(text: str) -> list[str]:
    """Lower-cased, stemmed word tokens without English stopwords."""
    return bm25s.tokenize(
        [text], stopwords="en", stemmer=_STEMMER, return_ids=False, show_progress=False
    )[0]


def tokenize_many(texts: list[str]) -> list[list[str]]:
    """`tokenize` for many texts in one pass."""
    return bm25s.tokenize(
        texts, stopwords="en", stemmer=_STEMMER, return_ids=False, show_progress=False
    )


def stem_word(word: str) -> str:
    """One lower-cased word as `tokenize` sees it ('' for a stopword or a single letter)."""
    word = word.lower()
    if len(word) < 2 or word in STOPWORDS_EN:
        return ""
    return _STEMMER.stemWord(word)


class LexicalIndex:
    """BM25 over a fixed list of texts; scores come back in the texts' order."""

    def __init__(self, texts: list[str]) -> None:
        self.size = len(texts)
        self._bm25 = bm25s.BM25()
        words = bm25s.tokenize(
            texts, stopwords="en", stemmer=_STEMMER, return_ids=False, show_progress=False
        )
        self._words = [set(document) for document in words]
        if self.size:  # bm25s cannot index nothing; an empty index scores nothing
            self._bm25.index(words, show_progress=False)

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every text for the query (zeros when no word matches)."""
        query_tokens = tokenize(query)
        if not query_tokens or not self.size:
            return np.zeros(self.size, dtype=np.float32)
        return self._bm25.get_scores(query_tokens)

    def coverage(self, query: str, position: int) -> float:
        """Share of the query's distinct words that the text at `position` contains."""
        query_words = set(tokenize(query))
        if not query_words:
            return 0.0
        return len(query_words & self._words[position]) / len(query_words)
