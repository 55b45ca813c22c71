"""The evaluation report: report.json, report.md and report.html with plots, a baseline
comparison, and `--fail-under` thresholds."""

from __future__ import annotations

import base64
import html
import io
import json
import logging
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def flat_metrics(report: dict[str, Any]) -> dict[str, float]:
    """Every figure as 'suite.metric', with '@planner' for suites run per planner."""
    flat: dict[str, float] = {}
    for suite, runs in report["suites"].items():
        for planner, result in runs.items():
            for name, value in result.get("metrics", {}).items():
                key = f"{suite}.{name}" if planner == "-" else f"{suite}.{name}@{planner}"
                flat[key] = value
    return flat


def compare(current: dict[str, float], baseline: dict[str, float]) -> dict[str, dict[str, float]]:
    """Differences against a baseline report's figures, for the figures both have."""
    return {
        key: {"now": value, "before": baseline[key], "change": round(value - baseline[key], 4)}
        for key, value in current.items()
        if key in baseline and isinstance(value, int | float)
    }


def parse_threshold(text: str) -> tuple[str, float]:
    """'scenarios.scenario_pass_rate@none=0.9' -> (key, 0.9); a clear error otherwise."""
    key, sep, value = text.partition("=")
    try:
        if not sep or not key:
            raise ValueError
        return key.strip(), float(value)
    except ValueError:
        raise ValueError(
            f"--fail-under {text!r}: write METRIC=VALUE, e.g. constraints.all_correct_heldout=0.6"
        ) from None


def failures_under(flat: dict[str, float], thresholds: list[tuple[str, float]]) -> list[str]:
    """The thresholds not met; a metric that was not measured counts as not met."""
    failed = []
    for key, floor in thresholds:
        if key not in flat:
            failed.append(f"{key} was not measured (known: {', '.join(sorted(flat)) or 'none'})")
        elif flat[key] < floor:
            failed.append(f"{key} = {flat[key]} is under {floor}")
    return failed


def _figure_png(figure: Any) -> bytes:
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(figure)
    return buffer.getvalue()


def plots(report: dict[str, Any]) -> dict[str, bytes]:
    """PNG plots: the recall@k curve and the turn-latency distribution per planner (none when
    matplotlib, the `eval` extra, is not installed)."""
    images: dict[str, bytes] = {}
    try:
        import matplotlib

        matplotlib.use("Agg")  # files only; no display on servers
        import matplotlib.pyplot as plt
    except ImportError:
        log.warning("no plots: matplotlib is not installed (pip install 'shopassist[eval]')")
        return images
    review = report["suites"].get("reviewqa", {}).get("-", {})
    if review.get("metrics"):
        curves: dict[str, list[tuple[int, float]]] = {}
        for name, value in review["metrics"].items():
            k, _, system = name.removeprefix("recall@").partition("_")
            if name.startswith("recall@") and k.isdigit():  # recall@5, recall@5_minilm, ...
                curves.setdefault(system or "pipeline", []).append((int(k), value))
        figure, axis = plt.subplots(figsize=(5, 3.2))
        for system, points in curves.items():
            if system in ("pipeline", "minilm", "bm25"):  # not the per-domain recall@5 points
                points.sort()
                axis.plot([k for k, _ in points], [v for _, v in points], marker="o", label=system)
        axis.legend()
        axis.set(xlabel="k", ylabel="recall@k", title="SubjQA evidence recall@k", ylim=(0, 1))
        axis.grid(alpha=0.3)
        images["recall_at_k.png"] = _figure_png(figure)
    latency = report["suites"].get("latency", {})
    series = {
        planner: run["details"]["turn_ms"]
        for planner, run in latency.items()
        if run.get("details", {}).get("turn_ms")
    }
    if series:
        figure, axis = plt.subplots(figsize=(5, 3.2))
        axis.boxplot(list(series.values()), tick_labels=list(series.keys()), vert=False)
        axis.set(xlabel="turn time, ms (log scale)", title="Turn latency by planner", xscale="log")
        axis.grid(alpha=0.3)
        images["latency.png"] = _figure_png(figure)
    return images


def markdown(report: dict[str, Any], comparison: dict[str, dict[str, float]] | None) -> str:
    """The headline table: one row per figure, one column per planner."""
    planners = report["planners"]
    lines = [
        f"# Evaluation {report['run']}",
        "",
        f"Code {report['code_version']}, target {report['target']}, seed {report['seed']}, "
        f"limit {report['limit']}.",
        "",
        f"| suite | metric | data set, split | {' | '.join(planners)} |",
        f"| --- | --- | --- | {' | '.join('---:' for _ in planners)} |",
    ]
    for suite, runs in report["suites"].items():
        first = next(iter(runs.values()))
        empty = " | ".join("" for _ in planners)
        if "skipped" in first:
            lines.append(f"| {suite} | skipped: {first['skipped']} | | {empty} |")
            continue
        for planner, run in runs.items():
            if "error" in run:
                lines.append(f"| {suite} | failed ({planner}): {run['error']} | | {empty} |")
        first = next((run for run in runs.values() if "metrics" in run), first)
        for name in first.get("metrics", {}):
            if "-" in runs:  # a data-set suite: one figure whatever the planner
                value = runs["-"]["metrics"][name]
                cells = [f"{value:g}", *["(same)" for _ in planners[1:]]]
            else:
                values = [runs.get(p, {}).get("metrics", {}).get(name) for p in planners]
                cells = ["" if value is None else f"{value:g}" for value in values]
            where = f"{first.get('dataset', '')}, {first.get('split', '')}"
            lines.append(f"| {suite} | {name} | {where} | {' | '.join(cells)} |")
    if comparison:
        lines += ["", "## Against the baseline", "", "| figure | before | now | change |"]
        lines.append("| --- | ---: | ---: | ---: |")
        for key, row in sorted(comparison.items()):
            lines.append(f"| {key} | {row['before']:g} | {row['now']:g} | {row['change']:+g} |")
    return "\n".join(lines) + "\n"


def write_report(
    report: dict[str, Any], out: Path, comparison: dict[str, dict[str, float]] | None
) -> None:
    """report.json, report.md, report.html and the plots under `out`."""
    out.mkdir(parents=True, exist_ok=True)
    if comparison:
        report = report | {"baseline_comparison": comparison}
    (out / "report.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    text = markdown(report, comparison)
    images = plots(report)
    for name, data in images.items():
        (out / name).write_bytes(data)
    (out / "report.md").write_text(
        text + "".join(f"\n![{name}]({name})\n" for name in images), encoding="utf-8"
    )
    embedded = "".join(
        f'<img alt="{name}" src="data:image/png;base64,{base64.b64encode(data).decode()}">'
        for name, data in images.items()
    )
    (out / "report.html").write_text(
        "<!doctype html><meta charset='utf-8'><title>ShopAssist evaluation</title>"
        "<style>body{font:15px system-ui;max-width:70rem;margin:2rem auto}"
        "pre{white-space:pre-wrap}img{max-width:48%;margin:.5rem}</style>"
        f"<pre>{html.escape(text)}</pre>{embedded}",
        encoding="utf-8",
    )
