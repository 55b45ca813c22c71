"""What no system can beat on SubjQA when all it sees is the product and the question: each
label belongs to the one review the question was asked against, which a shopper never names,
and the same question about the same product is labelled against different reviews."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from assistant.evaluation.datasets import ReviewQuestion


def _asked(questions: Iterable[ReviewQuestion]) -> dict[tuple[str, str], list[ReviewQuestion]]:
    """The questions grouped by what a system sees of them: product and exact text."""
    groups: dict[tuple[str, str], list[ReviewQuestion]] = defaultdict(list)
    for question in questions:
        groups[(question.product_id, question.question)].append(question)
    return groups


def answerable_ceiling(questions: list[ReviewQuestion]) -> float:
    """The best answerable/unanswerable accuracy of any verdict made from product and
    question: each group's more common label, counted over all questions."""
    if not questions:
        return 0.0
    best = sum(
        max(Counter(q.answer is not None for q in group).values())
        for group in _asked(questions).values()
    )
    return best / len(questions)


def recall_ceiling(questions: list[ReviewQuestion], k: int) -> float:
    """The best recall@k of any ranking made from product and question, over the answerable
    questions: each group's k most often asked-against reviews first."""
    answerable = [q for q in questions if q.answer]
    if not answerable:
        return 0.0
    best = sum(
        sum(count for _, count in Counter(q.review_id for q in group).most_common(k))
        for group in _asked(answerable).values()
    )
    return best / len(answerable)
