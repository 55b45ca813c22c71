"""Training pieces without the real model: pairs, the answerability classifier and its
threshold, the artefact manifest, and the embedding cache."""

from __future__ import annotations

import json
import random

import numpy as np
import pytest

from assistant.catalogue.models import Catalogue, Product, Review, Seller, Variant
from assistant.evaluation.datasets import DatasetMissing, ReviewQuestion
from assistant.learning.answerability import best_threshold, fit_answerability
from assistant.learning.build import data_fingerprint, describe, product_half
from assistant.learning.pairs import answer_sentences, hetpqa_pairs, subjqa_pairs
from assistant.search.answerability import AnswerabilityModel
from assistant.search.artefacts import (
    ANSWERABILITY_FILE,
    FORMAT_VERSION,
    evidence_dir,
    load_evidence_models,
    write_manifest,
)
from assistant.search.embedding_cache import CachedEmbedder
from assistant.search.evidence import FEATURES
from assistant.settings import Settings
from assistant.testing.fakes import FakeEmbedder


def _catalogue() -> Catalogue:
    seller = Seller(id="s", name="S", vetting="vetted")
    product = Product(
        id="P",
        title="Phone",
        category="x",
        seller=seller,
        variants=[Variant(id="v", price_minor=1, stock=1)],
    )
    reviews = [
        Review(
            id="R1", product_id="P", text="Nice box. The battery lasts two days. Screen is dim."
        ),
        Review(id="R2", product_id="P", text="Cheap plastic. Fast delivery."),
    ]
    return Catalogue([product], reviews)


def test_answer_sentences_are_those_holding_the_span():
    sentences = ["Nice box.", "The battery lasts two days.", "Screen is dim."]
    assert answer_sentences(sentences, "battery lasts two days") == [1]
    assert answer_sentences(sentences, "unrelated words here") == []


def test_subjqa_pairs_have_an_answering_positive_and_hard_negatives():
    questions = [
        ReviewQuestion("How is the battery?", "P", "R1", "battery lasts two days"),
        ReviewQuestion("How is the box?", "P", "R2", None),
    ]
    pairs = subjqa_pairs(questions, _catalogue(), random.Random(1))
    positives = [p for p in pairs if p.label == 1.0]
    assert [p.passage for p in positives] == ["The battery lasts two days."]
    sources = {p.source for p in pairs}
    assert {"subjqa", "subjqa-same-review", "subjqa-other-review", "subjqa-none"} <= sources
    assert all(p.passage != "The battery lasts two days." for p in pairs if p.label == 0.0)


def test_hetpqa_pairs_take_negatives_from_the_same_product(tmp_path):
    folder = tmp_path / "amazon_contextual_pqa/hetPQA/answer_generation"
    folder.mkdir(parents=True)
    rows = [
        "ASIN\tquestion\tcandidate\tanswer\tsource",
        "A1\tis it wood?\tmade of oak wood.\tyes\tDesc",
        "A1\thow big?\t30 cm wide.\t30 cm\tDesc",
    ]
    (folder / "train.csv").write_text("\n".join(rows) + "\n")
    pairs = hetpqa_pairs(tmp_path, random.Random(3))
    assert [(p.question, p.passage, p.label) for p in pairs] == [
        ("is it wood?", "made of oak wood.", 1.0),
        ("is it wood?", "30 cm wide.", 0.0),
        ("how big?", "30 cm wide.", 1.0),
        ("how big?", "made of oak wood.", 0.0),
    ]
    with pytest.raises(DatasetMissing):
        hetpqa_pairs(tmp_path / "nowhere", random.Random(3))


def test_products_are_split_in_two_stable_halves():
    halves = [product_half(f"B{n:05d}") for n in range(400)]
    assert halves == [product_half(f"B{n:05d}") for n in range(400)]
    assert 150 < halves.count("reranker") < 250


def test_fingerprint_needs_the_data(tmp_path):
    with pytest.raises(DatasetMissing, match="SHARED_DATA_DIR"):
        data_fingerprint(tmp_path)


