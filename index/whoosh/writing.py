"""Building and updating the index: one writer per call, serialised by a file lock."""

from __future__ import annotations

import fcntl
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.index import FileIndex, LockError
from whoosh.multiproc import MpWriter
from whoosh.searching import Searcher
from whoosh.writing import CLEAR, SegmentWriter

from archive.errors import ArchiveError
from archive.model import Document, fingerprint, passage_id
from index.whoosh import fixes  # noqa: F401  (patches Whoosh bugs on import)
from index.whoosh.analysis import exact_key, exact_keys
from index.whoosh.dates import day_number, published_date
from index.whoosh.schema import build_schema

LOCK_FILE = "cuttings-write.lock"
WRITER_LIMIT_MB = 128
WRITER_TIMEOUT = 120.0  # seconds to wait for a writer that is not ours (a foreign process)
BULK_BATCH = 1000  # documents per commit in a bulk load
MAX_WORKERS = 4  # indexing processes in a bulk load, at most


class Indexer:
    """Keeps one index directory in step with the catalog."""

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = Path(index_dir)
        self.index_dir.mkdir(parents=True, exist_ok=True)
        with write_lock(self.index_dir):
            if not whoosh_index.exists_in(str(self.index_dir)):
                whoosh_index.create_in(str(self.index_dir), build_schema())

    def add_documents(self, docs: Iterable[Document]) -> int:
        """(Re)index these documents' passages, replacing earlier ones; return passages written."""
        latest = {doc.id: doc for doc in docs if doc.id is not None}
        if not latest:
            return 0
        with self._writer() as writer:
            _delete_documents(writer, latest)
            return sum(
                _add_passages(writer, doc) for doc in latest.values() if doc.status == "active"
            )

    def remove_document(self, doc_id: int) -> None:
        """Drop every passage of one document (a withdrawal)."""
        with self._writer() as writer:
            writer.delete_by_term("doc_id", int(doc_id))

    def indexed_documents(self) -> dict[int, int]:
        """doc_id -> passages indexed, for `cuttings verify`."""
        with self._open().searcher() as searcher:
            reader = searcher.reader()
            column = reader.column_reader("doc_id")
            return dict(sorted(Counter(column[d] for d in reader.all_doc_ids()).items()))

    def rebuild(self, documents: Callable[[], Iterable[Document]]) -> int:
        """Index from scratch the documents `documents()` yields (called again should a worker
        fail, so they stream rather than sit in memory); readers see the old index until
        the commit."""
        with write_lock(self.index_dir):
            if not _has_current_schema(self._open()):
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

    def bulk(self, batch: int = BULK_BATCH, *, parallel: bool = False) -> BulkLoad:
        """A session for indexing many new documents as they are added; `parallel` (for
        `cuttings add DIR`) indexes in worker processes when the machine has several cores."""
        return BulkLoad(self, batch=batch, workers=worker_count() if parallel else 0)

    def _open(self) -> FileIndex:
        return whoosh_index.open_dir(str(self.index_dir))

    @contextmanager
    def _writer(self) -> Iterator[SegmentWriter]:
        """A writer committed on success and cancelled on error, under the write lock."""
        with write_lock(self.index_dir):
            ix = self._open()
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
    """Indexes a stream of documents in batches, in worker processes when the machine has
    several cores, so that indexing one batch overlaps with extracting the next.

    A batch holds the index's write lock from its first document to its commit, so other
    writers (a librarian's correction) wait at most one batch. Use as a context manager:
    leaving it commits the last batch; an error cancels the uncommitted batch (those
    documents are in the catalog, and `cuttings verify` indexes them).
    """

    def __init__(self, indexer: Indexer, batch: int = BULK_BATCH, workers: int = 0) -> None:
        self.indexer = indexer
        self.batch = batch
        self.workers = workers
        self._docs: list[Document] = []
        self._session: ExitStack | None = None
        self._writer: SegmentWriter | None = None
        self._searcher: Searcher | None = None
        self._expected = 0

    def add(self, doc: Document) -> None:
        """Queue one document's passages, replacing any it had; commits every `batch`."""
        if doc.id is None:
            return
        if self._writer is None:
            self._open()
        assert self._writer is not None and self._searcher is not None
        self._docs.append(doc)
        self._expected -= self._writer.delete_by_term(
            "doc_id", int(doc.id), searcher=self._searcher
        )
        if doc.status == "active":
            self._expected += _add_passages(self._writer, doc)
        if len(self._docs) >= self.batch:
            self.commit()

    def commit(self) -> None:
        """Commit the open batch and check every passage reached the index."""
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

    def cancel(self) -> None:
        """Drop the open batch."""
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
        session.enter_context(write_lock(self.indexer.index_dir))
        try:
            ix = self.indexer._open()
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


class _WorkerWriter(MpWriter):
    """Whoosh's multi-process writer, with a cancel that stops its workers: the stock one
    flags them in this process only, leaving them waiting on their queue for ever."""

    def cancel(self) -> None:
        try:
            for task in self.tasks:
                task.terminate()
                task.join()
        finally:
            SegmentWriter.cancel(self)


def worker_count() -> int:
    """Indexing processes for a bulk load: one per usable core (at most MAX_WORKERS); 0, to
    index in this process, on a single core."""
    cores = len(os.sched_getaffinity(0))
    return min(cores, MAX_WORKERS) if cores > 1 else 0


@contextmanager
def write_lock(index_dir: Path) -> Iterator[None]:
    """One writer at a time across threads and processes (flock on a file in the index dir)."""
    with open(Path(index_dir) / LOCK_FILE, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _open_writer(ix: FileIndex, workers: int = 0) -> SegmentWriter:
    """A writer, indexing in `workers` processes when there are two or more (each writing
    its own segment). Whoosh's own lock can still be held by a writer that skipped ours:
    back off and retry."""
    deadline = time.monotonic() + WRITER_TIMEOUT
    delay = 0.05
    while True:
        try:
            if workers > 1:
                return _WorkerWriter(ix, procs=workers, multisegment=True, limitmb=WRITER_LIMIT_MB)
            return ix.writer(procs=1, limitmb=WRITER_LIMIT_MB)
        except LockError:
            if time.monotonic() > deadline:
                raise ArchiveError(
                    "the index is locked by another writer; try again later"
                ) from None
            time.sleep(delay)
            delay = min(delay * 2, 1.0)


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
            attributions=doc.attributions_of(passage.n),
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
