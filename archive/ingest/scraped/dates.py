"""Dates printed in text, with day-first or month-first order decided from evidence.

A numeric date such as `04.12.2020` or `12/04/2020` is ambiguous until something decides
the order. The evidence, strongest first:

1. the date itself: a part above 12 can only be the day;
2. other numeric dates in the same text written the same way, one of which has a part
   above 12;
3. the separator: dots (`04.12.2020`) are the European convention (also Israel's,
   Russia's, Germany's); no US publisher prints dotted month-first dates;
4. a convention the caller knows (`hint`, e.g. "mdy" for a US outlet or a .com/us URL);
5. the text's written dates: `December 4, 2020` is month-first (US) style, `4 December
   2020` day-first (British, European) style.

With none of these, the date is read day-first (the convention of most of the world) and
marked uncertain. Every reading carries the reason, so it can be stored as evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.model import PartialDate

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

NUMERIC = re.compile(r"(?<![\d.:/-])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/-]|\.\d)")
ISO = re.compile(r"(?<!\d)((?:1[89]|20)\d\d)-(\d\d)-(\d\d)(?!\d)")
MONTH_FIRST = re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I)
DAY_FIRST = re.compile(rf"\b{_WEEKDAY}{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b", re.I)
MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+{_YEAR}\b", re.I)

# The order conventions a caller may pass as `hint`.
ORDERS = ("dmy", "mdy")


@dataclass(frozen=True)
class DateReading:
    """A date found in text: its value, the text it was read from, and why it was read so."""

    date: PartialDate
    matched: str
    reason: str
    uncertain: bool = False


def _valid(year: int, month: int, day: int | None) -> PartialDate | None:
    """A PartialDate when month and day are in range, else None."""
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    return PartialDate(year, month, day)


def _full_year(year: str) -> int:
    """A four-digit year; two-digit years are read as 20xx up to 69, else 19xx."""
    value = int(year)
    if len(year) == 4:
        return value
    return 2000 + value if value < 70 else 1900 + value


def parse_written(text: str) -> DateReading | None:
    """The first date written with a month name (`April 24, 2024`, `4 December 2020`)."""
    found = [m for m in (MONTH_FIRST.search(text), DAY_FIRST.search(text)) if m]
    if found:
        match = min(found, key=lambda m: m.start())
        month = MONTHS[match.group("month").lower()]
        date = _valid(int(match.group("year")), month, int(match.group("day")))
        if date:
            return DateReading(date, match.group(0), "month written as a word")
    match = MONTH_YEAR.search(text)
    if match:
        month = MONTHS[match.group("month").lower()]
        date = PartialDate(int(match.group("year")), month)
        return DateReading(date, match.group(0), "month and year only")
    return None


def written_order(text: str) -> tuple[str | None, str]:
    """The order the text's written dates use: ("mdy"|"dmy"|None, reason)."""
    mdy = MONTH_FIRST.findall(text)
    dmy = DAY_FIRST.findall(text)
    if len(mdy) > len(dmy):
        return "mdy", f"the text writes dates month first ({len(mdy)} like 'December 4, 2020')"
    if len(dmy) > len(mdy):
        return "dmy", f"the text writes dates day first ({len(dmy)} like '4 December 2020')"
    return None, ""


def numeric_order(text: str, separator: str) -> tuple[str | None, str]:
    """The order proven by another numeric date in `text` with the same separator."""
    for first, sep, second, _year in NUMERIC.findall(text):
        if sep != separator:
            continue
        if int(first) > 12 >= int(second):
            return "dmy", f"another date in the text, {first}{sep}{second}, has the day first"
        if int(second) > 12 >= int(first):
            return "mdy", f"another date in the text, {first}{sep}{second}, has the month first"
    return None, ""


def _order_for(
    first: int, second: int, separator: str, context: str, hint: str | None
) -> tuple[str, str, bool]:
    """(order, reason, uncertain) for a numeric date, weighing the evidence in turn."""
    if first > 12 >= second:
        return "dmy", f"{first} can only be a day", False
    if second > 12 >= first:
        return "mdy", f"{second} can only be a day", False
    if first == second:
        return "dmy", "day and month are the same number", False
    order, reason = numeric_order(context, separator)
    if order:
        return order, reason, False
    if separator == ".":
        return "dmy", "dotted numeric dates are day-first (the European convention)", False
    if hint in ORDERS:
        return hint, f"the source's convention is {hint}", False
    order, reason = written_order(context)
    if order:
        return order, reason, False
    return "dmy", "no evidence for the order; read day-first, the commoner convention", True


def parse_numeric(text: str, context: str = "", hint: str | None = None) -> DateReading | None:
    """The first numeric date in `text` (ISO or d/m/y-like), ordered by the evidence."""
    iso = ISO.search(text)
    if iso:
        date = _valid(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        if date:
            return DateReading(date, iso.group(0), "ISO 8601 date")
    match = NUMERIC.search(text)
    if not match:
        return None
    first, separator, second, year = match.groups()
    order, reason, uncertain = _order_for(int(first), int(second), separator, context, hint)
    day, month = (int(first), int(second)) if order == "dmy" else (int(second), int(first))
    date = _valid(_full_year(year), month, day)
    if not date:
        return None
    return DateReading(date, match.group(0), f"{match.group(0)}: {reason}", uncertain)


def parse_date(text: str, context: str = "", hint: str | None = None) -> DateReading | None:
    """The first date in `text`, written or numeric; `context` is the text around it."""
    written = parse_written(text)
    numeric = parse_numeric(text, context or text, hint)
    if written and numeric:
        return written if text.find(written.matched) <= text.find(numeric.matched) else numeric
    return written or numeric
