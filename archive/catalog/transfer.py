"""Copying a catalog from one engine to the other (`cuttings migrate`), resumably.

Every table the migrations create is copied row for row with its ids, in the order the
migrations create them (so a row's references arrive before it), in batches of one
transaction each that skip the rows already there: a copy killed half-way goes on where it
stopped when run again. Afterwards each table is counted and hashed on both sides.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from archive.catalog.catalog import ORIGINALS_FOLDER, Catalog
from archive.catalog.database import Database
from archive.catalog.migrations import migrations
from archive.errors import Conflict

BATCH = 2000
_CREATE = re.compile(r"CREATE TABLE IF NOT EXISTS (\w+)", re.IGNORECASE)
SOURCE_KEY = "migrated_from"  # meta: the archive a copy came from (for resuming)
STATE_KEY = "migration_state"  # meta: "copying" until the copy is checked, then "done"


@dataclass
class TableReport:
    """One table after the copy: rows on each side and whether their contents agree."""

    name: str
    source_rows: int
    target_rows: int
    copied: int
    same_contents: bool

    @property
    def ok(self) -> bool:
        return self.source_rows == self.target_rows and self.same_contents

    def to_json(self) -> dict[str, Any]:
        return {
            "table": self.name,
            "source_rows": self.source_rows,
            "target_rows": self.target_rows,
            "copied": self.copied,
            "same_contents": self.same_contents,
        }


def catalog_tables() -> list[str]:
    """The catalog's tables, in the order the migrations create them."""
    found: list[str] = []
    for migration in migrations():
        for name in _CREATE.findall(migration.sql):
            if name not in found and name != "schema_migrations":
                found.append(name)
    return found


def check_source(source: Catalog) -> None:
    """Conflict for a source that is itself an unfinished copy."""
    state = source.db.scalar("SELECT value FROM meta WHERE name = ?", (STATE_KEY,))
    if state == "copying":
        origin = source.db.scalar("SELECT value FROM meta WHERE name = ?", (SOURCE_KEY,))
        raise Conflict(
            f"this archive is an unfinished copy of {origin}: run that `cuttings migrate` again "
            "to finish it first"
        )


def claim_target(target: Catalog, source_name: str) -> None:
    """Mark an empty target (or one this same source was already being copied into) as the
    copy's; Conflict for a target holding another archive."""
    db = target.db
    claimed = db.scalar("SELECT value FROM meta WHERE name = ?", (SOURCE_KEY,))
    if claimed is None:
        holds = db.scalar("SELECT COUNT(*) AS n FROM documents") or 0
        holds += db.scalar("SELECT COUNT(*) AS n FROM users") or 0
        if holds:
            raise Conflict(
                "the target already holds an archive: migrate into an empty database or folder"
            )
    elif claimed != source_name:
        raise Conflict(f"the target is a copy of {claimed}, not of {source_name}")
    with db.transaction():
        for name, value in ((SOURCE_KEY, source_name), (STATE_KEY, "copying")):
            db.run(
                "INSERT INTO meta (name, value) VALUES (?, ?) "
                "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                (name, value),
            )


def copy_tables(
    source: Catalog, target: Catalog, progress: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Copy every catalog table's missing rows; the rows copied per table."""
    copied = {}
    for table in catalog_tables():
        copied[table] = copy_table(source.db, target.db, table, progress)
    return copied


def copy_table(
    source: Database,
    target: Database,
    table: str,
    progress: Callable[[str, int], None] | None = None,
) -> int:
    columns = [c for c in target.column_names(table) if c in set(source.column_names(table))]
    key = target.primary_key(table) or columns
    names = ", ".join(columns)
    where, params = "", ()
    if key == ["id"]:
        # ids only grow: a resumed copy starts after the last id it wrote
        last = target.scalar(f"SELECT MAX(id) AS m FROM {table}")
        if last is not None:
            where, params = " WHERE id > ?", (last,)
    insert = (
        f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' for _ in columns)}) "
        "ON CONFLICT DO NOTHING"
    )
    copied = 0
    order = ", ".join(key)
    select = f"SELECT {names} FROM {table}{where} ORDER BY {order}"
    for rows in source.stream(select, params, size=BATCH):
        with target.transaction():
            target.run_many(insert, [tuple(r[c] for c in columns) for r in rows])
        copied += len(rows)
        if progress is not None:
            progress(table, copied)
    if "id" in columns:
        target.reset_identity(table)
    return copied


def compare_tables(source: Catalog, target: Catalog, copied: dict[str, int]) -> list[TableReport]:
    """Each table counted and hashed on both sides (its rows' values as text)."""
    reports = []
    for table in catalog_tables():
        columns = [c for c in target.db.column_names(table) if c in source.db.column_names(table)]
        sql = f"SELECT {', '.join(columns)} FROM {table}"
        mine = _digest(source.db, sql, columns, skip=_markers(table))
        theirs = _digest(target.db, sql, columns, skip=_markers(table))
        reports.append(
            TableReport(table, mine[0], theirs[0], copied.get(table, 0), mine[1] == theirs[1])
        )
    return reports


def _markers(table: str) -> set[str]:
    """Rows of each side's own, left out of the check: where a copy came from, and where a
    server archive's hosts find the originals."""
    return {SOURCE_KEY, STATE_KEY, ORIGINALS_FOLDER} if table == "meta" else set()


def _digest(db: Database, sql: str, columns: list[str], skip: set[str]) -> tuple[int, str]:
    """Rows counted and hashed as a set (the sum of each row's SHA-256): the engines may
    order text keys differently, the contents must not differ."""
    total = 0
    count = 0
    for rows in db.stream(sql):
        for row in rows:
            if skip and row.get("name") in skip:
                continue
            count += 1
            digest = hashlib.sha256()
            for column in columns:
                value = row[column]
                digest.update(b"\x00" if value is None else str(value).encode() + b"\x01")
            total = (total + int.from_bytes(digest.digest(), "big")) % (1 << 256)
    return count, f"{total:064x}"


def finish_target(target: Catalog) -> None:
    """Mark a checked copy as done."""
    target.db.run("UPDATE meta SET value = 'done' WHERE name = ?", (STATE_KEY,))
