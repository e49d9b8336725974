"""The query language readers type, parsed once into the project's query model (index.query).

    organ harvest            both words (AND is implied)
    "organ harvesting"~2     a phrase (up to 2 other words between its words)
    prisoners OR farmers     either; AND, OR and NOT in capitals, NOT before AND before OR
    harvest -minister        `-` excludes a word, phrase or group, `+` requires it
    harv*  ha?vest  harvst~  prefixes, wildcards (two letters first), up to 2 letter changes
    person:gutmann  title:"state of the union"  outlet:(bbc OR haaretz)
    date:2005  date:[2004 to 2006]  date:>=2005-03  year:2005

Anything the language cannot read is an ArchiveError (HTTP 400) that says what to fix:
nothing a reader types is silently dropped or given another meaning.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from archive.errors import ArchiveError
from archive.model import PartialDate
from index.query import (
    DATE_FIELDS,
    DEFAULT_FIELD,
    FIELD_ALIASES,
    FIELDS,
    MAX_FUZZY_EDITS,
    And,
    DateRange,
    Fuzzy,
    Node,
    Not,
    Or,
    Phrase,
    Prefix,
    Term,
    Wildcard,
)

MAX_QUERY_CHARS = 1000
MAX_DEPTH = 20  # nested brackets
MIN_WILDCARD_PREFIX = 2
OPERATORS = ("AND", "OR", "NOT", "ANDNOT")
_STOP = set(' \t\r\n()"')
_FIELD = re.compile(r"([A-Za-z_]\w*):")
_BOOST = re.compile(r"\^(\d+(?:\.\d+)?)$")
_FUZZY = re.compile(r"~(\d*)$")
_SLOP = re.compile(r"~(\d+)")
_RANGE = re.compile(
    r"^\s*(\S*?)\s+(?:TO|to)\s+(\S*?)\s*$|^\s*(?:TO|to)\s+(\S+)\s*$|^\s*(\S+)\s+(?:TO|to)\s*$"
)
_COMPARE = re.compile(r"^(>=|<=|>|<)(.+)$")


class QuerySyntaxError(ArchiveError):
    """A query the language cannot read; the message says what to fix."""

    kind = "query-syntax"


def known_fields() -> str:
    return ", ".join(f"{f}:" for f in FIELDS)


def parse(text: str) -> Node | None:
    """The query model for a reader's text; None for an empty query."""
    if len(text) > MAX_QUERY_CHARS:
        raise QuerySyntaxError(f"the query is too long: keep it under {MAX_QUERY_CHARS} characters")
    return _Parser(text).parse()


