"""The review and evidence suites: the product's own pipeline (trained models when built)
beside plain MiniLM cosine and BM25 in the same run. Nothing here ranks or answers by itself:
every figure comes from `Retriever.review_evidence*`, `answer_about_reviews` or `rank_texts`."""

from __future__ import annotations

import tempfile
import time
from typing import Any

from assistant.evaluation.ceilings import answerable_ceiling, recall_ceiling
from assistant.evaluation.datasets import ReviewQuestion, load_hetpqa, load_subjqa
from assistant.evaluation.metrics import mean, percentile, recall_at_k, token_f1
from assistant.evaluation.retrieval_quality import (
    MODES,
    asked_catalogue,
    epqa_ranking,
    evidence_scores,
    sample,
    subjqa_recall,
    subjqa_retriever,
)
from assistant.search.artefacts import EvidenceModels, load_evidence_models
from assistant.search.retrieval import Retriever
from assistant.search.review_evidence import Mode, quoted_span
from assistant.search.reviews import answer_about_reviews
from assistant.search.spans import answer_span

RECALL_KS = (1, 2, 3, 5, 10)
# (name in the report, retrieval mode, models): the pipeline, and what it is measured against.
SYSTEMS: tuple[tuple[str, Mode], ...] = (
    ("pipeline", "hybrid"),
    ("minilm", "dense"),
    ("bm25", "lexical"),
)
DEMO_QUESTIONS = (
    "how long does the battery last?",
    "is it comfortable?",
    "does it feel well made?",
    "is it worth the price?",
)


def evidence_models(context: Any) -> EvidenceModels:
    """The trained evidence models: the answerability classifier is built on first use when
    SHARED_DATA_DIR allows (minutes, with progress bars); the reranker only by `shopassist
    train reranker` (it lost to the untrained ranking here, see the README). None with
    EVIDENCE_MODELS=off."""
    cached = getattr(context, "evidence", None)
    if cached is not None:
        return cached
    settings = context.settings
    name = getattr(context.embedder, "name", type(context.embedder).__name__)
    if settings.evidence_models == "off":
        models = EvidenceModels(note="untrained ranking (EVIDENCE_MODELS=off)")
    else:
        from assistant.learning.build import evidence_models_built, train_evidence_models

        if not evidence_models_built(settings):  # the classifier; the reranker is `make train`
            train_evidence_models(settings, context.embedder, "answerability")
        models = load_evidence_models(settings.models_dir, name)
    context.evidence = models
    return models


def _data_embedder(context: Any) -> Any:
    """The embedder behind the data-set vector cache, unless the models are off (tests)."""
    if context.settings.evidence_models == "off":
        return context.embedder
    from assistant.learning.build import cached

    return cached(context.settings, context.embedder)


def _reading_f1(retriever: Retriever, question: ReviewQuestion) -> float:
    """F1 of the span the pipeline quotes when the question's own review is all it reads
    (SubjQA's reading-comprehension setting)."""
    scored = retriever.reviews.rank_within(
        question.product_id, question.question, {question.review_id}
    )
    span = answer_span(question.question, scored[0].passage.text) if scored else ""
    return token_f1(span, question.answer or "")


def _subjqa_systems(retriever: Retriever, answerable: list[ReviewQuestion]) -> dict[str, float]:
    """Recall@k and end-to-end answer F1 of each system, and reading F1 of the pipeline."""
    metrics: dict[str, float] = {}
    for name, mode in SYSTEMS:
        recalls: dict[int, list[float]] = {k: [] for k in RECALL_KS}
        f1s = []
        for question in answerable:
            evidence, _ = retriever.review_evidence_ranked(
                question.product_id, question.question, k=max(RECALL_KS), mode=mode
            )
            ranked = [item.review_id for item in evidence]
            for k in RECALL_KS:
                recalls[k].append(recall_at_k(ranked, {question.review_id}, k))
            _, span = quoted_span(question.question, evidence, retriever.catalogue)
            f1s.append(token_f1(span, question.answer or ""))
        suffix = "" if name == "pipeline" else f"_{name}"
        metrics |= {f"recall@{k}{suffix}": round(mean(v), 4) for k, v in recalls.items()}
        metrics[f"answer_token_f1{suffix}"] = round(mean(f1s), 4)
    metrics |= {f"recall@{k}_ceiling": round(recall_ceiling(answerable, k), 4) for k in (1, 5)}
    metrics["answer_token_f1_given_review"] = round(
        mean([_reading_f1(retriever, question) for question in answerable]), 4
    )
    return metrics


