"""Red team: impersonation, forgery and replay requests against a real server; prints each
attempt and tried / refused / broke (broke must be 0).

Run: `.venv/bin/python bench/red_team.py`. Starts the app (demo off, as deployed; rule
planner; the index under INDEX_DIR, built on first use) on a free loopback port over a
throw-away store, sets up the victims through legitimate paths (a registered web shopper
with a cart and an open checkout; `ben_k` linked in Snapgram through signed events), then
tries every attempt in `assistant/testing/redteam_attacks.py` with only the attacker's own
guest session and Snapgram token. An attempt is refused when it gets its expected 4xx,
changes nothing (carts, orders, links, consents, DMs, wishlists, the pending checkout) and
reveals nothing of the victims.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.channels.http.app import create_app  # noqa: E402
from assistant.settings import Settings, offline_environment  # noqa: E402
from assistant.testing import redteam  # noqa: E402
from assistant.testing.redteam_attacks import ATTACKS  # noqa: E402
from assistant.testing.servers import NoCookies, serve_in_thread  # noqa: E402
from assistant.wiring import build_assistant  # noqa: E402


def main() -> int:
    """Run every attempt; exit 1 if any broke through."""
    offline_environment()
    with tempfile.TemporaryDirectory() as data_dir:
        settings = Settings(
            data_dir=Path(data_dir), demo_mode=False, rate_limit_per_address="100000/minute"
        )
        bot = build_assistant(settings, progress=True)
        app = create_app(bot, settings)
        with (
            serve_in_thread(app) as url,
            httpx.Client(base_url=url, timeout=60, cookies=NoCookies()) as client,
        ):
            services = app.state.services
            scene = redteam.prepare(client, services)
            outcomes = [redteam.run(client, services, scene, attack) for attack in ATTACKS]
    print("| # | attempt | status | result |")
    print("|---|---|---|---|")
    for number, outcome in enumerate(outcomes, start=1):
        result = "refused" if outcome.refused else f"BROKE: {outcome.why}"
        print(f"| {number} | {outcome.name} | {outcome.status} | {result} |")
    refused = sum(outcome.refused for outcome in outcomes)
    broke = len(outcomes) - refused
    print(f"\ntried {len(outcomes)} / refused {refused} / broke {broke}")
    return 1 if broke else 0


if __name__ == "__main__":
    raise SystemExit(main())
