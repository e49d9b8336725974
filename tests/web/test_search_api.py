"""/api/search, /api/documents and `cuttings search`: the same hits through every door."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.serialize import document_to_json
from tests.archive_fixtures import REPOST_OF, Archive, Para, corpus_datadir, make_document
from tests.web.error_shape import is_error
from web.app import create_app
from web.cli import cli

HIT_KEYS = {
    "passage_id",
    "doc_id",
    "n",
    "kind",
    "text",
    "highlight",
    "speakers",
    "attributions",
    "provenance",
    "also_in",
    "snippet",
    "copies",
    "copies_total",
    "links",
}
COPY_KEYS = {"doc_id", "passage_id", "outlet", "host", "published", "title", "links"}
PROVENANCE_KEYS = {"outlet", "host", "published", "title", "authors", "url"}


@pytest.fixture
def archive(tmp_path: Path, archive_mode) -> Archive:
    archive = Archive(tmp_path / "data")
    archive.add(
        make_document(
            "Dam row",
            [
                Para("The dam will flood twelve villages, engineers warned.", "Ana Silva"),
                Para("<b>Bold</b> claims about the dam & the <script>x()</script> tag."),
            ],
            outlet="Folha",
            published="2019-05-02",
            authors=["Rita Lopes"],
            url="https://example.org/dam",
        ),
        make_document(
            "Dam row (repost)",
            [Para("The dam will flood twelve villages, engineers warned.", "Ana Silva")],
            outlet="Folha",
            host="forum.example",
            published="2019-05-03",
        ),
    )
    return archive


@pytest.fixture
def client(archive: Archive):
    app = create_app({"DATA": str(archive.datadir.root), "TESTING": True})
    return app.test_client()


def test_search_answers_the_documented_shape(client):
    body = client.get("/api/search?q=dam+villages").get_json()
    assert set(body) == {"total", "page", "per_page", "sort", "hits", "facets", "did_you_mean"}
    assert body["sort"] == "relevance" and body["did_you_mean"] is None
    assert (body["total"], body["page"], body["per_page"]) == (1, 1, 20)
    hit = body["hits"][0]
    assert set(hit) == HIT_KEYS
    assert set(hit["provenance"]) == PROVENANCE_KEYS
    assert hit["provenance"]["authors"] == ["Rita Lopes"]
    assert hit["speakers"] == ["Ana Silva"]
    [attribution] = hit["attributions"]
    assert set(attribution) == {"name", "person_id", "confidence", "verified"}
    assert attribution["name"] == "Ana Silva" and isinstance(attribution["person_id"], int)
    assert len(hit["also_in"]) == 1
    [copy] = hit["copies"]
    assert set(copy) == COPY_KEYS and hit["copies_total"] == 1
    assert copy["doc_id"] == hit["also_in"][0] and copy["host"] == "forum.example"
    assert copy["links"]["document"] == f"/documents/{copy['doc_id']}#p1"
    assert copy["links"]["passage"] == f"/passages/{copy['passage_id']}"
    assert hit["links"]["document"] == f"/documents/{hit['doc_id']}#p1"
    assert hit["links"]["passage"] == f"/passages/{hit['passage_id']}"
    assert hit["links"]["cite"].startswith(f"/api/cite?ids={hit['passage_id']}")
    assert "<mark>villages</mark>" in hit["snippet"]
    assert set(body["facets"]) == {"outlet", "person", "year"}
    assert body["facets"]["person"] == [
        {"value": "Ana Silva", "count": 1, "selected": False, "missing": False}
    ]


def test_search_arguments_filter_and_page(client):
    body = client.get(
        "/api/search?person=Ana+Silva&from=2019-05-03&to=2019-05&per_page=5"
    ).get_json()
    assert body["total"] == 1 and body["per_page"] == 5
    assert body["hits"][0]["provenance"]["host"] == "forum.example"
    assert client.get("/api/search?q=bold&kinds=caption").get_json()["total"] == 0
    assert client.get("/api/search?q=bold&kinds=body&kinds=caption").get_json()["total"] == 1


def test_highlight_is_escaped_text_with_marks(client):
    hit = client.get("/api/search?q=claims").get_json()["hits"][0]
    assert hit["highlight"] == (
        "&lt;b&gt;Bold&lt;/b&gt; <mark>claims</mark> about the dam &amp; the "
        "&lt;script&gt;x()&lt;/script&gt; tag."
    )


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("q=", id="empty"),
        pytest.param("q=dam+AND", id="dangling-operator"),
        pytest.param("q=%28dam", id="open-bracket"),
        pytest.param("q=%22dam", id="open-quote"),
        pytest.param("q=nope:dam", id="unknown-field"),
        pytest.param("q=dam&page=-1", id="negative-page"),
        pytest.param("q=dam&page=abc", id="page-not-a-number"),
        pytest.param("q=dam&page=99999999", id="absurd-page"),
        pytest.param("q=dam&from=2019-02-31", id="bad-date"),
        pytest.param("q=dam&sort=popular", id="bad-sort"),
        pytest.param("q=dam&kinds=adverts", id="bad-kind"),
    ],
)
def test_bad_requests_are_400_with_an_error(client, query):
    response = client.get(f"/api/search?{query}")
    assert response.status_code == 400
    assert is_error(response.get_json(), response.status_code)
    assert response.get_json()["error"]


def test_document_is_the_catalog_json(client, archive):
    response = client.get("/api/documents/1")
    assert response.status_code == 200
    assert response.get_json() == json.loads(
        json.dumps(document_to_json(archive.catalog.documents.get(1)))
    )


def test_unknown_and_withdrawn_documents_are_404(client, archive):
    archive.catalog.documents.withdraw(2, reason="duplicate", actor="tester")
    for url in ("/api/documents/2", "/api/documents/999", "/api/documents/abc"):
        response = client.get(url)
        assert response.status_code == 404
        assert is_error(response.get_json(), response.status_code)


def run_cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["search", *args], catch_exceptions=False)
    return result.exit_code, result.output


def test_cli_prints_the_api_object_as_json(client, archive):
    code, output = run_cli("dam villages", "--data", str(archive.datadir.root), "--json")
    assert code == 0
    assert json.loads(output) == client.get("/api/search?q=dam+villages").get_json()


def test_cli_prints_readable_lines(archive):
    code, output = run_cli("dam", "--person", "Ana Silva", "--data", str(archive.datadir.root))
    assert code == 0
    assert "Folha · 2019-05-02 · Dam row · quoting Ana Silva" in output
    assert "also [2-p1] Folha · via forum.example · 2019-05-03" in output


def test_cli_reports_a_bad_query_in_one_line(archive):
    code, output = run_cli("dam AND", "--data", str(archive.datadir.root))
    assert code == 1
    assert "Error: AND needs a search term after it" in output
    assert "Traceback" not in output


# -- the seeds and a few hundred BBC articles, through the real pipeline ----------------------


@pytest.fixture(scope="session")
def corpus_app(tmp_path_factory, corpus):
    root = corpus_datadir(tmp_path_factory, corpus)
    return create_app({"DATA": str(root), "TESTING": True})


@pytest.fixture
def corpus_client(corpus_app):
    return corpus_app.test_client()


def api(client, **args) -> dict:
    response = client.get("/api/search", query_string=args)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


@pytest.mark.corpus
def test_corpus_phrase_finds_the_article(corpus_client, corpus):
    body = api(corpus_client, q='"maternity pay for new mothers"')
    assert body["total"] == 1
    assert "Maternity pay for new mothers" in body["hits"][0]["text"]
    assert body["hits"][0]["provenance"]["outlet"] == "BBC News"


@pytest.mark.corpus
def test_corpus_repost_is_one_hit_with_also_in(corpus_client):
    body = api(corpus_client, q='"maternity pay for new mothers"')
    hit = body["hits"][0]
    assert len(hit["also_in"]) == 1, f"the near-copy of {'/'.join(REPOST_OF)} is a second place"


@pytest.mark.corpus
def test_corpus_stemming_finds_harvested_organs(corpus_client):
    texts = [h["text"].lower() for h in api(corpus_client, q="harvest organ", per_page=50)["hits"]]
    assert any("harvested" in t for t in texts)


@pytest.mark.corpus
def test_corpus_person_filter_keeps_only_their_passages(corpus_client):
    people = api(corpus_client, q="said")["facets"]["person"]
    assert people, "the BBC articles quote people"
    name = people[0]["value"]
    body = api(corpus_client, person=name, per_page=100)
    assert body["total"] >= people[0]["count"]
    assert all(name in hit["speakers"] for hit in body["hits"])


@pytest.mark.corpus
def test_corpus_outlet_facet_counts_and_filters(corpus_client):
    body = api(corpus_client, q="government")
    outlets = {f["value"]: f["count"] for f in body["facets"]["outlet"]}
    assert outlets.get("BBC News", 0) > 10
    filtered = api(corpus_client, q="government", outlet="BBC News", per_page=100)
    assert filtered["total"] == outlets["BBC News"]
    assert {h["provenance"]["outlet"] for h in filtered["hits"]} == {"BBC News"}


@pytest.mark.corpus
def test_corpus_date_range_keeps_passages_of_those_dates(corpus_client):
    years = api(corpus_client, q="organs")["facets"]["year"]
    assert years, "the seeds carry dates"
    year = years[0]["value"]
    inside = api(corpus_client, q="organs", **{"from": year, "to": year}, per_page=100)
    assert inside["total"] == years[0]["count"]
    assert all(h["provenance"]["published"].startswith(year) for h in inside["hits"])
    before = api(corpus_client, q="organs", to="1999-12-31")
    assert before["total"] == 0


@pytest.mark.corpus
def test_corpus_bad_syntax_is_400(corpus_client):
    response = corpus_client.get("/api/search?q=%22organ+harvest")
    assert response.status_code == 400
    assert "quotation mark" in response.get_json()["error"]


@pytest.mark.corpus
def test_corpus_archived_script_tag_is_shown_as_text(corpus_client):
    hit = api(corpus_client, q='"archived page showed"')["hits"][0]
    assert "<script>" in hit["text"]
    assert "<script>" not in hit["highlight"] and "&lt;script&gt;" in hit["highlight"]
    page = corpus_client.get("/?q=%22archived+page+showed%22").get_data(as_text=True)
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page


@pytest.mark.corpus
def test_corpus_cli_gives_the_same_hits(corpus_app, corpus_client):
    root = str(corpus_app.config["DATADIR"].root)
    code, output = run_cli(
        "minister", "--outlet", "BBC News", "--limit", "5", "--json", "--data", root
    )
    assert code == 0
    assert json.loads(output) == api(corpus_client, q="minister", outlet="BBC News", per_page=5)
