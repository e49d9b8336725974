"""The default ingest stack: the stages every document passes through, as a plain list.

Callers (the ingest service, the benchmarks, tests) take `default_stages()` as it is, or pass
their own list (compare bibtexparser's parse stack).
"""

from __future__ import annotations

from archive.ingest.decode import decode_item
from archive.ingest.html import extract_html
from archive.ingest.overrides import apply_overrides
from archive.ingest.pipeline import Draft, Stage
from archive.ingest.scraped.extract import extract_scraped
from archive.ingest.segment import split_passages
from archive.quotes.attribute import attribute


def extract_article(draft: Draft) -> Draft:
    """Body and metadata, by format: trafilatura for HTML, our cleaner for scraped text."""
    if draft.item.format == "html":
        return extract_html(draft)
    return extract_scraped(draft)


def attribute_quotes(draft: Draft) -> Draft:
    """Fill the document's quotes, the people quoted and each passage's speakers."""
    document = draft.document
    found = attribute(document.passages)
    document.quotes, document.people = found.quotes, found.people
    for passage in document.passages:
        passage.speakers = found.speakers_of(passage.n)
    return draft


def default_stages() -> list[Stage]:
    """decode -> extract -> segment -> quotes and people -> the librarian's metadata."""
    return [decode_item, extract_article, split_passages, attribute_quotes, apply_overrides]
