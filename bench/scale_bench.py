"""Catalogue size against index build, search and turn latency: 1k, 10k and 100k products.

Run: `.venv/bin/python bench/scale_bench.py [--products 1000 10000 100000]
[--runtime onnx-int8] [--build-budget-s 900] [--work /tmp/shopassist-scale]`.
For each size: a seeded shop export (`scripts/make_big_catalogue.py`) imported with
`shopassist import csv`; then, each in a fresh process, `shopassist index` three times (first
build, nothing changed, one product changed) with wall time (process start and model load
included) and peak RSS, the index's size on disk; BM25 + filters searches over the whole
catalogue (no vectors needed); and chat turns in process (a scripted mix of filtered
searches, review questions, cart and checkout) with p50/p95.
A first build that outlasts `--build-budget-s` is killed (as a kill mid-build would be): its
texts/s is measured over what it stored, its full time extrapolated and marked `~`, and the
steps that need a finished index are left out for that size. Ratios are against the smallest
size, in this same run; the machine's load is printed before and after. Nothing is written
into the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INDEX_CHILD = """
import sys, time
from assistant.channels.cli import main
started = time.perf_counter()
code = main(["index", "--catalogue", sys.argv[1]])  # its progress bar goes to stderr
print("RESULT", time.perf_counter() - started)
sys.exit(code)
"""
COUNT_CHILD = """
import sys
from assistant.catalogue.loader import load_catalogue
from assistant.search.index import COLLECTIONS, catalogue_texts, make_client, policy_texts
from assistant.settings import Settings
settings = Settings(catalogue_path=sys.argv[1])
products, passages = catalogue_texts(load_catalogue(settings.catalogue_path)[0])
client = make_client(settings)
stored = 0
for name in COLLECTIONS:
    try:
        stored += client.get_collection(name).count()
    except Exception:
        pass  # not created before the kill
print("RESULT", len(products) + len(passages) + len(policy_texts()), stored)
"""
SEARCH_CHILD = """
import statistics, sys, time
from assistant.catalogue.loader import load_catalogue
from assistant.search.retrieval import Retriever
class NoVectors:  # BM25 + filters only: the lexical mode never reads the collections
    def collections(self):
        return None, None
catalogue = load_catalogue(sys.argv[1])[0]
started = time.perf_counter()
retriever = Retriever(catalogue, NoVectors(), embedder=None)
ready = time.perf_counter() - started
queries = sys.argv[2:]
retriever.search(queries[0], mode="lexical")
times = []
for _ in range(10):
    for query in queries:
        began = time.perf_counter()
        retriever.search(query, mode="lexical")
        times.append((time.perf_counter() - began) * 1000)
cuts = statistics.quantiles(times, n=100)
print("RESULT", cuts[49], cuts[94], ready)
"""
TURN_CHILD = """
import json, resource, statistics, sys, time
from pathlib import Path
from assistant.settings import Settings
from assistant.wiring import build_assistant, settle_heap
settings = Settings(catalogue_path=Path(sys.argv[1]), data_dir=Path(sys.argv[2]))
started = time.perf_counter()
bot = build_assistant(settings)
ready = time.perf_counter() - started
script = json.loads(sys.argv[3])
bot.chat("warm-up", script[0])
settle_heap()  # as the server does once it is up
times = []
for session in range(int(sys.argv[4])):
    for message in script:
        began = time.perf_counter()
        bot.chat(f"s{session}", message)
        times.append((time.perf_counter() - began) * 1000)
