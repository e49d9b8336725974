"""A search's answer: hits with their provenance, facet counts, and the API's JSON shape."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from index.request import SearchRequest

FACET_LIMIT = 20  # values a facet lists, most passages first


@dataclass
class Hit:
    """One passage (and, through `also_in`, every other document holding the same words)."""

    passage_id: str
    doc_id: int
    n: int
    kind: str
    text: str
    highlight: str  # HTML: the text escaped, then matches wrapped in <mark>
    speakers: list[str]
    provenance: dict[str, Any]
    # who the passage quotes: [{"name", "person_id", "confidence", "verified"}]
    attributions: list[dict[str, Any]] = field(default_factory=list)
    also_in: list[int] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "passage_id": self.passage_id,
            "doc_id": self.doc_id,
            "n": self.n,
            "kind": self.kind,
            "text": self.text,
            "highlight": self.highlight,
            "speakers": list(self.speakers),
            "attributions": [dict(a) for a in self.attributions],
            "provenance": dict(self.provenance),
            "also_in": list(self.also_in),
        }


@dataclass
class FacetValue:
    value: str
    count: int

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "count": self.count}


@dataclass
class SearchResult:
    """`total` counts hits after collapsing repeated passages; facets count the same way."""

    request: SearchRequest
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(
        default_factory=lambda: {"outlet": [], "person": [], "year": []}
    )

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.request.per_page))

    @property
    def first(self) -> int:
        """1-based position of the first hit on this page."""
        return (self.request.page - 1) * self.request.per_page + 1

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "page": self.request.page,
            "per_page": self.request.per_page,
            "hits": [hit.to_json() for hit in self.hits],
            "facets": {name: [v.to_json() for v in values] for name, values in self.facets.items()},
        }
