"""The extract stage for scraped plain text: article blocks, forum replies and their metadata.

Composes the readers beside it: `forum` (is this a thread? which post is the article?),
`article` (header, title, captions, body and subheads of the article), `forum.own_words`
(what each reply adds) and `textmeta`/`dates` (fields with their evidence). Every line of
the file is one paragraph. A field is set only when the text gives evidence for it:

- title: the first line after the page's furniture (source `text`);
- outlet: an author box or promo naming it (`text`), else the outlet the people quoted
  speak to, `told Haaretz` (`inferred`);
- host: for a forum thread, the forum and the poster of the first post (`text`);
- authors: a byline or author box (`byline`), corporate names such as `OpIndia Staff` whole;
- published: a labelled dateline (`Published on ...`), else an unlabelled date line under
  the headline (uncertain); day or month first decided by `dates`;
- captured: a date line printed above the headline, which is a site header date rather
  than the article's (always uncertain); it is never used as `published`;
- language: the commonest-words guess of `textmeta.language` (`inferred`).
"""

from __future__ import annotations

from archive.ingest.pipeline import Block, Draft
from archive.ingest.scraped.article import Article, read_article
from archive.ingest.scraped.dates import parse_date
from archive.ingest.scraped.forum import SeenLines, Thread, find_thread, own_words
from archive.ingest.scraped.lines import normalise
from archive.ingest.scraped.textmeta import interviewing_outlet, language
from archive.model import Document

PUBLISHED_LABELS = ("published", "posted", "first published", "date")


def extract_scraped(draft: Draft) -> Draft:
    """Fill the draft's blocks and fields from its decoded scraped text."""
    lines = [normalise(line) for line in draft.text.splitlines()]
    thread = find_thread(lines)
    if thread:
        order = list(range(thread.header_end)) + list(range(*thread.posts[0]))
        article = read_article(lines, order, skip=thread.furniture)
        draft.blocks = article.blocks + _comments(lines, thread, order)
    else:
        article = read_article(lines, list(range(len(lines))))
        draft.blocks = article.blocks
    _set_fields(draft.document, article, thread, draft.blocks)
    return draft


def _comments(lines: list[str], thread: Thread, article_order: list[int]) -> list[Block]:
    """One `comment` block per line that replies add, without what they quote."""
    seen = SeenLines()
    for index in article_order:
        if lines[index]:
            seen.add(lines[index])
    return [
        Block("comment", text)
        for post in thread.posts[1:]
        for text in own_words(lines, post, thread, seen)
    ]


def _set_fields(
    document: Document, article: Article, thread: Thread | None, blocks: list[Block]
) -> None:
    """Set each field the text gives evidence for."""
    body = "\n".join(b.text for b in blocks if b.kind in ("body", "heading"))
    if article.title:
        where = (
            "thread title above the first post" if thread else "first line after the page furniture"
        )
        document.set("title", article.title, "text", f"{where}: {article.title!r}")
    _set_outlet(document, article, body)
    if thread:
        _set_host(document, thread)
    _set_authors(document, article)
    _set_dates(document, article, body)
    found = language(body)
    if found:
        document.set("language", found.value, "inferred", found.evidence)


def _set_outlet(document: Document, article: Article, body: str) -> None:
    """The original publisher: named by the page, or the outlet its sources speak to."""
    if article.outlets:
        outlet = article.outlets[0][0]
        shown = "; ".join(repr(line) for name, line in article.outlets if name == outlet)
        document.set("outlet", outlet, "text", f"the page names its publisher: {shown}")
        return
    inferred = interviewing_outlet(body)
    if inferred:
        found, uncertain = inferred
        document.set("outlet", found.value, "inferred", found.evidence, uncertain=uncertain)


def _set_host(document: Document, thread: Thread) -> None:
    """Where this copy came from: the forum thread and who posted the article there."""
    if thread.poster:
        value = f"forum repost by {thread.poster}"
        evidence = f"forum thread, first post by {thread.poster!r}; {thread.evidence}"
    else:
        value, evidence = "forum repost", f"forum thread: {thread.evidence}"
    document.set("host", value, "text", evidence)


def _set_authors(document: Document, article: Article) -> None:
    """Authors from bylines and author boxes, in order, each once."""
    names: list[str] = []
    evidence: list[str] = []
    for found, line in article.bylines:
        new = [n for n in found if n not in names]
        if new:
            names += new
            evidence.append(line)
    if names:
        document.set("authors", names, "byline", "; ".join(evidence))


def _set_dates(document: Document, article: Article, body: str) -> None:
    """Published from a dateline (or a date under the headline); captured from a header date."""
    published = [
        (date, line) for label, date, line in article.datelines if label in PUBLISHED_LABELS
    ]
    if published:
        date, line = published[0]
        _set_date(document, "published", date, body, f"dateline {line!r}: ")
    elif article.headline_dates:
        line = article.headline_dates[0]
        evidence = f"date line under the headline, not labelled: {line!r}; "
        _set_date(document, "published", line, body, evidence, uncertain=True)
    if article.header_dates:
        line = article.header_dates[0]
        evidence = (
            f"date line above the headline, a site header date not said to be the "
            f"article's: {line!r}; "
        )
        _set_date(document, "captured", line, body, evidence, uncertain=True)


def _set_date(
    document: Document,
    name: str,
    text: str,
    body: str,
    evidence: str,
    uncertain: bool | None = None,
) -> None:
    """Set the date field `name` from `text` when it reads as a date; the evidence ends with
    how it was read, and it is uncertain when the reading was (or when `uncertain` says so)."""
    reading = parse_date(text, context=body)
    if reading:
        document.set(
            name,
            reading.date.iso(),
            "text",
            evidence + reading.reason,
            uncertain=reading.uncertain if uncertain is None else uncertain,
        )