class _Parser:
    """Recursive descent over the text: OR of ANDs of (NOT) primaries."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0
        self.fields = [DEFAULT_FIELD]
        self.depth = 0

    # -- scanning --------------------------------------------------------------------------

    def skip_space(self) -> None:
        while self.at < len(self.text) and self.text[self.at].isspace():
            self.at += 1

    def peek(self) -> str:
        self.skip_space()
        return self.text[self.at] if self.at < len(self.text) else ""

    def operator(self) -> str | None:
        """The operator word at the cursor (AND, OR, NOT, ANDNOT), if one stands there."""
        self.skip_space()
        for word in OPERATORS:
            end = self.at + len(word)
            if self.text.startswith(word, self.at) and (
                end == len(self.text) or self.text[end] in _STOP
            ):
                return word
        return None

    def take_operator(self, word: str) -> None:
        self.skip_space()
        self.at += len(word)

    def at_end_of_group(self) -> bool:
        return self.peek() in ("", ")")

    # -- grammar ---------------------------------------------------------------------------

    def parse(self) -> Node | None:
        if not self.text.strip():
            return None
        node = self.or_expr()
        if self.peek() == ")":
            raise QuerySyntaxError('a ")" has no matching opening bracket')
        return node

    def or_expr(self) -> Node:
        if self.operator() == "OR":
            raise QuerySyntaxError("OR needs a search term on each side")
        items = [self.and_expr()]
        while self.operator() == "OR":
            self.take_operator("OR")
            if self.at_end_of_group() or self.operator() in ("OR", "AND", "ANDNOT"):
                raise QuerySyntaxError("OR needs a search term after it")
            items.append(self.and_expr())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def and_expr(self) -> Node:
        items: list[Node] = []
        while not self.at_end_of_group() and self.operator() != "OR":
            word = self.operator()
            if word in ("AND", "ANDNOT"):
                self.take_operator(word)
                if not items:
                    raise QuerySyntaxError(f"{word} needs a search term on each side")
                if self.at_end_of_group() or self.operator() in ("OR", "AND", "ANDNOT"):
                    raise QuerySyntaxError(f"{word} needs a search term after it")
                if word == "ANDNOT":
                    items.append(Not(self.unary()))
                continue
            items.append(self.unary())
        if not items:
            raise QuerySyntaxError("an empty group: put a search term between the brackets")
        return items[0] if len(items) == 1 else And(tuple(items))

    def unary(self) -> Node:
        if self.operator() == "NOT":
            self.take_operator("NOT")
            if self.at_end_of_group() or self.operator() in ("OR", "AND", "ANDNOT"):
                raise QuerySyntaxError("NOT needs a search term after it")
            return Not(self.unary())
        sign = self.peek()
        if sign in ("-", "+") and self._attached(self.at + 1):
            self.at += 1
            node = self.primary()
            return Not(node) if sign == "-" else node
        return self.primary()

    def _attached(self, at: int) -> bool:
        """Whether something to exclude or require follows a `-`/`+` directly."""
        return at < len(self.text) and not self.text[at].isspace() and self.text[at] not in "-+)"

    def primary(self) -> Node:
        char = self.peek()
        if char == "(":
            return self.group()
        if char == '"':
            return self.phrase(self.fields[-1])
        field = _FIELD.match(self.text, self.at)
        if field:
            handled = self.field_value(field)
            if handled is not None:
                return handled
        return self.word_node(self.fields[-1], self.word())

    def group(self) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise QuerySyntaxError(f"too many brackets inside brackets (at most {MAX_DEPTH})")
        self.at += 1
        if self.peek() == ")":
            raise QuerySyntaxError("an empty group: put a search term between the brackets")
        node = self.or_expr()
        if self.peek() != ")":
            raise QuerySyntaxError('a "(" is not closed: add the matching ")"')
        self.at += 1
        self.depth -= 1
        return node

    def word(self) -> str:
        start = self.at
        while self.at < len(self.text) and self.text[self.at] not in _STOP:
            self.at += 1
        return self.text[start : self.at]

    def phrase(self, field: str) -> Node:
        end = self.text.find('"', self.at + 1)
        if end < 0:
            raise QuerySyntaxError('a quotation mark is not closed: add the closing "')
        words = tuple(self.text[self.at + 1 : end].split())
        self.at = end + 1
        slop, boost = 0, 1.0
        tail = self.word()
        slop_match = _SLOP.match(tail)
        if slop_match:
            slop, tail = int(slop_match.group(1)), tail[slop_match.end() :]
        boost_match = _BOOST.match(tail)
        if boost_match:
            boost, tail = float(boost_match.group(1)), ""
        if tail:
            raise QuerySyntaxError(
                f'cannot read {tail!r} after a phrase: use "words"~2 for words near each other'
            )
        if field in DATE_FIELDS:
            return _date_node(" ".join(words), field)
        return Phrase(field, words, slop, boost)

    def field_value(self, match: re.Match[str]) -> Node | None:
        """A `field:value` term; None when `name:` is an ordinary word (nothing after it)."""
        written, end = match.group(1), match.end()
        value_follows = end < len(self.text) and not self.text[end].isspace()
        name = FIELD_ALIASES.get(written.lower(), written.lower())
        if name not in FIELDS:
            if value_follows:
                raise QuerySyntaxError(
                    f'unknown field "{written}:"; you can search {known_fields()}'
                )
            return None
        if not value_follows:
            raise QuerySyntaxError(
                f'"{written}:" needs a value, e.g. {written}:word or {written}:"two words"'
            )
        self.at = end
        char = self.text[end]
        if char in "[{":
            return self.range(name, written)
        self.fields.append(name)
        try:
            if char == "(":
                return self.group()
            if char == '"':
                return self.phrase(name)
            return self.word_node(name, self.word())
        finally:
            self.fields.pop()

    def range(self, field: str, written: str) -> Node:
        closing = "]" if self.text[self.at] == "[" else "}"
        end = self.text.find(closing, self.at)
        if end < 0:
            raise QuerySyntaxError(f'a "{self.text[self.at]}" is not closed: add "{closing}"')
        inside, exclusive = self.text[self.at + 1 : end], closing == "}"
        self.at = end + 1
        if field not in DATE_FIELDS:
            raise QuerySyntaxError(
                f"a range like [a TO b] works on date: and year: only, not {written}:"
            )
        bounds = _RANGE.match(inside)
        if not bounds:
            raise QuerySyntaxError(f"cannot read [{inside}]: write a range as [2004 TO 2006]")
        low, high = bounds.group(1) or bounds.group(4), bounds.group(2) or bounds.group(3)
        return _date_range(low, high, exclusive=exclusive)

    def word_node(self, field: str, word: str) -> Node:
        """One word as typed: a term, a prefix or wildcard, a fuzzy term, or a date."""
        boost = 1.0
        boosted = _BOOST.search(word)
        if boosted and boosted.start() > 0:
            boost, word = float(boosted.group(1)), word[: boosted.start()]
        if field in DATE_FIELDS:
            return _date_node(word, field)
        fuzzy = _FUZZY.search(word)
        if fuzzy and fuzzy.start() > 0:
            return _fuzzy(field, word[: fuzzy.start()], fuzzy.group(1), boost)
        if "*" in word or "?" in word:
            return _wildcard(field, word, boost)
        return Term(field, word, boost)


def _fuzzy(field: str, text: str, edits: str, boost: float) -> Node:
    count = int(edits) if edits else 1
    if not 1 <= count <= MAX_FUZZY_EDITS:
        raise QuerySyntaxError(
            f"{text}~{edits}: a word may differ by 1 or {MAX_FUZZY_EDITS} letters at most"
        )
    return Fuzzy(field, text, count, boost)


def _wildcard(field: str, word: str, boost: float) -> Node:
    literal = re.split(r"[*?]", word, maxsplit=1)[0]
    if not literal and not word.strip("*?"):
        raise QuerySyntaxError(
            "a lone * would match every passage: add letters before it, "
            "or leave the query empty and choose a person or outlet"
        )
    if len(literal) < MIN_WILDCARD_PREFIX:
        raise QuerySyntaxError(
            f"{word}: a wildcard needs at least {MIN_WILDCARD_PREFIX} letters before * or ?"
        )
    if word.endswith("*") and "*" not in word[:-1] and "?" not in word:
        return Prefix(field, word[:-1], boost)
    return Wildcard(field, word, boost)


def _date_node(text: str, field: str) -> Node:
    compare = _COMPARE.match(text)
    if compare:
        sign, value = compare.groups()
        if sign.startswith(">"):
            return _date_range(value, None, exclusive=sign == ">")
        return _date_range(None, value, exclusive=sign == "<")
    return _date_range(text, text, exclusive=False, field=field)


def _date_range(
    low: str | None, high: str | None, *, exclusive: bool, field: str = "date"
) -> DateRange:
    first = _period(low, field)[1 if exclusive else 0] if low else None
    last = _period(high, field)[0 if exclusive else 1] if high else None
    try:
        if exclusive and first is not None:
            first += dt.timedelta(days=1)
        if exclusive and last is not None:
            last -= dt.timedelta(days=1)
    except OverflowError:
        raise QuerySyntaxError("that range reaches past the calendar (year 1 to 9999)") from None
    if first and last and first > last:
        raise QuerySyntaxError(f"the dates are the wrong way round: {low} is after {high}")
    return DateRange(first, last)


def _period(text: str, field: str) -> tuple[dt.date, dt.date]:
    """The first and last day of a year, month or day (`2005`, `2005-03`, `2005-03-01`)."""
    date = PartialDate.parse(text)
    if date is None or len(text) not in (4, 7, 10) or (field == "year" and len(text) != 4):
        example = "2005" if field == "year" else "YYYY, YYYY-MM or YYYY-MM-DD"
        raise QuerySyntaxError(f"cannot read {text!r} in the query as a date: use {example}")
    try:
        if date.day:
            day = dt.date(date.year, date.month or 1, date.day)
            return day, day
        if date.month:
            days = calendar.monthrange(date.year, date.month)[1]
            return dt.date(date.year, date.month, 1), dt.date(date.year, date.month, days)
        return dt.date(date.year, 1, 1), dt.date(date.year, 12, 31)
    except ValueError:
        raise QuerySyntaxError(f"{text!r} in the query is not a calendar date") from None
