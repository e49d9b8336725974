"""Person names: the one rule that folds a name for matching and decides "the same person".

Across the archive, `match_person` merges two mentions only on the same normalised full name
or a recorded full-name alias, never on a surname alone.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from archive.model import PersonMention

# Bump when `person_key` changes: the catalog then refolds the keys it stored with the old rule.
KEY_VERSION = 1

# Honorifics dropped from a person key (titles of nobility are kept: they are part of the name).
_KEY_HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir"}
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


@lru_cache(maxsize=4096)
def person_key(name: str) -> str:
    """Normalise a name for matching: case, diacritics, honorifics, a leading "the", spacing."""
    text = unicodedata.normalize("NFKD", name.translate(_QUOTES))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = re.sub(r"[.,]", " ", text).split()
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[0] in _KEY_HONORIFICS:
        words = words[1:]
    return " ".join(words)


def full_keys(mention: PersonMention) -> set[str]:
    """Keys that identify a mention on their own: its name and its full-name aliases."""
    keys = {person_key(a) for a in [mention.name, *mention.aliases]}
    if mention.kind == "organisation":
        return {k for k in keys if k}
    return {k for k in keys if len(k.split()) >= 2}


def match_person(mention: PersonMention, candidates: list[PersonMention]) -> int | None:
    """Index of the candidate that is the same real person or organisation, or None."""
    keys = full_keys(mention)
    if not keys:
        return None
    for index, candidate in enumerate(candidates):
        if candidate.kind == mention.kind and keys & full_keys(candidate):
            return index
    return None
