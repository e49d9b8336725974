"""The data directory: one folder owns a deployment's state (originals, catalog, index)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATA = "./cuttings-data"
ENV_VAR = "CUTTINGS_DATA"


@dataclass(frozen=True)
class DataDir:
    root: Path

    def __post_init__(self) -> None:
        object.__setattr__(self, "root", Path(self.root))

    @classmethod
    def resolve(cls, data: str | os.PathLike[str] | None = None) -> DataDir:
        """`--data DIR`, else $CUTTINGS_DATA, else ./cuttings-data."""
        chosen = data or os.environ.get(ENV_VAR) or DEFAULT_DATA
        return cls(Path(chosen).expanduser().resolve())

    @property
    def originals(self) -> Path:
        return self.root / "originals"

    @property
    def catalog(self) -> Path:
        return self.root / "catalog.sqlite3"

    @property
    def index(self) -> Path:
        return self.root / "index"

    def create(self) -> DataDir:
        """Make the folders that are missing, readable by their owner only: the catalog holds
        password hashes and the originals may be private (existing folders keep their mode,
        which the operator may have chosen)."""
        for folder in (self.root, self.originals, self.index):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        return self

    def is_empty(self) -> bool:
        """True when nothing has been archived here yet."""
        return not self.originals.exists() or not any(self.originals.iterdir())
