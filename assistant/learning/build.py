"""`shopassist train`: build the evidence models from the train splits under SHARED_DATA_DIR,
check them on dev, and write them with a manifest. Seeded, so a rebuild gives the same models."""

from __future__ import annotations

import hashlib
import logging
import random
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from langchain_core.embeddings import Embeddings
from tqdm import tqdm

from assistant.evaluation.datasets import DatasetMissing, ReviewQuestion, load_subjqa
from assistant.evaluation.metrics import mean, recall_at_k
from assistant.evaluation.retrieval_quality import asked_catalogue, subjqa_retriever
from assistant.learning.answerability import feature_rows, fit_answerability
from assistant.learning.pairs import hetpqa_pairs, subjqa_pairs
from assistant.learning.reranker import RerankerRecipe, train_reranker
from assistant.search.artefacts import (
    ANSWERABILITY_FILE,
    FORMAT_VERSION,
    RERANKER_FOLDER,
    EvidenceModels,
    evidence_dir,
    read_manifest,
    write_manifest,
)
from assistant.search.embedding_cache import CachedEmbedder
from assistant.search.embeddings import packaged_model_path
from assistant.search.reranker import CrossEncoderReranker
from assistant.settings import Settings

log = logging.getLogger(__name__)

What = Literal["reranker", "answerability", "all"]  # all = reranker
DATA_FILES = (
    *(f"subjqa_products/{d}/{s}.csv" for d in ("electronics", "grocery") for s in ("train", "dev")),
    "amazon_contextual_pqa/hetPQA/answer_generation/train.csv",
)


@dataclass(frozen=True)
class TrainOptions:
    """What a training run does beyond the reranker recipe."""

    recipe: RerankerRecipe = field(default_factory=RerankerRecipe)
    hetpqa_questions: int = 1000  # of 3,693; more costs minutes on 2 cores for little gain
    classifier_questions: int | None = None  # of the classifier's half of SubjQA train; None: all
    max_pairs: int | None = None  # a seeded sample of the reranker's pairs (quick checks)
    progress: bool = True


def product_half(product_id: str) -> str:
    """Which half of SubjQA train a product's questions serve: the reranker learns from one,
    the classifier from the other, so it never sees reranker scores on pairs it was fit on."""
    return "reranker" if hashlib.sha1(product_id.encode()).digest()[0] % 2 == 0 else "classifier"


