"""CSL-JSON (`article-newspaper`) for citation records, built by hand from their fields.

Corporate authors are `literal`, partial dates are short `date-parts`, an uncertain date adds
`circa`, an unknown one is left out. Archive-only data goes in `custom` (quoted-person,
archive-url, sha256, passage), which citeproc engines ignore. Text is escaped for JSON only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from archive.citations.record import Author, CitationRecord, merge_records


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


def item(record: CitationRecord) -> dict[str, Any]:
    """The CSL-JSON item of one record."""
    found: dict[str, Any] = {"id": record.key, "type": "article-newspaper"}
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
    if record.url:
        found["URL"] = record.url
    if record.language:
        found["language"] = record.language
    if record.repost_note:
        found["note"] = record.repost_note
    found["custom"] = _custom(record)
    return found


def items(records: Iterable[CitationRecord]) -> list[dict[str, Any]]:
    """The CSL-JSON items of records, one per article."""
    return [item(r) for r in merge_records(records)]


def write(records: Iterable[CitationRecord]) -> str:
    """Write records as a CSL-JSON array (UTF-8, indented)."""
    return json.dumps(items(records), ensure_ascii=False, indent=2) + "\n"
