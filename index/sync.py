"""The one path from the catalog to the index: every door stores and indexes through here.

The CLI (`cuttings add`, `verify`, `reindex`, `demo`), the librarian's pages and API, and the
benchmarks all hold an `Archive`: the data directory, its catalog and its search engine.
Ingest writes the original, then the catalog (archive.ingest.service), then the index; any
other change writes the catalog, then calls `sync` for the documents it touched (or `apply`,
which does both).

Recovery needs no hands: each change notes its documents in the catalog's index queue in the
change's own transaction, and the note is cleared only once the index has the change. A kill,
a crash or an index too busy to wait for leaves the note behind, and the next writer indexes
those documents; `cuttings add` and `cuttings verify` also compare the whole index with the
catalog. A write that cannot have the index within `write_wait` seconds is saved and
reported "pending" rather than left hanging.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal

from archive.catalog import Catalog, locate_originals, open_catalog_of, record_originals
from archive.datadir import DataDir
from archive.errors import IndexBusy, NotFound, Unavailable
from archive.ingest.parallel import pipeline_workers
from archive.ingest.pipeline import Item, Stage
from archive.ingest.service import Ingestor, IngestResult
from archive.model import Document, FailedItem, Field
from archive.quotes.attribute import attribute
from archive.verification import VerifyReport, verify_archive
from index.engine import BulkLoad, SearchEngine, open_engine
from index.options import EngineOptions

IndexStatus = Literal["indexed", "pending"]
CATCH_UP_BATCH = 500  # documents a change takes along from the queue, at most
# A note younger than this may belong to a load still at work (it clears its own notes):
# a change takes along only older ones, left by a crash or a busy index.
STALE_NOTE_SECONDS = 30


@dataclass
class CatchUp:
    """What bringing the index level with the catalog did."""

    indexed: list[int] = field(default_factory=list)  # documents (re)indexed
    removed: list[int] = field(default_factory=list)  # index entries of unknown documents

    def __bool__(self) -> bool:
        return bool(self.indexed or self.removed)


class Archive:
    """A data directory's catalog and search engine, kept in step.

    `write_wait` bounds how long a change waits for the index (None: as long as it takes,
    for the command line); past it the change is saved, noted, and `pending` lists it.
    """

    def __init__(
        self,
        datadir: DataDir,
        catalog: Catalog,
        engine: SearchEngine,
        *,
        max_passage_chars: int | None = None,
        write_wait: float | None = None,
    ) -> None:
        self.datadir = datadir
        self.catalog = catalog
        self.engine = engine
        self.max_passage_chars = max_passage_chars  # ingest splits longer paragraphs
        self.write_wait = write_wait
        self.pending: set[int] = set()  # documents saved but not yet in the index

    @classmethod
    def open(
        cls,
        datadir: DataDir,
        catalog: Catalog | None = None,
        *,
        options: EngineOptions | None = None,
        max_passage_chars: int | None = None,
        write_wait: float | None = None,
    ) -> Archive:
        """The archive in `datadir` (created if new). An embedded catalog is brought up to
        date as it opens; a server catalog must be current already (`cuttings db init`)."""
        if not datadir.server_mode:
            datadir.create()  # the catalog file's folder
        catalog = catalog or open_catalog_of(datadir)
        datadir = locate_originals(datadir, catalog).create()
        return cls(
            datadir,
            catalog,
            open_engine(datadir, options, database=catalog.db),
            max_passage_chars=max_passage_chars,
            write_wait=write_wait,
        )

    def prepare(self) -> list[int]:
        """Create or upgrade the catalog's schema and the search engine's store (`cuttings db
        init`); the catalog versions applied. A server archive records where its originals
        are, for every other host."""
        applied = self.catalog.upgrade()
        self.engine.prepare()
        if self.catalog.shared_value("originals_folder") is None or self.datadir.originals_root:
            record_originals(self.datadir, self.catalog)
        return applied

    def close(self) -> None:
        self.catalog.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- adding ------------------------------------------------------------------------------

    def ingestor(
        self,
        *,
        added_by: str | None = None,
        max_bytes: int | None = None,
        stages: list[Stage] | None = None,
    ) -> Ingestor:
        return Ingestor(
            self.datadir,
            self.catalog,
            added_by=added_by,
            max_bytes=max_bytes,
            stages=stages,
            max_passage_chars=self.max_passage_chars,
        )

    @contextmanager
    def loading(
        self,
        *,
        ingestor: Ingestor | None = None,
        parallel: bool = False,
        catch_up: bool = False,
    ) -> Iterator[Loading]:
        """A session for adding many files: documents are indexed in batches as they come, and
        the last batch is committed when the block ends. `parallel` lets the engine index in
        worker processes (a long command-line load); `catch_up` first indexes whatever the
        index lacks (what an interrupted load left: `cuttings add` asks for it)."""
        session = Loading(self, ingestor or self.ingestor(), parallel=parallel)
        with self.engine.bulk(
            parallel=parallel, wait=self.write_wait, committed=session.committed
        ) as load:
            session.load = load
            if catch_up:
                session.catch_up()
            yield session
            session.finish()
        if session.pending:
            self.pending.update(session.pending)

    def add(
        self,
        entries: Iterable[Item | FailedItem],
        overrides: dict[str, Field] | None = None,
        *,
        ingestor: Ingestor | None = None,
        parallel: bool = False,
    ) -> Iterator[IngestResult]:
        """Archive each entry, then index the documents added; a result is yielded once its
        document is in the catalog (and it is searchable by the end, or `pending` says not)."""
        with self.loading(ingestor=ingestor, parallel=parallel) as session:
            yield from session.add(entries, overrides)

    def add_paths(
        self,
        paths: Iterable[Path],
        overrides: dict[str, Field] | None = None,
        *,
        parallel: bool = False,
    ) -> Iterator[IngestResult]:
        """Archive files and folders (text, HTML, WARC/ARC)."""
        with self.loading(parallel=parallel) as session:
            yield from session.add_paths(paths, overrides)

    # -- keeping in step ---------------------------------------------------------------------

    def apply(
        self, change: Callable[[], Iterable[int]], *, passages: list[int] | None = None
    ) -> IndexStatus:
        """Make a catalog change and bring the index in step: `change` writes the catalog and
        returns the documents it touched, which are noted for the index in the same
        transaction (so not even a kill between the two can lose them). With `passages`,
        the change touched only those passages of its one document, and only they are
        reindexed."""
        with self.catalog.transaction():
            doc_ids = list(dict.fromkeys(change()))
            self.catalog.index_queue.add(doc_ids)
        if passages is not None and len(doc_ids) == 1:
            return self.sync_passages(doc_ids[0], passages)
        return self.sync(doc_ids)

    def sync(self, doc_ids: Iterable[int] = ()) -> IndexStatus:
        """Bring these documents' index entries in line with the catalog (active ones
        (re)indexed, withdrawn ones removed), along with notes a crash or a busy index left.
        "pending" when the index stayed busy past `write_wait`: the catalog keeps the note."""
        queue = self.catalog.index_queue
        mark = queue.mark()
        wanted = list(dict.fromkeys([*doc_ids, *self._stale_notes()]))
        if not wanted:
            return "indexed"
        try:
            self.engine.add(self._documents(wanted), wait=self.write_wait)
        except IndexBusy:
            return self._left_pending(wanted)
        queue.clear(dict.fromkeys(wanted, mark))
        self.pending.difference_update(wanted)
        return "indexed"

    def sync_passages(self, doc_id: int, passage_ns: Iterable[int]) -> IndexStatus:
        """Reindex only some passages of a document (a speaker fix): the work follows those
        passages, not the document's length. The document must be noted for the index."""
        queue = self.catalog.index_queue
        mark = queue.mark()
        partial = self.catalog.documents.get_passages(doc_id, list(passage_ns))
        try:
            self.engine.replace_passages(partial, wait=self.write_wait)
        except IndexBusy:
            return self._left_pending([doc_id])
        queue.clear({doc_id: mark})
        self.pending.discard(doc_id)
        return self.sync() if self._stale_notes() else "indexed"

    def catch_up(self, *, full: bool = False) -> CatchUp:
        """Index what the catalog has and the index lacks: every noted document, and with
        `full` whatever a comparison of the whole index with the catalog finds missing,
        stale or extra (an index from before the queue existed, or damaged by hand)."""
        done = CatchUp()
        queue = self.catalog.index_queue
        while True:
            mark = queue.mark()
            noted = queue.pending(limit=CATCH_UP_BATCH)
            if not noted:
                break
            self.engine.add(self._documents(noted), wait=self.write_wait)
            queue.clear(dict.fromkeys(noted, mark))
            self.pending.difference_update(noted)
            done.indexed += noted
        if full:
            lacking, extra = self._differences()
            for start in range(0, len(lacking), CATCH_UP_BATCH):
                chunk = lacking[start : start + CATCH_UP_BATCH]
                self.engine.add(self._documents(chunk), wait=self.write_wait)
            for doc_id in extra:
                self.engine.remove(doc_id, wait=self.write_wait)
            done.indexed += lacking
            done.removed += extra
        return done

    def verify(self, *, repair: bool = True) -> VerifyReport:
        """Re-hash the originals, compare the index with the catalog, and repair the index
        (an unreadable one is rebuilt from the catalog)."""
        try:
            state = self.engine.indexed()
        except Unavailable:  # an index that cannot be read is derived: rebuild it
            if not repair:
                raise
            self.rebuild()
            state = self.engine.indexed()
        report = verify_archive(self.datadir, self.catalog, index_state=state)
        if repair and not report.index_ok:
            for doc_id in report.index_extra:
                self.engine.remove(doc_id)
            self.engine.add(self._documents([*report.index_missing, *report.index_stale]))
            report.repaired = True
        if repair:
            self.catch_up()  # notes of changes whose passages matched but not their fields
        return report

    def reattribute(self, doc_ids: Iterable[int] | None = None) -> dict[str, int]:
        """Run attribution again on stored passages (after the rules or the model improved):
        every quote a librarian verified stays as it is; the others are replaced by what
        attribution finds now. Then the index is brought in step."""
        chosen = list(doc_ids) if doc_ids is not None else self.catalog.documents.ids()
        counts = {"documents": 0, "quotes": 0, "kept": 0}
        for doc_id in chosen:
            written, kept = self._reattribute(doc_id)
            counts["quotes"] += written
            counts["kept"] += kept
            counts["documents"] += 1
        return counts

    def _reattribute(self, doc_id: int) -> tuple[int, int]:
        """One document's attribution again: (quotes written, verified quotes kept)."""
        document = self.catalog.documents.get(doc_id, include_withdrawn=True)
        found = attribute(document.passages)
        written = 0

        def change() -> list[int]:
            nonlocal written
            people = self.catalog.people.record_mentions(doc_id, found.people)
            written = self.catalog.quotes.replace_unverified(doc_id, found.quotes, people)
            return [doc_id]

        self.apply(change)
        return written, sum(q.verified for q in document.quotes)

    def rebuild(self) -> int:
        """Index every active document from scratch; the passages indexed."""
        mark = self.catalog.index_queue.mark()
        noted = self.catalog.index_queue.pending()
        written = self.engine.rebuild(self.catalog.documents.iterate)
        self.catalog.index_queue.clear(dict.fromkeys(noted, mark))
        return written

    def _left_pending(self, doc_ids: list[int]) -> IndexStatus:
        """The index stayed busy: make sure the catalog notes these documents (a caller may
        have changed the catalog without `apply`), for whichever writer comes next."""
        self.catalog.index_queue.add(doc_ids)
        self.pending.update(doc_ids)
        return "pending"

    def _documents(self, doc_ids: Iterable[int]) -> list[Document]:
        found = []
        for doc_id in doc_ids:
            try:
                found.append(self.catalog.documents.get(doc_id, include_withdrawn=True))
            except NotFound:  # noted, then gone: nothing of it may stay in the index
                self.engine.remove(doc_id, wait=self.write_wait)
        return found

    def _stale_notes(self) -> list[int]:
        """Notes old enough to have been left by a crash or a busy index, not by a load
        still at work (which clears its own)."""
        before = datetime.now(UTC) - timedelta(seconds=STALE_NOTE_SECONDS)
        older = before.strftime("%Y-%m-%dT%H:%M:%SZ")
        return self.catalog.index_queue.pending(limit=CATCH_UP_BATCH, older_than=older)

    def _differences(self) -> tuple[list[int], list[int]]:
        """Documents the index lacks or holds with other passages; index entries of
        documents that are withdrawn or unknown."""
        indexed = self.engine.indexed()
        expected = self.catalog.documents.passage_counts()
        lacking = [d for d, n in expected.items() if indexed.get(d) != n]
        extra = sorted(set(indexed) - set(expected))
        return lacking, extra


