"""Withdrawal hides a document everywhere a reader can look; reinstatement brings it back."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from archive.datadir import DataDir
from archive.originals import Originals
from tests.librarian_support import (
    archive_document,
    bearer,
    make_document,
    open_catalog_of,
    token_for,
)

TITLE = "Document number 1"


# Ways a citation endpoint might name a document; the first that works before the withdrawal
# is asked again after it.
@pytest.fixture
def withdrawable(app: Flask, data) -> int:
    return archive_document(data, make_document(1, speaker="Ethan Gutmann"), original=b"original")


def reader_views(client: FlaskClient, doc_id: int) -> dict[str, tuple[int, str]]:
    """Every place a reader can meet the document: status and body."""
    person = open_store_person(client, "Ethan Gutmann")
    paths = {
        "search page": "/?q=harvest",
        "search api": "/api/search?q=harvest",
        "person filter": "/api/search?person=Gutmann",
        "document page": f"/documents/{doc_id}",
        "document api": f"/api/documents/{doc_id}",
        "people page": "/people",
        "person page": f"/people/{person}",
    }
    out = {}
    for name, path in paths.items():
        response = client.get(path)
        out[name] = (response.status_code, response.get_data(as_text=True))
    return out


def open_store_person(client: FlaskClient, name: str) -> int:
    catalog = open_catalog_of(client.application.config["DATADIR"].root)
    return next(p.id for p in catalog.people.listing(name) if p.name == name)


def visible(views: dict[str, tuple[int, str]], doc_id: int) -> dict[str, bool]:
    """Whether each view shows the document (a link to it, a hit, its quote or its person)."""
    shows = {
        "search page": lambda body: f"/documents/{doc_id}" in body,
        "search api": lambda body: '"total":0' not in body.replace(" ", ""),
        "person filter": lambda body: '"total":0' not in body.replace(" ", ""),
        "document page": lambda body: TITLE in body,
        "document api": lambda body: TITLE in body,
        "people page": lambda body: "Gutmann" in body,
        "person page": lambda body: "harvest" in body,
    }
    return {name: status == 200 and shows[name](body) for name, (status, body) in views.items()}


def test_a_withdrawn_document_is_gone_for_readers_and_back_when_reinstated(
    client, withdrawable, lib_token, data
):
    doc_id = withdrawable
    before = visible(reader_views(client, doc_id), doc_id)
    assert all(before.values()), before
    response = client.delete(f"/api/documents/{doc_id}?reason=copyright", headers=bearer(lib_token))
    assert response.status_code == 200
    views = reader_views(client, doc_id)
    assert not any(visible(views, doc_id).values()), {k: v[0] for k, v in views.items()}
    assert views["document page"][0] == 404 and views["document api"][0] == 404
    assert views["person page"][0] in (200, 404)
    reinstated = client.post(
        f"/api/documents/{doc_id}/reinstate", headers=bearer(token_for(data, "boss"))
    )
    assert reinstated.status_code == 200
    assert visible(reader_views(client, doc_id), doc_id) == before


def test_a_withdrawn_document_keeps_its_original_and_catalog_rows(
    client, withdrawable, lib_token, data
):
    doc_id = withdrawable
    client.delete(f"/api/documents/{doc_id}?reason=x", headers=bearer(lib_token))
    catalog = open_catalog_of(data)
    doc = catalog.documents.get(doc_id, include_withdrawn=True)
    assert doc.status == "withdrawn" and doc.passages and doc.quotes
    assert Originals(DataDir.resolve(data).originals).exists(doc.original.sha256)
    assert doc_id not in open_index_ids(data)


def open_index_ids(data) -> set[int]:
    from index.sync import Archive

    with Archive.open(DataDir.resolve(data)) as archive:
        return set(archive.engine.indexed())


def test_a_withdrawn_document_cannot_be_cited(client, withdrawable, lib_token):
    doc_id = withdrawable
    urls = [f"/api/cite?ids={doc_id}&format=csl-json", f"/api/cite?ids={doc_id}-p1&format=ris"]
    assert all(client.get(url).status_code == 200 for url in urls)
    assert TITLE in client.get(urls[0]).get_data(as_text=True)
    client.delete(f"/api/documents/{doc_id}?reason=x", headers=bearer(lib_token))
    for url in urls:
        response = client.get(url)
        assert response.status_code == 404, url
        assert TITLE not in response.get_data(as_text=True)
    assert client.get(f"/cite?ids={doc_id}").status_code == 404


def test_a_withdrawn_document_stays_visible_to_librarians(client, withdrawable, lib_token):
    doc_id = withdrawable
    client.delete(f"/api/documents/{doc_id}?reason=a reason", headers=bearer(lib_token))
    response = client.patch(
        f"/api/documents/{doc_id}",
        headers=bearer(lib_token),
        json={"outlet": "Corrected while withdrawn"},
    )
    assert response.status_code == 200
    assert response.get_json()["status"] == "withdrawn"
    assert client.get("/api/search?q=harvest").get_json()["total"] == 0


def test_the_withdraw_and_reinstate_commands(client, withdrawable, data):
    from click.testing import CliRunner

    from web.cli.user_cmds import reinstate, withdraw

    doc_id = withdrawable
    result = CliRunner().invoke(
        withdraw, [str(doc_id), "--reason", "takedown", "--data", str(data)]
    )
    assert result.exit_code == 0, result.output
    assert client.get("/api/search?q=harvest").get_json()["total"] == 0
    entry = open_catalog_of(data).audit.entries(limit=1)[0]
    assert entry.action == "withdraw" and entry.actor.startswith("cli")
    again = CliRunner().invoke(withdraw, [str(doc_id), "--reason", "x", "--data", str(data)])
    assert again.exit_code == 1 and "already withdrawn" in again.output
    assert CliRunner().invoke(reinstate, [str(doc_id), "--data", str(data)]).exit_code == 0
    assert client.get("/api/search?q=harvest").get_json()["total"] > 0
