"""Review aspects learned from the shop's own reviews: the words reviewers use, the ones that
name things (nouns), and how far each word leans to low ratings, so a question's aspect is a
real product aspect and the complaints of a product's reviews can be found and grouped."""

from __future__ import annotations

import math
import re
import weakref
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from assistant.catalogue.models import Catalogue, Review
from assistant.search.lexical import stem_word, tokenize, tokenize_many

# Words that frame a review question rather than name what it is about.
FRAME_WORDS = frozenset(
    tokenize(
        "review reviews reviewer reviewers people customers buyers say said think like dislike "
        "complain complaints mention mentions good bad any product item it this that one about "
        "according what how do does is are the any problems issue issues praise praised rate "
        "rating opinion feel thoughts pros cons "
        # references to shown products ("the first one") name no aspect
        "first second third fourth fifth last 1st 2nd 3rd 4th 5th ones them these those its of "
        # filler that names no aspect
        "got get have has had would want need im i'm my me we our really very much pls please "
        "tho though lol ok okay also still just bit ppl people folks u ur saying thoughts "
        "actually legit loads lots come comes came arrive arrives listing listed description"
    )
)
# «how long does it burn»: about burning, not length
HOW_LONG = re.compile(r"\bhow long\b", re.I)
# (and the chat's fillers: «what did they complain about», «wait theres only 1 review»)
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | {
    "oh", "seriously", "know", "guess", "honest", "did", "wait", "theres", "whats", "thats",
    # «yikes. are people happier with that one»: how reviewers feel overall, no aspect
    "yikes", "happier", "happy", "happiest",
    # chat fillers and contractions typed without their apostrophe: «… compatible btw»
    "btw", "tbh", "lol", "isnt", "arent", "doesnt", "dont", "wont", "cant", "didnt", "im", "ive",
}  # fmt: skip
DETERMINERS = frozenset("the its their this these those my our your his her".split())
COMPLAINT_QUESTION = re.compile(
    r"\b(complain\w*|moan\w*|gripe\w*|grumbl\w*|whing\w*|whin\w*|problems?|issues?|cons|"
    r"downsides?|drawbacks?|negatives?|faults?|flaws?|wrong|dislike\w*|hate\w*|bad)\b",
    re.I,
)
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
SENTENCE = re.compile(r"(?<=[.!?])\s+")
NOUN_SHARE = 0.25  # of a word's uses right after a determiner ("the handle"), to count as a noun
NOUN_USES = 2
MISSPELT = 85  # rapidfuzz ratio from which an unknown word is a known one misspelt («batery»)
COMPLAINT_ODDS = 0.5  # mean log-odds (rated 1-2 against 4-5) of a sentence's words: a complaint


def stem(word: str) -> str:
    """The word as the lexical index sees it ('' for a stop word)."""
    return stem_word(word)


def sentences(text: str) -> list[str]:
    """A review's sentences, with a lead-in like "Update after three months:" cut off."""
    parts = [part.strip() for part in SENTENCE.split(text) if part.strip()]
    return [part.split(": ", 1)[-1] for part in parts]


def _aspect_stem(word: str) -> str:
    lowered = word.lower()
    if lowered in STOP_WORDS or lowered in DETERMINERS or lowered.split("'")[0] in STOP_WORDS:
        return ""  # "i'd", "it's": a stop word with its ending
    stemmed = stem(lowered)
    return "" if stemmed in FRAME_WORDS else stemmed


