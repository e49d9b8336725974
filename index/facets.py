"""Facet buckets as a reader sees them, from the counts an engine collected: ordered, cut to
the top values, with the bucket of passages that have no value ("undated", "unknown
outlet") and the filter in force marked (and kept even when it is not among the top)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from index.request import SearchRequest
from index.results import FacetValue

FACET_LIMIT = 20
FACETS = ("outlet", "person", "year")


@dataclass
class FacetCounts:
    """Distinct passages per value of each facet, and per facet those with no value."""

    values: dict[str, dict[str, int]] = field(default_factory=lambda: {name: {} for name in FACETS})
    missing: dict[str, int] = field(default_factory=dict)  # "outlet", "year" -> passages


def facet_buckets(
    counts: FacetCounts, request: SearchRequest, limit: int = FACET_LIMIT
) -> dict[str, list[FacetValue]]:
    """The facets of a result: outlets and people by count, years newest first."""
    selected = _selected(request)
    buckets: dict[str, list[FacetValue]] = {}
    for name in FACETS:
        values = counts.values.get(name, {})
        if name == "year":
            order = sorted(values, reverse=True)
        else:
            order = sorted(values, key=lambda v: (-values[v], v.casefold()))
        chosen = order[:limit]
        wanted = selected.get(name)
        marked = [v for v in values if wanted is not None and _same(name, v, wanted)]
        chosen += [v for v in marked if v not in chosen]
        if wanted is not None and not marked:
            # the filter in force found nothing: still shown, so it can be removed
            chosen.append(wanted)
        buckets[name] = [
            FacetValue(v, values.get(v, 0), selected=wanted is not None and _same(name, v, wanted))
            for v in chosen
        ]
        if name in ("outlet", "year") and (
            counts.missing.get(name) or _missing_selected(name, request)
        ):
            buckets[name].append(
                FacetValue(
                    None,
                    counts.missing.get(name, 0),
                    selected=_missing_selected(name, request),
                    missing=True,
                )
            )
    return buckets


def _selected(request: SearchRequest) -> dict[str, str]:
    chosen: dict[str, str] = {}
    if request.outlet:
        chosen["outlet"] = request.outlet
    if request.person:
        chosen["person"] = request.person
    if request.date_from and request.date_from == request.date_to and len(request.date_from) == 4:
        chosen["year"] = request.date_from
    return chosen


def _same(name: str, value: str, wanted: str) -> bool:
    if name == "year":
        return value == wanted
    return _fold(value) == _fold(wanted)


def _fold(value: str) -> str:
    """Case, accents and spacing aside, as the outlet and person filters compare names."""
    decomposed = unicodedata.normalize("NFKD", value)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def _missing_selected(name: str, request: SearchRequest) -> bool:
    return request.unknown_outlet if name == "outlet" else request.undated
