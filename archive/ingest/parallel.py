"""The pure part of ingest (the pipeline's stages) in worker processes, ahead of the store.

A long load spends most of its CPU in decode, extract, segment and attribution, which are
pure. `Ahead` hands each item's draft to a few worker processes (one per core) and gives the
documents back in input order, so the caller stores them exactly as one process would:
the same catalog ids, the same duplicate decisions (checked when each is stored), the same
output lines. Workers write nothing, so a kill leaves nothing of theirs behind, and they die
with the process that started them.

Each worker takes every `n`-th job from its own queue and answers on its own pipe, in order:
the caller reads the answers round by round, so no job waits behind a slower worker's
backlog for longer than that worker's window. A draft the pipeline fails on comes back as
None and the caller runs it again itself (the error reads exactly as without workers); a
worker that dies hands its unfinished jobs back the same way.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import pickle
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from itertools import chain, islice
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from multiprocessing.queues import Queue
from typing import Generic, TypeVar

from archive.ingest.pipeline import Draft, Stage, run_pipeline
from archive.model import Document
from archive.originals import Originals
from archive.processes import die_with_parent

log = logging.getLogger(__name__)

MAX_WORKERS = 4  # pipeline processes, at most
# Drafts handed to one worker and not yet taken back, at most: enough for the workers to go
# on through an index commit, when the caller stops taking for a second or two.
WINDOW = 512
WINDOW_BYTES = 64 * 1024 * 1024  # the drafts' bytes, at most, over all workers

Entry = TypeVar("Entry")
_FORK = multiprocessing.get_context("fork")  # workers inherit the stages: any function will do


def pipeline_workers() -> int:
    """Processes for the pipeline in a long load: one per usable core (at most MAX_WORKERS);
    0, to run it in this process, on a single core."""
    cores = len(os.sched_getaffinity(0))
    return min(cores, MAX_WORKERS) if cores > 1 else 0


@dataclass
class _Pending(Generic[Entry]):
    entry: Entry
    worker: _Worker | None  # None: nothing was handed out (the caller processes it)
    size: int = 0


class _Jobs(Queue):
    """A worker's queue of drafts. A worker stopped early leaves drafts unsent: the thread
    that feeds the pipe then finds it closed, which is expected, not an error to print."""

    def __init__(self) -> None:
        super().__init__(ctx=_FORK)

    @staticmethod
    def _on_queue_feeder_error(error: Exception, obj: object) -> None:
        if not isinstance(error, OSError):
            log.error("a draft could not be sent to a pipeline worker: %r", error)


class _Worker:
    """One pipeline process: drafts in on a queue, documents out on a pipe in the order the
    drafts came. Neither side waits for the other: a thread here reads the pipe as answers
    come, so the worker goes on while the caller is busy (say, waiting for an index commit)."""

    def __init__(self, stages: list[Stage], originals: Originals | None) -> None:
        self.jobs = _Jobs()
        reader, writer = _FORK.Pipe(duplex=False)
        self.process: BaseProcess = _FORK.Process(
            target=_serve,
            args=(stages, originals, self.jobs, writer, os.getpid()),
            name="cuttings-pipeline",
            daemon=True,
        )
        self.process.start()
        writer.close()  # only the worker writes: its death is an end of file here
        self._answers: deque[bytes | None] = deque()  # None: the worker is gone
        self._arrived = threading.Condition()
        self._reader = threading.Thread(
            target=self._read, args=(reader,), name="cuttings-pipeline-reader", daemon=True
        )
        self._reader.start()
        self.alive = True

    def _read(self, pipe: Connection) -> None:
        try:
            while True:
                answer: bytes | None = pipe.recv_bytes()
                with self._arrived:
                    self._answers.append(answer)
                    self._arrived.notify()
        except (EOFError, OSError):
            with self._arrived:
                self._answers.append(None)
                self._arrived.notify()
        finally:
            pipe.close()

    def hand(self, draft: Draft) -> None:
        self.jobs.put(draft)

    def take(self) -> Document | None:
        """The next document, or None when the pipeline failed on it or the worker is gone."""
        if not self.alive:
            return None
        with self._arrived:
            while not self._answers:
                self._arrived.wait()
            answer = self._answers[0] if self._answers[0] is None else self._answers.popleft()
        if answer is None:
            log.warning("a pipeline worker ended early; its items are processed here")
            self.alive = False
            return None
        try:
            return pickle.loads(answer)
        except Exception:  # the caller makes this one itself
            log.exception("a document from a pipeline worker could not be read back")
            return None

    def stop(self) -> None:
        """End the worker now: what it has not answered is of no use any more."""
        self.jobs.cancel_join_thread()  # never wait to flush drafts to a stopped worker
        try:
            if self.process.is_alive():
                self.process.terminate()
            self.process.join(timeout=5)
            if self.process.is_alive():
                self.process.kill()
                self.process.join()
        finally:
            self._reader.join(timeout=5)
            self.jobs.close()


def _serve(
    stages: list[Stage],
    originals: Originals | None,
    jobs: Queue,
    results: Connection,
    parent: int,
) -> None:
    """A worker's life: each draft through the stages, its document (or None) sent back."""
    die_with_parent(parent)
    gc.freeze()  # what the fork inherited is never collected here: no collection walks it
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the caller unwinds and stops us
    while True:
        draft = jobs.get()
        if draft is None:
            return
        try:
            document: Document | None = run_pipeline(draft, stages)
        except BaseException:  # the caller runs it again, so the error reads as it would
            document = None
        if document is not None and originals is not None:
            _keep_original(originals, draft, document)
        try:
            answer = pickle.dumps(document, pickle.HIGHEST_PROTOCOL)
        except Exception:  # a document that will not pickle: the caller makes it itself
            answer = pickle.dumps(None)
        try:
            results.send_bytes(answer)
        except OSError:
            return


