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
