"""The changes a librarian makes, checked, written to the catalog, and brought to the index.

Upload, correct, withdraw, reinstate, fix a speaker, merge and split people: each writes the
catalog first (the source of truth, one transaction with its audit row), then brings the
index up to date through `index.sync.Archive`, so a correction is searchable on the next
request. The pages and the API both call these, so the two cannot drift.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from werkzeug.utils import secure_filename

from archive.errors import KINDS, ArchiveError, Conflict, InvalidValue
from archive.ingest.limits import GZIP_MAGIC
from archive.ingest.overrides import librarian_fields
from archive.ingest.service import IngestResult
from archive.ingest.sniff import is_warc
from archive.model import FIELD_NAMES, Document, FailedItem, Field
from index.sync import Archive

MAX_FIELD_CHARS = 2000
MAX_AUTHORS = 100
MAX_REASON_CHARS = 2000
PASTED_NAME = "pasted.txt"
PENDING_NOTICE = (
    "saved; the search index is busy with another change, so this will be searchable in a moment"
)


@dataclass
class Upload:
    """One file (or pasted text) as received: bytes and the name the sender gave it."""

    name: str
    data: bytes


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
    archive: Archive,
    upload: Upload,
    overrides: dict[str, Field] | None,
    *,
    actor: str,
    max_bytes: int | None,
) -> list[IngestResult]:
    """Archive one file's items and index those added. A file with nothing readable in it
    raises the error of its kind (too large: 413; not text, HTML or WARC: 415)."""
    ingestor = archive.ingestor(added_by=actor, max_bytes=max_bytes)
    entries = ingestor.read_upload(upload.data, display_name(upload.name))
    failures = [e for e in entries if isinstance(e, FailedItem)]
    if len(failures) == len(entries):
        raise unreadable(failures)
    return list(archive.add(entries, overrides, ingestor=ingestor))


# What a citation needs and extraction may miss: the check page and the upload summary flag
# a document without one of them (field name, and the word a librarian reads).
CHECKED_FIELDS = (("outlet", "outlet"), ("published", "date"), ("authors", "author"))


def missing_fields(document: Document | None) -> list[str]:
    """The checked fields a document lacks, as the librarian reads them ("outlet", "date")."""
    if document is None:
        return []
    return [word for name, word in CHECKED_FIELDS if not document.value(name)]


def result_summary(result: IngestResult) -> dict[str, Any]:
    """One line of an upload's summary: the `cuttings add --json` object, and what the
    check page will flag as missing."""
    return result.to_json() | {"missing": missing_fields(result.document)}


def is_large(uploads: list[Upload]) -> bool:
    """An upload to run as a background job, with progress shown: several files, a web
    archive (WARC/ARC, many records), or a file over a megabyte."""
    return (
        len(uploads) > 1
        or any(is_warc(u.data) or u.data[:2] == GZIP_MAGIC for u in uploads)
        or sum(len(u.data) for u in uploads) > 1024 * 1024
    )


def unreadable(failures: list[FailedItem]) -> ArchiveError:
    """The error for a file the read stage could make nothing of, of the first failure's kind."""
    message = "; ".join(f.error for f in failures) or "nothing readable in this file"
    kind = failures[0].kind if failures else "unsupported"
    return KINDS.get(kind, KINDS["unsupported"])(message)


