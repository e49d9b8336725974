"""The index's closest better-known word for a word a reader typed (for "did you mean").

Candidates are the field's indexed terms within two edits (one for words of four letters or
fewer) sharing the first letter, the closest and then the most common first. Text and titles
are indexed as stems, so a stem found is turned back into a word as written in a passage
holding it (`compani` -> `company`).
"""

from __future__ import annotations

from whoosh.searching import Searcher
from whoosh.support.levenshtein import distance

from index.whoosh.expansion import analysed

STEMMED_FIELDS = ("text", "title")
BETTER_BY = 2  # a suggestion must be in this many times more passages than the word typed


def suggest_word(searcher: Searcher, field: str, word: str) -> str | None:
    tokens = analysed(searcher, field, word)
    if len(tokens) != 1:
        return None
    typed = tokens[0]
    reader = searcher.reader()
    known = reader.doc_frequency(field, typed)
    edits = 1 if len(typed) <= 4 else 2
    best: tuple[int, int, str] | None = None
    for candidate in reader.terms_within(field, typed, edits, prefix=1):
        if candidate == typed:
            continue
        frequency = reader.doc_frequency(field, candidate)
        if frequency < max(1, known * BETTER_BY):
            continue
        ranked = (distance(candidate, typed, limit=edits), -frequency, candidate)
        if best is None or ranked < best:
            best = ranked
    if best is None:
        return None
    return _as_written(searcher, field, best[2]) if field in STEMMED_FIELDS else best[2]


def _as_written(searcher: Searcher, field: str, term: str) -> str:
    """A word of a passage that the field's analyzer turns into `term`."""
    postings = searcher.reader().postings(field, term)
    if not postings.is_active():
        return term
    stored = searcher.stored_fields(postings.id())
    analyzer = searcher.schema[field].analyzer
    expression = analyzer.items[0].expression if hasattr(analyzer, "items") else None
    if expression is None:
        return term
    for match in expression.finditer(stored.get(field) or ""):
        found = [t.text for t in analyzer(match.group(), mode="query", removestops=False)]
        if found == [term]:
            return match.group().lower()
    return term
