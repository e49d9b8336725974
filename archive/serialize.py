"""A document as plain JSON: what `cuttings show --json` prints and `/api/documents/<id>` returns."""

from __future__ import annotations

from typing import Any

from archive.model import Document, passage_id


def document_to_json(doc: Document) -> dict[str, Any]:
    """Top-level values are plain; `fields` holds each value with its source and evidence."""
    passages_by_n = {p.n: p for p in doc.passages}
    return {
        "id": doc.id,
        "status": doc.status,
        "title": doc.value("title"),
        "outlet": doc.value("outlet"),
        "host": doc.value("host"),
        "authors": list(doc.value("authors", [])),
        "published": doc.value("published"),
        "captured": doc.value("captured"),
        "url": doc.value("url"),
        "language": doc.value("language"),
        "original": {
            "filename": doc.original.filename,
            "sha256": doc.original.sha256,
            "format": doc.original.format,
            "bytes": doc.original.bytes,
            "record": doc.original.record,
        },
        "fields": {name: field.to_json() for name, field in sorted(doc.fields.items())},
        "flags": dict(doc.flags),
        "passages": [
            {"id": p.id, "n": p.n, "kind": p.kind, "text": p.text, "speakers": list(p.speakers)}
            for p in doc.passages
        ],
        "quotes": [
            {
                "id": q.id,
                "passage_id": passages_by_n[q.passage_n].id
                if q.passage_n in passages_by_n and passages_by_n[q.passage_n].id
                else (passage_id(doc.id, q.passage_n) if doc.id else None),
                "text": q.text,
                "speaker": q.speaker,
                "speaker_id": q.speaker_id,
                "speaker_kind": q.speaker_kind,
                "cue": q.cue,
                "nested_in": q.nested_in,
                "confidence": round(q.confidence, 3),
                "verified": q.verified,
                "evidence": dict(q.evidence),
            }
            for q in doc.quotes
        ],
        "people": [
            {"name": p.name, "kind": p.kind, "role": p.role, "aliases": list(p.aliases)}
            for p in doc.people
        ],
    }
