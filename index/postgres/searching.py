"""Searching the server-mode tables: limits, filters, ranking, collapsing repeated passages,
facets, pages, highlighting and snippets, copies and "did you mean".

One search: the request is checked, parsed (index.parse) and costed (index.limits.account:
the same bounds on patterns, fuzzy words and clauses as in Whoosh, QueryTooCostly 400) before
anything runs; then one statement gives the page, the total and the facets, under the time
budget as PostgreSQL's statement timeout (SearchTimedOut, 503).

Repeated passages (the same fingerprint in several documents: reposts, syndication) are one
hit, the best-placed one, with its copies and `also_in`; totals and facet counts count them
once, as the Whoosh engine does.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from archive.catalog.database import Database
from archive.catalog.postgres import StatementTimedOut
from index import query as q
from index.facets import FACET_LIMIT, FacetCounts, facet_buckets
from index.limits import Cost, Deadline, SearchLimits, account
from index.parse import parse
from index.postgres.compile import Compiled, Compiler, Cond, Ts, combine, to_sql, weighted
from index.postgres.hits import HIT_COLUMNS, Marks, build_hits
from index.postgres.schema import NAMES_CONFIG
from index.postgres.terms import PostgresTermStats, suggest_word
from index.request import SearchRequest
from index.results import Hit, SearchResult
from index.suggest import did_you_mean
from index.words import exact_key

# Undated passages last whichever way dates run, as in Whoosh.
_ORDER = {
    "relevance": "score DESC, doc_id, n",
    "newest": "day DESC NULLS LAST, doc_id DESC, n",
    "oldest": "day ASC NULLS LAST, doc_id, n",
}
_SEARCH = """
WITH matched AS MATERIALIZED (
    SELECT passage_id, doc_id, n, fingerprint, outlet, year, speakers, day, {score} AS score
    FROM search_passages WHERE {where}
), best AS MATERIALIZED (
    SELECT DISTINCT ON (fingerprint) passage_id, doc_id, n, day, score
    FROM matched ORDER BY fingerprint, {order}
), page AS (
    SELECT passage_id, row_number() OVER (ORDER BY {order}) AS position
    FROM best ORDER BY {order} LIMIT ? OFFSET ?
)
SELECT
    (SELECT COUNT(*) FROM best) AS total,
    (SELECT COALESCE(json_agg(json_build_array(value, c)), '[]') FROM (
        SELECT outlet AS value, COUNT(DISTINCT fingerprint) AS c FROM matched
        WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY c DESC, lower(outlet), outlet LIMIT {limit}
    ) f) AS outlets,
    (SELECT COALESCE(json_agg(json_build_array(value, c)), '[]') FROM (
        SELECT speaker AS value, COUNT(DISTINCT fingerprint) AS c
        FROM matched, unnest(speakers) AS speaker
        GROUP BY speaker ORDER BY c DESC, lower(speaker), speaker LIMIT {limit}
    ) f) AS people,
    (SELECT COALESCE(json_agg(json_build_array(value, c)), '[]') FROM (
        SELECT year AS value, COUNT(DISTINCT fingerprint) AS c FROM matched
        WHERE year IS NOT NULL GROUP BY year ORDER BY year DESC
    ) f) AS years,
    (SELECT COUNT(DISTINCT fingerprint) FROM matched WHERE outlet IS NULL) AS no_outlet,
    (SELECT COUNT(DISTINCT fingerprint) FROM matched WHERE year IS NULL) AS no_year,
    (SELECT COALESCE(json_agg(h ORDER BY h.position), '[]') FROM (
        SELECT page.position, {hit_columns}
        FROM page JOIN search_passages s USING (passage_id)
    ) h) AS hits
