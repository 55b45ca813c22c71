"""Whether the reviews answer a question: a calibrated classifier over evidence features,
with the decision threshold chosen on held-out data."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np


@dataclass(frozen=True)
class Answerability:
    """The classifier's verdict on one question."""

    probability: float
    answerable: bool


@dataclass
class AnswerabilityModel:
    """A fitted scikit-learn classifier, the features it reads (in order) and its threshold."""

    classifier: Any
    features: tuple[str, ...]
    threshold: float
    uses_reranker: bool

    def probability(self, features: dict[str, float]) -> float:
        """Calibrated probability that the evidence answers the question."""
        row = np.array([[features.get(name, 0.0) for name in self.features]])
        return float(self.classifier.predict_proba(row)[0, 1])

    def judge(self, features: dict[str, float]) -> Answerability:
        """Probability and verdict at the chosen threshold."""
        probability = self.probability(features)
        return Answerability(round(probability, 4), probability >= self.threshold)

    def save(self, path: Path) -> None:
        """Write the model with joblib (read back only from this machine's models folder)."""
        import joblib

        path.parent.mkdir(parents=True, exist_ok=True)
        joblib.dump(self, path)

    @classmethod
    def load(cls, path: Path) -> AnswerabilityModel:
        """Read a model written by `save`."""
        import joblib

        model = joblib.load(path)
        if not isinstance(model, cls):
            raise TypeError(f"{path} does not hold an answerability model")
        return model
