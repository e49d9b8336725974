"""The changes a librarian makes, with the search index kept in step.

Upload, correct, withdraw, reinstate and the people curation of `archive.curation`: each
writes the catalog first (the source of truth, one transaction with its audit row), then
brings the index up to date at once, so a correction is searchable on the next request.
The pages, the API and the CLI all call these, so the three cannot drift.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from werkzeug.utils import secure_filename

from archive import curation
from archive.datadir import DataDir
from archive.errors import ArchiveError, InvalidValue, UnsupportedInput
from archive.ingest.limits import DEFAULT_MAX_BYTES, describe_size
from archive.ingest.overrides import librarian_fields
from archive.ingest.read import read_bytes
from archive.ingest.service import Ingestor, IngestResult
from archive.model import FIELD_NAMES, Document, FailedItem, Field
from archive.store import Store
from index.indexing import Indexer

MAX_FIELD_CHARS = 2000
MAX_AUTHORS = 100
MAX_REASON_CHARS = 2000
PASTED_NAME = "pasted.txt"


class Conflict(ArchiveError):
    """A change that does not apply to the document as it stands (e.g. withdrawing twice)."""

    status = 409


class PayloadTooLarge(ArchiveError):
    """An upload, or what it decompresses to, is over the configured bound."""

    status = 413


@dataclass
class Upload:
    """One file (or pasted text) as received: bytes and the name the sender gave it."""

    name: str
    data: bytes


# -- index ----------------------------------------------------------------------------------


def reindex(datadir: DataDir, store: Store, doc_ids: Iterable[int]) -> None:
    """Bring these documents' index entries in line with the catalog: active ones (re)indexed,
    withdrawn ones removed (the indexer skips them)."""
    docs = [store.get_document(i, include_withdrawn=True) for i in dict.fromkeys(doc_ids)]
    if docs:
        Indexer(datadir.index).add_documents(docs)


# -- upload ---------------------------------------------------------------------------------


def display_name(name: str | None, fallback: str = "upload") -> str:
    """A sender's file name made safe to show and to store as a label; never a path."""
    return secure_filename(name or "") or fallback


def metadata_fields(values: dict[str, Any], *, actor: str) -> dict[str, Field]:
    """The optional metadata typed beside an upload, validated (InvalidValue on bad input)."""
    check_field_names(values)
    for name, value in values.items():
        check_value_shape(name, value)
    return librarian_fields(values, who=actor)


def ingest_upload(
    datadir: DataDir,
    store: Store,
    upload: Upload,
    overrides: dict[str, Field] | None,
    *,
    actor: str,
    max_bytes: int | None,
) -> list[IngestResult]:
    """Archive one file's items and index those added. A file with nothing readable in it
    raises UnsupportedInput, or PayloadTooLarge when it is (or expands to) over the bound."""
    bound = max_bytes or DEFAULT_MAX_BYTES
    entries = list(read_bytes(upload.data, display_name(upload.name), max_bytes=bound))
    if all(isinstance(entry, FailedItem) for entry in entries):
        raise unreadable(entries, bound)
    ingestor = Ingestor(datadir, store, added_by=actor, max_bytes=bound)
    results = [
        IngestResult(entry.source, "error", error=entry.error)
        if isinstance(entry, FailedItem)
        else ingestor.ingest_item(entry, overrides)
        for entry in entries
    ]
    reindex(datadir, store, [r.id for r in results if r.status == "added" and r.id is not None])
    return results


def unreadable(failures: list[FailedItem], bound: int) -> ArchiveError:
    """The error for a file the read stage could make nothing of: over the size bound (the
    reader names the bound in its message), or not a text, HTML or WARC file."""
    message = "; ".join(f.error for f in failures) or "nothing readable in this file"
    if f"than {describe_size(bound)}" in message:
        return PayloadTooLarge(message)
    return UnsupportedInput(message)


def ingest_uploads(
    datadir: DataDir,
    store: Store,
    uploads: list[Upload],
    overrides: dict[str, Field] | None,
    *,
    actor: str,
    max_bytes: int | None,
) -> list[IngestResult]:
    """Archive several files; a file that cannot be read is one error result, not a failure
    of the batch."""
    results: list[IngestResult] = []
    for upload in uploads:
        try:
            results += ingest_upload(
                datadir, store, upload, overrides, actor=actor, max_bytes=max_bytes
            )
        except ArchiveError as error:
            name = display_name(upload.name)
            message = (
                error.message if error.message.startswith(name) else f"{name}: {error.message}"
            )
            results.append(IngestResult(name, "error", error=message))
    return results


