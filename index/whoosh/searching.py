"""Searching: filters, ranking, collapsing repeated passages, facets and highlighting."""

from __future__ import annotations

import html
import re
import threading
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.collectors import SortingCollector, TopCollector
from whoosh.searching import Searcher
from whoosh.sorting import FieldFacet

from archive.errors import Unavailable
from archive.model import PASSAGE_KINDS
from index.parse import parse
from index.request import SearchRequest
from index.results import Hit, SearchResult
from index.whoosh import fixes  # noqa: F401  (patches a Whoosh bug on import)
from index.whoosh.analysis import exact_key, name_analyzer
from index.whoosh.compile import compile_marks, compile_query
from index.whoosh.dates import day_range
from index.whoosh.facets import Facts, facts_table, tally

__all__ = ["SearchRequest", "SearchResult", "search"]

_local = threading.local()


def search(index_dir: Path, request: SearchRequest) -> SearchResult:
    """One page of hits for a request; ArchiveError (HTTP 400) for a request that cannot run."""
    request.validate()
    parsed = parse(request.q)
    searcher = _searcher(Path(index_dir))
    if searcher is None or searcher.doc_count_all() == 0:
        return SearchResult(request)  # new or emptied: Whoosh's empty reader has no columns
    words = compile_query(parsed, searcher.schema) if parsed is not None else None
    final = build_query(searcher, request, words)
    table = _facts(searcher)
    order, matched = _ranked(searcher, final, request, table)
    total, facets = tally(matched, table)
    start = (request.page - 1) * request.per_page
    marks = _text_terms(searcher, compile_marks(parsed, searcher.schema) if parsed else None)
    hits = [_hit(searcher, docnum, marks) for docnum in order[start : start + request.per_page]]
    return SearchResult(request, total=total, hits=hits, facets=facets)


def build_query(searcher: Searcher, request: SearchRequest, words: wq.Query | None) -> wq.Query:
    """The reader's words (scored) required to meet the filters (not scored)."""
    filters = _filters(searcher, request)
    if words is None:
        combined: wq.Query = wq.And(filters) if len(filters) > 1 else filters[0]
    elif filters:
        # A constant score per filter leaves the words' ranking as it is.
        combined = wq.And([words, *(wq.ConstantScoreQuery(f) for f in filters)])
    else:
        combined = words
    excluded = [
        k for k in PASSAGE_KINDS if k not in request.kinds and ("kind", k) in searcher.reader()
    ]
    if excluded:
        terms = [wq.Term("kind", k) for k in excluded]
        combined = wq.AndNot(combined, wq.Or(terms) if len(terms) > 1 else terms[0])
    return combined


def _filters(searcher: Searcher, request: SearchRequest) -> list[wq.Query]:
    filters: list[wq.Query] = []
    if request.person:
        filters.append(_name_filter(searcher, "person", request.person))
    if request.outlet:
        filters.append(_name_filter(searcher, "outlet", request.outlet))
    start, end = request.date_range()
    if start or end:
        filters.append(day_range(start.date() if start else None, end.date() if end else None))
    return filters


def _name_filter(searcher: Searcher, field: str, value: str) -> wq.Query:
    """The exact name (case and accents aside) if the index has it, else all of its words."""
    key = exact_key(value)
    if (f"{field}_key", key) in searcher.reader():
        return wq.Term(f"{field}_key", key)
    words = [token.text for token in name_analyzer()(value)]
    if not words:
        return wq.NullQuery
    return wq.Phrase(field, words) if len(words) > 1 else wq.Term(field, words[0])


def _ranked(
    searcher: Searcher, final: wq.Query, request: SearchRequest, table: list[Facts]
) -> tuple[list[int], list[int]]:
    """Document numbers in order, one per fingerprint, enough to fill the requested page; and
    every matching document number (ascending), collected in the same pass for the counts."""
    wanted = request.page * request.per_page
    limit = wanted * 2 + 10
    matched: list[int] | None = None
    while True:
        if request.effective_sort == "date":
            collector = SortingCollector(FieldFacet("date", reverse=True), limit=limit)
        else:
            collector = _TopCollectingAll(limit=limit)
        searcher.search_with_collector(final, collector)
        results = collector.results()
        if matched is None:
            matched = sorted(results.docs())
        docnums = [results.docnum(i) for i in range(results.scored_length())]
        order = _collapse(docnums, table)
        if len(order) >= wanted or len(docnums) < limit:
            return order, matched
        limit *= 4