def data_fingerprint(data_dir: Path) -> dict[str, str]:
    """sha256 of every data file the models are trained or checked on."""
    fingerprint = {}
    for name in DATA_FILES:
        path = Path(data_dir) / name
        if not path.is_file():
            raise DatasetMissing(f"{path} is missing; training needs SHARED_DATA_DIR")
        fingerprint[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return fingerprint


def cached(settings: Settings, embedder: Embeddings) -> Embeddings:
    """The embedder behind the on-disk cache of data-set vectors under MODELS_DIR."""
    if isinstance(embedder, CachedEmbedder):
        return embedder
    return CachedEmbedder(embedder, Path(settings.models_dir) / "cache" / "embeddings.sqlite3")


def _recall(retriever: Any, questions: list[ReviewQuestion], label: str, progress: bool) -> dict:
    hits: dict[int, list[float]] = {1: [], 5: []}
    for question in tqdm(questions, desc=label, unit="question", disable=not progress):
        ranked = [
            e.review_id
            for e in retriever.review_evidence(question.product_id, question.question, k=5)
        ]
        for k in hits:
            hits[k].append(recall_at_k(ranked, {question.review_id}, k))
    return {f"recall@{k}": round(mean(values), 4) for k, values in hits.items()}


def _train_reranker(settings: Settings, folder: Path, options: TrainOptions) -> dict[str, Any]:
    """Train into a scratch folder and move it in place; the pairs and time it took."""
    rng = random.Random(options.recipe.seed)
    questions, catalogue = load_subjqa(settings.shared_data_dir, "train")
    half = [q for q in questions if product_half(q.product_id) == "reranker"]
    pairs = subjqa_pairs(half, catalogue, rng)
    pairs += hetpqa_pairs(settings.shared_data_dir, rng, limit=options.hetpqa_questions)
    if options.max_pairs is not None and options.max_pairs < len(pairs):
        pairs = rng.sample(pairs, options.max_pairs)
    started = time.perf_counter()
    scratch = folder / f"{RERANKER_FOLDER}.building"
    shutil.rmtree(scratch, ignore_errors=True)
    train_reranker(pairs, packaged_model_path(), scratch, options.recipe, options.progress)
    shutil.rmtree(folder / RERANKER_FOLDER, ignore_errors=True)
    scratch.rename(folder / RERANKER_FOLDER)
    return {
        "recipe": asdict(options.recipe),
        "pairs": len(pairs),
        "positive_pairs": sum(1 for pair in pairs if pair.label > 0),
        "seconds": round(time.perf_counter() - started, 1),
    }


def train_evidence_models(
    settings: Settings,
    embedder: Embeddings,
    what: What = "reranker",
    options: TrainOptions | None = None,
) -> dict[str, Any]:
    """`reranker`: train the cross-encoder, check it against the untrained ranking on held-out
    train products, then fit the classifier on top of whichever won. `answerability`: fit
    the classifier only, re-checking a reranker already built. Writes the manifest
    last and returns it."""
    options = options or TrainOptions()
    fingerprint = data_fingerprint(settings.shared_data_dir)
    folder = evidence_dir(settings.models_dir)
    folder.mkdir(parents=True, exist_ok=True)
    old = read_manifest(folder) or {}
    (folder / "manifest.json").unlink(missing_ok=True)  # half-built until written again
    embedder = cached(settings, embedder)
    manifest: dict[str, Any] = {"data": fingerprint, "reranker": {"built": False, "used": False}}
    if what in ("reranker", "all"):
        manifest["reranker"] = {"built": True, **_train_reranker(settings, folder, options)}
    elif (folder / RERANKER_FOLDER).is_dir():  # moved in place only once fully trained
        manifest["reranker"] = old.get("reranker") or {"built": True, "recipe": "not recorded"}
    questions, catalogue = _held_out(settings, options)
    models = EvidenceModels()
    with tempfile.TemporaryDirectory(prefix="train-held-out-") as scratch:
        retriever = subjqa_retriever(
            settings, embedder, catalogue, scratch, models, options.progress
        )
        if manifest["reranker"]["built"]:
            models = _check_reranker(retriever, questions, folder, manifest, options.progress)
        retriever.reviews.models = models
        train = feature_rows(retriever, questions, options.progress, "answerability, train")
    dev_questions, dev_catalogue = load_subjqa(settings.shared_data_dir, "dev")
    with tempfile.TemporaryDirectory(prefix="train-dev-") as scratch:
        retriever = subjqa_retriever(settings, embedder, dev_catalogue, scratch, models)
        dev = feature_rows(retriever, dev_questions, options.progress, "answerability, dev")
    model, figures = fit_answerability(train, dev, models.reranker is not None, options.recipe.seed)
    model.save(folder / ANSWERABILITY_FILE)
    manifest["answerability"] = {
        **figures,
        "uses_reranker": models.reranker is not None,
        "embedder": getattr(embedder, "name", ""),
    }
    write_manifest(folder, manifest)
    return {"format": FORMAT_VERSION, **manifest}


def _held_out(settings: Settings, options: TrainOptions) -> tuple[list[ReviewQuestion], Any]:
    """SubjQA train questions of the products the reranker never learns from (a seeded
    sample), with those products' reviews. SubjQA dev cannot play this part: nearly all its
    products, reviews and questions are also in train."""
    questions, catalogue = load_subjqa(settings.shared_data_dir, "train")
    half = [q for q in questions if product_half(q.product_id) == "classifier"]
    if options.classifier_questions and options.classifier_questions < len(half):
        half = random.Random(options.recipe.seed).sample(half, options.classifier_questions)
    return half, asked_catalogue(catalogue, half)


def _check_reranker(
    retriever: Any,
    questions: list[ReviewQuestion],
    folder: Path,
    manifest: dict[str, Any],
    progress: bool,
) -> EvidenceModels:
    """Recall with and without the reranker on held-out questions; the models that won."""
    answerable = [q for q in questions if q.answer]
    untrained = _recall(retriever, answerable, "held out, untrained", progress)
    reranker = CrossEncoderReranker(folder / RERANKER_FOLDER)
    retriever.reviews.models = EvidenceModels(reranker=reranker)
    trained = _recall(retriever, answerable, "held out, reranked", progress)
    used = trained["recall@1"] + trained["recall@5"] > untrained["recall@1"] + untrained["recall@5"]
    manifest["reranker"] |= {
        "held_out_questions": len(answerable),
        "held_out_untrained": untrained,
        "held_out_trained": trained,
        "used": used,
    }
    if not used:
        log.warning("the trained reranker did not beat the untrained ranking; it is not used")
    return EvidenceModels(reranker=reranker if used else None)


def evidence_models_built(settings: Settings) -> bool:
    """Whether a finished, current build is in MODELS_DIR."""
    manifest = read_manifest(evidence_dir(settings.models_dir))
    return manifest is not None and manifest.get("format") == FORMAT_VERSION


def describe(manifest: dict[str, Any], settings: Settings) -> str:
    """What a training run built and how it did, for the terminal."""
    reranker, answerability = manifest["reranker"], manifest["answerability"]
    lines = [f"evidence models in {evidence_dir(settings.models_dir)}"]
    if reranker.get("built"):
        before, after = reranker["held_out_untrained"], reranker["held_out_trained"]
        verdict = (
            "in use" if reranker["used"] else "NOT used: it did not beat the untrained ranking"
        )
        lines.append(
            f"reranker: {reranker.get('pairs', '?')} pairs, {reranker.get('seconds', '?')} s; "
            f"recall@1/@5 on "
            f"{reranker['held_out_questions']} held-out train questions "
            f"{after['recall@1']:.3f}/{after['recall@5']:.3f} against "
            f"{before['recall@1']:.3f}/{before['recall@5']:.3f} untrained: {verdict}"
        )
    else:
        lines.append("reranker: not built (`shopassist train reranker` builds it)")
    lines.append(
        f"answerability: threshold {answerability['threshold']}, SubjQA dev accuracy "
        f"{answerability['dev_accuracy']:.3f} (always the majority answer: "
        f"{answerability['dev_majority_accuracy']:.3f})"
    )
    return "\n".join(lines)
