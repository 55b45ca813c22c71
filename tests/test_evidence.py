"""Evidence scoring with fake embeddings and a fake reranker: best passage with the whole
review, keywords without vectors, reranking, answerability features, extractive spans."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.catalogue.models import Review
from assistant.search.artefacts import EvidenceModels
from assistant.search.evidence import (
    FEATURES,
    UnitSet,
    first_stage,
    question_features,
    rerank,
)
from assistant.search.passages import review_units
from assistant.search.review_evidence import rank_texts, score_units
from assistant.search.spans import answer_span, clauses, consensus_span
from assistant.testing.fakes import FakeEmbedder

REVIEWS = [
    Review(id="A", product_id="P", text="Arrived fast. Nice box. The colour is fine."),
    Review(
        id="B",
        product_id="P",
        text="Packaging was torn. The battery lasts two full days of use. Would buy again.",
    ),
    Review(id="C", product_id="P", text="Battery battery battery, who cares. It is red."),
]


def _units() -> UnitSet:
    units = [unit for review in REVIEWS for unit in review_units(review)]
    return UnitSet(units, FakeEmbedder().encode([u.text for u in units]))


def _vector(text: str) -> np.ndarray:
    return FakeEmbedder().encode([text])[0]


class KeywordReranker:
    """Rates a passage 0.9 when it says how long something lasts, else 0.1."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def score(self, question: str, passages: list[str]) -> np.ndarray:
        self.calls.append(passages)
        return np.array([0.9 if "lasts" in p else 0.1 for p in passages])


def test_first_stage_scores_a_review_by_its_best_sentence_and_the_whole():
    question = "how long does the battery last"
    scored = first_stage(question, _vector(question), _units())
    assert {item.owner for item in scored} == {"A", "B", "C"}
    assert scored[0].owner in {"B", "C"} and scored[-1].owner == "A"
    for item in scored:
        features = item.features
        assert item.score == pytest.approx(
            features["review_similarity"]
            + features["passage_similarity"]
            + 0.1 * features["lexical"]
        )
        assert item.passage.metadata["review_id"] == item.owner
        assert item.passage.metadata["kind"] in {"sentence", "window"}


def test_without_vectors_keywords_rank_and_pick_the_passage():
    question = "how long does the battery last"
    scored = first_stage(question, None, _units())
    assert scored[0].owner in {"B", "C"}
    by_owner = {item.owner: item for item in scored}
    assert "battery" in by_owner["B"].passage.text.lower()


def test_the_reranker_reorders_the_leaders_and_picks_their_passage():
    question = "how long does the battery last"
    units = _units()
    reranker = KeywordReranker()
    scored = rerank(
        question,
        _vector(question),
        units,
        first_stage(question, _vector(question), units),
        reranker,
    )
    assert scored[0].owner == "B" and scored[0].reranker == pytest.approx(0.9)
    assert "The battery lasts two full days of use." in scored[0].passage.text
    assert all(len(batch) <= 2 * 10 for batch in reranker.calls)  # only the leaders' passages


def test_score_units_modes_and_models():
    question = "how long does the battery last"
    units = _units()
    with_reranker = score_units(
        question, _vector(question), units, EvidenceModels(reranker=KeywordReranker())
    )
    assert with_reranker[0].owner == "B"
    dense = score_units(question, _vector(question), units, EvidenceModels(), mode="dense")
    assert [i.score for i in dense] == sorted(
        (i.features["review_similarity"] for i in dense), reverse=True
    )
    lexical = score_units(question, _vector(question), units, EvidenceModels(), mode="lexical")
    assert lexical[0].features["lexical"] == 1.0


def test_question_features_name_every_feature():
    question = "how long does the battery last"
    scored = first_stage(question, _vector(question), _units())
    features = question_features(scored)
    assert tuple(features) == FEATURES
    assert features["margin"] == pytest.approx(scored[0].score - scored[1].score)
    assert question_features([]) == dict.fromkeys(FEATURES, 0.0)


def test_subset_keeps_only_the_named_reviews():
    subset = _units().subset({"A"})
    assert subset.owners == ["A"] and len(subset.units) == subset.vectors.shape[0]


def test_rank_texts_returns_every_position_once():
    texts = ["it is blue", "battery life is short", "the battery lasts two days", ""]
    order = rank_texts("how long does the battery last", texts, FakeEmbedder())
    assert sorted(order) == [0, 1, 2, 3] and order[0] in {1, 2}


def test_answer_span_is_the_clause_that_names_the_aspect():
    sentence = "The screen is dim, but the battery lasts two days, which is great."
    assert answer_span("how is the battery?", sentence) == "but the battery lasts two days,"
    assert clauses(sentence)[0] == "The screen is dim,"


def test_a_short_clause_is_joined_with_the_next_and_long_ones_are_cut():
    assert answer_span("how is the sound?", "Sound: superb, deep and clear.") == "Sound: superb,"
    long = "The sound " + "really " * 80 + "rocks."
    span = answer_span("how is the sound?", long)
    assert len(span) <= 240 and span.endswith("…")


def test_answer_span_picks_the_sentence_of_a_window_that_names_the_aspect():
    window = "Packaging was torn. The battery lasts two full days of use."
    assert answer_span("battery life?", window) == "The battery lasts two full days of use."


def test_the_consensus_span_is_what_several_passages_say_over_a_leaders_stray_one():
    ranked = [
        ("The battery was a gift for my uncle.", 1.30),
        ("The battery lasts two days.", 1.25),
        ("Honestly the battery lasts about two days.", 1.20),
        ("The battery lasts two days on one charge.", 1.10),
    ]
    position, span = consensus_span("how long does the battery last?", ranked)
    assert position == 1 and span == "The battery lasts two days."


def test_a_leader_far_ahead_keeps_its_span_and_no_passages_give_none():
    ranked = [("The battery lasts a week.", 9.0), ("Battery: two days.", 1.0)]
    assert consensus_span("battery life?", ranked) == (0, "The battery lasts a week.")
    agreeing = [("The battery lasts a week.", 1.0), *[("Battery: two days.", 0.99)] * 3]
    assert consensus_span("battery life?", agreeing, depth=1) == (0, "The battery lasts a week.")
    assert consensus_span("battery life?", []) == (-1, "")
    with pytest.raises(ValueError, match="above 0"):
        consensus_span("battery life?", ranked, temperature=0)


def test_a_span_copied_word_for_word_votes_once():
    copies = [("Battery dies in a day, sadly.", 1.25)] * 3
    position, span = consensus_span("battery life?", [("The battery lasts a week.", 1.3), *copies])
    assert position == 0 and span == "The battery lasts a week."


def test_the_same_sentence_in_different_reviews_votes_for_each_review():
    ranked = [("The battery lasts a week.", 1.3), *[("Battery dies in a day, sadly.", 1.25)] * 3]
    reviews = [
        "The battery lasts a week.",
        "Battery dies in a day, sadly. Meh.",
        "Nope. Battery dies in a day, sadly.",
        "Battery dies in a day, sadly. Returned it.",
    ]
    assert consensus_span("battery life?", ranked, sources=reviews) == (1, "Battery dies in a day,")
