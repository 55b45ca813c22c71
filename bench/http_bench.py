"""Chat turns per second and latency through HTTP with concurrent simulated shoppers.

Run: `.venv/bin/python bench/http_bench.py [--shoppers 1 20] [--rounds 3]`.
Starts the real server (`app.py`, rule planner, embedded defaults) on a free port with a
throw-away store, then each shopper runs a scripted conversation over `POST /api/chat`
(search, a review question, add, cart, checkout, yes) `--rounds` times with an async
client, each round in a session the server issues (the first turn starts it). The rate
limits are lifted for the run, since they cap one shopper at 60 turns a minute by design.
Ratios are against the first shopper count, in this same run.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.testing.servers import NoCookies, start_app_server  # noqa: E402

SCRIPT = [
    "wireless earbuds under $60",
    "do reviews say the first one is comfortable?",
    "add the first one to my cart",
    "what's in my cart?",
    "checkout",
    "yes",
]


async def shopper(
    client: httpx.AsyncClient, rounds: int, latencies: list[float], errors: list[str]
) -> None:
    """One simulated shopper: the script, `rounds` times, each turn timed."""
    for _round in range(rounds):
        headers: dict[str, str] = {}  # the first turn starts a session; the rest send it back
        for message in SCRIPT:
            started = time.perf_counter()
            response = await client.post(
                "/api/chat", json={"message": message, "channel": "web"}, headers=headers
            )
            latencies.append(time.perf_counter() - started)
            if response.status_code != 200:
                errors.append(f"{response.status_code} {response.text[:80]}")
                continue
            headers = {"X-Session-Id": response.json()["session_id"]}


async def run(url: str, shoppers: int, rounds: int) -> dict[str, float]:
    """All shoppers at once; turns per second and latency percentiles."""
    latencies: list[float] = []
    errors: list[str] = []
    limits = httpx.Limits(max_connections=shoppers)
    # One client for all shoppers: it keeps no cookies, each shopper's session goes by header.
    async with httpx.AsyncClient(
        base_url=url, timeout=120, limits=limits, cookies=NoCookies()
    ) as client:
        started = time.perf_counter()
        await asyncio.gather(*(shopper(client, rounds, latencies, errors) for _ in range(shoppers)))
        elapsed = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100)
    return {
        "turns": len(latencies),
        "turns_per_s": len(latencies) / elapsed,
        "p50_ms": cuts[49] * 1000,
        "p95_ms": cuts[94] * 1000,
        "p99_ms": cuts[98] * 1000,
        "errors": len(errors),
    }


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shoppers", type=int, nargs="+", default=[1, 20])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        process, url = start_app_server(data_dir)
        try:
            asyncio.run(run(url, 2, 1))  # warm-up: first-query costs stay out of the figures
            results = {count: asyncio.run(run(url, count, args.rounds)) for count in args.shoppers}
        finally:
            process.terminate()
            process.wait(timeout=30)
    base = results[args.shoppers[0]]
    print(f"HTTP chat turns, rule planner, {args.rounds} rounds of {len(SCRIPT)} turns each")
    print("| shoppers | turns | turns/s | ratio | p50 ms | p95 ms | p99 ms | errors |")
    print("|---|---|---|---|---|---|---|---|")
    for count, row in results.items():
        ratio = row["turns_per_s"] / base["turns_per_s"]
        print(
            f"| {count} | {row['turns']} | {row['turns_per_s']:.1f} | {ratio:.2f}x | "
            f"{row['p50_ms']:.1f} | {row['p95_ms']:.1f} | {row['p99_ms']:.1f} | {row['errors']} |"
        )


if __name__ == "__main__":
    main()
