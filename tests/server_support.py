"""Talking to a real server process over loopback: a free port, waiting for it, a browser."""

from __future__ import annotations

import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.librarian_support import PASSWORD


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"the server did not start on port {port}")


class Browser:
    """Just enough of a browser: cookies, and the CSRF token of the last page."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str, timeout: float = 30):
        return self.opener.open(self.base + path, timeout=timeout)

    def token(self, path: str) -> str:
        page = self.get(path).read().decode()
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    def post(self, path: str, body: bytes, content_type: str, timeout: float = 300):
        request = urllib.request.Request(
            self.base + path, data=body, headers={"Content-Type": content_type}
        )
        return self.opener.open(request, timeout=timeout)

    def log_in(self, name: str, password: str = PASSWORD) -> None:
        form = {"name": name, "password": password, "csrf_token": self.token("/login")}
        body = urllib.parse.urlencode(form).encode()
        self.post("/login", body, "application/x-www-form-urlencoded")


ROOT = Path(__file__).resolve().parents[1]


def cuttings(*args: str) -> list[str]:
    """The `cuttings` command line, as a user runs it (the script the package installs)."""
    script = Path(sys.executable).with_name("cuttings")
    if script.exists():
        return [str(script), *args]
    return [sys.executable, "-c", "from web.cli import main; main()", *args]


def command_env() -> dict[str, str]:
    """The environment for a `cuttings` subprocess: this checkout first on the path."""
    paths = [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                status = (entry / "status").read_text()
            except OSError:
                continue
            if f"\nPPid:\t{pid}\n" in status:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    """Whether a process exists and has not finished (a zombie has)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def wait_gone(pids: list[int], timeout: float = 10) -> list[int]:
    """Wait for processes to end; those still running after `timeout`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        left = [p for p in pids if alive(p)]
        if not left:
            return []
        time.sleep(0.05)
    return [p for p in pids if alive(p)]


@contextmanager
def cuttings_server(
    data: Path, *args: str, settings: dict[str, str] | None = None
) -> Iterator[str]:
    """`cuttings serve` in its own process over `data` (with CUTTINGS_* `settings`): its base
    URL, stopped at the end."""
    port = free_port()
    server = subprocess.Popen(
        cuttings("serve", "--port", str(port), "--data", str(data), *args),
        cwd=ROOT,
        env={**command_env(), **(settings or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for_port(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


# Holds the index's write lock through Cuttings' own code while it lives (a long add would).
_HOLDER = """
import sys, time
from index.whoosh.locking import write_lock
with write_lock(sys.argv[1]):
    print("held", flush=True)
    time.sleep(300)
"""


@contextmanager
def index_lock_held(index_dir: Path) -> Iterator[subprocess.Popen]:
    """Another live process holds the index's write lock for the duration of the block."""
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(index_dir)],
        cwd=ROOT,
        env=command_env(),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield holder
    finally:
        holder.kill()
        holder.wait()


@contextmanager
def search_lock_held(data: Path) -> Iterator[None]:
    """Another writer holds the search's write lock for the block, in either mode: the
    Whoosh index's file lock (embedded), or in server mode a lock on the search tables that
    lets readers through and makes writers wait (PostgreSQL's EXCLUSIVE mode)."""
    from archive.datadir import DataDir

    where = DataDir.resolve(data)
    if not where.server_mode:
        with index_lock_held(where.index):
            yield
        return
    import psycopg

    with psycopg.connect(where.database_url) as conn:
        conn.execute("LOCK TABLE search_passages IN EXCLUSIVE MODE")
        try:
            yield
        finally:
            conn.rollback()
