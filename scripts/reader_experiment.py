"""Would a trained reader quote better answers than the shipped span rule? Fine-tunes the
packaged MiniLM as an extractive question-answering model (start/end of the answer in a
review) on the answerable questions of one half of SubjQA train's products, and scores token
F1 against the human spans on the other half, each question read against its own review,
beside the shipped `answer_span` on the same questions. A measurement; nothing here changes
the pipeline.

Run: `nice python scripts/reader_experiment.py [--epochs 2] [--limit N]` (CPU; seeded).
"""

from __future__ import annotations

import argparse
import csv
import random
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from tqdm import tqdm
from transformers import AutoModelForQuestionAnswering, AutoTokenizer

from assistant.evaluation.datasets import NO_ANSWER, SUBJQA_DOMAINS
from assistant.evaluation.metrics import token_f1
from assistant.learning.build import product_half
from assistant.search.embeddings import packaged_model_path
from assistant.search.spans import answer_span
from assistant.settings import Settings

SEED = 13
MAX_TOKENS = 384
STRIDE = 128
MAX_ANSWER_TOKENS = 30


@dataclass(frozen=True)
class Example:
    """A question read against one review, with the human answer and where it starts."""

    product_id: str
    question: str
    review: str
    answer: str
    start: int


def load_examples(data_dir: Path, split: str) -> list[Example]:
    """The answerable (question, review, span) rows of one SubjQA split, both domains."""
    examples = []
    for domain in SUBJQA_DOMAINS:
        path = data_dir / "subjqa_products" / domain / f"{split}.csv"
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                answer = row["human_ans_spans"]
                if answer == NO_ANSWER:
                    continue
                review = row["review"].replace(NO_ANSWER, "").rstrip()
                start = int(row["human_ans_indices"].strip("()").split(",")[0])
                if review[start : start + len(answer)] != answer:
                    start = review.find(answer)
                if start < 0:
                    continue
                examples.append(Example(row["item_id"], row["question"], review, answer, start))
    return examples


def encode_for_training(tokenizer, examples: list[Example]) -> list[dict[str, torch.Tensor]]:
    """Windows of (question, review) with the answer's token start/end (CLS when outside)."""
    encoded = tokenizer(
        [e.question for e in examples],
        [e.review for e in examples],
        truncation="only_second",
        max_length=MAX_TOKENS,
        stride=STRIDE,
        return_overflowing_tokens=True,
        return_offsets_mapping=True,
    )
    features = []
    for i, offsets in enumerate(encoded["offset_mapping"]):
        example = examples[encoded["overflow_to_sample_mapping"][i]]
        first, last = example.start, example.start + len(example.answer)
        sequence = encoded.sequence_ids(i)
        start_token = end_token = 0
        for position, (begin, end) in enumerate(offsets):
            if sequence[position] != 1:
                continue
            if begin <= first < end:
                start_token = position
            if begin < last <= end:
                end_token = position
        if start_token == 0 or end_token < start_token:
            start_token = end_token = 0
        features.append(
            {
                "input_ids": torch.tensor(encoded["input_ids"][i]),
                "attention_mask": torch.tensor(encoded["attention_mask"][i]),
                "token_type_ids": torch.tensor(encoded["token_type_ids"][i]),
                "start_positions": torch.tensor(start_token),
                "end_positions": torch.tensor(end_token),
            }
        )
    return features


def pad_batch(batch: list[dict[str, torch.Tensor]]) -> dict[str, torch.Tensor]:
    """A batch padded to its longest window (most reviews are far shorter than the limit)."""
    longest = max(len(f["input_ids"]) for f in batch)
    inputs = {}
    for key in ("input_ids", "attention_mask", "token_type_ids"):
        inputs[key] = torch.stack(
            [torch.nn.functional.pad(f[key], (0, longest - len(f[key]))) for f in batch]
        )
    for key in ("start_positions", "end_positions"):
        inputs[key] = torch.stack([f[key] for f in batch])
    return inputs


def predict(model, tokenizer, question: str, review: str) -> str:
    """The best-scoring span of the review (over all windows), word for word."""
    encoded = tokenizer(
        question,
        review,
        truncation="only_second",
        max_length=MAX_TOKENS,
        stride=STRIDE,
        return_overflowing_tokens=True,
        return_offsets_mapping=True,
        padding=True,
        return_tensors="pt",
    )
    offsets = encoded.pop("offset_mapping")
    encoded.pop("overflow_to_sample_mapping")
    with torch.no_grad():
        output = model(**encoded)
    best, span = -np.inf, ""
    for window in range(len(offsets)):
        sequence = encoded.sequence_ids(window)
        starts = output.start_logits[window].numpy()
        ends = output.end_logits[window].numpy()
        context = [p for p, s in enumerate(sequence) if s == 1]
        for s in sorted(context, key=lambda p: -starts[p])[:20]:
            for e in sorted(context, key=lambda p: -ends[p])[:20]:
                if s <= e < s + MAX_ANSWER_TOKENS and starts[s] + ends[e] > best:
                    best = starts[s] + ends[e]
                    span = review[int(offsets[window][s][0]) : int(offsets[window][e][1])]
    return span


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=float, default=2.0)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--learning-rate", type=float, default=5e-5)
    parser.add_argument("--limit", type=int, default=None, help="train examples (quick runs)")
    options = parser.parse_args()
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    data_dir = Settings().shared_data_dir
    examples = load_examples(data_dir, "train")
    fit = [e for e in examples if product_half(e.product_id) == "reranker"]
    held = [e for e in examples if product_half(e.product_id) != "reranker"]
    if options.limit:
        fit = random.Random(SEED).sample(fit, min(options.limit, len(fit)))
    path = packaged_model_path()
    tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
    model = AutoModelForQuestionAnswering.from_pretrained(str(path), local_files_only=True)
    features = encode_for_training(tokenizer, fit)
    steps = int(len(features) * options.epochs / options.batch)
    print(
        f"fit {len(fit)} questions ({len(features)} windows), held apart {len(held)}; "
        f"{steps} steps of {options.batch}"
    )
    optimiser = torch.optim.AdamW(model.parameters(), lr=options.learning_rate)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: min(1.0, (step + 1) / (0.1 * steps)) * max(0.0, 1 - step / steps)
    )
    model.train()
    started = time.perf_counter()
    order: list[int] = []
    for _ in tqdm(range(steps), desc="training reader"):
        if len(order) < options.batch:
            order += random.sample(range(len(features)), len(features))
        batch = [features[order.pop()] for _ in range(options.batch)]
        inputs = pad_batch(batch)
        loss = model(**inputs).loss
        loss.backward()
        optimiser.step()
        schedule.step()
        optimiser.zero_grad()
    print(f"trained in {time.perf_counter() - started:.0f} s")
    model.eval()
    reader, rule = [], []
    for example in tqdm(held, desc="reading held-apart questions"):
        reader.append(
            token_f1(predict(model, tokenizer, example.question, example.review), example.answer)
        )
        rule.append(token_f1(answer_span(example.question, example.review), example.answer))
    print(
        f"held-apart half, {len(held)} questions, own review: token F1 "
        f"reader {np.mean(reader):.3f}, shipped rule {np.mean(rule):.3f}"
    )


if __name__ == "__main__":
    main()
