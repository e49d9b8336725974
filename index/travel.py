"""Where a passage travelled: its copies in time order, the first publisher and the reposts.

A copy is the same words in another document (a syndication, a forum repost). The timeline
runs from the earliest publication date to the latest, undated copies last. The original is
the earliest dated copy, preferring one published by its outlet itself (no `host`) on the
same day; every other copy is a repost. With no dated copy, nothing can be called the
original and every copy is listed as `undated`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from archive.model import PartialDate
from index.results import Copy

ORIGINAL, REPOST, UNDATED = "original", "repost", "undated"
MAX_TIMELINE = 500  # copies a passage's page lists


@dataclass
class Stop:
    """One copy on the timeline and its role: `original`, `repost` or `undated`."""

    copy: Copy
    role: str

    def to_json(self) -> dict:
        return self.copy.to_json() | {"role": self.role}


def earliest_first(copies: Iterable[Copy]) -> list[Copy]:
    """Copies by publication date (a partial date counts from its first day), a copy from
    the outlet's own site before a repost of the same day, undated copies last."""
    return sorted(copies, key=_order)


def timeline(copies: Iterable[Copy]) -> list[Stop]:
    ordered = earliest_first(copies)
    dated = [c for c in ordered if _day(c) is not None]
    original = dated[0] if dated else None
    return [
        Stop(c, ORIGINAL if c is original else REPOST if _day(c) is not None else UNDATED)
        for c in ordered
    ]


def _order(copy: Copy) -> tuple:
    day = _day(copy)
    return (day is None, day or dt.date.max, bool(copy.host), copy.doc_id, copy.n)


def _day(copy: Copy) -> dt.date | None:
    date = PartialDate.parse(copy.published) if copy.published else None
    if date is None:
        return None
    try:
        return dt.date(date.year, date.month or 1, date.day or 1)
    except ValueError:
        return None
