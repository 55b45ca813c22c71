"""The packaged sentence-transformers model run by onnxruntime: exported on first use, never
downloaded, optionally int8-quantised.

sentence-transformers' own ONNX backend loads through `optimum-onnx`, which needs
transformers < 4.58 while sentence-transformers 6 needs transformers 5, so the two cannot be
installed together. This module does what that backend does for this model, from the same
folder: the Transformer module is exported with `torch.onnx.export`, with the model's own
pooling (from `1_Pooling/config.json`, mean here) and L2 normalisation inside the graph, and
run with the model's own tokenizer and `max_seq_length`. fp32 vectors match the torch path
(cosine > 0.99999); int8 is dynamic per-channel quantisation of the MatMul weights.
Exports live under `ONNX_DIR` (`models/onnx`), keyed by a hash of the weights, and are built once
(a file lock keeps concurrent workers from building it twice).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

import numpy as np

log = logging.getLogger(__name__)

Precision = Literal["fp32", "int8"]
INPUTS = ("input_ids", "attention_mask", "token_type_ids")
OPSET = 17


class OnnxUnavailable(RuntimeError):
    """The ONNX path cannot run here (a package missing, an export that failed)."""


def weights_fingerprint(model_path: Path) -> str:
    """A short hash of the model's weights and configuration: a new model, a new export."""
    digest = hashlib.sha1()
    for name in ("config.json", "1_Pooling/config.json", "sentence_bert_config.json"):
        if (model_path / name).is_file():
            digest.update((model_path / name).read_bytes())
    for weights in sorted(model_path.glob("*.safetensors")) + sorted(model_path.glob("*.bin")):
        with weights.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()[:12]


@contextmanager
def _exclusive(lock_path: Path) -> Iterator[None]:
    """One process at a time (several workers may start together)."""
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with lock_path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _pooling_mode(model_path: Path) -> str:
    config_path = model_path / "1_Pooling" / "config.json"
    config = json.loads(config_path.read_text()) if config_path.is_file() else {}
    if config.get("pooling_mode_cls_token"):
        return "cls"
    if config.get("pooling_mode_mean_tokens", True):
        return "mean"
    raise OnnxUnavailable(f"pooling in {config_path} is neither mean nor CLS; use the torch path")


def _export_fp32(model_path: Path, target: Path) -> None:
    """Export Transformer + pooling + normalisation to `target` (written atomically)."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    pooling = _pooling_mode(model_path)
    tokenizer = AutoTokenizer.from_pretrained(str(model_path), local_files_only=True)
    transformer = AutoModel.from_pretrained(str(model_path), local_files_only=True).eval()

    class Encoder(torch.nn.Module):
        """What sentence-transformers computes for this model, as one graph."""

        def __init__(self) -> None:
            super().__init__()
            self.transformer = transformer

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            hidden = self.transformer(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            if pooling == "cls":
                pooled = hidden[:, 0]
            else:
                mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2, dim=1)

    sample = tokenizer(
        ["an example", "a longer example sentence"], padding=True, return_tensors="pt"
    )
    partial = target.with_suffix(".partial")
    axes = {name: {0: "batch", 1: "tokens"} for name in INPUTS}
    with torch.no_grad():
        torch.onnx.export(
            Encoder(),
            tuple(sample[name] for name in INPUTS),
            str(partial),
            input_names=list(INPUTS),
            output_names=["embedding"],
            dynamic_axes={**axes, "embedding": {0: "batch"}},
            opset_version=OPSET,
            dynamo=False,  # the TorchScript exporter needs no extra package (onnxscript)
        )
    os.replace(partial, target)


def _quantise(source: Path, target: Path) -> None:
    """Dynamic int8 quantisation of the MatMul weights, one scale per output channel."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    partial = target.with_suffix(".partial")
    quantize_dynamic(
        str(source),
        str(partial),
        per_channel=True,
        weight_type=QuantType.QInt8,
        op_types_to_quantize=["MatMul"],
    )
    os.replace(partial, target)


