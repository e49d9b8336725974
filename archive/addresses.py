"""Web addresses: the only ones the archive links to or cites are http(s) URLs. Anything
else a page declares or a person types (`javascript:`, `data:`, `file:`) is never a link."""

from __future__ import annotations

from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")


def is_web_address(value: object) -> bool:
    """An absolute http(s) URL with a host, and nothing a browser would run or a header
    would split on (whitespace or control characters)."""
    if not isinstance(value, str) or not value or len(value) > 4000:
        return False
    if any(ord(c) <= 32 or ord(c) == 127 for c in value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.netloc)
