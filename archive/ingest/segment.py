"""Split extracted blocks into numbered passages of bounded length, dropping repeats of the
body; a document whose paragraphs had to be split is flagged for a librarian."""

from __future__ import annotations

import re

from archive.ingest.pipeline import Draft
from archive.ingest.split import SplitReport, split_text
from archive.model import FLAG_LONG_PASSAGES, PASSAGE_KINDS, Passage, fingerprint

_SPACE = re.compile(r"\s+")


def split_passages(draft: Draft) -> Draft:
    """Number blocks from 1 in reading order; a body block seen before is not a second
    passage; a block longer than `draft.max_passage_chars` becomes several."""
    seen: set[str] = set()
    passages: list[Passage] = []
    report = SplitReport()
    limit = draft.max_passage_chars
    for block in draft.blocks:
        if block.kind not in PASSAGE_KINDS:
            continue
        for text in split_text(_SPACE.sub(" ", block.text).strip(), limit, report):
            if not text:
                continue
            key = fingerprint(text)
            if block.kind != "comment" and key in seen:
                continue  # a repost quoting the article again, a caption printed twice
            seen.add(key)
            passages.append(Passage(n=len(passages) + 1, kind=block.kind, text=text))
    draft.document.passages = passages
    if report.blocks_split:
        draft.document.flags[FLAG_LONG_PASSAGES] = report.describe(limit)
    return draft
