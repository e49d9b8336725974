"""The reader's pages: search with filters and facets, a document, people."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.archive_fixtures import Archive, Para, make_document
from web.app import create_app


@pytest.fixture
def archive(tmp_path: Path, archive_mode) -> Archive:
    archive = Archive(tmp_path / "data")
    archive.add(
        make_document(
            "Organs taken from prisoners",
            [
                Para("Organs were harvested from prisoners, he said.", "Ethan Gutmann"),
                Para("An archived <script>alert('x')</script> tag in the text."),
                Para("Photo: the hospital gate", kind="caption"),
                Para("Reader: I do not believe it", kind="comment"),
            ]
            + [Para(f"Filler paragraph {n} about the harvest season.") for n in range(5, 40)],
            outlet="Haaretz",
            published="2019-06-17",
            authors=["Jane Doe"],
            roles={"Ethan Gutmann": "an independent researcher"},
        ),
        make_document(
            "Second report",
            [Para("The harvest of organs continues, Gutmann said.", "Ethan Gutmann")],
            outlet="The Times",
            published="2020-01-02",
        ),
    )
    return archive


@pytest.fixture
def client(archive: Archive):
    return create_app({"DATA": str(archive.datadir.root), "TESTING": True}).test_client()


def page(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    return response.get_data(as_text=True)


def test_empty_search_page_shows_the_form_and_help(client):
    html = page(client, "/")
    assert 'name="q"' in html and 'name="person"' in html and 'name="kinds"' in html
    assert 'name="viewport"' in html
    assert "How to search" in html


def test_results_show_provenance_links_and_cite(client):
    html = page(client, "/?q=prisoners")
    assert "Haaretz" in html and "2019-06-17" in html and "Organs taken from prisoners" in html
    assert 'href="/documents/1#p1"' in html
    assert 'href="/cite?ids=1-p1"' in html
    assert 'href="/?person=Ethan+Gutmann"' in html
    assert "<mark>prisoners</mark>" in html


def test_facets_are_links_with_counts(client):
    html = page(client, "/?q=organs")
    assert re.search(
        r'<a href="/\?q=organs&amp;outlet=The\+Times">The Times</a> '
        r'<span class="count">1</span>',
        html,
    )
    assert 'href="/?q=organs&amp;from=2020&amp;to=2020"' in html


def test_pagination_links_keep_the_query(client):
    html = page(client, "/?q=harvest&per_page=10")
    assert 'href="/?q=harvest&amp;page=2&amp;per_page=10"' in html
    html = page(client, "/?q=harvest&per_page=10&page=2")
    assert 'rel="prev"' in html


def test_person_filter_without_words_lists_their_passages(client):
    html = page(client, "/?person=Ethan+Gutmann")
    assert "2 hits" in html
    assert "newest first" in html


def test_archived_script_tag_shows_as_text(client):
    html = page(client, "/?q=archived")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html or "&lt;script&gt;" in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        pytest.param("q=organ+AND", "AND needs", id="syntax"),
        pytest.param("q=organ&from=2019-02-30", "calendar", id="date"),
        pytest.param("q=organ&page=0", "page", id="page"),
    ],
)
def test_bad_search_shows_a_message_on_the_page(client, query, message):
    html = page(client, f"/?{query}", status=400)
    assert 'class="error"' in html and message in html
    assert 'name="q"' in html


def test_document_page_anchors_every_passage(client):
    html = page(client, "/documents/1")
    for n in (1, 2, 3, 4, 39):
        assert f'id="p{n}"' in html
    assert 'class="passage passage-caption"' in html
    assert 'class="passage passage-comment"' in html
    assert "&lt;script&gt;" in html and "<script>alert" not in html


def test_document_page_shows_fields_with_their_provenance(client):
    html = page(client, "/documents/1")
    row = re.search(r'<tr class="field-published">(.*?)</tr>', html, re.S).group(1)
    assert "2019-06-17" in row and "text" in row and "Published 2019-06-17" in row
    assert "Jane Doe" in html


def test_document_page_links_people_quoted(client):
    html = page(client, "/documents/1")
    assert re.search(r'<a href="/people/\d+">Ethan Gutmann</a>, an independent researcher', html)


def test_missing_and_withdrawn_documents_are_404(client, archive):
    archive.catalog.documents.withdraw(2, reason="test", actor="tester")
    assert "no document with id 2" in page(client, "/documents/2", status=404)
    page(client, "/documents/77", status=404)


def test_people_list_and_person_page(client):
    html = page(client, "/people")
    match = re.search(r'<a href="/people/(\d+)">Ethan Gutmann</a>', html)
    assert match
    person = page(client, f"/people/{match.group(1)}")
    assert "an independent researcher" in person
    assert 'href="/documents/1#p1"' in person and 'href="/documents/2#p1"' in person
    assert "Organs were harvested from prisoners" in person
    assert "2 quotes in 2 documents" in person
    assert page(client, "/people?q=nobody").count("No one called") == 1


def test_unknown_person_is_404(client):
    page(client, "/people/999", status=404)


def test_pages_carry_no_inline_scripts_or_styles(client):
    for url in ("/", "/?q=organs", "/documents/1", "/people"):
        html = page(client, url)
        assert "<script" not in html.replace("&lt;script", "")
        assert "style=" not in html and "<style" not in html
