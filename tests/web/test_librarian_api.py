"""The write API: POST, PATCH and DELETE on /api/documents with a Bearer token."""

from __future__ import annotations

import gzip
import io

import pytest

from tests.librarian_support import (
    archive_document,
    bearer,
    make_document,
    open_catalog_of,
    token_for,
)

ARTICLE = (
    "Doctors describe a hidden trade\n\n"
    "“We saw the lists ourselves,” said Ethan Gutmann, an independent researcher.\n\n"
    "The report was published on Tuesday and runs to 600 pages.\n"
)


def warc_record(uri: str, html: str) -> bytes:
    payload = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html).encode()
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
        f"WARC-Date: 2021-03-01T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{abs(hash(uri))}>\r\n"
        f"Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(payload)}\r\n\r\n"
    ).encode()
    return head + payload + b"\r\n\r\n"


def article_html(title: str, sentence: str) -> str:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{sentence} "
        + "This paragraph gives the article enough body text. " * 8
        + "</p></article></body></html>"
    )


def upload(client, token, data: bytes, name: str, **fields):
    return client.post(
        "/api/documents",
        headers=bearer(token),
        data={"file": (io.BytesIO(data), name), **fields},
        content_type="multipart/form-data",
    )


# -- POST ------------------------------------------------------------------------------------