# -- corrections ----------------------------------------------------------------------------


def check_field_names(values: dict[str, Any]) -> None:
    unknown = [name for name in values if name not in FIELD_NAMES]
    if unknown:
        raise InvalidValue(f"unknown field {unknown[0]!r}; known fields: {', '.join(FIELD_NAMES)}")


def check_value_shape(name: str, value: Any) -> None:
    """Types and sizes: text for every field but `authors`, a list of names; None clears."""
    if value is None:
        return
    if name == "authors":
        if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
            raise InvalidValue("authors must be a list of names (strings)")
        if len(value) > MAX_AUTHORS or any(len(a) > MAX_FIELD_CHARS for a in value):
            raise InvalidValue(
                f"authors: at most {MAX_AUTHORS} names of {MAX_FIELD_CHARS} characters each"
            )
        return
    if not isinstance(value, str):
        raise InvalidValue(f"{name} must be text, not {_json_type(value)}")
    if len(value) > MAX_FIELD_CHARS:
        raise InvalidValue(f"{name} may have at most {MAX_FIELD_CHARS} characters")


def _json_type(value: Any) -> str:
    names = {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "an object",
    }
    return names.get(type(value), type(value).__name__)


def validate_changes(changes: Any, *, actor: str) -> dict[str, Any]:
    """Field changes as typed by a person: name -> clean value, or None to clear the field."""
    if not isinstance(changes, dict):
        raise InvalidValue("send a JSON object of field names and values")
    if not changes:
        raise InvalidValue(f"no fields to change; known fields: {', '.join(FIELD_NAMES)}")
    check_field_names(changes)
    clean: dict[str, Any] = {}
    for name, value in changes.items():
        check_value_shape(name, value)
        if value in (None, "", []) or (isinstance(value, str) and not value.strip()):
            clean[name] = None
        else:
            typed = librarian_fields({name: value}, who=actor).get(name)
            clean[name] = typed.value if typed else None
    return clean


def correct_fields(
    datadir: DataDir, store: Store, doc_id: int, changes: Any, *, actor: str
) -> Document:
    """Set fields as typed by a librarian (history kept, audited) and reindex the document."""
    clean = validate_changes(changes, actor=actor)
    store.update_fields(doc_id, clean, actor=actor)
    reindex(datadir, store, [doc_id])
    return store.get_document(doc_id, include_withdrawn=True)


# -- withdrawal -----------------------------------------------------------------------------


def withdraw(datadir: DataDir, store: Store, doc_id: int, reason: Any, *, actor: str) -> None:
    """Hide a document from readers (search, pages, citations); the original stays."""
    if not isinstance(reason, str) or not reason.strip():
        raise InvalidValue("give a reason for withdrawing the document")
    if len(reason) > MAX_REASON_CHARS:
        raise InvalidValue(f"the reason may have at most {MAX_REASON_CHARS} characters")
    if store.document_row(doc_id)["status"] == "withdrawn":
        raise Conflict(f"document {doc_id} is already withdrawn")
    store.withdraw(doc_id, reason=reason.strip(), actor=actor)
    reindex(datadir, store, [doc_id])


def reinstate(datadir: DataDir, store: Store, doc_id: int, *, actor: str) -> None:
    """Undo a withdrawal: the document is back in search, pages and citations."""
    if store.document_row(doc_id)["status"] != "withdrawn":
        raise Conflict(f"document {doc_id} is not withdrawn")
    store.reinstate(doc_id, actor=actor)
    reindex(datadir, store, [doc_id])


# -- people ---------------------------------------------------------------------------------


def fix_speaker(
    datadir: DataDir,
    store: Store,
    quote_id: int,
    speaker: str | None,
    *,
    actor: str,
    person_id: int | None = None,
) -> int:
    """Attribute a quote to someone else (or nobody); the document's id."""
    docs = curation.set_quote_speaker(store, quote_id, speaker, actor=actor, person_id=person_id)
    reindex(datadir, store, docs)
    return docs[0]


def merge_people(
    datadir: DataDir, store: Store, keep_id: int, merge_id: int, *, actor: str
) -> None:
    reindex(datadir, store, curation.merge_people(store, keep_id, merge_id, actor=actor))


def split_person(
    datadir: DataDir,
    store: Store,
    person_id: int,
    *,
    aliases: list[str],
    quote_ids: list[int],
    name: str | None,
    actor: str,
) -> int:
    new_id, docs = curation.split_person(
        store, person_id, aliases=aliases, quote_ids=quote_ids, name=name, actor=actor
    )
    reindex(datadir, store, docs)
    return new_id
