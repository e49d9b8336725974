"""Publication dates as every engine indexes them: the first day of the published period,
and that day as the number yyyymmdd (ordered as the dates are)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from archive.model import PartialDate


def day_number(date: dt.datetime | dt.date) -> int:
    """A date as the int yyyymmdd (`2005-03-01` -> 20050301): ordered as the dates are."""
    return date.year * 10000 + date.month * 100 + date.day


def published_date(published: Any) -> dt.datetime | None:
    """The first day of the published period (`2005` -> 2005-01-01); None if unknown."""
    date = PartialDate.parse(str(published)) if published else None
    if date is None:
        return None
    try:
        return dt.datetime(date.year, date.month or 1, date.day or 1)
    except ValueError:
        return None
