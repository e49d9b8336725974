"""The embedded search engine: a Whoosh index in the data directory, one index document per
passage with its provenance stored beside it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from archive.model import Document
from index.request import SearchRequest
from index.results import SearchResult
from index.whoosh.searching import search
from index.whoosh.writing import BulkLoad, Committed, Indexer


class WhooshEngine:
    """`index.engine.SearchEngine` over one index directory."""

    joins_catalog_transaction = False  # a separate store, written after the catalog commits

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = Path(index_dir)
        self._indexer: Indexer | None = None

    def prepare(self) -> None:
        self.indexer  # creates the index directory and an empty index  # noqa: B018

    @property
    def indexer(self) -> Indexer:
        if self._indexer is None:
            self._indexer = Indexer(self.index_dir)
        return self._indexer

    def require_ready(self) -> None:
        """Nothing to check before serving: a missing index is made on the first write, and
        one of another version is reported when written (`cuttings reindex` rebuilds it)."""

    def add(self, docs: Iterable[Document], *, wait: float | None = None) -> int:
        return self.indexer.add_documents(docs, wait=wait)

    def replace_passages(self, doc: Document, *, wait: float | None = None) -> int:
        return self.indexer.replace_passages(doc, wait=wait)

    def remove(self, doc_id: int, *, wait: float | None = None) -> None:
        self.indexer.remove_document(doc_id, wait=wait)

    def bulk(
        self,
        *,
        parallel: bool = False,
        wait: float | None = None,
        committed: Committed | None = None,
    ) -> BulkLoad:
        return self.indexer.bulk(parallel=parallel, wait=wait, committed=committed)

    def search(self, request: SearchRequest) -> SearchResult:
        return search(self.index_dir, request)

    def count(self, request: SearchRequest) -> int:
        return search(self.index_dir, replace(request, page=1, per_page=1)).total

    def rebuild(self, documents: Callable[[], Iterable[Document]]) -> int:
        return self.indexer.rebuild(documents)

    def indexed(self) -> dict[int, int]:
        return self.indexer.indexed_documents()
