"""The article in a run of scraped lines: header, title, metadata lines, captions and body.

Reading order is kept. The header is whatever precedes the title: furniture, breadcrumbs
and a site's date line (kept aside as a possible capture date). The title is the first
line after the header that is short enough to be a headline. After it, lines that carry
metadata (datelines, bylines, author boxes, `coverage by` promos) are taken out and
recorded; photo captions become `caption` blocks; pull quotes, donation pitches beside
site furniture and a promo line left dangling before the footer are dropped; what remains
is body, with section subheads marked `heading` and exact repeats of a paragraph dropped.

The standfirst (the summary line under the headline) is kept as the first body paragraph:
it is the outlet's own text and readers search it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from archive.ingest.pipeline import Block
from archive.ingest.scraped.captions import Caption, find_captions
from archive.ingest.scraped.chrome import chrome_reason, is_gallery_marker, is_pitch, is_teaser_of
from archive.ingest.scraped.headings import find_headings, looks_like_heading
from archive.ingest.scraped.lines import line_key
from archive.ingest.scraped.pullquotes import find_pull_quotes
from archive.ingest.scraped.textmeta import (
    author_box,
    byline_names,
    dateline,
    is_date_only,
    is_headline,
    is_masthead,
    outlet_line,
)

TEASER_LOOKAHEAD = 6


@dataclass
class Article:
    """What `read_article` found: blocks in reading order and the lines metadata came from."""

    blocks: list[Block] = field(default_factory=list)
    title: str | None = None
    header_dates: list[str] = field(default_factory=list)  # date lines above the title
    headline_dates: list[str] = field(default_factory=list)  # date lines under it, unlabelled
    datelines: list[tuple[str, str, str]] = field(default_factory=list)  # label, date, line
    bylines: list[tuple[list[str], str]] = field(default_factory=list)  # names, evidence
    outlets: list[tuple[str, str]] = field(default_factory=list)  # outlet, line
    chrome: set[int] = field(default_factory=set)


def _is_header_line(lines: list[str], index: int, following: list[int]) -> bool:
    """Furniture, a breadcrumb, a date or a truncated teaser of a line just below."""
    line = lines[index]
    if chrome_reason(line) or is_date_only(line):
        return True
    return any(is_teaser_of(line, lines[j]) for j in following[:TEASER_LOOKAHEAD])


def _split_header(lines: list[str], order: list[int], article: Article) -> int:
    """Record the header and title; return the position in `order` where the text begins.
    A masthead above the headline ("Northern Courier") is the outlet, not the title."""
    text = "\n".join(lines)
    for position, index in enumerate(order):
        line = lines[index]
        if _is_header_line(lines, index, order[position + 1 :]):
            article.chrome.add(index)
            if is_date_only(line):
                article.header_dates.append(line)
            continue
        following = lines[order[position + 1]] if position + 1 < len(order) else None
        if not article.outlets and is_masthead(line, following, text):
            article.outlets.append((line, line))
            article.chrome.add(index)
            continue
        if is_headline(line):
            article.title = line
            article.chrome.add(index)
            return position + 1
        return position
    return len(order)


def _metadata_line(lines: list[str], index: int, article: Article, seen_body: bool) -> list[int]:
    """Record the metadata a line carries; return the lines it takes out of the text."""
    line = lines[index]
    found = dateline(line)
    if found:
        article.datelines.append((found[0], found[1], line))
        return [index]
    if not seen_body and is_date_only(line):
        article.headline_dates.append(line)
        return [index]
    names = byline_names(line)
    if names:
        article.bylines.append((names, f"byline {line!r}"))
        return [index]
    box = author_box(lines, index)
    if box:
        taken, name, outlet = box
        shown = " / ".join(repr(lines[i]) for i in taken)
        article.bylines.append(([name], f"author box {shown}"))
        if outlet:
            article.outlets.append((outlet, lines[taken[-1]]))
        return taken
    outlet = outlet_line(line) if looks_like_heading(line) else None
    if outlet:
        article.outlets.append((outlet, line))
        return [index]
    return []


def _neighbours_chrome(order: list[int], position: int, chrome: set[int]) -> bool:
    """True when the line before or after (skipping blanks) is furniture."""
    around = order[max(position - 1, 0) : position] + order[position + 1 : position + 2]
    return any(i in chrome for i in around)


def read_article(lines: list[str], order: list[int], skip: set[int] | None = None) -> Article:
    """The article among `lines`, visiting the non-blank line indices in `order`."""
    article = Article()
    skip = skip or set()
    order = [i for i in order if lines[i] and i not in skip]
    text_order = order[_split_header(lines, order, article) :]
    article.chrome.update(i for i in text_order if chrome_reason(lines[i]))
    gallery = [i for i in text_order if i not in article.chrome or is_gallery_marker(lines[i])]
    captions, credits = find_captions(lines, gallery)
    caption_at = {c.index: c for c in captions}
    article.chrome |= credits | {i for c in captions for i in c.repeats}
    candidates = _text_lines(lines, text_order, article, set(caption_at))
    candidates = _drop_pitches(lines, text_order, candidates, article.chrome)
    dropped = find_pull_quotes([(i, lines[i]) for i in candidates])
    candidates = [i for i in candidates if i not in dropped]
    candidates = _drop_dangling(lines, text_order, candidates, article.chrome)
    article.blocks = _blocks(lines, text_order, candidates, caption_at)
    return article


def _text_lines(
    lines: list[str], order: list[int], article: Article, captions: set[int]
) -> list[int]:
    """Lines left for the text once furniture, captions, metadata and title repeats are out."""
    title_key = line_key(article.title) if article.title else None
    candidates: list[int] = []
    for index in order:
        if index in article.chrome or index in captions:
            continue
        line = lines[index]
        if title_key and len(line) < 2 * len(title_key) and line_key(line) == title_key:
            article.chrome.add(index)  # a repost repeating its headline
            continue
        removed = _metadata_line(lines, index, article, bool(candidates))
        article.chrome.update(removed)
        if index not in removed:
            candidates.append(index)
    return candidates


def _drop_pitches(
    lines: list[str], order: list[int], candidates: list[int], chrome: set[int]
) -> list[int]:
    """Candidates without donation or subscription appeals that sit beside site furniture."""
    if not chrome:
        return candidates
    position = {index: p for p, index in enumerate(order)}
    keep = []
    for index in candidates:
        if _neighbours_chrome(order, position[index], chrome) and is_pitch(lines[index]):
            chrome.add(index)
        else:
            keep.append(index)
    return keep


def _drop_dangling(
    lines: list[str], order: list[int], candidates: list[int], chrome: set[int]
) -> list[int]:
    """Candidates without a last heading-like line that only furniture follows (a promo)."""
    if len(candidates) < 2 or not looks_like_heading(lines[candidates[-1]]):
        return candidates
    last = candidates[-1]
    if any(i in chrome for i in order[order.index(last) + 1 :]):
        chrome.add(last)
        return candidates[:-1]
    return candidates


def _blocks(
    lines: list[str], order: list[int], candidates: list[int], caption_at: dict[int, Caption]
) -> list[Block]:
    """Body, heading and caption blocks in reading order, each body paragraph once."""
    texts = [lines[i] for i in candidates]
    headings = {candidates[p] for p in find_headings(texts)}
    wanted = set(candidates) | set(caption_at)
    blocks: list[Block] = []
    seen: set[str] = set()
    for index in order:
        if index not in wanted:
            continue
        if index in caption_at:
            blocks.append(Block("caption", caption_at[index].text))
            continue
        kind = "heading" if index in headings else "body"
        key = lines[index].casefold()
        if kind == "body" and key in seen:
            continue
        seen.add(key)
        blocks.append(Block(kind, lines[index]))
    return blocks
