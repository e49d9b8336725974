"""What the formatted styles are given: each style's CSL items and one citation per passage.

The exported CSL-JSON is the record as a reference manager keeps it; the styles get a copy
shaped for print: `URL` is the address to follow (the original, else the archive's
permalink), the archive's own bookkeeping (`archive`, `archive_location`, `note`, `custom`)
is left out, and the repost host goes where each manual puts it: MLA's second container
(`source`: MLA Handbook 9, "containers"), Chicago's note of the version consulted
(`medium`, printed before the URL), APA's bracketed description (`genre`, APA 7 9.21).
When the link is the archive's permalink, MLA names the archive as the second container.
Title-case styles get hyphenated one-letter prefixes capitalised (`typography`).
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from archive.citations import csl_json, typography
from archive.citations.record import ARCHIVE_NAME, CitationRecord, Speaker

# How each style introduces the quoted person before the source (CITATIONS.md sections 0, 4):
# APA "as cited in" with the family name (APA 7 8.6), MLA "qtd. in" (MLA Handbook 9 6.77),
# Chicago "quoted in" with the full name in a note (CMOS 17 14.260), the family name in
# author-date.
QUOTED_IN = {
    "apa": "{short}, as cited in",
    "mla": "qtd. in",
    "chicago-note": "{full}, quoted in",
    "chicago-author-date": "{short}, quoted in",
}
TITLE_CASE_STYLES = ("mla", "chicago-note", "chicago-author-date")
_PRINT_ONLY = ("archive", "archive_location", "note", "custom", "citation-key")


@dataclass(frozen=True)
class Citation:
    """One in-text citation: a passage of a record (`n`), or the whole article (`n` None)."""

    key: str
    n: int | None = None
    speakers: tuple[Speaker, ...] = ()


def citations_of(record: CitationRecord) -> list[Citation]:
    """One citation per cited passage, each naming the people that passage quotes."""
    if not record.passages:
        return [Citation(record.key)]
    return [Citation(record.key, p.n, p.speakers) for p in record.passages]


def _people(names: Sequence[str]) -> str:
    """`A`, `A and B`, `A, B, and C`."""
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def cite_prefix(citation: Citation, style: str) -> str | None:
    """The in-text prefix naming the quoted people ("Gutmann, as cited in"), if any."""
    if not citation.speakers:
        return None
    return QUOTED_IN[style].format(
        short=_people([s.cited_as for s in citation.speakers]),
        full=_people([s.name for s in citation.speakers]),
    )


def _markdown_escape(text: str) -> str:
    """Backslash-escape ASCII punctuation so pandoc's markdown reads it literally."""
    return "".join("\\" + c if c in string.punctuation else c for c in text)


def citation_markdown(citation: Citation, style: str) -> str:
    """The pandoc citation, a paragraph of its own: `[prefix @key, para. n]`."""
    prefix = cite_prefix(citation, style)
    head = f"{_markdown_escape(prefix)} " if prefix else ""
    locator = f", para. {citation.n}" if citation.n is not None else ""
    return f"[{head}@{citation.key}{locator}]\n\n"


def item(record: CitationRecord, style: str) -> dict[str, Any]:
    """The CSL item a style formats for one record."""
    found = {k: v for k, v in csl_json.item(record).items() if k not in _PRINT_ONLY}
    if style in TITLE_CASE_STYLES:
        for name in ("title", "title-short"):
            if name in found:
                found[name] = typography.capitalise_hyphen_prefixes(found[name])
    elif found.get("title"):  # APA: sentence case as published, the in-text title in title case
        short = found.get("title-short", found["title"])
        found["title-short"] = typography.capitalise_hyphen_prefixes(short)
    repost = record.repost_note
    if style == "mla" and (repost or not record.url):
        found["source"] = repost or ARCHIVE_NAME
    elif style.startswith("chicago") and repost:
        found["medium"] = record.repost_phrase  # Chicago capitalises it after a full stop
    elif style == "apa" and repost:
        found["genre"] = repost
    return found


def items(records: Sequence[CitationRecord], style: str) -> list[dict[str, Any]]:
    return [item(r, style) for r in records]
