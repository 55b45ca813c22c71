"""Dialogue acts: what each request in a message asks for, by a trained classifier.

A message is cut into requests ("add the second one and tell me when it arrives" is two), and
each request is classified by a logistic regression over its sentence embedding (the packaged
model), its words and the dialogue context (products shown, a summary pending, a cart, an
order). It is trained on `data/acts/acts_train.yaml`, tuned on `acts_dev.yaml`, and measured
on held-out utterances it never saw. Acts that the context makes impossible (a "yes" with no
summary pending) are ruled out before the best act is taken.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
import yaml
from langchain_core.embeddings import Embeddings
from pydantic import BaseModel, Field
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from assistant.conversation.understanding.segments import (
    AND_ANOTHER,
    CHECKOUT_PART,
    segment,
    without_greeting,
)

log = logging.getLogger(__name__)
__all__ = ["ActClassifier", "DialogueContext", "Request", "segment", "without_greeting"]

ACTS = (
    "search",
    "recommend",
    "product_question",
    "review_question",
    "compare",
    "refine",
    "catalogue_question",
    "policy_question",
    "add",
    "change",
    "remove",
    "view_cart",
    "checkout",
    "confirm",
    "decline",
    "order_status",
    "cancel_order",
    "return",
    "help",
    "smalltalk",
    "out_of_scope",
)
# Two questions in a row are two questions; two adds in a row are usually one said twice.
QUESTIONS = {
    "product_question",
    "review_question",
    "policy_question",
    "catalogue_question",
    "compare",
    "refine",
    "search",
}
# Acts whose words mean the same whatever the conversation holds: their context-free examples
# are also learnt in the contexts below, so a summary waiting for a yes does not make
# "trekking poles" read as a no.
CONTEXT_FREE = {"search", "recommend", "policy_question", "out_of_scope", "catalogue_question"}
# Acts that only make sense in a context; without it they are ruled out.
NEEDS = {"confirm": "pending_checkout", "decline": "pending_checkout", "refine": "shown"}
CONTEXT_WEIGHT = 1.0  # context flags against ~1-norm embedding and tf-idf blocks; set on dev
REGULARISATION = 8.0  # logistic regression's C; set on dev
SPLIT_CONFIDENCE = 0.35  # each request of a split message must be at least this sure; set on dev
TRAIN_FILES = (
    "acts_train.yaml",
    "acts_train_extra.yaml",
    "acts_train_blind.yaml",
    "acts_train_formal.yaml",
)
DEV_FILE = "acts_dev.yaml"


class DialogueContext(BaseModel):
    """What the conversation holds when a message arrives."""

    shown: bool = False
    pending_checkout: bool = False
    in_cart: bool = False
    has_order: bool = False

    def vector(self) -> list[float]:
        """The flags as features."""
        return [
            float(self.shown),
            float(self.pending_checkout),
            float(self.in_cart),
            float(self.has_order),
        ]


LATER_CONTEXTS = (
    DialogueContext(shown=True),
    DialogueContext(shown=True, in_cart=True, pending_checkout=True),
    DialogueContext(shown=True, in_cart=True, has_order=True),
)


class ActExample(BaseModel):
    """One labelled message: its text, its acts in order and its context."""

    text: str
    acts: list[str] = Field(min_length=1)
    context: DialogueContext = Field(default_factory=DialogueContext)


@dataclass
class Request:
    """One request of a message, with the act it asks for."""

    text: str
    act: str
    confidence: float
    runner_up: str | None = None
    implied: bool = False  # an act the message's shape makes certain ("X, checkout": add X)


def load_examples(name: str) -> list[ActExample]:
    """Labelled messages shipped with the package (`data/acts/<name>`)."""
    source = resources.files("assistant").joinpath("data", "acts", name)
    return [ActExample.model_validate(item) for item in yaml.safe_load(source.read_text("utf-8"))]


def load_heldout() -> list[ActExample]:
    """Held-out utterances written before tuning; never used to train or tune."""
    source = resources.files("assistant").joinpath("data", "eval", "utterances_heldout.yaml")
    return [ActExample.model_validate(item) for item in yaml.safe_load(source.read_text("utf-8"))]


def training_pairs(examples: list[ActExample]) -> list[tuple[str, str, DialogueContext]]:
    """(request text, act, context) pairs: a multi-act message counts when it segments into
    exactly as many requests as it has acts."""
    pairs = []
    for example in examples:
        parts = segment(example.text) if len(example.acts) > 1 else [example.text]
        if len(parts) == len(example.acts):
            pairs += [(p, a, example.context) for p, a in zip(parts, example.acts, strict=True)]
        if (
            len(example.acts) == 1
            and example.acts[0] in CONTEXT_FREE
            and not any(example.context.vector())
        ):  # a new search reads the same after a list, with a cart, or beside a summary
            pairs += [(example.text, example.acts[0], context) for context in LATER_CONTEXTS]
    return pairs


# a sound before the words that carries no act: «eh drop the cheapest one», «ugh, add it»
_INTERJECTION = re.compile(r"^\W*(?:(?:eh+|meh|ugh+|hm+|uh+|um+|erm+|ah+|welp|lol)\b\W*)+", re.I)


def without_interjections(text: str) -> str:
    """The text without the sounds it opens with (the text itself when that is all it is)."""
    return _INTERJECTION.sub("", text) or text


class ActClassifier:
    """Logistic regression over embedding, words and context, trained at start-up."""

    def __init__(
        self,
        embedder: Embeddings,
        examples: list[ActExample] | None = None,
        cache_dir: Path | None = None,
        regularisation: float = REGULARISATION,
        context_weight: float = CONTEXT_WEIGHT,
    ) -> None:
        self.embedder = embedder
        self.context_weight = context_weight
        pairs = training_pairs(
            examples or [item for name in TRAIN_FILES for item in load_examples(name)]
        )
        texts = [text for text, _, _ in pairs]
        self.words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1)
        self.chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True)
        self.words.fit(texts)
        self.chars.fit(texts)
        vectors = self._cached_vectors(texts, cache_dir)
        features = self._features(texts, vectors, [context for _, _, context in pairs])
        self.model = LogisticRegression(C=regularisation, max_iter=2000, class_weight="balanced")
        self.model.fit(features, [act for _, act, _ in pairs])
        self.labels: list[str] = list(self.model.classes_)

    def _cached_vectors(self, texts: list[str], cache_dir: Path | None) -> np.ndarray:
        """Training texts' embeddings, kept on disk by content so restarts skip encoding."""
        name = getattr(self.embedder, "name", type(self.embedder).__name__)
        digest = hashlib.sha1("\n".join([name, *texts]).encode()).hexdigest()[:16]
        path = cache_dir / f"acts-{digest}.npy" if cache_dir else None
        if path is not None and path.is_file():
            return np.load(path)
        vectors = np.asarray(self.embedder.embed_documents(texts), dtype=np.float32)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Written aside and renamed: workers starting together must never read half a file.
            partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
            with partial.open("wb") as out:
                np.save(out, vectors)
            os.replace(partial, path)
        return vectors

    def _features(
        self, texts: list[str], vectors: np.ndarray, contexts: list[DialogueContext]
    ) -> sparse.csr_matrix:
        flags = np.asarray([context.vector() for context in contexts], dtype=np.float32)
        return sparse.hstack(
            [
                sparse.csr_matrix(vectors),
                self.words.transform(texts),
                self.chars.transform(texts),
                sparse.csr_matrix(flags * self.context_weight),
            ]
        ).tocsr()

    def _scored(
        self,
        parts: list[str],
        vectors: np.ndarray,
        context: DialogueContext,
        heard: list[str] | None = None,
    ) -> list[Request]:
        """Each part with its act, read from `heard` (the parts as classified) when given."""
        heard = heard or parts
        probabilities = self.model.predict_proba(
            self._features(heard, vectors, [context] * len(heard))
        )
        possible = np.asarray(
            [0.0 if NEEDS.get(label) and not getattr(context, NEEDS[label]) else 1.0
             for label in self.labels]
        )  # fmt: skip
        requests = []
        for part, row in zip(parts, probabilities, strict=True):
            allowed = row * possible
            order = np.argsort(-allowed)
            requests.append(
                Request(
                    text=part,
                    act=self.labels[order[0]],
                    confidence=round(float(allowed[order[0]] / max(allowed.sum(), 1e-9)), 4),
                    runner_up=self.labels[order[1]] if len(order) > 1 else None,
                )
            )
        return requests

    def classify(
        self, message: str, context: DialogueContext, vector: list[float] | None = None
    ) -> list[Request]:
        """The requests of a message with their acts, in order."""
        parts = segment(message)
        texts = [message] if len(parts) == 1 else [message, *parts]
        heard = [without_interjections(text) for text in texts]  # «eh drop the cheapest one»
        if heard[0] != message or vector is None:
            # The whole message as a query: within a turn, search reuses this vector.
            vector = self.embedder.embed_query(heard[0])
        rest = self.embedder.embed_documents(heard[1:]) if len(heard) > 1 else []
        vectors = np.asarray([vector, *rest], dtype=np.float32)
        whole, *pieces = self._scored(texts, vectors, context, heard)
        merged: list[Request] = []
        for piece in pieces:  # "yep that one, add it": one request, said twice
            if (
                merged
                and merged[-1].act == piece.act
                and piece.act not in QUESTIONS
                and not AND_ANOTHER.match(piece.text)  # «add that. and the X in red»: two
            ):
                merged[-1] = Request(
                    f"{merged[-1].text}, {piece.text}", piece.act, piece.confidence
                )
            else:
                merged.append(piece)
        if len(merged) <= 1:
            return [Request(message.strip(), whole.act, whole.confidence, whole.runner_up)]
        # «fair, I'll keep it at 2 for now. checkout»: the checkout stands however unsure the rest
        paying = merged[-1].act == "checkout" and CHECKOUT_PART.match(merged[-1].text)
        if min(r.confidence for r in merged) < SPLIT_CONFIDENCE and not paying:
            return [Request(message.strip(), whole.act, whole.confidence, whole.runner_up)]
        return merged
