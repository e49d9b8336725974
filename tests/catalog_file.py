"""A catalog read (or damaged) behind Cuttings' back: sqlite3 on the embedded file, psycopg on
the server-mode database; what is stored, as a client that is not Cuttings sees it. Tests
use it to check what the catalog stored, never to set it up. SQL is written with `?`."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

Where = Path | str | Any  # a file, a postgresql:// URL, or a Catalog


def location(where: Where) -> Path | str:
    db = getattr(where, "db", None)
    if db is not None:
        return getattr(db, "url", None) or db.path
    return where


def _is_url(where: Path | str) -> bool:
    return isinstance(where, str) and where.startswith("postgresql://")


def rows(where: Where, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    where = location(where)
    if _is_url(where):
        import psycopg

        with psycopg.connect(where, autocommit=True) as conn:
            return conn.execute(sql.replace("?", "%s"), params).fetchall()
    with sqlite3.connect(where, timeout=10) as conn:
        return conn.execute(sql, params).fetchall()


def value(where: Where, sql: str, params: tuple[Any, ...] = ()) -> Any:
    found = rows(where, sql, params)
    return found[0][0] if found else None


def write(where: Where, sql: str, params: tuple[Any, ...] = ()) -> None:
    """Change the stored catalog behind Cuttings' back (to test how it copes with bad data)."""
    where = location(where)
    if _is_url(where):
        import psycopg

        with psycopg.connect(where, autocommit=True) as conn:
            conn.execute(sql.replace("?", "%s"), params)
        return
    with sqlite3.connect(where, timeout=10) as conn:
        conn.execute(sql, params)
