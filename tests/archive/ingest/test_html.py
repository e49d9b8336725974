"""The HTML extractor: body blocks and metadata, each field with the tag it came from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive.errors import Unreadable
from archive.ingest.decode import decode_item
from archive.ingest.html import extract_html
from archive.ingest.pipeline import Draft, Item, new_draft
from archive.ingest.read import read_path
from archive.model import Original

PARAGRAPHS = [
    "The city council voted on Tuesday to close the old harbour bridge to cars from next spring, "
    "ending a debate that has divided residents for more than a decade.",
    "\u201cThis is the right decision for the people who live here,\u201d said Maria Lopez, the "
    "council member who proposed the plan. \u201cThe bridge was never built for this traffic.\u201d",
    "Shop owners on the north bank said they feared losing customers, and a petition against the "
    "closure has gathered more than four thousand signatures since it was launched in March.",
    "The bridge will stay open to pedestrians, cyclists and buses, and the council has promised a "
    "shuttle service for older residents during the first year of the change.",
]
ARTICLE = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Council closes harbour bridge to cars | The Harbour Gazette</title>
  <meta property="og:title" content="Council closes harbour bridge to cars">
  <meta property="og:site_name" content="The Harbour Gazette">
  <meta name="author" content="Jane Smith">
  <meta property="article:published_time" content="2021-06-15T08:30:00+01:00">
  <link rel="canonical" href="https://gazette.example/news/harbour-bridge">
</head>
<body>
  <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
  <article>
    <h1>Council closes harbour bridge to cars</h1>
    <p>{PARAGRAPHS[0]}</p>
    <p>{PARAGRAPHS[1]}</p>
    <h2>Traders worried</h2>
    <p>{PARAGRAPHS[2]}</p>
    <p>{PARAGRAPHS[3]}</p>
  </article>
  <footer><p>Copyright The Harbour Gazette. All rights reserved.</p></footer>
</body>
</html>"""


def _extract(tmp_path: Path, html: str, *, name: str = "bridge.html") -> Draft:
    """Read a real file through the read and decode stages, then extract it."""
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    [item] = read_path(path)
    return extract_html(decode_item(new_draft(item, Original(name, "0" * 64, "html", 1))))


def test_body_paragraphs_and_subheadings_become_blocks_in_order(tmp_path: Path) -> None:
    blocks = _extract(tmp_path, ARTICLE).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("body", PARAGRAPHS[0]),
        ("body", PARAGRAPHS[1]),
        ("heading", "Traders worried"),
        ("body", PARAGRAPHS[2]),
        ("body", PARAGRAPHS[3]),
    ]


def test_metadata_is_set_with_the_tag_it_came_from(tmp_path: Path) -> None:
    fields = _extract(tmp_path, ARTICLE).document.fields
    got = {name: (f.value, f.source, f.evidence) for name, f in fields.items()}
    assert got == {
        "title": ("Council closes harbour bridge to cars", "html-meta", "meta property=og:title"),
        "authors": (["Jane Smith"], "html-meta", "meta name=author"),
        "outlet": ("The Harbour Gazette", "html-meta", "meta property=og:site_name"),
        "published": ("2021-06-15", "html-meta", "meta property=article:published_time"),
        "url": ("https://gazette.example/news/harbour-bridge", "html-meta", "link rel=canonical"),
        "language": ("en-GB", "html-meta", "<html lang>"),
    }


def test_json_ld_metadata_is_named_as_the_evidence(tmp_path: Path) -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Council closes harbour bridge to cars",
        "datePublished": "2021-06-15",
        "author": {"@type": "Person", "name": "Jane Smith"},
        "publisher": {"@type": "Organization", "name": "The Harbour Gazette"},
    }
    html = ARTICLE.replace('<meta property="og:site_name" content="The Harbour Gazette">', "")
    html = html.replace('<meta name="author" content="Jane Smith">', "")
    html = html.replace(
        '<meta property="article:published_time" content="2021-06-15T08:30:00+01:00">', ""
    )
    html = html.replace(
        "</head>", f'<script type="application/ld+json">{json.dumps(ld)}</script></head>'
    )
    fields = _extract(tmp_path, html).document.fields
    assert (fields["authors"].value, fields["authors"].evidence) == (
        ["Jane Smith"],
        "JSON-LD author.name",
    )
    assert fields["outlet"].evidence == "JSON-LD publisher.name"
    assert (fields["published"].value, fields["published"].evidence) == (
        "2021-06-15",
        "JSON-LD datePublished",
    )


def test_the_outlet_keeps_the_spelling_of_its_tag(tmp_path: Path) -> None:
    html = ARTICLE.replace('content="The Harbour Gazette"', 'content="harbourGazette"')
    outlet = _extract(tmp_path, html).document.fields["outlet"]
    assert (outlet.value, outlet.evidence) == ("harbourGazette", "meta property=og:site_name")


def test_fields_the_page_does_not_carry_are_left_unset(tmp_path: Path) -> None:
    bare = (
        "<html><head><title>Bridge</title></head><body>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "</body></html>"
    )
    fields = _extract(tmp_path, bare).document.fields
    assert "authors" not in fields and "published" not in fields and "url" not in fields
    assert "language" not in fields and "captured" not in fields


def test_a_warc_record_gives_its_target_uri_and_capture_date(corpus: Path) -> None:
    [item] = read_path(corpus / "warc" / "example.warc.gz")
    draft = extract_html(decode_item(new_draft(item, Original(item.filename, "0" * 64, "warc", 1))))
    fields = draft.document.fields
    assert (fields["url"].value, fields["url"].source) == ("http://example.com/", "warc")
    assert (fields["captured"].value, fields["captured"].source) == ("2017-03-06", "warc")
    assert draft.blocks[0].text.startswith("This domain is established to be used for illustrative")


def test_a_page_without_article_text_is_refused(tmp_path: Path) -> None:
    with pytest.raises(Unreadable, match="empty.html: no article text found"):
        _extract(
            tmp_path, "<html><head><title>x</title></head><body></body></html>", name="empty.html"
        )


@pytest.mark.corpus
@pytest.mark.slow
def test_all_benchmark_pages_ingest_with_a_body(corpus: Path) -> None:
    truth = json.loads((corpus / "extraction-benchmark" / "ground-truth.json").read_text())
    items = [i for i in read_path(corpus / "extraction-benchmark" / "html") if isinstance(i, Item)]
    assert len(items) == len(truth) == 181
    empty = []
    for item in items:
        item.url = truth[item.filename.split(".")[0]]["url"]
        draft = extract_html(
            decode_item(new_draft(item, Original(item.filename, "0" * 64, "html", 1)))
        )
        if not any(b.kind == "body" for b in draft.blocks):
            empty.append(item.filename)
        assert draft.document.value("title"), item.filename
    assert len(empty) <= 3, empty
