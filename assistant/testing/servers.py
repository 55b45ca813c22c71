"""Support for tests and benchmarks: a real HTTP server in a thread, and throw-away
PostgreSQL and Chroma servers, all on loopback."""

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

from assistant.channels.http.workers import CLI


class NoCookies(http.cookiejar.CookieJar):
    """A cookie jar that keeps nothing: an HTTP client sharing it between simulated shoppers
    sends each one's session by header only, never another's cookie."""

    def set_cookie(self, cookie: http.cookiejar.Cookie) -> None:
        """Keep nothing."""

    def extract_cookies(self, response: object, request: object) -> None:  # type: ignore[override]
        """Keep nothing."""


class PostgresUnavailable(RuntimeError):
    """PostgreSQL cannot be started here; callers skip what needs it."""


class ChromaUnavailable(RuntimeError):
    """The `chroma` command is not installed; callers skip what needs it."""


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


def wait_until_answers(url: str, process: subprocess.Popen[bytes], timeout_s: float) -> None:
    """Poll `url` until it answers 200; RuntimeError if the process exits or time runs out."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if process.poll() is not None:
            raise RuntimeError(f"{process.args!r} exited with {process.returncode}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not answer within {timeout_s:.0f} s")
        time.sleep(0.2)


@contextmanager
def throwaway_chroma(folder: Path) -> Iterator[str]:
    """A `chroma run` server persisting under `folder`; yields its URL."""
    chroma = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    if not Path(chroma).exists():
        raise ChromaUnavailable("the `chroma` command is not installed (pip install chromadb)")
    port = free_port()
    command = [chroma, "run", "--path", str(folder), "--host", "127.0.0.1", "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_answers(f"{url}/api/v2/heartbeat", server, timeout_s=60)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


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


def worker_pids(parent: int) -> list[int]:
    """The uvicorn worker processes (spawned children) of a `serve --workers` parent."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[1]) == parent and b"spawn_main" in command:
            found.append(int(stat.parent.name))
    return sorted(found)


def cpu_ticks(pid: int) -> int:
    """User plus system CPU time a process has used, in clock ticks."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


@contextmanager
def serve_workers(
    env: dict[str, str], workers: int, log_path: Path, start_timeout_s: float = 600
) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """`shopassist serve --workers N` in a process group of its own, on a free port, with
    `env` on top of this environment; yields the parent process and its base URL once every
    worker has finished starting."""
    port = free_port()
    command = [sys.executable, *CLI, "serve"]
    command += ["--workers", str(workers), "--host", "127.0.0.1", "--port", str(port)]
    root = Path(__file__).resolve().parents[2]
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command,
            cwd=root,
            env={**os.environ, **env},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + start_timeout_s
        while (log := log_path.read_text(errors="replace")).count("startup complete") < workers:
            if process.poll() is not None or time.monotonic() > deadline or "Traceback" in log:
                tail = log[-3000:]
                raise RuntimeError(f"`serve --workers {workers}` did not start:\n{tail}")
            time.sleep(0.5)
        wait_until_answers(f"{url}/api/products?limit=1", process, timeout_s=60)
        yield process, url
    finally:
        _stop_group(process)


def _stop_group(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM the process group (the parent stops its workers), SIGKILL if it lingers."""
    import signal

    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass
