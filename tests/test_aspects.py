"""Review aspects learned from the reviews: nouns, filler dropped, complaints found and grouped."""

from __future__ import annotations

from assistant.catalogue.models import Catalogue, Product, Review, Seller, Variant
from assistant.conversation.answers.wording import review_answer
from assistant.search.aspects import ReviewVocabulary, complaint_groups, vocabulary_of
from assistant.search.reviews import answer_about_reviews

PAN_REVIEWS = [
    (5, "Heats evenly and fast. The handle feels solid. Great purchase overall."),
    (4, "The coating started peeling. Heats evenly and fast. Highly recommend."),
    (2, "Update after three months: The handle came loose. The coating started peeling."),
    (1, "The handle came loose. Disappointed, returning it."),
    (5, "Great purchase overall. The lid fits well and the handle stays cool."),
    (4, "Cleans up in seconds. Highly recommend."),
    (2, "A nightmare to clean. Disappointed."),
    (5, "Heats evenly and fast. Highly recommend."),
    (1, "The coating started peeling in a week. Returning it."),
]


def _catalogue() -> Catalogue:
    seller = Seller(id="s", name="Pans Ltd", vetting="vetted")
    pan = Product(
        id="P1",
        title="Skillet Pro Frying Pan",
        category="Kitchen",
        seller=seller,
        variants=[Variant(id="P1-1", price_minor=3000, stock=3)],
    )
    reviews = [
        Review(id=f"R{n}", product_id="P1", rating=rating, text=text, verified_purchase=n != 2)
        for n, (rating, text) in enumerate(PAN_REVIEWS, start=1)
    ]
    return Catalogue([pan], reviews)


class NoEvidence:
    """A retriever whose evidence ranking finds nothing: complaints come from the reviews."""

    def review_evidence_ranked(self, *args, **kwargs):
        return [], None


def test_nouns_are_words_seen_after_a_determiner():
    vocabulary = ReviewVocabulary.of(_catalogue().reviews.values())
    assert {"handl", "coat"} <= vocabulary.nouns
    assert "evenli" not in vocabulary.nouns and "peel" not in vocabulary.nouns
    assert vocabulary.nouns_in("does the coating peel after a month?") == ["coating"]


def test_filler_and_unknown_words_are_no_aspect():
    vocabulary = ReviewVocabulary.of(_catalogue().reviews.values())
    assert vocabulary.aspect_words("oh seriously, you know, anything else?") == []
    assert vocabulary.aspect_words("is it quick to clean?") == ["clean"]


def test_complaints_lean_to_low_ratings_and_group_by_aspect():
    catalogue = _catalogue()
    vocabulary = vocabulary_of(catalogue)
    assert vocabulary.is_complaint("The handle came loose.")
    assert not vocabulary.is_complaint("Heats evenly and fast.")
    groups = complaint_groups(vocabulary, catalogue.reviews_of("P1"))
    assert [(g.aspect, g.review_count) for g in groups[:2]] == [("coating", 3), ("handle", 2)]
    assert vocabulary_of(catalogue) is vocabulary  # learned once


def test_a_complaint_question_is_answered_with_the_complaints_cited():
    catalogue = _catalogue()
    for question in ("anything else people moan about?", "what do people complain about"):
        answer = answer_about_reviews(NoEvidence(), catalogue, "P1", question)
        assert answer.complaints and answer.aspect is None
        text = review_answer(catalogue.products["P1"], answer)
        assert "the coating, 3 reviews: «The coating started peeling.»" in text
        assert "the handle, 2 reviews" in text and "review R3" in text


def test_an_aspect_question_keeps_only_its_nouns(tiny_retriever, tiny_catalogue):
    answer = answer_about_reviews(
        tiny_retriever, tiny_catalogue, "T1", "oh seriously, how is the battery after a month?"
    )
    assert answer.aspect == "battery" and answer.complaints is None


def test_a_question_about_what_no_review_mentions_says_the_reviews_dont_say(
    tiny_retriever, tiny_catalogue
):
    # No review of T1 uses "warranty": the answer is "they don't say", not a summary of all.
    answer = answer_about_reviews(
        tiny_retriever, tiny_catalogue, "T1", "does it come with a warranty?"
    )
    assert answer.aspect == "warranty" and answer.mentions == 0 and not answer.quotes
