"""Where a passage travelled and who said it first, through every door: the passage page and
/api/passages, the trace page, /api/trace and `cuttings trace`; the search tips, the error
page's search box, long documents in parts, the librarian's flags, cost refusals."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.model import FLAG_LONG_PASSAGES
from tests.archive_fixtures import Archive, Para, make_document
from tests.librarian_support import csrf_token, log_in
from tests.web.error_shape import is_error
from tests.web.test_search_api import COPY_KEYS, HIT_KEYS
from web.app import create_app
from web.cli import cli

QUOTE = "Organs were taken from prisoners of conscience on a significant scale for years"


@pytest.fixture
def archive(tmp_path: Path, archive_mode) -> Archive:
    """In both modes (`archive_mode`): the same answers from Whoosh and PostgreSQL."""
    archive = Archive(tmp_path / "data")
    archive.add(
        make_document(
            "Tribunal verdict",
            [
                Para("The tribunal sat for a year."),
                Para(f'"{QUOTE}," the chair said.', "Geoffrey Nice"),
            ],
            outlet="The Guardian",
            published="2019-06-17",
        ),
        make_document(
            "Verdict (forum)",
            [Para(f'"{QUOTE}," the chair said.', "Geoffrey Nice")],
            outlet="The Guardian",
            host="forum repost by striver44",
            published="2019-06-20",
        ),
        make_document(
            "Undated copy",
            [Para(f'"{QUOTE}," the chair said.', "Geoffrey Nice")],
            outlet=None,
            published=None,
        ),
    )
    return archive


@pytest.fixture
def app(archive: Archive):
    return create_app({"DATA": str(archive.datadir.root), "TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()


def html(response) -> str:
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return response.get_data(as_text=True)


# -- a passage and its travel ----------------------------------------------------------------


def test_the_passage_page_shows_its_travel_earliest_first(client):
    page = html(client.get("/passages/2-p1"))
    stops = re.findall(r'<li class="stop stop-(\w+)', page)
    assert stops == ["original", "repost", "undated"]
    travel = page[page.index('class="travel"') :]
    assert travel.index("2019-06-17") < travel.index("2019-06-20") < travel.index("date unknown")
    assert "first published" in page and "via forum repost by striver44" in page
    assert 'href="/passages/1-p2"' in page and "(this passage)" in page


def test_the_passage_api_gives_the_hit_and_its_timeline(client):
    body = client.get("/api/passages/1-p2").get_json()
    assert set(body["passage"]) == HIT_KEYS and body["passage"]["copies_total"] == 2
    roles = [(stop["doc_id"], stop["role"]) for stop in body["timeline"]]
    assert roles == [(1, "original"), (2, "repost"), (3, "undated")]
    assert set(body["timeline"][0]) == COPY_KEYS | {"role"}
    assert body["timeline"][1]["links"]["document"] == "/documents/2#p1"


@pytest.mark.parametrize("path", ["/passages/9-p9", "/passages/nonsense", "/api/passages/1-p99"])
def test_an_unknown_passage_is_a_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    if path.startswith("/api/"):
        assert is_error(response.get_json(), 404)


def test_a_search_hit_lists_each_copy_with_its_provenance_and_a_link(client):
    page = html(client.get("/?q=conscience"))
    copies = page[page.index('class="copies"') :]
    assert "Also in 2 other places" in copies
    assert "via forum repost by striver44" in copies and "undated" in copies
    assert 'href="/documents/2#p1"' in copies and 'href="/documents/3#p1"' in copies


# -- tracing a quotation ---------------------------------------------------------------------


CIRCULATED = "“...organs were taken from prisoners of conscience on a large scale for years”"


def test_the_trace_api_answers_every_carrying_passage_earliest_first(client):
    body = client.get("/api/trace", query_string={"text": CIRCULATED}).get_json()
    assert set(body) == {"total", "hits"} and body["total"] == 3
    assert [h["provenance"]["published"] for h in body["hits"]] == [
        "2019-06-17",
        "2019-06-20",
        None,
    ]
    first = body["hits"][0]
    assert set(first) == HIT_KEYS | {"similarity"} and 0.6 <= first["similarity"] <= 1
    assert first["speakers"] == ["Geoffrey Nice"] and first["links"]["cite"]


def test_a_quotation_too_short_to_trace_is_a_400_in_the_one_error_shape(client):
    response = client.get("/api/trace?text=organs")
    assert response.status_code == 400 and is_error(response.get_json(), 400)
    assert "at least 4 words" in response.get_json()["error"]


def test_the_trace_page_lists_the_passages_with_speaker_outlet_date_and_cite(client):
    page = html(client.get("/trace", query_string={"text": CIRCULATED}))
    assert page.count('class="traced-hit"') == 3
    assert "quoting Geoffrey Nice" in page and "The Guardian" in page and "Cite" in page
    assert html(client.get("/trace")).count("<textarea") == 1
    assert client.get("/trace?text=two+words").status_code == 400


def test_cuttings_trace_prints_the_api_object_and_readable_lines(client, archive):
    data = str(archive.datadir.root)
    run = CliRunner().invoke(cli, ["trace", CIRCULATED, "--json", "--data", data])
    assert run.exit_code == 0, run.output
    assert (
        json.loads(run.output)
        == client.get("/api/trace", query_string={"text": CIRCULATED}).get_json()
    )
    lines = CliRunner().invoke(cli, ["trace", CIRCULATED, "--data", data]).output
    assert lines.startswith("3 passages carry it, earliest first")
    assert "The Guardian · 2019-06-17 · Tribunal verdict · quoting Geoffrey Nice" in lines
    short = CliRunner().invoke(cli, ["trace", "too short", "--data", data])
    assert short.exit_code == 1 and "Traceback" not in short.output


# -- search tips, errors, long documents -----------------------------------------------------


def test_the_search_box_links_the_tips_whose_examples_come_from_the_archive(client):
    assert 'href="/search-tips"' in html(client.get("/"))
    page = html(client.get("/search-tips"))
    assert "<code>chair conscience</code>" in page
    assert "<code>chair -conscience</code>" in page
    assert "person:&#34;Geoffrey Nice&#34;" in page or 'person:"Geoffrey Nice"' in page
    counts = re.findall(r'<td class="count">([\d,–]+)</td>', page)
    assert len(counts) >= 10 and any(c not in ("0", "–") for c in counts)


def test_the_error_page_keeps_the_search_box_and_the_query(client):
    page = client.get("/?q=harvest+AND").get_data(as_text=True)
    assert "AND needs a search term after it" in page
    assert 'name="q" value="harvest AND"' in page
    missing = client.get("/documents/999").get_data(as_text=True)
    assert 'role="search"' in missing


def test_a_long_document_is_shown_in_parts_and_hits_link_to_the_right_part(tmp_path):
    archive = Archive(tmp_path / "data")
    paras = [Para(f"Paragraph {n} of the minutes.") for n in range(1, 451)]
    paras[449] = Para("The last paragraph mentions the reservoir.")
    [doc_id] = archive.add(make_document("Minutes", paras))
    client = create_app({"DATA": str(archive.datadir.root), "TESTING": True}).test_client()
    first = html(client.get(f"/documents/{doc_id}"))
    assert 'id="p200"' in first and 'id="p201"' not in first and "450 passages" in first
    third = html(client.get(f"/documents/{doc_id}?page=3"))
    assert 'id="p401"' in third and 'id="p450"' in third and 'id="p1"' not in third
    hit = client.get("/api/search?q=reservoir").get_json()["hits"][0]
    assert hit["links"]["document"] == f"/documents/{doc_id}?page=3#p450"
    assert client.get(f"/documents/{doc_id}?page=4").status_code == 400


def test_a_query_too_costly_is_a_400_that_names_the_part(archive):
    app = create_app(
        {"DATA": str(archive.datadir.root), "TESTING": True, "CUTTINGS_SEARCH_MAX_EXPANSIONS": 1}
    )
    response = app.test_client().get("/api/search?q=sa*")
    assert response.status_code == 400
    body = response.get_json()
    assert is_error(body, 400) and body["kind"] == "query-too-costly"
    assert "`sa*` matches more than 1 different words" in body["error"]


# -- the librarian's flags -------------------------------------------------------------------


def test_a_librarian_sees_flagged_documents_and_clears_a_flag(tmp_path, monkeypatch):
    from archive.catalog import accounts
    from tests.librarian_support import FAST_HASHER, PASSWORD

    monkeypatch.setattr(accounts, "_hasher", FAST_HASHER)
    archive = Archive(tmp_path / "data")
    doc = make_document("Bomb", [Para("word " * 10)])
    doc.flags[FLAG_LONG_PASSAGES] = "1 paragraph was longer than 3,000 characters"
    [flagged] = archive.add(doc)
    archive.add(make_document("Fine", [Para("A normal paragraph.")]))
    archive.catalog.accounts.add_user("lib", "librarian", PASSWORD, actor="test")
    client = create_app({"DATA": str(archive.datadir.root), "TESTING": True}).test_client()
    assert log_in(client, "lib").status_code == 302
    listing = html(client.get("/librarian/?flagged=1"))
    assert "Bomb" in listing and "Fine" not in listing and FLAG_LONG_PASSAGES in listing
    review = html(client.get(f"/librarian/documents/{flagged}"))
    assert "longer than 3,000 characters" in review
    token = csrf_token(client, f"/librarian/documents/{flagged}")
    cleared = client.post(
        f"/librarian/documents/{flagged}/flags/{FLAG_LONG_PASSAGES}/clear",
        data={"csrf_token": token},
    )
    assert cleared.status_code == 302
    assert "Bomb" not in html(client.get("/librarian/?flagged=1"))
    document = client.get(f"/api/documents/{flagged}").get_json()
    assert document["flags"] == {}
