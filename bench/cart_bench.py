"""Cart operations and checkouts per second with N concurrent sessions, SQLite and PostgreSQL.

Run: `.venv/bin/python bench/cart_bench.py [--sessions 1 4 16] [--ops 60] [--checkouts 10]`.
Each session is a thread with its own shopper on the demo catalogue. PostgreSQL runs on a
throw-away local server when one can be started. Ratios are against 1 session on the same
backend, measured in this same run.
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

from assistant.catalogue.loader import load_catalogue
from assistant.commerce import CommerceService, Confirmation
from assistant.commerce.pricing import PricingRules
from assistant.settings import DEMO_CATALOGUE
from assistant.storage.engine import Store
from assistant.testing.servers import PostgresUnavailable, create_database, throwaway_postgres


def run_sessions(sessions: int, work: Callable[[int], int]) -> float:
    """Run `work(session)` in parallel threads; returns units of work per second."""
    barrier = threading.Barrier(sessions + 1)
    done: list[int] = [0] * sessions

    def session(index: int) -> None:
        barrier.wait()
        done[index] = work(index)

    threads = [threading.Thread(target=session, args=(i,)) for i in range(sessions)]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    return sum(done) / (time.perf_counter() - started)


def measure(url: str, sessions: int, ops: int, checkouts: int) -> tuple[float, float]:
    """(cart ops/s, checkouts/s) for one backend and one level of concurrency."""
    catalogue, _ = load_catalogue(DEMO_CATALOGUE)
    for product in catalogue.products.values():
        for variant in product.variants:
            variant.stock = 100_000  # the bench measures locking, not selling out
    store = Store(url)
    service = CommerceService(store, catalogue, PricingRules(max_line_qty=10))
    single = [p for p in catalogue.products.values() if len(p.variants) == 1][:20]

    def cart_ops(index: int) -> int:
        shopper = f"bench-{sessions}-{index}"
        for step in range(ops):
            product = single[step % len(single)]
            if step % 3 == 0:
                service.add_item(shopper, product.id, 1)
            elif step % 3 == 1:
                service.set_quantity(shopper, single[(step - 1) % len(single)].id, 2)
            else:
                service.remove_item(shopper, single[(step - 2) % len(single)].id)
        return ops

    def checkout(index: int) -> int:
        shopper = f"buyer-{sessions}-{index}"
        for step in range(checkouts):
            service.add_item(shopper, single[step % len(single)].id, 1)
            summary = service.start_checkout(shopper)
            service.confirm_checkout(
                summary.checkout_id,
                Confirmation(source="ui_button", shopper_id=shopper, evidence=f"bench-{step}"),
            )
        return checkouts

    results = run_sessions(sessions, cart_ops), run_sessions(sessions, checkout)
    store.dispose()
    return results


def main() -> None:
    """Measure every backend at every concurrency level and print one table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--ops", type=int, default=60, help="cart operations per session")
    parser.add_argument("--checkouts", type=int, default=10, help="checkouts per session")
    args = parser.parse_args()
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        backends: list[tuple[str, Callable[[], str]]] = [
            ("sqlite", lambda: f"sqlite:///{folder / f'bench-{time.monotonic_ns()}.sqlite3'}")
        ]
        try:
            server = stack.enter_context(throwaway_postgres())
            backends.append(("postgresql", lambda: create_database(server)))
        except PostgresUnavailable as exc:
            print(f"PostgreSQL skipped: {exc}")
        print(f"\n{args.ops} cart operations and {args.checkouts} checkouts per session.\n")
        print("| backend | sessions | cart ops/s | vs 1 session | checkouts/s | vs 1 session |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        for name, new_url in backends:
            baseline: tuple[float, float] | None = None
            for sessions in args.sessions:
                ops_rate, checkout_rate = measure(new_url(), sessions, args.ops, args.checkouts)
                baseline = baseline or (ops_rate, checkout_rate)
                print(
                    f"| {name} | {sessions} | {ops_rate:,.0f} | {ops_rate / baseline[0]:.2f}x "
                    f"| {checkout_rate:,.1f} | {checkout_rate / baseline[1]:.2f}x |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
