"""Citation keys: `<author or outlet>_<yyyy|nd>_<first title word>_<sha256[:6]>`, `[a-z0-9_]` only."""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

from archive.model import PartialDate

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """Fold `text` to lowercase ASCII letters and digits: accents dropped, other scripts
    transliterated (习 -> xi, Łódź -> lodz), the rest removed."""
    folded = anyascii(unicodedata.normalize("NFC", text))
    return _NOT_SLUG.sub("", folded.lower())


def first_word_slug(title: str) -> str:
    """The slug of the title's first word that has one ("China's" -> "chinas")."""
    for word in title.split():
        found = slug(word)
        if found:
            return found
    return "untitled"


def citation_key(name: str | None, published: PartialDate | None, title: str, sha256: str) -> str:
    """Build the key from the first author's (or the outlet's) name, year, title and hash."""
    who = slug(name or "") or "anon"
    year = f"{published.year:04d}" if published else "nd"
    return f"{who}_{year}_{first_word_slug(title)}_{slug(sha256)[:6]}"
