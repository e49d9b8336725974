"""Section subheads in scraped text: short unpunctuated lines standing between prose paragraphs.

A line is a subhead when it has at most 20 words, does not end like a sentence, begins
with a capital, digit or quotation mark, follows a paragraph that ends like a sentence and
precedes one that starts like a sentence. Subheads come in series: a lone candidate in an
article is left as body (a one-off short line is more often a list label or a reader's
comment title than a section head), so clean text such as the BBC corpus keeps its lines.
"""

from __future__ import annotations

from archive.ingest.scraped.lines import ends_sentence, starts_upper

MAX_WORDS = 20
MAX_CHARS = 160
MIN_SERIES = 2
MIN_PROSE_WORDS = 12


def looks_like_heading(text: str) -> bool:
    """Short, capitalised and without a closing full stop, colon or comma."""
    if len(text) > MAX_CHARS or len(text.split()) > MAX_WORDS:
        return False
    last = text.rstrip("\"'’”»)] ")[-1:]
    return starts_upper(text) and not ends_sentence(text) and last not in ":;,"


def _is_prose(text: str) -> bool:
    """A paragraph of running text: a dozen words or more, starting like a sentence."""
    return len(text.split()) >= MIN_PROSE_WORDS and starts_upper(text)


def find_headings(paragraphs: list[str]) -> set[int]:
    """Positions of the paragraphs that are section subheads."""
    found = set()
    for position in range(1, len(paragraphs) - 1):
        text = paragraphs[position]
        before, after = paragraphs[position - 1], paragraphs[position + 1]
        if (
            looks_like_heading(text)
            and ends_sentence(before)
            and _is_prose(after)
            and not looks_like_heading(after)
        ):
            found.add(position)
    return found if len(found) >= MIN_SERIES else set()
