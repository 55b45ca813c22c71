"""The SubjQA ceilings: what no verdict or ranking made from product and question can beat."""

import pytest

from assistant.evaluation.ceilings import answerable_ceiling, recall_ceiling
from assistant.evaluation.datasets import ReviewQuestion


def _asked(product: str, question: str, review: str, answer: str | None) -> ReviewQuestion:
    return ReviewQuestion(question, product, review, answer)


def test_the_same_question_labelled_both_ways_caps_answerable_accuracy() -> None:
    questions = [
        _asked("p1", "how is the taste?", "r1", "sweet"),
        _asked("p1", "how is the taste?", "r2", None),
        _asked("p1", "how is the taste?", "r3", "bitter"),
        _asked("p2", "how is the taste?", "r4", None),  # another product: its own verdict
    ]
    assert answerable_ceiling(questions) == pytest.approx(3 / 4)


def test_recall_ceiling_counts_the_most_asked_reviews_of_each_question() -> None:
    questions = [
        _asked("p1", "is it loud?", "r1", "yes"),
        _asked("p1", "is it loud?", "r1", "very"),
        _asked("p1", "is it loud?", "r2", "a bit"),
        _asked("p1", "is it loud?", "r3", None),  # unanswerable: not in recall
        _asked("p1", "does it fit?", "r3", "snug"),
    ]
    assert recall_ceiling(questions, 1) == pytest.approx(3 / 4)
    assert recall_ceiling(questions, 2) == 1.0


def test_no_questions_no_ceiling() -> None:
    assert answerable_ceiling([]) == 0.0 and recall_ceiling([], 5) == 0.0