cuts = statistics.quantiles(times, n=100)
print("RESULT", json.dumps({"turns": len(times), "p50": cuts[49], "p95": cuts[94], "ready_s": ready,
      "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""
SCRIPT = [
    "wireless earbuds under $60",
    "do reviews say the first one is comfortable?",
    "running shoes in black",
    "add the first one in size 9 to my cart",
    "a kettle under $40 with good reviews",
    "what's in my cart?",
    "checkout",
    "yes",
]
SEARCHES = [
    "wireless earbuds under $60",
    "running shoes in black size 9",
    "a kettle under $40 with good reviews",
    "waterproof rain jacket in M",
    "yoga mat that does not slip",
    "coffee beans rated 4 stars and up",
    "something to keep me dry in a storm",
    "headlamp for night hikes",
]


def peak_rss_mb(pid: int) -> float:
    """A running process's peak resident memory (VmHWM), in MB; 0 once it has gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    line = next((row for row in status.splitlines() if row.startswith("VmHWM:")), "VmHWM: 0 kB")
    return int(line.split()[1]) / 1024


def run_child(
    code: str, args: list[str], env: dict[str, str], budget_s: float | None = None
) -> tuple[str | None, float, str]:
    """A fresh Python process: what follows its RESULT line (None when killed at the
    budget), its peak RSS in MB (read while it runs) and its stderr."""
    with tempfile.TemporaryFile("w+") as errors:
        child = subprocess.Popen(
            [sys.executable, "-c", code, *args],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=errors, text=True,
        )  # fmt: skip
        started, peak, killed = time.monotonic(), 0.0, False
        while child.poll() is None:
            peak = max(peak, peak_rss_mb(child.pid))
            if budget_s is not None and time.monotonic() - started > budget_s:
                child.kill()  # as an operator's kill would: the next build resumes
                child.wait()
                killed = True
            time.sleep(0.5)
        errors.seek(0)
        stderr = errors.read()
    output = child.stdout.read() if child.stdout else ""
    if killed:
        return None, peak, stderr
    if child.returncode != 0:
        sys.stderr.write(stderr)
        raise SystemExit(f"child failed ({child.returncode}); its errors are above")
    return next(line for line in output.splitlines() if line.startswith("RESULT"))[7:], peak, stderr


def bar_progress(stderr: str) -> tuple[int, float]:
    """Texts done and seconds spent at the progress bar's last update (tqdm's own clock)."""
    found = re.findall(r"(\d+)/\d+ \[(?:(\d+):)?(\d+):(\d+)<", stderr)
    if not found:
        return 0, 0.0
    done, hours, minutes, seconds = found[-1]
    return int(done), int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)


def prepare(products: int, work: Path) -> Path:
    """The imported catalogue folder for a size (generated and imported once)."""
    source, catalogue = work / f"src-{products}", work / f"catalogue-{products}"
    if not (catalogue / "products.jsonl").is_file():
        subprocess.run(
            [sys.executable, "scripts/make_big_catalogue.py", "--products", str(products),
             "--out", str(source)],
            cwd=ROOT, check=True,
        )  # fmt: skip
        subprocess.run(
            [sys.executable, "-m", "assistant.channels.cli", "import", "csv",
             str(source / "products.csv"), "--reviews", str(source / "reviews.csv"),
             "--out", str(catalogue)],
            cwd=ROOT, check=True,
        )  # fmt: skip
    return catalogue


def change_one_product(catalogue: Path) -> None:
    """Rewrite one product's description, as a shop's daily edit would."""
    path = catalogue / "products.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    first["description"] += " Now with a longer warranty."
    path.write_text("\n".join([json.dumps(first), *lines[1:]]) + "\n", encoding="utf-8")


def folder_size_mb(folder: Path) -> float:
    """Bytes under a folder, in MB."""
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6


def measure_build(products: int, work: Path, runtime: str, budget_s: float) -> dict:
    """First build (killed at the budget), no-change and one-changed rebuilds, RSS, size."""
    catalogue = prepare(products, work)
    index_dir = work / f"index-{products}-{runtime}"
    shutil.rmtree(index_dir, ignore_errors=True)
    index_dir.mkdir(parents=True)
    env = environment(index_dir, runtime)
    started = time.monotonic()
    result, peak, stderr = run_child(INDEX_CHILD, [str(catalogue)], env, budget_s)
    elapsed = time.monotonic() - started
    counted = run_child(COUNT_CHILD, [str(catalogue)], env)[0]
    texts, stored = map(int, (counted or "0 0").split())
    row = {"texts": texts, "peak_rss_mb": peak, "complete": result is not None}
    if result is None:  # killed: the bar's rate, the rest extrapolated at that rate
        done, bar_s = bar_progress(stderr)
        if not done or not bar_s:
            raise SystemExit(f"nothing was embedded in {budget_s:.0f} s; raise --build-budget-s")
        rate = done / bar_s
        # Start-up (loading, hashing) is what ran before the bar's clock: it is kept whole.
        first_s = (elapsed - bar_s) + texts / rate
        return {**row, "stored": stored, "texts_per_s": rate, "first_s": first_s}
    first_s = float(result)
    row.update(first_s=first_s, texts_per_s=texts / first_s)
    row["index_mb"] = folder_size_mb(index_dir)
    row["same_s"] = float(run_child(INDEX_CHILD, [str(catalogue)], env)[0] or 0)
    backup = (catalogue / "products.jsonl").read_bytes()
    change_one_product(catalogue)
    try:
        row["one_changed_s"] = float(run_child(INDEX_CHILD, [str(catalogue)], env)[0] or 0)
    finally:
        (catalogue / "products.jsonl").write_bytes(backup)
    run_child(INDEX_CHILD, [str(catalogue)], env)  # back to the catalogue as generated
    return row


def measure_search(products: int, work: Path) -> dict[str, float]:
    """BM25 + filters over every product: p50/p95 per search and the set-up time."""
    args = [str(prepare(products, work)), *SEARCHES]
    result = run_child(SEARCH_CHILD, args, dict(os.environ))[0]
    p50, p95, ready = map(float, (result or "0 0 0").split())
    return {"search_p50": p50, "search_p95": p95, "search_ready_s": ready}


def measure_turns(products: int, work: Path, runtime: str, sessions: int) -> dict[str, float]:
    """Chat turns in process over the built index: p50/p95 and the serving process's RSS."""
    catalogue = prepare(products, work)
    data_dir = work / f"var-{products}"
    shutil.rmtree(data_dir, ignore_errors=True)
    env = environment(work / f"index-{products}-{runtime}", runtime)
    args = [str(catalogue), str(data_dir), json.dumps(SCRIPT), str(sessions)]
    return json.loads(run_child(TURN_CHILD, args, env)[0] or "{}")


def environment(index_dir: Path, runtime: str) -> dict[str, str]:
    """The child processes' settings; the ONNX export is shared, built once outside the timing."""
    return {**os.environ, "INDEX_DIR": str(index_dir), "EMBEDDING_RUNTIME": runtime,
            "ONNX_DIR": str(index_dir.parent / "models"),
            "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}  # fmt: skip


def export_once(work: Path, runtime: str) -> None:
    """Build the ONNX export before any timed build (a no-op for torch)."""
    code = (
        "import sys; from pathlib import Path\n"
        "from assistant.search.embeddings import SentenceTransformerEmbedder\n"
        "SentenceTransformerEmbedder(runtime=sys.argv[1], cache_dir=Path(sys.argv[2]))\n"
        "print('RESULT ok')"
    )
    (work / "models").mkdir(parents=True, exist_ok=True)
    run_child(code, [runtime, str(work / "models")], environment(work, runtime))


def cell(row: dict, key: str, spec: str = ".1f") -> str:
    """A figure, or `n/m` (not measured) where the size's index was not finished."""
    return format(row[key], spec) if key in row else "n/m"


def print_table(rows: list[dict]) -> None:
    """One row per size, ratios against the first (smallest) size."""
    base = rows[0]
    print(
        "\n| products | texts | first build s | texts/s | build vs smallest | peak RSS MB (build) "
        "| index MB | no change s | one changed s | BM25+filters p50/p95 ms | vs smallest (p95) "
        "| turn p50/p95 ms | vs smallest (p95) | serving RSS MB |"
    )
    print("|" + "---|" * 14)
    for row in rows:
        mark = "" if row["complete"] else "~"
        turns = f"{row['p50']:.0f} / {row['p95']:.0f}" if "p95" in row else "n/m"
        turn_ratio = f"{row['p95'] / base['p95']:.1f}x" if "p95" in row and "p95" in base else ""
        serving = f"{row['rss_kb'] / 1024:.0f}" if "rss_kb" in row else "n/m"
        print(
            f"| {row['products']:,} | {row['texts']:,} | {mark}{row['first_s']:.0f} | "
            f"{row['texts_per_s']:.1f} | {mark}{row['first_s'] / base['first_s']:.1f}x | "
            f"{row['peak_rss_mb']:.0f} | {cell(row, 'index_mb', '.0f')} | {cell(row, 'same_s')} | "
            f"{cell(row, 'one_changed_s')} | {row['search_p50']:.1f} / {row['search_p95']:.1f} | "
            f"{row['search_p95'] / base['search_p95']:.1f}x | {turns} | {turn_ratio} | {serving} |"
        )
    for row in rows:
        if not row["complete"]:
            print(
                f"\n~ {row['products']:,} products: the first build was killed at the budget "
                f"with {row['stored']:,} of {row['texts']:,} texts stored; its time is the "
                "start-up plus every text at the progress bar's rate; peak RSS is up to the "
                "kill; n/m = not measured."
            )


def main() -> None:
    """Measure each size, then print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument(
        "--runtime", default="onnx-int8", choices=["torch", "torch-bf16", "onnx", "onnx-int8"]
    )
    parser.add_argument("--work", type=Path, default=Path("/tmp/shopassist-scale"))
    parser.add_argument("--sessions", type=int, default=5, help="scripted sessions per size")
    parser.add_argument("--build-budget-s", type=float, default=900, help="first build's limit")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"load before: {os.getloadavg()}, {os.cpu_count()} cores, runtime {args.runtime}")
    export_once(args.work, args.runtime)
    rows = []
    for products in sorted(args.products):
        started = time.perf_counter()
        row = {"products": products}
        row.update(measure_build(products, args.work, args.runtime, args.build_budget_s))
        row.update(measure_search(products, args.work))
        if row["complete"]:
            row.update(measure_turns(products, args.work, args.runtime, args.sessions))
        print(f"{products} products: {time.perf_counter() - started:.0f} s, {json.dumps(row)}")
        rows.append(row)
    print(f"load after: {os.getloadavg()}")
    print_table(rows)


if __name__ == "__main__":
    main()
