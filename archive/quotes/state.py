"""What attribution carries through a document: the cast, the quotes so far, the last speaker."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from archive.model import Passage, Quote
from archive.quotes.cast import Cast, Member
from archive.quotes.sources import Source


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
    sources: dict[int, list[Source]] = field(default_factory=dict)  # by passage index
    quoted: dict[int, int] = field(default_factory=dict)  # quotes so far, by id(member)
    quoting: set[int] = field(default_factory=set)  # passage indexes whose sources are needed
    last_speaker: Member | None = None
    last_passage: int = -10
    continuing: Member | None = None  # speaker of a quote left open at the end of a passage

    def __post_init__(self) -> None:
        self._index = {p.n: i for i, p in enumerate(self.passages)}

    def index_of(self, n: int) -> int:
        """The index of the passage numbered `n`."""
        return self._index[n]

    def passage_n(self, index: int) -> int:
        """The document's number for the passage at `index`."""
        return self.passages[index].n if 0 <= index < len(self.passages) else index + 1
