"""Where things live on the web: the links a search hit carries in the JSON API and the CLI.

The index returns data; the web decides the URLs (the pages use `url_for` for the same).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from index.results import Hit, SearchResult


def hit_links(hit: Hit) -> dict[str, str]:
    """The passage on its document page, and its citation file."""
    return {
        "document": f"/documents/{hit.doc_id}#p{hit.n}",
        "cite": f"/api/cite?ids={quote(hit.passage_id)}&format=bibtex",
    }


def result_json(result: SearchResult) -> dict[str, Any]:
    """`/api/search`'s object: the result, each hit with its links."""
    body = result.to_json()
    for hit, shown in zip(result.hits, body["hits"], strict=True):
        shown["links"] = hit_links(hit)
    return body
