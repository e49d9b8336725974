"""A test oracle for Zotero's RIS import of a newspaper article, reimplemented in Python.

Written from reading Zotero's RIS import translator (RIS.js in the public zotero/translators
repository, lastUpdated 2026-01-05); none of its code is copied here (docs/citation-clients.md
says so). It covers what our files use and refuses the rest, so it never guesses:

- the record reader: `TAG  - value` lines, a line without a tag continues the value, TY opens
  and ER closes a record;
- `TY  - NEWS` -> item type newspaperArticle (any other type is refused);
- the tag table for newspaperArticle, first the item-type-independent and type-specific map,
  then the "degenerate" import-only map, whose tags are only used when no other tag gave the
  same field; unknown tags are dropped (the translator's default, `ignoreUnknown`);
- values trimmed, empty ones dropped, every value but N1's HTML-unescaped (tags dropped);
- creators split at the first comma into last and first name, no comma -> one field;
- dates `YYYY/MM/DD/` with parts optional and 0 dropped; `PY` only a fallback for the date;
  the access date as `YYYY-MM-DD`;
- a field already set is not overwritten; `extra` lines are joined with a newline; each N1
  is a child note, as HTML (`<p>...</p>`);
- N1 notes that start with one of the ProCite labels the translator re-maps are refused.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

ITEM_TYPES = {"NEWS": "newspaperArticle"}
# tag -> Zotero field for a newspaperArticle (fieldMap, then degenerateImportFieldMap)
FIELD_MAP = {
    "AB": "abstractNote", "AN": "archiveLocation", "CN": "callNumber", "DB": "archive",
    "DO": "DOI", "DP": "libraryCatalog", "J2": "journalAbbreviation", "KW": "tags",
    "N1": "notes", "ST": "shortTitle", "UR": "url", "Y2": "accessDate", "TI": "title",
    "T2": "publicationTitle", "AU": "creators/author", "A1": "creators/author",
    "A4": "creators/translator", "CY": "place", "DA": "date", "ET": "edition", "IS": "issue",
    "LA": "language", "PB": "publisher", "PY": "date", "SE": "section", "SN": "ISSN",
    "SP": "pages", "VL": "volume",
}  # fmt: skip
DEGENERATE_MAP = {
    "AV": "archiveLocation", "CR": "rights", "CT": "title", "ED": "creators/editor",
    "EP": "pages", "ID": "__ignore", "JA": "journalAbbreviation", "JF": "publicationTitle",
    "JO": "journalAbbreviation", "M1": "extra", "M2": "extra", "M3": "DOI", "N2": "abstractNote",
    "NV": "numberOfVolumes", "RN": "notes", "T1": "title", "T2": "publicationTitle",
    "Y1": "date",
}  # fmt: skip
# Fields a newspaperArticle has (Zotero's schema); others would go to a note, i.e. be dropped.
NEWSPAPER_FIELDS = {
    "title", "abstractNote", "publicationTitle", "publisher", "place", "date", "volume", "issue",
    "edition", "section", "pages", "ISSN", "DOI", "citationKey", "url", "accessDate", "archive",
    "archiveLocation", "shortTitle", "language", "libraryCatalog", "callNumber", "rights", "extra",
    "journalAbbreviation",
}  # fmt: skip
PROCITE_LABELS = (
    "Author Role", "Author, Subsidiary", "Author, Monographic", "Call Number", "Edition", "ISBN",
    "Language", "Publisher Name", "Series Title", "Proceedings Title", "Page(s)", "Volume ID",
    "Issue ID", "Issue Identification", "Series Volume ID", "Scale", "Place of Publication",
    "Histroy", "Size", "Medium Designator", "Connective Phrase", "Extent of Work",
    "Packaging Method",
)  # fmt: skip
_LINE = re.compile(r"^([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$")
_DATE = re.compile(r"^(\d+)(?:/(\d{0,2})(?:/(\d{0,2})(?:(?:/|\s)([^/]*))?)?)?$")


class RefusedByOracle(ValueError):
    """The file uses something this oracle does not model."""


@dataclass
class ZoteroItem:
    item_type: str
    fields: dict[str, str] = field(default_factory=dict)
    creators: list[dict[str, str | int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


def records(text: str) -> list[list[tuple[str, str]]]:
    """The (tag, value) pairs of each record, TY..ER."""
    found: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] | None = None
    for line in text.replace("\r\n", "\n").split("\n"):
        match = _LINE.match(line)
        if not match:
            if current and line.strip():
                tag, value = current[-1]
                current[-1] = (tag, f"{value} {line.strip()}")
            continue
        tag, value = match.group(1), match.group(2) or ""
        if tag == "TY":
            current = [(tag, value)]
            found.append(current)
        elif tag == "ER":
            current = None
        elif current is not None:
            current.append((tag, value))
    return found


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def unescape_html(value: str) -> str:
    """Entities decoded, tags dropped (what the translator's unescapeHTML leaves)."""
    if "<" not in value and "&" not in value:
        return value
    parser = _Text()
    parser.feed(value)
    parser.close()
    return html.unescape("".join(parser.parts))


def zotero_date(value: str, access: bool = False) -> str:
    match = _DATE.match(value)
    if not match:
        raise RefusedByOracle(f"date {value!r} is not YYYY/MM/DD/")
    parts = []
    for part in match.groups()[:3]:
        part = (part or "").lstrip("0")
        if not part:
            break
        parts.append(part)
    if access:
        year, month, day = (parts + ["1", "1"])[:3]
        return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
    widths = (4, 2, 2)
    return "-".join(p.zfill(w) for p, w in zip(parts, widths, strict=False))


def _field(tag: str, deprecated_allowed: bool) -> str | None:
    if tag in FIELD_MAP:
        return FIELD_MAP[tag]
    return DEGENERATE_MAP.get(tag) if deprecated_allowed else None


def import_record(pairs: list[tuple[str, str]]) -> ZoteroItem:
    """One RIS record as Zotero's translator would build the item."""
    item_type = ITEM_TYPES.get(pairs[0][1].strip().upper())
    if item_type is None:
        raise RefusedByOracle(f"TY {pairs[0][1]!r} is not modelled")
    item = ZoteroItem(item_type)
    backup_date = None
    deferred = []
    for tag, value in pairs[1:]:
        if tag in FIELD_MAP:
            backup_date = _apply(item, tag, value, FIELD_MAP[tag]) or backup_date
        elif tag in DEGENERATE_MAP:
            deferred.append((tag, value))
    for tag, value in deferred:
        target = DEGENERATE_MAP[tag]
        if target != "extra" and item.fields.get(target):
            continue  # a deprecated tag only fills a field nothing else gave
        backup_date = _apply(item, tag, value, target) or backup_date
    if backup_date and not item.fields.get("date"):
        item.fields["date"] = backup_date
    return item


def _apply(item: ZoteroItem, tag: str, value: str, target: str) -> str | None:
    """Apply one tag; returns a PY backup date."""
    value = value.strip()
    if not value or target == "__ignore":
        return None
    if tag not in ("N1", "RN", "AB"):
        value = unescape_html(value)
    if tag == "PY":
        return zotero_date(value)
    if target == "notes":
        if any(value.startswith(label + ":") for label in PROCITE_LABELS):
            raise RefusedByOracle(f"note {value[:30]!r} would be re-mapped as ProCite data")
        if not re.search(r"<[^>]+>", value):
            value = "<p>" + value.replace("\n\n", "</p><p>").replace("\n", "<br/>") + "</p>"
        item.notes.append(value)
    elif target.startswith("creators/"):
        last, _, first = (p.strip() for p in value.partition(","))
        creator: dict[str, str | int] = {"lastName": last, "creatorType": target.split("/")[1]}
        if first:
            creator["firstName"] = first
        else:
            creator["fieldMode"] = 1
        item.creators.append(creator)
    elif target == "tags":
        item.tags += [t for t in re.split(r"\s*[\r\n;]+\s*", value) if t]
    elif target == "extra":
        item.fields["extra"] = (
            f"{item.fields['extra']}\n{value}" if item.fields.get("extra") else value
        )
    elif target not in NEWSPAPER_FIELDS:
        return None  # not a field of the type: dropped with the unknown fields
    elif not item.fields.get(target):
        if target in ("date", "accessDate"):
            value = zotero_date(value, access=target == "accessDate")
        item.fields[target] = value
    return None


def import_ris(text: str) -> list[ZoteroItem]:
    """Every record of an RIS file, imported."""
    return [import_record(pairs) for pairs in records(text)]
