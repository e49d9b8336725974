"""Search engines measured side by side over the same passages and the same query mix.

Baselines a user could pick instead of Cuttings: raw Whoosh (a plain schema, no Cuttings
layers), SQLite FTS5 (porter tokenizer) and tantivy. `CuttingsEngine` searches a Cuttings
data directory through `index.whoosh.searching.search`. Each engine returns the total hit count
and fetches the stored fields of the first page (20 hits), as a results page would.
"""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
import threading
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from bench.corpus import BenchPassage
from bench.queries import BenchQuery

PER_PAGE = 20
FACET_SIZE = 10


class Engine(Protocol):
    """What the runners need from an engine."""

    name: str

    def search(self, query: BenchQuery) -> int:
        """Run one query: fetch the first page; return the total number of hits."""
        ...

    def size_bytes(self) -> int: ...

    def close(self) -> None: ...


def folder_size(path: Path) -> int:
    """Bytes in all files under `path` (or the file itself)."""
    path = Path(path)
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


# -- raw Whoosh ------------------------------------------------------------------------------


class WhooshEngine:
    """Whoosh with a plain schema and one open searcher: what a user would write by hand."""

    name = "whoosh"

    def __init__(self, folder: Path, *, always_facets: bool = False) -> None:
        self.folder = Path(folder)
        self.always_facets = always_facets
        if always_facets:
            self.name = "whoosh+facets"
        self._ix: Any = None
        self._local = threading.local()

    def with_facets(self) -> WhooshEngine:
        """The same index, counting facets on every query (as Cuttings' search always does)."""
        twin = WhooshEngine(self.folder, always_facets=True)
        twin.open()
        return twin

    @staticmethod
    def schema() -> Any:
        from whoosh import fields
        from whoosh.analysis import StemmingAnalyzer

        return fields.Schema(
            pid=fields.ID(stored=True),
            text=fields.TEXT(analyzer=StemmingAnalyzer(), stored=True),
            title=fields.TEXT(stored=True),
            outlet=fields.ID(stored=True, sortable=True),
            person=fields.KEYWORD(stored=True, commas=True, scorable=False),
            published=fields.DATETIME(stored=True),
            year=fields.NUMERIC(stored=True, sortable=True),
        )

    def build(self, passages: Sequence[BenchPassage]) -> None:
        from whoosh import index

        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True)
        ix = index.create_in(str(self.folder), self.schema())
        writer = ix.writer(limitmb=256)
        for p in passages:
            writer.add_document(
                pid=f"{p.doc}-p{p.n}",
                text=p.text,
                title=p.title,
                outlet=p.outlet or "",
                person=",".join(p.people),
                published=datetime.fromisoformat(p.day) if p.day else None,
                year=p.year,
            )
        writer.commit()
        self.open()

    def open(self) -> None:
        from whoosh import index

        self._ix = index.open_dir(str(self.folder))

    def _searcher(self) -> Any:
        searcher = getattr(self._local, "searcher", None)
        if searcher is None:
            from whoosh.qparser import QueryParser

            searcher = self._local.searcher = self._ix.searcher()
            self._local.parser = QueryParser("text", self._ix.schema)
        return searcher

    def search(self, query: BenchQuery) -> int:
        from whoosh import query as wq
        from whoosh import sorting

        searcher = self._searcher()
        parsed = self._local.parser.parse(query.text)
        filters = []
        if query.person:
            filters.append(wq.Term("person", query.person))
        if query.date_from:
            filters.append(
                wq.DateRange(
                    "published",
                    datetime.fromisoformat(query.date_from),
                    datetime.fromisoformat(query.date_to),
                )
            )
        groupedby = None
        if query.facets or self.always_facets:
            groupedby = {
                "outlet": sorting.FieldFacet("outlet"),
                "year": sorting.FieldFacet("year"),
                "person": sorting.FieldFacet("person", allow_overlap=True),
            }
        results = searcher.search(
            parsed,
            limit=PER_PAGE,
            filter=wq.And(filters) if filters else None,
            groupedby=groupedby,
            maptype=sorting.Count if groupedby else None,
        )
        [hit.fields() for hit in results]
        if groupedby:
            for facet in groupedby:
                results.groups(facet)
        return len(results)

    def size_bytes(self) -> int:
        return folder_size(self.folder)

    def close(self) -> None:
        self._local = threading.local()


# -- SQLite FTS5 -----------------------------------------------------------------------------


def fts5_quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


