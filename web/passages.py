"""A passage's own page, with where its words travelled, and the trace-a-quote page.

`GET /passages/12-p3` shows the passage whole, its provenance and a timeline of every place
its words stand, earliest first, the original publisher and the reposts marked.
`GET /trace?text=...` shows every passage carrying a quotation as it circulates.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template, request

from archive.errors import ArchiveError, NotFound
from archive.model import parse_passage_id
from index.results import Hit
from index.trace import MAX_CHARS, MIN_WORDS, trace
from index.travel import Stop, timeline
from web.context import get_archive

bp = Blueprint("passages", __name__)


def passage_view(passage_id: str) -> tuple[Hit, list[Stop]]:
    """The passage as a hit and its timeline; NotFound for an unknown or withdrawn one."""
    if parse_passage_id(passage_id) is None:
        raise NotFound(f"no passage {passage_id!r}: a passage id looks like 12-p3")
    engine = get_archive().engine
    hit = engine.passage(passage_id)
    if hit is None:
        raise NotFound(f"no passage {passage_id}")
    return hit, timeline(engine.copies(passage_id))


@bp.get("/passages/<passage_id>")
def passage_page(passage_id: str):
    hit, stops = passage_view(passage_id)
    return render_template("passage.html", hit=hit, stops=stops)


@bp.get("/trace")
def trace_page():
    """The box to paste a quotation in; every passage carrying it once one is given."""
    text = (request.args.get("text") or "").strip()
    context: dict[str, Any] = {
        "text": text,
        "result": None,
        "error": None,
        "min_words": MIN_WORDS,
        "max_chars": MAX_CHARS,
    }
    if not text:
        return render_template("trace.html", **context)
    try:
        context["result"] = trace(get_archive().engine, text)
    except ArchiveError as error:
        context["error"] = error.message
        return render_template("trace.html", **context), error.status
    return render_template("trace.html", **context)