def _keep_original(originals: Originals, draft: Draft, document: Document) -> None:
    """Store the original of a document the caller will store (it has passages), so that
    its fsyncs happen here rather than in the caller's turn: written atomically and named
    by its hash, it is the very file the caller would write, and the caller finds it there.
    Only when the original is the item's own bytes: a WARC's or a gzipped file's did not
    travel, and the caller writes those. Any failure is the caller's to meet and report
    when it writes the file itself."""
    if not document.passages or document.original.sha256 != document.original.content_sha256:
        return
    with suppress(Exception):
        originals.put(draft.item.data, sha256=document.original.sha256)


class Ahead:
    """Runs `draft(entry)` through the stages in `workers` processes, a window ahead of the
    caller; use as a context manager (leaving it ends the workers)."""

    def __init__(
        self, stages: list[Stage], workers: int, *, originals: Originals | None = None
    ) -> None:
        self.stages = stages
        self.originals = originals  # workers store the originals of what they make
        self.count = workers
        self.workers: list[_Worker] = []

    def __enter__(self) -> Ahead:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        workers, self.workers = self.workers, []
        for worker in workers:
            worker.stop()

    def run(
        self, entries: Iterable[Entry], draft: Callable[[Entry], Draft | None]
    ) -> Iterator[tuple[Entry, Document | None]]:
        """Each entry with its document, in input order; None where nothing was handed out
        (`draft` gave None) or the pipeline failed: the caller processes that entry itself.
        `draft` is called in this process, in input order, before the entry's document is
        asked for."""
        source = iter(entries)
        first = list(islice(source, 2))
        if len(first) < 2:  # one item: not worth a process
            yield from ((entry, None) for entry in first)
            return
        source = chain(first, source)
        pending: deque[_Pending[Entry]] = deque()
        turn = 0
        in_flight = 0
        while True:
            while len(pending) < WINDOW * max(self.count, 1) and in_flight < WINDOW_BYTES:
                entry = next(source, _END)
                if entry is _END:
                    break
                job = _draft_or_none(draft, entry)
                if job is None:
                    pending.append(_Pending(entry, None))
                    continue
                worker = self._worker(turn)
                turn += 1
                size = len(job.item.data)
                worker.hand(job)
                in_flight += size
                pending.append(_Pending(entry, worker, size))
            if not pending:
                return
            head = pending.popleft()
            in_flight -= head.size
            yield head.entry, head.worker.take() if head.worker is not None else None

    def _worker(self, turn: int) -> _Worker:
        """The worker whose turn it is (started on first use)."""
        k = turn % self.count
        if k == len(self.workers):
            self.workers.append(_Worker(self.stages, self.originals))
        return self.workers[k]


_END = object()


def _draft_or_none(draft: Callable[[Entry], Draft | None], entry: Entry) -> Draft | None:
    """The entry's draft; None if making it failed (say, the catalog could not be asked
    whether the content is archived): the caller meets the same failure in its turn, after
    storing every entry before it, as it would without workers."""
    try:
        return draft(entry)
    except Exception:
        return None