class Fts5Engine:
    """Python's sqlite3 with an FTS5 table (porter tokenizer) and a people side table."""

    name = "fts5"

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = sqlite3.connect(self.path, check_same_thread=False)
        return conn

    def build(self, passages: Sequence[BenchPassage]) -> None:
        self.path.unlink(missing_ok=True)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path)
        conn.executescript(
            """
            CREATE VIRTUAL TABLE passages USING fts5(
                text, title, people, pid UNINDEXED, outlet UNINDEXED, published UNINDEXED,
                tokenize = 'porter unicode61'
            );
            CREATE TABLE passage_people (passage INTEGER, person TEXT);
            """
        )
        with conn:
            for rowid, p in enumerate(passages, start=1):
                conn.execute(
                    "INSERT INTO passages (rowid, text, title, people, pid, outlet, published) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        rowid,
                        p.text,
                        p.title,
                        " | ".join(p.people),
                        f"{p.doc}-p{p.n}",
                        p.outlet,
                        p.day,
                    ),
                )
                conn.executemany(
                    "INSERT INTO passage_people VALUES (?, ?)", [(rowid, name) for name in p.people]
                )
            conn.execute("CREATE INDEX passage_people_passage ON passage_people (passage)")
        conn.execute("INSERT INTO passages (passages) VALUES ('optimize')")
        conn.commit()
        conn.close()
        self._local = threading.local()

    @staticmethod
    def match_expression(query: BenchQuery) -> str:
        if query.phrase:
            words = fts5_quote(" ".join(query.words))
        else:
            words = "(" + " AND ".join(fts5_quote(w) for w in query.words) + ")"
        expression = f"text : {words}"
        if query.person:
            expression += f" AND people : {fts5_quote(query.person)}"
        return expression

    def search(self, query: BenchQuery) -> int:
        conn = self._conn()
        where = "passages MATCH ?"
        params: list[Any] = [self.match_expression(query)]
        if query.date_from:
            where += " AND published BETWEEN ? AND ?"
            params += [query.date_from, query.date_to]
        conn.execute(
            f"SELECT pid, title, outlet, published, people, text FROM passages WHERE {where} "
            f"ORDER BY rank LIMIT {PER_PAGE}",
            params,
        ).fetchall()
        total = conn.execute(f"SELECT count(*) FROM passages WHERE {where}", params).fetchone()[0]
        if query.facets:
            for column in ("outlet", "substr(published, 1, 4)"):
                conn.execute(
                    f"SELECT {column}, count(*) AS n FROM passages WHERE {where} "
                    f"GROUP BY 1 ORDER BY n DESC LIMIT {FACET_SIZE}",
                    params,
                ).fetchall()
            conn.execute(
                "SELECT pp.person, count(*) AS n FROM passages JOIN passage_people pp "
                f"ON pp.passage = passages.rowid WHERE {where} GROUP BY 1 ORDER BY n DESC "
                f"LIMIT {FACET_SIZE}",
                params,
            ).fetchall()
        return int(total)

    def size_bytes(self) -> int:
        return folder_size(self.path)

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
        self._local = threading.local()


# -- tantivy ---------------------------------------------------------------------------------


class TantivyEngine:
    """tantivy with an English stemmer, raw-token outlet and people fields, a date fast field."""

    name = "tantivy"

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._index: Any = None
        self._searcher: Any = None

    @staticmethod
    def schema() -> Any:
        import tantivy

        builder = tantivy.SchemaBuilder()
        builder.add_text_field("pid", stored=True, tokenizer_name="raw")
        builder.add_text_field("text", stored=True, tokenizer_name="en_stem")
        builder.add_text_field("title", stored=True, tokenizer_name="en_stem")
        builder.add_text_field("outlet", stored=True, tokenizer_name="raw", fast=True)
        builder.add_text_field("people", stored=True, tokenizer_name="raw", fast=True)
        builder.add_date_field("published", stored=True, indexed=True, fast=True)
        builder.add_integer_field("year", stored=True, indexed=True, fast=True)
        return builder.build()

    def build(self, passages: Sequence[BenchPassage]) -> None:
        import tantivy

        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True)
        index = tantivy.Index(self.schema(), path=str(self.folder))
        writer = index.writer(heap_size=128_000_000)
        for p in passages:
            doc = tantivy.Document()
            doc.add_text("pid", f"{p.doc}-p{p.n}")
            doc.add_text("text", p.text)
            doc.add_text("title", p.title)
            doc.add_text("outlet", p.outlet or "")
            for name in p.people:
                doc.add_text("people", name)
            if p.day:
                doc.add_date("published", datetime.fromisoformat(p.day))
                doc.add_integer("year", p.year)
            writer.add_document(doc)
        writer.commit()
        writer.wait_merging_threads()
        self.open()

    def open(self) -> None:
        import tantivy

        self._index = tantivy.Index.open(str(self.folder))
        self._index.reload()
        self._searcher = self._index.searcher()

    def _query(self, query: BenchQuery) -> Any:
        import tantivy

        index, schema = self._index, self._index.schema
        parsed = index.parse_query(query.text, ["text"], conjunction_by_default=True)
        parts = [(tantivy.Occur.Must, parsed)]
        if query.person:
            parts.append(
                (tantivy.Occur.Must, tantivy.Query.term_query(schema, "people", query.person))
            )
        if query.date_from:
            parts.append(
                (
                    tantivy.Occur.Must,
                    tantivy.Query.range_query(
                        schema,
                        "published",
                        tantivy.FieldType.Date,
                        datetime.fromisoformat(query.date_from),
                        datetime.fromisoformat(query.date_to),
                    ),
                )
            )
        return parsed if len(parts) == 1 else tantivy.Query.boolean_query(parts)

    def search(self, query: BenchQuery) -> int:
        searcher = self._searcher
        tq = self._query(query)
        result = searcher.search(tq, limit=PER_PAGE, count=True)
        for _score, address in result.hits:
            searcher.doc(address)
        if query.facets:
            searcher.aggregate(
                tq,
                {
                    name: {"terms": {"field": name, "size": FACET_SIZE}}
                    for name in ("outlet", "year", "people")
                },
            )
        return int(result.count)

    def size_bytes(self) -> int:
        return folder_size(self.folder)

    def close(self) -> None:
        self._searcher = None
        self._index = None


