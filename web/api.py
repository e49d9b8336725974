"""The reader's JSON API: search and documents. Errors have one shape (web.errors)."""

from __future__ import annotations

from flask import Blueprint, jsonify, request

from archive.serialize import document_to_json
from index.request import SearchRequest
from web.context import get_archive, get_catalog
from web.links import result_json

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/search")
def search_passages():
    """`?q=&person=&outlet=&from=&to=&page=&per_page=&sort=&kinds=` -> hits and facets."""
    wanted = SearchRequest.from_args(request.args)
    return jsonify(result_json(get_archive().engine.search(wanted)))


@bp.get("/documents/<int:doc_id>")
def document(doc_id: int):
    """The whole document as `cuttings show --json` prints it; 404 if unknown or withdrawn."""
    return jsonify(document_to_json(get_catalog().documents.get(doc_id)))
