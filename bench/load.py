"""`cuttings serve` as a subprocess on loopback, and an HTTP client engine for GET /api/search.

The load generator is plain Python: threads over http.client with keep-alive connections,
one per client, so no extra tool (wrk) is needed. Only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from bench.engines import PER_PAGE, folder_size
from bench.queries import BenchQuery

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def cuttings_command() -> list[str]:
    """The `cuttings` console script beside this Python, else the same entry point via -c."""
    script = Path(sys.executable).parent / "cuttings"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from web.cli import main; main()"]


class ServerError(RuntimeError):
    pass


class Server:
    """`cuttings serve --port N --data DIR` started, waited for, and stopped."""

    def __init__(
        self,
        data: Path,
        *,
        threads: int | None = None,
        workers: int = 1,
        log: Path | None = None,
        database_url: str | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        self.data = Path(data)
        self.database_url = database_url
        self.env = dict(env or {})  # CUTTINGS_* settings for this server
        self.port = free_port()
        self.threads = threads
        self.workers = workers
        self.log = log or self.data.with_suffix(".server.log" if database_url else ".serve.log")
        self.process: subprocess.Popen[bytes] | None = None

    def command(self) -> list[str]:
        command = [*cuttings_command(), "serve", "--host", HOST, "--port", str(self.port)]
        command += ["--data", str(self.data)]
        if self.database_url:
            command += ["--database-url", self.database_url]
        if self.threads:
            command += ["--threads", str(self.threads)]
        if self.workers > 1:
            command += ["--workers", str(self.workers)]
        return command

    def start(self, timeout: float = 60.0) -> Server:
        handle = self.log.open("wb")
        env = {**os.environ, "PYTHONPATH": str(ROOT), **self.env}
        self.process = subprocess.Popen(
            self.command(), cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT, env=env
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerError(f"cuttings serve exited: {self.log_tail()}")
            if self._answers():
                return self
            time.sleep(0.2)
        self.stop()
        raise ServerError(
            f"cuttings serve did not answer within {timeout:.0f} s: {self.log_tail()}"
        )

    def _answers(self) -> bool:
        try:
            conn = http.client.HTTPConnection(HOST, self.port, timeout=5)
            conn.request("GET", "/api/search?q=the")
            conn.getresponse().read()
            conn.close()
            return True
        except OSError:
            return False

    def log_tail(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-1500:]
        except OSError:
            return ""

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *_exc: Any) -> None:
        self.stop()


def api_params(query: BenchQuery) -> dict[str, Any]:
    """GET /api/search arguments for a bench query."""
    params: dict[str, Any] = {"q": query.text, "per_page": PER_PAGE}
    if query.person:
        params["person"] = query.person
    if query.date_from:
        params["from"] = query.date_from
        params["to"] = query.date_to
    return params


def answer_sizes(server: Server, queries: list[BenchQuery], per_page: int = 100) -> dict[str, Any]:
    """How large `/api/search` answers get: each query of the mix with `per_page` hits."""
    sizes: list[tuple[int, str]] = []
    conn = http.client.HTTPConnection(HOST, server.port, timeout=120)
    try:
        for query in queries:
            conn.request(
                "GET", "/api/search?" + urlencode({**api_params(query), "per_page": per_page})
            )
            body = conn.getresponse().read()
            sizes.append((len(body), query.label()))
    finally:
        conn.close()
    sizes.sort()
    return {
        "per_page": per_page,
        "median_kb": sizes[len(sizes) // 2][0] / 1024 if sizes else None,
        "max_kb": sizes[-1][0] / 1024 if sizes else None,
        "largest": sizes[-1][1] if sizes else None,
    }


class HttpError(RuntimeError):
    pass


class HttpEngine:
    """GET /api/search over one keep-alive connection per thread."""

    name = "cuttings-http"

    def __init__(self, server: Server) -> None:
        self.server = server
        self._local = threading.local()

    def _conn(self) -> http.client.HTTPConnection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = http.client.HTTPConnection(HOST, self.server.port, timeout=60)
        return conn

    def search(self, query: BenchQuery) -> int:
        path = "/api/search?" + urlencode(api_params(query))
        for attempt in (1, 2):
            conn = self._conn()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                body = response.read()
                break
            except (http.client.HTTPException, ConnectionError):
                conn.close()
                self._local.conn = None
                if attempt == 2:
                    raise
        if response.status != 200:
            raise HttpError(f"HTTP {response.status}: {body[:200]!r}")
        data = json.loads(body)
        return int(data.get("total", len(data.get("hits", []))))

    def size_bytes(self) -> int:
        return folder_size(self.server.data / "index")

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
        self._local = threading.local()
