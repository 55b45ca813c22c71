"""Tool latency over MCP (streamable HTTP) beside the same operation over the plain HTTP API.

Run: `.venv/bin/python bench/agents_bench.py [--calls 200]`.
Starts the real server (`app.py`: demo catalogue, real model, embedded Chroma) on a free
port with a throw-away store, opens one MCP session with the SDK's `ClientSession` at `/mcp`
and one HTTP client, and times each operation `--calls` times, alternating MCP and HTTP call
by call so both see the same server state: a product search (`search_products` against
`GET /api/products?q=`) and a product page (`get_product` against `GET /api/products/{id}`).
Ratios are MCP over HTTP in this same run. Tools with no plain-HTTP twin (review evidence,
a cart line, the cart) are timed too, with no ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mcp import ClientSession  # noqa: E402
from mcp.client.streamable_http import streamable_http_client  # noqa: E402

from assistant.testing.servers import start_app_server  # noqa: E402

QUERIES = [
    "wireless earbuds under $60",
    "waterproof running jacket",
    "noise cancelling headphones",
    "blue yoga mat",
    "coffee grinder",
    "kids backpack in red",
    "bluetooth speaker for the shower",
    "trail running shoes size 10",
]
PRODUCTS = [f"P{n:04d}" for n in range(1, 41)]
Timed = Callable[[int], Awaitable[Any]]


async def timed(call: Timed, index: int, into: list[float]) -> None:
    """Run one call and record its wall time; a failed call stops the bench."""
    started = time.perf_counter()
    await call(index)
    into.append(time.perf_counter() - started)


def percentiles(samples: list[float]) -> tuple[float, float]:
    """p50 and p95 in milliseconds."""
    cuts = statistics.quantiles(samples, n=100)
    return cuts[49] * 1000, cuts[94] * 1000


async def bench(url: str, calls: int) -> dict[str, dict[str, list[float]]]:
    """Each operation `calls` times per transport, MCP and HTTP alternating."""

    async with (
        httpx.AsyncClient(base_url=url, timeout=60) as http,
        streamable_http_client(f"{url}/mcp") as (read, write),
        ClientSession(read, write) as mcp,
    ):
        await mcp.initialize()

        async def tool(name: str, **args: Any) -> Any:
            result = await mcp.call_tool(name, args)
            if result.is_error:
                raise SystemExit(f"{name} failed: {result.content}")
            return result

        async def get(path: str, **params: Any) -> Any:
            response = await http.get(path, params=params)
            response.raise_for_status()
            return response

        pairs: dict[str, tuple[Timed, Timed | None]] = {
            "search": (
                lambda i: tool("search_products", query=QUERIES[i % len(QUERIES)], limit=5),
                lambda i: get("/api/products", q=QUERIES[i % len(QUERIES)], limit=5),
            ),
            "product page": (
                lambda i: tool("get_product", product_id=PRODUCTS[i % len(PRODUCTS)]),
                lambda i: get(f"/api/products/{PRODUCTS[i % len(PRODUCTS)]}"),
            ),
            "review evidence": (
                lambda i: tool(
                    "ask_reviews", product_id=PRODUCTS[i % len(PRODUCTS)], question="is it comfy?"
                ),
                None,
            ),
            "add / remove a cart line": (
                lambda i: (
                    tool("add_to_cart", product_id="P0004", quantity=1)
                    if i % 2 == 0
                    else tool("remove_from_cart", product_id="P0004")
                ),
                None,
            ),
            "cart": (lambda i: tool("get_cart"), None),
        }
        results: dict[str, dict[str, list[float]]] = {}
        for name, (over_mcp, over_http) in pairs.items():
            for index in range(5):  # warm-up: first-call costs stay out of the figures
                await over_mcp(index)
                if over_http:
                    await over_http(index)
            samples: dict[str, list[float]] = {"MCP": [], "HTTP": []}
            for index in range(calls):
                order = [("MCP", over_mcp), ("HTTP", over_http)]
                for transport, call in order if index % 2 else order[::-1]:
                    if call is not None:
                        await timed(call, index, samples[transport])
            results[name] = {key: value for key, value in samples.items() if value}
        return results


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        process, url = start_app_server(data_dir)
        try:
            results = asyncio.run(bench(url, args.calls))
        finally:
            process.terminate()
            process.wait(timeout=30)
    print(f"Tool latency, one client, {args.calls} calls per operation and transport")
    print("| operation | transport | calls | p50 ms | p95 ms | p50 vs HTTP | p95 vs HTTP |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for name, samples in results.items():
        base = percentiles(samples["HTTP"]) if "HTTP" in samples else None
        for transport in ("HTTP", "MCP"):
            if transport not in samples:
                continue
            p50, p95 = percentiles(samples[transport])
            ratios = f"{p50 / base[0]:.2f}x | {p95 / base[1]:.2f}x" if base else "— | —"
            print(
                f"| {name} | {transport} | {len(samples[transport])} | {p50:.1f} | {p95:.1f} | "
                f"{ratios} |"
            )


if __name__ == "__main__":
    main()
