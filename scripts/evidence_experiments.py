"""Checks behind two choices in the review pipeline, on train/dev only: the answer span, and
the answerability classifier's features. Measurements; nothing here changes the pipeline.

Run: `nice python scripts/evidence_experiments.py spans` (600 SubjQA train questions, each
read against its own review: token F1 of candidate spans), `... consensus` (the quoted span
end to end: the leader's against the consensus of the first reviews, on train and dev) or
`... answerability` (the shipped
features against richer ones on SubjQA dev, and question TF-IDF in 5-fold cross-validation
grouped by product on 1,000 train questions). Vectors come from the data-set cache.
"""

from __future__ import annotations

import argparse
import random

import numpy as np

from assistant.evaluation.datasets import ReviewQuestion, load_subjqa
from assistant.evaluation.metrics import token_f1
from assistant.learning.answerability import best_threshold
from assistant.learning.build import cached, product_half
from assistant.search.embeddings import make_embedder
from assistant.search.evidence import FEATURES, SPREAD, question_features
from assistant.search.lexical import tokenize
from assistant.search.passages import split_sentences
from assistant.search.review_evidence import ReviewEvidenceFinder
from assistant.search.spans import answer_span, clauses, consensus_span
from assistant.settings import Settings

SEED = 13
EXTRA = ("passage_overlap", "top3_mean", "similarity_gap")
LEADER = tuple(name for name in FEATURES if name not in SPREAD)  # the features before SPREAD


def spans(settings: Settings) -> None:
    """Token F1 of each candidate span, given the question's own review."""
    embedder = cached(settings, make_embedder(settings))
    questions, catalogue = load_subjqa(settings.shared_data_dir, "train")
    asked = random.Random(SEED).sample([q for q in questions if q.answer], 600)
    finder = ReviewEvidenceFinder(catalogue, None, embedder)
    scores: dict[str, list[float]] = {
        k: [] for k in ("shipped", "passage", "closest sentence", "closest clause")
    }
    for question in asked:
        passage = finder.rank_within(question.product_id, question.question, {question.review_id})
        text = passage[0].passage.text
        vector = np.asarray(embedder.embed_query(question.question))
        sentences = split_sentences(text) or [text]
        closest = sentences[
            int(np.argmax(np.asarray(embedder.embed_documents(sentences)) @ vector))
        ]
        parts = clauses(closest) or [closest]
        clause = parts[int(np.argmax(np.asarray(embedder.embed_documents(parts)) @ vector))]
        gold = question.answer or ""
        scores["shipped"].append(token_f1(answer_span(question.question, text), gold))
        scores["passage"].append(token_f1(text, gold))
        scores["closest sentence"].append(token_f1(closest, gold))
        scores["closest clause"].append(token_f1(clause, gold))
    for name, values in scores.items():
        print(f"{name:18s} token F1 {np.mean(values):.3f} ({len(values)} questions)")


def _rows(settings: Settings, questions: list[ReviewQuestion], catalogue) -> list[dict]:
    """Shipped and extra features of each question, ranked over all its product's reviews."""
    finder = ReviewEvidenceFinder(catalogue, None, cached(settings, make_embedder(settings)))
    rows = []
    for question in questions:
        scored = finder.rank(question.product_id, question.question)
        features = question_features(scored)
        top, second = scored[0], scored[1] if len(scored) > 1 else None
        words = set(tokenize(question.question))
        features["passage_overlap"] = len(words & set(tokenize(top.passage.text))) / max(
            1, len(words)
        )
        features["top3_mean"] = float(
            np.mean([item.features["passage_similarity"] for item in scored[:3]])
        )
        runner_up = second.features["passage_similarity"] if second else 0.0
        features["similarity_gap"] = top.features["passage_similarity"] - runner_up
        rows.append({"features": features, "label": question.answer is not None, "q": question})
    return rows


