"""Whether a quoted span is speech, or a scare quote, a single term or the title of a work.

A span is speech when a cue touches it (`"...," he said` / `said: "..."`), when a verb of
saying governs it in its sentence (a fragment only when nothing punctuates the gap), or when it
is a whole sentence standing on its own. Titles of works and short phrases in narration are not.
"""

from __future__ import annotations

import re

from archive.quotes.cues import Cue

_TITLE_BEFORE = re.compile(
    r"\b(?:book|books|film|movie|album|song|single|novel|play|poem|series|programme|program|"
    r"show|documentary|titled|entitled|called|named|dubbed|headlined|slogan|motto|term|phrase|"
    r"word|words|campaign|exhibition|opera|musical|website|magazine|newspaper)\s*$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w'’-]+")


def _names_it(word: str, leading: Cue | None) -> bool:
    """ "what Gilbert called 'a perception problem'": a person calling something so speaks;
    "a film called 'Jaws'" is a title."""
    return (
        word in ("called", "dubbed", "branded")
        and leading is not None
        and leading.subject is not None
        and leading.subject.kind in ("name", "pronoun")
        and leading.phrase.lower().endswith(word)
    )


def _titled(quote: str) -> bool:
    """Whether quoted words could be a title: short, or mostly capitalised ("Spirited Away");
    "said the film “has received strong interest from domestic audiences”" is no title."""
    words = _WORD.findall(quote)
    capitalised = sum(1 for w in words if w[:1].isupper())
    return len(words) <= 5 or capitalised * 2 >= len(words)


def word_count(text: str) -> int:
    """Words in a stretch of text."""
    return len(_WORD.findall(text))


def is_full(quote: str, *, closed: bool = True) -> bool:
    """A clause or sentence rather than a phrase: five words or more, or a complete sentence."""
    words = word_count(quote)
    ends = quote.rstrip(" ’'”\"").endswith((".", "?", "!"))
    return words >= 5 or (words >= 2 and ends) or (not closed and words >= 3)


def is_speech(
    quote: str,
    prefix: str,
    leading: Cue | None,
    trailing: Cue | None,
    *,
    closed: bool = True,
    heading: bool = False,
) -> bool:
    """Whether a quoted span is someone's words, given its cues and the text before it."""
    title = _TITLE_BEFORE.search(prefix)
    if title and not _names_it(title.group().strip().lower(), leading) and _titled(quote):
        return False
    if trailing is not None or (leading is not None and leading.adjacent):
        return True
    if heading:
        return False
    full = is_full(quote, closed=closed)
    if leading is not None:
        return full or (leading.subject is not None and not leading.gap_punctuated)
    starts = not prefix.strip() or prefix.rstrip().endswith(":")
    return starts and full
