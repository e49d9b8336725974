"""Building and updating the index: one writer per call, serialised by the write lock
(index.whoosh.locking), which also takes the place of Whoosh's own lock."""

from __future__ import annotations

import os
import shutil
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.index import EmptyIndexError, FileIndex
from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.searching import Searcher
from whoosh.writing import CLEAR, SegmentWriter

from archive.errors import ArchiveError, Unavailable
from archive.model import Document, fingerprint, passage_id
from archive.processes import die_with_parent
from index.whoosh import fixes, onepass  # noqa: F401  (patch Whoosh on import)
from index.whoosh.analysis import exact_key, exact_keys
from index.whoosh.dates import day_number, published_date
from index.whoosh.locking import write_lock
from index.whoosh.schema import build_schema

WRITER_LIMIT_MB = 128
BULK_BATCH = 1000  # documents per commit in a bulk load
MAX_WORKERS = 4  # indexing processes in a bulk load, at most

Committed = Callable[[list[int]], None]  # told the ids of each batch once it is committed


class Indexer:
    """Keeps one index directory in step with the catalog."""

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = Path(index_dir)
        self.index_dir.mkdir(parents=True, exist_ok=True)

    def add_documents(self, docs: Iterable[Document], *, wait: float | None = None) -> int:
        """(Re)index these documents' passages, replacing earlier ones; return passages
        written. IndexBusy when the index is not free within `wait` seconds."""
        latest = {doc.id: doc for doc in docs if doc.id is not None}
        if not latest:
            return 0
        with self._writer(wait) as writer:
            _delete_documents(writer, latest)
            return sum(
                _add_passages(writer, doc) for doc in latest.values() if doc.status == "active"
            )

    def replace_passages(self, doc: Document, *, wait: float | None = None) -> int:
        """Reindex only the passages `doc` carries (a speaker fix touches one quote's): the
        cost follows those passages, not the document's length."""
        if doc.id is None or not doc.passages:
            return 0
        with self._writer(wait) as writer, writer.searcher() as searcher:
            for passage in doc.passages:
                pid = passage.id or passage_id(doc.id, passage.n)
                writer.delete_by_term("passage_id", pid, searcher=searcher)
            return _add_passages(writer, doc) if doc.status == "active" else 0

    def remove_document(self, doc_id: int, *, wait: float | None = None) -> None:
        """Drop every passage of one document (a withdrawal)."""
        with self._writer(wait) as writer:
            writer.delete_by_term("doc_id", int(doc_id))

    def indexed_documents(self) -> dict[int, int]:
        """doc_id -> passages indexed, for `cuttings verify`; empty for a new index."""
        try:
            if not whoosh_index.exists_in(str(self.index_dir)):
                return {}
        except Exception:
            pass  # unreadable: `_open` says so
        with self._open().searcher() as searcher:
            if searcher.doc_count_all() == 0:
                return {}  # no segment yet: Whoosh's empty reader has no columns
            reader = searcher.reader()
            column = reader.column_reader("doc_id")
            return dict(sorted(Counter(column[d] for d in reader.all_doc_ids()).items()))

    def rebuild(self, documents: Callable[[], Iterable[Document]]) -> int:
        """Index from scratch the documents `documents()` yields (called again should a worker
        fail, so they stream rather than sit in memory); readers see the old index until
        the commit."""
        with write_lock(self.index_dir):
            ix = self._prepare(replace_damaged=True)
            if not _has_current_schema(ix):
                whoosh_index.create_in(str(self.index_dir), build_schema())
            written = self._replace_all(documents(), workers=worker_count())
            if self._open().doc_count() != written:
                # A worker process failed without a word (Whoosh's multi-process writer
                # drops a segment it does not get back): index again in this process.
                written = self._replace_all(documents(), workers=0)
        return written

    def _replace_all(self, docs: Iterable[Document], workers: int) -> int:
        writer = _open_writer(self._open(), workers=workers)
        try:
            written = sum(
                _add_passages(writer, doc)
                for doc in docs
                if doc.id is not None and doc.status == "active"
            )
        except BaseException:
            writer.cancel()
            raise
        writer.commit(mergetype=CLEAR)
        return written

    def bulk(
        self,
        batch: int = BULK_BATCH,
        *,
        parallel: bool = False,
        wait: float | None = None,
        committed: Committed | None = None,
    ) -> BulkLoad:
        """A session for indexing many new documents as they are added; `parallel` (for
        `cuttings add DIR`) indexes in worker processes when the machine has several cores."""
        workers = worker_count() if parallel else 0
        return BulkLoad(self, batch=batch, workers=workers, wait=wait, committed=committed)

    def _open(self) -> FileIndex:
        try:
            return whoosh_index.open_dir(str(self.index_dir))
        except EmptyIndexError:
            raise
        except Exception as error:
            raise Unavailable(
                f"the search index cannot be read ({type(error).__name__}): "
                "run `cuttings verify`, which rebuilds it from the catalog"
            ) from None

    def _prepare(self, *, replace_damaged: bool = False) -> FileIndex:
        """The index, created if new (or half-created), with what killed writers left behind
        removed. Call under the write lock: no other writer is at work."""
        _remove_leftovers(self.index_dir)
        try:
            return self._open()
        except EmptyIndexError:
            pass  # new, or a crash before the first table of contents: create it
        except Unavailable:
            # unreadable: start afresh when nothing was ever committed, or when rebuilding
            if _segment_files(self.index_dir) and not replace_damaged:
                raise
        return whoosh_index.create_in(str(self.index_dir), build_schema())

    @contextmanager
    def _writer(self, wait: float | None = None) -> Iterator[SegmentWriter]:
        """A writer committed on success and cancelled on error, under the write lock."""
        with write_lock(self.index_dir, wait):
            ix = self._prepare()
            if not _has_current_schema(ix):
                raise ArchiveError(
                    "the index was built by another version of Cuttings: "
                    "run `cuttings reindex` to rebuild it"
                )
            writer = _open_writer(ix)
            try:
                yield writer
            except BaseException:
                writer.cancel()
                raise
            writer.commit()