"""
# Only the total (a suggestion's count): no facets, no page.
_COUNT = """
SELECT COUNT(DISTINCT fingerprint) AS total FROM search_passages WHERE {where}
"""
_CANDIDATES = """
SELECT {hit_columns} FROM (
    SELECT DISTINCT ON (fingerprint) passage_id, score FROM (
        SELECT passage_id, fingerprint, doc_id, n, {score} AS score
        FROM search_passages WHERE {where}
    ) m ORDER BY fingerprint, score DESC, doc_id, n
) best JOIN search_passages s USING (passage_id)
ORDER BY best.score DESC, s.doc_id, s.n LIMIT ?
"""


class Search:
    """One search over the catalog's database (a replica's, for readers), within limits."""

    def __init__(self, db: Database, limits: SearchLimits | None = None) -> None:
        self.db = db
        self.limits = limits or SearchLimits()
        self.cost = Cost()
        # the whole search's budget: each statement gets what is left of it
        self.deadline = Deadline(self.limits.seconds, culprit=self._culprit)

    def run(self, request: SearchRequest) -> SearchResult:
        """One page of hits; ArchiveError (400) for a request that cannot run,
        QueryTooCostly (400) for one too costly to try, SearchTimedOut (503) past the budget."""
        request = _without_nul(request)
        request.validate()
        node = parse(request.q)
        compiled = self._compiled(node)
        where = self._where(request, compiled)
        sort = request.effective_sort
        score, score_params = _score(compiled, sort)
        sql = _SEARCH.format(
            score=score,
            where=where.sql,
            order=_ORDER[sort],
            limit=FACET_LIMIT,
            hit_columns=", ".join(f"s.{c.strip()}" for c in HIT_COLUMNS.split(",")),
        )
        params = [*score_params, *where.params, request.per_page]
        params.append((request.page - 1) * request.per_page)
        row = self._timed(sql, params)
        marks = Marks(self.db, compiled)
        hits = build_hits(self.db, _json(row.get("hits")), marks)
        total = int(row.get("total") or 0)
        counts = FacetCounts(
            values={
                "outlet": _counts(row.get("outlets")),
                "person": _counts(row.get("people")),
                "year": _counts(row.get("years")),
            },
            missing={
                "outlet": int(row.get("no_outlet") or 0),
                "year": int(row.get("no_year") or 0),
            },
        )
        result = SearchResult(
            request, total=total, hits=hits, facets=facet_buckets(counts, request)
        )
        if node is not None:
            result.suggestion = did_you_mean(
                request, node, total, lambda f, w: suggest_word(self.db, f, w), self.count
            )
        return result

    def count(self, request: SearchRequest) -> int:
        """How many hits a request has (repeated passages once), nothing else."""
        request = _without_nul(request)
        request.validate()
        compiled = self._compiled(parse(request.q))
        where = self._where(request, compiled)
        return int(self._timed(_COUNT.format(where=where.sql), where.params).get("total") or 0)

    def candidates(self, node: q.Node, kinds: tuple[str, ...], limit: int) -> list[Hit]:
        """The best `limit` passages for a query model, one per distinct text, marked."""
        compiled = self._compiled(node)
        where = self._where(SearchRequest(kinds=kinds), compiled)
        score, score_params = _score(compiled, "relevance")
        sql = _CANDIDATES.format(
            score=score,
            where=where.sql,
            hit_columns=", ".join(f"s.{c.strip()}" for c in HIT_COLUMNS.split(",")),
        )
        rows = self._timed(sql, [*score_params, *where.params, limit], many=True)
        return build_hits(self.db, rows, Marks(self.db, compiled))

    # -- the parts --------------------------------------------------------------------------

    def _compiled(self, node: q.Node | None) -> Compiled | None:
        if node is None:
            return None
        self.cost = account(node, PostgresTermStats(self.db), self.limits)
        return Compiler(self.db, self.cost.expansions).compile(node)

    def _where(self, request: SearchRequest, compiled: Compiled | None) -> Cond:
        """The reader's words, the filters (person, outlet, dates) and the passage kinds."""
        parts: list[Ts | Cond] = [compiled.where] if compiled is not None else []
        if request.person:
            parts.append(_name_filter(self.db, "person", request.person))
        if request.outlet:
            parts.append(_name_filter(self.db, "outlet", request.outlet))
        start, end = request.date_range()
        if start and end:
            parts.append(Cond("day BETWEEN ? AND ?", (_day(start), _day(end))))
        elif start:
            parts.append(Cond("day >= ?", (_day(start),)))
        elif end:
            parts.append(Cond("day <= ?", (_day(end),)))
        if request.undated:
            parts.append(Cond("day IS NULL"))
        if request.unknown_outlet:
            parts.append(Cond("outlet IS NULL"))
        parts.append(Cond("kind = ANY(?)", (list(request.kinds),)))
        return to_sql(combine(parts, True))

    def _timed(self, sql: str, params: list[Any], *, many: bool = False) -> Any:
        """Run one statement of the search within what is left of its time budget
        (PostgreSQL's statement timeout), SearchTimedOut past it as in Whoosh."""
        self.deadline.check()
        try:
            with self.db.transaction():
                self.db.time_limit(self.deadline.remaining())
                return self.db.all(sql, params) if many else (self.db.one(sql, params) or {})
        except StatementTimedOut:
            self.deadline.end = self.deadline.started  # spent: check() says so, and why
            self.deadline.check()
            raise

    def _culprit(self) -> str:
        """The part of the query most likely to cost: the widest pattern or fuzzy word, else
        the whole query (PostgreSQL's term statistics are not read per word here)."""
        expanded = sorted(self.cost.expansions.items(), key=lambda item: -len(item[1].words))
        if expanded:
            leaf, expansion = expanded[0]
            return f"`{q.written(leaf)}` ({len(expansion.words):,} words)"
        return "the query as a whole (it matches too many passages to rank and count in time)"


