"""A passage as HTML with the query's words marked: all of it, or a snippet around the best
matches. Engines find where the matches are (character spans); cutting and escaping is here,
the same for every engine.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

Span = tuple[int, int]  # start and end offsets of a matched word in the passage

SNIPPET_CHARS = 300
ELLIPSIS = "…"


def highlight_html(text: str, spans: Sequence[Span]) -> str:
    """The whole text escaped, each span wrapped in <mark>."""
    return _marked(text, spans, 0, len(text))


def snippet_html(text: str, spans: Sequence[Span], width: int = SNIPPET_CHARS) -> str:
    """About `width` characters around the densest stretch of matches, escaped and marked,
    with an ellipsis where the passage was cut; the whole passage when it is short."""
    if len(text) <= width:
        return highlight_html(text, spans)
    start = _best_start(text, sorted(spans), width)
    end = min(len(text), start + width)
    start, end = _widen_to_words(text, start, end)
    body = _marked(text, spans, start, end)
    return (ELLIPSIS if start > 0 else "") + body + (ELLIPSIS if end < len(text) else "")


def _best_start(text: str, spans: list[Span], width: int) -> int:
    """Where a window of `width` holding the most matches begins, with a little context
    before the first of them (the passage's start when nothing matched)."""
    if not spans:
        return 0
    best_at, best_count, right = spans[0][0], 0, 0
    for left, (first, _) in enumerate(spans):
        right = max(right, left)
        while right < len(spans) and spans[right][1] <= first + width:
            right += 1
        if right - left > best_count:
            best_at, best_count = first, right - left
    context = min(width // 4, best_at)
    return max(0, min(best_at - context, len(text) - width))


def _widen_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Move the cut points back to the nearest space so no word is split."""
    if start > 0:
        space = text.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 else 0
    if end < len(text):
        space = text.find(" ", end)
        end = space if space >= 0 else len(text)
    return start, end


def _marked(text: str, spans: Sequence[Span], start: int, end: int) -> str:
    parts: list[str] = []
    at = start
    for span_start, span_end in sorted(spans):
        if span_end <= at or span_start >= end:
            continue
        span_start, span_end = max(span_start, at), min(span_end, end)
        parts.append(html.escape(text[at:span_start], quote=False))
        parts.append(f"<mark>{html.escape(text[span_start:span_end], quote=False)}</mark>")
        at = span_end
    parts.append(html.escape(text[at:end], quote=False))
    return "".join(parts)