def _answerability(context: Any, models: EvidenceModels) -> dict[str, Any]:
    """The chat's own verdict (`answer_about_reviews(...).answerable`) on every test question
    (or a sample of --limit), both kinds, beside always saying "unanswerable" and beside the
    best any verdict from product and question can score on the same questions."""
    questions, catalogue = load_subjqa(context.settings.shared_data_dir, "test")
    chosen = sample(questions, context.limit, 29)
    catalogue = asked_catalogue(catalogue, chosen)
    with tempfile.TemporaryDirectory(prefix="reviewqa-answerable-") as folder:
        retriever = subjqa_retriever(
            context.settings, _data_embedder(context), catalogue, folder, models
        )
        verdicts = [
            answer_about_reviews(retriever, catalogue, q.product_id, q.question).answerable
            for q in chosen
        ]
    share = mean([float(q.answer is not None) for q in chosen])
    figures: dict[str, Any] = {
        "answerable_share": round(share, 4),
        "answerable_questions": len(chosen),
        "answerable_accuracy_always_no": round(1 - share, 4),
        "answerable_accuracy_ceiling": round(answerable_ceiling(chosen), 4),
    }
    if all(verdict is not None for verdict in verdicts):
        correct = [v == (q.answer is not None) for v, q in zip(verdicts, chosen, strict=True)]
        figures["answerable_accuracy"] = round(mean([float(c) for c in correct]), 4)
    return figures


def _demo_latency(context: Any, models: EvidenceModels) -> dict[str, float]:
    """ms per review question on the demo catalogue: the pipeline against plain MiniLM."""
    from assistant.wiring import build_services

    services = build_services(context.settings, embedder=context.embedder)
    retriever = services.retriever
    retriever.reviews.models = models
    products = [pid for pid, reviews in services.catalogue.reviews_by_product.items() if reviews]
    asks = [(pid, q) for pid in products[: (context.limit or 15)] for q in DEMO_QUESTIONS]
    times: dict[str, list[float]] = {}
    for mode in ("dense", "hybrid"):
        retriever.review_evidence_ranked(asks[0][0], asks[0][1], mode=mode)  # warm caches
        times[mode] = []
        for pid, question in asks:
            started = time.perf_counter()
            retriever.review_evidence_ranked(pid, question, k=20, mode=mode)
            times[mode].append((time.perf_counter() - started) * 1000)
    return {
        "demo_ms_per_question_p50": round(percentile(times["hybrid"], 0.5), 2),
        "demo_ms_per_question_p95": round(percentile(times["hybrid"], 0.95), 2),
        "demo_ms_per_question_p50_minilm": round(percentile(times["dense"], 0.5), 2),
        "demo_ms_added_p50": round(
            percentile(times["hybrid"], 0.5) - percentile(times["dense"], 0.5), 2
        ),
    }


