"""Building and updating the index: one writer per call, serialised by a file lock."""

from __future__ import annotations

import fcntl
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date as dt_date
from datetime import datetime
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.index import FileIndex, LockError
from whoosh.writing import CLEAR, SegmentWriter

from archive.errors import ArchiveError
from archive.model import Document, PartialDate
from archive.store import fingerprint, passage_id
from index import whoosh_fixes  # noqa: F401  (patches Whoosh bugs on import)
from index.analysis import exact_key, exact_keys
from index.schema import build_schema

LOCK_FILE = "cuttings-write.lock"
WRITER_LIMIT_MB = 128
WRITER_TIMEOUT = 120.0  # seconds to wait for a writer that is not ours (a foreign process)


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

    def rebuild(self, docs: Iterable[Document]) -> int:
        """Index these documents from scratch; readers see the old index until the commit."""
        with write_lock(self.index_dir):
            if not _has_current_schema(self._open()):
                whoosh_index.create_in(str(self.index_dir), build_schema())
            writer = _open_writer(self._open())
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


@contextmanager
def write_lock(index_dir: Path) -> Iterator[None]:
    """One writer at a time across threads and processes (flock on a file in the index dir)."""
    with open(Path(index_dir) / LOCK_FILE, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _open_writer(ix: FileIndex) -> SegmentWriter:
    """Whoosh's own lock can still be held by a writer that skipped ours: back off and retry."""
    deadline = time.monotonic() + WRITER_TIMEOUT
    delay = 0.05
    while True:
        try:
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


def day_number(date: datetime | dt_date) -> int:
    """A date as the int yyyymmdd (`2005-03-01` -> 20050301): ordered as the dates are."""
    return date.year * 10000 + date.month * 100 + date.day


def published_date(published: Any) -> datetime | None:
    """The first day of the published period (`2005` -> 2005-01-01); None if unknown."""
    date = PartialDate.parse(str(published)) if published else None
    if date is None:
        return None
    try:
        return datetime(date.year, date.month or 1, date.day or 1)
    except ValueError:
        return None
