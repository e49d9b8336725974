"""Prefixes, wildcards and fuzzy words against the Whoosh index: the words they stand for
(bounded, for index.limits.account) and a cheap query over a set of words.

Whoosh's own Prefix and Wildcard OR a matcher per word together, which walks thousands of
matchers one document at a time (`co*` took 11 s on 70,000 passages); a `WordSet` reads each
word's postings into one sorted list instead, with a constant score, as Lucene rewrites
multi-term queries, and looks at its deadline between words.
"""

from __future__ import annotations

import fnmatch
import re
from array import array
from typing import Any

from whoosh import query as wq
from whoosh.matching import ListMatcher, NullMatcher
from whoosh.reading import IndexReader
from whoosh.searching import Searcher
from whoosh.support.levenshtein import distance

from index import query as q
from index.limits import Deadline, Expansion, NoDeadline
from index.whoosh.analysis import fold

CHECK_EVERY = 64  # words read between two looks at the deadline


def analysed(searcher: Searcher, field: str, text: str) -> list[str]:
    """The terms a stretch of text becomes in this field (as at indexing time)."""
    return list(searcher.schema[field].process_text(text, mode="query"))


class WhooshTermStats:
    """index.limits.TermStats over one searcher's reader."""

    def __init__(self, searcher: Searcher, deadline: Deadline | None = None) -> None:
        self.searcher = searcher
        self.reader: IndexReader = searcher.reader()
        self.deadline = deadline or NoDeadline()

    def postings(self, leaf: q.Term | q.Phrase) -> int:
        text = leaf.text if isinstance(leaf, q.Term) else " ".join(leaf.words)
        return sum(
            self.reader.doc_frequency(leaf.field, term)
            for term in analysed(self.searcher, leaf.field, text)
        )

    def expand(self, leaf: q.Prefix | q.Wildcard | q.Fuzzy, limit: int) -> Expansion:
        if isinstance(leaf, q.Fuzzy):
            return self._fuzzy(leaf, limit)
        field = self.searcher.schema[leaf.field]
        if isinstance(leaf, q.Prefix):
            prefix, pattern = fold(leaf.text), None
        else:
            pattern = re.compile(fnmatch.translate(fold(leaf.pattern)))
            prefix = re.split(r"[*?]", fold(leaf.pattern), maxsplit=1)[0]
        words: list[str] = []
        postings = 0
        for seen, btext in enumerate(self.reader.expand_prefix(leaf.field, prefix)):
            if seen % CHECK_EVERY == 0:
                self.deadline.check()
            word = field.from_bytes(btext)
            if pattern is not None and not pattern.match(word):
                continue
            if len(words) >= limit:
                return Expansion(words, postings, complete=False)
            words.append(word)
            postings += self.reader.doc_frequency(leaf.field, btext)
        return Expansion(words, postings)

    def _fuzzy(self, leaf: q.Fuzzy, limit: int) -> Expansion:
        """The closest words within the edits (sharing the first letter, as Whoosh and
        Lucene's defaults do), then the most common: Lucene's fuzzy expansion."""
        tokens = analysed(self.searcher, leaf.field, leaf.text) or [fold(leaf.text)]
        target = tokens[0]
        found: list[tuple[int, int, str]] = []
        for seen, word in enumerate(
            self.reader.terms_within(leaf.field, target, leaf.edits, prefix=1)
        ):
            if seen % CHECK_EVERY == 0:
                self.deadline.check()
            frequency = self.reader.doc_frequency(leaf.field, word)
            found.append((distance(word, target, limit=leaf.edits), -frequency, word))
        found.sort()
        kept = found[:limit]
        return Expansion([w for _, _, w in kept], sum(-f for _, f, _ in kept), complete=True)


class WordSet(wq.MultiTerm):
    """Passages holding any of these words of one field, all with the same score."""

    def __init__(
        self, fieldname: str, words: list[str], boost: float = 1.0, deadline: Deadline | None = None
    ) -> None:
        self.fieldname = fieldname
        self.words = list(words)
        self.boost = boost
        self.deadline = deadline or NoDeadline()

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, WordSet)
            and self.fieldname == other.fieldname
            and self.words == other.words
            and self.boost == other.boost
        )

    def __hash__(self) -> int:
        return hash((self.fieldname, tuple(self.words), self.boost))

    def __repr__(self) -> str:
        return f"WordSet({self.fieldname!r}, {len(self.words)} words)"

    def _btexts(self, ixreader: IndexReader) -> Any:
        field = ixreader.schema[self.fieldname]
        for word in self.words:
            btext = field.to_bytes(word)
            if (self.fieldname, btext) in ixreader:
                yield btext

    def matcher(self, searcher: Searcher, context: Any = None) -> Any:
        reader = searcher.reader()
        ids: set[int] = set()
        for seen, btext in enumerate(self._btexts(reader)):
            if seen % CHECK_EVERY == 0:
                self.deadline.check()
            ids.update(reader.postings(self.fieldname, btext).all_ids())
        if not ids:
            return NullMatcher()
        return ListMatcher(array("I", sorted(ids)), all_weights=self.boost)
