"""Citing on the web: /api/cite read back by real clients, the cite page, the session basket.

The archive holds the worked examples of CITATIONS.md (archive.citations.examples), stored
through Catalog.add_document: the Haaretz seed (id 1; ¶12 quotes Ethan Gutmann, ¶13 follows),
the OpIndia seed (id 2) and a BBC-like article (id 3).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import bibtexparser
import pytest
import rispy
from flask import render_template_string
from flask_wtf.csrf import CSRFProtect

from archive.catalog import open_catalog
from archive.citations import examples, styles
from archive.errors import ArchiveError
from tests.web.error_shape import is_error
from web import citations
from web.app import create_app

BASE_URL = "https://cuttings.example.org"
HAARETZ_KEY = "haaretz_2020_chinas_093b89"
OPINDIA_KEY = "opindiastaff_nd_chinas_e131ac"
BBC_KEY = "oneill_2005_ad_5a1e07"


def _no_pandoc() -> bool:
    try:
        styles.pandoc_path()
    except ArchiveError:
        return True
    return False


needs_pandoc = pytest.mark.skipif(_no_pandoc(), reason="no pandoc: pip install pypandoc-binary")


def make_app(data: Path, **config):
    """The app over `data`. CSRF checks are off (the test client posts forms directly)
    except where a test asks."""
    settings = {"DATA": str(data), "TESTING": True, "WTF_CSRF_ENABLED": False}
    return create_app({**settings, "CUTTINGS_BASE_URL": BASE_URL, **config})


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data directory holding the three worked examples, ids 1, 2 and 3."""
    root = tmp_path / "data"
    make_app(root)  # creates the folders and the catalog
    catalog = open_catalog(root / "catalog.sqlite3")
    ids = [
        catalog.documents.add(d) for d in (examples.haaretz(), examples.opindia(), examples.bbc())
    ]
    catalog.close()
    assert ids == [1, 2, 3]
    return root


@pytest.fixture
def client(data: Path):
    return make_app(data).test_client()


def withdraw(data: Path, doc_id: int) -> None:
    catalog = open_catalog(data / "catalog.sqlite3")
    catalog.documents.withdraw(doc_id, reason="test", actor="librarian")
    catalog.close()


def _bib_entries(text: str) -> dict[str, dict[str, str]]:
    """bibtexparser 2 reads the file back: key -> {field: value}, with no failed block."""
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    return {e.key: {f.key: f.value for f in e.fields} for e in library.entries}


# -- /api/cite: every format, read back by a real client --------------------------------


@pytest.mark.parametrize("name", ["bibtex", "biblatex"])
def test_api_cite_bib_files_read_back_with_bibtexparser(client, name):
    response = client.get("/api/cite?ids=1-p12,2&format=" + name)
    assert response.status_code == 200
    entries = _bib_entries(response.get_data(as_text=True))
    assert set(entries) == {HAARETZ_KEY, OPINDIA_KEY}
    haaretz = entries[HAARETZ_KEY]
    assert haaretz["journal" if name == "bibtex" else "journaltitle"] == "Haaretz"
    assert haaretz["x-quoted-person"] == "Ethan Gutmann"
    assert haaretz["x-passage"].startswith("[12] Ethan Gutmann")
    assert haaretz["x-archive-url"] == f"{BASE_URL}/documents/1#p12"
    assert entries[OPINDIA_KEY]["author"] == "{OpIndia Staff}"


def test_api_cite_ris_reads_back_with_rispy(client):
    response = client.get("/api/cite?ids=1-p12,3&format=ris")
    entries = rispy.loads(response.get_data(as_text=True))
    assert [e["type_of_reference"] for e in entries] == ["NEWS", "NEWS"]
    haaretz = next(e for e in entries if e.get("secondary_title") == "Haaretz")
    assert haaretz["date"] == "2020/12/04/"
    assert any("Ethan Gutmann" in note for note in haaretz["notes"])
    assert "\r\n" in response.get_data(as_text=True)


def test_api_cite_csl_json_reads_back_with_json(client):
    items = json.loads(client.get("/api/cite?ids=2,1-p12&format=csl-json").get_data())
    by_id = {item["id"]: item for item in items}
    assert by_id[HAARETZ_KEY]["type"] == "article-newspaper"
    assert by_id[HAARETZ_KEY]["issued"] == {"date-parts": [[2020, 12, 4]]}
    assert by_id[HAARETZ_KEY]["custom"]["quoted-person"] == ["Ethan Gutmann"]
    assert by_id[OPINDIA_KEY]["author"] == [{"literal": "OpIndia Staff"}]
    assert "issued" not in by_id[OPINDIA_KEY]


