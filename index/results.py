"""A search's answer as data: hits with their provenance and copies, facet counts, a "did you
mean", a traced quotation. No URLs: the web adds the links (web/links.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from index.request import SearchRequest

MAX_COPIES = 50  # copies listed on one hit; `copies_total` says how many there are in all


@dataclass
class Copy:
    """Another place a passage's words stand: the passage there and its document's provenance."""

    doc_id: int
    passage_id: str
    n: int
    outlet: str | None = None
    host: str | None = None
    published: str | None = None
    title: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "passage_id": self.passage_id,
            "outlet": self.outlet,
            "host": self.host,
            "published": self.published,
            "title": self.title,
        }


@dataclass
class Hit:
    """One passage (and, through `copies` and `also_in`, every other place holding the same
    words)."""

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
    # HTML like `highlight`, cut to the stretch around the best matches (index.snippets)
    snippet: str = ""
    copies: list[Copy] = field(default_factory=list)  # at most MAX_COPIES, earliest first
    copies_total: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "passage_id": self.passage_id,
            "doc_id": self.doc_id,
            "n": self.n,
            "kind": self.kind,
            "text": self.text,
            "highlight": self.highlight,
            "snippet": self.snippet,
            "speakers": list(self.speakers),
            "attributions": [dict(a) for a in self.attributions],
            "provenance": dict(self.provenance),
            "also_in": list(self.also_in),
            "copies": [c.to_json() for c in self.copies],
            "copies_total": self.copies_total,
        }


# The facet buckets of passages with no value, shown as these labels.
MISSING_LABELS = {"outlet": "unknown outlet", "year": "undated"}


@dataclass
class FacetValue:
    """One bucket: a value and how many distinct passages have it. `missing` is the bucket
    of passages without any value (`value` None); `selected` marks the filter in force."""

    value: str | None
    count: int
    selected: bool = False
    missing: bool = False

    def label(self, facet: str) -> str:
        return MISSING_LABELS.get(facet, "none") if self.missing else str(self.value)

    def to_json(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "count": self.count,
            "selected": self.selected,
            "missing": self.missing,
        }


@dataclass
class Suggestion:
    """Did you mean: the query with its unknown or rare words replaced by the index's closest
    better-known words, and how many hits that finds."""

    q: str
    total: int
    replaced: dict[str, str] = field(default_factory=dict)  # word typed -> word suggested

    def to_json(self) -> dict[str, Any]:
        return {"q": self.q, "total": self.total, "replaced": dict(self.replaced)}


@dataclass
class SearchResult:
    """`total` counts hits after collapsing repeated passages; facets count the same way."""

    request: SearchRequest
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(
        default_factory=lambda: {"outlet": [], "person": [], "year": []}
    )
    suggestion: Suggestion | None = None

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.request.per_page))

    @property
    def first(self) -> int:
        """1-based position of the first hit on this page."""
        return (self.request.page - 1) * self.request.per_page + 1

    @property
    def has_facets(self) -> bool:
        return any(self.facets.values())

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "page": self.request.page,
            "per_page": self.request.per_page,
            "sort": self.request.effective_sort,
            "hits": [hit.to_json() for hit in self.hits],
            "facets": {name: [v.to_json() for v in values] for name, values in self.facets.items()},
            "did_you_mean": self.suggestion.to_json() if self.suggestion else None,
        }


@dataclass
class TracedHit:
    """A passage carrying a traced quotation, and how closely (0-1) it carries it."""

    hit: Hit
    similarity: float

    def to_json(self) -> dict[str, Any]:
        return self.hit.to_json() | {"similarity": round(self.similarity, 3)}


@dataclass
class TraceResult:
    """Every passage carrying a quotation, earliest first (undated ones last)."""

    text: str
    hits: list[TracedHit] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.hits)

    def to_json(self) -> dict[str, Any]:
        return {"total": self.total, "hits": [h.to_json() for h in self.hits]}
