"""A minimal pipeline for tests of storage and crash safety that must not depend on extraction."""

from __future__ import annotations

from archive.ingest.pipeline import Block, Draft
from archive.ingest.segment import split_passages


def decode_utf8(draft: Draft) -> Draft:
    draft.text = draft.item.data.decode("utf-8")
    return draft


def paragraphs(draft: Draft) -> Draft:
    """First line is the title; blank-line separated paragraphs are the body."""
    title, _, rest = draft.text.strip().partition("\n")
    draft.document.set("title", title.strip(), "text", f"line 1: {title.strip()}")
    draft.blocks = [Block("body", p) for p in rest.split("\n\n") if p.strip()]
    return draft


SIMPLE_STAGES = [decode_utf8, paragraphs, split_passages]
