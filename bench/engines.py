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
    """Cuttings' own search (`index.whoosh.searching.search`) over a data directory's index and
    catalog; `cache=False` turns the answer cache off, so every query is really run."""

    name = "cuttings"

    def __init__(self, data: Path, *, cache: bool = True) -> None:
        from archive.datadir import DataDir
        from index.engine import open_engine
        from index.options import EngineOptions

        self.datadir = DataDir(Path(data))
        options = EngineOptions() if cache else EngineOptions(cache_entries=0)
        self.engine = open_engine(self.datadir, options)
        if not cache:
            self.name = "cuttings-cold"

    def search(self, query: BenchQuery) -> int:
        return total_of(self.engine.search(cuttings_request(query)))

    def size_bytes(self) -> int:
        return folder_size(self.datadir.index)

    def close(self) -> None:
        pass


BASELINES = {"whoosh": WhooshEngine, "fts5": Fts5Engine, "tantivy": TantivyEngine}


def baseline(name: str, workdir: Path) -> WhooshEngine | Fts5Engine | TantivyEngine:
    """A baseline engine storing its index under `workdir`."""
    target = workdir / ("fts5.sqlite3" if name == "fts5" else name)
    return BASELINES[name](target)
