"""The catalog: the archive's source of truth beside the originals, and the only code that
runs SQL. Documents, people, quotes, accounts and the audit log are its parts, each with
intention-named methods; all of them share one database connection and its transactions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from archive import personnames
from archive.catalog.accounts import Accounts
from archive.catalog.audit import AuditLog
from archive.catalog.database import Database, SQLiteDatabase
from archive.catalog.documents import Documents
from archive.catalog.index_queue import IndexQueue
from archive.catalog.jobs import Jobs
from archive.catalog.keys import refresh_person_keys
from archive.catalog.migrations import current_version, latest_version, migrate, pending
from archive.catalog.people import People
from archive.catalog.quotes import Quotes
from archive.datadir import DataDir, is_database_url
from archive.errors import ArchiveError


class SchemaOutdated(ArchiveError):
    """A catalog whose schema is older (or newer) than this code: one line naming the fix."""

    status = 503
    kind = "schema"


class Catalog:
    """One archive's catalog over a database connection (not shared between threads)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.audit = AuditLog(db)
        self.documents = Documents(db, self)
        self.people = People(db, self)
        self.quotes = Quotes(db, self)
        self.accounts = Accounts(db, self)
        self.index_queue = IndexQueue(db)
        self.jobs = Jobs(db)

    @contextmanager
    def transaction(self) -> Iterator[Catalog]:
        """Several changes as one: nothing of them is kept unless all succeed."""
        with self.db.transaction():
            yield self

    def schema_version(self) -> int:
        return current_version(self.db)

    def upgrade(self) -> list[int]:
        """Apply pending migrations, and refold stored name keys if the rule changed."""
        applied = migrate(self.db)
        stored = self.db.scalar("SELECT value FROM meta WHERE name = 'person_key_version'")
        if stored != str(personnames.KEY_VERSION):
            with self.db.transaction():
                refresh_person_keys(self.db)
        return applied

    def is_current(self) -> bool:
        """Whether every migration this code knows has been applied."""
        return not pending(self.db)

    def require_current(self, where: str, fix: str = "cuttings db init") -> None:
        """SchemaOutdated, naming the command to run, unless every migration has been applied."""
        if self.is_current():
            return
        have, need = self.schema_version(), latest_version()
        if have == 0 and "documents" not in self.db.table_names():
            raise SchemaOutdated(f"{where} has no Cuttings catalog yet: run `{fix}` to create it")
        raise SchemaOutdated(
            f"the catalog in {where} has schema version {have} and this Cuttings needs {need}: "
            f"run `{fix}` to upgrade it"
        )

    def secret(self, name: str, make: Callable[[], str]) -> str:
        """A value every host of the archive shares (the web's session key), made once."""
        self.db.run(
            "INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
            (name, make()),
        )
        return str(self.db.scalar("SELECT value FROM meta WHERE name = ?", (name,)))

    def shared_value(self, name: str) -> str | None:
        """A value the archive's hosts share (kept in the catalog's `meta`), if set."""
        value = self.db.scalar("SELECT value FROM meta WHERE name = ?", (name,))
        return None if value is None else str(value)

    def share_value(self, name: str, value: str) -> None:
        self.db.run(
            "INSERT INTO meta (name, value) VALUES (?, ?) "
            "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            (name, value),
        )

    # -- replicas (server mode) ----------------------------------------------------------------

    @property
    def where(self) -> str:
        """The file or database URL this catalog reads."""
        return str(getattr(self.db, "url", None) or getattr(self.db, "path", ""))

    @property
    def wrote(self) -> bool:
        """Whether anything was committed through this catalog's connection."""
        return self.db.wrote

    def write_position(self) -> str | None:
        """Where the primary's write-ahead log is now (None for an embedded catalog)."""
        position = getattr(self.db, "write_position", None)
        return position() if position else None

    def has_replayed(self, position: str) -> bool:
        """Whether this catalog (a replica) holds every write up to `position`."""
        replayed = getattr(self.db, "has_replayed", None)
        return replayed(position) if replayed else True

    def close(self) -> None:
        self.db.close()


def open_catalog(where: Path | str, *, upgrade: bool = True) -> Catalog:
    """The catalog in one SQLite file (embedded) or a PostgreSQL database (`postgresql://`
    URL, server mode); with `upgrade`, created or brought up to date on open."""
    catalog = Catalog(open_database(where))
    if upgrade:
        try:
            catalog.upgrade()
        except BaseException:
            catalog.close()
            raise
    return catalog


def open_catalog_of(datadir: DataDir) -> Catalog:
    """An archive's catalog. Embedded, it is created or brought up to date as it opens, as it
    always was; a server catalog is only checked: `cuttings db init` upgrades it once for
    every host (SchemaOutdated, naming that command, until then)."""
    if not datadir.server_mode:
        return open_catalog(datadir.catalog)
    catalog = open_catalog(datadir.catalog, upgrade=False)
    try:
        catalog.require_current(datadir.describe(), fix=init_command(datadir))
    except BaseException:
        catalog.close()
        raise
    return catalog


ORIGINALS_FOLDER = "originals_folder"  # meta: where a server archive's hosts find the originals


def locate_originals(datadir: DataDir, catalog: Catalog) -> DataDir:
    """Server mode: the originals folder is CUTTINGS_ORIGINALS when set, else the one the
    database recorded (`cuttings db init`, `cuttings migrate`), else the data directory's."""
    if not datadir.server_mode or datadir.originals_root is not None:
        return datadir
    recorded = catalog.shared_value(ORIGINALS_FOLDER)
    return datadir.with_originals(Path(recorded)) if recorded else datadir


def record_originals(datadir: DataDir, catalog: Catalog) -> None:
    """Server mode: remember where this archive's originals are, for every other host."""
    if datadir.server_mode:
        catalog.share_value(ORIGINALS_FOLDER, str(datadir.originals))


def init_command(datadir: DataDir) -> str:
    """The command that creates or upgrades this archive's schema."""
    if datadir.server_mode:
        return "cuttings db init --database-url URL"
    return f"cuttings db init --data {datadir.root}"


def open_database(where: Path | str) -> Database:
    if is_database_url(where):
        from archive.catalog.postgres import PostgresDatabase  # psycopg only in server mode

        return PostgresDatabase(str(where))
    return SQLiteDatabase(where)
