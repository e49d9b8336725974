"""The decode stage: bytes to text, saying how the character encoding was decided.

Order: a byte order mark; the declared charset (HTTP header, then the HTML's own
<meta charset> or http-equiv); bytes that are valid UTF-8; charset-normalizer's detection.
`draft.encoding` records the codec and the reason, e.g. "windows-1252 (meta charset)" or
"windows-1255 (detected by charset-normalizer)". Content that no encoding explains is refused.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import CharsetMatch, from_bytes

from archive.errors import UnsupportedInput
from archive.ingest.pipeline import Draft
from archive.ingest.sniff import bom_encoding, looks_binary

# The HTML standard decodes these labels as windows-1252 (a superset for printable text).
_AS_WINDOWS_1252 = {"ascii", "iso8859-1"}
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_META_SCAN_BYTES = 16384
_CHAOS_MARGIN = 0.02
_DISPLAY_NAMES = {"cp": "windows-", "iso8859-": "iso-8859-", "utf_": "utf-"}


def decode_item(draft: Draft) -> Draft:
    """Set `draft.text` and `draft.encoding` from the item's bytes."""
    item = draft.item
    text, encoding = decode_bytes(item.data, declared=item.charset, html=item.format == "html")
    if _control_ratio(text) > 0.05:
        raise UnsupportedInput(
            f"{item.filename}: not text once decoded as {encoding} (looks binary)"
        )
    draft.text = text.replace("\r\n", "\n").replace("\r", "\n")
    draft.encoding = encoding
    return draft


def decode_bytes(
    data: bytes, *, declared: str | None = None, html: bool = False
) -> tuple[str, str]:
    """Decode `data`; return the text and the encoding with how it was decided."""
    bom = bom_encoding(data)
    if bom:
        try:
            return data.decode(_bom_codec(bom)), f"{bom} (byte order mark)"
        except UnicodeDecodeError as error:  # the mark is a declaration the bytes belie
            raise UnsupportedInput(
                f"the file starts with a {bom} byte order mark but is not {bom} "
                f"(byte {error.object[error.start]:#04x} at position {error.start}): "
                "save it again as UTF-8"
            ) from None
    notes: list[str] = []
    for label, how in _declarations(data, declared, html):
        decoded = _try_declared(data, label)
        if decoded is not None:
            return decoded[0], f"{decoded[1]} ({how})"
        notes.append(f"{how} said {label!r}, which does not fit")
    reason = f"; {'; '.join(notes)}" if notes else ""
    try:
        return data.decode("utf-8"), f"utf-8 (valid UTF-8{reason})"
    except UnicodeDecodeError:
        pass
    if looks_binary(data):
        raise UnsupportedInput("cannot decode: the content looks binary")
    best = _detect(data)
    if best is None:
        raise UnsupportedInput("cannot tell the text encoding (no charset declared or detected)")
    codec = "cp1252" if "cp1252" in best.could_be_from_charset else best.encoding
    return str(best), f"{_display_name(codec)} (detected by charset-normalizer{reason})"


def _detect(data: bytes) -> CharsetMatch | None:
    """charset-normalizer's most coherent candidate among the least chaotic ones.

    Its own `best()` ranks by chaos alone and then picks e.g. Baltic windows-1257 for French
    windows-1252 text; among near-equal candidates the most coherent reads best.
    """
    results = list(from_bytes(data))
    if not results:
        return None
    floor = min(result.chaos for result in results)
    close = [result for result in results if result.chaos <= floor + _CHAOS_MARGIN]
    return max(close, key=lambda r: (r.coherence, "cp1252" in r.could_be_from_charset))


def _declarations(data: bytes, declared: str | None, html: bool) -> list[tuple[str, str]]:
    """The charsets the input declares, most authoritative first, with where each came from."""
    found = [(declared, "http header")] if declared else []
    if html:
        meta = _META_CHARSET.search(data[:_META_SCAN_BYTES])
        if meta:
            found.append((meta.group(1).decode("ascii", "replace"), "meta charset"))
    return found


def _try_declared(data: bytes, label: str) -> tuple[str, str] | None:
    """Decode with a declared charset; None when the label is unknown or the bytes do not fit."""
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name.startswith(("utf_16", "utf_32")):
        name = "utf_8"  # a declaration we could read in ASCII cannot be UTF-16 (HTML standard)
    if name in _AS_WINDOWS_1252:
        name = "cp1252"
    try:
        return data.decode(name), _display_name(name)
    except UnicodeDecodeError:
        if name == "cp1252":  # the five bytes windows-1252 leaves undefined
            return data.decode("latin-1"), "iso-8859-1"
        return None


def _bom_codec(bom: str) -> str:
    """The Python codec that strips the byte order mark it is named for."""
    return {
        "utf-8": "utf-8-sig",
        "utf-16-le": "utf-16",
        "utf-16-be": "utf-16",
        "utf-32-le": "utf-32",
        "utf-32-be": "utf-32",
    }[bom]


def _display_name(codec: str) -> str:
    """Python's codec name as people write it: cp1252 -> windows-1252, utf_8 -> utf-8."""
    name = codecs.lookup(codec).name
    for prefix, shown in _DISPLAY_NAMES.items():
        if name.startswith(prefix) and name[len(prefix) :][:1].isdigit():
            return shown + name[len(prefix) :].replace("_", "-")
    return name.replace("_", "-")


# characters below 32 but tab, newline, carriage return, form feed and escape
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")


def _control_ratio(text: str) -> float:
    """The share of characters in the first 8000 that are control characters."""
    sample = text[:8000]
    return len(_CONTROLS.findall(sample)) / max(1, len(sample))
