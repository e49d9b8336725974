"""The embedded search engine: a Whoosh index in the data directory, one index document per
passage with its provenance stored beside it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from archive.model import Document
from index.cache import ResultCache, cache_for
from index.options import EngineOptions
from index.query import Node
from index.request import SearchRequest
from index.results import Copy, Hit, SearchResult
from index.whoosh import passages
from index.whoosh.searching import search, searcher_for
from index.whoosh.writing import BulkLoad, Committed, Indexer


class WhooshEngine:
    """`index.engine.SearchEngine` over one index directory."""

    joins_catalog_transaction = False  # a separate store, written after the catalog commits

    def __init__(self, index_dir: Path, options: EngineOptions | None = None) -> None:
        self.index_dir = Path(index_dir)
        self.options = options or EngineOptions()
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

    @property
    def cache(self) -> ResultCache:
        return cache_for(str(self.index_dir.resolve()), self.options.cache_entries)

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
        return search(self.index_dir, request, self.options.limits, self.cache)

    def count(self, request: SearchRequest) -> int:
        return self.search(replace(request, page=1, per_page=1)).total

    def passage(self, passage_id: str) -> Hit | None:
        searcher = searcher_for(self.index_dir)
        return passages.passage_hit(searcher, self._place, passage_id) if searcher else None

    def copies(self, passage_id: str) -> list[Copy]:
        searcher = searcher_for(self.index_dir)
        return passages.all_copies(searcher, self._place, passage_id) if searcher else []

    def candidates(self, node: Node, *, kinds: tuple[str, ...], limit: int) -> list[Hit]:
        searcher = searcher_for(self.index_dir)
        if searcher is None:
            return []
        return passages.candidates(
            searcher, self._place, self.options.limits, node, kinds=kinds, limit=limit
        )

    def word_counts(self, words: list[str]) -> dict[str, int]:
        searcher = searcher_for(self.index_dir)
        return passages.word_counts(searcher, words) if searcher else dict.fromkeys(words, 0)

    def rebuild(self, documents: Callable[[], Iterable[Document]]) -> int:
        return self.indexer.rebuild(documents)

    def indexed(self) -> dict[int, int]:
        return self.indexer.indexed_documents()

    @property
    def _place(self) -> str:
        return str(self.index_dir.resolve())
