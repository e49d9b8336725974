"""A hit from an index document: its stored provenance, the query's words marked (whole and
as a snippet), and the other places its words stand."""

from __future__ import annotations

from typing import Any

from whoosh.searching import Searcher

from index.results import Hit
from index.snippets import highlight_html, snippet_html
from index.whoosh.copies import copies_of
from index.whoosh.facets import Table
from index.whoosh.highlight import mark_spans


def build_hit(searcher: Searcher, docnum: int, marks: frozenset[str], table: Table) -> Hit:
    stored = searcher.stored_fields(docnum)
    text = stored.get("text", "")
    spans = mark_spans(searcher, text, marks)
    group = table.shared.get(table.fingerprint[docnum], [])
    copies, copies_total, also_in = copies_of(searcher, docnum, group)
    return Hit(
        passage_id=stored["passage_id"],
        doc_id=int(stored["doc_id"]),
        n=int(stored["n"]),
        kind=stored.get("kind", "body"),
        text=text,
        highlight=highlight_html(text, spans),
        snippet=snippet_html(text, spans),
        speakers=list(stored.get("speakers") or []),
        attributions=[dict(a) for a in stored.get("attributions") or []],
        provenance=provenance(stored),
        also_in=also_in,
        copies=copies,
        copies_total=copies_total,
    )


def provenance(stored: dict[str, Any]) -> dict[str, Any]:
    return {
        "outlet": stored.get("outlet"),
        "host": stored.get("host"),
        "published": stored.get("published"),
        "title": stored.get("title"),
        "authors": list(stored.get("authors") or []),
        "url": stored.get("url"),
    }