# -- Cuttings through its Python API ---------------------------------------------------------


def cuttings_request(query: BenchQuery) -> Any:
    """An `index.whoosh.searching.SearchRequest` for `query`, setting only the fields it declares."""
    from index.whoosh.searching import SearchRequest

    wanted = {
        "q": query.text,
        "person": query.person,
        "date_from": query.date_from,
        "date_to": query.date_to,
        "page": 1,
        "per_page": PER_PAGE,
        "facets": True if query.facets else None,
    }
    declared = (
        {f.name for f in dataclasses.fields(SearchRequest)}
        if dataclasses.is_dataclass(SearchRequest)
        else set(wanted)
    )
    return SearchRequest(**{k: v for k, v in wanted.items() if k in declared and v is not None})


def total_of(result: Any) -> int:
    """The total hit count of a SearchResult or its JSON, whatever the attribute is called."""
    for name in ("total", "count", "hits_total", "total_hits"):
        value = getattr(result, name, None)
        if isinstance(value, int):
            return value
    data = result.to_json() if hasattr(result, "to_json") else result
    for name in ("total", "count", "hits_total", "total_hits"):
        if isinstance(data.get(name), int):
            return data[name]
    hits = data.get("hits") or data.get("results") or []
    return len(hits)


class CuttingsEngine:
    """Cuttings' own search (`index.engine.open_engine(...).search`) over an archive: Whoosh in
    a data directory, or in server mode (`database_url`) PostgreSQL, one connection a thread.
    `cache=False` turns the answer cache off, so every query is really run (server mode keeps
    no answer cache)."""

    name = "cuttings"

    def __init__(self, data: Path, database_url: str | None = None, *, cache: bool = True) -> None:
        from archive.datadir import DataDir
        from index.options import EngineOptions

        self.datadir = DataDir(Path(data), database_url=database_url)
        self.options = EngineOptions() if cache else EngineOptions(cache_entries=0)
        self.name = "cuttings-server" if database_url else "cuttings"
        if not cache and not database_url:
            self.name = "cuttings-cold"
        self._local = threading.local()
        self._opened: list[Any] = []

    def _engine(self) -> Any:
        engine = getattr(self._local, "engine", None)
        if engine is None:
            from archive.catalog import open_catalog
            from index.engine import open_engine

            catalog = open_catalog(self.datadir.catalog, upgrade=False)
            self._opened.append(catalog)
            engine = open_engine(self.datadir, self.options, database=catalog.db)
            self._local.engine = engine
        return engine

    def search(self, query: BenchQuery) -> int:
        return total_of(self._engine().search(cuttings_request(query)))

    def size_bytes(self) -> int:
        if self.datadir.server_mode:
            return PostgresFtsEngine.relation_bytes(self.datadir.database_url, "search_passages")
        return folder_size(self.datadir.index)

    def close(self) -> None:
        for catalog in self._opened:
            catalog.close()
        self._opened = []
        self._local = threading.local()


# -- raw PostgreSQL full-text search ----------------------------------------------------------