def test_describe_a_reranker_whose_recipe_was_not_recorded(tmp_path):
    checked = {"recall@1": 0.5, "recall@5": 0.8}
    manifest = {
        "reranker": {
            "built": True,
            "recipe": "not recorded",
            "held_out_questions": 10,
            "held_out_untrained": checked,
            "held_out_trained": {"recall@1": 0.4, "recall@5": 0.7},
            "used": False,
        },
        "answerability": {"threshold": 0.5, "dev_accuracy": 0.8, "dev_majority_accuracy": 0.6},
    }
    text = describe(manifest, Settings(models_dir=tmp_path))
    assert "? pairs" in text and "0.400/0.700 against 0.500/0.800" in text and "NOT used" in text


def test_best_threshold_by_hand():
    threshold, accuracy = best_threshold([0.1, 0.4, 0.6, 0.9], [False, False, True, True])
    assert accuracy == 1.0 and 0.4 < threshold <= 0.6


def _separable(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    labels = rng.random(n) < 0.5
    features = rng.normal(size=(n, len(FEATURES))) + labels[:, None] * 2.0
    return features, labels


def test_the_classifier_learns_and_is_calibrated(tmp_path):
    model, figures = fit_answerability(_separable(400, 1), _separable(200, 2), False, seed=1)
    assert figures["dev_accuracy"] > 0.9 > figures["dev_majority_accuracy"]
    high = dict(zip(FEATURES, np.full(len(FEATURES), 3.0), strict=True))
    low = dict(zip(FEATURES, np.full(len(FEATURES), -1.0), strict=True))
    assert model.judge(high).answerable and not model.judge(low).answerable
    assert 0.0 <= model.probability(low) < 0.5 < model.probability(high) <= 1.0
    model.save(tmp_path / "m.joblib")
    again = AnswerabilityModel.load(tmp_path / "m.joblib")
    assert again.probability(high) == pytest.approx(model.probability(high))


def test_no_build_means_the_untrained_path(tmp_path):
    models = load_evidence_models(tmp_path, "fake")
    assert not models.trained and "untrained" in models.note


def test_an_outdated_or_foreign_build_is_not_used(tmp_path, caplog):
    folder = evidence_dir(tmp_path)
    model, _ = fit_answerability(_separable(100, 1), _separable(50, 2), False, seed=1)
    model.save(folder / ANSWERABILITY_FILE)
    write_manifest(folder, {"reranker": {"used": False}, "answerability": {"embedder": "fake"}})
    assert load_evidence_models(tmp_path, "fake").answerability is not None
    assert load_evidence_models(tmp_path, "fake", enabled=False).answerability is None
    assert load_evidence_models(tmp_path, "other-model").answerability is None
    manifest = json.loads((folder / "manifest.json").read_text())
    (folder / "manifest.json").write_text(json.dumps(manifest | {"format": FORMAT_VERSION - 1}))
    assert not load_evidence_models(tmp_path, "fake").trained
    assert "outdated" in caplog.text


def test_a_reranker_that_lost_on_dev_is_not_loaded(tmp_path):
    folder = evidence_dir(tmp_path)
    write_manifest(folder, {"reranker": {"used": False}, "answerability": {}})
    models = load_evidence_models(tmp_path, "fake")
    assert models.reranker is None


class CountingEmbedder(FakeEmbedder):
    def __init__(self) -> None:
        super().__init__()
        self.embedded: list[str] = []

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.embedded += texts
        return super().embed_documents(texts)


def test_the_embedding_cache_embeds_each_text_once(tmp_path):
    inner = CountingEmbedder()
    cache = CachedEmbedder(inner, tmp_path / "cache.sqlite3")
    first = cache.embed_documents(["a b", "c d", "a b"])
    assert inner.embedded == ["a b", "c d"]
    again = CachedEmbedder(CountingEmbedder(), tmp_path / "cache.sqlite3")
    assert np.allclose(again.embed_documents(["c d", "a b"]), [first[1], first[0]])
    assert again.embedder.embedded == []
    assert np.allclose(cache.embed_query("a b"), inner.embed_query("a b"))
