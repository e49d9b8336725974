"""Which process is which: a pid, told apart from a later process with the same pid by its
start time, on one host. Locks and background jobs record their owner this way, so that a
dead owner's lock or job is known for what it is."""

from __future__ import annotations

import os
import socket
from pathlib import Path


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
