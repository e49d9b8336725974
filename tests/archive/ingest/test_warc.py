"""WARC/ARC reading: one Item per HTML record, a FailedItem per bad record, never a crash."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archive.ingest.pipeline import Item
from archive.ingest.read import read_path
from archive.model import FailedItem

PAGE = b"<!doctype html><html><head><title>Hello</title></head><body><p>Hi there.</p></body></html>"

# What each file of warcio's test data yields: (items' filenames, failures' sources).
WARC_CASES = [
    pytest.param("bad.arc", [], ["bad.arc#1", "bad.arc#2", "bad.arc#3"], id="arc-bad-lengths"),
    pytest.param("example-bad-non-chunked.warc.gz", ["#2"], [], id="single-gzip-member"),
    pytest.param("example-bad.warc.gz.bad", ["#1"], [], id="bad-suffix-non-chunked"),
    pytest.param("example-digest.warc", [], ["example-digest.warc"], id="requests-only"),
    pytest.param("example-iana.org-chunked.warc", ["#1"], [], id="chunked-transfer"),
    pytest.param("example-resource.warc.gz", ["#2"], [], id="resource-record"),
    pytest.param(
        "example-space-in-target-uri.warc.gz",
        [],
        ["example-space-in-target-uri.warc.gz"],
        id="png-resource",
    ),
    pytest.param("example-space-in-url.arc", ["#1"], [], id="arc-space-in-url"),
    pytest.param("example-trunc.warc", [], ["example-trunc.warc#2"], id="truncated-payload"),
    pytest.param("example-wget-bad-target-uri.warc.gz", ["#2"], [], id="wget-bad-target-uri"),
    pytest.param("example-wrong-chunks.warc.gz", ["#0"], [], id="gzip-members-split-record"),
    pytest.param("example.arc", ["#1"], [], id="arc"),
    pytest.param("example.arc.gz", ["#1"], [], id="arc-gz"),
    pytest.param("example.warc", ["#2"], [], id="warc"),
    pytest.param("example.warc.gz", ["#2"], [], id="warc-gz"),
    pytest.param("post-test.warc.gz", [], ["post-test.warc.gz"], id="json-responses-only"),
]


@pytest.mark.corpus
@pytest.mark.parametrize(("name", "items", "failures"), WARC_CASES)
def test_every_shared_warc_reads_without_raising(corpus: Path, name: str, items, failures) -> None:
    results = list(read_path(corpus / "warc" / name))
    got_items = [r for r in results if isinstance(r, Item)]
    got_failures = [r for r in results if isinstance(r, FailedItem)]
    assert [i.filename for i in got_items] == [name + suffix for suffix in items]
    assert [f.source for f in got_failures] == failures
    for failure in got_failures:
        assert failure.error.startswith(failure.source + ": ") and "\n" not in failure.error
    for item in got_items:
        assert item.format == "html" and item.container_format == "warc"
        assert b"<title>Example Domain</title>" in item.data or b"IANA" in item.data
        assert item.container == (corpus / "warc" / name).read_bytes()


@pytest.mark.corpus
def test_warc_record_carries_url_capture_date_and_charset(corpus: Path) -> None:
    [item] = read_path(corpus / "warc" / "example-iana.org-chunked.warc")
    assert (item.url, item.captured, item.charset, item.record) == (
        "http://www.iana.org/",
        "2017-03-06",
        "UTF-8",
        1,
    )
    assert item.data.rstrip().endswith(b"</html>")  # de-chunked


def _warc(records: list[tuple[str, bytes, str]], *, gz: bool = True) -> bytes:
    """A WARC of HTTP 200 responses: (uri, body, content type)."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for uri, body, content_type in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers
            )
        )
    return out.getvalue()


def test_each_html_response_becomes_an_item_and_other_types_are_skipped(tmp_path: Path) -> None:
    data = _warc(
        [
            ("http://a.example/1", PAGE, "text/html; charset=iso-8859-1"),
            ("http://a.example/style.css", b"body{}", "text/css"),
            ("http://a.example/2", PAGE.replace(b"Hello", b"Second"), "text/html"),
        ]
    )
    (tmp_path / "crawl.warc.gz").write_bytes(data)
    items = list(read_path(tmp_path / "crawl.warc.gz"))
    assert [(i.filename, i.url, i.charset) for i in items] == [
        ("crawl.warc.gz#0", "http://a.example/1", "iso-8859-1"),
        ("crawl.warc.gz#2", "http://a.example/2", None),
    ]
    assert b"Second" in items[1].data


def test_a_corrupt_record_is_reported_and_the_records_after_it_still_read(tmp_path: Path) -> None:
    good = _warc([("http://a.example/1", PAGE, "text/html")], gz=False)
    broken = good.replace(b"Content-Length: ", b"Content-Length: x", 1)
    (tmp_path / "mixed.warc").write_bytes(good + broken + good)
    results = list(read_path(tmp_path / "mixed.warc"))
    kinds = [type(r).__name__ for r in results]
    assert kinds[0] == "Item" and "FailedItem" in kinds and kinds[-1] == "Item"
    failure = next(r for r in results if isinstance(r, FailedItem))
    assert failure.error.startswith("mixed.warc#1: ")


def test_a_gzip_bomb_warc_is_refused_without_filling_memory(tmp_path: Path) -> None:
    bomb = gzip.compress(b"WARC/1.0\r\n" + b"\0" * 5_000_000)
    (tmp_path / "bomb.warc.gz").write_bytes(bomb)
    [failure] = read_path(tmp_path / "bomb.warc.gz", max_bytes=1_000_000)
    assert isinstance(failure, FailedItem)
    assert failure.error == "bomb.warc.gz: decompresses to more than 977 kB"
