"""The query language: Whoosh's parser, configured for passages, and a check for mistakes.

Whoosh's parser never fails: it quietly drops what it cannot read. A reader who typed
`organ AND` or `(organ` deserves to be told, so `parse_query` checks the text first and
raises ArchiveError with a message saying what to fix.
"""

from __future__ import annotations

import re

from whoosh import query as wq
from whoosh.fields import Schema
from whoosh.qparser import FieldAliasPlugin, FuzzyTermPlugin, GtLtPlugin, QueryParser
from whoosh.qparser.dateparse import DateParserPlugin
from whoosh.qparser.syntax import ErrorNode

from archive.errors import ArchiveError

# Fields a reader may name in a query, and the other names they may use for them.
QUERY_FIELDS = ("text", "title", "person", "outlet", "host", "author", "date", "year", "kind")
FIELD_ALIASES = {"person": ["speaker"], "author": ["authors", "byline"], "date": ["published"]}
KNOWN_FIELDS = frozenset(QUERY_FIELDS) | {a for names in FIELD_ALIASES.values() for a in names}
MAX_QUERY_CHARS = 1000
MIN_WILDCARD_PREFIX = 2

_TOKEN = re.compile(r'"[^"]*"?|[()\[\]{}]|[^\s()\[\]{}"]+')
_FIELD = re.compile(r"^([A-Za-z_]\w*):(.*)$", re.S)
_BINARY = ("AND", "OR", "ANDNOT", "ANDMAYBE")
_OPENERS = {"(": ")", "[": "]", "{": "}"}


def make_parser(schema: Schema) -> QueryParser:
    """Words are ANDed; phrases, AND/OR/NOT, wildcards, `word~`, `field:` and date ranges."""
    parser = QueryParser("text", schema)
    parser.add_plugin(FuzzyTermPlugin())
    parser.add_plugin(GtLtPlugin())
    parser.add_plugin(DateParserPlugin(free=False))
    parser.add_plugin(FieldAliasPlugin(FIELD_ALIASES))
    return parser


def parse_query(text: str, schema: Schema) -> wq.Query:
    """The query for a reader's text; ArchiveError with a fix for anything Whoosh would drop."""
    if len(text) > MAX_QUERY_CHARS:
        raise ArchiveError(f"the query is too long: keep it under {MAX_QUERY_CHARS} characters")
    check_syntax(text)
    parser = make_parser(schema)
    _check_nodes(parser.process(text))
    try:
        parsed = parser.parse(text)
    except Exception as error:  # Whoosh raises bare Exceptions for unreadable dates
        raise ArchiveError(f"cannot read the query: {error}") from None
    return _checked_query(parsed)


def check_syntax(text: str) -> None:
    """Unbalanced quotes or brackets, dangling operators, unknown or empty fields."""
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    stack: list[str] = []
    previous: str | None = None
    for index, (token, _start, end) in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        _check_token(token, end, following, previous, stack)
        previous = token
    if stack:
        raise ArchiveError(
            f'a "{stack[-1]}" is not closed: add the matching "{_OPENERS[stack[-1]]}"'
        )
    if previous in _BINARY or previous == "NOT":
        raise ArchiveError(f"{previous} needs a search term after it")


def _check_token(
    token: str,
    end: int,
    following: tuple[str, int, int] | None,
    previous: str | None,
    stack: list[str],
) -> None:
    if token.startswith('"'):
        if len(token) == 1 or not token.endswith('"'):
            raise ArchiveError('a quotation mark is not closed: add the closing "')
    elif token in _OPENERS:
        stack.append(token)
    elif token in _OPENERS.values():
        if not stack or _OPENERS[stack[-1]] != token:
            raise ArchiveError(f'a "{token}" has no matching opening bracket')
        if previous in _BINARY or previous == "NOT":
            raise ArchiveError(f"{previous} needs a search term after it")
        stack.pop()
    elif token in _BINARY:
        if previous is None or previous in _BINARY or previous in ("NOT", "(", "[", "{"):
            raise ArchiveError(f"{token} needs a search term on each side")
    elif token == "NOT":
        if previous == "NOT":
            raise ArchiveError("NOT needs a search term after it")
    else:
        _check_field(token, end, following)


def _check_field(token: str, end: int, following: tuple[str, int, int] | None) -> None:
    match = _FIELD.match(token)
    if not match:
        return
    name, value = match.group(1), match.group(2)
    attached = following is not None and following[1] == end
    if name.lower() not in KNOWN_FIELDS:
        if value or attached:
            raise ArchiveError(
                f'unknown field "{name}:"; you can search '
                f"{', '.join(f'{f}:' for f in QUERY_FIELDS)}"
            )
        return
    if not value and not attached:
        raise ArchiveError(f'"{name}:" needs a value, e.g. {name}:word or {name}:"two words"')


def _check_nodes(node: object) -> None:
    """The parser marks what it could not read (a date like `date:someday`) with ErrorNodes."""
    if isinstance(node, ErrorNode):
        raise ArchiveError(f"cannot read {node.node!r} in the query: {node.message}")
    for child in getattr(node, "nodes", None) or ():
        _check_nodes(child)


def _checked_query(parsed: wq.Query) -> wq.Query:
    if parsed is wq.NullQuery or isinstance(parsed, type(wq.NullQuery)):
        raise ArchiveError(
            "nothing to search for: the query has only common words "
            "(like `the` or `of`) or empty fields"
        )
    for leaf in parsed.leaves() if not parsed.is_leaf() else [parsed]:
        _check_leaf(leaf)
    return parsed


def _check_leaf(leaf: wq.Query) -> None:
    if isinstance(leaf, wq.Every):
        raise ArchiveError(
            "a lone * would match every passage: add letters before it, "
            "or leave the query empty and choose a person or outlet"
        )
    if isinstance(leaf, wq.Wildcard | wq.Prefix):
        literal = re.split(r"[*?]", leaf.text, maxsplit=1)[0]
        if len(literal) < MIN_WILDCARD_PREFIX:
            raise ArchiveError(
                f"{leaf.text}: a wildcard needs at least {MIN_WILDCARD_PREFIX} "
                "letters before * or ?"
            )
    if isinstance(leaf, wq.FuzzyTerm) and leaf.prefixlength < 1:
        leaf.prefixlength = 1  # the first letter must match: keeps `word~` fast
