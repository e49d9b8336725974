"""Which process is which: a pid, told apart from a later process with the same pid by its
start time, on one host. Locks and background jobs record their owner this way, so that a
dead owner's lock or job is known for what it is."""

from __future__ import annotations

import ctypes
import os
import signal
import socket
from pathlib import Path

_PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies


def process_start(pid: int) -> int | None:
    """A process's start time in clock ticks after boot; None when there is no such process."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    fields = stat[stat.rindex(")") + 2 :].split()
    return int(fields[19])


def this_process() -> str:
    """`host:pid:start` of the running process."""
    pid = os.getpid()
    return f"{socket.gethostname()}:{pid}:{process_start(pid) or 0}"


def is_running(owner: str | None) -> bool:
    """False only when `owner` (as `this_process` wrote it) is certainly gone: on this host,
    no process with its pid, or one that started at another time."""
    if not owner:
        return False
    parts = owner.rsplit(":", 2)
    if len(parts) != 3:
        return False
    host, pid, started = parts
    if host != socket.gethostname():
        return True  # another host's process: we cannot tell, so it may be running
    try:
        return process_start(int(pid)) == int(started)
    except ValueError:
        return False


def die_with_parent(parent: int) -> None:
    """For a worker process: ask Linux to kill it when its parent dies; exit now if it already
    has. The worker also takes SIGTERM plainly (not the CLI's unwinding handler it inherited),
    so that stopping it ends it at once instead of waiting for its queues to drain."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the lock is still freed when the parent dies
        pass
    if os.getppid() != parent:
        os._exit(1)
