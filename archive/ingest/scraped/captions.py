"""Photo captions in scraped text: the line after a gallery control, and lines ending in a credit.

Galleries print a caption twice: once under the control (`Open gallery view`), again with
the photographer's credit glued on (`...Berlin, September 1, 2020.Credit: Simon Gross`).
Each caption is kept once, with its credit, as a `caption` block where it stood; a credit
with no caption of its own (`Photo: Reuters`) is furniture.
"""

from __future__ import annotations

from dataclasses import dataclass

from archive.ingest.scraped.chrome import is_gallery_marker, split_credit
from archive.ingest.scraped.lines import line_key

MAX_CAPTION_WORDS = 60


@dataclass
class Caption:
    """A caption found at `index`; `repeats` are later lines that print it again."""

    index: int
    text: str
    repeats: list[int]


def _with_credit(caption: str, credit: str) -> str:
    """The caption and its credit as one line: `... Berlin. Credit: Simon Gross`."""
    return f"{caption} Credit: {credit}" if caption else f"Credit: {credit}"


def find_captions(lines: list[str], order: list[int]) -> tuple[list[Caption], set[int]]:
    """Captions (once each) and credit-only lines among the line indices in `order`."""
    captions: list[Caption] = []
    credits: set[int] = set()
    by_key: dict[str, Caption] = {}
    pending: set[int] = set()  # lines named as captions by a gallery control
    for position, index in enumerate(order):
        line = lines[index]
        if is_gallery_marker(line):
            after = order[position + 1] if position + 1 < len(order) else None
            if after is not None and len(lines[after].split()) <= MAX_CAPTION_WORDS:
                pending.add(after)
            continue
        credited = split_credit(line)
        if credited and not credited[0]:
            credits.add(index)
            continue
        if index not in pending and not credited:
            continue
        text = _with_credit(*credited) if credited else line
        key = line_key(credited[0] if credited else line)
        earlier = by_key.get(key)
        if earlier:
            earlier.repeats.append(index)
            if credited and "Credit:" not in earlier.text:
                earlier.text = text
            continue
        caption = Caption(index, text, [])
        captions.append(caption)
        by_key[key] = caption
    return captions, credits