def answerability(settings: Settings) -> None:
    """Dev accuracy of the shipped and richer feature sets; grouped CV with question TF-IDF."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    train_q, train_catalogue = load_subjqa(settings.shared_data_dir, "train")
    half = [q for q in train_q if product_half(q.product_id) == "classifier"]
    train = _rows(settings, random.Random(SEED).sample(half, 1000), train_catalogue)
    dev = _rows(settings, *load_subjqa(settings.shared_data_dir, "dev"))
    labels = np.array([row["label"] for row in train])
    dev_labels = np.array([row["label"] for row in dev])
    for names in (FEATURES, FEATURES + EXTRA):
        x = np.array([[row["features"][n] for n in names] for row in train])
        x_dev = np.array([[row["features"][n] for n in names] for row in dev])
        base = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
        model = CalibratedClassifierCV(base, method="sigmoid", cv=5).fit(x, labels)
        _, accuracy = best_threshold(model.predict_proba(x_dev)[:, 1], dev_labels)
        print(f"{len(names)} features: dev accuracy {accuracy:.3f}")
    numeric = StandardScaler().fit_transform(
        np.array([[row["features"][n] for n in FEATURES] for row in train])
    )
    texts = [row["q"].question for row in train]
    groups = [row["q"].product_id for row in train]
    for with_text in (False, True):
        accuracies = []
        for fit, held in GroupKFold(n_splits=5).split(numeric, labels, groups):
            x = csr_matrix(numeric)
            if with_text:
                tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
                tfidf.fit([texts[i] for i in fit])
                x = hstack([x, tfidf.transform(texts)]).tocsr()
            model = LogisticRegression(max_iter=3000).fit(x[fit], labels[fit])
            accuracies.append(float(np.mean(model.predict(x[held]) == labels[held])))
        label = "shipped features + question TF-IDF" if with_text else "shipped features"
        print(f"{label}: grouped 5-fold accuracy {np.mean(accuracies):.3f}")


def spread(settings: Settings) -> None:
    """Grouped 5-fold accuracy on every SubjQA train question: the leader's features against
    those + how widely the product's reviews match (SPREAD), the threshold chosen per fold on
    the fitted questions or on dev."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    from assistant.evaluation.ceilings import answerable_ceiling

    questions, catalogue = load_subjqa(settings.shared_data_dir, "train")
    rows = _rows(settings, questions, catalogue)
    labels = np.array([row["label"] for row in rows])
    groups = [row["q"].product_id for row in rows]
    print(f"{len(rows)} questions, always no {1 - labels.mean():.3f}, "
          f"ceiling {answerable_ceiling(questions):.3f}")  # fmt: skip
    dev = _rows(settings, *load_subjqa(settings.shared_data_dir, "dev"))
    dev_labels = np.array([row["label"] for row in dev])
    for name, names in (("leader", LEADER), ("leader + spread", FEATURES),
                        ("leader + spread + extra", FEATURES + EXTRA)):  # fmt: skip
        x = np.array([[row["features"][n] for n in names] for row in rows])
        x_dev = np.array([[row["features"][n] for n in names] for row in dev])
        accuracies: dict[str, list[float]] = {"fitted": [], "dev": []}
        for fit, held in GroupKFold(n_splits=5).split(x, labels, groups):
            base = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
            model = CalibratedClassifierCV(base, method="sigmoid", cv=5).fit(x[fit], labels[fit])
            thresholds = {
                "fitted": best_threshold(model.predict_proba(x[fit])[:, 1], labels[fit])[0],
                "dev": best_threshold(model.predict_proba(x_dev)[:, 1], dev_labels)[0],
            }
            for chosen_on, threshold in thresholds.items():
                predicted = model.predict_proba(x[held])[:, 1] >= threshold
                accuracies[chosen_on].append(float(np.mean(predicted == labels[held])))
        fitted, on_dev = np.mean(accuracies["fitted"]), np.mean(accuracies["dev"])
        print(f"{name}: grouped 5-fold accuracy, threshold on the fitted questions {fitted:.3f}, "
              f"on dev {on_dev:.3f}")  # fmt: skip


CONSENSUS_GRID = [(1, 1.0)] + [(d, t) for d in (3, 5, 10) for t in (0.1, 0.3, 1.0, 3.0)]


def consensus(settings: Settings) -> None:
    """End-to-end answer F1 of the leader's span against the consensus span, over every
    answerable SubjQA train and dev question ranked against all its product's reviews."""
    embedder = cached(settings, make_embedder(settings))
    for split in ("train", "dev"):
        questions, catalogue = load_subjqa(settings.shared_data_dir, split)
        finder = ReviewEvidenceFinder(catalogue, None, embedder)
        asked = [
            (question, finder.rank(question.product_id, question.question))
            for question in questions
            if question.answer
        ]
        for depth, temperature in CONSENSUS_GRID:
            f1 = np.mean(
                [
                    token_f1(
                        consensus_span(
                            q.question,
                            [(item.passage.text, item.score) for item in ranked],
                            depth,
                            temperature,
                            sources=[catalogue.reviews[item.owner].text for item in ranked],
                        )[1],
                        q.answer or "",
                    )
                    for q, ranked in asked
                ]
            )
            print(
                f"{split} ({len(asked)} questions) depth {depth:2d} temperature "
                f"{temperature:3.1f}: answer F1 {f1:.4f}"
            )


def main() -> None:
    """Run one of the checks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("check", choices=("spans", "answerability", "spread", "consensus"))
    check = parser.parse_args().check
    checks = {
        "spans": spans,
        "answerability": answerability,
        "spread": spread,
        "consensus": consensus,
    }
    checks[check](Settings())


if __name__ == "__main__":
    main()
