"""Where an archive lives: one data directory (embedded mode), or a PostgreSQL database with
an originals folder every host mounts (server mode).

Embedded: the folder owns a deployment's state (originals, SQLite catalog, Whoosh index).
Server mode (`CUTTINGS_DATABASE_URL`, or `--database-url`): the catalog and the passage
search are in PostgreSQL, reads may go to a replica (`CUTTINGS_DATABASE_REPLICA_URL`), and the
originals are in `CUTTINGS_ORIGINALS` (else the data directory's `originals/`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from archive.errors import ArchiveError

DEFAULT_DATA = "./cuttings-data"
ENV_VAR = "CUTTINGS_DATA"
DATABASE_URL_VAR = "CUTTINGS_DATABASE_URL"
REPLICA_URL_VAR = "CUTTINGS_DATABASE_REPLICA_URL"
ORIGINALS_VAR = "CUTTINGS_ORIGINALS"


@dataclass(frozen=True)
class DataDir:
    root: Path
    database_url: str | None = None  # server mode: the primary
    replica_url: str | None = None  # server mode: a read replica for searches and pages
    originals_root: Path | None = None  # server mode: the folder every host mounts

    def __post_init__(self) -> None:
        object.__setattr__(self, "root", Path(self.root))
        if self.originals_root is not None:
            object.__setattr__(self, "originals_root", Path(self.originals_root))

    @classmethod
    def resolve(
        cls,
        data: str | os.PathLike[str] | None = None,
        *,
        database_url: str | None = None,
        replica_url: str | None = None,
        originals: str | os.PathLike[str] | None = None,
    ) -> DataDir:
        """`--data DIR`, else $CUTTINGS_DATA, else ./cuttings-data; server mode when a
        database URL is given or in $CUTTINGS_DATABASE_URL."""
        chosen = data or os.environ.get(ENV_VAR) or DEFAULT_DATA
        url = database_url or os.environ.get(DATABASE_URL_VAR) or None
        for given in (url, replica_url or os.environ.get(REPLICA_URL_VAR) if url else None):
            if given and not is_database_url(given):
                raise ArchiveError(
                    f"{describe_url(given)} is not a PostgreSQL database: server mode takes "
                    "a postgresql://user:password@host:port/database URL"
                )
        replica = (replica_url or os.environ.get(REPLICA_URL_VAR) or None) if url else None
        shared = (originals or os.environ.get(ORIGINALS_VAR) or None) if url else None
        return cls(
            Path(chosen).expanduser().resolve(),
            database_url=url,
            replica_url=replica,
            originals_root=Path(shared).expanduser().resolve() if shared else None,
        )

    def with_originals(self, folder: Path) -> DataDir:
        """The same archive with its originals in `folder` (server mode)."""
        return DataDir(self.root, self.database_url, self.replica_url, Path(folder))

    @property
    def server_mode(self) -> bool:
        return self.database_url is not None

    @property
    def originals(self) -> Path:
        return self.originals_root or self.root / "originals"

    @property
    def catalog(self) -> Path | str:
        """Where the catalog is: the SQLite file, or the database URL in server mode."""
        return self.database_url or self.root / "catalog.sqlite3"

    @property
    def index(self) -> Path:
        """The Whoosh index (embedded mode; in server mode the search is in the database)."""
        return self.root / "index"

    def describe(self) -> str:
        """Where the archive is, as a message may name it (never a password)."""
        if self.database_url:
            return describe_url(self.database_url)
        return str(self.root)

    def create(self) -> DataDir:
        """Make the folders that are missing, readable by their owner only: the catalog holds
        password hashes and the originals may be private (existing folders keep their mode,
        which the operator may have chosen). In server mode there is no index folder."""
        folders = [self.root, self.originals] + ([] if self.server_mode else [self.index])
        for folder in folders:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        return self

    def is_empty(self) -> bool:
        """True when nothing has been archived here yet (embedded: no original stored)."""
        return not self.originals.exists() or not any(self.originals.iterdir())


def describe_url(url: str) -> str:
    """A database URL as it may be shown: host, port and database, never the password."""
    parts = urlsplit(url)
    try:
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        port = ""
    return (
        f"{parts.scheme or 'postgresql'}://{parts.hostname or 'localhost'}{port}{parts.path or '/'}"
    )


def is_database_url(value: object) -> bool:
    """A postgresql:// (or postgres://) URL: server mode."""
    return isinstance(value, str) and value.split("://", 1)[0] in ("postgresql", "postgres")
