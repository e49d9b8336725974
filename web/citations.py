"""Citing: the cite page, the basket pages and the citation API.

`GET /cite?ids=12-p3,4` shows each reference in APA, MLA and both Chicago styles with an
in-text form per passage, and every file format inline, each with a Copy button and a
download; `GET /api/cite?ids=...&format=...` is the file itself. The basket (web.basket)
collects ids across pages and exports them as one file. Ids are documents (`12`) or passages
(`12-p3`); errors are ArchiveErrors (400, 404). Permalinks use CUTTINGS_BASE_URL, else the
address the request came to.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from html.parser import HTMLParser
from typing import Any

from flask import (
    Blueprint,
    Response,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from markupsafe import Markup

from archive.citations import formats, styles
from archive.citations.lookup import Cited, CiteId, parse_ids, records_of, resolve
from archive.citations.record import CitationRecord
from archive.errors import ArchiveError
from web import basket, settings
from web.context import get_catalog

bp = Blueprint("citations", __name__)

STYLE_LABELS = {
    "apa": "APA 7",
    "mla": "MLA 9",
    "chicago-note": "Chicago 17, notes and bibliography",
    "chicago-author-date": "Chicago 17, author-date",
}
FORMAT_LABELS = {
    "bibtex": "BibTeX (.bib)",
    "biblatex": "biblatex (.bib)",
    "biblatex-apa": "biblatex for biblatex-apa (.bib)",
    "ris": "RIS: Zotero, EndNote, Mendeley (.ris)",
    "csl-json": "CSL-JSON (.json)",
    **{name: f"{label} (.txt)" for name, label in STYLE_LABELS.items()},
}
IN_TEXT_LABELS = {"chicago-note": "Note"}  # the others: "In text"
FILE_FORMATS = ("bibtex", "biblatex", "biblatex-apa", "ris", "csl-json")  # shown inline


# -- pages -------------------------------------------------------------------------------


@bp.get("/cite")
def cite_page():
    """Each reference of the ids in every style with its in-text form; downloads; basket."""
    ids = parse_ids(request.args.get("ids", ""))
    cited, _ = resolve(get_catalog(), ids)
    records = _records(cited)
    every = styles.format_styles(records)
    return render_template(
        "cite.html",
        ids_text=ids_text(ids),
        citations=[_citation_view(r, every) for r in records],
        files=_files(records, "citations.cite_file", ids=ids_text(ids)),
        downloads=_downloads("citations.cite_file", ids=ids_text(ids)),
        all_in_basket=all(basket.contains(i) for i in ids),
    )


@bp.get("/basket")
def basket_page():
    """The basket: its entries with provenance, the merged references in one style, exports."""
    style = request.args.get("style", "apa")
    if style not in STYLE_LABELS:
        raise ArchiveError(f"unknown style {style!r}; choose one of {', '.join(STYLE_LABELS)}")
    cited, missing = resolve(get_catalog(), basket.valid_ids(), skip_missing=True)
    basket.remove(missing)  # withdrawn since they were added: the basket forgets them
    records = _records(cited)
    formatted = styles.format_records(records, style) if records else []
    by_key = {r.key: r for r in records}
    return render_template(
        "basket.html",
        entries=[_entry_view(c) for c in cited],
        missing=[str(m) for m in missing],
        style=style,
        style_labels=STYLE_LABELS,
        references=[_formatted_view(f, by_key[f.key], style) for f in formatted],
        reference_list=styles.plain_text(formatted, style),
        downloads=_downloads("citations.basket_export") if records else [],
    )


# -- files -------------------------------------------------------------------------------


@bp.get("/api/cite")
def cite_file():
    """`?ids=12-p3,4&format=bibtex` -> the citation file (`&download=0`: shown inline)."""
    chosen = _format_arg()
    ids = parse_ids(request.args.get("ids", ""))
    cited, _ = resolve(get_catalog(), ids)
    stem = "-".join(map(str, ids)) if len(ids) <= 3 else f"{ids[0]}-and-{len(ids) - 1}-more"
    return _file_response(_records(cited), chosen, stem)


@bp.get("/basket/export")
def basket_export():
    """`?format=ris` -> every entry of the basket as one file, cuttings-basket.<ext>."""
    chosen = _format_arg()
    cited, _ = resolve(get_catalog(), basket.valid_ids(), skip_missing=True)
    if not cited:
        raise ArchiveError("the basket is empty: add passages or documents from their pages")
    return _file_response(_records(cited), chosen, "basket")


# -- the basket --------------------------------------------------------------------------


@bp.get("/api/basket")
def basket_json():
    """The basket's ids: {"ids": [...]}."""
    return jsonify({"ids": basket.ids()})


@bp.post("/basket/add")
def basket_add():
    """Add `ids` (checked to be citable) to the basket; go back to `next` or the referrer."""
    ids = parse_ids(request.form.getlist("ids"))
    resolve(get_catalog(), ids)
    basket.add(ids)
    return redirect(basket.back_target(_basket_url()), code=303)


@bp.post("/basket/remove")
def basket_remove():
    """Remove `ids` from the basket; go back to `next` or the referrer."""
    basket.remove(parse_ids(request.form.getlist("ids")))
    return redirect(basket.back_target(_basket_url()), code=303)


@bp.post("/basket/clear")
def basket_clear():
    """Empty the basket; go back to `next`, else the (empty) basket page."""
    basket.clear()
    return redirect(basket.back_target(_basket_url()), code=303)