def exported_model(model_path: Path, cache_dir: Path, precision: Precision) -> Path:
    """The ONNX file for this model and precision, exported (and quantised) on first use."""
    folder = cache_dir / f"{model_path.name}-{weights_fingerprint(model_path)}"
    fp32, int8 = folder / "model.onnx", folder / "model-int8.onnx"
    wanted = int8 if precision == "int8" else fp32
    if wanted.is_file():
        return wanted
    try:
        with _exclusive(folder / ".lock"):
            if not fp32.is_file():
                log.warning("exporting %s to ONNX under %s (once)", model_path.name, folder)
                _export_fp32(model_path, fp32)
            if precision == "int8" and not int8.is_file():
                log.warning("quantising the ONNX model to int8 (once)")
                _quantise(fp32, int8)
    except ImportError as exc:
        raise OnnxUnavailable(f"{exc.name} is not installed: pip install '.[onnx]'") from exc
    except Exception as exc:
        raise OnnxUnavailable(f"exporting {model_path} to ONNX failed: {exc}") from exc
    return wanted


class OnnxEncoder:
    """Texts to normalised vectors with onnxruntime, batched and sorted by length."""

    def __init__(
        self,
        model_path: Path,
        cache_dir: Path,
        precision: Precision,
        threads: int | None,
        spinning: bool = False,
    ) -> None:
        try:
            import onnxruntime
            from transformers import AutoTokenizer
        except ImportError as exc:
            raise OnnxUnavailable(f"{exc.name} is not installed: pip install '.[onnx]'") from exc
        self.path = exported_model(model_path, cache_dir, precision)
        options = onnxruntime.SessionOptions()
        # Idle pool threads would spin for work by default, taking a core from the request
        # threads between encodes; a server encodes in short bursts, so they sleep instead.
        # A bulk build keeps encoding, and spinning makes it a tenth faster.
        options.add_session_config_entry("session.intra_op.allow_spinning", str(int(spinning)))
        if threads:
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(
            str(self.path), options, providers=["CPUExecutionProvider"]
        )
        self.tokenizer = AutoTokenizer.from_pretrained(str(model_path), local_files_only=True)
        config_path = model_path / "sentence_bert_config.json"
        config = json.loads(config_path.read_text()) if config_path.is_file() else {}
        self.max_tokens = int(config.get("max_seq_length", 256))
        self.pad_id = int(self.tokenizer.pad_token_id or 0)
        self.input_names = {node.name for node in self.session.get_inputs()}

    def encode(self, texts: list[str], batch_size: int) -> np.ndarray:
        """One float32 row per text, in the texts' order."""
        if not texts:
            return np.empty((0, 0), dtype=np.float32)
        # Tokenised once, then sorted by token count: each batch holds texts of near-equal
        # lengths and pads least (sorting by characters left a fifth of a build as padding).
        token_ids = self.tokenizer(texts, truncation=True, max_length=self.max_tokens)["input_ids"]
        order = np.argsort([-len(ids) for ids in token_ids], kind="stable")
        rows: list[np.ndarray] = []
        for start in range(0, len(texts), batch_size):
            batch = [token_ids[position] for position in order[start : start + batch_size]]
            rows.append(self.session.run(None, self._feeds(batch))[0])
        vectors = np.empty((len(texts), rows[0].shape[1]), dtype=np.float32)
        vectors[order] = np.concatenate(rows)
        return vectors

    def _feeds(self, batch: list[list[int]]) -> dict[str, np.ndarray]:
        """The model's inputs for token id lists, padded to the longest."""
        width = max(len(ids) for ids in batch)
        input_ids = np.full((len(batch), width), self.pad_id, dtype=np.int64)
        attention_mask = np.zeros((len(batch), width), dtype=np.int64)
        for row, ids in enumerate(batch):
            input_ids[row, : len(ids)] = ids
            attention_mask[row, : len(ids)] = 1
        feeds = {"input_ids": input_ids, "attention_mask": attention_mask}
        if "token_type_ids" in self.input_names:
            feeds["token_type_ids"] = np.zeros_like(input_ids)
        return feeds
