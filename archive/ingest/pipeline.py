"""The ingest pipeline composed in one place: each stage takes a Draft and returns it.

read (archive.ingest.read) yields Items; `run_pipeline` turns each Item into a Document:
decode -> extract -> segment -> quotes -> people -> metadata overrides.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from archive.ingest.split import DEFAULT_MAX_PASSAGE_CHARS
from archive.model import Document, Field, Original

Stage = Callable[["Draft"], "Draft"]


@dataclass
class Item:
    """One readable unit: a file, or one response record of a WARC/ARC file."""

    data: bytes  # the document's own bytes (a record's payload for WARC)
    filename: str  # display name, e.g. "crawl.warc.gz#3"
    format: str  # "text" or "html": how to extract it
    # The file stored in originals/: the item's own bytes, or the whole WARC it came from.
    container: bytes | None = None
    container_format: str | None = None  # "warc" when the item is a record
    record: int | None = None
    url: str | None = None  # target URI for a WARC record
    captured: str | None = None  # ISO capture date for a WARC record
    charset: str | None = None  # declared by an HTTP header, if any
    # The SHA-256 of `original_bytes` when the reader knows it: a WARC is hashed once, not
    # once per record.
    original_sha256: str | None = None

    @property
    def original_bytes(self) -> bytes:
        return self.container if self.container is not None else self.data


@dataclass
class Block:
    """An extracted piece of text before numbering: a paragraph with its kind."""

    kind: str  # one of archive.model.PASSAGE_KINDS
    text: str


@dataclass
class Draft:
    """A document in the making: what each stage reads and fills."""

    item: Item
    document: Document
    text: str = ""  # decoded text of the item
    encoding: str | None = None
    blocks: list[Block] = field(default_factory=list)
    overrides: dict[str, Field] = field(default_factory=dict)  # librarian's metadata
    max_passage_chars: int = DEFAULT_MAX_PASSAGE_CHARS  # longer blocks are split


def new_draft(
    item: Item,
    original: Original,
    overrides: dict[str, Field] | None = None,
    *,
    max_passage_chars: int | None = None,
) -> Draft:
    return Draft(
        item=item,
        document=Document(original=original),
        overrides=overrides or {},
        max_passage_chars=max_passage_chars or DEFAULT_MAX_PASSAGE_CHARS,
    )


def run_pipeline(draft: Draft, stages: Iterable[Stage]) -> Document:
    for stage in stages:
        draft = stage(draft)
    return draft.document
