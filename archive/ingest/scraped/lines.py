"""Lines of scraped text: whitespace normalisation and the keys used to compare them."""

from __future__ import annotations

import re

_SPACE = re.compile(r"[\s\u00a0\u200b\u200c\u200d\u2060\ufeff]+")
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_CLOSERS = "\"'’”»)]*"
_SENTENCE_END = ".!?…"


def normalise(line: str) -> str:
    """Collapse runs of whitespace (non-breaking and zero-width included) and strip the ends."""
    if _INVISIBLE.intersection(line):
        return _SPACE.sub(" ", line).strip()
    return " ".join(line.split())


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of a constant, as a set (for vocabularies)."""
    return frozenset(text.split())


def words(text: str) -> list[str]:
    """The words of a line, lowercased, with apostrophes unified and kept inside words."""
    found = _WORD.findall(text.lower())
    return [w.replace("’", "'") for w in found] if "’" in text else found


def line_key(text: str) -> str:
    """A comparison key that ignores case, punctuation and spacing."""
    return " ".join(words(text))


def ends_sentence(text: str) -> bool:
    """True when the line ends like a sentence (after any closing quotes or brackets)."""
    stripped = text.rstrip(_CLOSERS + " ")
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def trigrams(tokens: list[str]) -> set[tuple[str, str, str]]:
    """Word trigrams of a token list (a single tuple of the words when shorter than three)."""
    if len(tokens) < 3:
        return {tuple(tokens + ["", ""])[:3]} if tokens else set()
    return set(zip(tokens, tokens[1:], tokens[2:], strict=False))


def starts_upper(text: str) -> bool:
    """True when the first letter or digit of the line is a capital or a digit."""
    for char in text:
        if char.isalnum():
            return char.isupper() or char.isdigit()
    return False
