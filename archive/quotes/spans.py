"""Quotation spans in one passage: where each quoted stretch starts and ends, and how marks nest.

Handles curly double quotes, straight double quotes (opening or closing decided by the
characters either side), curly single quotes (top level or nested) and straight single quotes
nested in a double quote. An opening mark with no closing one runs to the end of the passage
(`closed=False`): the convention for a quotation continued in the next paragraph. A straight
opening mark met while a quote is open starts a new quote (BBC style: `"...here. "Next...`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKS = re.compile(r"[“”\"‘’']")
_OPEN_AFTER = set('([{—–-/“"‘«')


@dataclass
class Span:
    """One quoted stretch: `start`/`end` bound the words inside the marks."""

    start: int
    end: int
    depth: int
    parent: int | None
    closed: bool = True
    double: bool = True  # double marks (speech) rather than single ones

    def text(self, passage: str) -> str:
        return passage[self.start : self.end]


@dataclass
class _Frame:
    index: int  # into the provisional span list
    double: bool
    straight: bool


class _Scanner:
    """A left-to-right pass over the marks, keeping a stack of open quotes."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[Span] = []
        self.keep: list[bool] = []
        self.stack: list[_Frame] = []

    def open(self, at: int, *, double: bool, straight: bool) -> None:
        """Start a quote whose words begin after the mark at `at`."""
        parent = self.stack[-1].index if self.stack else None
        self.spans.append(Span(at + 1, at + 1, len(self.stack), parent, True, double))
        self.keep.append(True)
        self.stack.append(_Frame(len(self.spans) - 1, double, straight))

    def close_top(self, at: int, *, closed: bool = True) -> None:
        """End the innermost open quote just before `at`."""
        frame = self.stack.pop()
        span = self.spans[frame.index]
        span.end, span.closed = at, closed
        if not closed and not frame.double:
            self.keep[frame.index] = False  # an unclosed single mark is an apostrophe or a title

    def close_double(self, at: int, *, closed: bool = True) -> None:
        """End the innermost open double quote (and any single quote inside it)."""
        while self.stack and not self.stack[-1].double:
            self.close_top(at, closed=False)
        if self.stack:
            self.close_top(at, closed=closed)

    def open_double(self) -> _Frame | None:
        return next((f for f in reversed(self.stack) if f.double), None)

    def single_open(self) -> bool:
        return bool(self.stack) and not self.stack[-1].double

    def finish(self) -> list[Span]:
        """Close what is still open at the end of the passage and renumber parents."""
        end = len(self.text.rstrip())
        while self.stack:
            self.close_top(end, closed=False)
        remap: dict[int, int] = {}
        out: list[Span] = []
        for i, (span, keep) in enumerate(zip(self.spans, self.keep, strict=True)):
            if keep and span.end > span.start:
                remap[i] = len(out)
                out.append(span)
        for span in out:
            span.parent = _surviving_parent(span.parent, self.spans, remap)
            span.depth = _depth(span, out)
        return out


def _surviving_parent(parent: int | None, spans: list[Span], remap: dict[int, int]) -> int | None:
    """The nearest enclosing span that was kept, as an index into the kept list."""
    while parent is not None and parent not in remap:
        parent = spans[parent].parent
    return None if parent is None else remap[parent]


def _depth(span: Span, spans: list[Span]) -> int:
    """How many kept spans enclose this one."""
    depth, parent = 0, span.parent
    while parent is not None:
        depth, parent = depth + 1, spans[parent].parent
    return depth


def _opens(before: str, after: str) -> bool:
    """A mark opens when it follows space or an opening bracket and precedes a word."""
    return (
        (not before or before.isspace() or before in _OPEN_AFTER)
        and bool(after)
        and not after.isspace()
    )


def _closes_single(before: str, after: str) -> bool:
    """A right single mark closes a quote unless it is an apostrophe inside a word."""
    return bool(before) and not before.isspace() and not (after and after.isalnum())


def find_spans(text: str) -> list[Span]:
    """Every quoted stretch in `text`, in order of their opening marks."""
    scan = _Scanner(text)
    for match in _MARKS.finditer(text):
        at, mark = match.start(), match.group()
        before = text[at - 1] if at else ""
        after = text[at + 1] if at + 1 < len(text) else ""
        _step(scan, at, mark, before, after)
    return scan.finish()


def _step(scan: _Scanner, at: int, mark: str, before: str, after: str) -> None:
    """Apply one mark to the scanner's stack."""
    if mark == "“":
        if scan.open_double() is not None and not scan.single_open():
            scan.close_double(_trim_end(scan.text, at), closed=False)
        scan.open(at, double=True, straight=False)
    elif mark == "”":
        if scan.open_double() is not None:
            scan.close_double(at)
    elif mark == '"':
        _straight_double(scan, at, before, after)
    elif mark == "‘":
        if _opens(before, after):
            scan.open(at, double=False, straight=False)
    elif mark == "’":
        if scan.single_open() and _closes_single(before, after):
            scan.close_top(at)
    elif mark == "'":
        _straight_single(scan, at, before, after)


def _straight_double(scan: _Scanner, at: int, before: str, after: str) -> None:
    """A straight double mark: close the open quote, or open one (closing an unfinished one)."""
    is_open = scan.open_double() is not None
    if not is_open:
        if after and not after.isspace():
            scan.open(at, double=True, straight=True)
        return
    if _opens(before, after):
        scan.close_double(_trim_end(scan.text, at), closed=False)
        scan.open(at, double=True, straight=True)
    else:
        scan.close_double(at)


def _straight_single(scan: _Scanner, at: int, before: str, after: str) -> None:
    """Straight single marks count only inside a double quote (elsewhere they are apostrophes)."""
    if scan.open_double() is None:
        return
    if scan.single_open() and scan.stack[-1].straight and _closes_single(before, after):
        scan.close_top(at)
    elif _opens(before, after) and after.isalpha():
        scan.open(at, double=False, straight=True)


def _trim_end(text: str, at: int) -> int:
    """The end of the words before `at`, without trailing whitespace."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at
