"""A citation record: what one document (and the passages quoted from it) says about itself.

Built only from the document's stored fields; a field the document lacks stays empty and each
writer leaves it out. Every writer (BibTeX, biblatex, RIS, CSL-JSON, formatted styles) reads
these records and nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from archive.citations.keys import citation_key
from archive.errors import ArchiveError, InvalidValue
from archive.model import Document, PartialDate, Passage

ARCHIVE_NAME = "Cuttings"

# A byline word that marks a corporate author ("OpIndia Staff", "BBC News Desk").
CORPORATE_WORDS = frozenset(
    [
        "staff",
        "desk",
        "team",
        "bureau",
        "editorial",
        "editors",
        "editor's",
        "agency",
        "agencies",
        "reporters",
        "correspondents",
        "newsroom",
        "service",
        "services",
        "press",
        "news",
        "online",
        "web",
        "digital",
        "media",
        "wire",
        "wires",
        "board",
        "network",
        "foundation",
        "institute",
        "association",
        "committee",
        "council",
        "ministry",
        "government",
        "office",
    ]
)
# Lowercase name particles that belong to the family name ("Ludwig van Beethoven").
PARTICLES = frozenset(
    [
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "du",
        "la",
        "le",
        "bin",
        "ibn",
        "al",
        "el",
        "ter",
    ]
)

_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Author:
    """A byline name: a person (family and given names) or an organisation kept whole."""

    name: str
    family: str | None = None  # None for a corporate author
    given: str | None = None

    @property
    def is_corporate(self) -> bool:
        return self.family is None

    @property
    def short(self) -> str:
        """The name as an in-text citation gives it: the family name, or the whole name."""
        return self.family or self.name


# Confidence at or above which an attribution is cited without a librarian's confirmation
# (CUTTINGS_ATTRIBUTION_THRESHOLD): on held-out news, 95% or more of them are right.
ATTRIBUTION_THRESHOLD = 0.9


@dataclass(frozen=True)
class Withheld:
    """A person attribution named for a passage but a citation leaves out, and why."""

    name: str
    confidence: float
    threshold: float

    @property
    def reason(self) -> str:
        return (
            f"attributed to {self.name} with confidence {self.confidence:.2f}, below the "
            f"archive's threshold of {self.threshold:.2f}, and not confirmed by a librarian"
        )


@dataclass(frozen=True)
class QuotedPassage:
    """A quoted paragraph: its number (the locator), its text and the people it quotes (only
    attributions verified or at least as sure as the threshold; the others are `withheld`)."""

    n: int
    text: str
    speakers: tuple[str, ...] = ()
    withheld: tuple[Withheld, ...] = ()


@dataclass(frozen=True)
class CitationRecord:
    """Everything a citation of one archived article may say, from the document's fields."""

    key: str
    title: str
    outlet: str | None
    authors: tuple[Author, ...]
    published: PartialDate | None
    published_uncertain: bool
    url: str | None
    accessed: str  # ISO date: the capture date, else the day the archive added the document
    document_url: str  # the archive's page for the document
    permalink: str  # document_url, with `#p<n>` when exactly one passage is cited
    sha256: str  # of the archived original
    host: str | None = None  # where the archived copy came from when it is a repost
    language: str | None = None
    passages: tuple[QuotedPassage, ...] = ()

    @property
    def short_title(self) -> str | None:
        """The title up to its first colon, when that leaves a shorter title."""
        head, sep, tail = self.title.partition(": ")
        return head.strip() if sep and head.strip() and tail.strip() else None

    @property
    def quoted_people(self) -> list[str]:
        """The people the cited passages quote, each once, in order of appearance."""
        return _unique(s for p in self.passages for s in p.speakers)

    @property
    def repost_note(self) -> str | None:
        """ "Reposted on <host>", or the host's own wording when it already says repost."""
        if not self.host:
            return None
        if "repost" in self.host.lower():
            return self.host[0].upper() + self.host[1:]
        return f"Reposted on {self.host}"

    @property
    def locator(self) -> str | None:
        """The paragraph numbers of the cited passages, as a locator ("3" or "3, 7")."""
        return ", ".join(str(p.n) for p in self.passages) or None


def _unique(items: Iterable[str]) -> list[str]:
    """Keep the first of each item, in order."""
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)


def flatten(text: str) -> str:
    """Collapse newlines and runs of whitespace into single spaces; drop control characters."""
    return _SPACES.sub(" ", _CONTROL.sub("", text)).strip()


