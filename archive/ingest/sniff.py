"""Content sniffing: what kind of bytes a file holds, judged from its first few kilobytes."""

from __future__ import annotations

import re

SAMPLE_SIZE = 8192

BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)

# Magic numbers of formats people are likely to drop in by mistake, with a name to tell them.
MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office/EPUB document)"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
)

_MARKUP = re.compile(
    rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title[\s>]|<p[\s>]|<div[\s>]|<article[\s>]",
    re.IGNORECASE,
)
# C0 control characters that do not occur in text (tab, newlines, form feed and ESC do).
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def bom_encoding(data: bytes) -> str | None:
    """The encoding announced by a byte order mark at the start of `data`, if any."""
    return next((name for bom, name in BOMS if data.startswith(bom)), None)


def known_binary(data: bytes) -> str | None:
    """What a binary file is, if its magic number is one we know ('a PDF document')."""
    return next((what for magic, what in MAGIC if data.startswith(magic)), None)


def looks_binary(data: bytes) -> bool:
    """True when the sample has control bytes that text does not (and no UTF-16/32 BOM)."""
    if bom_encoding(data):
        return False
    sample = data[:SAMPLE_SIZE]
    return len(_CONTROL.findall(sample)) > max(1, len(sample) // 200)


def is_warc(data: bytes) -> bool:
    """True for an (uncompressed) WARC or ARC file."""
    return data.startswith((b"WARC/", b"filedesc://"))


def looks_like_html(data: bytes) -> bool:
    """True when the start of `data` reads as HTML markup."""
    sample = data[:SAMPLE_SIZE]
    head = sample.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return True
    if head.startswith(b"<?xml"):
        return b"<html" in sample.lower()
    return head.startswith(b"<") and len(_MARKUP.findall(sample)) >= 2
