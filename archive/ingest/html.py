"""The HTML extractor: article body through trafilatura, metadata with the tag it came from.

The body becomes `body`/`heading` blocks (reader comments `comment` blocks). Each metadata
value is set with its source and evidence: trafilatura and htmldate decide the value, and the
page's meta tags and JSON-LD are searched for the one that carries it, so a librarian can see
which tag a title or date came from. A value the page does not carry is left unset.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin

from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.utils import load_html
from trafilatura.xml import xmltotxt

from archive.addresses import is_web_address
from archive.errors import Unreadable
from archive.ingest.pipeline import Block, Draft
from archive.model import Document

# Chosen on bench/extraction.py (F1 over 4-gram shingles); see bench/results/extraction.json.
EXTRACTION_OPTIONS: dict[str, Any] = {"favor_precision": True, "include_comments": True}
HEADING_TAGS = ("head",)
_SPACE = re.compile(r"\s+")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")

# Meta tags (name, property or itemprop) that may carry each field, in order of preference.
META_KEYS = {
    "title": ("og:title", "twitter:title", "citation_title", "dc.title", "title", "headline"),
    "authors": (
        "author",
        "article:author",
        "citation_author",
        "dc.creator",
        "byl",
        "parsely-author",
    ),
    "outlet": ("og:site_name", "application-name", "twitter:site", "dc.publisher", "publisher"),
    "published": (
        "article:published_time",
        "datepublished",
        "citation_publication_date",
        "dc.date",
        "dc.date.issued",
        "date",
        "pubdate",
        "publishdate",
        "og:published_time",
        "sailthru.date",
    ),
    "language": ("og:locale", "dc.language", "content-language", "language"),
}
# JSON-LD keys (dotted paths from the top of an object) for each field.
JSONLD_KEYS = {
    "title": ("headline", "name"),
    "authors": ("author", "author.name", "creator", "creator.name"),
    "outlet": ("publisher", "publisher.name", "sourceOrganization.name"),
    "published": ("datePublished", "dateCreated"),
    "language": ("inLanguage",),
}


def extract_html(draft: Draft) -> Draft:
    """Fill `draft.blocks` and the document's fields from the decoded HTML in `draft.text`."""
    item = draft.item
    result = bare_extraction(draft.text, url=item.url, with_metadata=True, **EXTRACTION_OPTIONS)
    if result is None or not len(result.body):
        result = bare_extraction(draft.text, url=item.url, with_metadata=True, favor_recall=True)
    if result is None or not len(result.body):
        raise Unreadable(f"{item.filename}: no article text found in the HTML")
    body = _without_headline(list(blocks_from(result.body)), result.title)
    draft.blocks = [*body, *blocks_from(result.commentsbody, "comment")]
    tree = load_html(draft.text)
    page = PageMeta(tree) if tree is not None else PageMeta(None)
    set_metadata(draft, result, page)
    return draft


def blocks_from(body: HtmlElement | None, kind: str | None = None) -> Iterator[Block]:
    """One Block per paragraph, heading, list item or table row of trafilatura's XML body."""
    if body is None:
        return
    for element in body:
        parts = element.findall("item") if element.tag == "list" else [element]
        if element.tag == "table":
            parts = element.findall(".//row") or [element]
        for part in parts:
            text = _clean(xmltotxt(part, include_formatting=False))
            if text:
                yield Block(kind or ("heading" if element.tag in HEADING_TAGS else "body"), text)


def _without_headline(blocks: list[Block], title: str | None) -> list[Block]:
    """Drop a leading heading that repeats the title: it is the title field, not a passage."""
    if blocks and title and blocks[0].kind == "heading" and _norm(blocks[0].text) == _norm(title):
        return blocks[1:]
    return blocks


