"""Searching: limits, filters, ranking, collapsing repeated passages, facets, hits.

One search: the request is checked, parsed (index.parse) and costed (index.limits.account)
before anything runs; it runs in its lane (index.lanes) under its time budget; the answer
is kept per index generation (index.cache), so asking again costs a lookup.
"""

from __future__ import annotations

import heapq
import threading
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.collectors import TopCollector
from whoosh.searching import Searcher

from archive.errors import Unavailable
from archive.model import PASSAGE_KINDS
from index import query as q
from index.cache import ResultCache, cache_for
from index.facets import facet_buckets
from index.lanes import LANES
from index.limits import Cost, Deadline, SearchLimits, account
from index.parse import parse
from index.request import SearchRequest
from index.results import Hit, SearchResult
from index.suggest import did_you_mean
from index.whoosh import fixes  # noqa: F401  (patches a Whoosh bug on import)
from index.whoosh.analysis import exact_key, name_analyzer
from index.whoosh.compile import Compiler
from index.whoosh.dates import day_range
from index.whoosh.docsets import DocSet
from index.whoosh.expansion import WhooshTermStats
from index.whoosh.facets import Table, distinct, table_for, tally
from index.whoosh.highlight import marked_terms
from index.whoosh.hits import build_hit
from index.whoosh.scoring import ListedLengthBM25F
from index.whoosh.suggesting import suggest_word

__all__ = ["SearchRequest", "SearchResult", "search"]

CHECK_EVERY = 256  # matches collected between two looks at the deadline
_local = threading.local()


def search(
    index_dir: Path,
    request: SearchRequest,
    limits: SearchLimits | None = None,
    cache: ResultCache | None = None,
) -> SearchResult:
    """One page of hits for a request; ArchiveError (HTTP 400) for a request that cannot run,
    QueryTooCostly (400) for one too costly to try, SearchTimedOut or SearchBusy (503) when
    it could not finish in its time budget."""
    limits = limits or SearchLimits()
    request.validate()
    node = parse(request.q)
    searcher = _searcher(Path(index_dir))
    if searcher is None or searcher.doc_count_all() == 0:
        return SearchResult(request)  # new or emptied: Whoosh's empty reader has no columns
    place = str(Path(index_dir).resolve())
    cache = cache if cache is not None else cache_for(place)
    generation = searcher.reader().generation()
    found = cache.get(generation, request.cache_key())
    if found is not None:
        return found
    result = Search(searcher, place, limits).run(request, node)
    cache.put(generation, request.cache_key(), result)
    return result