class _TopCollectingAll(TopCollector):
    """The top N by score, remembering every match on the way, so the counts need no second
    run of the query (block-quality skipping off: every match is visited and scored)."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit=limit, usequality=False)

    def _collect(self, global_docnum: int, score: float) -> Any:
        self.docset.add(global_docnum)
        return super()._collect(global_docnum, score)

    def all_ids(self) -> set[int]:
        return self.docset


def _collapse(docnums: list[int], table: list[Facts]) -> list[int]:
    seen: set[str] = set()
    kept = []
    for docnum in docnums:
        key = table[docnum].fingerprint or f"#{docnum}"
        if key not in seen:
            seen.add(key)
            kept.append(docnum)
    return kept


def _hit(searcher: Searcher, docnum: int, marks: frozenset[str]) -> Hit:
    stored = searcher.stored_fields(docnum)
    doc_id = int(stored["doc_id"])
    return Hit(
        passage_id=stored["passage_id"],
        doc_id=doc_id,
        n=int(stored["n"]),
        kind=stored.get("kind", "body"),
        text=stored.get("text", ""),
        highlight=highlight_text(stored.get("text", ""), marks, searcher),
        speakers=list(stored.get("speakers") or []),
        attributions=[dict(a) for a in stored.get("attributions") or []],
        provenance=_provenance(stored),
        also_in=[d for d in _sharing(searcher, stored.get("fingerprint")) if d != doc_id],
    )


def _provenance(stored: dict[str, Any]) -> dict[str, Any]:
    return {
        "outlet": stored.get("outlet"),
        "host": stored.get("host"),
        "published": stored.get("published"),
        "title": stored.get("title"),
        "authors": list(stored.get("authors") or []),
        "url": stored.get("url"),
    }


def _sharing(searcher: Searcher, fingerprint: str | None) -> list[int]:
    """Documents holding a passage with the same words (reposts, syndication), from the index:
    one postings lookup of the fingerprint term."""
    if not fingerprint:
        return []
    doc_ids = searcher.reader().column_reader("doc_id")
    return sorted({int(doc_ids[d]) for d in searcher.document_numbers(fingerprint=fingerprint)})


def highlight_text(text: str, marks: frozenset[str], searcher: Searcher) -> str:
    """The whole passage as HTML: escaped, with the query's words marked.

    The same result as Whoosh's highlighter (the field's analyzer over the whole passage),
    found faster: the tokenizer's words are analysed one at a time, each word once per
    process, since every filter after the tokenizer works on one token at a time."""
    if not marks:
        return html.escape(text, quote=False)
    analyzer = searcher.schema["text"].analyzer
    words = _word_expression(analyzer)
    parts: list[str] = []
    index = 0
    for match in words.finditer(text):
        word = match.group()
        if _analysed(analyzer, word) & marks:
            parts.append(html.escape(text[index : match.start()], quote=False))
            parts.append(f"<mark>{html.escape(word, quote=False)}</mark>")
            index = match.end()
    parts.append(html.escape(text[index:], quote=False))
    return "".join(parts)


_analysed_words: dict[tuple[int, str], frozenset[str]] = {}


def _word_expression(analyzer: Any) -> re.Pattern[str]:
    tokenizer = analyzer.items[0] if hasattr(analyzer, "items") else analyzer
    return tokenizer.expression


def _analysed(analyzer: Any, word: str) -> frozenset[str]:
    """The terms one word becomes (none for a stop word), as highlighting analyses it."""
    key = (id(type(analyzer)), word)
    terms = _analysed_words.get(key)
    if terms is None:
        terms = frozenset(
            t.text for t in analyzer(word, chars=True, mode="query", removestops=False)
        )
        if len(_analysed_words) > 200_000:
            _analysed_words.clear()
        _analysed_words[key] = terms
    return terms


def _text_terms(searcher: Searcher, words: wq.Query | None) -> frozenset[str]:
    if words is None:
        return frozenset()
    # fieldname="text": Whoosh 2.7.4's existing_terms reuses its `fieldname` argument as a
    # loop variable, so without it every leaf after the first one's field is skipped
    # (a title word first, and no passage word got marked)
    terms = words.existing_terms(searcher.reader(), phrases=True, expand=True, fieldname="text")
    field = searcher.schema["text"]
    return frozenset(field.from_bytes(text) for name, text in terms if name == "text")


def _searcher(index_dir: Path) -> Searcher | None:
    """This thread's searcher for the directory, refreshed when a writer has committed."""
    cache: dict[str, Searcher] = _local.__dict__.setdefault("searchers", {})
    key = str(index_dir.resolve())
    current = cache.get(key)
    if current is None:
        try:
            if not whoosh_index.exists_in(key):
                return None
            current = whoosh_index.open_dir(key).searcher()
        except Exception as error:  # a table of contents a crash or a full disk cut short
            raise Unavailable(
                f"the search index cannot be read ({type(error).__name__}): "
                "run `cuttings verify`, which rebuilds it from the catalog"
            ) from None
    else:
        current = current.refresh()
    cache[key] = current
    return current


def _facts(searcher: Searcher) -> list[Facts]:
    """The facts table, built once per searcher generation."""
    cached = _local.__dict__.get("facts")
    if cached is not None and cached[0] is searcher:
        return cached[1]
    table = facts_table(searcher)
    _local.facts = (searcher, table)
    return table
