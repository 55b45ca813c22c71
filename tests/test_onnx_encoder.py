"""The ONNX runtime of the packaged model: exported on first use, the torch vectors in fp32,
close ones in int8, and torch when ONNX cannot run."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.search import onnx_encoder
from assistant.search.embeddings import SentenceTransformerEmbedder

pytestmark = pytest.mark.slow
TEXTS = [
    "noise cancelling headphones under $100",
    "Battery lasts all week for me. The clamping force is too strong.",
    "a gift for a runner",
    "x",
]


@pytest.fixture(scope="module")
def model_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("onnx-models")


@pytest.fixture
def empty_cwd(tmp_path, monkeypatch):
    """An empty working directory: the export must leave nothing in it (onnx and onnxruntime
    can drop temporary models and external-data files beside the caller)."""
    monkeypatch.chdir(tmp_path)
    yield tmp_path
    assert sorted(path.name for path in tmp_path.iterdir()) == []


def test_fp32_gives_the_torch_vectors_and_the_same_index_name(
    real_embedder, model_cache, empty_cwd
):
    onnx = SentenceTransformerEmbedder(runtime="onnx", cache_dir=model_cache)
    assert onnx.runtime == "onnx" and onnx.name == real_embedder.name
    similarity = (onnx.encode(TEXTS) * real_embedder.encode(TEXTS)).sum(axis=1)
    assert similarity.min() > 0.9999
    assert len(list(model_cache.glob("*/model.onnx"))) == 1  # exported once, kept


def test_int8_is_close_and_keeps_its_own_index_name(real_embedder, model_cache, empty_cwd):
    int8 = SentenceTransformerEmbedder(runtime="onnx-int8", cache_dir=model_cache, threads=1)
    assert int8.name.endswith("+int8")
    vectors = int8.encode(TEXTS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert (vectors * real_embedder.encode(TEXTS)).sum(axis=1).min() > 0.95


def test_without_onnx_the_torch_path_serves(monkeypatch, tmp_path, caplog):
    def unavailable(*args, **kwargs):
        raise onnx_encoder.OnnxUnavailable("onnx is not installed")

    monkeypatch.setattr(onnx_encoder, "exported_model", unavailable)
    embedder = SentenceTransformerEmbedder(runtime="onnx-int8", cache_dir=tmp_path)
    assert embedder.runtime == "torch" and not embedder.name.endswith("+int8")
    assert "using torch" in caplog.text
    assert embedder.encode(["hello"]).shape == (1, 384)


def test_the_default_runtime_is_onnx_fp32_on_the_torch_index_without_spinning(model_cache):
    from assistant.search.embeddings import PACKAGED_MODEL_NAME, make_embedder
    from assistant.settings import Settings

    embedder = make_embedder(Settings(onnx_dir=model_cache))
    assert embedder.runtime == "onnx" and embedder.name == PACKAGED_MODEL_NAME
    options = embedder._onnx.session.get_session_options()
    # Spinning pool threads would take a core from the request threads between encodes.
    assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"
    # An index build keeps encoding: there the threads may spin.
    builder = make_embedder(Settings(onnx_dir=model_cache), bulk=True)
    options = builder._onnx.session.get_session_options()
    assert options.get_session_config_entry("session.intra_op.allow_spinning") == "1"


def test_batches_by_token_count_keep_each_text_in_its_place(model_cache):
    # Texts of very different lengths are regrouped into batches of near-equal token counts;
    # each row must still be its own text's vector, as if encoded alone.
    embedder = SentenceTransformerEmbedder(runtime="onnx", cache_dir=model_cache, batch_size=2)
    texts = [*TEXTS, "a " * 300, "Battery lasts all week."]
    together = embedder.encode(texts)
    alone = np.concatenate([embedder.encode([text]) for text in texts])
    assert (together * alone).sum(axis=1).min() > 0.99999
    assert embedder.encode([]).shape[0] == 0


def test_bfloat16_gives_the_torch_index_within_rounding(real_embedder, monkeypatch, caplog):
    from assistant.search import embeddings

    monkeypatch.setattr(embeddings, "cpu_has_bf16", lambda: True)
    bf16 = SentenceTransformerEmbedder(runtime="torch-bf16")
    assert bf16.runtime == "torch-bf16" and bf16.name == real_embedder.name
    vectors = bf16.encode(TEXTS)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert (vectors * real_embedder.encode(TEXTS)).sum(axis=1).min() > 0.999

    # Without bfloat16 units the CPU would emulate it, slower than fp32: plain torch instead.
    monkeypatch.setattr(embeddings, "cpu_has_bf16", lambda: False)
    fallback = SentenceTransformerEmbedder(runtime="torch-bf16")
    assert fallback.runtime == "torch" and "no bfloat16 units" in caplog.text
