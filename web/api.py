"""The reader's JSON API: search and documents. Errors are `{"error": ...}` (web.errors)."""

from __future__ import annotations

from flask import Blueprint, jsonify, request

from archive.serialize import document_to_json
from index.querying import SearchRequest, search
from web.context import get_datadir, get_store

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/search")
def search_passages():
    """`?q=&person=&outlet=&from=&to=&page=&per_page=&sort=&kinds=` -> hits and facets."""
    wanted = SearchRequest.from_args(request.args)
    return jsonify(search(get_datadir().index, wanted, store=get_store()).to_json())


@bp.get("/documents/<int:doc_id>")
def document(doc_id: int):
    """The whole document as `cuttings show --json` prints it; 404 if unknown or withdrawn."""
    return jsonify(document_to_json(get_store().get_document(doc_id)))
