"""The reranker trained for real from the packaged MiniLM weights, on a handful of pairs (the
full `shopassist train` needs ../shared/data and minutes; `make eval` measures it)."""

from __future__ import annotations

import pytest

from assistant.channels.cli import main
from assistant.learning.pairs import Pair
from assistant.learning.reranker import RerankerRecipe, train_reranker
from assistant.search.embeddings import packaged_model_path
from assistant.search.reranker import CrossEncoderReranker

pytestmark = pytest.mark.slow

PAIRS = [
    Pair("how long does the battery last?", "The battery lasts two days.", 1.0, "t"),
    Pair("how long does the battery last?", "The box was torn.", 0.0, "t"),
    Pair("is it comfortable?", "Comfortable for hours, no pressure.", 1.0, "t"),
    Pair("is it comfortable?", "It ships in two days.", 0.0, "t"),
] * 8


def test_a_reranker_trains_saves_loads_and_scores(tmp_path):
    recipe = RerankerRecipe(layers=1, max_length=32, batch_size=8, epochs=2, learning_rate=1e-4)
    out = train_reranker(PAIRS, packaged_model_path(), tmp_path / "reranker", recipe, False)
    reranker = CrossEncoderReranker(out)
    scores = reranker.score(
        "how long does the battery last?", ["The battery lasts two days.", "The box was torn."]
    )
    assert scores.shape == (2,) and all(0.0 <= s <= 1.0 for s in scores)
    assert scores[0] > scores[1]  # it learned the pairs it saw
    assert len(reranker._model.model.base_model.encoder.layer) == 1


def test_the_same_seed_trains_the_same_model(tmp_path):
    recipe = RerankerRecipe(layers=1, max_length=32, batch_size=8, epochs=1)
    question, passages = "is it comfortable?", ["Comfortable for hours.", "It ships fast."]
    first = train_reranker(PAIRS, packaged_model_path(), tmp_path / "a", recipe, False)
    second = train_reranker(PAIRS, packaged_model_path(), tmp_path / "b", recipe, False)
    a = CrossEncoderReranker(first).score(question, passages)
    b = CrossEncoderReranker(second).score(question, passages)
    assert a.tolist() == pytest.approx(b.tolist(), abs=1e-6)


def test_train_without_the_data_is_a_clear_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SHARED_DATA_DIR", str(tmp_path / "absent"))
    monkeypatch.setenv("MODELS_DIR", str(tmp_path / "models"))
    from assistant.settings import get_settings

    get_settings.cache_clear()
    try:
        assert main(["train", "reranker", "--quiet"]) == 2
    finally:
        get_settings.cache_clear()
    assert "SHARED_DATA_DIR" in capsys.readouterr().err
    assert not (tmp_path / "models" / "evidence" / "manifest.json").exists()
