"""The librarian's pages: upload and review, corrections, withdrawal, people, the audit log.

Every form posts with a CSRF token; every change goes through `web.editing`, which writes
the catalog (with its audit row) and then the index. Originals are only ever downloaded as
attachments under a sandboxing Content-Security-Policy, never shown inline.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)

from archive.catalog.accounts import EDITOR_ROLES
from archive.catalog.records import AuditEntry, QuoteForReview
from archive.errors import ArchiveError, NotFound
from archive.ingest.service import IngestResult
from archive.model import FIELD_NAMES, UPLOAD_FIELDS
from archive.numbers import page_number
from archive.originals import Originals
from archive.serialize import document_to_json
from web import audit_view, editing, settings
from web.auth import actor, keep_form, roles_required
from web.context import get_archive, get_catalog, get_datadir, index_pending
from web.jobs import UploadJob

bp = Blueprint("librarian", __name__, url_prefix="/librarian")

ORIGINAL_CSP = "sandbox; default-src 'none'"
editors_only = roles_required(*EDITOR_ROLES)
admins_only = roles_required("admin")


def split_names(text: str) -> list[str]:
    """Authors typed one per line (or separated by semicolons)."""
    return [n.strip() for n in text.replace(";", "\n").splitlines() if n.strip()]


def review(doc_id: int) -> dict[str, Any]:
    """One document as the review (check) page shows it: every field with its source, what
    a citation needs and is missing, the quotes with their ids (for fixing a speaker), the
    people, and the history of corrections."""
    catalog = get_catalog()
    document = catalog.documents.get(doc_id, include_withdrawn=True)
    doc = document_to_json(document)
    doc["missing"] = editing.missing_fields(document)  # what the check page flags
    row = catalog.documents.info(doc_id)
    doc["added_at"], doc["added_by"] = row.added_at, row.added_by
    doc["withdrawn"] = {
        "at": row.withdrawn_at,
        "by": row.withdrawn_by,
        "reason": row.withdrawn_reason,
    }
    doc["history"] = catalog.documents.field_history(doc_id)
    return doc


# -- overview and upload ---------------------------------------------------------------------


@bp.route("/")
@editors_only
def index():
    status = (
        request.args.get("status")
        if request.args.get("status") in ("active", "withdrawn")
        else None
    )
    page = page_number(request.args.get("page"))
    flagged = request.args.get("flagged") == "1"
    documents = get_catalog().documents.listing(
        status=status, flagged=flagged, limit=50, offset=(page - 1) * 50
    )
    return render_template(
        "librarian/index.html", documents=documents, status=status, page=page, flagged=flagged
    )


@bp.route("/upload", methods=["GET", "POST"])
@editors_only
def upload():
    if request.method == "GET":
        return render_template("librarian/upload.html", form={})
    form = {name: request.form.get(name, "") for name in (*UPLOAD_FIELDS, "text")}
    uploads = _received_uploads(form["text"])
    try:
        if not uploads:
            raise ArchiveError("choose one or more files, or paste the text of an article")
        overrides = editing.metadata_fields(_typed_metadata(form), actor=actor())
    except ArchiveError as error:
        return render_template(
            "librarian/upload.html", form=form, error=error.message
        ), error.status
    if editing.is_large(uploads):  # progress on a page of its own, the work in the background
        job = UploadJob(uploads, overrides, actor(), settings.max_decompressed_bytes())
        job_id = current_app.extensions["cuttings_jobs"].submit(job)
        return redirect(url_for(".job", job_id=job_id), 303)
    results = editing.ingest_uploads(
        get_archive(),
        uploads,
        overrides,
        actor=actor(),
        max_bytes=settings.max_decompressed_bytes(),
    )
    if index_pending():
        flash(editing.PENDING_NOTICE)
    return render_template("librarian/results.html", items=[_result_view(r) for r in results])


@bp.route("/jobs/<job_id>")
@editors_only
def job(job_id: str):
    """An upload at work: a progress bar, then one line per item with its check page."""
    return render_template("librarian/job.html", job=get_catalog().jobs.get(job_id))


@bp.route("/jobs/<job_id>.json")
@editors_only
def job_json(job_id: str):
    """The same as data: state, total, done, and the summary of each item so far."""
    return jsonify(get_catalog().jobs.get(job_id).to_json())


def _received_uploads(text: str) -> list[editing.Upload]:
    uploads = [
        editing.Upload(f.filename or "upload", f.read())
        for f in request.files.getlist("files")
        if f.filename
    ]
    if text.strip():
        uploads.append(editing.Upload(editing.PASTED_NAME, text.encode("utf-8")))
    return uploads


def _typed_metadata(form: dict[str, str]) -> dict[str, Any]:
    typed: dict[str, Any] = {n: form[n].strip() for n in UPLOAD_FIELDS if n != "authors"}
    typed["authors"] = split_names(form["authors"])
    return {name: value for name, value in typed.items() if value}


def _result_view(result: IngestResult) -> dict[str, Any]:
    view = editing.result_summary(result)
    view["document"] = review(result.id) if result.id is not None else None
    return view


# -- one document ----------------------------------------------------------------------------


@bp.route("/documents/<int:doc_id>")
@editors_only
def document(doc_id: int):
    return render_template("librarian/document.html", doc=review(doc_id))


@bp.route("/documents/<int:doc_id>/edit", methods=["GET", "POST"])
@editors_only
def edit(doc_id: int):
    doc = review(doc_id)
    if request.method == "GET":
        return render_template("librarian/edit.html", doc=doc, values=_current_values(doc))
    values = {name: request.form.get(name, "") for name in FIELD_NAMES}
    changes = _changed_fields(doc, values)
    if not changes:
        flash("nothing to change: every field is as it was")
        return redirect(url_for(".document", doc_id=doc_id))
    try:
        editing.correct_fields(get_archive(), doc_id, changes, actor=actor())
    except ArchiveError as error:
        return render_template(
            "librarian/edit.html", doc=doc, values=values, error=error.message
        ), error.status
    flash(f"corrected {', '.join(sorted(changes))}")
    flash_if_pending()
    return redirect(url_for(".document", doc_id=doc_id))


# -- forms that keep what was typed when the session ends -----------------------------------


def _upload_form_again(message: str, *, relogin: bool) -> str:
    """The upload form as it was sent: text and metadata kept (a browser cannot refill file
    inputs, so it says to choose the files again)."""
    form = {name: request.form.get(name, "") for name in (*UPLOAD_FIELDS, "text")}
    if any(f.filename for f in request.files.getlist("files")):
        message += " Choose the files again: a browser cannot keep them."
    return render_template("librarian/upload.html", form=form, error=message, relogin=relogin)


def _edit_form_again(message: str, *, relogin: bool) -> str:
    """The correction form as it was sent."""
    doc = review(int((request.view_args or {})["doc_id"]))
    values = {name: request.form.get(name, "") for name in FIELD_NAMES}
    return render_template(
        "librarian/edit.html", doc=doc, values=values, error=message, relogin=relogin
    )


keep_form("librarian.upload", _upload_form_again)
keep_form("librarian.edit", _edit_form_again)


def _current_values(doc: dict[str, Any]) -> dict[str, str]:
    values = {
        name: doc["fields"][name]["value"] if name in doc["fields"] else "" for name in FIELD_NAMES
    }
    values["authors"] = "\n".join(values["authors"] or [])
    return {name: "" if value is None else str(value) for name, value in values.items()}


def _changed_fields(doc: dict[str, Any], values: dict[str, str]) -> dict[str, Any]:
    """The fields whose typed value differs from the catalog's; an emptied field is cleared."""
    current = _current_values(doc)
    changes: dict[str, Any] = {}
    for name, typed in values.items():
        if name == "authors":
            if split_names(typed) != split_names(current["authors"]):
                changes[name] = split_names(typed) or None
        elif typed.strip() != current[name].strip():
            changes[name] = typed.strip() or None
    return changes


