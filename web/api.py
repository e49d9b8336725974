"""The reader's JSON API: search, documents, passages and their travel, traced quotations.
Errors have one shape (web.errors)."""

from __future__ import annotations

from flask import Blueprint, jsonify, request

from archive.serialize import document_to_json
from index.request import SearchRequest
from index.trace import trace
from web.context import get_archive, get_catalog
from web.links import copy_links, hit_json, result_json, trace_json
from web.passages import passage_view

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/search")
def search_passages():
    """`?q=&person=&outlet=&from=&to=&undated=&unknown_outlet=&page=&per_page=&sort=&kinds=`
    -> hits and facets."""
    wanted = SearchRequest.from_args(request.args)
    return jsonify(result_json(get_archive().engine.search(wanted)))


@bp.get("/documents/<int:doc_id>")
def document(doc_id: int):
    """The whole document as `cuttings show --json` prints it; 404 if unknown or withdrawn."""
    return jsonify(document_to_json(get_catalog().documents.get(doc_id)))


@bp.get("/passages/<passage_id>")
def passage(passage_id: str):
    """`{"passage": a hit, "timeline": [copy + "role" + "links"]}`: where its words stand,
    earliest first, `original` the first publication, `repost` the others, `undated` last."""
    hit, stops = passage_view(passage_id)
    return jsonify(
        {
            "passage": hit_json(hit),
            "timeline": [stop.to_json() | {"links": copy_links(stop.copy)} for stop in stops],
        }
    )


@bp.get("/trace")
def trace_quote():
    """`?text=` -> `{"total", "hits"}`: every passage carrying the quotation, earliest first,
    each in /api/search's hit shape with its `similarity` (0-1)."""
    return jsonify(trace_json(trace(get_archive().engine, request.args.get("text") or "")))
