"""Spokespeople who speak for a person: "the prime minister's official spokesman", "Mr Blair's
spokesman", "a spokeswoman for Mr Prescott", "his spokesman".

Such a spokesperson is someone the text does not name - never the person they speak for, and
not an organisation either (the project's policy, bench/quotes/README.md) - so the quote gets
no speaker, and a later "he added" stays with the spokesperson. A spokesperson for a body
("a council spokesman", "the company's spokeswoman") is the body's, elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from archive.quotes import names, roles

_ADJECTIVES = r"(?:(?:official|chief|senior|press|personal|deputy|own|campaign)\s+)*"
OWNED = re.compile(
    rf"^(?:(?:[Tt]he|[Aa]n?)\s+)?(?P<owner>[^,;:]+?)['’]s\s+{_ADJECTIVES}"
    r"spokes(?P<g>man|woman|person)$"
)
_PRONOUN_OWNED = re.compile(rf"^(?:[Hh]is|[Hh]er)\s+{_ADJECTIVES}spokes(?P<g>man|woman|person)$")
_FOR = re.compile(
    rf"^(?:[Aa]n?|[Tt]he)\s+{_ADJECTIVES}spokes(?P<g>man|woman|person)\s+(?:for|to)\s+"
    r"(?P<owner>[^,;:]+)$"
)
# In narration: the same phrases, for `find_in`.
_IN_TEXT = re.compile(
    r"(?:\b(?:[Tt]he|[Aa]n?)\s+)?(?:\b[\w’'.-]+\s+){0,3}?[\w.-]+['’]s\s+"
    rf"{_ADJECTIVES}spokes(?:man|woman|person)\b"
    rf"|\b(?:[Hh]is|[Hh]er)\s+{_ADJECTIVES}spokes(?:man|woman|person)\b"
    rf"|\b(?:[Aa]n?|[Tt]he)\s+{_ADJECTIVES}spokes(?:man|woman|person)\s+(?:for|to)\s+"
    rf"(?:{names.RUN})"
)
_GENDERS = {"man": "m", "woman": "f", "person": None}


def for_person(phrase: str, find_person: Callable[[str], object]) -> tuple[bool, str | None]:
    """Whether `phrase` is a spokesperson for a person, and the spokesperson's gender ("m",
    "f" or None). `find_person` says whether the text has introduced someone by that name."""
    phrase = phrase.strip()
    if "spokes" not in phrase:
        return False, None
    match = _PRONOUN_OWNED.match(phrase)
    if match:
        return True, _GENDERS[match.group("g")]
    match = OWNED.match(phrase) or _FOR.match(phrase)
    if match is None or not _is_person(match.group("owner"), find_person):
        return False, None
    return True, _GENDERS[match.group("g")]


def find_in(text: str) -> list[tuple[int, str]]:
    """The phrases of a passage that may name a person's spokesperson, with where they start
    (check each with `for_person`)."""
    found = []
    at = text.find("spokes")
    while at >= 0:  # only the words before each "spokes...", not the whole passage
        floor = max(0, at - 80)
        window = text[floor : at + 12]
        for match in _IN_TEXT.finditer(window):
            if match.end() > at - floor:
                found.append((floor + match.start(), match.group()))
                break
        at = text.find("spokes", at + 6)
    return found


def _is_person(owner: str, find_person: Callable[[str], object]) -> bool:
    """ "Mr Blair", "Tony Blair", "the prime minister", "the Tory leader": a person, not a body
    ("the council", "Downing Street", "the Foreign Office")."""
    owner = re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", owner.strip())
    if not owner:
        return False
    honorific, _ = names.strip_honorific(owner)
    titles, bare = names.split_titles(owner)
    if honorific or (titles and names.looks_like_person(bare)):
        return True
    # a person the text named, known to be one by a given name or a pronoun - not any two
    # capitalised words ("a spokesman for Ask Jeeves")
    known = find_person(owner)
    if known is not None and (
        getattr(known, "gender", None) or owner.split()[0].lower() in names.GIVEN_NAMES
    ):
        return True
    last = owner.split()[-1]
    # a role written in lower case ("prime minister", "party leader", "chancellor")
    return last.islower() and roles.role_head(last) is not None
