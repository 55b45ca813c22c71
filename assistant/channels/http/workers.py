"""`shopassist serve --workers N`: several uvicorn worker processes over shared engines.

Every worker is a separate process with its own model, catalogue and connection pools, so
whatever two requests of one shopper must agree on lives outside them: sessions, dialogue
state, carts, orders, DMs and rate-limit counters in PostgreSQL (or counters in Redis),
vectors in a Chroma server. `refusals` names each setting that would keep state inside one
process; `serve` refuses to start workers while any is left. The parent brings the index up
to date once (in a child process, so the parent does not hold a model it never uses), then
uvicorn spawns the workers, each of which builds its app with `worker_app`.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys

from fastapi import FastAPI

from assistant.settings import Settings, offline_environment

log = logging.getLogger(__name__)
WORKERS_ENV = "SHOPASSIST_WORKERS"  # tells a spawned worker how many siblings it has
# A worker loads the model before it answers; on a busy machine that is well past uvicorn's
# default 5 s health check, which would otherwise kill and respawn it in a loop.
STARTUP_HEALTHCHECK_S = 120
CLI = ["-m", "assistant.channels.cli"]  # `shopassist` in a child, with this interpreter


class WorkersRefused(ValueError):
    """Several workers were asked for while some state would stay inside one process."""


def refusals(settings: Settings, workers: int) -> list[str]:
    """Why these settings cannot run `workers` processes (empty when they can)."""
    if workers <= 1:
        return []
    reasons = []
    if not settings.database_url or settings.database_url.startswith("sqlite"):
        reasons.append(
            "the store is SQLite (one file per machine, one writer at a time): set "
            "DATABASE_URL=postgresql://user@host/db"
        )
    if not settings.chroma_url:
        reasons.append(
            "the vector index is embedded Chroma (one process may open it): start "
            "`chroma run --path DIR --port 8000` and set CHROMA_URL=http://host:8000"
        )
    if settings.rate_limit_storage.startswith("memory"):
        reasons.append(
            "rate-limit counters are in memory (each worker would count alone): set "
            "RATE_LIMIT_STORAGE=database (or redis://host:port)"
        )
    return reasons


def check_workers(settings: Settings, workers: int) -> None:
    """Raise WorkersRefused, with every reason and its fix, unless `workers` can run."""
    if workers < 1:
        raise WorkersRefused(f"--workers must be at least 1, not {workers}")
    reasons = refusals(settings, workers)
    if reasons:
        lines = "\n".join(f"  - {reason}" for reason in reasons)
        raise WorkersRefused(
            f"cannot start {workers} workers, because state would stay inside one process:\n"
            f"{lines}\n(or run one worker: `shopassist serve` without --workers)"
        )


def encoder_threads_per_worker(workers: int, cores: int | None = None) -> int:
    """Each worker's share of the cores, so that N workers do not run N x cores threads."""
    return max(1, (cores or os.cpu_count() or 1) // workers)


def worker_environment(settings: Settings, workers: int) -> dict[str, str]:
    """What the parent puts in the environment its workers inherit."""
    from assistant.channels.social.apps import APPS

    env = {WORKERS_ENV: str(workers), "CATALOGUE_PATH": str(settings.catalogue_path)}
    if settings.encoder_threads is None:
        env["ENCODER_THREADS"] = str(encoder_threads_per_worker(workers))
    if any(not settings.social_app_secrets.get(app) for app in APPS):
        # A secret made up per process would make one worker refuse the events another
        # signed: draw the missing ones once, here, for every worker.
        import secrets

        chosen = {app: secrets.token_urlsafe(32) for app in APPS}
        env["SOCIAL_APP_SECRETS"] = json.dumps({**chosen, **settings.social_app_secrets})
    return env


def sync_index_once(settings: Settings) -> None:
    """Bring the index up to date before any worker starts (in a child process)."""
    command = [sys.executable, *CLI, "index", "--quiet"]
    command += ["--catalogue", str(settings.catalogue_path)]
    done = subprocess.run(command, check=False)
    if done.returncode != 0:
        raise SystemExit(f"`shopassist index` failed with {done.returncode}; workers not started")


def worker_app() -> FastAPI:
    """The app one worker serves: built from the environment the parent prepared."""
    from assistant.channels.http.app import create_app
    from assistant.wiring import build_assistant, build_services, settle_heap

    offline_environment()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    settings = Settings()
    check_workers(settings, int(os.environ.get(WORKERS_ENV, "2")))
    services = build_services(settings, sync=False)  # the parent synced it
    bot = build_assistant(settings, services=services)
    # The Gradio app and MCP's streamable HTTP sessions live in the process that opened
    # them, so they are served by a single-worker instance only.
    app = create_app(bot, settings, with_ui=False, with_mcp_http=False)
    settle_heap()
    return app


def serve(settings: Settings, host: str, port: int, workers: int) -> None:
    """Start `workers` uvicorn processes on host:port (refused unless the state is shared)."""
    import uvicorn

    check_workers(settings, workers)
    sync_index_once(settings)
    os.environ.update(worker_environment(settings, workers))
    uvicorn.run(
        f"{__name__}:worker_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        timeout_worker_healthcheck=STARTUP_HEALTHCHECK_S,
        log_level="info",  # "Application startup complete" once per worker: who is ready
        access_log=False,
    )
