"""The archive's types: documents, passages, quotes, people and fields with their provenance.

Plain data, no I/O. The ingest pipeline fills a `Document`; the catalog persists it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

PASSAGE_KINDS = ("body", "heading", "comment", "caption")
SEARCHABLE_KINDS = ("body", "heading")

# Where a field's value came from (DESIGN.md, "Provenance of provenance").
# `warc` is a WARC record header (WARC-Date, WARC-Target-URI): the crawl's own record.
FIELD_SOURCES = ("librarian", "html-meta", "byline", "text", "url", "inferred", "warc")

# The metadata fields every document may carry; `authors` is a list of strings, `published`
# and `captured` ISO dates to their known precision (YYYY, YYYY-MM or YYYY-MM-DD).
FIELD_NAMES = ("title", "outlet", "host", "authors", "published", "captured", "url", "language")
# The fields a librarian may type beside an upload (`captured` comes from the crawl itself).
UPLOAD_FIELDS = tuple(name for name in FIELD_NAMES if name != "captured")

FORMATS = ("text", "html", "warc")

# Flags a document may carry for a librarian's review: flag -> what was found.
FLAG_LONG_PASSAGES = "long-passages"  # paragraphs over the length limit were split


@dataclass
class Field:
    """One metadata value and where it came from."""

    value: Any
    source: str
    evidence: str | None = None
    # True when the archive is unsure of the value (e.g. a date that may be a capture date).
    uncertain: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "source": self.source,
            "evidence": self.evidence,
            "uncertain": self.uncertain,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Field:
        return cls(
            value=data.get("value"),
            source=data.get("source", "inferred"),
            evidence=data.get("evidence"),
            uncertain=bool(data.get("uncertain", False)),
        )


_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, month or day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        if self.day and self.month:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def parts(self) -> list[int]:
        """CSL-style date-parts: [year], [year, month] or [year, month, day]."""
        return [p for p in (self.year, self.month, self.day) if p]

    @classmethod
    def parse(cls, text: str | None) -> PartialDate | None:
        """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; anything else is None."""
        if not text:
            return None
        match = _ISO_DATE.match(text.strip()[:10] if len(text) > 10 else text.strip())
        if not match:
            return None
        year, month, day = (int(g) if g else None for g in match.groups())
        if month is not None and not 1 <= month <= 12:
            return None
        if day is not None and not 1 <= day <= 31:
            return None
        return cls(year, month, day)


def passage_id(doc_id: int, n: int) -> str:
    """A passage's id: its document and its number (`12-p3`)."""
    return f"{doc_id}-p{n}"


def parse_passage_id(text: str) -> tuple[int, int] | None:
    """`12-p3` -> (12, 3); anything else -> None."""
    match = re.fullmatch(r"(\d{1,18})-p(\d{1,9})", text.strip())
    return (int(match.group(1)), int(match.group(2))) if match else None


@lru_cache(maxsize=4096)  # ingest asks twice per passage: for the catalog, then the index
def fingerprint(text: str) -> str:
    """The same words in the same order, whatever the spacing, case or punctuation."""
    words = re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold())
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()


@dataclass
class Passage:
    """A paragraph of a document, numbered from 1 in reading order."""

    n: int
    kind: str
    text: str
    speakers: list[str] = field(default_factory=list)
    id: str | None = None


SPEAKER_KINDS = ("person", "organisation")


@dataclass
class Quote:
    """A direct quotation and the person or organisation it is attributed to.

    `confidence` is the probability, calibrated on development data, that `speaker` is right
    (for `speaker=None`, that no one is named); 0.0 when nothing measured it. `evidence` says
    why: {"cue": the cue phrase or None, "rule": the rule or model that chose, "chain": for a
    resolved reference the mentions it went through, e.g. [{"paragraph": 7, "text": "he"},
    {"paragraph": 3, "text": "Ethan Gutmann"}], "candidates": other plausible speakers' names,
    best first, for a librarian's review}. `verified` is True once a librarian confirmed or
    corrected the speaker.
    """

    text: str
    passage_n: int
    speaker: str | None
    cue: str | None = None
    # Character offsets of the quoted text within its passage.
    start: int = 0
    end: int = 0
    # Index into Document.quotes of the quote this one is nested in (a person recounting
    # what someone told them).
    nested_in: int | None = None
    id: int | None = None
    confidence: float = 0.0
    evidence: dict[str, Any] = field(default_factory=dict)
    speaker_kind: str | None = None  # one of SPEAKER_KINDS, None when there is no speaker
    verified: bool = False
    speaker_id: int | None = None  # the person record, once the catalog holds the quote


