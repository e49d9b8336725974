"""The server-mode search engine: PostgreSQL full-text search over the passages, in the same
database as the catalog (so indexing can join the catalog's transaction).

Its SQL lives in this package and nowhere else outside `archive/catalog/`: the catalog owns
the archive's tables, this engine owns the search tables (index.postgres.schema), and both
run their statements through the catalog's `Database` connection.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace

from archive.catalog.database import Database
from archive.errors import ArchiveError
from archive.model import Document
from index.options import EngineOptions
from index.postgres import passages, schema
from index.postgres.searching import Search
from index.postgres.terms import word_counts
from index.postgres.writing import (
    indexed_documents,
    remove_document,
    replace_passages,
    write_documents,
)
from index.query import Node
from index.request import SearchRequest
from index.results import Copy, Hit, SearchResult

REBUILD_BATCH = 500  # documents per statement batch in a rebuild

_ready: set[str] = set()  # databases whose search tables this process has checked
_ready_lock = threading.Lock()


class SearchTablesMissing(ArchiveError):
    status = 503
    kind = "schema"


class PostgresEngine:
    """`index.engine.SearchEngine` over the search tables of the catalog's database."""

    # Index writes join the catalog's open transaction: a document is stored and searchable
    # in one commit, or neither.
    joins_catalog_transaction = True

    def __init__(self, db: Database, options: EngineOptions | None = None) -> None:
        self.db = db
        # The same limits as Whoosh; no answer cache (`options.cache_entries` is not used): a
        # process cannot see another host's writes, so it could not tell when to forget one.
        self.options = options or EngineOptions()

    # -- the tables ---------------------------------------------------------------------------

    def prepare(self) -> None:
        """Create the search tables (or rebuild them empty when made by another version)."""
        with self.db.transaction():
            self.db.lock("cuttings search tables")
            if self._version() not in (None, schema.SCHEMA_VERSION):
                for statement in schema.DROP:
                    self.db.run(statement)
            for statement in (*schema.EXTENSIONS, schema.CONFIGURATIONS, *schema.TABLES):
                self.db.run(statement)
            self.db.run(
                "INSERT INTO search_meta (name, value) VALUES ('schema_version', ?) "
                "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                (str(schema.SCHEMA_VERSION),),
            )

    def _version(self) -> int | None:
        if not self.db.scalar("SELECT to_regclass('search_meta') IS NOT NULL AS present"):
            return None
        value = self.db.scalar("SELECT value FROM search_meta WHERE name = 'schema_version'")
        return int(value) if value else None

    def require_ready(self) -> None:
        """SearchTablesMissing unless this database's search tables are of this version."""
        key = getattr(self.db, "url", "") or str(id(self.db))
        if key in _ready:
            return
        version = self._version()
        if version is None:
            raise SearchTablesMissing(
                "the database has no search tables yet: run `cuttings db init`"
            )
        if version != schema.SCHEMA_VERSION:
            raise SearchTablesMissing(
                "the search tables were built by another version of Cuttings: "
                "run `cuttings reindex` to rebuild them"
            )
        with _ready_lock:
            _ready.add(key)

    # -- SearchEngine ---------------------------------------------------------------------------

    # `wait` bounds how long a write waits for another writer's row locks (PostgreSQL's
    # lock_timeout); past it the write raises IndexBusy and the catalog's index queue keeps
    # the documents for the next writer, as with Whoosh's file lock.

    def add(self, docs: Iterable[Document], *, wait: float | None = None) -> int:
        self.require_ready()
        return write_documents(self.db, docs, wait)

    def replace_passages(self, doc: Document, *, wait: float | None = None) -> int:
        self.require_ready()
        return replace_passages(self.db, doc, wait)

    def remove(self, doc_id: int, *, wait: float | None = None) -> None:
        self.require_ready()
        remove_document(self.db, doc_id, wait)

    @contextmanager
    def bulk(
        self,
        *,
        parallel: bool = False,
        wait: float | None = None,
        committed: Callable[[list[int]], None] | None = None,
    ) -> Iterator[BulkLoad]:
        """Each document is written as it comes (inside the transaction that stored it, when
        there is one): there is no batch to commit or to lose."""
        self.require_ready()
        yield BulkLoad(self, wait, committed)

    def search(self, request: SearchRequest) -> SearchResult:
        self.require_ready()
        return Search(self.db, self.options.limits).run(request)

    def count(self, request: SearchRequest) -> int:
        self.require_ready()
        return Search(self.db, self.options.limits).count(replace(request, page=1))

    def passage(self, passage_id: str) -> Hit | None:
        self.require_ready()
        return passages.passage_hit(self.db, passage_id)

    def copies(self, passage_id: str) -> list[Copy]:
        self.require_ready()
        return passages.all_copies(self.db, passage_id)

    def candidates(self, node: Node, *, kinds: tuple[str, ...], limit: int) -> list[Hit]:
        self.require_ready()
        return Search(self.db, self.options.limits).candidates(node, kinds, limit)

    def word_counts(self, words: list[str]) -> dict[str, int]:
        self.require_ready()
        return word_counts(self.db, words)

    def rebuild(self, documents: Callable[[], Iterable[Document]]) -> int:
        """Every passage again, in one transaction: readers see the old rows until it commits."""
        self.prepare()
        written = 0
        with self.db.transaction():
            self.db.lock("cuttings search rebuild")
            self.db.run("DELETE FROM search_passages")
            self.db.run("DELETE FROM search_terms")
            batch: list[Document] = []
            for doc in documents():
                if doc.id is not None and doc.status == "active":
                    batch.append(doc)
                if len(batch) >= REBUILD_BATCH:
                    written += write_documents(self.db, batch)
                    batch = []
            written += write_documents(self.db, batch)
        self.db.run("ANALYZE search_passages")
        return written

    def indexed(self) -> dict[int, int]:
        self.require_ready()
        return indexed_documents(self.db)


class BulkLoad:
    """A bulk load that writes each document at once (in the caller's transaction, if any)."""

    def __init__(
        self,
        engine: PostgresEngine,
        wait: float | None = None,
        committed: Callable[[list[int]], None] | None = None,
    ) -> None:
        self.engine = engine
        self.wait = wait
        self.committed = committed

    def add(self, doc: Document) -> None:
        write_documents(self.engine.db, [doc], self.wait)
        if self.committed is not None and doc.id is not None and not self.engine.db.in_transaction:
            self.committed([int(doc.id)])  # searchable now (else: when the caller commits)

    def commit(self) -> None:
        """Nothing waits: every document was written in its own (or its caller's) commit."""

    def cancel(self) -> None:
        """Nothing to drop: nothing is held back between documents."""