class Loading:
    """An open bulk load: ingest writes the catalog, then hands each new document to the index.
    The catalog's note of each document is cleared once its batch is committed; if the index
    stays busy (a web upload during a long command-line load), the documents stay noted,
    `pending` lists them, and the next writer indexes them."""

    def __init__(self, archive: Archive, ingestor: Ingestor, *, parallel: bool = False) -> None:
        self.archive = archive
        self.ingestor = ingestor
        # a long load runs the pipeline in worker processes, ahead of the store
        self.workers = pipeline_workers() if parallel else 0
        self.load: BulkLoad | None = None
        self.pending: list[int] = []
        self.caught_up = CatchUp()
        self.index_seconds = 0.0  # time spent handing documents to the index and committing
        self._marks: dict[int, int] = {}  # document -> the newest note when it was read
        # An engine in the catalog's database indexes inside the transaction that stores:
        # the document is searchable when it is committed, and its note goes with it.
        self.joined = bool(getattr(archive.engine, "joins_catalog_transaction", False))
        if self.joined:
            ingestor.on_stored = self._index_in_transaction

    def _index_in_transaction(self, doc_id: int) -> None:
        """Index a document in the transaction storing it. If the search stays busy past the
        wait, only the index write is undone: the document is stored with its note, and
        `pending` lists it (as the later documents of this load, which do not wait again)."""
        if self.pending:
            self.pending.append(doc_id)
            return
        catalog = self.archive.catalog
        mark = catalog.index_queue.mark()  # the note documents.add just wrote
        document = catalog.documents.get(doc_id)
        started = time.perf_counter()
        assert self.load is not None
        try:
            with catalog.db.savepoint():
                self.load.add(document)
        except IndexBusy:
            self.pending.append(doc_id)
        else:
            catalog.index_queue.clear({doc_id: mark})
        self.index_seconds += time.perf_counter() - started

    def add(
        self, entries: Iterable[Item | FailedItem], overrides: dict[str, Field] | None = None
    ) -> Iterator[IngestResult]:
        yield from self.add_each((entry, overrides) for entry in entries)

    def add_each(
        self, entries: Iterable[tuple[Item | FailedItem, dict[str, Field] | None]]
    ) -> Iterator[IngestResult]:
        """`add`, each item with typed metadata of its own."""
        for result in self.ingestor.ingest_each(entries, workers=self.workers):
            if not self.joined and result.status == "added" and result.id is not None:
                self.hand(result.id)
            yield result

    def add_paths(
        self, paths: Iterable[Path], overrides: dict[str, Field] | None = None
    ) -> Iterator[IngestResult]:
        yield from self.add(self.ingestor.read_paths(paths), overrides)

    def hand(self, doc_id: int) -> None:
        """Give one catalogued document to the index (or leave it noted, when it is busy)."""
        if self.pending:
            self.pending.append(doc_id)
            return
        catalog = self.archive.catalog
        self._marks[doc_id] = catalog.index_queue.mark()
        document = catalog.documents.get(doc_id, include_withdrawn=True)
        started = time.perf_counter()
        try:
            assert self.load is not None
            self.load.add(document)
        except IndexBusy:
            self._busy()
            self.pending.append(doc_id)
        self.index_seconds += time.perf_counter() - started

    def catch_up(self) -> None:
        """Before adding: hand the index every noted document and whatever else it lacks."""
        archive = self.archive
        for doc_id in archive.catalog.index_queue.pending():
            self.hand(doc_id)
            self.caught_up.indexed.append(doc_id)
        lacking, extra = archive._differences()
        for doc_id in lacking:
            if doc_id not in self._marks:
                self.hand(doc_id)
                self.caught_up.indexed.append(doc_id)
        for doc_id in extra:
            archive.engine.remove(doc_id, wait=archive.write_wait)
            self.caught_up.removed.append(doc_id)

    def committed(self, doc_ids: list[int]) -> None:
        """The engine committed these: clear their notes (those written since stay)."""
        marks = {d: self._marks.pop(d) for d in doc_ids if d in self._marks}
        if marks:
            self.archive.catalog.index_queue.clear(marks)

    def finish(self) -> None:
        """Commit what is queued (leaving `Archive.loading` does it)."""
        if self.joined:
            self.ingestor.on_stored = None
        started = time.perf_counter()
        try:
            if self.load is not None:
                self.load.commit()
        except IndexBusy:
            self._busy()
        self.index_seconds += time.perf_counter() - started

    def _busy(self) -> None:
        """The index stayed busy: what was handed but not committed stays noted."""
        self.pending.extend(d for d in self._marks if d not in self.pending)
        self._marks.clear()
        if self.load is not None:
            self.load.cancel()
