"""The read stage: formats sniffed from bytes and names, bad files reported, never raised."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from archive.ingest.pipeline import Item
from archive.ingest.read import read_bytes, read_path
from archive.model import FailedItem

HTML = b"<!DOCTYPE html>\n<html><head><title>T</title></head><body><p>Body.</p></body></html>"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        pytest.param("story.txt", b"A headline\n\nA paragraph.", "text", id="txt"),
        pytest.param("notes", b"Plain words, no markup at all.", "text", id="no-extension-text"),
        pytest.param("page.html", HTML, "html", id="html"),
        pytest.param("page.htm", b"<p>short fragment</p>", "html", id="htm-by-extension"),
        pytest.param("saved", HTML, "html", id="no-extension-markup"),
        pytest.param("page.html.gz", gzip.compress(HTML), "html", id="gzipped-html"),
    ],
)
def test_readable_files_become_items_of_the_right_format(
    tmp_path: Path, name, data, expected
) -> None:
    [item] = read_path(_write(tmp_path, name, data))
    assert isinstance(item, Item)
    assert (item.filename, item.format) == (name, expected)
    assert item.data == (gzip.decompress(data) if name.endswith(".gz") else data)


def test_a_gzipped_page_keeps_its_compressed_bytes_as_the_original(tmp_path: Path) -> None:
    packed = gzip.compress(HTML)
    [item] = read_path(_write(tmp_path, "page.html.gz", packed))
    assert item.original_bytes == packed and item.container_format is None


@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        pytest.param("empty.txt", b"", "empty.txt: empty file", id="empty"),
        pytest.param("blank.html", b"  \n\n ", "blank.html: empty file", id="whitespace-only"),
        pytest.param(
            "photo.png",
            PNG,
            "photo.png: not a text, HTML or WARC file (looks like a PNG image)",
            id="png",
        ),
        pytest.param(
            "paper.pdf",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
            "paper.pdf: not a text, HTML or WARC file (looks like a PDF document)",
            id="pdf",
        ),
        pytest.param(
            "noise.txt",
            bytes(range(256)) * 8,
            "noise.txt: not a text, HTML or WARC file (looks binary)",
            id="random-bytes",
        ),
        pytest.param(
            "cut.html.gz",
            gzip.compress(HTML)[:-12],
            "cut.html.gz: gzip data is truncated",
            id="truncated-gzip",
        ),
    ],
)
def test_unreadable_files_fail_with_one_line_naming_the_file(
    tmp_path: Path, name, data, error
) -> None:
    assert list(read_path(_write(tmp_path, name, data))) == [FailedItem(name, error, "unsupported")]


def test_random_bytes_are_refused_as_binary(tmp_path: Path) -> None:
    [failure] = read_path(_write(tmp_path, "blob.bin", os.urandom(4096)))
    assert failure == FailedItem(
        "blob.bin", "blob.bin: not a text, HTML or WARC file (looks binary)", "unsupported"
    )


def test_a_folder_is_walked_sorted_and_recursively_skipping_hidden_files(tmp_path: Path) -> None:
    _write(tmp_path, "b.txt", b"second")
    _write(tmp_path, "a.html", HTML)
    _write(tmp_path, "sub/c.txt", b"third")
    _write(tmp_path, ".hidden.txt", b"secret")
    _write(tmp_path, ".git/config", b"secret")
    _write(tmp_path, "sub/photo.png", PNG)
    results = list(read_path(tmp_path))
    assert [getattr(r, "filename", None) or r.source for r in results] == [
        "a.html",
        "b.txt",
        "sub/c.txt",
        "sub/photo.png",
    ]
    assert isinstance(results[-1], FailedItem)


def test_a_gzip_bomb_is_refused_at_the_size_limit(tmp_path: Path) -> None:
    bomb = gzip.compress(b"<p>" + b"a" * 20_000_000)
    [failure] = read_path(_write(tmp_path, "bomb.html.gz", bomb), max_bytes=1024 * 1024)
    assert failure == FailedItem(
        "bomb.html.gz", "bomb.html.gz: decompresses to more than 1 MB", "too-large"
    )
    assert failure.status == 413


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    [failure] = read_path(_write(tmp_path, "big.txt", b"word " * 1000), max_bytes=1000)
    assert failure == FailedItem("big.txt", "big.txt: file is larger than 1000 bytes", "too-large")


def test_uploaded_bytes_that_cannot_be_read_fail_instead_of_raising() -> None:
    assert list(read_bytes(PNG, "upload.png")) == [
        FailedItem(
            "upload.png",
            "upload.png: not a text, HTML or WARC file (looks like a PNG image)",
            "unsupported",
        )
    ]


def test_a_missing_path_is_a_failure_not_an_exception(tmp_path: Path) -> None:
    assert list(read_path(tmp_path / "gone.txt")) == [
        FailedItem("gone.txt", "gone.txt: no such file or folder", "not-found")
    ]


@pytest.mark.corpus
def test_every_benchmark_page_reads_as_gzipped_html(corpus: Path) -> None:
    items = list(read_path(corpus / "extraction-benchmark" / "html"))
    assert len(items) == 181
    assert all(isinstance(i, Item) and i.format == "html" for i in items)
