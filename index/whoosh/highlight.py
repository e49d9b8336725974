"""Where the query's words stand in a passage, as the index analyses them.

The same words Whoosh's highlighter would mark (the field's analyzer over the whole
passage), found faster: the tokenizer's words are analysed one at a time, each word once per
process, since every filter after the tokenizer works on one token at a time. Turning the
spans into HTML (escaped, marked, cut to a snippet) is index.snippets' job.
"""

from __future__ import annotations

import re
from typing import Any

from whoosh import query as wq
from whoosh.searching import Searcher

from index.snippets import Span

_analysed_words: dict[tuple[int, str], frozenset[str]] = {}


def marked_terms(searcher: Searcher, marks: wq.Query | None) -> frozenset[str]:
    """The indexed text terms a query's positive words stand for (expanded patterns too)."""
    if marks is None:
        return frozenset()
    # fieldname="text": Whoosh 2.7.4's existing_terms reuses its `fieldname` argument as a
    # loop variable, so without it every leaf after the first one's field is skipped
    # (a title word first, and no passage word got marked)
    terms = marks.existing_terms(searcher.reader(), phrases=True, expand=True, fieldname="text")
    field = searcher.schema["text"]
    return frozenset(field.from_bytes(text) for name, text in terms if name == "text")


def mark_spans(searcher: Searcher, text: str, terms: frozenset[str]) -> list[Span]:
    """The character spans of the passage's words that analyse into one of `terms`."""
    if not terms:
        return []
    analyzer = searcher.schema["text"].analyzer
    return [
        (match.start(), match.end())
        for match in _word_expression(analyzer).finditer(text)
        if _analysed(analyzer, match.group()) & terms
    ]


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
