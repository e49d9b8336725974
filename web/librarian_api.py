"""The write side of the JSON API, for scripts with `Authorization: Bearer <token>`.

POST   /api/documents                 multipart `file` (or `text`) + optional metadata fields
                                      (title, outlet, host, author/authors, date/published,
                                      url, language) -> 201 with the `cuttings add --json`
                                      object (200 when already archived); a file that holds
                                      several items (a WARC) -> {"items": [...]}, one object
                                      per record, failed records included with their error
PATCH  /api/documents/<id>            JSON {field: value or null} -> 200 with the document
DELETE /api/documents/<id>            withdraw; reason in a JSON body or ?reason= -> 200
POST   /api/documents/<id>/reinstate  admins -> 200
GET    /api/quotes?review=1              quotes awaiting review (unverified, confidence under
                                      CUTTINGS_ATTRIBUTION_THRESHOLD or `threshold=`), lowest
                                      first; `document=ID` for one document; paginated
PATCH  /api/quotes/<id>               JSON {"speaker": name or null, "verified": true} corrects,
                                      {"verified": true} confirms -> 200 with the document

Cookies are ignored here, so the routes need no CSRF token. Errors are `{"error": ...}`:
401 no or bad token, 403 role, 404 unknown id, 409 state (withdrawn twice), 413 too large
(or expands past CUTTINGS_MAX_DECOMPRESSED_MB), 415 nothing readable in the file (not text,
HTML or WARC; a WARC without usable records) or not the expected content type, 422 unknown
field, wrong type, invalid value, or every item failed extraction (e.g. no article text).
"""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, jsonify, request, url_for

from archive.catalog.accounts import EDITOR_ROLES
from archive.errors import ArchiveError, InvalidValue, UnsupportedInput
from archive.model import UPLOAD_FIELDS
from archive.numbers import page_number, whole_number
from archive.serialize import document_to_json
from web import editing, settings
from web.auth import actor, token_required
from web.context import get_archive, get_catalog, index_pending
from web.errors import error_body

bp = Blueprint("librarian_api", __name__, url_prefix="/api")
editors_only = token_required(*EDITOR_ROLES)

# The same names as `cuttings add` takes, for the metadata form fields of an upload.
FORM_ALIASES = {"date": "published", "author": "authors"}


def json_body() -> Any:
    """The request's JSON (any value, `null` too); 415 when it is not JSON, 400 when it does
    not parse."""
    if not request.is_json:
        raise UnsupportedInput("send a JSON body (Content-Type: application/json)")
    try:
        value = json.loads(request.get_data(cache=True))
    except ValueError:  # JSONDecodeError and UnicodeDecodeError both are
        raise ArchiveError("the body is not valid JSON") from None
    except RecursionError:
        raise ArchiveError("the JSON is nested too deeply (at most a few hundred levels)") from None
    try:  # "\ud800" parses, but a lone surrogate is no character any text can hold
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidValue(
            "the JSON holds a lone surrogate (such as \\ud800), which is not a character"
        ) from None
    return value


def upload_metadata() -> dict[str, Any]:
    """Metadata form fields beside an uploaded file; unknown names are refused."""
    typed: dict[str, Any] = {}
    for key in request.form:
        if key == "text":
            continue
        name = FORM_ALIASES.get(key, key)
        if name not in UPLOAD_FIELDS:
            raise InvalidValue(
                f"unknown field {key!r}; metadata fields: "
                f"{', '.join(UPLOAD_FIELDS)} (or date, author)"
            )
        values = request.form.getlist(key)
        typed[name] = values if name == "authors" else values[-1]
    return editing.metadata_fields(typed, actor=actor())


def received_upload() -> editing.Upload:
    if not request.mimetype.startswith("multipart/form-data"):
        raise UnsupportedInput("send multipart/form-data with a `file` part")
    files = [f for f in request.files.getlist("file") if f.filename]
    text = request.form.get("text", "")
    if len(files) + bool(text.strip()) != 1:
        raise ArchiveError("send exactly one `file` part, or the article in a `text` field")
    if files:
        return editing.Upload(files[0].filename or "upload", files[0].read())
    return editing.Upload(editing.PASTED_NAME, text.encode("utf-8"))


def answer(body: dict[str, Any], status: int = 200, headers: dict[str, str] | None = None):
    """A change's JSON answer as it always was; when the search index was busy, 202 and
    `"index": "pending"` with a message (the change is saved, and searchable as soon as the
    index is free)."""
    if index_pending():
        body = body | {"index": "pending", "message": editing.PENDING_NOTICE}
        return jsonify(body), 202, headers or {}
    return jsonify(body), status, headers or {}


