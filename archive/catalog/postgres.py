"""The server catalog: PostgreSQL through psycopg 3, one connection pool per process and URL.

Every host and process of a server-mode archive talks to one database. A `PostgresDatabase`
borrows a pooled connection when first used and gives it back on `close()` (a web request,
a command). The catalog's SQL is the same as SQLite's: `?` placeholders become psycopg's
`%s` here, and an INSERT's new id comes back through `RETURNING id`.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache

import psycopg
from psycopg import errors as pg_errors
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool, PoolTimeout

from archive.catalog.database import Database, DuplicateRow, Params, Row, split_statements
from archive.datadir import describe_url
from archive.errors import ArchiveError, IndexBusy, Unavailable

POOL_SIZE = 16  # connections per process at most (a serving process runs 8 threads)
CONNECT_TIMEOUT = 10  # seconds

_pools: dict[tuple[str, int], ConnectionPool] = {}
_pools_lock = threading.Lock()


def pool_for(url: str) -> ConnectionPool:
    """This process's pool for a URL (a forked child makes its own). The first connection is
    made directly, so that a server that cannot be reached is one clear error at once."""
    key = (url, os.getpid())
    with _pools_lock:
        pool = _pools.get(key)
        if pool is None:
            try:
                first = psycopg.connect(
                    url, autocommit=True, row_factory=dict_row, connect_timeout=CONNECT_TIMEOUT
                )
            except psycopg.Error as error:
                raise Unavailable(_unreachable(url, _reason(error))) from None
            pool = ConnectionPool(
                url,
                min_size=0,
                max_size=POOL_SIZE,
                kwargs={"autocommit": True, "row_factory": dict_row},
                open=True,
                name=f"cuttings {describe_url(url)}",
            )
            first.close()
            _pools[key] = pool
        return pool


def close_pools() -> None:
    """Close this process's pools (at exit, or before a server forks its workers)."""
    with _pools_lock:
        mine = [k for k in _pools if k[1] == os.getpid()]
        pools = [_pools.pop(k) for k in mine]
    for pool in pools:
        pool.close()


atexit.register(close_pools)


def _reason(error: Exception) -> str:
    """The server's (or libpq's) first line about why."""
    text = str(error).strip()
    return text.splitlines()[0].strip() if text else type(error).__name__


def _unreachable(url: str, why: str) -> str:
    return f"cannot reach the catalog database {describe_url(url)}: {why}"


@lru_cache(maxsize=2048)
def to_psycopg(sql: str) -> str:
    """`?` placeholders as `%s`, and a literal `%` doubled, outside quoted strings."""
    out: list[str] = []
    quote: str | None = None
    for char in sql:
        if quote:
            out.append("%%" if char == "%" else char)
            if char == quote:
                quote = None
        elif char in ("'", '"'):
            quote = char
            out.append(char)
        elif char == "?":
            out.append("%s")
        elif char == "%":
            out.append("%%")
        else:
            out.append(char)
    return "".join(out)


class StatementTimedOut(Unavailable):
    """A statement ran past the time limit its transaction set (`time_limit`)."""

    kind = "timeout"


