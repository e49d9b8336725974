"""Originals: every ingested file byte for byte, named by its SHA-256, never modified."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Originals:
    """A content-addressed folder of files, written atomically."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path_for(self, sha256: str) -> Path:
        if len(sha256) != 64 or not all(c in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self.folder / sha256

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).exists()

    def put(self, data: bytes, *, sha256: str | None = None) -> str:
        """Store `data` (temporary file, fsync, atomic rename); return its SHA-256 (`sha256`
        when the caller already hashed these bytes)."""
        digest = sha256 or sha256_of(data)
        target = self.path_for(digest)
        if target.exists():
            return digest
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
            _fsync_dir(self.folder)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return digest

    def read(self, sha256: str) -> bytes:
        return self.path_for(sha256).read_bytes()

    def verify(self, sha256: str) -> bool:
        """True when the stored file still hashes to its name."""
        path = self.path_for(sha256)
        return path.exists() and sha256_of(path.read_bytes()) == sha256

    def leftovers(self) -> list[Path]:
        """Temporary files a crash left behind."""
        return sorted(self.folder.glob(".incoming-*")) if self.folder.exists() else []


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
