"""HTTP throughput and latency: 1 worker embedded against 2 and 4 workers on shared engines.

Run: `nice .venv/bin/python bench/workers_bench.py [--shoppers 20 100] [--seconds 60]
[--workers 2 4]`.

Baseline: `app.py` as `make run` starts it (one process, SQLite, embedded Chroma, counters
in memory). Against it, `shopassist serve --workers N` on a throw-away PostgreSQL and a
real `chroma run` server (the demo catalogue indexed into it once, before any timing), with
`RATE_LIMIT_STORAGE=database`, so every request also counts on the shared store. Each
simulated shopper loops for `--seconds` over a mixed session: a search, a review question,
an add to cart (chat), `GET /api/cart`, «checkout», the confirm button, `GET /api/orders`;
a new session each loop. Every request is timed; an error is a non-2xx answer or a failed
request. The rate limits are lifted (they cap one shopper at 60 requests a minute by
design). Ratios are against the 1-worker baseline at the same shopper count, in this run;
the machine's load average is printed beside each row, since other work shares its cores.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.testing.servers import (  # noqa: E402
    NoCookies,
    create_database,
    serve_workers,
    start_app_server,
    throwaway_chroma,
    throwaway_postgres,
)

SEARCHES = ["wireless earbuds under $60", "a warm jacket for winter", "running shoes"]
LIFTED = {
    "RATE_LIMIT_PER_MINUTE": "1000000",
    "RATE_LIMIT_PER_ADDRESS": "1000000/minute",
    "RATE_LIMIT_NEW_SESSIONS": "1000000/minute",
}


@dataclass
class Tally:
    """Every request's latency and every error of one run."""

    latencies: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)  # status code or exception name

    async def call(
        self, client: httpx.AsyncClient, method: str, path: str, **kw: Any
    ) -> dict[str, Any] | None:
        """One timed request; its JSON on success, None (an error counted) otherwise."""
        started = time.perf_counter()
        try:
            response = await client.request(method, path, **kw)
        except httpx.HTTPError as error:
            self.latencies.append(time.perf_counter() - started)
            self.errors[type(error).__name__] += 1
            return None
        self.latencies.append(time.perf_counter() - started)
        if response.status_code >= 300:
            self.errors[f"{response.status_code} {path}"] += 1
            return None
        return response.json()


async def one_session(client: httpx.AsyncClient, tally: Tally, search: str) -> None:
    """A shopper's visit: search, ask, add, look at the cart, check out, confirm, orders."""
    first = await tally.call(client, "POST", "/api/chat", json={"message": search})
    if first is None:
        return
    session = {"X-Session-Id": first["session_id"]}
    for message in ("do reviews say the first one is comfortable?", "add the first one"):
        await tally.call(client, "POST", "/api/chat", json={"message": message}, headers=session)
    await tally.call(client, "GET", "/api/cart", headers=session)
    reply = await tally.call(
        client, "POST", "/api/chat", json={"message": "checkout"}, headers=session
    )
    pending = (reply or {}).get("pending_checkout")
    if pending:
        button = {"checkout_id": pending["checkout_id"], "nonce": pending["nonce"]}
        await tally.call(client, "POST", "/api/checkout/confirm", json=button, headers=session)
    await tally.call(client, "GET", "/api/orders", headers=session)


async def load(url: str, shoppers: int, seconds: float) -> dict[str, Any]:
    """`shoppers` at once for `seconds`; requests per second, percentiles, error rate."""
    tally = Tally()
    deadline = time.monotonic() + seconds

    async def shopper(index: int) -> None:
        while time.monotonic() < deadline:
            await one_session(client, tally, SEARCHES[index % len(SEARCHES)])

    limits = httpx.Limits(max_connections=shoppers)
    async with httpx.AsyncClient(
        base_url=url, timeout=60, limits=limits, cookies=NoCookies()
    ) as client:
        started = time.perf_counter()
        await asyncio.gather(*(shopper(index) for index in range(shoppers)))
        elapsed = time.perf_counter() - started
    cuts = statistics.quantiles(tally.latencies, n=100)
    return {
        "requests": len(tally.latencies),
        "per_s": len(tally.latencies) / elapsed,
        "p50": cuts[49] * 1000,
        "p95": cuts[94] * 1000,
        "p99": cuts[98] * 1000,
        "error_pct": 100 * sum(tally.errors.values()) / max(1, len(tally.latencies)),
        "errors": dict(tally.errors),
        "load": os.getloadavg()[0],
    }


