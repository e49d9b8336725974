"""Speaker equality for the metric, kept apart from the code it measures.

Names agree ignoring case, accents, punctuation, honorifics and titles ("Mr.", "Sen.",
"Rep.", "Dr."), suffixes ("Jr.", "III"), a leading "the" and party tags ("(R-Texas)", "of
Florida" after a full name); a surname alone matches the full name ("Clinton" = "Hillary
Clinton" = "Mrs. Clinton", "Mark-Viverito" = "Melissa Mark-Viverito", "Le Pen" = "Marine Le
Pen", but "Bill Clinton" != "Hillary Clinton"), also the first of a double family name
("Acosta" = "Melba Acosta Febo"). Middle initials do not tell two full names apart ("Harry M.
Reid" = "Harry Reid").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TITLE_WORDS = """
    mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father
    sen senator rep representative congressman congresswoman gov governor lt
    president vice secretary gen general col sgt capt adm judge justice mayor
    speaker chairman chairwoman ambassador former candidate minister premier alderman
    admiral assemblyman assemblywoman councilman councilwoman commissioner sheriff attorney
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
    found = [w.strip("-") for w in re.findall(r"[\w-]+", text) if w.strip("-")]
    if found and found[0] == "the":
        found = found[1:]
    while len(found) > 1 and found[0] in _TITLES:
        found = found[1:]
    if "of" in found[2:]:
        found = found[: found.index("of", 2)]  # "Jeb Bush of Florida"
    while len(found) > 1 and found[-1] in _SUFFIXES:
        found = found[:-1]
    return tuple(found)


def _without_initials(words: tuple[str, ...]) -> tuple[str, ...]:
    kept = tuple(w for w in words if len(w) > 1)
    return kept if len(kept) >= 2 else words


def same_speaker(found: str, gold: str) -> bool:
    """Whether a found speaker names the gold one, under the metric's rule."""
    a, b = speaker_words(found), speaker_words(gold)
    if not a or not b:
        return False
    if a == b or _without_initials(a) == _without_initials(b):
        return True
    short, full = (a, b) if len(a) < len(b) else (b, a)
    if len(short) == 1 and len(full) == 2 and "-" in full[1] and short[0] == full[0]:
        return True  # "Ban" = "Ban Ki-moon": a family name written first
    if len(short) == 1 and len(full) >= 3 and full[-2] == short[0]:
        return True  # "Acosta" = "Melba Acosta Febo": the first of a double family name
    # a surname alone ("Clinton", "Le Pen") is the end of the full name
    return len(short) < len(full) and full[-len(short) :] == short and len(short) <= 2
