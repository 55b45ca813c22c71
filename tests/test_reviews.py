"""Answers about reviews: aspects, and references that name no aspect."""

from __future__ import annotations

from assistant.search.reviews import answer_about_reviews


def test_a_reference_to_a_shown_product_is_not_an_aspect(tiny_retriever, tiny_catalogue):
    for question in ("what do reviews say about the first one", "what do people think of it"):
        answer = answer_about_reviews(tiny_retriever, tiny_catalogue, "T1", question)
        assert answer.aspect is None
        assert answer.mentions == answer.review_count > 0  # the whole picture


def test_an_aspect_is_kept(tiny_retriever, tiny_catalogue):
    answer = answer_about_reviews(
        tiny_retriever,
        tiny_catalogue,
        "T1",
        "what do reviews say about the battery of the first one",
    )
    assert answer.aspect == "battery"


class SaysNo:
    """An answerability model that finds nothing answers."""

    def judge(self, features):
        from assistant.search.answerability import Answerability

        assert set(features) >= {"score", "reranker", "margin"}
        return Answerability(0.12, False)


def test_the_answer_quotes_the_span_of_the_best_evidence(tiny_retriever, tiny_catalogue):
    answer = answer_about_reviews(tiny_retriever, tiny_catalogue, "T1", "how is the battery?")
    assert answer.answer is not None and "battery" in answer.answer.text
    assert answer.answer.text in tiny_catalogue.reviews[answer.answer.review_id].text
    assert answer.answerable is None  # no classifier built: no verdict


def test_the_classifier_verdict_reaches_the_answer_and_its_wording(tiny_retriever, tiny_catalogue):
    from assistant.conversation.answers.wording import review_answer
    from assistant.search.artefacts import EvidenceModels

    tiny_retriever.reviews.models = EvidenceModels(answerability=SaysNo())
    answer = answer_about_reviews(tiny_retriever, tiny_catalogue, "T1", "how is the battery?")
    assert answer.answerable is False and answer.answer_probability == 0.12
    text = review_answer(tiny_catalogue.products["T1"], answer)
    assert text.startswith("The reviews don't answer that directly.")
    assert "Best answer" not in text