@needs_pandoc
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("apa", "In text (¶12): (Gutmann, as cited in “China’s", id="apa"),
        pytest.param("mla", "Haaretz, 4 Dec. 2020. Forum repost by striver44,", id="mla"),
        pytest.param("chicago-note", "Haaretz. “China’s ‘XXX Files’", id="chicago-note"),
        pytest.param("chicago-author-date", "Haaretz. 2020. “China’s", id="chicago-author-date"),
    ],
)
def test_api_cite_formatted_styles_are_utf8_text(client, name, expected):
    response = client.get(f"/api/cite?ids=1-p12&format={name}")
    assert response.content_type == "text/plain; charset=utf-8"
    assert expected in response.get_data(as_text=True)
    assert response.headers["Content-Disposition"] == (
        f"attachment; filename=cuttings-1-p12-{name}.txt"
    )


@pytest.mark.parametrize(
    ("query", "media_type", "filename"),
    [
        pytest.param(
            "ids=1-p12&format=bibtex", "application/x-bibtex", "cuttings-1-p12.bib", id="bibtex"
        ),
        pytest.param(
            "ids=1-p12&format=biblatex",
            "application/x-bibtex",
            "cuttings-1-p12-biblatex.bib",
            id="biblatex",
        ),
        pytest.param(
            "ids=1-p12&format=biblatex-apa",
            "application/x-bibtex",
            "cuttings-1-p12-biblatex-apa.bib",
            id="biblatex-apa",
        ),
        pytest.param(
            "ids=2&format=ris", "application/x-research-info-systems", "cuttings-2.ris", id="ris"
        ),
        pytest.param(
            "ids=1-p12,1-p13,2&format=csl-json",
            "application/vnd.citationstyles.csl+json",
            "cuttings-1-p12-1-p13-2.json",
            id="csl-json-three-ids",
        ),
        pytest.param(
            "ids=1,2,3,1-p12&format=ris&download=1",
            "application/x-research-info-systems",
            "cuttings-1-and-3-more.ris",
            id="many-ids",
        ),
    ],
)
def test_api_cite_names_the_file_and_its_media_type(client, query, media_type, filename):
    response = client.get("/api/cite?" + query)
    assert response.status_code == 200
    assert response.content_type == media_type
    assert response.headers["Content-Disposition"] == f"attachment; filename={filename}"


def test_api_cite_download_0_shows_the_file_inline(client):
    response = client.get("/api/cite?ids=2&format=ris&download=0")
    assert response.headers["Content-Disposition"] == "inline; filename=cuttings-2.ris"


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        pytest.param("ids=99&format=bibtex", 404, "no document with id 99", id="unknown-doc"),
        pytest.param("ids=1-p99&format=ris", 404, "no passage 1-p99", id="unknown-passage"),
        pytest.param("ids=1,99-p1&format=ris", 404, "no document with id 99", id="one-unknown"),
        pytest.param("ids=1&format=endnote", 400, "choose one of bibtex", id="unknown-format"),
        pytest.param("ids=1", 400, "add a format", id="missing-format"),
        pytest.param("ids=1&format=", 400, "add a format", id="empty-format"),
        pytest.param("ids=1-x3&format=ris", 400, "not a document id", id="malformed-id"),
        pytest.param("ids=p3&format=ris", 400, "not a document id", id="passage-only"),
        pytest.param("ids=1;DROP&format=ris", 400, "not a document id", id="injection"),
        pytest.param("format=ris", 400, "no ids given", id="missing-ids"),
        pytest.param("ids=,&format=ris", 400, "no ids given", id="empty-ids"),
    ],
)
def test_api_cite_errors_are_one_json_shape(client, query, status, message):
    response = client.get("/api/cite?" + query)
    assert response.status_code == status
    assert is_error(response.get_json(), response.status_code)
    assert message in response.get_json()["error"]


def test_api_cite_refuses_too_many_ids(client):
    ids = ",".join(str(n) for n in range(1, 502))
    response = client.get(f"/api/cite?ids={ids}&format=ris")
    assert response.status_code == 400
    assert "at most 500" in response.get_json()["error"]


