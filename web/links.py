"""Where things live on the web: the links a hit, a copy and a traced quotation carry in the
JSON API and the CLI, and the same URLs for the templates.

The index returns data; the web decides the URLs.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from index.results import Copy, Hit, SearchResult, TraceResult

PASSAGES_PER_PAGE = 200  # passages a document page shows at once


def document_page_of(n: int) -> int:
    """The page of a document's pages that shows passage `n`."""
    return max(1, (n - 1) // PASSAGES_PER_PAGE + 1)


def paragraph_url(doc_id: int, n: int) -> str:
    """The paragraph on its document page (on the page of a long document that holds it)."""
    page = document_page_of(n)
    return f"/documents/{doc_id}{f'?page={page}' if page > 1 else ''}#p{n}"


def passage_url(passage_id: str) -> str:
    return f"/passages/{quote(passage_id)}"


def cite_url(passage_id: str) -> str:
    return f"/api/cite?ids={quote(passage_id)}&format=bibtex"


def hit_links(hit: Hit) -> dict[str, str]:
    """The passage on its document page, its own page (with its travel), its citation file."""
    return {
        "document": paragraph_url(hit.doc_id, hit.n),
        "passage": passage_url(hit.passage_id),
        "cite": cite_url(hit.passage_id),
    }


def copy_links(copy: Copy) -> dict[str, str]:
    return {
        "document": paragraph_url(copy.doc_id, copy.n),
        "passage": passage_url(copy.passage_id),
        "cite": cite_url(copy.passage_id),
    }


def hit_json(hit: Hit, body: dict[str, Any] | None = None) -> dict[str, Any]:
    """A hit's JSON with its links, and each copy's."""
    shown = body if body is not None else hit.to_json()
    shown["links"] = hit_links(hit)
    for copy, copied in zip(hit.copies, shown["copies"], strict=True):
        copied["links"] = copy_links(copy)
    return shown


def result_json(result: SearchResult) -> dict[str, Any]:
    """`/api/search`'s object: the result, each hit with its links."""
    body = result.to_json()
    for hit, shown in zip(result.hits, body["hits"], strict=True):
        hit_json(hit, shown)
    return body


def trace_json(result: TraceResult) -> dict[str, Any]:
    """`/api/trace`'s object: each passage carrying the quotation, with its links."""
    body = result.to_json()
    for traced, shown in zip(result.hits, body["hits"], strict=True):
        hit_json(traced.hit, shown)
    return body