def test_anonymous_upload_is_401(client, data):
    response = client.post(
        "/api/documents",
        data={"file": (io.BytesIO(b"x"), "a.txt")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 401
    assert response.get_json()["error"]
    assert open_catalog_of(data).documents.ids(status=None) == []


def test_a_readers_upload_is_403(client, data):
    response = upload(client, token_for(data, "reader"), ARTICLE.encode(), "a.txt")
    assert response.status_code == 403


def test_an_upload_returns_201_with_the_add_json_object(client, lib_token, data):
    """End to end through the real ingest pipeline."""
    response = upload(
        client,
        lib_token,
        ARTICLE.encode(),
        "article.txt",
        outlet="Haaretz",
        date="2020-12-04",
        author=["A One", "B Two"],
    )
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert set(body) == {
        "id",
        "status",
        "source",
        "title",
        "outlet",
        "published",
        "passages",
        "quotes",
        "error",
    }
    assert (body["status"], body["outlet"], body["published"]) == ("added", "Haaretz", "2020-12-04")
    assert response.headers["Location"].endswith(f"/api/documents/{body['id']}")
    doc = open_catalog_of(data).documents.get(body["id"])
    assert doc.value("authors") == ["A One", "B Two"]
    assert doc.fields["outlet"].source == "librarian"
    assert client.get(f"/api/documents/{body['id']}").status_code == 200
    again = upload(client, lib_token, ARTICLE.encode(), "article.txt")
    assert again.status_code == 200 and again.get_json()["status"] == "duplicate"


def test_a_warc_with_several_records_returns_items(client, lib_token, data):
    """End to end: one object per record, in {"items": [...]}."""
    warc = b"".join(
        warc_record(f"https://news.example/{i}", article_html(f"Story {i}", f"Sentence {i}."))
        for i in range(2)
    )
    response = upload(client, lib_token, gzip.compress(warc), "crawl.warc.gz")
    assert response.status_code == 201, response.get_json()
    items = response.get_json()["items"]
    assert [i["status"] for i in items] == ["added", "added"]
    assert len(open_catalog_of(data).documents.ids()) == 2


def test_a_malformed_warc_record_is_reported_beside_the_good_ones(client, lib_token, data):
    """End to end: the good record is archived, the bad one is an item with its error."""
    good = warc_record("https://news.example/1", article_html("Story 1", "Sentence 1."))
    bad = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort"
    response = upload(client, lib_token, good + bad, "mixed.warc")
    assert response.status_code == 201, response.get_json()
    items = response.get_json()["items"]
    assert items[0]["status"] == "added"
    errors = [i for i in items if i["status"] == "error"]
    assert errors and all(i["error"].startswith("mixed.warc#") for i in errors)
    assert open_catalog_of(data).documents.ids() == [items[0]["id"]]


def test_a_warc_of_malformed_records_only_is_415_and_changes_nothing(client, lib_token, data):
    bad = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort"
    response = upload(client, lib_token, bad, "broken.warc")
    assert response.status_code == 415
    assert "broken.warc" in response.get_json()["error"]
    assert open_catalog_of(data).documents.ids(status=None) == []


@pytest.mark.parametrize(
    ("content", "name"),
    [
        pytest.param(b"\x89PNG\r\n\x1a\n" + bytes(100), "photo.png", id="png"),
        pytest.param(b"%PDF-1.4\n" + bytes(100), "paper.pdf", id="pdf"),
        pytest.param(bytes(range(256)) * 4, "noise.bin", id="binary"),
        pytest.param(b"   \n\n ", "empty.txt", id="empty"),
    ],
)
def test_an_unsupported_file_is_415(client, lib_token, data, content, name):
    response = upload(client, lib_token, content, name)
    assert response.status_code == 415
    assert name in response.get_json()["error"]
    assert open_catalog_of(data).documents.ids(status=None) == []


def test_json_instead_of_a_file_is_415(client, lib_token):
    response = client.post("/api/documents", headers=bearer(lib_token), json={"text": "x"})
    assert response.status_code == 415


def test_an_upload_over_the_limit_is_413(data):
    from tests.librarian_support import add_user, build_app

    add_user(data, "lib", "librarian")
    app = build_app(data, CUTTINGS_MAX_UPLOAD_MB=1)
    response = upload(app.test_client(), token_for(data, "lib"), b"word " * 300_000, "big.txt")
    assert response.status_code == 413
    assert response.get_json() == {
        "error": "the upload is larger than 1 MB (the limit is set by CUTTINGS_MAX_UPLOAD_MB)",
        "status": 413,
        "kind": "too-large",
    }


def test_a_gzip_bomb_is_refused(data):
    from tests.librarian_support import add_user, build_app

    add_user(data, "lib", "librarian")
    app = build_app(data, CUTTINGS_MAX_DECOMPRESSED_MB=1)
    bomb = gzip.compress(b"a" * (3 * 1024 * 1024))
    response = upload(app.test_client(), token_for(data, "lib"), bomb, "page.html.gz")
    assert response.status_code == 413
    assert "decompresses to more than" in response.get_json()["error"]


@pytest.mark.parametrize(
    ("fields", "status", "message"),
    [
        pytest.param({"colour": "red"}, 422, "unknown field", id="unknown-field"),
        pytest.param({"date": "2020-31-12"}, 422, "not a date", id="invalid-date"),
        pytest.param({"published": "2021-02-29"}, 422, "calendar", id="not-leap-year"),
    ],
)
def test_bad_metadata_on_upload_changes_nothing(client, lib_token, data, fields, status, message):
    response = upload(client, lib_token, ARTICLE.encode(), "a.txt", **fields)
    assert response.status_code == status
    assert message in response.get_json()["error"]
    assert open_catalog_of(data).documents.ids(status=None) == []


def test_an_upload_needs_exactly_one_file(client, lib_token):
    response = client.post(
        "/api/documents",
        headers=bearer(lib_token),
        data={"title": "x"},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    assert "exactly one" in response.get_json()["error"]


# -- PATCH -----------------------------------------------------------------------------------


def test_patch_corrects_fields_and_returns_the_document(client, lib_token, data):
    doc_id = archive_document(data, make_document(1))
    response = client.patch(
        f"/api/documents/{doc_id}",
        headers=bearer(lib_token),
        json={"outlet": "Haaretz English", "published": "2020-12", "authors": ["Judy Maltz"]},
    )
    assert response.status_code == 200
    body = response.get_json()
    assert body["outlet"] == "Haaretz English" and body["published"] == "2020-12"
    assert body["fields"]["authors"] == {
        "value": ["Judy Maltz"],
        "source": "librarian",
        "evidence": "corrected by lib",
        "uncertain": False,
    }
    hits = client.get("/api/search", query_string={"q": "harvest"}).get_json()["hits"]
    assert hits[0]["provenance"]["outlet"] == "Haaretz English"


def test_patch_null_clears_a_field(client, lib_token, data):
    doc_id = archive_document(data, make_document(1))
    response = client.patch(
        f"/api/documents/{doc_id}", headers=bearer(lib_token), json={"published": None}
    )
    assert response.status_code == 200
    assert response.get_json()["published"] is None


@pytest.mark.parametrize(
    ("body", "message"),
    [
        pytest.param({"colour": "red"}, "unknown field", id="unknown-field"),
        pytest.param({"published": "2020-02-30"}, "calendar", id="invalid-date"),
        pytest.param({"published": "4 December"}, "not a date", id="words-date"),
        pytest.param({"outlet": 7}, "must be text", id="number"),
        pytest.param({"outlet": ["a"]}, "must be text", id="list"),
        pytest.param({"authors": "Judy Maltz"}, "list of names", id="authors-string"),
        pytest.param({"authors": [1, 2]}, "list of names", id="authors-numbers"),
        pytest.param({"title": "x" * 5000}, "at most", id="too-long"),
        pytest.param({}, "no fields", id="empty"),
        pytest.param(["outlet"], "JSON object", id="array"),
        pytest.param("outlet", "JSON object", id="string"),
    ],
)
def test_patch_refuses_bad_bodies_with_422_and_changes_nothing(
    client, lib_token, data, body, message
):
    doc_id = archive_document(data, make_document(1))
    response = client.patch(f"/api/documents/{doc_id}", headers=bearer(lib_token), json=body)
    assert response.status_code == 422
    assert message in response.get_json()["error"]
    assert open_catalog_of(data).documents.field_history(doc_id) == []


def test_patch_with_broken_json_is_400(client, lib_token, data):
    doc_id = archive_document(data, make_document(1))
    response = client.patch(
        f"/api/documents/{doc_id}",
        headers=bearer(lib_token),
        data=b"{not json",
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.get_json()["error"] == "the body is not valid JSON"


def test_patch_needs_json(client, lib_token, data):
    doc_id = archive_document(data, make_document(1))
    response = client.patch(
        f"/api/documents/{doc_id}", headers=bearer(lib_token), data={"outlet": "x"}
    )
    assert response.status_code == 415


def test_patch_an_unknown_document_is_404(client, lib_token):
    response = client.patch("/api/documents/999", headers=bearer(lib_token), json={"outlet": "x"})
    assert response.status_code == 404
    assert "999" in response.get_json()["error"]


def test_patch_a_quotes_speaker(client, lib_token, data):
    doc_id = archive_document(data, make_document(1, speaker="Ethan Gutmann"))
    quote = open_catalog_of(data).quotes.of_document(doc_id)[0].id
    response = client.patch(
        f"/api/quotes/{quote}", headers=bearer(lib_token), json={"speaker": "David Kilgour"}
    )
    assert response.status_code == 200
    assert response.get_json()["quotes"][0]["speaker"] == "David Kilgour"
    bad = client.patch(f"/api/quotes/{quote}", headers=bearer(lib_token), json={"speaker": 3})
    assert bad.status_code == 422


# -- DELETE ----------------------------------------------------------------------------------


def test_delete_withdraws_with_a_reason_from_the_query(client, lib_token, data):
    doc_id = archive_document(data, make_document(1))
    response = client.delete(
        f"/api/documents/{doc_id}?reason=duplicate+of+2", headers=bearer(lib_token)
    )
    assert response.status_code == 200
    assert response.get_json() == {"id": doc_id, "status": "withdrawn", "reason": "duplicate of 2"}
    row = open_catalog_of(data).documents.info(doc_id)
    assert (row.status, row.withdrawn_by) == ("withdrawn", "lib")


def test_delete_takes_the_reason_from_a_json_body(client, lib_token, data):
    doc_id = archive_document(data, make_document(1))
    response = client.delete(
        f"/api/documents/{doc_id}", headers=bearer(lib_token), json={"reason": "copyright request"}
    )
    assert response.status_code == 200
    assert open_catalog_of(data).documents.info(doc_id).withdrawn_reason == "copyright request"


@pytest.mark.parametrize(
    "kwargs",
    [
        pytest.param({}, id="no-reason"),
        pytest.param({"json": {"reason": ""}}, id="empty-reason"),
        pytest.param({"json": {"reason": 5}}, id="number-reason"),
        pytest.param({"json": {"why": "x"}}, id="unknown-key"),
    ],
)
def test_delete_without_a_proper_reason_is_422(client, lib_token, data, kwargs):
    doc_id = archive_document(data, make_document(1))
    response = client.delete(f"/api/documents/{doc_id}", headers=bearer(lib_token), **kwargs)
    assert response.status_code == 422
    assert open_catalog_of(data).documents.info(doc_id).status == "active"


def test_withdrawing_twice_is_409_and_reinstating_needs_an_admin(client, lib_token, data):
    doc_id = archive_document(data, make_document(1))
    client.delete(f"/api/documents/{doc_id}?reason=x", headers=bearer(lib_token))
    again = client.delete(f"/api/documents/{doc_id}?reason=x", headers=bearer(lib_token))
    assert again.status_code == 409
    path = f"/api/documents/{doc_id}/reinstate"
    assert client.post(path, headers=bearer(lib_token)).status_code == 403
    response = client.post(path, headers=bearer(token_for(data, "boss")))
    assert response.status_code == 200
    assert open_catalog_of(data).documents.info(doc_id).status == "active"


def test_write_methods_do_not_shadow_the_readers_get(client, data):
    doc_id = archive_document(data, make_document(1))
    assert client.get(f"/api/documents/{doc_id}").get_json()["title"] == "Document number 1"
    assert client.put(f"/api/documents/{doc_id}").status_code == 405
