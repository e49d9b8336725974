"""BibTeX and biblatex entries for citation records, written through bibtexparser 2.

Every dialect writes `@article` with the URL to follow (the original, else the archive's
permalink), `urldate` and the full date as `date`; BibTeX adds `year`/`month` (none for an
undated item) and a `note`; biblatex adds `entrysubtype = {newspaper}`, `journaltitle` and the
permalink as `eprint`; `biblatex-apa` is biblatex with `entrysubtype = {nonacademic}`, which
biblatex-apa needs to print a newspaper's full date (as Better BibTeX's biblatex-apa mode
writes it). Values are escaped by `archive.citations.latex` and written already enclosed, so
the unparse stack is empty.
"""

from __future__ import annotations

from collections.abc import Iterable

import bibtexparser
from bibtexparser.library import Library
from bibtexparser.model import Entry, Field

from archive.citations.latex import escape, escape_rich, url_value
from archive.citations.record import Author, CitationRecord, merge_records

DIALECTS = ("biblatex", "bibtex", "biblatex-apa")
MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
# ISO 639-1 codes biblatex's `langid` (babel/polyglossia names) can take.
LANGIDS = {
    "en": "english",
    "de": "german",
    "fr": "french",
    "es": "spanish",
    "it": "italian",
    "nl": "dutch",
    "pt": "portuguese",
    "ru": "russian",
    "he": "hebrew",
    "ar": "arabic",
}


def _braced(value: str) -> str:
    """Enclose an already escaped value in braces."""
    return "{" + value + "}"


def _name_part(text: str, unicode: bool) -> str:
    """Escape one name part, protecting a standalone "and" from splitting the list."""
    escaped = escape(text, unicode=unicode)
    return _braced(escaped) if " and " in f" {escaped.lower()} " else escaped


def _author(author: Author, unicode: bool) -> str:
    """`Family, Given` for a person (`{al-Rashid}, Omar`: braced where BibTeX would split
    the particle off), `{Name}` for an organisation."""
    if author.is_corporate:
        return _braced(escape(author.name, unicode=unicode))
    family = escape(author.family or "", unicode=unicode)
    family = _braced(family) if author.family_braced else _name_part(author.family or "", unicode)
    return f"{family}, {_name_part(author.given, unicode)}" if author.given else family


def _passages(record: CitationRecord) -> str:
    """The cited passages as one line: `[3] text [7] text`."""
    return " ".join(f"[{p.n}] {p.text}" for p in record.passages)


def _extra_fields(record: CitationRecord, unicode: bool) -> list[tuple[str, str]]:
    """The `x-` fields both dialects carry (kept by bibtexparser, ignored by BibTeX/biber)."""
    fields = [
        ("x-quoted-person", " and ".join(escape(p, unicode=unicode) for p in record.quoted_people)),
        ("x-passage", escape(_passages(record), unicode=unicode)),
        ("x-sha256", record.sha256),
        ("x-repost-url", url_value(record.url) if record.host and record.url else ""),
        ("x-host", escape(record.host, unicode=unicode) if record.host else ""),
        ("x-archive-url", url_value(record.permalink)),
    ]
    return [(name, value) for name, value in fields if value]


def _common_head(record: CitationRecord, unicode: bool) -> list[tuple[str, str]]:
    """Author, title and short title, escaped for the dialect."""
    fields = []
    if record.authors:
        fields.append(("author", " and ".join(_author(a, unicode) for a in record.authors)))
    if record.title:
        fields.append(("title", _braced(escape_rich(record.title, unicode=unicode))))
    if record.short_title:
        fields.append(("shorttitle", _braced(escape_rich(record.short_title, unicode=unicode))))
    return fields


def _dates(record: CitationRecord) -> list[tuple[str, str]]:
    """`date` to its precision (EDTF `?` when uncertain) and `urldate`; none invented."""
    fields = []
    if record.published:
        fields.append(
            ("date", record.published.iso() + ("?" if record.published_uncertain else ""))
        )
    return fields + [("urldate", record.accessed)]


def biblatex_fields(record: CitationRecord, subtype: str = "newspaper") -> list[tuple[str, str]]:
    """The biblatex fields of a record, as (name, escaped value) pairs."""
    fields = [("entrysubtype", subtype), *_common_head(record, unicode=True)]
    if record.outlet:
        fields.append(("journaltitle", escape(record.outlet)))
    fields += _dates(record)
    fields.append(("url", url_value(record.link)))
    fields += [("eprinttype", "NewsArchive"), ("eprint", url_value(record.permalink))]
    if record.repost_note:
        fields.append(("addendum", escape(record.repost_note)))
    if record.language and record.language.lower()[:2] in LANGIDS:
        fields.append(("langid", LANGIDS[record.language.lower()[:2]]))
    return fields + _extra_fields(record, unicode=True)


def _bibtex_note(record: CitationRecord) -> str:
    """The BibTeX `note`: day of publication, repost, access date and the archived copy."""
    parts = []
    date = record.published
    if date and date.day and date.month:
        parts.append(f"Published {date.day} {MONTH_NAMES[date.month - 1]} {date.year}.")
    if record.published_uncertain:
        parts.append("Publication date uncertain.")
    if record.repost_note:
        parts.append(record.repost_note.rstrip(".") + ".")
    parts.append(f"Accessed {record.accessed}.")
    text = escape(" ".join(parts), unicode=False)
    return f"{text} Archived copy: \\url{{{url_value(record.permalink)}}}"


def bibtex_fields(record: CitationRecord) -> list[tuple[str, str]]:
    """The BibTeX fields of a record, as (name, escaped value) pairs; `month` is a macro."""
    fields = _common_head(record, unicode=False)
    if not record.authors and record.outlet:
        fields.append(("key", escape(record.outlet, unicode=False)))
    if record.outlet:
        fields.append(("journal", escape(record.outlet, unicode=False)))
    if record.published:
        fields.append(("year", f"{record.published.year:04d}"))
        if record.published.month:
            fields.append(("month", MONTH_MACROS[record.published.month - 1]))
    fields += _dates(record)
    fields += [("url", url_value(record.link)), ("note", _bibtex_note(record))]
    return fields + _extra_fields(record, unicode=False)


def _entry(record: CitationRecord, dialect: str) -> Entry:
    """One `@article` entry; every value braced except the month macro."""
    if dialect == "bibtex":
        pairs = bibtex_fields(record)
    else:
        pairs = biblatex_fields(record, "nonacademic" if dialect == "biblatex-apa" else "newspaper")
    fields = [Field(k, v if k == "month" else _braced(v)) for k, v in pairs]
    return Entry("article", record.key, fields)


def write(records: Iterable[CitationRecord], *, dialect: str = "biblatex") -> str:
    """Write records as a biblatex (default) or BibTeX file."""
    if dialect not in DIALECTS:
        raise ValueError(f"unknown dialect {dialect!r}; expected one of {DIALECTS}")
    library = Library([_entry(r, dialect) for r in merge_records(records)])
    return bibtexparser.write_string(library, unparse_stack=[]) if library.entries else ""


def write_biblatex(records: Iterable[CitationRecord]) -> str:
    """Write records as biblatex (for biber)."""
    return write(records, dialect="biblatex")


def write_biblatex_apa(records: Iterable[CitationRecord]) -> str:
    """Write records as biblatex for the biblatex-apa style (`entrysubtype = {nonacademic}`)."""
    return write(records, dialect="biblatex-apa")


def write_bibtex(records: Iterable[CitationRecord]) -> str:
    """Write records as classic BibTeX (for bibtex and BibTeX-only tools)."""
    return write(records, dialect="bibtex")
