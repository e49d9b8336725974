"""The server's index catch-up: when a change could not have the search index in time (a long
`cuttings add` holds it), the change is saved and noted, the librarian is told it will be
searchable shortly, and one thread per server process keeps trying until the index has it.

The thread is started on demand, wakes every few seconds, and ends when nothing is left
waiting, when it has tried for `GIVE_UP_SECONDS` (the note stays in the catalog for the next
writer, `cuttings add` or `cuttings verify`), or when the server stops (`stop`); it is a
daemon, so it never outlives the server process either.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable

from archive.catalog import open_catalog
from archive.datadir import DataDir
from index.engine import open_engine
from index.sync import Archive

INTERVAL_SECONDS = 2.0
GIVE_UP_SECONDS = 15 * 60

log = logging.getLogger(__name__)


class IndexCatchUp:
    """Retries the documents changes left pending, from a background thread."""

    def __init__(self, datadir: DataDir, wait: float, interval: float = INTERVAL_SECONDS):
        self.datadir = datadir
        self.wait = wait
        self.interval = interval
        self._waiting: set[int] = set()
        self._guard = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._running = False  # set and cleared under the guard, so no poke is missed

    def poke(self, doc_ids: Iterable[int]) -> None:
        """Have these documents indexed as soon as the index is free."""
        with self._guard:
            self._waiting.update(doc_ids)
            if self._stop.is_set() or self._running or not self._waiting:
                return
            self._running = True
            self._thread = threading.Thread(
                target=self._run, name="cuttings-index-catch-up", daemon=True
            )
            self._thread.start()

    @property
    def waiting(self) -> set[int]:
        with self._guard:
            return set(self._waiting)

    def stop(self, timeout: float = 10) -> None:
        """End the thread (the catalog keeps what it had not indexed yet)."""
        self._stop.set()
        thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _run(self) -> None:
        try:
            self._retry()
        finally:
            with self._guard:
                self._running = False
                again = bool(self._waiting) and not self._stop.is_set()
            if again:  # poked while finishing
                self.poke(())

    def _retry(self) -> None:
        give_up = time.monotonic() + GIVE_UP_SECONDS
        while not self._stop.wait(self.interval):
            with self._guard:
                wanted = list(self._waiting)
            try:
                if self._sync(wanted) == "indexed":
                    with self._guard:
                        self._waiting.difference_update(wanted)
                        if not self._waiting:
                            return
            except Exception:  # never take the server down; the note stays in the catalog
                log.exception("catching up the search index failed")
                self._forget(wanted)
                return
            if time.monotonic() > give_up:
                log.warning("the search index stayed busy; %d documents wait", len(wanted))
                self._forget(wanted)
                return

    def _forget(self, doc_ids: list[int]) -> None:
        """Leave these to the catalog's notes (the next writer indexes them)."""
        with self._guard:
            self._waiting.difference_update(doc_ids)

    def _sync(self, doc_ids: list[int]) -> str:
        catalog = open_catalog(self.datadir.catalog, upgrade=False)
        try:
            archive = Archive(
                self.datadir,
                catalog,
                open_engine(self.datadir, database=catalog.db),
                write_wait=self.wait,
            )
            return archive.sync(doc_ids)
        finally:
            catalog.close()
