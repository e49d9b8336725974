"""The Whoosh index: one index document per passage, with its provenance stored beside it.

`Indexer` keeps the index in step with the catalog; `search` answers a `SearchRequest`.
"""

from index.indexing import Indexer
from index.querying import SearchRequest, SearchResult, search

__all__ = ["Indexer", "SearchRequest", "SearchResult", "search"]