class Search:
    """One search over one searcher: cost, lane, ranking, counts, hits, suggestion."""

    def __init__(self, searcher: Searcher, place: str, limits: SearchLimits) -> None:
        self.searcher = searcher
        self.place = place
        self.limits = limits
        self.cost = Cost()
        self.deadline = Deadline(limits.seconds, culprit=self.cost.describe_costliest)

    def run(self, request: SearchRequest, node: q.Node | None) -> SearchResult:
        self.cost = account(node, WhooshTermStats(self.searcher, self.deadline), self.limits)
        self.deadline.culprit = self.cost.describe_costliest
        costly = self.cost.postings > self.limits.costly_postings
        with LANES.run(self.deadline, costly=costly, what=self.cost.describe_costliest()):
            return self._run(request, node)

    def _run(self, request: SearchRequest, node: q.Node | None) -> SearchResult:
        compiler = Compiler(self.searcher, self.cost, self.deadline)
        words = compiler.query(node) if node is not None else None
        table = table_for(self.searcher, self.place)
        final = build_query(self.searcher, request, words, table)
        order, matched = self._ranked(final, request, table)
        total, counts = tally(matched, table, self.deadline)
        start = (request.page - 1) * request.per_page
        marks = marked_terms(self.searcher, compiler.marks(node) if node is not None else None)
        hits = [
            build_hit(self.searcher, docnum, marks, table)
            for docnum in order[start : start + request.per_page]
        ]
        result = SearchResult(
            request, total=total, hits=hits, facets=facet_buckets(counts, request)
        )
        if node is not None:
            result.suggestion = did_you_mean(
                request, node, total, self._suggest_word, self._count_of
            )
        return result

    def candidates(self, node: q.Node, kinds: tuple[str, ...], limit: int) -> list[Hit]:
        """The best `limit` passages for a query, one per fingerprint, marked, no counts."""
        self.cost = account(node, WhooshTermStats(self.searcher, self.deadline), self.limits)
        self.deadline.culprit = self.cost.describe_costliest
        costly = self.cost.postings > self.limits.costly_postings
        with LANES.run(self.deadline, costly=costly, what=self.cost.describe_costliest()):
            compiler = Compiler(self.searcher, self.cost, self.deadline)
            table = table_for(self.searcher, self.place)
            wanted = SearchRequest(kinds=kinds, per_page=limit)  # its kinds, no filters
            final = build_query(self.searcher, wanted, compiler.query(node), table)
            collector = TopCollector(limit=limit * 3)
            self.searcher.search_with_collector(final, collector)
            results = collector.results()
            docnums = [results.docnum(i) for i in range(results.scored_length())]
            marks = marked_terms(self.searcher, compiler.marks(node))
            return [
                build_hit(self.searcher, d, marks, table) for d in _collapse(docnums, table, limit)
            ]

    # -- ranking ---------------------------------------------------------------------------

    def _ranked(
        self, final: wq.Query, request: SearchRequest, table: Table
    ) -> tuple[list[int], list[int]]:
        """Document numbers in order, one per fingerprint, enough to fill the requested page;
        and every matching document number (ascending), for the counts."""
        wanted = request.page * request.per_page
        sort = request.effective_sort
        if sort != "relevance":
            matched = self._all_matches(final)
            key = table.newest_key if sort == "newest" else table.oldest_key
            return _collapse(sorted(matched, key=key.__getitem__), table, wanted), matched
        matched, scores = self._scored(final)
        limit = wanted * 2 + 10
        while True:
            best = heapq.nlargest(limit, range(len(matched)), key=scores.__getitem__)
            order = _collapse([matched[i] for i in best], table, wanted)
            if len(order) >= wanted or len(best) < limit:
                return order, matched
            limit *= 4

    def _scored(self, final: wq.Query) -> tuple[list[int], list[float]]:
        """Every matching document number (ascending) and its score, in one pass over each
        segment's matcher: every match is visited, since the counts need them all (so none
        of Whoosh's shortcuts that skip passages which cannot reach the top N apply)."""
        context = self.searcher.context()
        check = self.deadline.check
        matched: list[int] = []
        scores: list[float] = []
        for subsearcher, offset in self.searcher.leaf_searchers():
            matcher = final.matcher(subsearcher, context)
            seen = 0
            while matcher.is_active():
                matched.append(matcher.id() + offset)
                scores.append(matcher.score())
                matcher.next()
                seen += 1
                if seen % CHECK_EVERY == 0:
                    check()
        return matched, scores

    def _all_matches(self, final: wq.Query) -> list[int]:
        """Every matching document number, ascending, without scoring (for date order)."""
        found: list[int] = []
        for subsearcher, offset in self.searcher.leaf_searchers():
            matcher = final.matcher(subsearcher, subsearcher.boolean_context())
            for seen, docnum in enumerate(matcher.all_ids()):
                if seen % (CHECK_EVERY * 16) == 0:
                    self.deadline.check()
                found.append(docnum + offset)
        return found

    # -- did you mean ----------------------------------------------------------------------

    def _suggest_word(self, field: str, word: str) -> str | None:
        return suggest_word(self.searcher, field, word)

    def _count_of(self, request: SearchRequest) -> int:
        """Hits of another query, under what is left of this search's budget."""
        node = parse(request.q)
        cost = account(node, WhooshTermStats(self.searcher, self.deadline), self.limits)
        words = Compiler(self.searcher, cost, self.deadline).query(node) if node else None
        table = table_for(self.searcher, self.place)
        return distinct(self._all_matches(build_query(self.searcher, request, words, table)), table)


