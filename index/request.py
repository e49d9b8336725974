"""A search as asked: the query, filters, page and order, checked before anything runs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from archive.errors import ArchiveError
from archive.model import PASSAGE_KINDS, SEARCHABLE_KINDS, PartialDate
from archive.numbers import whole_number

# `date` is the first name of `newest`, kept for the links and scripts that use it.
SORTS = ("relevance", "newest", "oldest", "date")
SORT_LABELS = {"relevance": "relevance", "newest": "newest first", "oldest": "oldest first"}
MAX_PAGE = 1000
_YES = ("1", "true", "yes", "on")
_NO = ("", "0", "false", "no", "off")
MAX_PER_PAGE = 100


@dataclass
class SearchRequest:
    """What a reader asked for. Empty `q` with a filter lists the matching passages, newest first."""

    q: str = ""
    person: str | None = None
    outlet: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    page: int = 1
    per_page: int = 20
    sort: str = "relevance"
    kinds: tuple[str, ...] = field(default_factory=lambda: tuple(SEARCHABLE_KINDS))
    undated: bool = False  # only passages whose document has no publication date
    unknown_outlet: bool = False  # only passages whose document names no outlet

    @classmethod
    def from_args(cls, args: Mapping[str, Any]) -> SearchRequest:
        """From query-string arguments (`from`, `to`, `kinds` comma-separated or repeated)."""
        kinds = _kinds_from(args)
        return cls(
            q=(args.get("q") or "").strip(),
            person=(args.get("person") or "").strip() or None,
            outlet=(args.get("outlet") or "").strip() or None,
            date_from=(args.get("from") or "").strip() or None,
            date_to=(args.get("to") or "").strip() or None,
            page=whole_number(args.get("page"), "page", 1, MAX_PAGE, 1),
            per_page=whole_number(args.get("per_page"), "per_page", 1, MAX_PER_PAGE, 20),
            sort=(args.get("sort") or "relevance").strip(),
            kinds=kinds or tuple(SEARCHABLE_KINDS),
            undated=_flag(args.get("undated"), "undated"),
            unknown_outlet=_flag(args.get("unknown_outlet"), "unknown_outlet"),
        )

    @property
    def has_filter(self) -> bool:
        return bool(
            self.person
            or self.outlet
            or self.date_from
            or self.date_to
            or self.undated
            or self.unknown_outlet
        )

    @property
    def effective_sort(self) -> str:
        """`relevance`, `newest` or `oldest`: relevance needs words to rank by, so a listing
        without `q` is newest first unless oldest is asked for; `date` means newest."""
        sort = "newest" if self.sort == "date" else self.sort
        return sort if self.q.strip() or sort != "relevance" else "newest"

    def validate(self) -> None:
        """ArchiveError with a message saying what to fix; nothing is searched before this."""
        whole_number(self.page, "page", 1, MAX_PAGE, 1)
        whole_number(self.per_page, "per_page", 1, MAX_PER_PAGE, 20)
        if self.sort not in SORTS:
            raise ArchiveError(f"sort must be one of {', '.join(SORTS)}, not {self.sort!r}")
        unknown = [k for k in self.kinds if k not in PASSAGE_KINDS]
        if unknown or not self.kinds:
            raise ArchiveError(f"kinds must be some of {', '.join(PASSAGE_KINDS)}")
        if not self.q.strip() and not self.has_filter:
            raise ArchiveError("type something to search for, or choose a person, outlet or dates")
        if self.undated and (self.date_from or self.date_to):
            raise ArchiveError(
                "undated passages have no date to compare: choose undated or from/to, not both"
            )
        if self.unknown_outlet and self.outlet:
            raise ArchiveError("choose an outlet or passages with no outlet, not both")
        start, end = self.date_range()
        if start and end and start > end:
            raise ArchiveError(
                f"the dates are the wrong way round: from {self.date_from} "
                f"is after to {self.date_to}"
            )

    def date_range(self) -> tuple[dt.datetime | None, dt.datetime | None]:
        """`from` is the start of its period and `to` the end: to=2005 includes 2005-12-31."""
        start = _date_bound(self.date_from, "from", end=False) if self.date_from else None
        end = _date_bound(self.date_to, "to", end=True) if self.date_to else None
        return start, end

    def to_args(self, **changes: Any) -> dict[str, Any]:
        """Query-string arguments for this request with some changed (for links)."""
        args = {
            "q": self.q,
            "person": self.person,
            "outlet": self.outlet,
            "from": self.date_from,
            "to": self.date_to,
            "sort": self.sort,
            "page": self.page,
            "per_page": self.per_page,
            "kinds": ",".join(self.kinds) if tuple(self.kinds) != SEARCHABLE_KINDS else None,
            "undated": 1 if self.undated else None,
            "unknown_outlet": 1 if self.unknown_outlet else None,
        }
        args.update(changes)
        if args.get("page") == 1:
            args["page"] = None
        if args.get("per_page") == 20:
            args["per_page"] = None
        if args.get("sort") == "relevance":
            args["sort"] = None
        for flag in ("undated", "unknown_outlet"):
            if not args.get(flag):
                args[flag] = None
        return {k: v for k, v in args.items() if v not in (None, "")}

    def cache_key(self) -> tuple[Any, ...]:
        """Everything that decides the answer: equal keys, equal results on one index."""
        return (
            self.q,
            self.person,
            self.outlet,
            self.date_from,
            self.date_to,
            self.page,
            self.per_page,
            self.effective_sort,
            tuple(self.kinds),
            self.undated,
            self.unknown_outlet,
        )


def _flag(value: Any, name: str) -> bool:
    """A yes/no query-string argument (`undated=1`); anything else is a 400."""
    text = str(value if value is not None else "").strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ArchiveError(f"{name} must be 1 or 0, not {value!r}")


def _kinds_from(args: Mapping[str, Any]) -> tuple[str, ...]:
    values = args.getlist("kinds") if hasattr(args, "getlist") else [args.get("kinds") or ""]
    if isinstance(values, str):
        values = [values]
    flat = [k.strip() for value in values for k in str(value or "").split(",") if k.strip()]
    return tuple(dict.fromkeys(flat))


def _date_bound(text: str, name: str, *, end: bool) -> dt.datetime:
    date = PartialDate.parse(text)
    if date is None or len(text.strip()) not in (4, 7, 10):
        raise ArchiveError(f"{name} date {text!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    try:
        if not end:
            return dt.datetime(date.year, date.month or 1, date.day or 1)
        if date.day:
            day = dt.date(date.year, date.month or 1, date.day)
        elif date.month:
            following = dt.date(date.year + date.month // 12, date.month % 12 + 1, 1)
            day = following - dt.timedelta(days=1)
        else:
            day = dt.date(date.year, 12, 31)
    except ValueError:
        raise ArchiveError(f"{name} date {text!r} is not a calendar date") from None
    return dt.datetime.combine(day, dt.time.max)
