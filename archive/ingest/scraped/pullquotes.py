"""Pull quotes: display lines that repeat (or closely paraphrase) a sentence of the body.

A pull quote is a stand-alone line of 12 to 50 words that does not end like a sentence
(designers drop the full stop), is not a list item, and most of whose word trigrams (60%)
occur in one longer paragraph of the same article. The line right under it, when it is only a name
(`Rushan Abbas`), is the pull quote's attribution and goes with it.
"""

from __future__ import annotations

import re

from archive.ingest.scraped.lines import ends_sentence, trigrams, words

MIN_WORDS = 12
MAX_WORDS = 50
SHARE_REPEATED = 0.6
_BULLETS = "-–—•*·▪"
_NAME = re.compile(r"^[—–-]?\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}$")


def is_candidate(text: str) -> bool:
    """A line shaped like a pull quote: 12 to 50 words, no full stop at the end, no bullet."""
    if text[:1] in _BULLETS or not MIN_WORDS <= len(text.split()) <= MAX_WORDS:
        return False
    return not ends_sentence(text)


def is_attribution(text: str) -> bool:
    """A line that is only a name, as printed under a pull quote."""
    return bool(_NAME.match(text)) and len(text) <= 40


def _repeats_body(tokens: list[str], longer: list[set[tuple[str, str, str]]]) -> bool:
    """True when most trigrams of `tokens` occur in one of the longer paragraphs."""
    grams = trigrams(tokens)
    needed = SHARE_REPEATED * len(grams)
    return any(len(grams & other) >= needed for other in longer)


def find_pull_quotes(paragraphs: list[tuple[int, str]]) -> set[int]:
    """Line indices of pull quotes and their attributions among (line index, text) pairs."""
    candidates = [i for i, (_n, text) in enumerate(paragraphs) if is_candidate(text)]
    if not candidates:
        return set()
    tokenised = [words(text) for _n, text in paragraphs]
    grams = [trigrams(tokens) for tokens in tokenised]
    found: set[int] = set()
    for position in candidates:
        tokens = tokenised[position]
        longer = [g for t, g in zip(tokenised, grams, strict=True) if len(t) >= 1.5 * len(tokens)]
        if not longer or not _repeats_body(tokens, longer):
            continue
        line_index = paragraphs[position][0]
        found.add(line_index)
        if position + 1 < len(paragraphs):
            next_index, next_text = paragraphs[position + 1]
            if next_index == line_index + 1 and is_attribution(next_text):
                found.add(next_index)
    return found