class PostgresFtsEngine:
    """PostgreSQL full-text search as a user would write it by hand: one table, an English
    `tsvector` with a GIN index, `ts_rank`, and facets by GROUP BY, all in one statement."""

    name = "postgres"

    def __init__(self, url: str, *, always_facets: bool = False) -> None:
        self.url = url
        self.always_facets = always_facets
        if always_facets:
            self.name = "postgres+facets"
        self._local = threading.local()
        self._conns: list[Any] = []

    def with_facets(self) -> PostgresFtsEngine:
        """The same table, counting facets on every query (as Cuttings always does)."""
        return PostgresFtsEngine(self.url, always_facets=True)

    def _conn(self) -> Any:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            import psycopg

            conn = self._local.conn = psycopg.connect(self.url, autocommit=True)
            self._conns.append(conn)
        return conn

    def build(self, passages: Sequence[BenchPassage]) -> None:
        conn = self._conn()
        conn.execute("DROP TABLE IF EXISTS bench_passages")
        conn.execute(
            "CREATE TABLE bench_passages (pid TEXT PRIMARY KEY, text TEXT, title TEXT, "
            "outlet TEXT, people TEXT[], published DATE, year INTEGER, "
            "tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', text)) STORED)"
        )
        with (
            conn.cursor() as cursor,
            cursor.copy(
                "COPY bench_passages (pid, text, title, outlet, people, published, year) FROM STDIN"
            ) as copy,
        ):
            for p in passages:
                copy.write_row(
                    (f"{p.doc}-p{p.n}", p.text, p.title, p.outlet or None, list(p.people),
                     p.day, p.year)
                )  # fmt: skip
        conn.execute("CREATE INDEX bench_passages_tsv ON bench_passages USING gin (tsv)")
        conn.execute("CREATE INDEX bench_passages_people ON bench_passages USING gin (people)")
        conn.execute("CREATE INDEX bench_passages_published ON bench_passages (published)")
        conn.execute("ANALYZE bench_passages")

    def search(self, query: BenchQuery) -> int:
        words = " ".join(query.words)
        function = "phraseto_tsquery" if query.phrase else "plainto_tsquery"
        where = "tsv @@ q"
        params: list[Any] = [words]
        if query.person:
            where += " AND people @> ARRAY[%s]"
            params.append(query.person)
        if query.date_from:
            where += " AND published BETWEEN %s AND %s"
            params += [query.date_from, query.date_to]
        facets = query.facets or self.always_facets
        facet_sql = (
            ", (SELECT json_agg(f) FROM (SELECT outlet, count(*) n FROM matched GROUP BY 1 "
            f"ORDER BY n DESC LIMIT {FACET_SIZE}) f) AS outlets, "
            "(SELECT json_agg(f) FROM (SELECT year, count(*) n FROM matched GROUP BY 1 "
            f"ORDER BY n DESC LIMIT {FACET_SIZE}) f) AS years, "
            "(SELECT json_agg(f) FROM (SELECT person, count(*) n FROM matched, "
            f"unnest(people) person GROUP BY 1 ORDER BY n DESC LIMIT {FACET_SIZE}) f) AS people"
            if facets
            else ""
        )
        sql = (
            f"WITH q AS (SELECT {function}('english', %s) AS q), "
            "matched AS MATERIALIZED (SELECT pid, outlet, year, people, ts_rank(tsv, q) AS score "
            f"FROM bench_passages, q WHERE {where}) "
            "SELECT (SELECT count(*) FROM matched) AS total, "
            "(SELECT json_agg(h) FROM (SELECT b.pid, b.title, b.outlet, b.published, b.people, "
            "b.text FROM (SELECT pid, score FROM matched ORDER BY score DESC "
            f"LIMIT {PER_PAGE}) m JOIN bench_passages b USING (pid)) h) AS hits{facet_sql}"
        )
        row = self._conn().execute(sql, params).fetchone()
        return int(row[0])

    @staticmethod
    def relation_bytes(url: str, table: str) -> int:
        import psycopg

        with psycopg.connect(url) as conn:
            return int(conn.execute("SELECT pg_total_relation_size(%s)", (table,)).fetchone()[0])

    def size_bytes(self) -> int:
        return self.relation_bytes(self.url, "bench_passages")

    def close(self) -> None:
        for conn in self._conns:
            conn.close()
        self._conns = []
        self._local = threading.local()


BASELINES = {"whoosh": WhooshEngine, "fts5": Fts5Engine, "tantivy": TantivyEngine}


def baseline(name: str, workdir: Path) -> WhooshEngine | Fts5Engine | TantivyEngine:
    """A baseline engine storing its index under `workdir`."""
    target = workdir / ("fts5.sqlite3" if name == "fts5" else name)
    return BASELINES[name](target)
