"""Fine-tuning a sentence-transformers bi-encoder on (question, evidence) pairs, with the
other pairs of a batch as negatives: the recipe the bi-encoder experiments share."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any


def fine_tune(
    model: Any,
    pairs: dict[str, list[str]],
    output_dir: Path,
    epochs: float,
    learning_rate: float,
    seed: int,
) -> float:
    """Train `model` in place with MultipleNegativesRankingLoss (batches of 32, seeded, CPU);
    `pairs` has "anchor" and "positive" columns, optionally "negative". Returns seconds."""
    from datasets import Dataset
    from sentence_transformers import (
        SentenceTransformerTrainer,
        SentenceTransformerTrainingArguments,
    )
    from sentence_transformers.sentence_transformer.losses import MultipleNegativesRankingLoss
    from sentence_transformers.sentence_transformer.training_args import BatchSamplers

    dataset = Dataset.from_dict(pairs).shuffle(seed=seed)
    training = SentenceTransformerTrainingArguments(
        output_dir=str(output_dir / "checkpoints"),
        num_train_epochs=epochs,
        per_device_train_batch_size=32,
        learning_rate=learning_rate,
        warmup_ratio=0.1,
        seed=seed,
        data_seed=seed,
        use_cpu=True,
        save_strategy="no",
        report_to="none",
        batch_sampler=BatchSamplers.NO_DUPLICATES,  # a repeated question is no negative
    )
    started = time.perf_counter()
    loss = MultipleNegativesRankingLoss(model)
    SentenceTransformerTrainer(model, training, train_dataset=dataset, loss=loss).train()
    return time.perf_counter() - started
