"""Support for tests and benchmarks: a real HTTP server in a thread, and a throw-away
PostgreSQL server, both on loopback."""

from __future__ import annotations

import glob
import http.cookiejar
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx


class NoCookies(http.cookiejar.CookieJar):
    """A cookie jar that keeps nothing: an HTTP client sharing it between simulated shoppers
    sends each one's session by header only, never another's cookie."""

    def set_cookie(self, cookie: http.cookiejar.Cookie) -> None:
        """Keep nothing."""

    def extract_cookies(self, response: object, request: object) -> None:  # type: ignore[override]
        """Keep nothing."""


class PostgresUnavailable(RuntimeError):
    """PostgreSQL cannot be started here; callers skip what needs it."""


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serve_in_thread(app: Any, start_timeout_s: float = 20) -> Iterator[str]:
    """Serve an ASGI app with uvicorn on a free loopback port; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + start_timeout_s
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError(f"uvicorn did not start on port {port}")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


@contextmanager
def throwaway_postgres() -> Iterator[str]:
    """Start a private PostgreSQL server; yields its URL without a database name."""
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    if not initdb or not pg_ctl:
        raise PostgresUnavailable("PostgreSQL is not installed (apt-get install postgresql)")
    as_user: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="shopassist-pg-"))
    if os.geteuid() == 0:  # the server refuses to run as root
        import pwd

        try:
            pwd.getpwnam("postgres")
        except KeyError as exc:
            raise PostgresUnavailable("running as root and no `postgres` user exists") from exc
        as_user = ["runuser", "-u", "postgres", "--"]
        subprocess.run(["chown", "postgres:", str(folder)], check=True)
    data, port = folder / "data", free_port()
    subprocess.run(
        [*as_user, initdb, "-D", str(data), "-U", "shop", "--auth=trust", "--no-sync"],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            *as_user,
            pg_ctl,
            "-D",
            str(data),
            "-w",
            "-l",
            str(folder / "log"),
            "-o",
            f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c max_connections=300",
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql://shop@127.0.0.1:{port}"
    finally:
        subprocess.run(
            [*as_user, pg_ctl, "-D", str(data), "-m", "immediate", "stop"], capture_output=True
        )
        shutil.rmtree(folder, ignore_errors=True)


def create_database(server_url: str) -> str:
    """A new empty database on the server; returns its URL."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{server_url}/postgres", autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    return f"{server_url}/{name}"


def start_app_server(data_dir: str) -> tuple[subprocess.Popen[bytes], str]:
    """`app.py` in a process on a free port, with the rate limits lifted (the benches send
    every call from one address); returns the process and its base URL once it answers."""
    root = Path(__file__).resolve().parents[2]
    port = free_port()
    env = {
        **os.environ,
        "PORT": str(port),
        "DATA_DIR": data_dir,
        "RATE_LIMIT_PER_MINUTE": "1000000",
        "RATE_LIMIT_PER_ADDRESS": "1000000/minute",
        "RATE_LIMIT_NEW_SESSIONS": "1000000/minute",
        "HF_HUB_OFFLINE": "1",
        "GRADIO_ANALYTICS_ENABLED": "False",
    }
    process = subprocess.Popen(
        [sys.executable, str(root / "app.py")],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with {process.returncode}; run `make run` once")
        try:
            if httpx.get(f"{url}/api/products?limit=1", timeout=2).status_code == 200:
                return process, url
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    process.kill()
    raise SystemExit("the server did not answer within 300 s")
