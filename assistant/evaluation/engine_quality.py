"""Figures of the conversation engine in rule mode: intent accuracy on held-apart utterances,
answerable/unanswerable accuracy on SubjQA, unsupported-figure rate, and turn latency."""

from __future__ import annotations

import random
import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings

from assistant.catalogue import Catalogue
from assistant.dialogue import DialogueState, PendingCheckout
from assistant.evaluation.datasets import load_subjqa
from assistant.evaluation.metrics import mean, recall_at_k
from assistant.index import CatalogueIndex
from assistant.intents import IntentClassifier, load_heldout
from assistant.planner import RulePlanner
from assistant.retrieval import Retriever
from assistant.services import build_services
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


def intent_accuracy(
    embedder: Embeddings,
    catalogue: Catalogue,
    retriever: Retriever,
) -> dict[str, Any]:
    """Accuracy of the planner's intent on utterances never used for tuning."""
    planner = RulePlanner(IntentClassifier(embedder), catalogue, retriever.vocabulary)
    pending = PendingCheckout(checkout_id="CHK-0", total_minor=1, currency="USD", cart_version=1)
    errors: list[dict[str, str]] = []
    items = load_heldout()
    for label, utterance in items:
        # "yes"/"no" only mean confirm/decline while a summary is waiting for an answer.
        state = DialogueState(
            session_id="eval",
            shopper_id="eval",
            pending_checkout=pending if label in {"confirm", "decline"} else None,
            shown=list(catalogue.products)[:3],
        )
        predicted = planner.plan(state, utterance).intent
        if predicted != label:
            errors.append({"utterance": utterance, "expected": label, "got": predicted})
    return {
        "utterances": len(items),
        "accuracy": round(1 - len(errors) / len(items), 4),
        "errors": errors,
    }


def _answerability(retriever: Retriever, questions: list[Any]) -> list[tuple[float, bool]]:
    scores = []
    for question in questions:
        evidence = retriever.review_evidence(question.product_id, question.question, k=1)
        best = max((item.similarity or 0.0) for item in evidence) if evidence else 0.0
        scores.append((best, question.answer is not None))
    return scores


def _subjqa_retriever(
    settings: Settings, embedder: Embeddings, catalogue: Catalogue, folder: str
) -> Retriever:
    index_settings = settings.model_copy(update={"index_dir": Path(folder), "chroma_url": None})
    index = CatalogueIndex(index_settings, embedder)
    index.sync(catalogue, progress=False)
    return Retriever(catalogue, index, embedder, max_query_chars=10_000)


def answerable_accuracy(
    settings: Settings, embedder: Embeddings, limit: int | None = 300
) -> dict[str, Any]:
    """Tell answerable from unanswerable SubjQA questions by the best evidence's similarity:
    the threshold is chosen on dev, the accuracy reported on test; recall@5 on test too."""
    figures: dict[str, Any] = {}
    threshold = 0.0
    for split in ("dev", "test"):
        questions, catalogue = load_subjqa(settings.shared_data_dir, split)
        if limit and limit < len(questions):
            questions = random.Random(SEED).sample(questions, limit)
        asked = {q.product_id for q in questions}
        catalogue = Catalogue(
            [p for pid, p in catalogue.products.items() if pid in asked],
            [r for r in catalogue.reviews.values() if r.product_id in asked],
        )
        with tempfile.TemporaryDirectory(prefix=f"subjqa-{split}-") as folder:
            retriever = _subjqa_retriever(settings, embedder, catalogue, folder)
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


def grounding_and_latency(settings: Settings, embedder: Embeddings) -> dict[str, Any]:
    """Run the fixed script in rule mode: unsupported-figure share and turn latency."""
    from assistant.assistant import Assistant

    with tempfile.TemporaryDirectory(prefix="engine-eval-") as folder:
        run_settings = settings.model_copy(update={"data_dir": Path(folder)})
        services = build_services(run_settings, embedder=embedder)
        bot = Assistant.from_settings(run_settings, services=services)
        bot.chat("warm-up", "yoga mat")
        session = f"eval-{uuid.uuid4().hex[:8]}"
        times, unsupported, raw, llm_turns = [], 0, 0, 0
        for message in SCRIPT:
            started = time.perf_counter()
            reply = bot.chat(session, message)
            times.append((time.perf_counter() - started) * 1000)
            grounding = reply.grounding or {}
            unsupported += bool(grounding.get("unsupported"))
            if "raw_unsupported" in grounding:  # the model wrote text this turn
                llm_turns += 1
                raw += bool(grounding.get("raw_unsupported"))
        figures: dict[str, Any] = {
            "planner": settings.llm_backend,
            "turns": len(SCRIPT),
            "unsupported_share_after_check": round(unsupported / len(SCRIPT), 4),
        }
        if bot.llm_planner is not None:
            figures.update(
                {
                    "llm_turns": llm_turns,
                    "raw_unsupported_share_of_llm_turns": round(raw / llm_turns, 4)
                    if llm_turns
                    else None,
                    "time_to_first_token_ms": _first_token_ms(bot),
                }
            )
        bot.store.dispose()
    ordered = sorted(times)
    return {
        **figures,
        "latency_p50_ms": round(statistics.median(ordered), 1),
        "latency_p95_ms": round(ordered[max(0, round(0.95 * len(ordered)) - 1)], 1),
    }


def _first_token_ms(bot: Any) -> float:
    """Milliseconds until the first streamed token of a short answer (median of 5)."""
    model = bot.llm_planner.model
    samples = []
    for _ in range(5):
        started = time.perf_counter()
        for _chunk in model.stream("Name one thing a shop sells."):
            samples.append((time.perf_counter() - started) * 1000)
            break
    return round(statistics.median(samples), 1)