class BulkLoad:
    """Indexes a stream of documents in batches, committing every `batch` documents.

    With worker processes (a command-line load on several cores) documents stream into the
    writer as they come, so indexing one batch overlaps with extracting the next; the batch
    holds the write lock from its first document to its commit. In this process (the web),
    documents wait in memory and take the lock only to be written, so a long upload never
    keeps a librarian's correction waiting for more than one write.

    Use as a context manager: leaving it commits the last batch; an error cancels the
    uncommitted batch (those documents are in the catalog, and the next writer indexes them).
    """

    def __init__(
        self,
        indexer: Indexer,
        batch: int = BULK_BATCH,
        workers: int = 0,
        *,
        wait: float | None = None,
        committed: Committed | None = None,
    ) -> None:
        self.indexer = indexer
        self.batch = batch
        self.workers = workers
        self.wait = wait
        self.committed = committed
        self._docs: list[Document] = []
        self._session: ExitStack | None = None
        self._writer: SegmentWriter | None = None
        self._searcher: Searcher | None = None
        self._expected = 0

    def add(self, doc: Document) -> None:
        """Queue one document's passages, replacing any it had; commits every `batch`."""
        if doc.id is None:
            return
        if self.workers:
            self._stream(doc)
        else:
            self._docs.append(doc)
        if len(self._docs) >= self.batch:
            self.commit()

    def _stream(self, doc: Document) -> None:
        if self._writer is None:
            self._open()
        assert self._writer is not None and self._searcher is not None
        self._docs.append(doc)
        self._expected -= self._writer.delete_by_term(
            "doc_id", int(doc.id), searcher=self._searcher
        )
        if doc.status == "active":
            self._expected += _add_passages(self._writer, doc)

    def commit(self) -> None:
        """Commit the open batch and check every passage reached the index."""
        if not self.workers:
            docs, self._docs = self._docs, []
            if docs:
                self.indexer.add_documents(docs, wait=self.wait)
                self._told(docs)
            return
        if self._writer is None or self._session is None or self._searcher is None:
            return
        docs, expected = self._docs, self._expected
        try:
            self._searcher.close()
            self._writer.commit()
            complete = self.indexer._open().doc_count() == expected
        finally:
            self._reset()
        if not complete:
            # A worker process failed without a word (Whoosh's multi-process writer drops a
            # segment it does not get back): index the batch again in this process.
            self.indexer.add_documents(docs)
        self._told(docs)

    def _told(self, docs: list[Document]) -> None:
        if self.committed is not None:
            self.committed([int(d.id) for d in docs if d.id is not None])

    def cancel(self) -> None:
        """Drop the open batch."""
        self._docs = []
        if self._writer is None:
            return
        try:
            if self._searcher is not None:
                self._searcher.close()
            self._writer.cancel()
        finally:
            self._reset()

    def __enter__(self) -> BulkLoad:
        return self

    def __exit__(self, error_type: type[BaseException] | None, *_: object) -> None:
        if error_type is None:
            self.commit()
        else:
            self.cancel()

    def _open(self) -> None:
        session = ExitStack()
        session.enter_context(write_lock(self.indexer.index_dir, self.wait))
        try:
            ix = self.indexer._prepare()
            if not _has_current_schema(ix):
                raise ArchiveError(
                    "the index was built by another version of Cuttings: "
                    "run `cuttings reindex` to rebuild it"
                )
            self._expected = ix.doc_count()
            self._writer = _open_writer(ix, workers=self.workers)
            self._searcher = self._writer.searcher()
        except BaseException:
            session.close()
            raise
        self._session = session

    def _reset(self) -> None:
        session = self._session
        self._docs, self._expected = [], 0
        self._session = self._writer = self._searcher = None
        if session is not None:
            session.close()


class _WorkerTask(SubWriterTask):
    """Whoosh's indexing process, made to die with the process that started it: a killed
    `cuttings add` leaves no worker behind (and the lock's descriptors were closed in the
    child at the fork, see index.whoosh.locking)."""

    def __init__(self, *args: Any, parent: int) -> None:
        super().__init__(*args)
        self.parent = parent

    def run(self) -> None:
        die_with_parent(self.parent)
        super().run()