def test_a_withdrawn_document_is_not_citable_by_readers(client, data):
    withdraw(data, 2)
    for query in ("ids=2&format=bibtex", "ids=1-p12,2&format=ris"):
        response = client.get("/api/cite?" + query)
        assert response.status_code == 404
        assert response.get_json()["error"] == "no document with id 2"
    assert client.get("/cite?ids=2").status_code == 404


def test_passages_of_one_article_merge_into_one_reference(client):
    entries = _bib_entries(client.get("/api/cite?ids=1-p13,1-p12&format=biblatex").get_data(True))
    assert list(entries) == [HAARETZ_KEY]
    assert re.match(r"\[12\] Ethan Gutmann.*\[13\] Gutmann, 62", entries[HAARETZ_KEY]["x-passage"])
    assert entries[HAARETZ_KEY]["eprint"] == f"{BASE_URL}/documents/1"  # no single paragraph


def test_a_document_id_cites_the_article_without_a_passage(client):
    entries = _bib_entries(client.get("/api/cite?ids=3&format=bibtex").get_data(as_text=True))
    assert "x-passage" not in entries[BBC_KEY]
    assert entries[BBC_KEY]["author"] == "O'Neill, Jane"


# -- the cite page -------------------------------------------------------------------------


@needs_pandoc
def test_the_cite_page_shows_every_style_with_its_in_text_form(client):
    page = client.get("/cite?ids=1-p12").get_data(as_text=True)
    for label in (
        "APA 7",
        "MLA 9",
        "Chicago 17, notes and bibliography",
        "Chicago 17, author-date",
    ):
        assert label in page
    assert "(Gutmann, as cited in “China’s ‘XXX Files,’” 2020, para. 12)" in page
    assert "(qtd. in “China’s ‘XXX Files,’” par. 12)" in page
    assert "(Gutmann, quoted in Haaretz 2020, para. 12)" in page
    assert "<em>Haaretz</em>" in page  # the formatted HTML, italics kept
    # Without JavaScript the text is in readonly textareas; the Copy buttons wait for copy.js:
    # a reference and an in-text form per style, and the five file formats.
    assert page.count("<textarea") == 13 and page.count("readonly") == 13
    assert page.count('data-copy-target="') == 13 and "copy.js" in page
    assert "<script>" not in page and "onclick" not in page


@needs_pandoc
def test_the_cite_page_quotes_the_passage_and_offers_every_download(client):
    page = client.get("/cite?ids=1-p12").get_data(as_text=True)
    assert "he tells Haaretz." in page and "quoting Ethan Gutmann" in page
    for name in ("bibtex", "biblatex", "ris", "csl-json", "apa", "mla", "chicago-note"):
        assert f"/api/cite?ids=1-p12&amp;format={name}&amp;download=1" in page
    assert 'action="/basket/add"' in page and 'name="ids" value="1-p12"' in page


@needs_pandoc
def test_the_cite_page_merges_passages_and_lists_each_article_once(client):
    page = client.get("/cite?ids=1-p12,1-p13,2").get_data(as_text=True)
    assert page.count('class="citation"') == 2
    assert "¶12" in page and "¶13" in page


def test_the_cite_page_errors_are_html(client):
    response = client.get("/cite?ids=nonsense")
    assert response.status_code == 400
    assert "text/html" in response.content_type
    assert "not a document id" in response.get_data(as_text=True)


def test_formatted_html_keeps_inline_markup_and_drops_anything_else():
    dirty = (
        '<em>Haaretz</em> <a href="javascript:alert(1)">x</a> <script>alert(2)</script>'
        '<a href="https://example.org/a?b=1&amp;c=2">link</a> <img src=x onerror=alert(3)>'
        '<span onclick="alert(4)">&lt;b&gt;</span><i>open'
    )
    clean = str(citations.safe_markup(dirty))
    assert clean == (
        "<em>Haaretz</em> <span>x</span> alert(2)"
        '<a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer nofollow">link</a>'
        " <span>&lt;b&gt;</span><i>open</i>"
    )


# -- the basket ----------------------------------------------------------------------------


def test_the_basket_starts_empty(client):
    assert client.get("/api/basket").get_json() == {"ids": []}
    page = client.get("/basket")
    assert page.status_code == 200
    assert "Your basket is empty" in page.get_data(as_text=True)


