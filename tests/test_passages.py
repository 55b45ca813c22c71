"""Review passages: sentences, windows and whole reviews as index units."""

from __future__ import annotations

import numpy as np

from assistant.catalogue.models import Review
from assistant.search.evidence import UnitSet
from assistant.search.passages import (
    MAX_SENTENCE_CHARS,
    review_units,
    split_sentences,
    text_units,
    window_units,
)


def test_sentences_split_at_ends_even_when_glued():
    text = "Great sound.The battery lasts a week! Does it fold? Yes"
    assert split_sentences(text) == [
        "Great sound.",
        "The battery lasts a week!",
        "Does it fold?",
        "Yes",
    ]


def test_a_run_on_sentence_is_cut_at_clauses_and_loses_no_word():
    text = ", ".join(f"clause number {i} goes on and on" for i in range(40)) + "."
    pieces = split_sentences(text)
    assert len(pieces) > 1 and all(len(p) <= MAX_SENTENCE_CHARS for p in pieces)
    assert " ".join(pieces).split() == text.split()


def test_a_sentence_without_any_cut_point_is_wrapped_on_words():
    text = " ".join(["word"] * 200)
    pieces = split_sentences(text, limit=50)
    assert all(len(p) <= 50 for p in pieces) and " ".join(pieces) == text


def test_review_units_are_the_whole_review_and_its_sentences():
    review = Review(
        id="R1", product_id="P1", rating=4, title="Solid", text="Loud. Clear bass. Short battery."
    )
    units = review_units(review)
    kinds = [(u.metadata["kind"], u.metadata["position"]) for u in units]
    assert kinds == [("review", 0), *(("sentence", n) for n in range(4))]
    assert [u.text for u in units[1:]] == ["Solid.", "Loud.", "Clear bass.", "Short battery."]
    assert units[0].text == "Solid. Loud. Clear bass. Short battery."
    assert {u.metadata["review_id"] for u in units} == {"R1"}
    assert {u.metadata["product_id"] for u in units} == {"P1"}
    assert len({u.id for u in units}) == len(units)


def test_windows_pair_neighbouring_sentences_of_longer_texts():
    units = review_units(Review(id="R1", product_id="P1", text="Loud. Clear bass. Short battery."))
    windows = window_units(units[1:])
    assert [w.text for w in windows] == ["Loud. Clear bass.", "Clear bass. Short battery."]
    assert [w.id for w in windows] == ["R1#w0", "R1#w1"]
    assert {w.metadata["kind"] for w in windows} == {"window"}
    short = review_units(Review(id="R2", product_id="P1", text="Works. Cheap."))
    assert window_units(short[1:]) == []


def test_window_vectors_come_from_their_sentences():
    units = review_units(Review(id="R1", product_id="P1", text="Loud. Clear bass. Short battery."))
    vectors = np.eye(len(units), 4, dtype=np.float32)  # whole, then three sentences
    unit_set = UnitSet(units, vectors)
    window = next(row for row, u in enumerate(unit_set.units) if u.id == "R1#w0")
    assert np.allclose(unit_set.vectors[window], (vectors[1] + vectors[2]) / np.sqrt(2))
    assert unit_set.passages_of("R1") == [1, 2, 3, 4, 5]


def test_any_text_can_be_cut_into_units():
    units = text_units("color: blue", "7")
    assert [u.id for u in units] == ["7#r0", "7#s0"]
    assert units[0].metadata["review_id"] == "7"
