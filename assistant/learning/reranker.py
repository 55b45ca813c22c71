"""Train the evidence reranker: a cross-encoder initialised from the packaged MiniLM weights,
fitted on (question, passage) pairs with sentence-transformers' CrossEncoderTrainer, on CPU,
seeded."""

from __future__ import annotations

import logging
import random
import tempfile
from dataclasses import dataclass
from pathlib import Path

from assistant.learning.pairs import Pair

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RerankerRecipe:
    """Everything that determines the trained reranker (written beside it)."""

    seed: int = 13
    epochs: int = 1
    batch_size: int = 32
    learning_rate: float = 5e-5
    max_length: int = 96
    layers: int = 6  # keep the first N of MiniLM's 6 layers: fewer = faster, a little worse


def _initial_model(base: Path, recipe: RerankerRecipe):
    """A one-logit cross-encoder on the packaged weights, cut to `recipe.layers` layers."""
    from sentence_transformers.cross_encoder import CrossEncoder

    model = CrossEncoder(
        str(base), num_labels=1, max_length=recipe.max_length, device="cpu", local_files_only=True
    )
    encoder = model.model.base_model
    if recipe.layers < len(encoder.encoder.layer):
        encoder.encoder.layer = encoder.encoder.layer[: recipe.layers]
        model.model.config.num_hidden_layers = recipe.layers
    return model


def train_reranker(
    pairs: list[Pair], base: Path, out: Path, recipe: RerankerRecipe, progress: bool = True
) -> Path:
    """Fit the cross-encoder on the pairs and save it to `out`; returns `out`."""
    import torch
    from datasets import Dataset
    from sentence_transformers.cross_encoder import (
        CrossEncoderTrainer,
        CrossEncoderTrainingArguments,
    )
    from sentence_transformers.cross_encoder.losses import BinaryCrossEntropyLoss
    from transformers import set_seed

    random.seed(recipe.seed)
    set_seed(recipe.seed)
    torch.manual_seed(recipe.seed)
    model = _initial_model(base, recipe)
    shuffled = list(pairs)
    random.Random(recipe.seed).shuffle(shuffled)
    dataset = Dataset.from_dict(
        {
            "question": [pair.question for pair in shuffled],
            "passage": [pair.passage for pair in shuffled],
            "label": [pair.label for pair in shuffled],
        }
    )
    with tempfile.TemporaryDirectory(prefix="reranker-") as scratch:
        args = CrossEncoderTrainingArguments(
            output_dir=scratch,
            num_train_epochs=recipe.epochs,
            per_device_train_batch_size=recipe.batch_size,
            learning_rate=recipe.learning_rate,
            warmup_ratio=0.1,
            seed=recipe.seed,
            data_seed=recipe.seed,
            use_cpu=True,
            save_strategy="no",
            logging_steps=50,
            report_to="none",
            disable_tqdm=not progress,
            dataloader_num_workers=0,
        )
        trainer = CrossEncoderTrainer(
            model=model, args=args, train_dataset=dataset, loss=BinaryCrossEntropyLoss(model)
        )
        trainer.train()
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(out))
    return out
