"""Intent classification by nearest examples, embedded with the same packaged model as search.

Each intent in `data/intents.yaml` has examples and a few cue patterns. The nearest examples
vote (weighted by similarity); an intent whose cue matches the message gets a fixed bonus on top,
because short commands ("make it 3", "send it back") sit close together in embedding space
while their verbs tell them apart.
"""

from __future__ import annotations

import re
from importlib import resources

import numpy as np
import yaml
from langchain_core.embeddings import Embeddings
from pydantic import BaseModel

EXAMPLES_FILE = "intents.yaml"
HELDOUT_FILE = "intents_heldout.yaml"
NEIGHBOURS = 5
CUE_BONUS = 1.0  # in units of the vote share (0..1); chosen by leave-one-out on the examples


class IntentGuess(BaseModel):
    """The winning intent, how close its nearest example is, and the runner-up."""

    intent: str
    confidence: float
    runner_up: str | None = None
    margin: float = 0.0
    cued: list[str] = []  # intents whose cue patterns matched the message


class IntentSpec(BaseModel):
    """One intent's cue patterns and example utterances."""

    cues: list[str] = []
    examples: list[str]


def load_examples(name: str = EXAMPLES_FILE) -> dict[str, IntentSpec]:
    """Intent -> cues and examples, from the package's data file."""
    text = resources.files("assistant").joinpath("data", name).read_text(encoding="utf-8")
    return {
        intent: IntentSpec.model_validate(spec) for intent, spec in yaml.safe_load(text).items()
    }


def load_heldout() -> list[tuple[str, str]]:
    """(intent, utterance) pairs kept apart from tuning."""
    text = resources.files("assistant").joinpath("data", HELDOUT_FILE).read_text(encoding="utf-8")
    return [(str(intent), str(utterance)) for intent, utterance in yaml.safe_load(text)]


class IntentClassifier:
    """k-nearest-example vote over normalised embeddings (cosine similarity)."""

    def __init__(
        self,
        embedder: Embeddings,
        specs: dict[str, IntentSpec] | None = None,
        neighbours: int = NEIGHBOURS,
        cue_bonus: float = CUE_BONUS,
    ) -> None:
        self.embedder = embedder
        self.neighbours = neighbours
        self.cue_bonus = cue_bonus
        specs = specs or load_examples()
        self.cues = {
            intent: [re.compile(cue, re.I) for cue in spec.cues] for intent, spec in specs.items()
        }
        self.labels = [intent for intent, spec in specs.items() for _ in spec.examples]
        texts = [text for spec in specs.values() for text in spec.examples]
        self.matrix = np.asarray(embedder.embed_documents(texts), dtype=np.float32)

    def classify(self, text: str) -> IntentGuess:
        """Similarity-weighted vote of the nearest examples, plus the cue bonus."""
        query = np.asarray(self.embedder.embed_query(text), dtype=np.float32)
        similarities = self.matrix @ query
        nearest = np.argsort(-similarities)[: self.neighbours]
        votes: dict[str, float] = {}
        for position in nearest:
            votes[self.labels[position]] = votes.get(self.labels[position], 0.0) + max(
                float(similarities[position]), 0.0
            )
        total = sum(votes.values()) or 1.0
        scores = {intent: vote / total for intent, vote in votes.items()}
        cued = [
            intent
            for intent, patterns in self.cues.items()
            if any(pattern.search(text) for pattern in patterns)
        ]
        for intent in cued:
            scores[intent] = scores.get(intent, 0.0) + self.cue_bonus
        ranked = sorted(scores, key=lambda intent: -scores[intent])
        best = ranked[0]
        confidence = max(
            [float(similarities[p]) for p in nearest if self.labels[p] == best] or [0.0]
        )
        runner_up = ranked[1] if len(ranked) > 1 else None
        return IntentGuess(
            intent=best,
            confidence=round(confidence, 4),
            runner_up=runner_up,
            margin=round(scores[best] - scores.get(runner_up, 0.0), 4),
            cued=cued,
        )
