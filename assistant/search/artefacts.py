"""Where the trained evidence models live, and loading them: built on this machine by
`shopassist train`, never committed, never downloaded. Absent or stale, search runs untrained."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.search.answerability import AnswerabilityModel
from assistant.search.evidence import PairScorer

log = logging.getLogger(__name__)

FORMAT_VERSION = 2  # bump when features or training change, so old builds are not used
MANIFEST = "manifest.json"
RERANKER_FOLDER = "reranker"
ANSWERABILITY_FILE = "answerability.joblib"


def evidence_dir(models_dir: Path) -> Path:
    """The folder of the evidence models under MODELS_DIR."""
    return Path(models_dir) / "evidence"


@dataclass
class EvidenceModels:
    """What the review-evidence pipeline may use beyond the untrained ranking."""

    reranker: PairScorer | None = None
    answerability: AnswerabilityModel | None = None
    note: str = "untrained ranking (no trained models built)"

    @property
    def trained(self) -> bool:
        """Whether any trained model is in use."""
        return self.reranker is not None or self.answerability is not None


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """The manifest of a build, or None when there is none or it is unreadable."""
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_manifest(folder: Path, manifest: dict[str, Any]) -> None:
    """Write the manifest last, so a half-finished build is never taken for a finished one."""
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"format": FORMAT_VERSION, **manifest}, indent=2, sort_keys=True)
    (folder / MANIFEST).write_text(text + "\n", encoding="utf-8")


def load_evidence_models(
    models_dir: Path, embedder_name: str, enabled: bool = True
) -> EvidenceModels:
    """The trained models that are built, current and earned their place on dev. The
    answerability classifier reads similarities, so it needs the embedder it was fitted with."""
    folder = evidence_dir(models_dir)
    manifest = read_manifest(folder)
    if not enabled:
        return EvidenceModels(note="untrained ranking (EVIDENCE_MODELS=off)")
    if manifest is None:
        return EvidenceModels()
    if manifest.get("format") != FORMAT_VERSION:
        log.warning("the evidence models in %s are outdated; run `shopassist train`", folder)
        return EvidenceModels(note="untrained ranking (trained models outdated)")
    reranker = None
    notes = []
    if manifest.get("reranker", {}).get("used"):
        try:
            from assistant.search.reranker import CrossEncoderReranker

            reranker = CrossEncoderReranker(folder / RERANKER_FOLDER)
            notes.append("trained reranker")
        except Exception as exc:  # a damaged build must not stop the shop
            log.warning("cannot load the reranker in %s (%s); ranking untrained", folder, exc)
    answerability = None
    fitted = manifest.get("answerability", {})
    if fitted.get("embedder") not in (None, embedder_name):
        log.warning("the answerability model was fitted with another embedder; not using it")
    elif (folder / ANSWERABILITY_FILE).is_file() and (
        reranker is not None or not fitted.get("uses_reranker", False)
    ):
        try:
            answerability = AnswerabilityModel.load(folder / ANSWERABILITY_FILE)
            notes.append("answerability classifier")
        except Exception as exc:
            log.warning("cannot load the answerability model in %s (%s)", folder, exc)
    note = " + ".join(notes) if notes else "untrained ranking (trained reranker lost on dev)"
    return EvidenceModels(reranker, answerability, note)
