"""A citation record: what one document (and the passages quoted from it) says about itself.

Built only from the document's stored fields; a field the document lacks stays empty and each
writer leaves it out. Every writer (BibTeX, biblatex, RIS, CSL-JSON, formatted styles) reads
these records and nothing else. Every name decision (family and given names, organisations
kept whole, particles, CJK order) is `archive.personnames`'.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from archive.addresses import is_web_address
from archive.citations.keys import citation_key
from archive.errors import ArchiveError, InvalidValue
from archive.model import Document, PartialDate, Passage
from archive.personnames import PersonName, parse_byline, parse_name, same_person

ARCHIVE_NAME = "Cuttings"

_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Author:
    """A byline name: a person (family and given names) or an organisation kept whole."""

    name: str
    family: str | None = None  # None for a corporate author
    given: str | None = None
    # BibTeX would split the family name at its particle ("al-Rashid", "Ó Briain").
    family_braced: bool = False

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
class Speaker:
    """A person or organisation a passage quotes: the name in full, and as a prefix names it."""

    name: str
    cited_as: str  # the family name of a person, an organisation or role whole

    @classmethod
    def of(cls, name: str, kind: str | None = None) -> Speaker:
        parsed = parse_name(name, kind)
        return cls(parsed.full or name, parsed.cited_as or name)


@dataclass(frozen=True)
class QuotedPassage:
    """A quoted paragraph: its number (the locator), its text and the people it quotes (only
    attributions verified or at least as sure as the threshold; the others are `withheld`)."""

    n: int
    text: str
    speakers: tuple[Speaker, ...] = ()
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
    url: str | None  # the original (or repost) address, when the document records one
    accessed: str  # ISO date: the capture date, else the day the archive added the document
    document_url: str  # the archive's page for the document
    permalink: str  # document_url, with `#p<n>` when exactly one passage is cited
    sha256: str  # of the archived original
    host: str | None = None  # where the archived copy came from when it is a repost
    language: str | None = None
    passages: tuple[QuotedPassage, ...] = ()
    doc_id: int | None = None

    @property
    def link(self) -> str:
        """Where a reader follows the reference: the original URL, else the permalink."""
        return self.url or self.permalink

    @property
    def short_title(self) -> str | None:
        """The title up to its first colon, when that leaves a shorter title."""
        head, sep, tail = self.title.partition(": ")
        return head.strip() if sep and head.strip() and tail.strip() else None

    @property
    def quoted_people(self) -> list[str]:
        """The people the cited passages quote, each once, in order of appearance."""
        return _unique(s.name for p in self.passages for s in p.speakers)

    @property
    def repost_note(self) -> str | None:
        """ "Reposted on <host>", or the host's own wording when it already says repost."""
        if not self.host:
            return None
        if "repost" in self.host.lower():
            return self.host[0].upper() + self.host[1:]
        return f"Reposted on {self.host}"

    @property
    def repost_phrase(self) -> str | None:
        """The repost note as it reads mid-sentence ("forum repost by striver44")."""
        note = self.repost_note
        return note[0].lower() + note[1:] if note else None

    @property
    def locator(self) -> str | None:
        """The paragraph numbers of the cited passages, as a locator ("3" or "3, 7")."""
        return ", ".join(str(p.n) for p in self.passages) or None

    def passage_link(self, passage: QuotedPassage) -> str:
        """The archive's permalink to one cited paragraph."""
        return f"{self.document_url}#p{passage.n}"


def _unique(items: Iterable[str]) -> list[str]:
    """Keep the first of each item, in order."""
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)


def flatten(text: str) -> str:
    """Collapse newlines and runs of whitespace into single spaces; drop control characters."""
    return _SPACES.sub(" ", _CONTROL.sub("", text)).strip()


def author_of(name: PersonName) -> Author:
    """A parsed byline name as an Author: family/given for a person, else whole."""
    if name.kind != "person" or not name.family:
        return Author(name.written)
    return Author(name.display, name.family, name.given or None, name.family_braced)


def parse_author(name: str, organisations: Iterable[str] = ()) -> Author:
    """Split a byline name into family and given names, or keep an organisation whole."""
    return author_of(parse_byline(flatten(name), frozenset(organisations)))


def passage_speakers(
    document: Document, passage: Passage, threshold: float = ATTRIBUTION_THRESHOLD
) -> tuple[tuple[Speaker, ...], tuple[Withheld, ...]]:
    """The people a passage quotes that a citation may name (verified, or confidence at or
    above `threshold`), and those it must leave out: the one place a quoted person enters a
    citation. A passage with no quotes recorded falls back on its own speakers (documents
    made by hand). The authors of the article are not "quoted in" their own article."""
    quotes = [q for q in document.quotes if q.passage_n == passage.n and q.speaker]
    kinds = {flatten(q.speaker or ""): q.speaker_kind for q in quotes}
    withheld: tuple[Withheld, ...] = ()
    if not quotes:
        names = _unique(flatten(s) for s in passage.speakers if s and s.strip())
    else:
        sure: dict[str, None] = {}
        unsure: dict[str, float] = {}
        for quote in quotes:
            name = flatten(quote.speaker or "")
            if quote.verified or quote.confidence >= threshold:
                sure[name] = None
            else:
                unsure[name] = max(unsure.get(name, 0.0), quote.confidence)
        names = list(sure)
        withheld = tuple(Withheld(n, c, threshold) for n, c in unsure.items() if n not in sure)
    authors = _byline(document)
    speakers = tuple(
        Speaker.of(name, kinds.get(name))
        for name in names
        if not any(same_person(name, author) for author in authors)
    )
    return speakers, withheld


def accessed_date(document: Document, added: str) -> str:
    """The access date: the document's capture date if stored, else the date it was added."""
    for candidate in (document.value("captured"), added):
        date = PartialDate.parse(str(candidate)[:10]) if candidate else None
        if date:
            return date.iso()
    raise InvalidValue(f"no access date: {added!r} is not an ISO date (YYYY-MM-DD)")


def _byline(document: Document) -> list[str]:
    names = document.value("authors", [])
    if isinstance(names, str):
        names = [names]
    return [flatten(str(n)) for n in names if n and str(n).strip()]


def _authors(document: Document) -> tuple[Author, ...]:
    """The document's byline as Author values."""
    names = _byline(document)
    organisations = [p.name for p in document.people if p.kind == "organisation"]
    outlet = document.value("outlet")
    organisations += [n for n in names if outlet and outlet.lower() in n.lower()]
    return tuple(parse_author(n, organisations) for n in names)


def _web_address(value: object) -> str | None:
    """The document's address, if it is one a citation may give (http or https)."""
    address = flatten(str(value or ""))
    return address if is_web_address(address) else None


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
    host = document.value("host")
    return CitationRecord(
        key=citation_key(authors[0].short if authors else outlet, published, title, key_sha),
        title=title,
        outlet=flatten(outlet) if outlet else None,
        authors=authors,
        published=published,
        published_uncertain=bool(published and published_field and published_field.uncertain),
        url=_web_address(document.value("url")),
        accessed=accessed_date(document, added),
        document_url=document_url,
        permalink=_permalink(document_url, quoted),
        sha256=sha256,
        host=flatten(str(host)) if host else None,
        language=document.value("language"),
        passages=quoted,
        doc_id=document.id,
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