def reviewqa(context: Any) -> dict[str, Any]:
    """SubjQA test: evidence recall@k, answer token F1 against the human span (end to end over
    all the product's reviews, and given the question's own review), answerable accuracy;
    each beside plain MiniLM and BM25. Plus ms per question at demo size."""
    models = evidence_models(context)
    questions, catalogue = load_subjqa(context.settings.shared_data_dir, "test")
    answerable = sample([q for q in questions if q.answer], context.limit, context.seed)
    catalogue = asked_catalogue(catalogue, answerable)
    with tempfile.TemporaryDirectory(prefix="reviewqa-") as folder:
        retriever = subjqa_retriever(
            context.settings, _data_embedder(context), catalogue, folder, models
        )
        metrics = _subjqa_systems(retriever, answerable)
        by_domain = {
            domain: _subjqa_systems(retriever, [q for q in answerable if q.domain == domain])
            for domain in sorted({q.domain for q in answerable})
        }
    accuracy = _answerability(context, models)
    metrics |= {k: v for k, v in accuracy.items() if k.startswith("answerable_accuracy")}
    metrics |= _demo_latency(context, models)
    for domain, figures in by_domain.items():
        metrics[f"recall@5_{domain}"] = figures["recall@5"]
        metrics[f"recall@5_minilm_{domain}"] = figures["recall@5_minilm"]
    return {
        "dataset": "SubjQA (electronics, grocery)",
        "split": "test (thresholds and choices on dev)",
        "metrics": metrics,
        "details": {
            "questions": len(answerable),
            "reviews_indexed": len(catalogue.reviews),
            "evidence_models": models.note,
            "answerable_share": accuracy["answerable_share"],
            "answerable_questions": accuracy["answerable_questions"],
            "by_domain": by_domain,
        },
    }


def evidence(context: Any) -> dict[str, Any]:
    """ePQA and hetPQA dev: nDCG@5 and MRR of the pipeline's evidence ranking, beside plain
    MiniLM and BM25."""
    models = evidence_models(context)
    embedder = _data_embedder(context)
    epqa = epqa_ranking(context.settings, embedder, MODES, context.limit, "dev", models)
    het = sample(
        [q for q in load_hetpqa(context.settings.shared_data_dir) if any(q.labels)],
        context.limit,
        context.seed,
    )
    metrics: dict[str, float] = {}
    for name, mode in SYSTEMS:
        suffix = "" if name == "pipeline" else f"_{name}"
        het_ndcg, het_mrr = evidence_scores(het, embedder, mode, full_label=1, models=models)
        metrics |= {
            f"epqa_ndcg@5{suffix}": epqa[mode]["ndcg@5"],
            f"epqa_mrr{suffix}": epqa[mode]["mrr"],
            f"hetpqa_ndcg@5{suffix}": het_ndcg,
            f"hetpqa_mrr{suffix}": het_mrr,
        }
    return {
        "dataset": "ePQA, hetPQA (amazon_contextual_pqa)",
        "split": "dev (no test split here; never used for choices)",
        "metrics": metrics,
        "details": {
            "epqa_questions": epqa["questions"],
            "hetpqa_questions": len(het),
            "evidence_models": models.note,
        },
    }


def retrieval(context: Any) -> dict[str, Any]:
    """SubjQA recall and ePQA ranking for each retrieval mode side by side."""
    models = evidence_models(context)
    embedder = _data_embedder(context)
    subjqa = subjqa_recall(context.settings, embedder, MODES, context.limit, models=models)
    epqa = epqa_ranking(context.settings, embedder, MODES, context.limit, "dev", models)
    metrics = {}
    for mode in MODES:
        metrics[f"subjqa_recall@1_{mode}"] = subjqa[mode]["recall@1"]
        metrics[f"subjqa_recall@5_{mode}"] = subjqa[mode]["recall@5"]
        metrics[f"epqa_ndcg@5_{mode}"] = epqa[mode]["ndcg@5"]
        metrics[f"epqa_mrr_{mode}"] = epqa[mode]["mrr"]
    return {
        "dataset": "SubjQA, ePQA",
        "split": "SubjQA test, ePQA dev",
        "metrics": metrics,
        "details": {"subjqa_questions": subjqa["questions"], "epqa_questions": epqa["questions"]},
    }