@bp.app_context_processor
def basket_context() -> dict[str, Any]:
    """`in_basket(id)` and `basket_count` for every template (the cite controls use them)."""
    return {"in_basket": basket.contains, "basket_count": lambda: basket.count(get_catalog())}


# -- helpers -----------------------------------------------------------------------------


def _basket_url() -> str:
    return url_for("citations.basket_page")


def ids_text(ids: Sequence[CiteId]) -> str:
    """Ids as the comma-separated text the pages and API take."""
    return ",".join(map(str, ids))


def base_url() -> str:
    """The archive's address for permalinks: CUTTINGS_BASE_URL, else this request's own."""
    return current_app.config.get("CUTTINGS_BASE_URL") or request.root_url.rstrip("/")


def _records(cited: Sequence[Cited]) -> list[CitationRecord]:
    return records_of(
        get_catalog(), cited, base_url=base_url(), threshold=settings.attribution_threshold()
    )


def _format_arg() -> formats.Format:
    """The `format` query argument as a Format; 400 if missing or unknown."""
    name = request.args.get("format", "").strip()
    if not name:
        raise ArchiveError(f"add a format: format={'|'.join(formats.FORMATS)}")
    return formats.get_format(name)


def _file_response(records: list[CitationRecord], chosen: formats.Format, stem: str) -> Response:
    """The exported file, named `cuttings-<stem>[-<format>].<ext>`, as an attachment."""
    result = formats.export(records, chosen.name)
    response = Response(result.text, content_type=result.media_type)
    disposition = "inline" if request.args.get("download") == "0" else "attachment"
    filename = f"cuttings-{stem}{chosen.file_suffix}{result.filename_ext}"
    response.headers.set("Content-Disposition", disposition, filename=filename)
    return response


def _files(records: list[CitationRecord], endpoint: str, **args: str) -> list[dict[str, str]]:
    """Each file format's text, shown inline with a Copy button and a download link."""
    return [
        {
            "name": name,
            "label": FORMAT_LABELS[name],
            "text": formats.export(records, name).text,
            "url": url_for(endpoint, **args, format=name, download=1),
        }
        for name in FILE_FORMATS
    ]


def _downloads(endpoint: str, **args: str) -> list[dict[str, str]]:
    """A link to each file format, labelled."""
    return [
        {"name": name, "label": label, "url": url_for(endpoint, **args, format=name, download=1)}
        for name, label in FORMAT_LABELS.items()
    ]


def _citation_view(record: CitationRecord, every: dict[str, list]) -> dict[str, Any]:
    """One record for the cite page: provenance, passages and each style's renderings."""
    formatted = {
        style: next(f for f in entries if f.key == record.key) for style, entries in every.items()
    }
    return {
        "record": record,
        "published": record.published.iso() if record.published else None,
        "styles": [_formatted_view(f, record, style) for style, f in formatted.items()],
    }


def _formatted_view(found: styles.Formatted, record: CitationRecord, style: str) -> dict[str, Any]:
    label = IN_TEXT_LABELS.get(style, "In text")
    return {
        "style": style,
        "label": STYLE_LABELS[style],
        "in_text_label": label,
        "key": found.key,
        "record": record,
        "text": found.text,
        "html": safe_markup(found.html),
        "in_text": found.in_text,
        "in_text_html": safe_markup(found.in_text_html),
        "citations": [
            {
                "n": c.n,
                "label": f"{label}, ¶{c.n}" if c.n is not None else label,
                "text": c.text,
                "html": safe_markup(c.html),
            }
            for c in found.citations
        ],
    }


def _entry_view(item: Cited) -> dict[str, Any]:
    """A basket entry: its id, the document's provenance and the passage, if one."""
    document = item.document
    authors = document.value("authors") or []
    return {
        "id": str(item.id),
        "doc_id": document.id,
        "title": document.value("title") or "(untitled)",
        "outlet": document.value("outlet"),
        "host": document.value("host"),
        "published": document.value("published"),
        "authors": [authors] if isinstance(authors, str) else authors,
        "passage": item.passage,
        "speakers": item.passage.speakers if item.passage else [],  # as the passage stores them
    }


# -- pandoc's HTML, allow-listed ----------------------------------------------------------

_INLINE_TAGS = {"em", "i", "strong", "b", "span", "sup", "sub", "a"}


class _AllowList(HTMLParser):
    """Re-serialises HTML keeping only inline formatting and http(s) links; text escaped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _INLINE_TAGS:
            return
        href = dict(attrs).get("href") or ""
        if tag == "a" and href.lower().startswith(("http://", "https://")):
            self.out.append(f'<a href="{escape(href)}" rel="noopener noreferrer nofollow">')
        else:
            tag = "span" if tag == "a" else tag
            self.out.append(f"<{tag}>")
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag not in _INLINE_TAGS or not self.open:
            return
        self.out.append(f"</{self.open.pop()}>")

    def handle_data(self, data: str) -> None:
        self.out.append(escape(data, quote=False))


def safe_markup(html: str) -> Markup:
    """pandoc's HTML for a citation, with nothing but inline formatting and web links."""
    parser = _AllowList()
    parser.feed(html)
    parser.close()
    closing = "".join(f"</{tag}>" for tag in reversed(parser.open))
    return Markup("".join(parser.out) + closing)
