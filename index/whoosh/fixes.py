"""Fixes for Whoosh 2.7.4 bugs the index runs into, applied once on import.

AndNotMatcher (`a NOT b`) only looks past the first excluded document when both matchers
start on the same one, so `harvest NOT minister` could keep a passage that mentions the
minister whenever an earlier passage did too. Skipping the excluded matcher forward first,
as `next()` already does, fixes it.

W3PerDocReader asks the file system whether a lengths column exists on every call when it
does not, which made committing a batch of passages several times slower.

Whoosh names new segments and temporary files with Python's shared `random` generator, so
anything that seeds it (a test framework, a library) makes two writers pick the same
segment name, and the second commit fails an assertion (`create_compound_file`). Names come
from the operating system's randomness instead.
"""

from __future__ import annotations

import secrets
from typing import Any

import whoosh.codec.base
import whoosh.filedb.compound
import whoosh.filedb.filestore
import whoosh.multiproc
import whoosh.util
import whoosh.writing
from whoosh.codec.whoosh3 import W3PerDocReader
from whoosh.matching.binary import AndNotMatcher


def _find_first(self: AndNotMatcher) -> None:
    if self.a.is_active() and self.b.is_active():
        self._find_next()


AndNotMatcher._find_first = _find_first


def _cached_reader(self: W3PerDocReader, fieldname: str, column: Any) -> Any:
    """Remember that a segment has no lengths column for a field, instead of asking the file
    system again for every posting (an ID or numeric field at commit time)."""
    try:
        return self._readers[fieldname]
    except KeyError:
        pass
    reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
    self._readers[fieldname] = reader
    return reader


W3PerDocReader._cached_reader = _cached_reader


def _random_name(size: int = 28) -> str:
    """Whoosh's file and segment names, from the OS's randomness: no seed makes two alike."""
    return "".join(secrets.choice(whoosh.util.IDCHARS) for _ in range(size))


for _module in (
    whoosh.util,
    whoosh.codec.base,
    whoosh.filedb.compound,
    whoosh.filedb.filestore,
    whoosh.multiproc,
    whoosh.writing,
):
    _module.random_name = _random_name  # type: ignore[attr-defined]
