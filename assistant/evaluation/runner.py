"""`shopassist eval`: run the chosen suites for each planner, write the report, and check
the `--fail-under` floors."""

from __future__ import annotations

import datetime as dt
import json
import logging
import subprocess
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings

from assistant.evaluation import ALL_SUITES, TARGET_SUITES, suites
from assistant.evaluation import report as reporting
from assistant.evaluation.datasets import DatasetMissing
from assistant.evaluation.scenarios import (
    ScenarioError,
    builtin_dialogue_files,
    builtin_scenario_files,
    load_scenarios,
)
from assistant.evaluation.target import HttpTarget, InProcessTarget, Target, TargetError
from assistant.search.embeddings import make_embedder
from assistant.settings import PROJECT_ROOT, Settings
from assistant.wiring import build_services

log = logging.getLogger(__name__)


@dataclass
class EvalOptions:
    """What `shopassist eval` was asked to do."""

    suites: list[str] = field(default_factory=lambda: list(ALL_SUITES))
    planners: list[str] = field(default_factory=lambda: ["none"])
    limit: int | None = None
    seed: int = 13
    target: str | None = None
    out: Path | None = None
    baseline: Path | None = None
    fail_under: list[str] = field(default_factory=list)
    scenario_files: list[Path] = field(default_factory=list)
    dialogue_files: list[Path] = field(default_factory=list)


def code_version() -> str:
    """The git commit of the code under test, or 'unknown' outside a checkout."""
    try:
        return subprocess.run(
            ["git", "describe", "--always", "--dirty"],
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def run_evaluation(
    settings: Settings, options: EvalOptions, embedder: Embeddings | None = None
) -> tuple[dict[str, Any], int]:
    """Run everything asked for; the report and the exit status (1 when a floor is missed)."""
    thresholds = [reporting.parse_threshold(text) for text in options.fail_under]
    baseline = None
    if options.baseline:
        if not options.baseline.is_file():
            raise FileNotFoundError(f"--baseline {options.baseline}: no such report.json")
        baseline = reporting.flat_metrics(json.loads(options.baseline.read_text("utf-8")))
    # Misconfiguration fails fast, before any model or index is loaded.
    scenario_files = options.scenario_files or builtin_scenario_files()
    dialogue_files = options.dialogue_files or builtin_dialogue_files()
    for suite, files in (("scenarios", scenario_files), ("dialogue", dialogue_files)):
        if suite in options.suites:
            for path in files:
                load_scenarios(path)
    remote = HttpTarget(options.target) if options.target else None
    run_name = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    embedder = embedder or make_embedder(settings)
    context = suites.Context(
        settings, embedder, options.limit, options.seed, scenario_files, dialogue_files
    )
    report: dict[str, Any] = {
        "run": run_name,
        "code_version": code_version(),
        "target": options.target or "in-process",
        "planners": options.planners,
        "seed": options.seed,
        "limit": options.limit,
        "embedding_model": getattr(embedder, "name", "?"),
        "suites": {},
    }
    for suite in options.suites:
        runs: dict[str, Any] = {}
        if suite in TARGET_SUITES:
            for planner in options.planners:
                runs[planner] = _timed(
                    lambda s=suite, p=planner: _target_suite(s, context, p, remote)
                )
        else:
            runs["-"] = _timed(lambda s=suite: getattr(suites, s)(context))
        report["suites"][suite] = runs
    flat = reporting.flat_metrics(report)
    comparison = reporting.compare(flat, baseline) if baseline else None
    out = options.out or PROJECT_ROOT / "reports" / run_name
    reporting.write_report(report, out, comparison)
    report["written_to"] = str(out)
    failed = reporting.failures_under(flat, thresholds) + [
        f"{suite}@{planner} failed: {run['error']}"
        for suite, runs in report["suites"].items()
        for planner, run in runs.items()
        if "error" in run
    ]
    report["failed_floors"] = failed
    return report, 1 if failed else 0


def _timed(run: Any) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        result = run()
    except DatasetMissing as missing:
        result = {"skipped": str(missing)}
    except (TargetError, ScenarioError):
        raise  # the whole run is misconfigured; say so at once
    except Exception as error:  # one broken suite must not lose the others' figures
        log.exception("suite failed")
        result = {"error": f"{type(error).__name__}: {error}"}
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result


def _target_suite(
    suite: str, context: suites.Context, planner: str, remote: HttpTarget | None
) -> dict:
    """A suite that drives the assistant: over HTTP with --target, else in this process."""
    with ExitStack() as stack:
        if suite == "safety":
            # Planted payloads need a catalogue of their own, so safety runs in-process.
            def make_target(catalogue: Path) -> Target:
                return _in_process(context, planner, stack, catalogue)

            return suites.safety(context, make_target)
        target: Target = remote or _in_process(context, planner, stack, None)
        return getattr(suites, suite)(context, target)


def _in_process(
    context: suites.Context, planner: str, stack: ExitStack, catalogue: Path | None
) -> InProcessTarget:
    """A fresh Assistant with a throw-away store (and index, for a catalogue of its own)."""
    folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="eval-")))
    update: dict[str, Any] = {"data_dir": folder, "llm_backend": planner, "database_url": None}
    if catalogue is not None:
        update |= {"catalogue_path": catalogue, "index_dir": folder / "index", "chroma_url": None}
    settings = context.settings.model_copy(update=update)
    from assistant.conversation.engine import Assistant

    services = build_services(settings, embedder=context.embedder)
    bot = Assistant.from_settings(settings, services=services)
    stack.callback(bot.store.dispose)
    return InProcessTarget(bot)