@dataclass
class ReviewVocabulary:
    """What the reviews of a catalogue teach about words: which are used, which name things,
    which lean to low ratings."""

    known: set[str] = field(default_factory=set)
    nouns: set[str] = field(default_factory=set)
    odds: dict[str, float] = field(default_factory=dict)

    @classmethod
    def of(cls, reviews: Iterable[Review]) -> ReviewVocabulary:
        """Learn it from review texts and their ratings."""
        uses: Counter[str] = Counter()
        after_determiner: Counter[str] = Counter()
        low: Counter[str] = Counter()
        high: Counter[str] = Counter()
        reviews = list(reviews)
        for review, stems in zip(reviews, tokenize_many([r.text for r in reviews]), strict=True):
            for sentence in sentences(review.text):
                words = [w.lower() for w in WORD.findall(sentence)]
                for position, word in enumerate(words):
                    stemmed = stem(word)
                    uses[stemmed] += 1
                    if position and words[position - 1] in DETERMINERS:
                        after_determiner[stemmed] += 1
            if review.rating is not None and review.rating <= 2:
                low.update(set(stems))
            elif review.rating is not None and review.rating >= 4:
                high.update(set(stems))
        lows = sum(1 for r in reviews if r.rating is not None and r.rating <= 2)
        highs = sum(1 for r in reviews if r.rating is not None and r.rating >= 4)
        nouns = {
            word
            for word, count in after_determiner.items()
            if word and count >= NOUN_USES and count / uses[word] >= NOUN_SHARE
        }
        odds = {  # add-one smoothed log-odds of a low rating against a high one
            word: math.log((low[word] + 1) / (lows + 2)) - math.log((high[word] + 1) / (highs + 2))
            for word in set(low) | set(high)
        }
        return cls(known={w for w in uses if w}, nouns=nouns, odds=odds)

    def aspect_words(self, text: str) -> list[str]:
        """The words of the text, in order, that name an aspect reviewers talk about."""
        kept = [(w, _aspect_stem(w)) for w in WORD.findall(HOW_LONG.sub(" ", text))]
        return [word.lower() for word, stemmed in kept if stemmed and stemmed in self.known]

    def unknown_words(self, text: str) -> list[str]:
        """The words of the text that could name an aspect but no review uses ("warranty")."""
        kept = [(w, _aspect_stem(w)) for w in WORD.findall(text)]
        return [
            word.lower()
            for word, stemmed in kept
            if len(stemmed) >= 3 and stemmed not in self.known and not stemmed.isdigit()
        ]

    def unheard_names(self, text: str) -> list[str]:
        """Words of the text that no review uses nor misspells («ryanair», «overhead»): beside
        a word reviewers do use («fits»), they are what a question is about."""
        return [
            word
            for word in self.unknown_words(text)
            if word not in ENGLISH_STOP_WORDS
            and process.extractOne(
                _aspect_stem(word), self.known, scorer=fuzz.ratio, score_cutoff=MISSPELT
            )
            is None
        ]

    def nouns_in(self, text: str) -> list[str]:
        """The aspect words of the text that name things ('coating', 'handle')."""
        return [word for word in self.aspect_words(text) if stem(word) in self.nouns]

    def complaint_score(self, sentence: str) -> float:
        """How far the sentence's words lean to low ratings (mean log-odds)."""
        scores = [self.odds.get(word, 0.0) for word in tokenize(sentence)]
        return sum(scores) / len(scores) if scores else 0.0

    def is_complaint(self, sentence: str) -> bool:
        """Whether the sentence reads like a complaint."""
        return self.complaint_score(sentence) >= COMPLAINT_ODDS


_VOCABULARIES: weakref.WeakKeyDictionary[Catalogue, tuple[int, ReviewVocabulary]] = (
    weakref.WeakKeyDictionary()
)


def vocabulary_of(catalogue: Catalogue) -> ReviewVocabulary:
    """The catalogue's review vocabulary, learned once (again when its reviews change)."""
    cached = _VOCABULARIES.get(catalogue)
    if cached is None or cached[0] != len(catalogue.reviews):
        cached = (len(catalogue.reviews), ReviewVocabulary.of(catalogue.reviews.values()))
        _VOCABULARIES[catalogue] = cached
    return cached[1]


@dataclass(frozen=True)
class ComplaintGroup:
    """One thing reviewers complain about, with the sentences that say so, by review."""

    aspect: str | None  # the noun it is about ('handle'), None when the sentence names none
    sentences: list[tuple[Review, str]]

    @property
    def review_count(self) -> int:
        """How many reviews make this complaint."""
        return len({review.id for review, _ in self.sentences})


def complaint_groups(vocabulary: ReviewVocabulary, reviews: list[Review]) -> list[ComplaintGroup]:
    """The complaints of these reviews, grouped by the aspect they name, most reviews first."""
    groups: dict[str, list[tuple[Review, str]]] = defaultdict(list)
    aspects: dict[str, str | None] = {}
    for review in reviews:
        for sentence in sentences(review.text):
            if not vocabulary.is_complaint(sentence):
                continue
            nouns = vocabulary.nouns_in(sentence)
            key = stem(nouns[0]) if nouns else " ".join(tokenize(sentence))
            groups[key].append((review, sentence))
            aspects.setdefault(key, nouns[0] if nouns else None)
    found = [ComplaintGroup(aspects[key], group) for key, group in groups.items()]
    return sorted(found, key=lambda g: (-g.review_count, g.aspect or g.sentences[0][1]))
