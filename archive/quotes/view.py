"""The reading view of a passage: the same text at the same offsets, with its marks made plain.

Attribution reads passages through this view so that every later rule sees one spelling:

- quotation marks written as doubled apostrophes (`''like this''`, as news databases export
  them) become curly marks, padded with a space to keep the length;
- the full stop of an abbreviation or an initial ("Sen.", "Dr.", "Janet L. Yellen", "U.S.")
  becomes `ABBREVIATION_DOT`, so that it ends neither a sentence nor a name.

Offsets in the view are offsets in the passage, so quotes are cut from the passage itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

ABBREVIATION_DOT = "\u2024"  # ONE DOT LEADER: looks like a full stop, is not one to the rules

_DOUBLED = re.compile(r"'{2,3}")
_OPEN_BEFORE = set("([{—–-/ \t\n")
# Titles that never end a sentence: their full stop is always an abbreviation's.
_TITLES = (
    "Mr|Mrs|Ms|Mx|Dr|Prof|Sen|Sens|Rep|Reps|Gov|Govs|Lt|Gen|Col|Capt|Sgt|Adm|Cmdr|Maj|"
    "Pres|Sec|Atty|Amb|Hon|Rt|Rev|Revd|Fr|St|Supt|Insp|Det|Cpl|Pvt|Messrs|Mmes|Sup|Asst|Dep"
)
# Abbreviations that may also end a sentence: protected unless a new sentence follows.
_ENDINGS = (
    "Jr|Sr|Inc|Corp|Co|Ltd|Bros|Mt|Ft|No|Nos|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|"
    "Calif|Fla|Ill|Mass|Mich|Minn|Pa|Penn|Tenn|Tex|Va|Wash|Wis|Ariz|Colo|Conn|Del|Ga|Ind|"
    "Kan|Ky|La|Md|Mo|Mont|Neb|Nev|Okla|Ore|Vt|Wyo|Ala|Ark|Ida|Iowa|vs|approx|est|dept"
)
# One pass over the dotted words: a title ("Sen."), an abbreviation that may end a sentence
# ("Jr.", "Calif."), or initials and dotted acronyms ("L." in "Janet L. Yellen", "U.S.").
_DOTTED = re.compile(
    rf"\b(?P<title>(?:{_TITLES})\.(?=\s))"
    rf"|\b(?P<ending>(?:{_ENDINGS})\.(?=[\s,)]))"
    r"|(?<![\w.])(?P<initials>(?:[A-Z]\.){1,4})(?=[\s,)’'\"”]|[A-Z][a-z])"
)
# Capitalised words that open a sentence, so a full stop before them is a sentence's end.
_OPENER_WORDS = """
    The A An This That These Those There Here It Its He She They We I You His Her Their Our
    My But And Or So Yet If When While After Before Since Although Though Because However
    Meanwhile Still Even Only Now Then Once In On At By For From With Of To As What Who Why
    How Where Asked Mr Mrs Ms Dr Sen Rep Gov Some Many Most All Both Each Every Other No Not
    Yes According Last Next First
"""
_OPENERS = frozenset(_OPENER_WORDS.split())


def restore(text: str) -> str:
    """View text back to the passage's spelling (abbreviation dots as full stops)."""
    # one character for one: str.replace scans in C, where translate looks up every character
    return text.replace(ABBREVIATION_DOT, ".")


@lru_cache(maxsize=256)
def reading_view(text: str) -> str:
    """The passage with doubled apostrophes as curly marks and abbreviation dots protected."""
    chars: list[str] | None = None
    if "''" in text:
        chars = list(text)
        _curl_doubled(text, chars)
    if "." not in text:
        return "".join(chars) if chars else text
    for kind, start, end in _dotted(text):
        protect = _protected(text, kind, start, end)
        if protect:
            if chars is None:
                chars = list(text)
            for at in protect:
                chars[at] = ABBREVIATION_DOT
    return "".join(chars) if chars else text


def _dotted(text: str) -> list[tuple[str, int, int]]:
    """The dotted words of a passage in order: ("title", ...) for "Sen.", ("ending", ...) for
    "Jr." or "Calif.", ("initials", ...) for "L." or "U.S." (as `_DOTTED` would find them, in
    two cheap passes instead of one long alternation at every word)."""
    found = []
    for match in _dot_words(text):
        word, end = match.group(1), match.end()
        follow = text[end : end + 1]
        if word in _TITLE_SET and follow.isspace():
            found.append(("title", match.start(), end))
        elif word in _ENDING_SET and (follow.isspace() or follow in ",)"):
            found.append(("ending", match.start(), end))
    found.extend(("initials", m.start(), m.end()) for m in _INITIALS.finditer(text))
    found.sort(key=lambda f: f[1])
    return found


_DOT_WORD = re.compile(r"\b([A-Za-z]{2,})\.")
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _dot_words(text: str) -> Iterator[re.Match[str]]:
    """The matches of `_DOT_WORD.finditer(text)`, found from the passage's few full stops (each
    tried once where its word starts) instead of trying a word boundary at every offset."""
    at = text.find(".")
    while at >= 0:
        start = at
        while start and text[start - 1] in _LETTERS:
            start -= 1  # the whole run of letters before the stop: the match can start only here
        match = _DOT_WORD.match(text, start) if at - start >= 2 else None
        if match is not None:
            yield match
        at = text.find(".", at + 1)


_TITLE_SET = frozenset(_TITLES.split("|"))
_ENDING_SET = frozenset(_ENDINGS.split("|"))
# (?<![\w.])(?:[A-Z]\.){1,4} followed by a space, a mark or a word, written with its first
# capital first so that the regex engine skips ahead to capitals (names.at_word_start)
_INITIALS = re.compile(r"[A-Z](?<![\w.][A-Z])\.(?:[A-Z]\.){0,3}(?=[\s,)’'\"”]|[A-Z][a-z])")


def _protected(text: str, kind: str, start: int, end: int) -> list[int]:
    """The full stops of one dotted word that belong to an abbreviation or initials."""
    if kind == "title":
        return [end - 1]
    if kind == "ending":
        return [] if _sentence_follows(text, end) else [end - 1]
    dots = [at for at in range(start, end - 1) if text[at] == "."]
    return dots if _sentence_follows(text, end) else [*dots, end - 1]


def _sentence_follows(text: str, at: int) -> bool:
    """Whether a new sentence starts after offset `at` (a capitalised sentence opener, a mark)."""
    rest = text[at : at + 40]
    stripped = rest.lstrip()
    if not stripped:
        return True  # the end of the passage ends a sentence
    if stripped[0] in "“\"‘'(":
        return True
    if not stripped[0].isupper() or len(stripped) == len(rest):
        return False
    word = re.match(r"[\w’']+", stripped)
    return bool(word) and word.group() in _OPENERS


def _curl_doubled(text: str, chars: list[str]) -> None:
    """Turn `''` into a curly mark and a space (or a space and a mark), in place."""
    for match in _DOUBLED.finditer(text):
        start, end = match.start(), match.end()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        closing = not before.isspace() and before not in "([{"
        opening = (before in _OPEN_BEFORE or not start) and not after.isspace()
        if closing:
            first = start + (end - start - 2)  # "'''": a single mark closes first
            chars[first], chars[first + 1] = "”", " "
        elif opening:
            chars[start], chars[start + 1] = " ", "“"
