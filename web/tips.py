"""The "Search tips" page: the query language, each operator with an example drawn from this
archive (common words of its newest documents, its most quoted person there, an outlet, a
year) and how many hits the example finds here, as Datashare's operator guide does."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from flask import Blueprint, render_template

from archive.errors import ArchiveError
from index.request import SearchRequest
from index.sync import Archive
from index.trace import STOP_WORDS
from web.context import get_archive

bp = Blueprint("tips", __name__)

DOCUMENTS_LOOKED_AT = 20
PASSAGES_LOOKED_AT = 400
_WORD = re.compile(r"[A-Za-z]{5,}")


@dataclass
class Example:
    query: str
    meaning: str
    hits: int | None = None  # None when the archive cannot run it (empty, or too costly)


@bp.get("/search-tips")
def tips_page():
    return render_template("tips.html", examples=examples(get_archive()))


def examples(archive: Archive) -> list[Example]:
    """One example per operator, built from what the archive holds, with its hit count."""
    words = _common_words(archive)
    first, second = (words + ["harvest", "minister"])[:2]
    facets = _facets_of(archive, first)
    person = _top(facets, "person")
    outlet = _top(facets, "outlet")
    year = _top(facets, "year")
    found = [
        Example(f"{first} {second}", f"passages with both words (and their forms: {first}s)"),
        Example(f"{first} OR {second}", "passages with either word"),
        Example(f"{first} -{second}", f"passages with {first} but not {second}"),
        Example(f'-"{first} {second}" {first}', f"{first}, but not the phrase"),
        Example(f"+{first} {second}", f"{first} required (bare words are required already)"),
        Example(f"{first} NOT {second}", "the same as -: NOT leaves a word out"),
        Example(f'"{first} {second}"~3', "both words at most 3 words apart"),
        Example(f"{first[:4]}*", f"words beginning with {first[:4]}"),
        Example(f"{_typo(first)}~", f"words within one letter of {_typo(first)}: a misspelling"),
        Example(f"({first} OR {second}) -{_other(words)}", "brackets group words"),
    ]
    if person:
        found.append(Example(f'person:"{person}"', f"passages quoting {person}"))
    if outlet:
        found.append(Example(f'{first} outlet:"{outlet}"', f"{first}, published by {outlet}"))
    if year:
        found.append(Example(f"{first} date:{year}", f"{first}, published in {year}"))
        found.append(
            Example(f"{first} date:[{int(year) - 1} TO {year}]", "a range of dates, both included")
        )
    found.append(Example(f"title:{first}", f"passages of documents with {first} in the title"))
    for example in found:
        example.hits = _count(archive, example.query)
    return found


def _common_words(archive: Archive) -> list[str]:
    """Longer words of the newest documents' passages, the most frequent first, then the
    words most often beside it (so the two-word examples find something)."""
    passages: list[set[str]] = []
    for info in archive.catalog.documents.listing(status="active", limit=DOCUMENTS_LOOKED_AT):
        for passage in archive.catalog.documents.passages_of(info.id):
            words = {w.lower() for w in _WORD.findall(passage.text)} - STOP_WORDS
            passages.append(words)
            if len(passages) >= PASSAGES_LOOKED_AT:
                break
    counts = Counter(w for words in passages for w in words)
    if not counts:
        return []
    first = min(counts, key=lambda w: (-counts[w], w))
    beside = Counter(w for words in passages if first in words for w in words - {first})
    return [first, *sorted(beside, key=lambda w: (-beside[w], w))]


def _facets_of(archive: Archive, word: str) -> dict:
    try:
        return archive.engine.search(SearchRequest(q=word, per_page=1)).facets
    except ArchiveError:
        return {}


def _top(facets: dict, name: str) -> str | None:
    values = [v for v in facets.get(name, []) if not v.missing]
    return values[0].value if values else None


def _typo(word: str) -> str:
    """The word with a letter dropped from its middle (what fuzzy search forgives)."""
    middle = len(word) // 2
    return word[:middle] + word[middle + 1 :]


def _other(words: list[str]) -> str:
    return words[2] if len(words) > 2 else "minister"


def _count(archive: Archive, query: str) -> int | None:
    try:
        return archive.engine.count(SearchRequest(q=query))
    except ArchiveError:
        return None