def lock_key(name: str) -> int:
    """A name as a signed 64-bit advisory lock key."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


class PostgresDatabase(Database):
    """One borrowed connection of the process's pool for `url`, given back on `close()`."""

    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        self.url = url
        self.where = describe_url(url)
        self._conn: psycopg.Connection | None = None
        self._depth = 0
        self._dirty = False  # whether the open transaction has written
        self._lock = threading.RLock()
        self.wrote = False  # whether anything was committed through this connection

    @property
    def conn(self) -> psycopg.Connection:
        if self._conn is None:
            try:
                self._conn = pool_for(self.url).getconn(timeout=30)
            except PoolTimeout:
                raise Unavailable(
                    f"all {POOL_SIZE} connections to {self.where} are busy; try again"
                ) from None
        return self._conn

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """psycopg's errors as the catalog's: a broken key is DuplicateRow, a lost server
        is Unavailable (HTTP 503); anything else is a bug and stays what it is."""
        try:
            yield
        except pg_errors.UniqueViolation as error:
            raise DuplicateRow(str(error.diag.constraint_name or error)) from error
        except (pg_errors.InsufficientPrivilege, pg_errors.UndefinedFile) as error:
            raise ArchiveError(
                f"{self.where} refused: {_reason(error)} (the role in the URL should own the "
                "database, and the server needs PostgreSQL's contrib extensions unaccent and "
                "fuzzystrmatch, which Debian's postgresql package ships)"
            ) from None
        except pg_errors.LockNotAvailable:
            raise IndexBusy(
                "the search tables are busy with another writer: the change is saved and "
                "will be indexed as soon as they are free"
            ) from None
        except psycopg.DataError as error:
            # PostgreSQL text holds no NUL character (SQLite's does): a 400, never a 500
            # (refused by psycopg before sending, or by the server as a bad byte)
            nul = isinstance(
                error, pg_errors.CharacterNotInRepertoire | pg_errors.UntranslatableCharacter
            ) or "NUL" in str(error)
            if not nul:
                raise
            raise ArchiveError(
                "text with a NUL character (\\x00) cannot be stored or searched in server mode: "
                "remove it"
            ) from None
        except pg_errors.QueryCanceled:
            raise StatementTimedOut(f"{self.where} stopped a statement at its time limit") from None
        except pg_errors.ReadOnlySqlTransaction:
            raise Unavailable(
                f"{self.where} is a read-only replica: send writes to the primary"
            ) from None
        except psycopg.OperationalError as error:
            self._discard()
            raise Unavailable(_unreachable(self.url, _reason(error))) from None

    def _execute(self, sql: str, params: Params) -> psycopg.Cursor:
        with self._errors():
            return self.conn.execute(to_psycopg(sql), tuple(params))

    def all(self, sql: str, params: Params = ()) -> list[Row]:
        with self._lock:
            cursor = self._execute(sql, params)
            return cursor.fetchall() if cursor.description else []

    def stream(self, sql: str, params: Params = (), size: int = 2000) -> Iterator[list[Row]]:
        """Through a server-side cursor, in a transaction of its own."""
        with (
            self._lock,
            self.transaction(),
            self._errors(),
            self.conn.cursor(name="cuttings_stream") as cursor,
        ):
            cursor.execute(to_psycopg(sql), tuple(params))
            while True:
                rows = cursor.fetchmany(size)
                if not rows:
                    return
                yield rows

    def run(self, sql: str, params: Params = ()) -> int:
        with self._lock:
            count = self._execute(sql, params).rowcount
            self._mark_written()
            return count

    def run_many(self, sql: str, rows: Iterable[Params]) -> None:
        batch = [tuple(r) for r in rows]
        if not batch:
            return
        with self._lock, self._errors(), self.conn.cursor() as cursor:
            cursor.executemany(to_psycopg(sql), batch)
            self._mark_written()

    def insert(self, sql: str, params: Params = ()) -> int:
        with self._lock:
            row = self._execute(sql + " RETURNING id", params).fetchone()
            self._mark_written()
            return int(row["id"])

    def script(self, sql: str) -> None:
        with self._lock:
            for statement in split_statements(sql):
                self._execute(statement, ())
            self._mark_written()

    def lock(self, name: str) -> None:
        """Hold a named lock until this transaction ends: writers of one kind queue here."""
        self.scalar("SELECT pg_advisory_xact_lock(?)", (lock_key(name),))

    def wait_for_locks(self, seconds: float | None) -> None:
        """`SET LOCAL lock_timeout` for the rest of this transaction."""
        if seconds is not None and self._depth:
            self.run(f"SET LOCAL lock_timeout = '{max(1, int(seconds * 1000))}ms'")

    def time_limit(self, seconds: float) -> None:
        """Inside a transaction: stop any statement of it that runs longer (StatementTimedOut).
        A setting, not a write: a search on a replica may take one too. Inside a caller's
        transaction (a nested one) nothing is set: the limit would outlive the search."""
        if self._depth == 1:
            ms = max(1, int(seconds * 1000))
            self.scalar("SELECT set_config('statement_timeout', ?, true) AS s", (f"{ms}ms",))

    def _mark_written(self) -> None:
        if self._depth:
            self._dirty = True  # the commit will have written
        else:
            self.wrote = True

    @contextmanager
    def transaction(self) -> Iterator[PostgresDatabase]:
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self
                finally:
                    self._depth -= 1
                return
            self._execute("BEGIN", ())
            self._depth = 1
            self._dirty = False
            try:
                yield self
            except BaseException:
                self._depth = 0
                if self._conn is not None and not self._conn.closed:
                    with self._errors():
                        self._conn.execute("ROLLBACK")
                raise
            self._depth = 0
            self._execute("COMMIT", ())
            if self._dirty:  # a read-only transaction (a timed search) wrote nothing
                self.wrote = True

    # -- replicas ----------------------------------------------------------------------------

    def write_position(self) -> str:
        """The primary's WAL position now: a replica that has replayed it has our writes."""
        return str(self.scalar("SELECT pg_current_wal_insert_lsn()::text AS lsn"))

    def has_replayed(self, position: str) -> bool:
        """Whether this (replica) server has replayed the primary's WAL up to `position`."""
        return bool(
            self.scalar(
                "SELECT COALESCE(pg_last_wal_replay_lsn() >= ?::pg_lsn, TRUE) AS done",
                (position,),
            )
        )

    # -- schema introspection (copying an archive) -------------------------------------------

    def table_names(self) -> list[str]:
        rows = self.all(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = "
            "current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
        )
        return [r["table_name"] for r in rows]

    def column_names(self, table: str) -> list[str]:
        rows = self.all(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = "
            "current_schema() AND table_name = ? ORDER BY ordinal_position",
            (table,),
        )
        return [r["column_name"] for r in rows]

    def primary_key(self, table: str) -> list[str]:
        rows = self.all(
            "SELECT a.attname AS name FROM pg_index i JOIN pg_attribute a ON "
            "a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
            "WHERE i.indrelid = ?::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)",
            (table,),
        )
        return [r["name"] for r in rows]

    def reset_identity(self, table: str) -> None:
        """After rows were copied in with their ids, new ids continue after the largest."""
        sequence = self.scalar("SELECT pg_get_serial_sequence(?, 'id') AS s", (table,))
        if sequence is None:
            return  # no generated id (passages are keyed by text)
        self.scalar(
            "SELECT setval(?::regclass, "
            f"COALESCE((SELECT MAX(id) FROM {quote_identifier(table)}), 0) + 1, false) AS v",
            (sequence,),
        )

    def close(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            self._depth = 0
            pool = _pools.get((self.url, os.getpid()))
            if pool is None:
                conn.close()
            else:
                pool.putconn(conn)  # the pool rolls back anything left open

    def _discard(self) -> None:
        """Drop a broken connection instead of giving it back."""
        if self._conn is not None:
            conn, self._conn = self._conn, None
            self._depth = 0
            pool = _pools.get((self.url, os.getpid()))
            if pool is not None:
                conn.close()
                pool.putconn(conn)


def quote_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