def measure(url: str, shoppers: list[int], seconds: float) -> dict[int, dict[str, Any]]:
    """A warm-up, then each shopper count in turn against one server."""
    asyncio.run(load(url, 2, 5))  # first-query costs stay out of the figures
    return {count: asyncio.run(load(url, count, seconds)) for count in shoppers}


@contextmanager
def embedded_server(scratch: Path) -> Iterator[str]:
    """`app.py` (one process, embedded engines; it lifts the rate limits itself)."""
    process, url = start_app_server(str(scratch / "embedded"))
    try:
        yield url
    finally:
        process.terminate()
        process.wait(timeout=60)


def shared_env(postgres: str, chroma: str, scratch: Path) -> dict[str, str]:
    """The environment of a multi-worker server on a fresh database."""
    return {
        **LIFTED,
        "DATABASE_URL": create_database(postgres),
        "CHROMA_URL": chroma,
        "RATE_LIMIT_STORAGE": "database",
        "DATA_DIR": str(scratch / "var"),
        "HF_HUB_OFFLINE": "1",
    }


def print_table(results: dict[str, dict[int, dict[str, Any]]], seconds: float) -> None:
    """The Markdown table, ratios against the 1-worker row at the same shopper count."""
    print(f"\nMixed sessions over HTTP, {seconds:.0f} s per row, rule planner, demo catalogue;")
    print(f"{os.cpu_count()} cores; load = 1-minute load average at the end of the row")
    print("| server | shoppers | requests | req/s | vs 1 worker | p50 ms | p95 ms | p99 ms "
          "| errors % | load |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    baseline = results["1 worker, embedded"]
    for name, rows in results.items():
        for count, row in rows.items():
            ratio = row["per_s"] / baseline[count]["per_s"]
            print(
                f"| {name} | {count} | {row['requests']} | {row['per_s']:.1f} | {ratio:.2f}x "
                f"| {row['p50']:.0f} | {row['p95']:.0f} | {row['p99']:.0f} "
                f"| {row['error_pct']:.2f} | {row['load']:.1f} |"
            )
    for name, rows in results.items():
        for count, row in rows.items():
            if row["errors"]:
                print(f"errors, {name}, {count} shoppers: {row['errors']}")


def main() -> None:
    """Run every server configuration in turn and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shoppers", type=int, nargs="+", default=[20, 100])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, nargs="+", default=[2, 4])
    parser.add_argument("--logs", type=Path, help="keep the servers' logs in this folder")
    args = parser.parse_args()
    results: dict[str, dict[int, dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        print(f"load before: {os.getloadavg()}", flush=True)
        if args.logs:
            args.logs.mkdir(parents=True, exist_ok=True)
        with embedded_server(scratch) as url:
            results["1 worker, embedded"] = measure(url, args.shoppers, args.seconds)
        print(f"1 worker done: {results['1 worker, embedded']}", flush=True)
        with throwaway_postgres() as postgres, throwaway_chroma(scratch / "chroma") as chroma:
            for workers in args.workers:
                env = shared_env(postgres, chroma, scratch)
                log = (args.logs or scratch) / f"serve-{workers}.log"
                with serve_workers(env, workers, log) as (_, url):
                    name = f"{workers} workers, PostgreSQL + Chroma server"
                    results[name] = measure(url, args.shoppers, args.seconds)
                print(f"{workers} workers done: {results[name]}", flush=True)
    print_table(results, args.seconds)


if __name__ == "__main__":
    main()
