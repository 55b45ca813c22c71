"""Figures of the conversation engine: intent accuracy on held-apart utterances, and the fixed
shopper script the latency suite plays."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from langchain_core.embeddings import Embeddings

from assistant.conversation.understanding.acts import (
    ActClassifier,
    DialogueContext,
)
from assistant.conversation.understanding.acts import (
    load_heldout as load_act_heldout,
)

SEED = 29
# A fixed script of shopper turns on the demo catalogue, for grounding and latency.
SCRIPT = [
    "noise cancelling headphones under $100",
    "tell me more about the second one",
    "what do reviews say about the battery",
    "compare the first two",
    "headlamp",
    "add the first one",
    "what's in my cart",
    "make it 2",
    "checkout",
    "yes",
    "where is my order",
    "what's the cheapest kettle",
    "how many yoga mats do you have",
    "do you sell lawn mowers",
    "a gift for a runner under $50",
    "card game",
    "add 2 of the third one",
    "checkout",
    "no",
    "trail running shoes in size 10",
    "what do people think of the first one",
    "are the reviews real",
    "rain jacket",
    "how long does delivery take for the second one",
    "most expensive item in kitchen",
    "help",
    "can you diagnose my rash",
    "cast iron skillet",
    "compare the first and third",
    "remove everything",
]


def act_accuracy(embedder: Embeddings, cache_dir: Path | None = None) -> dict[str, Any]:
    """The act classifier on utterances never used to train or tune it: the held-out set
    written for it (each with its context, acts in order) and the older intent held-out set."""
    classifier = ActClassifier(embedder, cache_dir=cache_dir)
    errors: list[dict[str, Any]] = []
    items = load_act_heldout()
    for item in items:
        got = [request.act for request in classifier.classify(item.text, item.context)]
        if got != item.acts:
            errors.append({"utterance": item.text, "expected": item.acts, "got": got})
    old_errors = 0
    old = load_intent_heldout()
    for label, utterance in old:
        # "yes"/"no" only mean confirm/decline while a summary is waiting for an answer.
        context = DialogueContext(shown=True, pending_checkout=label in {"confirm", "decline"})
        got = [request.act for request in classifier.classify(utterance, context)]
        old_errors += got != [label]
    return {
        "utterances": len(items),
        "accuracy": round(1 - len(errors) / len(items), 4),
        "errors": errors,
        "old_intent_utterances": len(old),
        "old_intent_accuracy": round(1 - old_errors / len(old), 4),
    }


def load_intent_heldout() -> list[tuple[str, str]]:
    """(intent, utterance) pairs of the older held-apart intent set."""
    text = resources.files("assistant").joinpath("data", "intents_heldout.yaml").read_text("utf-8")
    return [(str(intent), str(utterance)) for intent, utterance in yaml.safe_load(text)]