def search(
    db: Database, request: SearchRequest, limits: SearchLimits | None = None
) -> SearchResult:
    return Search(db, limits).run(request)


def count(db: Database, request: SearchRequest, limits: SearchLimits | None = None) -> int:
    return Search(db, limits).count(replace(request, page=1))


def _without_nul(request: SearchRequest) -> SearchRequest:
    """NUL is no letter to either engine (Whoosh's tokenizer splits words on it) and
    PostgreSQL refuses it in text: read it as the space it is to a search."""
    values = {"q": request.q, "person": request.person, "outlet": request.outlet}
    if not any(v and "\x00" in v for v in values.values()):
        return request
    return replace(request, **{k: v.replace("\x00", " ") if v else v for k, v in values.items()})


def _score(compiled: Compiled | None, sort: str) -> tuple[str, list[Any]]:
    if sort == "relevance" and compiled and compiled.rank:
        return "ts_rank(words, ?::tsquery, 1)", [compiled.rank]
    return "0", []


def _day(moment: Any) -> int:
    return moment.year * 10000 + moment.month * 100 + moment.day


def _name_filter(db: Database, field: str, value: str) -> Ts | Cond:
    """The exact name (case and accents aside) if the archive has it, else all its words."""
    key = exact_key(value)
    exact = (
        Cond("person_keys @> ARRAY[?]::text[]", (key,))
        if field == "person"
        else Cond("outlet_key = ?", (key,))
    )
    found = db.scalar(
        f"SELECT EXISTS (SELECT 1 FROM search_passages WHERE {exact.sql}) AS x", exact.params
    )
    if found:
        return exact
    words = db.scalar(
        f"SELECT phraseto_tsquery('{NAMES_CONFIG}', ?)::text AS q", (" ".join(value.split()),)
    )
    if not words:
        return Cond("FALSE")
    return Ts("names", weighted(words, "A" if field == "person" else "B"))


def _json(value: Any) -> list[Any]:
    if value is None:
        return []
    return json.loads(value) if isinstance(value, str) else value


def _counts(value: Any) -> dict[str, int]:
    return {str(name): int(n) for name, n in _json(value)}
