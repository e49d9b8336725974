"""CSL-JSON (`article-newspaper`) for citation records, built by hand from their fields.

Corporate authors are `literal`, partial dates are short `date-parts`, an uncertain date adds
`circa`, an unknown one is left out. `URL` is the address to follow (the original, else the
archive's permalink); `citation-key`, `archive` and `archive_location` (the permalink) are
the CSL 1.0.2 variables Zotero imports as Citation Key, Archive and Loc. in Archive. Zotero maps
nothing from `custom`, so what only the archive knows is also in `note` as `Key: value` lines,
which Zotero reads into Extra ("Citation Key:" is Better BibTeX's). Text is escaped for JSON
only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from archive.citations.record import ARCHIVE_NAME, Author, CitationRecord, flatten, merge_records


def _name(author: Author) -> dict[str, str]:
    """A CSL name: family/given for a person, literal for an organisation."""
    if author.is_corporate:
        return {"literal": author.name}
    name = {"family": str(author.family)}
    if author.given:
        name["given"] = author.given
    return name


def _date_parts(iso: str) -> list[list[int]]:
    """`2020-12-04` -> `[[2020, 12, 4]]`."""
    return [[int(p) for p in iso.split("-")]]


def _custom(record: CitationRecord) -> dict[str, Any]:
    """The archive's own data, under the schema's `custom` key."""
    custom: dict[str, Any] = {"archive-url": record.permalink, "sha256": record.sha256}
    if record.quoted_people:
        custom["quoted-person"] = record.quoted_people
    if record.passages:
        custom["passage"] = " ".join(f"[{p.n}] {p.text}" for p in record.passages)
        custom["paragraphs"] = [p.n for p in record.passages]
    if record.host and record.url:
        custom["repost-url"] = record.url
    return custom


def note_lines(record: CitationRecord) -> list[str]:
    """The `Key: value` lines of `note` (Zotero's Extra), one fact each."""
    lines = [f"Citation Key: {record.key}"]
    if record.repost_note:
        lines.append(f"Repost: {record.repost_note}")
    lines += [f"Quoted person: {person}" for person in record.quoted_people]
    lines += [f"Passage {p.n}: {record.passage_link(p)} {p.text}" for p in record.passages]
    lines += [f"Archive URL: {record.permalink}", f"SHA-256: {record.sha256}"]
    return [flatten(line) for line in lines]


def item(record: CitationRecord) -> dict[str, Any]:
    """The CSL-JSON item of one record."""
    found: dict[str, Any] = {
        "id": record.key,
        "citation-key": record.key,
        "type": "article-newspaper",
    }
    if record.authors:
        found["author"] = [_name(a) for a in record.authors]
    if record.title:
        found["title"] = record.title
    if record.short_title:
        found["title-short"] = record.short_title
    if record.outlet:
        found["container-title"] = record.outlet
    if record.published:
        found["issued"] = {"date-parts": [record.published.parts()]}
        if record.published_uncertain:
            found["issued"]["circa"] = True
    found["accessed"] = {"date-parts": _date_parts(record.accessed)}
    found["URL"] = record.link
    if record.language:
        found["language"] = record.language
    found["archive"] = ARCHIVE_NAME
    found["archive_location"] = record.permalink
    found["note"] = "\n".join(note_lines(record))
    found["custom"] = _custom(record)
    return found


def items(records: Iterable[CitationRecord]) -> list[dict[str, Any]]:
    """The CSL-JSON items of records, one per article."""
    return [item(r) for r in merge_records(records)]


def write(records: Iterable[CitationRecord]) -> str:
    """Write records as a CSL-JSON array (UTF-8, indented)."""
    return json.dumps(items(records), ensure_ascii=False, indent=2) + "\n"
