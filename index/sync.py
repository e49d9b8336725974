"""The one path from the catalog to the index: every door stores and indexes through here.

The CLI (`cuttings add`, `verify`, `reindex`, `demo`), the librarian's pages and API, and the
benchmarks all hold an `Archive`: the data directory, its catalog and its search engine.
Ingest writes the original, then the catalog (archive.ingest.service), then the index; any
other change writes the catalog, then calls `sync` for the documents it touched.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from archive.catalog import Catalog, locate_originals, open_catalog_of, record_originals
from archive.datadir import DataDir
from archive.ingest.pipeline import Item, Stage
from archive.ingest.service import Ingestor, IngestResult
from archive.model import FailedItem, Field
from archive.quotes.attribute import attribute
from archive.verification import VerifyReport, verify_archive
from index.engine import BulkLoad, SearchEngine, open_engine


class Archive:
    """A data directory's catalog and search engine, kept in step."""

    def __init__(self, datadir: DataDir, catalog: Catalog, engine: SearchEngine) -> None:
        self.datadir = datadir
        self.catalog = catalog
        self.engine = engine

    @classmethod
    def open(cls, datadir: DataDir, catalog: Catalog | None = None) -> Archive:
        """The archive in `datadir` (created if new). An embedded catalog is brought up to
        date as it opens; a server catalog must be current already (`cuttings db init`)."""
        if not datadir.server_mode:
            datadir.create()  # the catalog file's folder
        catalog = catalog or open_catalog_of(datadir)
        datadir = locate_originals(datadir, catalog).create()
        return cls(datadir, catalog, open_engine(datadir, catalog.db))

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
            self.datadir, self.catalog, added_by=added_by, max_bytes=max_bytes, stages=stages
        )

    @contextmanager
    def loading(
        self, *, ingestor: Ingestor | None = None, parallel: bool = False
    ) -> Iterator[Loading]:
        """A session for adding many files: documents are indexed in batches as they come, and
        the last batch is committed when the block ends. `parallel` lets the engine index in
        worker processes (a long command-line load)."""
        with self.engine.bulk(parallel=parallel) as load:
            session = Loading(self, ingestor or self.ingestor(), load)
            yield session
            session.finish()

    def add(
        self,
        entries: Iterable[Item | FailedItem],
        overrides: dict[str, Field] | None = None,
        *,
        ingestor: Ingestor | None = None,
        parallel: bool = False,
    ) -> Iterator[IngestResult]:
        """Archive each entry, then index the documents added; a result is yielded once its
        document is in the catalog (and it is searchable by the end)."""
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

    def sync(self, doc_ids: Iterable[int]) -> None:
        """Bring these documents' index entries in line with the catalog: active ones
        (re)indexed, withdrawn ones removed."""
        docs = [
            self.catalog.documents.get(i, include_withdrawn=True) for i in dict.fromkeys(doc_ids)
        ]
        if docs:
            self.engine.add(docs)

    def verify(self, *, repair: bool = True) -> VerifyReport:
        """Re-hash the originals, compare the index with the catalog, and repair the index."""
        report = verify_archive(self.datadir, self.catalog, index_state=self.engine.indexed())
        if repair and not report.index_ok:
            for doc_id in report.index_extra:
                self.engine.remove(doc_id)
            self.sync([*report.index_missing, *report.index_stale])
            report.repaired = True
        return report

    def reattribute(self, doc_ids: Iterable[int] | None = None) -> dict[str, int]:
        """Run attribution again on stored passages (after the rules or the model improved):
        every quote a librarian verified stays as it is; the others are replaced by what
        attribution finds now. Then the index is brought in step."""
        chosen = list(doc_ids) if doc_ids is not None else self.catalog.documents.ids()
        counts = {"documents": 0, "quotes": 0, "kept": 0}
        for doc_id in chosen:
            document = self.catalog.documents.get(doc_id, include_withdrawn=True)
            found = attribute(document.passages)
            people = self.catalog.people.record_mentions(doc_id, found.people)
            counts["quotes"] += self.catalog.quotes.replace_unverified(doc_id, found.quotes, people)
            counts["kept"] += sum(q.verified for q in document.quotes)
            counts["documents"] += 1
            self.sync([doc_id])
        return counts

    def rebuild(self) -> int:
        """Index every active document from scratch; the passages indexed."""
        return self.engine.rebuild(self.catalog.documents.iterate)


class Loading:
    """An open bulk load: ingest writes the catalog, then hands each new document to the index."""

    def __init__(self, archive: Archive, ingestor: Ingestor, load: BulkLoad) -> None:
        self.archive = archive
        self.ingestor = ingestor
        self.load = load
        self.index_seconds = 0.0  # time spent handing documents to the index and committing
        # An engine in the catalog's database indexes inside the transaction that stores.
        self.joined = bool(getattr(archive.engine, "joins_catalog_transaction", False))
        if self.joined:
            ingestor.on_stored = self._index_in_transaction

    def _index_in_transaction(self, doc_id: int) -> None:
        document = self.archive.catalog.documents.get(doc_id)
        started = time.perf_counter()
        self.load.add(document)
        self.index_seconds += time.perf_counter() - started

    def add(
        self, entries: Iterable[Item | FailedItem], overrides: dict[str, Field] | None = None
    ) -> Iterator[IngestResult]:
        for result in self.ingestor.ingest(entries, overrides):
            if not self.joined and result.status == "added" and result.id is not None:
                document = self.archive.catalog.documents.get(result.id)
                started = time.perf_counter()
                self.load.add(document)
                self.index_seconds += time.perf_counter() - started
            yield result

    def add_paths(
        self, paths: Iterable[Path], overrides: dict[str, Field] | None = None
    ) -> Iterator[IngestResult]:
        yield from self.add(self.ingestor.read_paths(paths), overrides)

    def finish(self) -> None:
        """Commit what is queued (leaving `Archive.loading` does it)."""
        if self.joined:
            self.ingestor.on_stored = None
        started = time.perf_counter()
        self.load.commit()
        self.index_seconds += time.perf_counter() - started