@dataclass
class PersonMention:
    """A person or organisation as one document introduces them."""

    name: str
    kind: str = "person"  # "person" or "organisation"
    aliases: list[str] = field(default_factory=list)
    role: str | None = None


@dataclass
class Original:
    """The archived bytes a document came from."""

    filename: str
    sha256: str  # of the file in originals/
    format: str  # "text", "html" or "warc"
    bytes: int
    # For a record of a WARC/ARC file: its position and the record's own digest.
    record: int | None = None
    content_sha256: str | None = None  # hash of the document's own bytes (the record payload)


@dataclass
class Document:
    """An archived article: its fields, passages, quotes and the people quoted."""

    original: Original
    fields: dict[str, Field] = field(default_factory=dict)
    passages: list[Passage] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    people: list[PersonMention] = field(default_factory=list)
    id: int | None = None
    status: str = "active"  # "active" or "withdrawn"
    # for a librarian's review: flag (FLAG_LONG_PASSAGES, ...) -> what was found
    flags: dict[str, str] = field(default_factory=dict)

    def value(self, name: str, default: Any = None) -> Any:
        found = self.fields.get(name)
        return default if found is None or found.value in (None, "", []) else found.value

    def set(
        self,
        name: str,
        value: Any,
        source: str,
        evidence: str | None = None,
        *,
        uncertain: bool = False,
    ) -> None:
        self.fields[name] = Field(value, source, evidence, uncertain)

    def searchable(self) -> list[Passage]:
        return [p for p in self.passages if p.kind in SEARCHABLE_KINDS]

    def attributions_of(self, passage_n: int) -> list[dict[str, Any]]:
        """Who a passage quotes, once each in order: name, person record, the highest
        confidence of their quotes there, and whether a librarian verified one."""
        return self.attributions().get(passage_n, [])

    def attributions(self) -> dict[int, list[dict[str, Any]]]:
        """`attributions_of` for every passage at once (one pass over the quotes, so a long
        document costs its length, not its length times its quotes)."""
        found: dict[int, dict[str, dict[str, Any]]] = {}
        for quote in self.quotes:
            if not quote.speaker:
                continue
            entry = found.setdefault(quote.passage_n, {}).setdefault(
                quote.speaker,
                {"name": quote.speaker, "person_id": quote.speaker_id, "confidence": 0.0,
                 "verified": False},
            )  # fmt: skip
            entry["confidence"] = round(max(entry["confidence"], quote.confidence), 3)
            entry["verified"] = entry["verified"] or quote.verified
        return {n: list(people.values()) for n, people in found.items()}


@dataclass
class FailedItem:
    """An input that could not be archived: why (one line naming the source), and what kind
    of failure it is (an `archive.errors` kind: "too-large", "unsupported", "unreadable")."""

    source: str  # file name, with the record number for a WARC record
    error: str
    kind: str = "unreadable"

    @classmethod
    def of(cls, source: str, error: Exception | str, kind: str | None = None) -> FailedItem:
        """The failure of `source`, its message prefixed with the source name once."""
        message = getattr(error, "message", None) or str(error)
        message = " ".join(message.split())
        if not message.startswith(source):
            message = f"{source}: {message}"
        return cls(source, message, kind or getattr(error, "kind", "unreadable"))

    @property
    def status(self) -> int:
        """The HTTP status a web door answers this failure with."""
        from archive.errors import KINDS

        return KINDS.get(self.kind, KINDS["unreadable"]).status