def test_basket_export_merges_two_passages_of_one_article_into_one_entry(client):
    for ids in ("1-p12", "1-p13", "2"):
        assert client.post("/basket/add", data={"ids": ids}).status_code == 303
    assert client.get("/api/basket").get_json() == {"ids": ["1-p12", "1-p13", "2"]}
    response = client.get("/basket/export?format=bibtex")
    assert response.content_type == "application/x-bibtex"
    assert response.headers["Content-Disposition"] == "attachment; filename=cuttings-basket.bib"
    entries = _bib_entries(response.get_data(as_text=True))
    assert set(entries) == {HAARETZ_KEY, OPINDIA_KEY}
    assert "[12] Ethan Gutmann" in entries[HAARETZ_KEY]["x-passage"]
    assert "[13] Gutmann, 62" in entries[HAARETZ_KEY]["x-passage"]
    ris = client.get("/basket/export?format=ris")
    assert ris.headers["Content-Disposition"] == "attachment; filename=cuttings-basket.ris"
    assert len(rispy.loads(ris.get_data(as_text=True))) == 2


def test_basket_add_takes_several_ids_once_each_and_remove_and_clear_empty_it(client):
    client.post("/basket/add", data={"ids": "3-p4, 1-p12"})
    client.post("/basket/add", data={"ids": "1-p12,2"})
    assert client.get("/api/basket").get_json() == {"ids": ["3-p4", "1-p12", "2"]}
    client.post("/basket/remove", data={"ids": "1-p12"})
    assert client.get("/api/basket").get_json() == {"ids": ["3-p4", "2"]}
    response = client.post("/basket/clear")
    assert (response.status_code, response.headers["Location"]) == (303, "/basket")
    assert client.get("/api/basket").get_json() == {"ids": []}
    assert client.get("/basket/export?format=ris").status_code == 400


@pytest.mark.parametrize(
    ("form", "headers", "location"),
    [
        pytest.param({"next": "/documents/1#p12"}, {}, "/documents/1#p12", id="next-path"),
        pytest.param({"next": "/?q=organs&page=2"}, {}, "/?q=organs&page=2", id="next-query"),
        pytest.param(
            {}, {"Referer": "http://localhost/cite?ids=1-p12"}, "/cite?ids=1-p12", id="referrer"
        ),
        pytest.param({"next": "https://evil.example/"}, {}, "/basket", id="absolute-next"),
        pytest.param({"next": "//evil.example/x"}, {}, "/basket", id="scheme-relative-next"),
        pytest.param({"next": "/\\evil.example"}, {}, "/basket", id="backslash-next"),
        pytest.param({"next": "javascript:alert(1)"}, {}, "/basket", id="javascript-next"),
        pytest.param({}, {"Referer": "https://evil.example/a"}, "/basket", id="foreign-referrer"),
        pytest.param({}, {}, "/basket", id="nothing"),
    ],
)
def test_basket_add_goes_back_only_to_pages_of_this_site(client, form, headers, location):
    response = client.post("/basket/add", data={"ids": "2", **form}, headers=headers)
    assert response.status_code == 303
    assert response.headers["Location"] == location


@pytest.mark.parametrize(
    ("ids", "status"),
    [
        pytest.param("99", 404, id="unknown-doc"),
        pytest.param("1-p99", 404, id="unknown-passage"),
        pytest.param("bad", 400, id="malformed"),
        pytest.param("", 400, id="empty"),
    ],
)
def test_basket_add_refuses_what_cannot_be_cited(client, ids, status):
    assert client.post("/basket/add", data={"ids": ids}).status_code == status
    assert client.get("/api/basket").get_json() == {"ids": []}


def test_the_basket_holds_at_most_500_items(client):
    with client.session_transaction() as session:
        session["basket"] = [f"1-p{n}" for n in range(500)]
    response = client.post("/basket/add", data={"ids": "2"})
    assert response.status_code == 400
    assert "at most 500" in response.get_data(as_text=True)
    assert len(client.get("/api/basket").get_json()["ids"]) == 500


@needs_pandoc
def test_the_basket_page_lists_entries_references_and_every_export(client, data):
    for ids in ("1-p12", "1-p13", "3"):
        client.post("/basket/add", data={"ids": ids})
    withdraw(data, 3)
    page = client.get("/basket?style=chicago-author-date").get_data(as_text=True)
    assert page.count('class="basket-entry"') == 2
    assert "he tells Haaretz." in page and "quoting Ethan Gutmann" in page
    assert "No longer in the archive" in page and ": 3." in page
    assert page.count('<li class="reference"') == 1
    # one in-text citation per passage, each naming whom it quotes
    assert "(Gutmann, quoted in <em>Haaretz</em> 2020, para. 12)" in page
    assert "(<em>Haaretz</em> 2020, para. 13)" in page
    for name in ("bibtex", "biblatex", "ris", "csl-json", "apa", "mla", "chicago-note"):
        assert f"/basket/export?format={name}&amp;download=1" in page
    entries = _bib_entries(client.get("/basket/export?format=bibtex").get_data(as_text=True))
    assert list(entries) == [HAARETZ_KEY]  # the withdrawn document is left out


