"""A catalog file read (or damaged) with sqlite3 directly: what is on disk, as a client that is
not Cuttings sees it. Tests use it to check what the catalog stored, never to set it up."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any


def rows(path: Path | str, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path, timeout=10) as conn:
        return conn.execute(sql, params).fetchall()


def value(path: Path | str, sql: str, params: tuple[Any, ...] = ()) -> Any:
    found = rows(path, sql, params)
    return found[0][0] if found else None


def write(path: Path | str, sql: str, params: tuple[Any, ...] = ()) -> None:
    """Change the file behind Cuttings' back (to test how it copes with damaged data)."""
    with sqlite3.connect(path, timeout=10) as conn:
        conn.execute(sql, params)
