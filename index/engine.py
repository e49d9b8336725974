"""What the rest of Cuttings needs from a search engine, whichever engine it is.

The embedded engine is Whoosh in the data directory (index.whoosh); a server engine keeps
the same promises: every method takes and returns the archive's own types, never the
engine's. A reader's query is parsed once (index.parse) into the project's query model
(index.query), and each engine compiles that model, so every engine reads the same language.

What is the same for every engine lives beside this module and is reused by each: the cost
of a query (index.limits: `account` before running, a `Deadline` while running), the lanes
that keep costly searches from choking cheap ones (index.lanes), the answer cache
(index.cache), facet buckets (index.facets), snippets (index.snippets), "did you mean"
(index.suggest), a passage's travel (index.travel) and tracing a quotation (index.trace).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from typing import Protocol

from archive.catalog.database import Database
from archive.datadir import DataDir
from archive.model import Document
from index.options import EngineOptions
from index.query import Node
from index.request import SearchRequest
from index.results import Copy, Hit, SearchResult


class BulkLoad(Protocol):
    """A session that indexes many new documents as they come, committing in batches."""

    def add(self, doc: Document) -> None: ...

    def commit(self) -> None:
        """Commit the open batch now (leaving the bulk load does it too)."""

    def cancel(self) -> None:
        """Drop the open batch (its documents stay noted in the catalog's index queue)."""


class SearchEngine(Protocol):
    """Every write takes `wait`: the seconds it may wait for the index (None: as long as it
    takes, for the command line). Past that it raises archive.errors.IndexBusy, and never
    blocks longer - the caller has saved the change in the catalog, whose index queue
    (index.sync) hands the documents to `add` again later. An engine that writes inside the
    catalog's own transactions (server mode) keeps the same promise with its lock timeout.
    Whatever a killed writer leaves, the next writer must not wait for it."""

    # Whether index writes join the catalog's open transaction (an engine in the catalog's
    # own database), so that ingest stores and indexes a document in one commit.
    joins_catalog_transaction: bool

    def prepare(self) -> None:
        """Create what the engine stores passages in (`cuttings db init`; harmless again)."""

    def require_ready(self) -> None:
        """ArchiveError naming the command to run when the store is missing or was built by
        another version (checked before serving)."""

    def add(self, docs: Iterable[Document], *, wait: float | None = None) -> int:
        """(Re)index these documents' passages, replacing what they had (withdrawn documents
        are removed); the passages written."""

    def replace_passages(self, doc: Document, *, wait: float | None = None) -> int:
        """(Re)index only the passages `doc` carries, leaving its others as they are (a
        speaker fix: the cost follows the passages changed, not the document's length)."""

    def remove(self, doc_id: int, *, wait: float | None = None) -> None:
        """Drop every passage of a document."""

    def bulk(
        self,
        *,
        parallel: bool = False,
        wait: float | None = None,
        committed: Callable[[list[int]], None] | None = None,
    ) -> AbstractContextManager[BulkLoad]:
        """A bulk load: leaving the block commits; an error cancels the open batch. With
        `parallel`, the engine may index in other processes (a command-line bulk add), none
        of which may outlive this one. `committed` is told each batch's document ids once
        they are searchable."""

    def search(self, request: SearchRequest) -> SearchResult:
        """One page of hits, ranked or by date (`relevance`, `newest`, `oldest`; undated
        passages last), with facets (index.facets.facet_buckets: the "undated" and "unknown
        outlet" buckets, the filter in force marked), totals, highlight and snippet HTML
        (index.snippets), each hit's copies (index.results.Copy, earliest first, at most
        MAX_COPIES) and a "did you mean" (index.suggest) when little is found.

        Within the engine's limits (index.limits): QueryTooCostly (400) before running a
        query that breaks one, SearchTimedOut (503) past the time budget, SearchBusy (503)
        when the costly lane (index.lanes) stayed full. Answers may be cached per index
        generation (index.cache): a change to the index is never answered from before it."""

    def count(self, request: SearchRequest) -> int:
        """How many hits a request has (repeated passages counted once)."""

    def passage(self, passage_id: str) -> Hit | None:
        """One indexed passage in the hit shape (no marks), with its copies; None when the
        index does not hold it (unknown, or its document withdrawn)."""

    def copies(self, passage_id: str) -> list[Copy]:
        """Every passage with the same words as this one, itself included, earliest first
        (index.travel.earliest_first), at most index.travel.MAX_TIMELINE; [] if unknown."""

    def candidates(self, node: Node, *, kinds: tuple[str, ...], limit: int) -> list[Hit]:
        """The `limit` passages that best match a query model, best first, one per distinct
        text, with marks but no facets or suggestion (trace-a-quote's first step), within
        the engine's limits."""

    def word_counts(self, words: list[str]) -> dict[str, int]:
        """How many passages hold each word in their text, as the engine analyses words
        (`harvested` counts the passages with any form of it; 0 for a word none holds or a
        stop word): what tracing a quotation uses to ask for its rarest words."""

    def rebuild(self, documents: Callable[[], Iterable[Document]]) -> int:
        """Index from scratch what `documents()` yields; readers see the old index until done."""

    def indexed(self) -> dict[int, int]:
        """Document id -> passages indexed: what `cuttings verify` and the catch-up compare
        with the catalog ({} for a new, empty index)."""


def open_engine(
    datadir: DataDir, options: EngineOptions | None = None, database: Database | None = None
) -> SearchEngine:
    """The search engine of an archive: Whoosh in the data directory, or in server mode
    PostgreSQL's full-text search over the catalog's database (`database`: the catalog's
    own connection, so that ingest can index in the catalog's transaction). `options`: its
    cost limits and answer cache, the same for both."""
    if datadir.server_mode:
        from archive.catalog.catalog import open_database
        from index.postgres import PostgresEngine

        return PostgresEngine(
            database or open_database(datadir.database_url), options or EngineOptions()
        )
    from index.whoosh import WhooshEngine

    return WhooshEngine(datadir.index, options or EngineOptions())
