"""The project's query model: what a reader's query means, independent of any engine.

`index.parse` turns the text a reader typed into these nodes; each engine compiles them
(index.whoosh.compile for Whoosh). Words are kept as typed: analysing them (case, accents,
stems, stop words) is the engine's business, field by field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# Fields a reader may name, and the other names they may use for them.
FIELDS = ("text", "title", "person", "outlet", "host", "author", "date", "year", "kind")
FIELD_ALIASES = {"speaker": "person", "authors": "author", "byline": "author", "published": "date"}
DEFAULT_FIELD = "text"
DATE_FIELDS = ("date", "year")
MAX_FUZZY_EDITS = 2


@dataclass(frozen=True)
class Term:
    """A word in a field."""

    field: str
    text: str
    boost: float = 1.0


@dataclass(frozen=True)
class Phrase:
    """Words in this order (`slop` other words may come between them)."""

    field: str
    words: tuple[str, ...]
    slop: int = 0
    boost: float = 1.0


@dataclass(frozen=True)
class Prefix:
    """Words that begin with `text` (`harv*`)."""

    field: str
    text: str
    boost: float = 1.0


@dataclass(frozen=True)
class Wildcard:
    """Words matching a pattern where `*` is any letters and `?` one letter (`h?rvest*`)."""

    field: str
    pattern: str
    boost: float = 1.0


@dataclass(frozen=True)
class Fuzzy:
    """Words within `edits` letter changes of `text` (`harvst~`, `harvst~2`)."""

    field: str
    text: str
    edits: int = 1
    boost: float = 1.0


@dataclass(frozen=True)
class DateRange:
    """Passages published from day `first` to day `last`, both included (either open)."""

    first: dt.date | None
    last: dt.date | None


@dataclass(frozen=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    """Everything but what `item` matches (only meaningful beside something it excludes from)."""

    item: Node


Node = Term | Phrase | Prefix | Wildcard | Fuzzy | DateRange | And | Or | Not


def leaves(node: Node) -> list[Node]:
    """The word-level nodes of a query, left to right (what highlighting and limits look at)."""
    if isinstance(node, And | Or):
        return [leaf for item in node.items for leaf in leaves(item)]
    if isinstance(node, Not):
        return leaves(node.item)
    return [node]


def positive_leaves(node: Node) -> list[Node]:
    """The leaves a hit can contain (excluded words are not marked in a hit)."""
    if isinstance(node, And | Or):
        return [leaf for item in node.items for leaf in positive_leaves(item)]
    if isinstance(node, Not):
        return []
    return [node]


def written(node: Node) -> str:
    """A node as a reader would type it (`co*`, `council~2`, `person:"ana silva"`), for
    messages that name the part of a query they are about."""
    if isinstance(node, And | Or):
        joiner = " OR " if isinstance(node, Or) else " "
        return "(" + joiner.join(written(item) for item in node.items) + ")"
    if isinstance(node, Not):
        return "-" + written(node.item)
    if isinstance(node, DateRange):
        first = node.first.isoformat() if node.first else "*"
        last = node.last.isoformat() if node.last else "*"
        return f"date:[{first} TO {last}]"
    if isinstance(node, Phrase):
        body = '"' + " ".join(node.words) + '"' + (f"~{node.slop}" if node.slop else "")
    elif isinstance(node, Prefix):
        body = f"{node.text}*"
    elif isinstance(node, Wildcard):
        body = node.pattern
    elif isinstance(node, Fuzzy):
        body = f"{node.text}~{node.edits}"
    else:
        body = node.text
    return body if node.field == DEFAULT_FIELD else f"{node.field}:{body}"
