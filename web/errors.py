"""One error shape: `{"error": message, "status": code, "kind": ...}` from the JSON API, an
error page (with the search box) elsewhere. Every error of the web doors leaves through here.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from archive.errors import ArchiveError, storage_failure
from web import settings

_HTTP_KINDS = {400: "bad-request", 401: "unauthorized", 403: "forbidden", 404: "not-found",
               405: "method-not-allowed", 409: "conflict", 413: "too-large",
               415: "unsupported", 422: "invalid", 429: "too-many-requests",
               500: "internal", 503: "unavailable", 507: "disk-full"}  # fmt: skip


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.args.get("format") == "json"


def error_body(message: str, status: int, kind: str | None = None, **extra: Any) -> dict[str, Any]:
    """The JSON API's one error body; `extra` adds detail (e.g. the items of a batch)."""
    return {
        "error": message,
        "status": status,
        "kind": kind or _HTTP_KINDS.get(status, "error"),
    } | extra


def error_response(message: str, status: int, kind: str | None = None, **extra: Any):
    if wants_json():
        return jsonify(error_body(message, status, kind, **extra)), status
    return render_template("error.html", message=message, status=status), status


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(ArchiveError)
    def archive_error(error: ArchiveError):
        return error_response(error.message, error.status, error.kind)

    @app.errorhandler(413)
    def upload_too_large(_error: Exception):
        limit = settings.max_upload_mb()
        return error_response(
            f"the upload is larger than {limit} MB (the limit is set by CUTTINGS_MAX_UPLOAD_MB)",
            413,
        )

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        return error_response(error.description or error.name, error.code or 500)

    @app.errorhandler(Exception)
    def unexpected(error: Exception):
        failure = storage_failure(error)
        if failure is not None:  # a full disk: say so, with no traceback in the log either
            app.logger.error("%s on %s", failure.message, request.path)
            return error_response(failure.message, failure.status, failure.kind)
        app.logger.exception("unhandled error on %s", request.path)
        return error_response("internal error: the archive could not answer this request", 500)
