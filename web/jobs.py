"""Background jobs for long uploads: a thread per job in the server process that received the
upload, its progress and per-item results in the catalog.

Why the catalog and not memory: with `cuttings serve --workers N` the status page may be
asked of another process than the one running the job; the catalog is what they share.
Why a thread and not a queue of workers: an upload's bytes are already in this process, a
job is one librarian's upload, and nothing else needs scheduling. The row records which
process runs the job, so a job whose process died reads as interrupted (what it added is
kept: each document is whole in the catalog and noted for the index). Threads are daemons,
are told to stop between two items when the server stops (`stop`), and never outlive it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from archive.catalog import open_catalog
from archive.datadir import DataDir
from archive.errors import ArchiveError
from archive.ingest.pipeline import Item
from archive.model import FailedItem, Field
from archive.processes import this_process
from index.engine import open_engine
from index.sync import Archive
from web.editing import Upload, display_name, result_summary

UPDATE_SECONDS = 0.5  # progress is written at most this often (and after the last item)

log = logging.getLogger(__name__)


class Stopped(Exception):
    """The server is stopping: the job ends between two items."""


@dataclass
class UploadJob:
    """What a job needs: the files as received, the typed metadata, who asked."""

    uploads: list[Upload]
    overrides: dict[str, Field] | None
    actor: str
    max_bytes: int | None


class JobRunner:
    """Starts upload jobs in threads of this server process and stops them with it."""

    def __init__(self, datadir: DataDir, wait: float) -> None:
        self.datadir = datadir
        self.wait = wait
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._guard = threading.Lock()

    def submit(self, job: UploadJob) -> str:
        """Record the job and start it; its id, for the status page and JSON."""
        catalog = open_catalog(self.datadir.catalog, upgrade=False)
        try:
            job_id = catalog.jobs.create("upload", job.actor, runner=this_process())
        finally:
            catalog.close()
        thread = threading.Thread(
            target=self._run, args=(job_id, job), name=f"cuttings-job-{job_id}", daemon=True
        )
        with self._guard:
            self._threads = [t for t in self._threads if t.is_alive()]
            self._threads.append(thread)
        thread.start()
        return job_id

    def running(self) -> list[threading.Thread]:
        with self._guard:
            return [t for t in self._threads if t.is_alive()]

    def stop(self, timeout: float = 30) -> None:
        """Ask every job to end after its current item, and wait for them."""
        self._stop.set()
        deadline = time.monotonic() + timeout
        for thread in self.running():
            thread.join(max(0.0, deadline - time.monotonic()))

    def _run(self, job_id: str, job: UploadJob) -> None:
        catalog = open_catalog(self.datadir.catalog, upgrade=False)
        jobs = catalog.jobs
        try:
            archive = Archive(
                self.datadir,
                catalog,
                open_engine(self.datadir, database=catalog.db),
                write_wait=self.wait,
            )
            Progress(jobs, job_id).run(archive, job, self._stop)
        except Exception as error:  # the job's page says what happened; the server goes on
            log.exception("upload job %s failed", job_id)
            message = error.message if isinstance(error, ArchiveError) else str(error)
            jobs.update(job_id, state="failed", message=f"the upload stopped: {message}")
        finally:
            catalog.close()


class Progress:
    """One job at work: reads the files, archives item by item, and keeps the row current."""

    def __init__(self, jobs: Any, job_id: str) -> None:
        self.jobs = jobs
        self.job_id = job_id
        self.results: list[dict[str, Any]] = []
        self._written = 0.0

    def run(self, archive: Archive, job: UploadJob, stop: threading.Event) -> None:
        ingestor = archive.ingestor(added_by=job.actor, max_bytes=job.max_bytes)
        entries = [
            entry
            for upload in job.uploads
            for entry in ingestor.read_upload(upload.data, display_name(upload.name))
        ]
        self.jobs.update(self.job_id, state="running", total=len(entries), done=0, results=[])
        try:
            with archive.loading(ingestor=ingestor) as session:
                for result in session.add(_until(stop, entries), job.overrides):
                    self.results.append(result_summary(result))
                    self._save()
        except Stopped:
            self._save(state="interrupted", message="the server stopped before the job was "
                       "done: what it had added is kept; upload the rest again")  # fmt: skip
            return
        pending = bool(archive.pending)
        message = "saved; the search index is busy and will catch up" if pending else None
        self._save(state="done", message=message)

    def _save(self, *, state: str | None = None, message: str | None = None) -> None:
        now = time.monotonic()
        if state is None and now - self._written < UPDATE_SECONDS:
            return
        self._written = now
        self.jobs.update(
            self.job_id, state=state, done=len(self.results), results=self.results, message=message
        )


def _until(stop: threading.Event, entries: list[Item | FailedItem]) -> Iterator[Item | FailedItem]:
    for entry in entries:
        if stop.is_set():
            raise Stopped
        yield entry
