"""The project's query model (index.query) compiled into Whoosh queries.

Words are analysed here with each field's own analyzer, as they were when indexed: stemmed
and folded for text and titles, folded for names. A word that analyses into several tokens
("e-mail", "100,000") becomes a phrase; one that analyses into none (a stop word) drops out.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from whoosh import query as wq
from whoosh.fields import Schema

from archive.errors import ArchiveError
from index import query as q
from index.whoosh.dates import day_range

NOTHING_TO_SEARCH = (
    "nothing to search for: the query has only common words (like `the` or `of`) or empty fields"
)


def compile_query(node: q.Node, schema: Schema) -> wq.Query:
    """The Whoosh query for a parsed query; ArchiveError when nothing searchable is left."""
    compiled = _compile(node, schema)
    if compiled is None:
        raise ArchiveError(NOTHING_TO_SEARCH)
    return compiled


def compile_marks(node: q.Node, schema: Schema) -> wq.Query | None:
    """The words a hit should have marked: the query's leaves outside any NOT."""
    leaves = [c for c in (_compile(leaf, schema) for leaf in q.positive_leaves(node)) if c]
    return wq.Or(leaves) if leaves else None


def _compile(node: q.Node, schema: Schema) -> wq.Query | None:
    if isinstance(node, q.And | q.Or):
        items = [c for c in (_compile(item, schema) for item in node.items) if c is not None]
        if not items:
            return None
        if len(items) == 1:
            return items[0]
        return wq.And(items) if isinstance(node, q.And) else wq.Or(items)
    if isinstance(node, q.Not):
        inner = _compile(node.item, schema)
        return wq.Not(inner) if inner is not None else None
    if isinstance(node, q.DateRange):
        return day_range(node.first, node.last)
    return _leaf(node, schema)


def _leaf(node: q.Node, schema: Schema) -> wq.Query | None:
    field = schema[node.field]
    if isinstance(node, q.Term):
        return _words(node.field, _tokens(field, node.text), 0, node.boost)
    if isinstance(node, q.Phrase):
        return _words(node.field, _tokens(field, " ".join(node.words)), node.slop, node.boost)
    if isinstance(node, q.Prefix):
        return wq.Prefix(node.field, fold(node.text), boost=node.boost)
    if isinstance(node, q.Wildcard):
        return wq.Wildcard(node.field, fold(node.pattern), boost=node.boost)
    if isinstance(node, q.Fuzzy):
        tokens = _tokens(field, node.text) or [fold(node.text)]
        return wq.FuzzyTerm(
            node.field, tokens[0], boost=node.boost, maxdist=node.edits, prefixlength=1
        )
    raise TypeError(f"not a query node: {node!r}")  # a bug in the parser, not the reader's


def _tokens(field: Any, text: str) -> list[str]:
    """The terms a stretch of text becomes in this field (as at indexing time)."""
    return list(field.process_text(text, mode="query"))


def _words(field: str, tokens: list[str], slop: int, boost: float) -> wq.Query | None:
    if not tokens:
        return None
    if len(tokens) == 1:
        return wq.Term(field, tokens[0], boost=boost)
    return wq.Phrase(field, tokens, slop=max(1, slop + 1), boost=boost)


def fold(text: str) -> str:
    """Lower case without accents: how every analyzer of the index leaves a word's letters."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
