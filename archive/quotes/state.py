"""What attribution carries through a document: the cast, the quotes so far, the last speaker."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from archive.model import Passage, Quote
from archive.quotes.cast import Cast, Member
from archive.quotes.sources import Source, find_sources
from archive.quotes.spans import Span


class PassageSources:
    """The possible sources of each passage, found when first asked for (a passage before a
    quote matters only if that quote opens its paragraph)."""

    def __init__(self, common_words: set[str]) -> None:
        self._pending: dict[int, tuple[str, list[Span]]] = {}
        self._found: dict[int, list[Source]] = {}
        self._words = common_words

    def add(self, index: int, text: str, spans: list[Span]) -> None:
        self._pending[index] = (text, spans)

    def get(self, index: int, default: list[Source] | None = None) -> list[Source]:
        if index not in self._found:
            if index not in self._pending:
                return default if default is not None else []
            self._found[index] = find_sources(*self._pending.pop(index), self._words)
        return self._found[index]


@dataclass
class State:
    """The running state of one document's attribution."""

    passages: list[Passage]  # reading views of the quoted kinds, in order
    originals: dict[int, str]  # passage texts by number, as stored
    common_words: set[str]
    cast: Cast = field(default_factory=Cast)
    quotes: list[Quote] = field(default_factory=list)
    speakers: list[Member | None] = field(default_factory=list)  # parallel to quotes
    decisions: list[Any] = field(default_factory=list)  # parallel to quotes (choice.Choice)
    sources: PassageSources = field(init=False)  # by passage index
    quoted: dict[int, int] = field(default_factory=dict)  # quotes so far, by id(member)
    quoting: set[int] = field(default_factory=set)  # passage indexes whose sources are needed
    last_speaker: Member | None = None
    last_passage: int = -10
    continuing: Member | None = None  # speaker of a quote left open at the end of a passage

    def __post_init__(self) -> None:
        self._index = {p.n: i for i, p in enumerate(self.passages)}
        self.sources = PassageSources(self.common_words)

    def index_of(self, n: int) -> int:
        """The index of the passage numbered `n`."""
        return self._index[n]

    def passage_n(self, index: int) -> int:
        """The document's number for the passage at `index`."""
        return self.passages[index].n if 0 <= index < len(self.passages) else index + 1
