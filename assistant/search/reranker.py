"""The trained evidence reranker at run time: a cross-encoder read from a local folder."""

from __future__ import annotations

from pathlib import Path

import numpy as np

RERANK_BATCH = 32


class CrossEncoderReranker:
    """Scores (question, passage) pairs with the cross-encoder `shopassist train reranker`
    built; probabilities in 0..1."""

    def __init__(self, path: Path) -> None:
        import torch
        from sentence_transformers.cross_encoder import CrossEncoder

        if not (Path(path) / "config.json").is_file():
            raise FileNotFoundError(f"no reranker in {path}; run `shopassist train reranker`")
        self.path = Path(path)
        self._model = CrossEncoder(
            str(path), device="cpu", local_files_only=True, activation_fn=torch.nn.Sigmoid()
        )

    def score(self, question: str, passages: list[str]) -> np.ndarray:
        """One probability per passage that it answers the question."""
        if not passages:
            return np.zeros(0)
        return np.asarray(
            self._model.predict(
                [(question, passage) for passage in passages],
                batch_size=RERANK_BATCH,
                show_progress_bar=False,
                convert_to_numpy=True,
            ),
            dtype=np.float64,
        ).reshape(-1)