def flash_outcome(change: Callable[[], Any], done: str) -> None:
    """Make a change and flash what happened, or why it could not be made."""
    try:
        change()
    except ArchiveError as error:
        flash(error.message)
    else:
        flash(done)
        flash_if_pending()


def flash_if_pending() -> None:
    """Say so when a change is saved but the search index could not take it yet."""
    if index_pending():
        flash(editing.PENDING_NOTICE)


@bp.post("/documents/<int:doc_id>/withdraw")
@editors_only
def withdraw(doc_id: int):
    get_catalog().documents.info(doc_id)
    reason = request.form.get("reason", "")
    flash_outcome(
        lambda: editing.withdraw(get_archive(), doc_id, reason, actor=actor()),
        f"document {doc_id} withdrawn: readers no longer see it",
    )
    return redirect(url_for(".document", doc_id=doc_id))


@bp.post("/documents/<int:doc_id>/flags/<flag>/clear")
@editors_only
def clear_flag(doc_id: int, flag: str):
    """A librarian has checked what ingest flagged (a split paragraph, say): clear it."""
    get_catalog().documents.info(doc_id)
    flash_outcome(
        lambda: get_catalog().documents.clear_flag(doc_id, flag, actor=actor()),
        f"flag {flag} cleared on document {doc_id}",
    )
    return redirect(url_for(".document", doc_id=doc_id))