def parse_author(name: str, organisations: Iterable[str] = ()) -> Author:
    """Split a byline name into family and given names, or keep an organisation whole."""
    name = flatten(name)
    words = name.split()
    lowered = {w.lower().strip(".,") for w in words}
    if (
        name in set(organisations)
        or len(words) < 2
        or lowered & CORPORATE_WORDS
        or any(ch.isdigit() or ch in "&@/" for ch in name)
    ):
        return Author(name)
    if "," in name:
        family, _, given = name.partition(",")
        return (
            Author(name, family.strip(), given.strip() or None) if family.strip() else Author(name)
        )
    cut = len(words) - 1
    while cut > 1 and words[cut - 1] in PARTICLES:
        cut -= 1
    return Author(name, " ".join(words[cut:]), " ".join(words[:cut]))


def passage_speakers(
    document: Document, passage: Passage, threshold: float = ATTRIBUTION_THRESHOLD
) -> tuple[tuple[str, ...], tuple[Withheld, ...]]:
    """The people a passage quotes that a citation may name (verified, or confidence at or
    above `threshold`), and those it must leave out. A passage with no quotes recorded falls
    back on its own speakers (documents made by hand)."""
    quotes = [q for q in document.quotes if q.passage_n == passage.n and q.speaker]
    if not quotes:
        return tuple(_unique(flatten(s) for s in passage.speakers if s and s.strip())), ()
    sure: dict[str, None] = {}
    unsure: dict[str, float] = {}
    for quote in quotes:
        name = flatten(quote.speaker or "")
        if quote.verified or quote.confidence >= threshold:
            sure[name] = None
        else:
            unsure[name] = max(unsure.get(name, 0.0), quote.confidence)
    withheld = tuple(Withheld(n, c, threshold) for n, c in unsure.items() if n not in sure)
    return tuple(sure), withheld


def accessed_date(document: Document, added: str) -> str:
    """The access date: the document's capture date if stored, else the date it was added."""
    for candidate in (document.value("captured"), added):
        date = PartialDate.parse(str(candidate)[:10]) if candidate else None
        if date:
            return date.iso()
    raise InvalidValue(f"no access date: {added!r} is not an ISO date (YYYY-MM-DD)")


def _authors(document: Document) -> tuple[Author, ...]:
    """The document's byline as Author values."""
    names = document.value("authors", [])
    if isinstance(names, str):
        names = [names]
    organisations = [p.name for p in document.people if p.kind == "organisation"]
    outlet = document.value("outlet")
    organisations += [n for n in names if outlet and outlet.lower() in n.lower()]
    return tuple(parse_author(n, organisations) for n in names if n and str(n).strip())


def _permalink(document_url: str, passages: Sequence[QuotedPassage]) -> str:
    """The document's archive URL, pointing at the paragraph when one passage is cited."""
    return f"{document_url}#p{passages[0].n}" if len(passages) == 1 else document_url


def record_for(
    document: Document,
    *,
    passages: Sequence[Passage] = (),
    base_url: str,
    added: str,
    threshold: float = ATTRIBUTION_THRESHOLD,
) -> CitationRecord:
    """Build the citation record of a document, or of passages quoted from it."""
    if document.status == "withdrawn":
        raise ArchiveError(f"document {document.id} is withdrawn and cannot be cited")
    authors = _authors(document)
    title = flatten(str(document.value("title", "")))
    outlet = document.value("outlet")
    published_field = document.fields.get("published")
    published = PartialDate.parse(document.value("published"))
    sha256 = document.original.sha256
    quoted = tuple(
        QuotedPassage(p.n, flatten(p.text), *passage_speakers(document, p, threshold))
        for p in sorted(passages, key=lambda p: p.n)
    )
    document_url = f"{base_url.rstrip('/')}/documents/{document.id}"
    key_sha = document.original.content_sha256 or sha256
    return CitationRecord(
        key=citation_key(authors[0].short if authors else outlet, published, title, key_sha),
        title=title,
        outlet=flatten(outlet) if outlet else None,
        authors=authors,
        published=published,
        published_uncertain=bool(published and published_field and published_field.uncertain),
        url=flatten(str(document.value("url", ""))) or None,
        accessed=accessed_date(document, added),
        document_url=document_url,
        permalink=_permalink(document_url, quoted),
        sha256=sha256,
        host=document.value("host"),
        language=document.value("language"),
        passages=quoted,
    )


def merge_records(records: Iterable[CitationRecord]) -> list[CitationRecord]:
    """Merge records of the same article (same key) into one that notes all their passages."""
    merged: dict[str, CitationRecord] = {}
    for record in records:
        first = merged.get(record.key)
        if first is None:
            merged[record.key] = record
            continue
        by_n = {p.n: p for p in (*first.passages, *record.passages)}
        passages = tuple(by_n[n] for n in sorted(by_n))
        merged[record.key] = replace(
            first, passages=passages, permalink=_permalink(first.document_url, passages)
        )
    return list(merged.values())
