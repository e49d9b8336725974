"""Two lanes for the searches of one process, so costly ones cannot choke the rest.

Ordinary searches run at once. A costly one (its estimated work above
`SearchLimits.costly_postings`) takes one of the few costly-lane slots, waiting at most its
time budget for one (else a 503 that says the archive is busy), and while it runs it steps
aside whenever an ordinary search is running: at each `Deadline.check()` it sleeps until
none is. An ordinary search that has worked DEMOTE_AFTER steps aside the same way from then
on, without a slot: it has shown it is not cheap, but it was not refused up front either.
Python threads share one interpreter lock, so a search that gives way is the only way a
cheap one keeps its speed while costly ones run in the same process.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from archive.errors import Unavailable
from index.limits import Deadline

COSTLY_SLOTS = 1
STEP_ASIDE = 0.002  # seconds a costly search sleeps while ordinary searches run
# CPU seconds of work after which an ordinary search gives way to the others. The mix's
# ordinary queries take under 0.04 s at x10; at 0.25 s, attackers' queries the estimate let
# through competed as equals for 0.25 s each (costly-load p95 93-135 ms at x1 against 44-89
# with 0.04-0.05, same runs).
DEMOTE_AFTER = 0.05


class SearchBusy(Unavailable):
    """Every costly-lane slot stayed taken for the whole time budget."""

    kind = "busy"


class Lanes:
    def __init__(self, costly_slots: int = COSTLY_SLOTS) -> None:
        self._slots = threading.BoundedSemaphore(costly_slots)
        self._ordinary = 0
        self._lock = threading.Lock()

    @property
    def ordinary_running(self) -> int:
        return self._ordinary

    @contextmanager
    def run(self, deadline: Deadline, *, costly: bool, what: str) -> Iterator[None]:
        """Run the block in the costly lane or the ordinary one. An ordinary search that has
        worked DEMOTE_AFTER CPU seconds gives way at every later check (CPU time, so that
        searches slowed only by sharing the processor are not demoted)."""
        held = {"slot": False, "ordinary": False, "demoted": False}
        if costly:
            self._take_slot(deadline, what)
            held["slot"] = True
        else:
            self._enter_ordinary()
            held["ordinary"] = True

        def pause(current: Deadline) -> None:
            if held["slot"] or held["demoted"]:
                self.step_aside(current)
            elif current.worked() > DEMOTE_AFTER:
                self._leave_ordinary()
                held["ordinary"], held["demoted"] = False, True

        deadline.pause = pause
        try:
            yield
        finally:
            deadline.pause = None
            if held["slot"]:
                self._slots.release()
            if held["ordinary"]:
                self._leave_ordinary()

    def _take_slot(self, deadline: Deadline, what: str) -> None:
        if not self._slots.acquire(timeout=max(0.0, deadline.remaining())):
            raise SearchBusy(
                f"the archive is busy with other costly searches, and {what} is costly too: "
                "try again in a moment, or narrow the query"
            )

    def _enter_ordinary(self) -> None:
        with self._lock:
            self._ordinary += 1

    def _leave_ordinary(self) -> None:
        with self._lock:
            self._ordinary -= 1

    def step_aside(self, deadline: Deadline) -> None:
        """Sleep while ordinary searches run (never past the deadline)."""
        while self._ordinary and not deadline.expired():
            time.sleep(STEP_ASIDE)


# One pair of lanes per process: every engine object of the process shares them.
LANES = Lanes()