@bp.post("/documents")
@editors_only
def add_document():
    """Archive one uploaded file; 201 when something was added, 200 for a duplicate."""
    upload = received_upload()
    overrides = upload_metadata()
    results = editing.ingest_upload(
        get_archive(), upload, overrides, actor=actor(), max_bytes=settings.max_decompressed_bytes()
    )
    items = [r.to_json() for r in results]
    if all(r.status == "error" for r in results):
        message = "; ".join(r.error or "" for r in results)
        extra = {"items": items} if len(items) > 1 else {}
        return jsonify(error_body(message, 422, "unreadable", **extra)), 422
    status = 201 if any(r.status == "added" for r in results) else 200
    if len(items) == 1:
        location = {"Location": url_for(".patch_document", doc_id=items[0]["id"])}
        return answer(items[0], status, location)
    return answer({"items": items}, status)


@bp.patch("/documents/<int:doc_id>")
@editors_only
def patch_document(doc_id: int):
    get_catalog().documents.info(doc_id)  # 404 before 4xx about the body
    doc = editing.correct_fields(get_archive(), doc_id, json_body(), actor=actor())
    return answer(document_to_json(doc))


@bp.delete("/documents/<int:doc_id>")
@editors_only
def delete_document(doc_id: int):
    """Withdraw: gone for readers, kept in the catalog, reversible by an admin."""
    get_catalog().documents.info(doc_id)
    reason: Any = request.args.get("reason")
    if reason is None and request.get_data(cache=True):
        body = json_body()
        if not isinstance(body, dict) or set(body) - {"reason"}:
            raise InvalidValue('send {"reason": "..."}')
        reason = body.get("reason")
    editing.withdraw(get_archive(), doc_id, reason, actor=actor())
    return answer({"id": doc_id, "status": "withdrawn", "reason": reason.strip()})


@bp.post("/documents/<int:doc_id>/reinstate")
@token_required("admin")
def reinstate_document(doc_id: int):
    editing.reinstate(get_archive(), doc_id, actor=actor())
    return answer({"id": doc_id, "status": "active"})


@bp.get("/quotes")
@editors_only
def list_quotes():
    """`?review=1[&document=ID][&threshold=0.9][&page=&per_page=]`: quotes awaiting a
    librarian (unverified, confidence under the threshold), lowest confidence first."""
    if request.args.get("review") not in ("1", "true"):
        raise ArchiveError("add review=1 to list the quotes awaiting review")
    threshold = _threshold(request.args.get("threshold"))
    doc_id = request.args.get("document")
    document = whole_number(doc_id, "document", 1, 2**63 - 1, 0) if doc_id else None
    if document is not None:
        get_catalog().documents.info(document)
    page = page_number(request.args.get("page"))
    per_page = whole_number(request.args.get("per_page"), "per_page", 1, 200, 50)
    quotes = get_catalog().quotes
    found = quotes.for_review(
        below=threshold, doc_id=document, limit=per_page, offset=(page - 1) * per_page
    )
    return jsonify(
        {
            "total": quotes.count_for_review(below=threshold, doc_id=document),
            "page": page,
            "per_page": per_page,
            "threshold": threshold,
            "quotes": [q.to_json() for q in found],
        }
    )


def _threshold(text: str | None) -> float:
    if text in (None, ""):
        return settings.attribution_threshold()
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0.0 <= value <= 1.0:
        raise InvalidValue(f"threshold must be a number from 0 to 1, not {text!r}")
    return value


@bp.patch("/quotes/<int:quote_id>")
@editors_only
def patch_quote(quote_id: int):
    """Confirm or correct a quote's speaker: {"verified": true} confirms the speaker chosen;
    {"speaker": "Name"|null} (or {"person": id}) corrects it, verified unless
    "verified": false; {"verified": false} alone sends it back to the review queue."""
    get_catalog().quotes.document_of(quote_id)
    body = json_body()
    allowed = {"speaker", "person", "verified"}
    if not isinstance(body, dict) or not body or not set(body) <= allowed:
        raise InvalidValue(
            'send {"speaker": "Name"|null, "verified": true}, {"person": id} or {"verified": true}'
        )
    if "speaker" in body and "person" in body:
        raise InvalidValue('send "speaker" or "person", not both')
    speaker, person, verified = body.get("speaker"), body.get("person"), body.get("verified", True)
    if (
        (speaker is not None and not isinstance(speaker, str))
        or (person is not None and (not isinstance(person, int) or isinstance(person, bool)))
        or not isinstance(verified, bool)
    ):
        raise InvalidValue("speaker must be text or null, person an id, verified true or false")
    archive = get_archive()
    if "speaker" in body or "person" in body:
        doc_id = editing.fix_speaker(
            archive, quote_id, speaker, actor=actor(), person_id=person, verified=verified
        )
    elif verified:
        doc_id = editing.confirm_speaker(archive, quote_id, actor=actor())
    else:
        current = archive.catalog.quotes.review_item(quote_id)
        doc_id = editing.fix_speaker(
            archive, quote_id, None, actor=actor(), person_id=current.speaker_id, verified=False
        )
    return answer(document_to_json(get_catalog().documents.get(doc_id, include_withdrawn=True)))
