"""The index's write lock: one writer at a time across threads and processes, and no lock
left behind by a process that died.

The lock is an `flock` on a file in the index directory, so the kernel drops it when its
holder dies - unless a child process inherited the descriptor. Two things keep that from
happening: every descriptor of the lock is closed in a forked child (`os.register_at_fork`),
and the holder's pid and start time are written into the file, so a waiter that finds the
lock held for a process that no longer exists replaces the file (the orphan keeps a lock on
a file nobody uses any more) and goes on. Taking and breaking the lock happen under a second,
briefly held lock (the gate), so two waiters never break it twice or break a fresh one.
"""

from __future__ import annotations

import fcntl
import logging
import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from archive.errors import IndexBusy
from archive.processes import process_start

LOCK_FILE = "cuttings-write.lock"
GATE_FILE = "cuttings-write.gate"
MAX_DELAY = 0.25  # seconds between tries while the lock is held

log = logging.getLogger(__name__)

_held: set[int] = set()  # descriptors of the lock and gate this process holds now
_held_guard = threading.Lock()


def _close_in_child() -> None:
    """A forked child must not keep the parent's lock alive: close every descriptor of it
    (closing, not unlocking, which would release the parent's lock too)."""
    for fd in list(_held):
        with suppress(OSError):
            os.close(fd)
    _held.clear()


os.register_at_fork(after_in_child=_close_in_child)


@dataclass(frozen=True)
class Owner:
    """Who holds the lock: a process, told apart from a later one with the same pid by its
    start time."""

    pid: int
    started: int  # clock ticks after boot (/proc/<pid>/stat, field 22)
    host: str
    since: float  # when it took the lock (Unix time)

    @classmethod
    def this_process(cls) -> Owner:
        return cls(os.getpid(), process_start(os.getpid()) or 0, socket.gethostname(), time.time())

    def alive(self) -> bool:
        """False only when this process is certainly gone: on this host, no process with the
        pid, or one that started at another time (the pid was reused)."""
        if self.host != socket.gethostname():
            return True  # the index is on a shared disk; we cannot see that host's processes
        return process_start(self.pid) == self.started

    def line(self) -> str:
        return f"{self.pid} {self.started} {self.host} {self.since:.0f}\n"

    @classmethod
    def parse(cls, text: str) -> Owner | None:
        parts = text.split()
        if len(parts) != 4:
            return None
        try:
            return cls(int(parts[0]), int(parts[1]), parts[2], float(parts[3]))
        except ValueError:
            return None

    def describe(self) -> str:
        held = max(0, int(time.time() - self.since))
        return f"process {self.pid} on {self.host}, for {held} s"


def read_owner(index_dir: Path) -> Owner | None:
    """The recorded holder of the lock, if any (the record is cleared on release)."""
    try:
        return Owner.parse((Path(index_dir) / LOCK_FILE).read_text())
    except OSError:
        return None


@contextmanager
def write_lock(index_dir: Path, wait: float | None = None) -> Iterator[None]:
    """Hold the index's write lock; wait at most `wait` seconds for it (None: as long as
    it takes), else IndexBusy. A lock whose holder died is broken, not waited for."""
    fd = acquire(Path(index_dir), wait)
    try:
        yield
    finally:
        release(fd)


def acquire(index_dir: Path, wait: float | None = None) -> int:
    """Take the lock; the descriptor that holds it."""
    deadline = None if wait is None else time.monotonic() + wait
    delay = 0.005
    while True:
        fd, owner = _try_take(index_dir)
        if fd is not None:
            return fd
        left = None if deadline is None else deadline - time.monotonic()
        if left is not None and left <= 0:
            holder = f" (held by {owner.describe()})" if owner else ""
            raise IndexBusy(
                "the index is busy with another change"
                f"{holder}; the change is saved and will be indexed"
            )
        time.sleep(delay if left is None else min(delay, left))
        delay = min(delay * 2, MAX_DELAY)


def release(fd: int) -> None:
    with suppress(OSError):
        os.ftruncate(fd, 0)  # no stale record for the next reader
    _forget(fd)
    os.close(fd)  # closing the only descriptor releases the flock


def _try_take(index_dir: Path) -> tuple[int | None, Owner | None]:
    """One try under the gate: (the descriptor, None) when taken, else (None, the holder)."""
    path = index_dir / LOCK_FILE
    with _gate(index_dir):
        fd = _open(path)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            owner = Owner.parse(_read(fd))
            _forget(fd)
            os.close(fd)
            if owner is None or owner.alive():
                return None, owner
            _break(index_dir, owner)
            return _try_take_fresh(index_dir)
        _record(fd, Owner.this_process())
        return fd, None


def _try_take_fresh(index_dir: Path) -> tuple[int | None, Owner | None]:
    """Take the file that replaced a broken lock (still under the gate, so nobody else has)."""
    fd = _open(index_dir / LOCK_FILE)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:  # someone outside the gate protocol: wait like for anyone
        _forget(fd)
        os.close(fd)
        return None, None
    _record(fd, Owner.this_process())
    return fd, None


def _break(index_dir: Path, owner: Owner) -> None:
    """Put a fresh lock file in place of one held for a dead process (by a child that
    inherited it): whoever still holds the old file holds a lock nobody asks for."""
    log.warning("breaking the index write lock left by %s, which is gone", owner.describe())
    fresh = index_dir / f".{LOCK_FILE}.{os.getpid()}.new"
    os.close(os.open(fresh, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600))
    os.replace(fresh, index_dir / LOCK_FILE)


@contextmanager
def _gate(index_dir: Path) -> Iterator[None]:
    """The short lock under which the write lock is taken or broken (never held for long,
    so waiting on it blocks)."""
    fd = _open(index_dir / GATE_FILE)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        _forget(fd)
        os.close(fd)


def _open(path: Path) -> int:
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    with _held_guard:
        _held.add(fd)
    return fd


def _forget(fd: int) -> None:
    with _held_guard:
        _held.discard(fd)


def _read(fd: int) -> str:
    try:
        return os.pread(fd, 200, 0).decode("utf-8", "replace")
    except OSError:
        return ""


def _record(fd: int, owner: Owner) -> None:
    data = owner.line().encode()
    os.ftruncate(fd, 0)
    os.pwrite(fd, data, 0)