def test_the_basket_page_refuses_an_unknown_style(client):
    assert client.get("/basket?style=harvard").status_code == 400


def test_a_tampered_basket_entry_is_ignored(client):
    with client.session_transaction() as session:
        session["basket"] = ["2", "<script>", 7]
    entries = _bib_entries(client.get("/basket/export?format=bibtex").get_data(as_text=True))
    assert list(entries) == [OPINDIA_KEY]


# -- the partial for search hits and document paragraphs, and CSRF --------------------------

CONTROLS = (
    '{% with cite_id=cid, cite_anchor="p12" %}{% include "_cite_controls.html" %}{% endwith %}'
)


def test_cite_controls_toggle_between_add_and_remove(data):
    app = make_app(data)
    with app.test_request_context("/documents/1?x=1"):
        html = render_template_string(CONTROLS, cid="1-p12")
        assert 'action="/basket/add"' in html and 'value="/documents/1?x=1#p12"' in html
        assert 'href="/cite?ids=1-p12"' in html
        from flask import session

        session["basket"] = ["1-p12"]
        assert 'action="/basket/remove"' in render_template_string(CONTROLS, cid="1-p12")


def test_cite_controls_render_without_the_citations_blueprint(tmp_path):
    app = create_app({"DATA": str(tmp_path / "bare"), "TESTING": True})
    with app.test_request_context("/"):
        html = render_template_string(CONTROLS, cid=4)
    assert 'name="ids" value="4"' in html and "Add to basket" in html


@pytest.fixture
def csrf_client(data: Path):
    app = make_app(data, WTF_CSRF_ENABLED=True)
    CSRFProtect(app)
    return app.test_client()


def _token(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


@needs_pandoc
def test_with_csrf_protection_the_forms_carry_a_token_and_need_it(csrf_client):
    page = csrf_client.get("/cite?ids=2").get_data(as_text=True)
    assert csrf_client.post("/basket/add", data={"ids": "2"}).status_code == 400
    assert csrf_client.get("/api/basket").get_json() == {"ids": []}
    response = csrf_client.post("/basket/add", data={"ids": "2", "csrf_token": _token(page)})
    assert response.status_code == 303
    assert csrf_client.get("/api/basket").get_json() == {"ids": ["2"]}


# -- permalinks, file names, inline files -----------------------------------------------------


def test_without_a_base_url_permalinks_name_the_address_the_request_came_to(data):
    client = make_app(data, CUTTINGS_BASE_URL="").test_client()
    response = client.get("/api/cite?ids=1-p12&format=ris", base_url="http://archive.test:8123")
    (entry,) = rispy.loads(response.get_data(as_text=True))
    assert entry["accession_number"] == "http://archive.test:8123/documents/1#p12"


def test_a_configured_base_url_wins_over_the_request_address(client):
    response = client.get("/api/cite?ids=1-p12&format=csl-json", base_url="http://10.0.0.9:9000")
    (item,) = json.loads(response.get_data())
    assert item["archive_location"] == f"{BASE_URL}/documents/1#p12"


@needs_pandoc
def test_the_cite_page_shows_every_file_format_inline_with_copy_and_download(client):
    page = client.get("/cite?ids=1-p12").get_data(as_text=True)
    for name in ("bibtex", "biblatex", "biblatex-apa", "ris", "csl-json"):
        assert f'id="file-{name}"' in page and f'data-copy-target="file-{name}"' in page
    assert "TY  - NEWS" in page and "entrysubtype = {nonacademic}" in page
    assert "&#34;citation-key&#34;: &#34;haaretz_2020_chinas_093b89&#34;" in page


@needs_pandoc
def test_text_downloads_carry_an_in_text_citation_per_passage(client):
    text = client.get("/api/cite?ids=1-p12,1-p13,3-p4&format=chicago-author-date").get_data(True)
    assert "In text (¶12): (Gutmann, quoted in Haaretz 2020, para. 12)" in text
    assert "In text (¶13): (Haaretz 2020, para. 13)" in text
    assert "In text (¶4): (Parsons, quoted in O’Neill 2005, para. 4)" in text
