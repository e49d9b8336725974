"""Passages of bounded length: a block longer than the limit is cut at sentence ends, and a
sentence longer than the limit at the last space before it (or at the limit itself when
there is none: a 186 MB run of text without a space is still cut into passages)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

DEFAULT_MAX_PASSAGE_CHARS = 3000
# A sentence ends at . ! ? or … (with any closing quote or bracket) before a space.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+")
_SPACE_WINDOW = 0.2  # look this share of the limit back for a space to cut at


@dataclass
class SplitReport:
    """What splitting did to one document, for the librarian's flag."""

    blocks_split: int = 0
    pieces: int = 0
    hard_cuts: int = 0  # pieces cut inside a sentence (no sentence end near enough)

    def describe(self, limit: int) -> str:
        cuts = f", {self.hard_cuts:,} of them inside a sentence" if self.hard_cuts else ""
        return (
            f"{self.blocks_split:,} {'paragraph was' if self.blocks_split == 1 else 'paragraphs were'} "
            f"longer than {limit:,} characters and split into {self.pieces:,} passages{cuts}: "
            "check the extraction"
        )


def split_text(text: str, limit: int, report: SplitReport | None = None) -> list[str]:
    """`text` in pieces of at most `limit` characters, whole sentences where possible."""
    if len(text) <= limit:
        return [text]
    pieces = list(_pack(_sentences(text), limit, report))
    if report is not None:
        report.blocks_split += 1
        report.pieces += len(pieces)
    return pieces


def _sentences(text: str) -> Iterator[str]:
    start = 0
    for match in _SENTENCE_END.finditer(text):
        yield text[start : match.start() + len(match.group().rstrip())]
        start = match.end()
    if start < len(text):
        yield text[start:]


def _pack(sentences: Iterator[str], limit: int, report: SplitReport | None) -> Iterator[str]:
    """Sentences joined into pieces up to `limit`; an over-long sentence cut on its own."""
    current = ""
    for sentence in sentences:
        sentence = sentence.strip()
        if not sentence:
            continue
        if len(sentence) > limit:
            if current:
                yield current
                current = ""
            for piece in _cut(sentence, limit):
                if report is not None:
                    report.hard_cuts += 1
                yield piece
            continue
        joined = f"{current} {sentence}" if current else sentence
        if len(joined) > limit:
            yield current
            current = sentence
        else:
            current = joined
    if current:
        yield current


def _cut(text: str, limit: int) -> Iterator[str]:
    """A sentence longer than the limit, cut at the last space before each limit."""
    start = 0
    while len(text) - start > limit:
        end = start + limit
        space = text.rfind(" ", end - int(limit * _SPACE_WINDOW), end + 1)
        cut = space if space > start else end
        yield text[start:cut].strip()
        start = cut
    rest = text[start:].strip()
    if rest:
        yield rest
