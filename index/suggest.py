"""Did you mean: when a query finds nothing or very little, the same query with each unknown
or rare word replaced by the index's closest better-known word (`Gutman` -> `Gutmann`),
offered only when it finds more. The engine proposes words; the rewriting is here."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from index import query as q
from index.request import SearchRequest
from index.results import Suggestion

SUGGEST_AT_MOST = 2  # hits at or below which a query is worth a suggestion
SUGGESTED_FIELDS = ("text", "title", "person", "outlet", "host", "author")


def did_you_mean(
    request: SearchRequest,
    node: q.Node,
    total: int,
    suggest_word: Callable[[str, str], str | None],
    count: Callable[[SearchRequest], int],
) -> Suggestion | None:
    """A better query, or None. `suggest_word(field, word)` is the engine's closest
    better-known word; `count(request)` its hits for a request."""
    if total > SUGGEST_AT_MOST:
        return None
    replaced: dict[str, str] = {}
    for leaf in q.positive_leaves(node):
        if not isinstance(leaf, q.Term) or leaf.field not in SUGGESTED_FIELDS:
            continue
        better = suggest_word(leaf.field, leaf.text)
        if better and better.casefold() != leaf.text.casefold():
            replaced[leaf.text] = better
    if not replaced:
        return None
    text = rewrite(request.q, replaced)
    if text == request.q:
        return None
    found = count(replace(request, q=text, page=1))
    return Suggestion(text, found, replaced) if found > total else None


def rewrite(text: str, replaced: dict[str, str]) -> str:
    """The query text with whole words replaced (not inside other words or patterns)."""
    for old, new in replaced.items():
        pattern = re.compile(rf"(?<![\w*?~]){re.escape(old)}(?![\w*?~])")
        text = pattern.sub(new, text)
    return text
