"""A private PostgreSQL cluster in a temporary folder: started by a test or a benchmark on a
free port, stopped after, never one that was already running.

Debian's server binaries live in /usr/lib/postgresql/<version>/bin (`./run test` installs
them). `initdb` refuses to run as root, so as root every server command runs as the
`postgres` user, in a folder under /tmp that user owns.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

SERVER_ROOT = Path("/usr/lib/postgresql")
SUPERUSER = "postgres"
# Settings for a throwaway cluster: no fsync (a crash loses the cluster, not a test's meaning).
FAST = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"}


class ClusterError(RuntimeError):
    """The cluster could not be set up or started (the message says why)."""


def server_bin() -> Path | None:
    """The newest installed server's bin folder, or None when PostgreSQL is not installed."""
    found = sorted(
        (p for p in SERVER_ROOT.glob("*/bin") if (p / "initdb").exists()),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    return found[-1] if found else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    """One server: `init()` then `start()`, or `replica_of(primary)`; `stop()` and `remove()`."""

    def __init__(self, folder: Path | None = None, *, settings: dict[str, str] | None = None):
        self.bin = server_bin()
        if self.bin is None:
            raise ClusterError("PostgreSQL is not installed (./run test installs postgresql-15)")
        self.folder = Path(folder or tempfile.mkdtemp(prefix="cuttings-pg-"))
        self.data = self.folder / "data"
        self.port = free_port()
        self.settings = {**FAST, **(settings or {})}
        self.running = False
        self._as_root = os.geteuid() == 0
        if self._as_root:
            owner = pwd.getpwnam(SUPERUSER)
            os.chown(self.folder, owner.pw_uid, owner.pw_gid)

    # -- commands ----------------------------------------------------------------------------

    def _run(self, *command: str, timeout: float = 120) -> str:
        argv = [str(self.bin / command[0]), *command[1:]]
        if self._as_root:
            argv = ["runuser", "-u", SUPERUSER, "--", *argv]
        done = subprocess.run(
            argv, capture_output=True, text=True, timeout=timeout, cwd=self.folder
        )
        if done.returncode != 0:
            raise ClusterError(f"{command[0]} failed: {(done.stderr or done.stdout).strip()}")
        return done.stdout

    def init(self) -> Cluster:
        self._run(
            "initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
            "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        self._configure()
        return self

    def _configure(self) -> None:
        lines = [
            f"port = {self.port}",
            "listen_addresses = '127.0.0.1'",
            f"unix_socket_directories = '{self.folder}'",
            "max_connections = 200",
            *(f"{name} = '{value}'" for name, value in self.settings.items()),
        ]
        with open(self.data / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write("\n# cuttings private cluster\n" + "\n".join(lines) + "\n")

    def start(self) -> Cluster:
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"), "-w",
            "-t", "60", "start",
        )  # fmt: skip
        self.running = True
        return self

    def stop(self, mode: str = "fast") -> None:
        if self.running:
            try:
                self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", timeout=60)
            finally:
                self.running = False

    def remove(self) -> None:
        """Stop at once (the cluster is thrown away: nothing to flush) and delete it."""
        self.stop(mode="immediate")
        shutil.rmtree(self.folder, ignore_errors=True)

    def replica(self) -> Cluster:
        """A streaming replica of this (running) cluster, started, on its own port."""
        standby = Cluster(settings={k: v for k, v in self.settings.items() if k != "port"})
        standby._run(
            "pg_basebackup", "-h", "127.0.0.1", "-p", str(self.port), "-U", SUPERUSER,
            "-D", str(standby.data), "-R", "-X", "stream", "--no-sync", "--checkpoint=fast",
        )  # fmt: skip
        standby._configure()
        return standby.start()

    # -- databases ---------------------------------------------------------------------------

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def sql(self, statement: str, database: str = "postgres") -> str:
        """Run one statement with psql; its output, unaligned."""
        return self._run(
            "psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
            "-p", str(self.port), "-U", SUPERUSER, "-d", database, "-c", statement,
        ).strip()  # fmt: skip

    def create_database(self, name: str, template: str | None = None) -> str:
        """A new database (copied from `template` when given); its URL."""
        copy = f" TEMPLATE {template} STRATEGY FILE_COPY" if template else ""
        self.sql(f'CREATE DATABASE "{name}"{copy}')
        return self.url(name)

    def wait_until_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                self.sql("SELECT 1")
                return
            except ClusterError:
                time.sleep(0.2)
        raise ClusterError(f"the server on port {self.port} did not answer")

    def __enter__(self) -> Cluster:
        return self

    def __exit__(self, *_: object) -> None:
        self.remove()