def build_query(
    searcher: Searcher, request: SearchRequest, words: wq.Query | None, table: Table
) -> wq.Query:
    """The reader's words (scored) required to meet the filters (not scored)."""
    filters = _filters(searcher, request, table)
    if words is None:
        combined: wq.Query = (
            wq.And(filters) if len(filters) > 1 else filters[0] if filters else wq.Every()
        )
    elif filters:
        # A constant score per filter leaves the words' ranking as it is.
        combined = wq.And([words, *(wq.ConstantScoreQuery(f) for f in filters)])
    else:
        combined = words
    excluded = _exclusions(searcher, request)
    if excluded:
        combined = wq.AndNot(combined, wq.Or(excluded) if len(excluded) > 1 else excluded[0])
    return combined


def _filters(searcher: Searcher, request: SearchRequest, table: Table) -> list[wq.Query]:
    filters: list[wq.Query] = []
    if request.person:
        filters.append(_name_filter(searcher, "person", request.person))
    if request.outlet:
        filters.append(_name_filter(searcher, "outlet", request.outlet))
    start, end = request.date_range()
    if start or end:
        filters.append(day_range(start.date() if start else None, end.date() if end else None))
    if request.undated:
        filters.append(DocSet(searcher, table.undated()))
    if request.unknown_outlet:
        filters.append(DocSet(searcher, table.without_outlet()))
    return filters


def _exclusions(searcher: Searcher, request: SearchRequest) -> list[wq.Query]:
    """The passage kinds left out (captions and comments unless asked for)."""
    return [
        wq.Term("kind", k)
        for k in PASSAGE_KINDS
        if k not in request.kinds and ("kind", k) in searcher.reader()
    ]


def _name_filter(searcher: Searcher, field: str, value: str) -> wq.Query:
    """The exact name (case and accents aside) if the index has it, else all of its words."""
    key = exact_key(value)
    if (f"{field}_key", key) in searcher.reader():
        return wq.Term(f"{field}_key", key)
    words = [token.text for token in name_analyzer()(value)]
    if not words:
        return wq.NullQuery
    return wq.Phrase(field, words) if len(words) > 1 else wq.Term(field, words[0])


def _collapse(docnums: list[int], table: Table, wanted: int) -> list[int]:
    """The first of each fingerprint, until `wanted` are kept."""
    shared = table.shared_docs
    fingerprint = table.fingerprint
    seen: set[str] = set()
    kept = []
    for docnum in docnums:
        if docnum in shared:
            key = fingerprint[docnum]
            if key in seen:
                continue
            seen.add(key)
        kept.append(docnum)
        if len(kept) >= wanted:
            break
    return kept


def _searcher(index_dir: Path) -> Searcher | None:
    """This thread's searcher for the directory, refreshed when a writer has committed."""
    cache: dict[str, Searcher] = _local.__dict__.setdefault("searchers", {})
    key = str(index_dir.resolve())
    current = cache.get(key)
    if current is None:
        try:
            if not whoosh_index.exists_in(key):
                return None
            current = whoosh_index.open_dir(key).searcher(weighting=ListedLengthBM25F())
        except Exception as error:  # a table of contents a crash or a full disk cut short
            raise Unavailable(
                f"the search index cannot be read ({type(error).__name__}): "
                "run `cuttings verify`, which rebuilds it from the catalog"
            ) from None
    else:
        current = current.refresh()
    cache[key] = current
    return current


def searcher_for(index_dir: Path) -> Searcher | None:
    """This thread's up-to-date searcher (for the engine's other questions: copies, trace)."""
    return _searcher(Path(index_dir))
