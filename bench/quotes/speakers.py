"""Speaker equality for the metric, kept apart from the code it measures.

Names agree ignoring case, accents, punctuation, honorifics and titles ("Mr.", "Sen.",
"Rep.", "Dr."), suffixes ("Jr.", "III"), a leading "the" and party tags ("(R-Texas)"); a
surname alone matches the full name ("Clinton" = "Hillary Clinton" = "Mrs. Clinton", but
"Bill Clinton" != "Hillary Clinton").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TITLE_WORDS = """
    mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father
    sen senator rep representative congressman congresswoman gov governor lt
    president vice secretary gen general col sgt capt adm judge justice mayor
    speaker chairman chairwoman ambassador former candidate minister premier
    """
_TITLES = set(_TITLE_WORDS.split())
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "esq", "phd", "md"}
_PARTY_TAG = re.compile(r"\([^)]*\)|,\s*[RDI]-[A-Za-z. ]+$")


@lru_cache(maxsize=8192)
def speaker_words(name: str) -> tuple[str, ...]:
    """The identifying words of a name, folded."""
    text = _PARTY_TAG.sub(" ", name)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’‘`]", "", text)
    found = re.findall(r"\w+", text)
    if found and found[0] == "the":
        found = found[1:]
    while len(found) > 1 and found[0] in _TITLES:
        found = found[1:]
    while len(found) > 1 and found[-1] in _SUFFIXES:
        found = found[:-1]
    return tuple(found)


def same_speaker(found: str, gold: str) -> bool:
    """Whether a found speaker names the gold one, under the metric's rule."""
    a, b = speaker_words(found), speaker_words(gold)
    if not a or not b:
        return False
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[-1] == b[-1]
    return False
