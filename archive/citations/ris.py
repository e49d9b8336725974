"""RIS (`TY  - NEWS`) for citation records, written through rispy in Zotero's field order.

The tags are those Zotero's RIS import translator reads for a newspaper article: `AU` as
author (without a comma a corporate author: `AU  - OpIndia Staff`), `T2` the outlet, `DA` the
date to its precision and `PY` its year, `UR` the URL to follow (the original, else the
archive's permalink), `AN` the permalink (Loc. in Archive), `DB` the archive (Archive), `Y2`
the access date, `N1` one note per line (quoted people, repost, passages, SHA-256), `M2` a
"Citation Key:" line (Zotero's Extra, which Better BibTeX and Zotero 7 read) and `ID` the key
for other readers. CRLF line ends, UTF-8, and every value flattened to one line (rispy reads a
continuation line as an extra item).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import rispy

from archive.citations.record import ARCHIVE_NAME, Author, CitationRecord, flatten, merge_records

# rispy's tags, with M2 (which Zotero imports into Extra) for the "Citation Key:" line.
MAPPING = {**rispy.TAG_KEY_MAPPING, "M2": "extra_line"}


class _Writer(rispy.RisWriter):
    """rispy's writer without the `1.` header lines, with CRLF line ends and M2."""

    NEWLINE = "\r\n"
    DEFAULT_MAPPING = MAPPING

    def set_header(self, count: int) -> str:
        return ""


def _ris_date(iso: str) -> str:
    """`2020-12-04` -> `2020/12/04/`, `2020-12` -> `2020/12//`, `2020` -> `2020///`."""
    parts = iso.split("-") + ["", ""]
    return f"{parts[0]}/{parts[1]}/{parts[2]}/"


def _author(author: Author) -> str:
    """`Family, Given` for a person; an organisation whole (no comma)."""
    if author.is_corporate:
        return flatten(author.name.replace(",", " "))
    return f"{author.family}, {author.given}" if author.given else str(author.family)


def notes(record: CitationRecord) -> list[str]:
    """The N1 notes, one per line: quoted people, repost, SHA-256 and passages."""
    found = [f"Quoted: {person}" for person in record.quoted_people]
    if record.repost_note:
        found.append(record.repost_note)
    if record.published_uncertain:
        found.append("Publication date uncertain")
    found.append(f"SHA-256 of the archived original: {record.sha256}")
    found += [f"Passage {p.n} ({record.passage_link(p)}): {p.text}" for p in record.passages]
    return [flatten(n) for n in found]


def entry(record: CitationRecord) -> dict[str, Any]:
    """The rispy dict for one record, keys in Zotero's RIS export order."""
    item: dict[str, Any] = {"type_of_reference": "NEWS"}
    if record.title:
        item["title"] = record.title
    if record.authors:
        item["authors"] = [_author(a) for a in record.authors]
    if record.outlet:
        item["secondary_title"] = record.outlet
    if record.published:
        item["date"] = _ris_date(record.published.iso())
        item["year"] = f"{record.published.year:04d}"
    if record.language:
        item["language"] = record.language
    if record.short_title:
        item["short_title"] = record.short_title
    item["urls"] = [flatten(record.link)]
    item["accession_number"] = record.permalink
    item["name_of_database"] = ARCHIVE_NAME
    item["access_date"] = _ris_date(record.accessed)
    item["notes"] = notes(record)
    item["extra_line"] = f"Citation Key: {record.key}"
    item["id"] = record.key
    return item


def read(text: str) -> list[dict[str, Any]]:
    """Read RIS back with rispy and the same tags (M2 included)."""
    return rispy.loads(text, mapping=MAPPING)


def write(records: Iterable[CitationRecord]) -> str:
    """Write records as an RIS file."""
    return rispy.dumps([entry(r) for r in merge_records(records)], implementation=_Writer)
