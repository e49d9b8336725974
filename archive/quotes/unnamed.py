"""Cue subjects that name no one: "a narrator", "one tweet", "another Republican", "the
crowd", "a Clinton campaign official". Such a quote gets no speaker rather than the nearest
name (a name would travel into every citation of it).
"""

from __future__ import annotations

import re

from archive.quotes import cues, names, roles
from archive.quotes.sources import PERSON_HEADS

_INDEFINITE = frozenset(
    {"a", "an", "one", "another", "some", "several", "many", "two", "three", "dozens", "hundreds"}
)
_CROWDS = frozenset(
    {"crowd", "crowds", "audience", "attendees", "protesters", "protestors", "demonstrators"}
)


def names_no_one(subject: cues.Subject) -> bool:
    """Whether a cue's subject is someone the text does not name (an indefinite description or
    a crowd), so that no other name nearby should be taken for the speaker."""
    if subject.kind != "phrase":
        return False
    written = [w.strip(",") for w in _head_phrase(subject.text.split())]
    words = [w.lower() for w in written]
    if len(words) < 2:
        return False
    head = words[-1]
    if words[0] in _INDEFINITE and (head in PERSON_HEADS or roles.person_noun(head)):
        return True  # "a Clinton campaign official", "another Republican": unnamed people
    named = [w for w in written[1:] if w[:1].isupper() and w.lower() not in names.PARTY_MEMBERS]
    if named:
        return False  # "A 2014 House Intelligence Committee report": a named body's
    if head in _CROWDS or (words[:2] == ["one", "of"] and len(words) <= 4):
        return True  # "one of them said", "one of the protesters"
    return words[0] in _INDEFINITE and head in _ANONYMOUS_WRITINGS  # "one tweet said"


_AFTER_A_NAME = re.compile(rf"(?:{names.RUN}),\s*$")
# Writings with no author: "one tweet said", "a placard read"
_ANONYMOUS_WRITINGS = frozenset(
    names.words("tweet post message sign banner placard poster headline comment flyer leaflet")
)
_PHRASE_ENDS = frozenset(
    names.words("with of at for from who whom whose which that familiar close in on to by")
)


def _head_phrase(words: list[str]) -> list[str]:
    """A description's words up to its head noun ("one well-connected Democrat familiar with
    the Clinton campaign" -> "one well-connected Democrat")."""
    for i, word in enumerate(words[1:], start=1):
        if word.lower().strip(",") in _PHRASE_ENDS or word.endswith(","):
            return words[: i + 1] if word.endswith(",") else words[:i]
    return words


def unnamed_subject(text: str, cue: cues.Cue) -> bool:
    """Whether a cue's subject names no one where it stands: not "Willie Minor, an
    African-American actor in Dallas, ... recalled", a named person's apposition."""
    if cue.subject is None or not names_no_one(cue.subject):
        return False
    at = text.rfind(cue.subject.text, max(0, cue.start - 200), cue.end)
    at = cue.start if at < 0 else at
    singular = cue.subject.text.split()[0].lower() in ("a", "an")
    return not (singular and _AFTER_A_NAME.search(text, max(0, at - 80), at))
