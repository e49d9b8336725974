"""The catalog: the archive's source of truth beside the originals, and the only code that
runs SQL. Documents, people, quotes, accounts and the audit log are its parts, each with
intention-named methods; all of them share one database connection and its transactions.
"""

from __future__ import annotations

from collections.abc import Iterator
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
from archive.catalog.migrations import current_version, migrate, pending
from archive.catalog.people import People
from archive.catalog.quotes import Quotes


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

    def close(self) -> None:
        self.db.close()


def open_catalog(path: Path | str, *, upgrade: bool = True) -> Catalog:
    """The embedded catalog in one SQLite file, created or brought up to date on open."""
    catalog = Catalog(SQLiteDatabase(path))
    if upgrade:
        catalog.upgrade()
    return catalog
