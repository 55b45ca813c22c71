"""What the typo respelling costs a turn as the catalogue grows: the demo, 10k and 100k products.

Run: `.venv/bin/python bench/spelling_bench.py [--products 10000 100000]
[--work /tmp/shopassist-scale]`.
Every chat message passes through `TitleSpelling.respelled` before it is understood. For the
demo catalogue and seeded big ones (`scripts/make_big_catalogue.py`, imported as
`bench/scale_bench.py` does and in the same work folder, so both share the exports) this times
building the speller (once per process), then per message: messages whose words the shop or
the word list knows (the common case), messages with a typo never seen before (a full scan of
the title words, then cached), and the same typos again (the cache). Ratios are against the
demo catalogue, in this same run. Nothing is written into the repository.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from scale_bench import prepare  # noqa: E402  (the bench folder is not a package)

from assistant.catalogue.loader import load_catalogue  # noqa: E402
from assistant.conversation.understanding.spelling import TitleSpelling, model_words  # noqa: E402

KNOWN = [
    "wireless earbuds under $60",
    "do reviews say the first one is comfortable?",
    "add the first one in size 9 to my cart",
    "what's your returns policy for opened items",
    "a kettle under $40 with good reviews, nothing plastic please",
    "ok checkout",
]
# Each typo differs by a letter more, a letter less or two swapped; several per message.
TYPOS = [
    "wireles earbuds under $60",
    "dumbells for my garage gym",
    "headphons with noise cancelling",
    "a blendr that crushes ice",
    "sunscren for the beach",
    "runing shoes for a marathon",
    "a backpak for school and a waterbottle",
    "kettel under $40",
]


def timed_ms(call, messages: list[str], rounds: int) -> list[float]:
    """Milliseconds per call of each message, over rounds."""
    times = []
    for _ in range(rounds):
        for message in messages:
            started = time.perf_counter()
            call(message)
            times.append((time.perf_counter() - started) * 1000)
    return times


def measure(catalogue_folder: Path, rounds: int) -> dict[str, float]:
    """Build and per-message times for one catalogue."""
    catalogue, _ = load_catalogue(catalogue_folder)
    english = model_words()
    started = time.perf_counter()
    speller = TitleSpelling(catalogue, english)
    build_s = time.perf_counter() - started
    known = timed_ms(speller.respelled, KNOWN, rounds)
    first = timed_ms(speller.respelled, TYPOS, 1)  # cold: nothing cached yet
    again = timed_ms(speller.respelled, TYPOS, rounds)
    return {
        "products": len(catalogue.products),
        "build_s": build_s,
        "known_p50": statistics.median(known),
        "known_p95": statistics.quantiles(known, n=20)[18],
        "typo_first_p50": statistics.median(first),
        "typo_first_max": max(first),
        "typo_again_p50": statistics.median(again),
    }


def main() -> None:
    """Measure each catalogue, then print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/shopassist-scale"))
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"load before: {os.getloadavg()}, {os.cpu_count()} cores")
    folders = [("demo", ROOT / "assistant" / "data" / "demo")]
    folders += [(f"{n:,}", prepare(n, args.work)) for n in sorted(args.products)]
    rows = [(name, measure(folder, args.rounds)) for name, folder in folders]
    print(f"load after: {os.getloadavg()}")
    base = rows[0][1]
    print(
        "| catalogue | products | build s | known msg p50 / p95 ms | new typo msg p50 / max ms "
        "| vs demo | cached typo msg p50 ms |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, row in rows:
        print(
            f"| {name} | {row['products']:,} | {row['build_s']:.2f} "
            f"| {row['known_p50']:.3f} / {row['known_p95']:.3f} "
            f"| {row['typo_first_p50']:.2f} / {row['typo_first_max']:.2f} "
            f"| {row['typo_first_p50'] / base['typo_first_p50']:.1f}x "
            f"| {row['typo_again_p50']:.3f} |"
        )


if __name__ == "__main__":
    main()
