"""Fixes for Whoosh 2.7.4 bugs the index runs into, applied once on import.

AndNotMatcher (`a NOT b`) only looks past the first excluded document when both matchers
start on the same one, so `harvest NOT minister` could keep a passage that mentions the
minister whenever an earlier passage did too. Skipping the excluded matcher forward first,
as `next()` already does, fixes it.

W3PerDocReader asks the file system whether a lengths column exists on every call when it
does not, which made committing a batch of passages several times slower.

Writing a new segment's postings asks for the field length of every posting's document, and
each answer was a seek and a one-byte read of the lengths column: the lengths of the segment
being written are read into memory once per field instead.

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
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3PerDocReader, _lenfield
from whoosh.columns import NumericColumn
from whoosh.matching.binary import AndNotMatcher
from whoosh.util.numeric import byte_to_length


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


class _LengthsInMemory:
    """A new segment's per-document reader whose field lengths come from memory (see above);
    everything else is the reader's own."""

    def __init__(self, reader: W3PerDocReader) -> None:
        self._reader = reader
        self._lengths: dict[str, bytes | None] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._reader, name)

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int | None:
        try:
            lengths = self._lengths[fieldname]
        except KeyError:
            lengths = self._lengths[fieldname] = self._load(fieldname)
        if lengths is None:
            return self._reader.doc_field_length(docnum, fieldname, default)
        if docnum > self._reader._doccount:
            raise IndexError(f"Asked for docnum {docnum!r} of {self._reader._doccount}")
        lbyte = lengths[docnum] if docnum < len(lengths) else 0
        return byte_to_length(lbyte) if lbyte else None  # as W3PerDocReader answers

    def _load(self, fieldname: str) -> bytes | None:
        """The column's bytes (one per document), or None to ask the reader each time."""
        column = self._reader._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        if type(column) is not NumericColumn.Reader or column._typecode != "B":
            return None
        return bytes(column._dbfile.get(column._basepos, column._count)) if column._count else b""


_per_document_reader = whoosh.writing.SegmentWriter.per_document_reader


def _segment_lengths_in_memory(self: whoosh.writing.SegmentWriter) -> Any:
    reader = _per_document_reader(self)
    return _LengthsInMemory(reader) if type(reader) is W3PerDocReader else reader


whoosh.writing.SegmentWriter.per_document_reader = _segment_lengths_in_memory


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
