"""Reader pages: search, a document with every passage anchored, the people quoted."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template, request

from archive.errors import ArchiveError
from archive.model import FIELD_NAMES, Document
from archive.numbers import page_number
from index.request import SearchRequest
from web import settings
from web.context import get_archive, get_catalog
from web.links import PASSAGES_PER_PAGE

bp = Blueprint("pages", __name__)

FORM_KEYS = ("q", "person", "outlet", "from", "to", "sort")
PEOPLE_PER_PAGE = 100


@bp.app_context_processor
def attribution_context() -> dict[str, Any]:
    """`attribution_threshold()` for every template that shows how sure an attribution is."""
    return {"attribution_threshold": settings.attribution_threshold}


@bp.get("/")
def search_page():
    """The query box and filters; results, facets and pages once something is asked."""
    form = _form_values()
    context: dict[str, Any] = {"form": form, "result": None, "error": None}
    if not any(
        form[k] for k in ("q", "person", "outlet", "from", "to", "undated", "unknown_outlet")
    ):
        return render_template("search.html", **context)
    try:
        wanted = SearchRequest.from_args(request.args)
        context["result"] = get_archive().engine.search(wanted)
    except ArchiveError as error:
        context["error"] = error.message
        return render_template("search.html", **context), error.status
    return render_template("search.html", **context)


@bp.get("/documents/<int:doc_id>")
def document_page(doc_id: int):
    """The cleaned article: metadata with provenance, people quoted, anchored passages, a
    long document PASSAGES_PER_PAGE passages at a time (`?page=`)."""
    catalog = get_catalog()
    total = catalog.documents.passage_count(doc_id)
    pages = max(1, -(-total // PASSAGES_PER_PAGE))
    page = page_number(request.args.get("page"), maximum=pages)
    first = (page - 1) * PASSAGES_PER_PAGE + 1
    doc = catalog.documents.get(doc_id, passages=(first, first + PASSAGES_PER_PAGE - 1))
    people = catalog.people.in_document(doc_id)
    return render_template(
        "document.html",
        doc=doc,
        fields=field_rows(doc),
        people=people,
        person_ids={p.name: p.id for p in people},
        page=page,
        pages=pages,
        passage_total=total,
    )


@bp.get("/people")
def people_page():
    """Everyone quoted or named in the archive, by name, filterable."""
    query = (request.args.get("q") or "").strip()
    page = page_number(request.args.get("page"))
    rows = get_catalog().people.listing(
        query, active_only=True, limit=PEOPLE_PER_PAGE + 1, offset=(page - 1) * PEOPLE_PER_PAGE
    )
    return render_template(
        "people.html",
        people=rows[:PEOPLE_PER_PAGE],
        query=query,
        page=page,
        has_next=len(rows) > PEOPLE_PER_PAGE,
    )


@bp.get("/people/<int:person_id>")
def person_page(person_id: int):
    """Everything the archive holds from one person: quotes with passage links, roles, aliases."""
    return render_template(
        "person.html", person=get_catalog().people.get(person_id, active_only=True)
    )


def field_rows(doc: Document) -> list[dict[str, Any]]:
    """Each metadata field with its value, source, evidence and uncertainty, in a fixed order."""
    names = [n for n in FIELD_NAMES if n in doc.fields] + sorted(
        n for n in doc.fields if n not in FIELD_NAMES
    )
    rows = []
    for name in names:
        found = doc.fields[name]
        value = found.value
        shown = ", ".join(map(str, value)) if isinstance(value, list) else value
        rows.append(
            {
                "name": name,
                "value": shown,
                "source": found.source,
                "evidence": found.evidence,
                "uncertain": found.uncertain,
            }
        )
    return rows


def _form_values() -> dict[str, Any]:
    form: dict[str, Any] = {k: (request.args.get(k) or "").strip() for k in FORM_KEYS}
    kinds = [k for v in request.args.getlist("kinds") for k in v.split(",") if k]
    form["kinds"] = kinds or ["body", "heading"]
    for flag in ("undated", "unknown_outlet"):
        form[flag] = (request.args.get(flag) or "").strip()
    return form