def _clean(text: str) -> str:
    """Collapse runs of spaces in each line and drop empty lines."""
    lines = (_SPACE.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


class PageMeta:
    """The page's meta tags, JSON-LD and a few elements, searchable for a known value."""

    def __init__(self, tree: HtmlElement | None) -> None:
        self.tree = tree
        self.meta: list[tuple[str, str]] = list(_meta_tags(tree)) if tree is not None else []
        self.jsonld: list[tuple[str, str]] = list(_jsonld_values(tree)) if tree is not None else []

    def candidates(self, field: str) -> Iterator[tuple[str, str]]:
        """(evidence, value) pairs of the tags that may carry `field`, best first."""
        for key in META_KEYS.get(field, ()):
            for name, value in self.meta:
                if name.split("=", 1)[1] == key:
                    yield f"meta {name}", value
        for key in JSONLD_KEYS.get(field, ()):
            for name, value in self.jsonld:
                if name == key:
                    yield f"JSON-LD {name}", value

    def find(self, field: str, value: str, *, prefix: bool = False) -> str | None:
        """The evidence for `value` among the field's tags (equal, or starting with it)."""
        found = self.find_tag(field, value, prefix=prefix)
        return found[0] if found else None

    def find_tag(self, field: str, value: str, *, prefix: bool = False) -> tuple[str, str] | None:
        """(evidence, the tag's own text) for the first tag carrying `value`, ignoring case."""
        wanted = _norm(value)
        for evidence, content in self.candidates(field):
            found = _norm(content)
            if found == wanted or (prefix and found.startswith(wanted)):
                return evidence, content.strip()
        return None

    def first_text(self, xpath: str) -> str | None:
        """The text of the first element matching `xpath`, whitespace collapsed."""
        if self.tree is None:
            return None
        found = self.tree.xpath(xpath)
        if not found:
            return None
        text = found[0] if isinstance(found[0], str) else found[0].text_content()
        return _SPACE.sub(" ", text).strip() or None


def set_metadata(draft: Draft, result: Any, page: PageMeta) -> None:
    """Set title, authors, outlet, published, url, captured and language on the document."""
    doc, item = draft.document, draft.item
    _set_title(doc, result.title, page)
    _set_authors(doc, result.author, page)
    _set_outlet(doc, result.sitename, page)
    _set_published(doc, result.date, draft.text, result.url or item.url, page)
    _set_url(doc, item.url, page)
    if item.captured:
        doc.set("captured", item.captured, "warc", "WARC-Date of the archived record")
    _set_language(doc, page)


def _set_title(doc: Document, title: str | None, page: PageMeta) -> None:
    """The headline, with the tag that carries it."""
    if not title:
        return
    evidence = page.find("title", title, prefix=True)
    if evidence is None:
        for label, xpath in (("<title>", "//head/title"), ("<h1>", "//h1")):
            text = page.first_text(xpath)
            if text and _norm(text).startswith(_norm(title)):
                evidence = label
                break
    doc.set("title", title, "html-meta", evidence or "page heading (trafilatura)")


def _set_authors(doc: Document, author: str | None, page: PageMeta) -> None:
    """The byline's names: html-meta when a tag carries them, else the page's byline."""
    names = [name.strip() for name in (author or "").split(";") if name.strip()]
    if not names:
        return
    evidence = [page.find("authors", name, prefix=True) for name in names]
    if all(evidence):
        doc.set("authors", names, "html-meta", ", ".join(dict.fromkeys(evidence)))
    else:
        doc.set("authors", names, "byline", "byline in the page (trafilatura)")


def _set_outlet(doc: Document, sitename: str | None, page: PageMeta) -> None:
    """The publisher's name from og:site_name, JSON-LD publisher and the like."""
    if not sitename:
        return
    name = sitename.lstrip("@")
    tag = page.find_tag("outlet", name) or page.find_tag("outlet", "@" + name)
    if tag:  # the tag's own spelling: trafilatura title-cases names such as "9to5Mac"
        doc.set("outlet", tag[1].lstrip("@"), "html-meta", tag[0])
    else:  # trafilatura guessed it from the <title> or the host name
        doc.set("outlet", name, "inferred", "page title or host name (trafilatura)", uncertain=True)


def _set_published(
    doc: Document, found: str | None, html: str, url: str | None, page: PageMeta
) -> None:
    """The original publication date (htmldate's, via trafilatura) to the page's precision."""
    match = _DAY.match(found or "")
    if not match:
        return
    evidence = next(
        (ev for ev, value in page.candidates("published") if value.startswith(found)), None
    )
    time_tag = page.first_text(f"//time[starts-with(@datetime, '{found}')]/@datetime")
    if evidence or time_tag:
        doc.set("published", found, "html-meta", evidence or "<time datetime>")
        return
    year, month, day = match.groups()
    if url and any(pattern in url for pattern in _url_date_patterns(year, month, day)):
        doc.set("published", found, "url", f"date in the URL {url}")
        return
    if find_date(html, original_date=True, extensive_search=False) == found:
        doc.set("published", found, "html-meta", "date markup in the page (htmldate)")
        return
    # Found by htmldate's free-text search; a first of the month may stand for a month alone.
    value = found if day != "01" else f"{year}-{month}" if month != "01" else year
    doc.set("published", value, "text", "a date in the page text (htmldate)", uncertain=True)


def _url_date_patterns(year: str, month: str, day: str) -> tuple[str, ...]:
    """How a URL may spell a date."""
    return (
        f"/{year}/{month}/{day}/",
        f"/{year}-{month}-{day}",
        f"{year}{month}{day}",
        f"/{year}/{int(month)}/{int(day)}/",
    )


def _set_url(doc: Document, item_url: str | None, page: PageMeta) -> None:
    """The canonical URL the page declares, else the URL it was archived from."""
    for evidence, xpath in (
        ("link rel=canonical", "//link[@rel='canonical']/@href"),
        ("meta property=og:url", "//meta[@property='og:url']/@content"),
    ):
        href = page.first_text(xpath)
        if href and (href.startswith(("http://", "https://")) or item_url):
            address = urljoin(item_url or "", href.strip())
            if is_web_address(address):  # never `javascript:` or `data:`, even joined
                doc.set("url", address, "html-meta", evidence)
                return
    if item_url and is_web_address(item_url):
        doc.set("url", item_url, "warc", "WARC-Target-URI of the archived record")


def _set_language(doc: Document, page: PageMeta) -> None:
    """The page's declared language: <html lang>, then meta tags and JSON-LD."""
    lang = page.first_text("/html/@lang") or page.first_text("/html/@xml:lang")
    evidence = "<html lang>"
    if not lang:
        evidence, lang = next(page.candidates("language"), (None, None))
    if lang:
        doc.set("language", lang.replace("_", "-"), "html-meta", evidence)


def _norm(text: str) -> str:
    """Case- and space-insensitive form for comparing a value with a tag's content."""
    return _SPACE.sub(" ", text).strip().casefold()


def _meta_tags(tree: HtmlElement) -> Iterator[tuple[str, str]]:
    """('property=og:title', content) for every meta tag with a key and content."""
    for meta in tree.iter("meta"):
        content = (meta.get("content") or "").strip()
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = meta.get(attr)
            if key and content:
                yield f"{attr}={key.strip().lower()}", content


def _jsonld_values(tree: HtmlElement) -> Iterator[tuple[str, str]]:
    """('author.name', value) for the string values of the page's JSON-LD objects."""
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text_content())
        except ValueError:
            continue
        yield from _flatten(data, "")


def _flatten(data: Any, path: str) -> Iterator[tuple[str, str]]:
    """Walk JSON-LD (lists, @graph, nested objects) yielding dotted keys and string values."""
    if isinstance(data, list):
        for entry in data:
            yield from _flatten(entry, path)
    elif isinstance(data, dict):
        for key, value in data.items():
            inner = key if key == "@graph" or not path else f"{path}.{key}"
            yield from _flatten(value, "" if key == "@graph" else inner)
    elif isinstance(data, str) and path:
        yield path, data
