"""The audit log as a librarian reads it: filters from the query string, and each entry as a
field-level diff of plain values with links to the documents and people it names."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from flask import url_for
from werkzeug.datastructures import MultiDict

from archive.catalog.audit import AuditFilter
from archive.catalog.records import AuditEntry
from archive.errors import InvalidValue

PER_PAGE = 50
FILTER_KEYS = ("actor", "action", "target", "from", "to")


def audit_filter(args: MultiDict[str, str]) -> AuditFilter:
    """`?actor=&action=&target=&from=YYYY-MM-DD&to=YYYY-MM-DD`, checked (InvalidValue)."""
    return AuditFilter(
        actor=(args.get("actor") or "").strip()[:200] or None,
        action=(args.get("action") or "").strip()[:100] or None,
        target=(args.get("target") or "").strip()[:200] or None,
        since=_day(args.get("from"), "from"),
        until=_day(args.get("to"), "to"),
    )


def filter_args(wanted: AuditFilter) -> dict[str, str]:
    """The filter as query arguments again (for pages and exports)."""
    values = {
        "actor": wanted.actor,
        "action": wanted.action,
        "target": wanted.target,
        "from": wanted.since,
        "to": wanted.until,
    }
    return {name: value for name, value in values.items() if value}


def _day(text: str | None, name: str) -> str | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise InvalidValue(f"{name} must be a date, YYYY-MM-DD, not {text[:40]!r}") from None


@dataclass
class Change:
    """One value an entry changed: its name, and the value before and after, as text."""

    name: str
    before: str
    after: str


@dataclass
class Link:
    label: str
    url: str


@dataclass
class ReadableEntry:
    entry: AuditEntry
    target: Link | None
    changes: list[Change] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


def readable(entry: AuditEntry) -> ReadableEntry:
    """An entry with its before and after values side by side, field by field (only what
    changed when both sides are known), and links to what it names."""
    before, after = _flatten(entry.before), _flatten(entry.after)
    names = list(dict.fromkeys([*before, *after]))
    both = entry.before is not None and entry.after is not None
    changes = [
        Change(name, _text(before.get(name)), _text(after.get(name)))
        for name in names
        if not both or before.get(name) != after.get(name)
    ]
    return ReadableEntry(entry, _target_link(entry), changes, _named_links(entry, before, after))


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """Nested objects as dotted names: {"new_person": {"id": 3}} -> {"new_person.id": 3}."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        return {prefix or "value": value}
    flat: dict[str, Any] = {}
    for name, inner in value.items():
        key = f"{prefix}.{name}" if prefix else str(name)
        if isinstance(inner, dict) and inner:
            flat.update(_flatten(inner, key))
        else:
            flat[key] = inner
    return flat


def _text(value: Any) -> str:
    """A value as a person reads it: lists joined, nothing as a dash, no JSON escapes."""
    if value is None or value == [] or value == "":
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_text(v)}" for k, v in value.items())
    return str(value)


def _target_link(entry: AuditEntry) -> Link | None:
    kind, _, ident = (entry.target or "").partition(":")
    if kind == "document" and ident.isdigit():
        return Link(f"document {ident}", url_for("librarian.document", doc_id=int(ident)))
    if kind == "person" and ident.isdigit():
        return Link(f"person {ident}", url_for("librarian.person", person_id=int(ident)))
    if kind == "quote" and ident.isdigit():
        doc = _document_of(entry)
        if doc is not None:
            url = url_for("librarian.document", doc_id=doc) + f"#quote-{ident}"
            return Link(f"quote {ident} (document {doc})", url)
    return None


def _document_of(entry: AuditEntry) -> int | None:
    for side in (entry.after, entry.before):
        if isinstance(side, dict) and isinstance(side.get("document"), int):
            return side["document"]
    return None


# Values that name a record, by their (flattened) name: where they link to.
_PERSON_KEYS = ("person", "new_person.id", "kept.id", "merged.id", "person.id")


def _named_links(entry: AuditEntry, before: dict, after: dict) -> list[Link]:
    """Links to the people and documents an entry's values name (other than its target)."""
    found: dict[str, Link] = {}
    for values in (before, after):
        for name, value in values.items():
            if not isinstance(value, int) or isinstance(value, bool):
                continue
            if name in _PERSON_KEYS:
                url = url_for("librarian.person", person_id=value)
                found.setdefault(url, Link(f"person {value}", url))
            elif name == "document":
                url = url_for("librarian.document", doc_id=value)
                found.setdefault(url, Link(f"document {value}", url))
    target = _target_link(entry)
    return [link for url, link in found.items() if target is None or link.url != target.url]