class _WorkerWriter(MpWriter):
    """Whoosh's multi-process writer, with workers that die with their parent and a cancel
    that stops them: the stock one flags them in this process only, leaving them waiting on
    their queue for ever."""

    def _new_task(self) -> SubWriterTask:
        task = _WorkerTask(
            self.storage,
            self.indexname,
            self.jobqueue,
            self.resultqueue,
            self.subargs,
            self.multisegment,
            parent=os.getpid(),
        )
        self.tasks.append(task)
        task.start()
        return task

    def cancel(self) -> None:
        # Nobody will read what is still buffered for the workers: without this, the exit of
        # this process waits for ever to flush a full pipe (seen: a SIGTERM'd `cuttings add`
        # alive 90 minutes later).
        self.jobqueue.cancel_join_thread()
        self.resultqueue.cancel_join_thread()
        try:
            for task in self.tasks:
                task.terminate()
            for task in self.tasks:
                task.join(timeout=10)
                if task.is_alive():  # a worker that ignores SIGTERM still goes
                    task.kill()
                    task.join()
        finally:
            SegmentWriter.cancel(self)


def worker_count() -> int:
    """Indexing processes for a bulk load: one per usable core (at most MAX_WORKERS); 0, to
    index in this process, on a single core."""
    cores = len(os.sched_getaffinity(0))
    return min(cores, MAX_WORKERS) if cores > 1 else 0


def _open_writer(ix: FileIndex, workers: int = 0) -> SegmentWriter:
    """A writer, indexing in `workers` processes when there are two or more (each writing
    its own segment). Whoosh's own lock is not taken (`_lk=False`): the write lock already
    lets one writer in at a time, and Whoosh's, inherited by a killed writer's orphans, was
    what kept every later writer out."""
    if workers > 1:
        return _WorkerWriter(
            ix,
            procs=workers,
            multisegment=True,
            limitmb=WRITER_LIMIT_MB,
            subargs={"limitmb": WRITER_LIMIT_MB},
            _lk=False,
        )
    return SegmentWriter(ix, limitmb=WRITER_LIMIT_MB, _lk=False)


def _remove_leftovers(index_dir: Path) -> None:
    """Temporary folders and half-written tables of contents that killed writers left."""
    for path in index_dir.glob("*.tmp"):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
    for path in index_dir.glob("_MAIN_*.toc.*"):
        path.unlink(missing_ok=True)


def _segment_files(index_dir: Path) -> list[Path]:
    """The files of committed or half-written segments (`MAIN_<id>.<part>`)."""
    return [p for p in index_dir.glob("MAIN_*.*") if p.is_file()]


def _has_current_schema(ix: FileIndex) -> bool:
    return sorted(ix.schema.names()) == sorted(build_schema().names())


def _delete_documents(writer: SegmentWriter, docs: dict[int, Document]) -> None:
    with writer.searcher() as searcher:
        if searcher.doc_count_all() == 0:
            return
        for doc_id in docs:
            writer.delete_by_term("doc_id", int(doc_id), searcher=searcher)


def _add_passages(writer: SegmentWriter, doc: Document) -> int:
    written = 0
    for record in passage_records(doc):
        writer.add_document(**record)
        written += 1
    return written


def passage_records(doc: Document) -> Iterator[dict[str, Any]]:
    """The index documents for one catalog document: every passage, with its provenance."""
    shared = document_fields(doc)
    attributions = doc.attributions()
    for passage in doc.passages:
        speakers = list(dict.fromkeys(passage.speakers))
        key = fingerprint(passage.text)
        record = dict(shared)
        record.update(
            passage_id=passage.id or passage_id(doc.id, passage.n),
            n=passage.n,
            kind=passage.kind,
            fingerprint=key,
            text=passage.text,
            speakers=speakers,
            attributions=attributions.get(passage.n, []),
            facets=(key, shared.get("outlet"), shared.get("year"), tuple(speakers)),
        )
        if speakers:
            record["person"] = "\n".join(speakers)
            record["person_key"] = exact_keys(speakers)
        yield record


def document_fields(doc: Document) -> dict[str, Any]:
    """What every passage of a document shares; empty values left out."""
    outlet = doc.value("outlet")
    authors = [a for a in doc.value("authors", []) if a]
    published = doc.value("published")
    date = published_date(published)
    fields: dict[str, Any] = {
        "doc_id": int(doc.id),
        "title": doc.value("title"),
        "outlet": outlet,
        "outlet_key": exact_key(outlet) if outlet else None,
        "host": doc.value("host"),
        "author": "\n".join(authors) if authors else None,
        "authors": authors,
        "published": published,
        "date": date,
        "day": day_number(date) if date else None,
        "year": str(date.year) if date else None,
        "url": doc.value("url"),
    }
    return {name: value for name, value in fields.items() if value not in (None, "")}
