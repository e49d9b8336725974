"""How every engine treats a reader's words alike: letters folded, exact keys for names, and
the common words a search ignores.

Analysis proper (stems, tokens) is each engine's own; what is here is what must not differ
between them, so that a query means the same in embedded and in server mode.
"""

from __future__ import annotations

import re
import unicodedata

# The words a search ignores (Whoosh's StemmingAnalyzer list): a query of only these has
# nothing to search for, in every engine.
STOP_WORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "for", "from", "have", "if", "in",
    "is", "it", "may", "not", "of", "on", "or", "tbd", "that", "the", "this", "to", "us", "we",
    "when", "will", "with", "yet", "you", "your",
})  # fmt: skip
MIN_WORD = 2  # shorter words are not searched either
# A word of passage text, as the engines' tokenizers read it.
WORD = re.compile(r"\w+(\.?\w+)*")


def fold(text: str) -> str:
    """Lower case without accents: how every analyzer leaves a word's letters."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def exact_key(value: str) -> str:
    """A name or outlet folded for exact matching: case, accents and spacing ignored."""
    decomposed = unicodedata.normalize("NFKD", value)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def searched_words(text: str) -> list[str]:
    """The words of `text` a text search looks for: common and one-letter words left out."""
    words = [m.group() for m in WORD.finditer(text)]
    return [w for w in words if len(w) >= MIN_WORD and w.lower() not in STOP_WORDS]
