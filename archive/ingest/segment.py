"""Split extracted blocks into numbered passages, dropping repeats of the body."""

from __future__ import annotations

import re

from archive.ingest.pipeline import Draft
from archive.model import PASSAGE_KINDS, Passage, fingerprint

_SPACE = re.compile(r"\s+")


def split_passages(draft: Draft) -> Draft:
    """Number blocks from 1 in reading order; a body block seen before is not a second passage."""
    seen: set[str] = set()
    passages: list[Passage] = []
    for block in draft.blocks:
        text = _SPACE.sub(" ", block.text).strip()
        if not text or block.kind not in PASSAGE_KINDS:
            continue
        key = fingerprint(text)
        if block.kind != "comment" and key in seen:
            continue  # a repost quoting the article again, a caption printed twice
        seen.add(key)
        passages.append(Passage(n=len(passages) + 1, kind=block.kind, text=text))
    draft.document.passages = passages
    return draft
