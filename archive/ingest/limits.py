"""Size limits on input: files and decompressed streams may not exceed a bound."""

from __future__ import annotations

import zlib

from archive.errors import TooLarge, UnsupportedInput

DEFAULT_MAX_BYTES = 200 * 1024 * 1024  # 200 MB
GZIP_MAGIC = b"\x1f\x8b"


def describe_size(n: int) -> str:
    """A byte count for people: '200 MB', '12 kB', '17 bytes'."""
    for unit, size in (("GB", 1024**3), ("MB", 1024**2), ("kB", 1024)):
        if n >= size:
            return f"{n / size:.0f} {unit}"
    return f"{n} bytes"


def gunzip(
    data: bytes, max_bytes: int = DEFAULT_MAX_BYTES, *, allow_truncated: bool = False
) -> bytes:
    """Decompress (multi-member) gzip data, refusing to produce more than `max_bytes`.

    A truncated stream is an error unless `allow_truncated`, when what was recovered is returned.
    """
    out = bytearray()
    rest = data
    while rest[:2] == GZIP_MAGIC:
        inflater = zlib.decompressobj(wbits=31)
        try:
            out += inflater.decompress(rest, max_bytes + 1 - len(out))
        except zlib.error as err:
            if allow_truncated and out:
                return bytes(out)
            raise UnsupportedInput(f"corrupt gzip data ({err})") from err
        if len(out) > max_bytes:
            raise TooLarge(f"decompresses to more than {describe_size(max_bytes)}")
        if not inflater.eof:
            if allow_truncated:
                return bytes(out + inflater.flush())
            raise UnsupportedInput("gzip data is truncated")
        rest = inflater.unused_data
    # Anything after the last member (e.g. zero padding) is ignored, as gzip(1) does.
    return bytes(out)