@bp.post("/documents/<int:doc_id>/reinstate")
@admins_only
def reinstate(doc_id: int):
    get_catalog().documents.info(doc_id)
    flash_outcome(
        lambda: editing.reinstate(get_archive(), doc_id, actor=actor()),
        f"document {doc_id} reinstated",
    )
    return redirect(url_for(".document", doc_id=doc_id))


@bp.route("/documents/<int:doc_id>/original")
@editors_only
def original(doc_id: int):
    """The archived file, byte for byte, as a download that no browser will render."""
    row = get_catalog().documents.info(doc_id)
    path = Originals(get_datadir().originals).path_for(row.original_sha256)
    if not path.exists():
        raise NotFound(f"the original of document {doc_id} is missing; run `cuttings verify`")
    response = send_file(
        path,
        mimetype="application/octet-stream",
        as_attachment=True,
        download_name=editing.display_name(row.filename, row.original_sha256),
    )
    response.headers["Content-Security-Policy"] = ORIGINAL_CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.post("/quotes/<int:quote_id>/speaker")
@editors_only
def quote_speaker(quote_id: int):
    doc_id = get_catalog().quotes.document_of(quote_id)
    speaker = request.form.get("speaker", "")
    flash_outcome(
        lambda: editing.fix_speaker(get_archive(), quote_id, speaker, actor=actor()),
        f"quote {quote_id} attributed to {speaker.strip() or 'nobody'}",
    )
    return redirect(url_for(".document", doc_id=doc_id) + f"#quote-{quote_id}")


# -- the review queue ------------------------------------------------------------------------

REVIEW_PER_PAGE = 20


@bp.route("/review")
@editors_only
def review_queue():
    """Attributions under the threshold, nobody has verified, lowest confidence first:
    archive-wide, or of one document with `?document=ID`."""
    catalog = get_catalog()
    doc_id = request.args.get("document")
    document = catalog.documents.info(int(doc_id)) if doc_id and doc_id.isdigit() else None
    if doc_id and document is None:
        raise ArchiveError(f"document must be a document id, not {doc_id!r}")
    threshold = settings.attribution_threshold()
    page = page_number(request.args.get("page"))
    scope = document.id if document else None
    quotes = catalog.quotes.for_review(
        below=threshold,
        doc_id=scope,
        limit=REVIEW_PER_PAGE,
        offset=(page - 1) * REVIEW_PER_PAGE,
    )
    return render_template(
        "librarian/review.html",
        quotes=[_review_view(q) for q in quotes],
        total=catalog.quotes.count_for_review(below=threshold, doc_id=scope),
        threshold=threshold,
        document=document,
        page=page,
        per_page=REVIEW_PER_PAGE,
    )


def _review_view(quote: QuoteForReview) -> dict[str, Any]:
    """A queue entry: the passage cut around the quote so the page can mark it."""
    text, start, end = quote.passage_text, quote.span_start, quote.span_end
    if not (0 <= start < end <= len(text)) or text[start:end] != quote.text:
        found = text.find(quote.text)
        start, end = (found, found + len(quote.text)) if found >= 0 else (0, 0)
    return {
        "quote": quote,
        "before": text[:start],
        "marked": text[start:end],
        "after": text[end:],
        "candidates": quote.candidates[:9],
        "chain": quote.evidence.get("chain") or [],
    }


@bp.post("/quotes/<int:quote_id>/review")
@editors_only
def review_decision(quote_id: int):
    """A decision from the queue (confirm, a speaker picked or typed, or no speaker); back to
    the queue, where the next quote waits."""
    action = request.form.get("action", "")
    speaker = request.form.get("speaker", "")
    archive = get_archive()
    archive.catalog.quotes.document_of(quote_id)
    try:
        editing.review_quote(archive, quote_id, action, speaker, actor=actor())
    except ArchiveError as error:
        flash(error.message)
    else:
        item = archive.catalog.quotes.review_item(quote_id)
        flash(f"quote {quote_id} verified: {item.speaker or 'no speaker'}")
    return redirect(_local_next(request.form.get("next")) or url_for(".review_queue"))


