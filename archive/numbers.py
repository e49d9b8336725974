"""Whole numbers as people type them in query strings and forms: checked, never trusted.

One parser for every page number, count and id a door receives, so that `page=abc`,
`page=-1` and `page=99999999999999999999` are the same clear 400 everywhere.
"""

from __future__ import annotations

from typing import Any

from archive.errors import ArchiveError

MAX_PAGE = 10_000


def whole_number(value: Any, name: str, low: int, high: int, default: int) -> int:
    """`value` as an int from `low` to `high` (`default` when empty); ArchiveError otherwise."""
    if value in (None, ""):
        return default
    text = str(value).strip()
    number = int(text) if text.isascii() and text.isdigit() and len(text) <= 19 else None
    if text.startswith("-") and text[1:].isascii() and text[1:].isdigit() and len(text) <= 20:
        number = int(text)
    if number is None or not low <= number <= high:
        raise ArchiveError(f"{name} must be a whole number from {low} to {high}, not {value!r}")
    return number


def page_number(value: Any, maximum: int = MAX_PAGE) -> int:
    """A `page` argument: 1 when absent."""
    return whole_number(value, "page", 1, maximum, 1)
