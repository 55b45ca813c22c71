"""Figures of the conversation engine: intent accuracy on held-apart utterances, SubjQA
answerable/unanswerable accuracy, and the fixed shopper script the latency suite plays."""

from __future__ import annotations

import tempfile
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
from assistant.evaluation.datasets import load_subjqa
from assistant.evaluation.metrics import mean, recall_at_k
from assistant.evaluation.retrieval_quality import asked_catalogue, sample, subjqa_retriever
from assistant.search.retrieval import Retriever
from assistant.settings import Settings

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


def _answerability(retriever: Retriever, questions: list[Any]) -> list[tuple[float, bool]]:
    scores = []
    for question in questions:
        evidence = retriever.review_evidence(question.product_id, question.question, k=1)
        best = max((item.similarity or 0.0) for item in evidence) if evidence else 0.0
        scores.append((best, question.answer is not None))
    return scores


def answerable_accuracy(
    settings: Settings, embedder: Embeddings, limit: int | None = 300
) -> dict[str, Any]:
    """Tell answerable from unanswerable SubjQA questions by the best evidence's similarity:
    the threshold is chosen on dev, the accuracy reported on test; recall@5 on test too."""
    figures: dict[str, Any] = {}
    threshold = 0.0
    for split in ("dev", "test"):
        questions, catalogue = load_subjqa(settings.shared_data_dir, split)
        questions = sample(questions, limit or None, SEED)
        catalogue = asked_catalogue(catalogue, questions)
        with tempfile.TemporaryDirectory(prefix=f"subjqa-{split}-") as folder:
            retriever = subjqa_retriever(settings, embedder, catalogue, folder)
            scores = _answerability(retriever, questions)
            if split == "dev":
                candidates = sorted({round(score, 3) for score, _ in scores})
                threshold = max(
                    candidates,
                    key=lambda t: sum((score >= t) == answerable for score, answerable in scores),
                )
                figures["threshold_from_dev"] = threshold
                continue
            correct = [(score >= threshold) == answerable for score, answerable in scores]
            recalls = [
                recall_at_k(
                    [e.review_id for e in retriever.review_evidence(q.product_id, q.question, k=5)],
                    {q.review_id},
                    5,
                )
                for q in questions
                if q.answer is not None
            ]
            figures.update(
                {
                    "split": "test",
                    "questions": len(questions),
                    "answerable_share": round(mean([float(a) for _, a in scores]), 4),
                    "answerable_accuracy": round(mean([float(c) for c in correct]), 4),
                    "evidence_recall@5": round(mean(recalls), 4),
                }
            )
    return figures
