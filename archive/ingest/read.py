"""The read stage: files and folders become Items (text, HTML, or WARC/ARC records).

The format is decided from the bytes first (gzip, WARC/ARC and binary magic numbers), then
from the extension, then from whether the content looks like markup. Anything unreadable
becomes a FailedItem whose one-line error names the file; nothing else in the batch is lost.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from archive.errors import ArchiveError, TooLarge, UnsupportedInput
from archive.ingest.limits import DEFAULT_MAX_BYTES, GZIP_MAGIC, describe_size, gunzip
from archive.ingest.pipeline import Item
from archive.ingest.sniff import is_warc, known_binary, looks_binary, looks_like_html
from archive.ingest.warc import read_warc
from archive.model import FailedItem

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
TEXT_SUFFIXES = (".txt", ".text")


def read_path(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item | FailedItem]:
    """Yield the Items in a file, or in every file under a folder (sorted, hidden skipped)."""
    path = Path(path)
    if path.is_dir():
        for file in walk_files(path):
            yield from read_file(file, file.relative_to(path).as_posix(), max_bytes=max_bytes)
    elif path.exists():
        yield from read_file(path, path.name, max_bytes=max_bytes)
    else:
        yield FailedItem.of(path.name, "no such file or folder", "not-found")


def walk_files(root: Path) -> Iterator[Path]:
    """Every regular file under `root` in sorted order, skipping hidden files and folders."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            file = Path(folder, name)
            if not name.startswith(".") and file.is_file():
                yield file


def read_file(
    path: Path, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Item | FailedItem]:
    """Yield the Items of one file, shown to the user as `name`."""
    try:
        data = _read_bounded(path, max_bytes)
    except ArchiveError as err:
        yield FailedItem.of(name, err)
        return
    except OSError as err:
        yield FailedItem.of(name, err.strerror or str(err), "unsupported")
        return
    yield from read_bytes(data, name, max_bytes=max_bytes)


def read_bytes(
    data: bytes, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Item | FailedItem]:
    """Yield the Items in a file's bytes (an upload: `name` is for display, never a path)."""
    try:
        if len(data) > max_bytes:
            raise TooLarge(f"file is larger than {describe_size(max_bytes)}")
        if not data.strip():
            raise UnsupportedInput("empty file")
        if is_warc(data) or (data[:2] == GZIP_MAGIC and _is_warc_name(name)):
            yield from read_warc(data, name, max_bytes=max_bytes)
            return
        content = gunzip(data, max_bytes) if data[:2] == GZIP_MAGIC else data
        if is_warc(content):
            yield from read_warc(data, name, max_bytes=max_bytes)
            return
        kind = _format_of(content, _inner_name(name, gzipped=content is not data))
    except ArchiveError as err:
        yield FailedItem.of(name, err)
        return
    # A gzipped page is kept byte for byte as its original; `data` is what it decompresses to.
    yield Item(
        data=content, filename=name, format=kind, container=None if content is data else data
    )


def _format_of(content: bytes, name: str) -> str:
    """'html' or 'text' for readable content; UnsupportedInput for anything else."""
    what = known_binary(content)
    if what:
        raise UnsupportedInput(f"not a text, HTML or WARC file (looks like {what})")
    if not content.strip():
        raise UnsupportedInput("empty file")
    if looks_binary(content):
        raise UnsupportedInput("not a text, HTML or WARC file (looks binary)")
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return "html" if looks_like_html(content) else "text"


def _read_bounded(path: Path, max_bytes: int) -> bytes:
    """A file's bytes, or UnsupportedInput when it is larger than `max_bytes`."""
    with path.open("rb") as file:
        data = file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise TooLarge(f"file is larger than {describe_size(max_bytes)}")
    return data


def _is_warc_name(name: str) -> bool:
    """True for names like 'crawl.warc.gz' or 'old.arc.gz'."""
    return name.lower().endswith((".warc.gz", ".arc.gz", ".warc.gz.bad"))


def _inner_name(name: str, *, gzipped: bool) -> str:
    """'page.html.gz' -> 'page.html': the name that describes the decompressed content."""
    return name[:-3] if gzipped and name.lower().endswith(".gz") else name
