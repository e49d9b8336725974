"""The project's query model (index.query) compiled into Whoosh queries.

Words are analysed here with each field's own analyzer, as they were when indexed: stemmed
and folded for text and titles, folded for names. A word that analyses into several tokens
("e-mail", "100,000") becomes a phrase; one that analyses into none (a stop word) drops out.
Prefixes, wildcards and fuzzy words become the words `index.limits.account` expanded them
to (a `WordSet` for patterns, the closest words OR-ed for fuzzy ones).
"""

from __future__ import annotations

from whoosh import query as wq
from whoosh.searching import Searcher

from archive.errors import ArchiveError
from index import query as q
from index.limits import Cost, Deadline
from index.whoosh.dates import day_range
from index.whoosh.expansion import WordSet, analysed

NOTHING_TO_SEARCH = (
    "nothing to search for: the query has only common words (like `the` or `of`), single "
    "letters or digits, or empty fields"
)


class Compiler:
    """Compiles one parsed query for one searcher, with the expansions its cost found."""

    def __init__(self, searcher: Searcher, cost: Cost, deadline: Deadline) -> None:
        self.searcher = searcher
        self.cost = cost
        self.deadline = deadline

    def query(self, node: q.Node) -> wq.Query:
        """The Whoosh query; ArchiveError when nothing searchable is left."""
        compiled = self._compile(node)
        if compiled is None:
            raise ArchiveError(NOTHING_TO_SEARCH)
        return compiled

    def marks(self, node: q.Node) -> wq.Query | None:
        """The words a hit should have marked: the query's leaves outside any NOT."""
        leaves = [c for c in (self._compile(leaf) for leaf in q.positive_leaves(node)) if c]
        return wq.Or(leaves) if leaves else None

    def _compile(self, node: q.Node) -> wq.Query | None:
        if isinstance(node, q.And | q.Or):
            items = [c for c in (self._compile(item) for item in node.items) if c is not None]
            if not items:
                return None
            if len(items) == 1:
                return items[0]
            return wq.And(items) if isinstance(node, q.And) else wq.Or(items)
        if isinstance(node, q.Not):
            inner = self._compile(node.item)
            return wq.Not(inner) if inner is not None else None
        if isinstance(node, q.DateRange):
            return day_range(node.first, node.last)
        return self._leaf(node)

    def _leaf(self, node: q.Node) -> wq.Query | None:
        if isinstance(node, q.Term):
            return _words(node.field, analysed(self.searcher, node.field, node.text), 0, node.boost)
        if isinstance(node, q.Phrase):
            tokens = analysed(self.searcher, node.field, " ".join(node.words))
            return _words(node.field, tokens, node.slop, node.boost)
        if isinstance(node, q.Prefix | q.Wildcard | q.Fuzzy):
            words = self.cost.expansions[node].words
            if not words:
                return wq.NullQuery
            if isinstance(node, q.Fuzzy):
                terms = [wq.Term(node.field, w, boost=node.boost) for w in words]
                return terms[0] if len(terms) == 1 else wq.Or(terms)
            return WordSet(node.field, words, boost=node.boost, deadline=self.deadline)
        raise TypeError(f"not a query node: {node!r}")  # a bug in the parser, not the reader's


def _words(field: str, tokens: list[str], slop: int, boost: float) -> wq.Query | None:
    if not tokens:
        return None
    if len(tokens) == 1:
        return wq.Term(field, tokens[0], boost=boost)
    return wq.Phrase(field, tokens, slop=max(1, slop + 1), boost=boost)