def ingest_uploads(
    archive: Archive,
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
            results += ingest_upload(archive, upload, overrides, actor=actor, max_bytes=max_bytes)
        except ArchiveError as error:
            results.append(IngestResult.failed(FailedItem.of(display_name(upload.name), error)))
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


def correct_fields(archive: Archive, doc_id: int, changes: Any, *, actor: str) -> Document:
    """Set fields as typed by a librarian (history kept, audited) and reindex the document."""
    clean = validate_changes(changes, actor=actor)

    def change() -> list[int]:
        archive.catalog.documents.update_fields(doc_id, clean, actor=actor)
        return [doc_id]

    archive.apply(change)
    return archive.catalog.documents.get(doc_id, include_withdrawn=True)


# -- withdrawal -----------------------------------------------------------------------------


def withdraw(archive: Archive, doc_id: int, reason: Any, *, actor: str) -> None:
    """Hide a document from readers (search, pages, citations); the original stays."""
    if not isinstance(reason, str) or not reason.strip():
        raise InvalidValue("give a reason for withdrawing the document")
    if len(reason) > MAX_REASON_CHARS:
        raise InvalidValue(f"the reason may have at most {MAX_REASON_CHARS} characters")
    if not archive.catalog.documents.info(doc_id).active:
        raise Conflict(f"document {doc_id} is already withdrawn")

    def change() -> list[int]:
        archive.catalog.documents.withdraw(doc_id, reason=reason.strip(), actor=actor)
        return [doc_id]

    archive.apply(change)


def reinstate(archive: Archive, doc_id: int, *, actor: str) -> None:
    """Undo a withdrawal: the document is back in search, pages and citations."""
    if archive.catalog.documents.info(doc_id).active:
        raise Conflict(f"document {doc_id} is not withdrawn")

    def change() -> list[int]:
        archive.catalog.documents.reinstate(doc_id, actor=actor)
        return [doc_id]

    archive.apply(change)


# -- people ---------------------------------------------------------------------------------


def fix_speaker(
    archive: Archive,
    quote_id: int,
    speaker: str | None,
    *,
    actor: str,
    person_id: int | None = None,
    verified: bool = True,
) -> int:
    """Attribute a quote to someone (or nobody), verified unless `verified=False`; the
    document's id. Only the quote's passage is reindexed, so the time follows it, not the
    document's length."""
    quotes = archive.catalog.quotes
    passage = quotes.passage_of(quote_id)
    docs: list[int] = []

    def change() -> list[int]:
        docs[:] = quotes.set_speaker(
            quote_id, speaker, actor=actor, person_id=person_id, verified=verified
        )
        return docs

    archive.apply(change, passages=[passage])
    return docs[0]


def confirm_speaker(archive: Archive, quote_id: int, *, actor: str) -> int:
    """Verify the speaker (or the absence of one) attribution chose; the document's id."""
    quotes = archive.catalog.quotes
    passage = quotes.passage_of(quote_id)
    docs: list[int] = []

    def change() -> list[int]:
        docs[:] = quotes.confirm(quote_id, actor=actor)
        return docs

    archive.apply(change, passages=[passage])
    return docs[0]


def review_quote(
    archive: Archive, quote_id: int, action: str, speaker: str | None, *, actor: str
) -> int:
    """One decision of the review queue: `confirm` the speaker chosen, `speaker` (a candidate
    picked or a name typed), or `none` (no one is named). The document's id."""
    if action == "confirm":
        return confirm_speaker(archive, quote_id, actor=actor)
    if action == "speaker":
        if not (speaker or "").strip():
            raise InvalidValue("type the speaker's name, or choose no speaker")
        return fix_speaker(archive, quote_id, speaker, actor=actor)
    if action == "none":
        return fix_speaker(archive, quote_id, None, actor=actor)
    raise InvalidValue(f"unknown review action {action!r}: confirm, speaker or none")


def merge_people(archive: Archive, keep_id: int, merge_id: int, *, actor: str) -> None:
    archive.apply(lambda: archive.catalog.people.merge(keep_id, merge_id, actor=actor))


def split_person(
    archive: Archive,
    person_id: int,
    *,
    aliases: list[str],
    quote_ids: list[int],
    name: str | None,
    actor: str,
) -> int:
    made: list[int] = []

    def change() -> list[int]:
        new_id, docs = archive.catalog.people.split(
            person_id, aliases=aliases, quote_ids=quote_ids, name=name, actor=actor
        )
        made.append(new_id)
        return docs

    archive.apply(change)
    return made[0]
