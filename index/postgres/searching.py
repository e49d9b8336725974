"""Searching the server-mode tables: filters, ranking, collapsing repeated passages, facets,
pages and highlighting, in one statement for the page, the totals and the facets.

Repeated passages (the same fingerprint in several documents: reposts, syndication) are one
hit, the best-placed one, listing the others in `also_in`; totals and facet counts count
them once, as the Whoosh engine does.
"""

from __future__ import annotations

import html
import json
import re
import threading
from typing import Any

from archive.catalog.database import Database
from index.parse import parse
from index.postgres.compile import Compiled, Compiler, Cond, Ts, combine, to_sql, weighted
from index.postgres.schema import NAMES_CONFIG, TEXT_CONFIG
from index.request import SearchRequest
from index.results import FACET_LIMIT, FacetValue, Hit, SearchResult
from index.words import WORD, exact_key

_ORDER = {
    "relevance": "score DESC, doc_id, n",
    "date": "day DESC NULLS LAST, doc_id DESC, n",
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
    (SELECT COALESCE(json_agg(h ORDER BY h.position), '[]') FROM (
        SELECT page.position, s.passage_id, s.doc_id, s.n, s.kind, s.text, s.title, s.outlet,
            s.host, s.authors, s.published, s.url, s.speakers, s.attributions,
            ARRAY(SELECT DISTINCT o.doc_id FROM search_passages o
                  WHERE o.fingerprint = s.fingerprint ORDER BY 1) AS sharing
        FROM page JOIN search_passages s USING (passage_id)
    ) h) AS hits
"""


def search(db: Database, request: SearchRequest) -> SearchResult:
    """One page of hits for a request; ArchiveError (HTTP 400) for one that cannot run."""
    request.validate()
    parsed = parse(request.q)
    compiled = Compiler(db).compile(parsed) if parsed is not None else None
    where = _where(db, request, compiled)
    sort = request.effective_sort
    score = (
        "ts_rank(words, ?::tsquery, 1)"
        if sort == "relevance" and compiled and compiled.rank
        else "0"
    )
    sql = _SEARCH.format(score=score, where=where.sql, order=_ORDER[sort], limit=FACET_LIMIT)
    params: list[Any] = []
    if score != "0":
        params.append(compiled.rank)
    params += [*where.params, request.per_page, (request.page - 1) * request.per_page]
    row = db.one(sql, params) or {}
    marks = Marks(db, compiled)
    hits = [_hit(h, marks) for h in _json(row.get("hits"))]
    return SearchResult(
        request,
        total=int(row.get("total") or 0),
        hits=hits,
        facets={
            "outlet": _facet(row.get("outlets")),
            "person": _facet(row.get("people")),
            "year": _facet(row.get("years")),
        },
    )


def _where(db: Database, request: SearchRequest, compiled: Compiled | None) -> Cond:
    """The reader's words, the filters (person, outlet, dates) and the passage kinds."""
    parts: list[Ts | Cond] = [compiled.where] if compiled is not None else []
    if request.person:
        parts.append(_name_filter(db, "person", request.person))
    if request.outlet:
        parts.append(_name_filter(db, "outlet", request.outlet))
    start, end = request.date_range()
    if start and end:
        parts.append(Cond("day BETWEEN ? AND ?", (_day(start), _day(end))))
    elif start:
        parts.append(Cond("day >= ?", (_day(start),)))
    elif end:
        parts.append(Cond("day <= ?", (_day(end),)))
    parts.append(Cond("kind = ANY(?)", (list(request.kinds),)))
    return to_sql(combine(parts, True))


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


def _facet(value: Any) -> list[FacetValue]:
    return [FacetValue(str(name), int(count)) for name, count in _json(value)]


def _hit(row: dict[str, Any], marks: Marks) -> Hit:
    doc_id = int(row["doc_id"])
    return Hit(
        passage_id=row["passage_id"],
        doc_id=doc_id,
        n=int(row["n"]),
        kind=row["kind"],
        text=row["text"],
        highlight=marks.highlight(row["text"]),
        speakers=list(row.get("speakers") or []),
        attributions=[dict(a) for a in row.get("attributions") or []],
        provenance={
            "outlet": row.get("outlet"),
            "host": row.get("host"),
            "published": row.get("published"),
            "title": row.get("title"),
            "authors": list(row.get("authors") or []),
            "url": row.get("url"),
        },
        also_in=[int(d) for d in row.get("sharing") or [] if int(d) != doc_id],
    )


# -- highlighting ------------------------------------------------------------------------------

_analysed: dict[str, frozenset[str]] = {}
_analysed_lock = threading.Lock()
_TSVECTOR_LEXEME = re.compile(r"'((?:[^']|'')*)'")


class Marks:
    """Which words of a hit's text to mark: those whose lexemes the query searched for."""

    def __init__(self, db: Database, compiled: Compiled | None) -> None:
        self.db = db
        self.lexemes = frozenset(compiled.marks) if compiled else frozenset()
        self.prefixes = tuple(sorted(compiled.mark_prefixes)) if compiled else ()

    def highlight(self, text: str) -> str:
        """The whole passage as HTML: escaped first, then the query's words marked."""
        if not self.lexemes and not self.prefixes:
            return html.escape(text, quote=False)
        words = list(WORD.finditer(text))
        self._learn({m.group() for m in words})
        parts: list[str] = []
        index = 0
        for match in words:
            if self._wanted(_analysed.get(match.group(), frozenset())):
                parts.append(html.escape(text[index : match.start()], quote=False))
                parts.append(f"<mark>{html.escape(match.group(), quote=False)}</mark>")
                index = match.end()
        parts.append(html.escape(text[index:], quote=False))
        return "".join(parts)

    def _wanted(self, lexemes: frozenset[str]) -> bool:
        if lexemes & self.lexemes:
            return True
        return any(lex.startswith(p) for lex in lexemes for p in self.prefixes)

    def _learn(self, words: set[str]) -> None:
        """Analyse the words not seen before, all in one round trip (kept per process)."""
        new = sorted(w for w in words if w not in _analysed)
        if not new:
            return
        rows = self.db.all(
            f"SELECT w, to_tsvector('{TEXT_CONFIG}', w)::text AS v FROM unnest(?::text[]) AS w",
            (new,),
        )
        with _analysed_lock:
            if len(_analysed) > 200_000:
                _analysed.clear()
            for row in rows:
                found = _TSVECTOR_LEXEME.findall(row["v"] or "")
                _analysed[row["w"]] = frozenset(t.replace("''", "'") for t in found)
