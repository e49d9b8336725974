"""A connection to the catalog's database, with the few calls the catalog's SQL needs.

The catalog's SQL is written once, with `?` placeholders, in SQL that SQLite and PostgreSQL
both accept. What differs between engines - connecting, placeholders, how a new row's id
comes back, how a write transaction starts - is a `Database` subclass's business.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from archive.errors import Conflict

Row = dict[str, Any]
Params = Sequence[Any]
_savepoints = itertools.count(1)


def now_iso() -> str:
    """The time now, as the catalog stores it: ISO 8601 in UTC, to the second."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class DuplicateRow(Conflict):
    """A write that a unique constraint refused (another writer got there first: say, the
    same content added by two processes at once); the caller decides what that means."""


class Database:
    """The engine-neutral surface: rows come back as plain dicts; a unique constraint's
    refusal is a DuplicateRow, whichever engine raised it."""

    dialect = "generic"
    wrote = False  # whether anything was committed through this connection

    def one(self, sql: str, params: Params = ()) -> Row | None:
        rows = self.all(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Params = ()) -> Any:
        row = self.one(sql, params)
        return next(iter(row.values())) if row else None

    def all(self, sql: str, params: Params = ()) -> list[Row]:
        raise NotImplementedError

    def run(self, sql: str, params: Params = ()) -> int:
        """Execute a statement; the number of rows it changed."""
        raise NotImplementedError

    def stream(self, sql: str, params: Params = (), size: int = 2000) -> Iterator[list[Row]]:
        """A large result in batches of `size` rows, never all of it in memory."""
        raise NotImplementedError
        yield []

    def run_many(self, sql: str, rows: Iterable[Params]) -> None:
        raise NotImplementedError

    def insert(self, sql: str, params: Params = ()) -> int:
        """Execute an INSERT into a table with an `id` key; the new row's id."""
        raise NotImplementedError

    def script(self, sql: str) -> None:
        """Execute several statements (a migration)."""
        raise NotImplementedError

    def lock(self, name: str) -> None:
        """Inside a transaction: hold a named lock until it ends, so that writers of one kind
        (say, those matching people) take turns."""
        raise NotImplementedError

    def wait_for_locks(self, seconds: float | None) -> None:
        """Inside a transaction: wait at most `seconds` for other writers' locks from here on
        (None: as long as it takes); past it the write raises IndexBusy."""

    def time_limit(self, seconds: float) -> None:
        """Inside a transaction: stop a statement of it that runs longer than `seconds` (an
        engine that bounds its own work, as SQLite's callers do, leaves this as it is)."""

    @property
    def in_transaction(self) -> bool:
        return bool(getattr(self, "_depth", 0))

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One atomic unit of work, rolled back whole on any error; nested calls join it."""
        raise NotImplementedError
        yield self

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """Inside a transaction: a part that may fail alone. An error rolls back what the
        block wrote (and is raised), and the transaction goes on without it."""
        if not self.in_transaction:
            raise RuntimeError("a savepoint needs an open transaction")
        name = f"cuttings_part_{next(_savepoints)}"
        self.run(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            if self.transaction_alive():
                self.run(f"ROLLBACK TO SAVEPOINT {name}")
            raise
        self.run(f"RELEASE SAVEPOINT {name}")

    def transaction_alive(self) -> bool:
        """Whether the open transaction can still be rolled back to a savepoint (SQLite
        rolls a whole transaction back itself on some errors, such as a full disk)."""
        return True

    # -- schema introspection (copying an archive between engines) ---------------------------

    def table_names(self) -> list[str]:
        raise NotImplementedError

    def column_names(self, table: str) -> list[str]:
        raise NotImplementedError

    def primary_key(self, table: str) -> list[str]:
        raise NotImplementedError

    def reset_identity(self, table: str) -> None:
        """After rows were copied in with their ids, let new ids continue after the largest."""

    def close(self) -> None:
        raise NotImplementedError


class SQLiteDatabase(Database):
    """The embedded catalog: one SQLite file in the data directory, in WAL mode."""

    dialect = "sqlite"

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        self._conn: sqlite3.Connection | None = None
        self._depth = 0
        self._lock = threading.RLock()

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = self._connect()
        return self._conn

    def _connect(self) -> sqlite3.Connection:
        if self.path != ":memory:" and not os.path.exists(self.path):
            # the catalog holds password hashes: owner-only from the first byte
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o600))
        conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False, isolation_level=None)
        conn.row_factory = _dict_row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        # What a savepoint must be able to undo (each document of an ingest group has one) went
        # to a temporary file once past 64 KiB: 170,000 writes for a load of 2,000 files. In
        # memory it is at most the pages one statement or savepoint changes.
        conn.execute("PRAGMA temp_store = MEMORY")
        return conn

    def all(self, sql: str, params: Params = ()) -> list[Row]:
        with self._lock:
            return self.conn.execute(sql, tuple(params)).fetchall()

    def stream(self, sql: str, params: Params = (), size: int = 2000) -> Iterator[list[Row]]:
        with self._lock:
            cursor = self.conn.execute(sql, tuple(params))
        while True:
            with self._lock:
                rows = cursor.fetchmany(size)
            if not rows:
                return
            yield rows

    def run(self, sql: str, params: Params = ()) -> int:
        with self._lock, _unique():
            count = self.conn.execute(sql, tuple(params)).rowcount
            self.wrote = True
            return count

    def run_many(self, sql: str, rows: Iterable[Params]) -> None:
        with self._lock, _unique():
            self.conn.executemany(sql, [tuple(r) for r in rows])
            self.wrote = True

    def insert(self, sql: str, params: Params = ()) -> int:
        with self._lock, _unique():
            new_id = int(self.conn.execute(sql, tuple(params)).lastrowid)
            self.wrote = True
            return new_id

    def lock(self, name: str) -> None:
        """Nothing to take: BEGIN IMMEDIATE already gave this transaction the only write lock."""

    def script(self, sql: str) -> None:
        with self._lock:
            for statement in split_statements(sql):
                self.conn.execute(statement)

    @contextmanager
    def transaction(self) -> Iterator[SQLiteDatabase]:
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self
                finally:
                    self._depth -= 1
                return
            # IMMEDIATE takes the write lock at once: two writers queue instead of deadlocking
            self.conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self
            except BaseException:
                self._depth = 0
                if self.conn.in_transaction:  # not when SQLite rolled it back itself
                    self.conn.execute("ROLLBACK")
                raise
            self._depth = 0
            self.conn.execute("COMMIT")

    def transaction_alive(self) -> bool:
        return self.conn.in_transaction

    def table_names(self) -> list[str]:
        rows = self.all(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
        return [r["name"] for r in rows]

    def column_names(self, table: str) -> list[str]:
        return [r["name"] for r in self.all("SELECT name FROM pragma_table_info(?)", (table,))]

    def primary_key(self, table: str) -> list[str]:
        rows = self.all("SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", (table,))
        return [r["name"] for r in rows]

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


@contextmanager
def _unique() -> Iterator[None]:
    """SQLite's unique-constraint error as the engine-neutral DuplicateRow."""
    try:
        yield
    except sqlite3.IntegrityError as error:
        if "UNIQUE" in str(error) or "PRIMARY KEY" in str(error):
            raise DuplicateRow(str(error)) from error
        raise


def _dict_row(cursor: sqlite3.Cursor, row: tuple[Any, ...]) -> Row:
    return {column[0]: value for column, value in zip(cursor.description, row, strict=True)}


def split_statements(sql: str) -> list[str]:
    """A migration's statements: split on `;` at line ends, comments dropped."""
    lines = [line for line in sql.splitlines() if not line.strip().startswith("--")]
    statements, current = [], []
    for line in lines:
        current.append(line)
        if line.rstrip().endswith(";"):
            statements.append("\n".join(current).strip().rstrip(";"))
            current = []
    tail = "\n".join(current).strip()
    if tail:
        statements.append(tail)
    return [s for s in statements if s]