def _local_next(target: str | None) -> str | None:
    """A path on this site to go back to (the queue as it was), never another site."""
    if target and target.startswith("/librarian/review") and "//" not in target:
        return target
    return None


# -- people ----------------------------------------------------------------------------------


@bp.route("/people")
@editors_only
def people():
    query = request.args.get("q", "")[:200]
    return render_template(
        "librarian/people.html", people=get_catalog().people.listing(query), query=query
    )


@bp.route("/people/<int:person_id>")
@editors_only
def person(person_id: int):
    return render_template("librarian/person.html", person=get_catalog().people.get(person_id))


@bp.post("/people/merge")
@editors_only
def merge():
    keep = request.form.get("keep", type=int)
    other = request.form.get("merge", type=int)
    if keep is None or other is None:
        abort(400, "give the ids of the person to keep and the person to merge into them")
    flash_outcome(
        lambda: editing.merge_people(get_archive(), keep, other, actor=actor()),
        f"person {other} merged into {keep}",
    )
    return redirect(url_for(".person", person_id=keep))


@bp.post("/people/<int:person_id>/split")
@editors_only
def split(person_id: int):
    get_catalog().people.get(person_id)
    quote_ids = [int(q) for q in request.form.getlist("quotes") if q.isascii() and q.isdigit()]
    try:
        new_id = editing.split_person(
            get_archive(),
            person_id,
            aliases=request.form.getlist("aliases"),
            quote_ids=quote_ids,
            name=request.form.get("name", ""),
            actor=actor(),
        )
    except ArchiveError as error:
        flash(error.message)
        return redirect(url_for(".person", person_id=person_id))
    flash(f"split off as person {new_id}")
    flash_if_pending()
    return redirect(url_for(".person", person_id=new_id))


# -- audit log -------------------------------------------------------------------------------


@bp.route("/audit")
@admins_only
def audit():
    """The log, newest first, filtered by user, action, target and dates, a page at a time;
    each entry as a field-level diff with links to what it names."""
    log = get_catalog().audit
    wanted = audit_view.audit_filter(request.args)
    page = page_number(request.args.get("page"))
    total = log.count(wanted)
    per_page = audit_view.PER_PAGE
    entries = log.entries(wanted, limit=per_page, offset=(page - 1) * per_page)
    return render_template(
        "librarian/audit.html",
        entries=[audit_view.readable(e) for e in entries],
        wanted=wanted,
        args=audit_view.filter_args(wanted),
        actors=log.actors(),
        actions=log.actions(),
        page=page,
        pages=max(1, -(-total // per_page)),
        total=total,
    )


@bp.route("/audit.json")
@admins_only
def audit_json():
    """Every entry the filters of the page keep, oldest last, as JSON."""
    entries = get_catalog().audit.entries(audit_view.audit_filter(request.args))
    body = json.dumps([e.to_json() for e in entries], ensure_ascii=False, indent=1)
    return _download(body, "application/json", "cuttings-audit.json")


@bp.route("/audit.csv")
@admins_only
def audit_csv():
    """The same as CSV, oldest first."""
    entries = get_catalog().audit.entries(audit_view.audit_filter(request.args))
    return _download(audit_as_csv(entries), "text/csv", "cuttings-audit.csv")


AUDIT_COLUMNS = ("id", "at", "actor", "action", "target", "before", "after")


def audit_as_csv(entries: list[AuditEntry]) -> str:
    """The log as CSV, oldest first; before/after as JSON; no cell a spreadsheet would run."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(AUDIT_COLUMNS)
    for entry in reversed(entries):
        writer.writerow([_csv_cell(getattr(entry, c)) for c in AUDIT_COLUMNS])
    return out.getvalue()


def _csv_cell(value: Any) -> str:
    text = (
        value
        if isinstance(value, str)
        else ("" if value is None else json.dumps(value, ensure_ascii=False))
    )
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _download(body: str, mimetype: str, filename: str) -> Response:
    return Response(
        body,
        mimetype=mimetype,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
