"""WARC and ARC files: each HTML response (or resource) record becomes an Item.

A gzipped file is decompressed whole (within the size bound) before parsing, so files whose
gzip members do not line up with records ("non-chunked" or wrongly chunked) still read.
A record that cannot be parsed is reported as a FailedItem; parsing resumes at the next
`WARC/` header, so one bad record does not cost the rest of the file.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import BufferedReader
from warcio.recordloader import ArcWarcRecord

from archive.errors import ArchiveError
from archive.ingest.limits import DEFAULT_MAX_BYTES, GZIP_MAGIC, describe_size, gunzip
from archive.ingest.pipeline import Item
from archive.ingest.sniff import looks_like_html
from archive.model import FailedItem
from archive.originals import sha256_of

HTML_TYPES = ("text/html", "application/xhtml+xml")
DOCUMENT_RECORDS = ("response", "resource")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_NEXT_WARC = re.compile(rb"(?:^|\n)WARC/\d")


class BadRecord(Exception):
    """A record that is present but cannot be archived; the message says why."""


def read_warc(
    data: bytes, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Item | FailedItem]:
    """Yield an Item per HTML record of a WARC/ARC file, and a FailedItem per bad record."""
    try:
        raw = gunzip(data, max_bytes, allow_truncated=True) if data[:2] == GZIP_MAGIC else data
    except ArchiveError as err:
        yield FailedItem.of(name, err)
        return
    yielded = False
    container_sha256 = sha256_of(data)  # once for the file, not once per record
    for index, record in _records(raw):
        source = f"{name}#{index}"
        try:
            if isinstance(record, Exception):
                raise BadRecord(f"malformed record ({_first_line(record)})")
            item = _item_from(record, data, name, index, max_bytes)
            if item is not None:
                item.original_sha256 = container_sha256
        except BadRecord as err:
            yield FailedItem.of(source, str(err), "unsupported")
            yielded = True
            continue
        if item is not None:
            yield item
            yielded = True
    if not yielded:
        yield FailedItem.of(name, "no HTML response records in this archive", "unsupported")


def _records(raw: bytes) -> Iterator[tuple[int, ArcWarcRecord | Exception]]:
    """Number and yield the records of an uncompressed WARC/ARC, resyncing after a bad one."""
    index, start = 0, 0
    while start < len(raw):
        stream = io.BytesIO(raw)
        stream.seek(start)
        records = ArchiveIterator(stream, arc2warc=True, check_digests=True)
        failed_at = start
        try:
            for record in records:
                failed_at = records.offset
                yield index, record
                index += 1
            return
        except Exception as err:  # warcio raises assorted errors on malformed input
            yield index, err
            index += 1
        found = _NEXT_WARC.search(raw, failed_at + 1)
        if found is None:
            return
        start = found.start() + (raw[found.start()] == ord("\n"))


def _item_from(
    record: ArcWarcRecord, container: bytes, name: str, index: int, max_bytes: int
) -> Item | None:
    """The Item for one record, None for a record that is not a document, or BadRecord."""
    if record.rec_type not in DOCUMENT_RECORDS:
        return None
    http = record.http_headers
    if record.rec_type == "response":
        if http is None or not http.get_statuscode():
            raise BadRecord("response record without valid HTTP headers")
        if not http.get_statuscode().startswith("2"):
            return None
        content_type = http.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    payload = _payload(record, max_bytes)
    media_type = content_type.split(";")[0].strip().lower()
    if media_type not in HTML_TYPES and not (not media_type and looks_like_html(payload)):
        return None
    if not payload.strip():
        raise BadRecord(f"{record.rec_type} record has no content")
    charset = _CHARSET.search(content_type)
    return Item(
        data=payload,
        filename=f"{name}#{index}",
        format="html",
        container=container,
        container_format="warc",
        record=index,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        captured=_iso_day(record.rec_headers.get_header("WARC-Date")),
        charset=charset.group(1) if charset else None,
    )


def _payload(record: ArcWarcRecord, max_bytes: int) -> bytes:
    """The record's payload, de-chunked and decompressed, checked against its digest."""
    http = record.http_headers
    encoding = ((http and http.get_header("Content-Encoding")) or "").lower().strip()
    if encoding not in ("", "identity") + tuple(BufferedReader.get_supported_decompressors()):
        raise BadRecord(f"unsupported Content-Encoding {encoding!r}")
    try:
        payload = record.content_stream().read(max_bytes + 1)
        record.raw_stream.read()  # finish the block so the digests can be checked
    except Exception as err:  # chunking and decompression errors from warcio
        raise BadRecord(f"unreadable payload ({_first_line(err)})") from err
    if len(payload) > max_bytes:
        raise BadRecord(f"payload is larger than {describe_size(max_bytes)}")
    _check_digests(record)
    return payload


def _check_digests(record: ArcWarcRecord) -> None:
    """Refuse a payload that fails its digest; a bad block digest alone only marks headers."""
    problems = record.digest_checker.problems
    has_payload_digest = bool(record.rec_headers.get_header("WARC-Payload-Digest"))
    payload_failed = any(problem.startswith("payload") for problem in problems)
    if payload_failed or (problems and not has_payload_digest):
        raise BadRecord(f"content does not match its digest ({'; '.join(problems)})")


def _iso_day(warc_date: str | None) -> str | None:
    """`2017-03-06T04:02:06Z` -> `2017-03-06`; None when absent or not ISO."""
    return warc_date[:10] if warc_date and _ISO_DAY.match(warc_date) else None


def _first_line(err: Exception) -> str:
    """An exception's message on one line, for a FailedItem."""
    lines = [line.strip() for line in str(err).splitlines() if line.strip()]
    return lines[0] if lines else type(err).__name__
