"""The librarian's pages: upload and review, corrections, people, originals, the audit log."""

from __future__ import annotations

import csv
import io
import json

import pytest

from archive.catalog.records import AuditEntry
from archive.datadir import DataDir
from tests.librarian_support import (
    add_user,
    archive_document,
    build_app,
    csrf_token,
    finished_job,
    log_in,
    make_document,
    open_catalog_of,
)
from web.librarian import audit_as_csv

ARTICLE = (
    "Doctors describe a hidden trade\n\n"
    "By Jane Reporter\n\n"
    "“We saw the lists ourselves,” said Ethan Gutmann, an independent researcher.\n\n"
    "The report was published on Tuesday and runs to 600 pages.\n"
)


def post_form(client, path: str, fields: dict, page: str | None = None, **kwargs):
    """A form post carrying the CSRF token of `page` (default: the librarian index)."""
    token = csrf_token(client, page or "/librarian/")
    return client.post(path, data={"csrf_token": token, **fields}, **kwargs)


def correct_on_page(client, doc_id: int, **changes: str):
    """Submit the edit page with the document's values from `make_document`, changed."""
    edit_page = f"/librarian/documents/{doc_id}/edit"
    values = {
        "title": "Document number 1",
        "outlet": "Haaretz",
        "published": "2020-12-04",
        "authors": "Jane Reporter",
    }
    return post_form(client, edit_page, values | changes, page=edit_page)


def search_outlets(client, words: str) -> list[str]:
    hits = client.get("/api/search", query_string={"q": words}).get_json()["hits"]
    return [hit["provenance"].get("outlet") for hit in hits]


# -- upload ----------------------------------------------------------------------------------


def test_the_upload_page_has_files_text_and_metadata(librarian):
    page = librarian.get("/librarian/upload").get_data(as_text=True)
    for name in ("files", "text", "title", "outlet", "host", "authors", "published", "url"):
        assert f'name="{name}"' in page
    assert 'type="file" multiple' in page and 'enctype="multipart/form-data"' in page


def test_an_upload_needs_something_to_archive(librarian):
    response = post_form(librarian, "/librarian/upload", {"title": "T"})
    assert response.status_code == 400
    assert "choose one or more files" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        pytest.param({"published": "2020-13-45"}, "is not a date", id="invalid-date"),
        pytest.param({"published": "2021-02-30"}, "not a calendar date", id="impossible-day"),
        pytest.param({"published": "yesterday"}, "is not a date", id="words"),
    ],
)
def test_bad_metadata_is_refused_and_nothing_is_archived(librarian, data, fields, message):
    response = post_form(librarian, "/librarian/upload", {"text": ARTICLE, **fields})
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert open_catalog_of(data).documents.ids(status=None) == []


def test_an_upload_over_the_size_limit_is_413(data):
    add_user(data, "lib", "librarian")
    app = build_app(data, CUTTINGS_MAX_UPLOAD_MB=1)
    client = app.test_client()
    log_in(client, "lib")
    big = io.BytesIO(b"word " * 300_000)
    response = post_form(
        client, "/librarian/upload", {"files": (big, "big.txt")}, content_type="multipart/form-data"
    )
    assert response.status_code == 413
    assert "larger than 1 MB" in response.get_data(as_text=True)
    assert open_catalog_of(data).documents.ids(status=None) == []


def test_pasted_text_is_archived_and_reviewed_field_by_field(librarian, data):
    """End to end through the real ingest pipeline."""
    response = post_form(
        librarian,
        "/librarian/upload",
        {"text": ARTICLE, "outlet": "Haaretz", "published": "2020-12-04"},
    )
    assert response.status_code == 200, response.get_data(as_text=True)[:2000]
    page = response.get_data(as_text=True)
    assert "added" in page
    assert "Haaretz" in page and "librarian" in page  # the typed outlet, with its source
    assert "We saw the lists ourselves" in page
    [doc_id] = open_catalog_of(data).documents.ids()
    assert open_catalog_of(data).documents.get(doc_id).fields["outlet"].source == "librarian"
    assert "Haaretz" in search_outlets(librarian, "lists")


def test_several_files_are_archived_and_file_names_are_never_paths(librarian, data, tmp_path):
    """End to end: a traversal name is only a label, and a bad file does not stop the batch."""
    files = [
        (io.BytesIO(ARTICLE.encode()), "../../escape.txt"),
        (io.BytesIO(ARTICLE.replace("Tuesday", "Friday").encode()), "second.txt"),
        (io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(200)), "picture.txt"),
    ]
    response = post_form(
        librarian, "/librarian/upload", {"files": files}, content_type="multipart/form-data"
    )
    job = finished_job(librarian, response)  # several files: a background job
    assert job["state"] == "done"
    page = librarian.get(response.headers["Location"]).get_data(as_text=True)
    assert "picture.txt" in page and "error" in page
    catalog = open_catalog_of(data)
    names = sorted(catalog.documents.info(i).filename for i in catalog.documents.ids())
    assert names == ["escape.txt", "second.txt"]
    assert not (tmp_path / "escape.txt").exists()
    assert not (DataDir.resolve(data).root.parent / "escape.txt").exists()


# -- review and corrections ------------------------------------------------------------------


def test_the_review_page_shows_each_field_with_its_source(librarian, data):
    doc_id = archive_document(data, make_document(1))
    page = librarian.get(f"/librarian/documents/{doc_id}").get_data(as_text=True)
    assert "Document number 1" in page
    assert "inferred" in page and "told Haaretz" in page  # the outlet's source and evidence
    assert "Ethan Gutmann" in page and "a researcher" in page
    assert f'action="/librarian/documents/{doc_id}/withdraw"' in page


def test_an_unknown_document_is_404(librarian):
    assert librarian.get("/librarian/documents/999").status_code == 404
    assert librarian.get("/librarian/documents/999/edit").status_code == 404


def test_correcting_the_outlet_reaches_search_at_once(librarian, client, data):
    doc_id = archive_document(data, make_document(1, outlet="Haaretz"))
    assert search_outlets(client, "harvest") == ["Haaretz"]
    response = correct_on_page(librarian, doc_id, outlet="The Times of Israel")
    assert response.status_code == 302
    doc = open_catalog_of(data).documents.get(doc_id)
    assert doc.fields["outlet"].value == "The Times of Israel"
    assert doc.fields["outlet"].source == "librarian"
    assert set(doc.fields) >= {"title", "published", "authors"}
    assert doc.fields["title"].source == "text"  # untouched fields keep their source
    assert search_outlets(client, "harvest") == ["The Times of Israel"]
    history = open_catalog_of(data).documents.field_history(doc_id)
    assert [(h.name, h.value, h.source) for h in history] == [("outlet", "Haaretz", "inferred")]


def test_emptying_a_field_clears_it(librarian, data):
    doc_id = archive_document(data, make_document(1))
    correct_on_page(librarian, doc_id, published="")
    assert "published" not in open_catalog_of(data).documents.get(doc_id).fields


def test_an_invalid_correction_changes_nothing(librarian, data):
    doc_id = archive_document(data, make_document(1))
    response = correct_on_page(librarian, doc_id, outlet="Other", published="2020-02-31")
    assert response.status_code == 422
    assert "not a calendar date" in response.get_data(as_text=True)
    assert open_catalog_of(data).documents.get(doc_id).value("outlet") == "Haaretz"
    assert open_catalog_of(data).documents.field_history(doc_id) == []


def test_fixing_a_speaker_on_the_review_page(librarian, client, data):
    doc_id = archive_document(data, make_document(1, speaker="Ethan Gutmann"))
    quote = open_catalog_of(data).quotes.of_document(doc_id)[0].id
    response = post_form(
        librarian, f"/librarian/quotes/{quote}/speaker", {"speaker": "David Kilgour"}
    )
    assert response.status_code == 302
    assert open_catalog_of(data).quotes.of_document(doc_id)[0].speaker == "David Kilgour"
    hits = client.get("/api/search", query_string={"q": "harvest"}).get_json()["hits"]
    assert hits[0]["speakers"] == ["David Kilgour"]


def test_merging_and_splitting_people_from_their_page(librarian, data):
    archive_document(data, make_document(1, speaker="Ethan Gutmann"))
    archive_document(data, make_document(2, speaker="E. Gutmann", body="Another sentence"))
    catalog = open_catalog_of(data)
    ids = {p.name: p.id for p in catalog.people.listing()}
    keep, other = ids["Ethan Gutmann"], ids["E. Gutmann"]
    page = f"/librarian/people/{keep}"
    assert "Merge" in librarian.get(page).get_data(as_text=True)
    post_form(librarian, "/librarian/people/merge", {"keep": keep, "merge": other}, page=page)
    assert {q.speaker for d in (1, 2) for q in catalog.quotes.of_document(d)} == {"Ethan Gutmann"}
    moved = catalog.quotes.of_document(2)[0].id
    response = post_form(
        librarian,
        f"/librarian/people/{keep}/split",
        {"aliases": "E. Gutmann", "quotes": str(moved)},
        page=page,
    )
    assert response.status_code == 302
    assert catalog.quotes.of_document(2)[0].speaker == "E. Gutmann"
    assert catalog.quotes.of_document(1)[0].speaker == "Ethan Gutmann"


# -- originals -------------------------------------------------------------------------------


def test_an_original_is_only_ever_a_sandboxed_download(librarian, data):
    html = b"<html><script>alert(document.cookie)</script><p>Hello</p></html>"
    doc_id = archive_document(data, make_document(1), original=html)
    response = librarian.get(f"/librarian/documents/{doc_id}/original")
    assert response.status_code == 200
    assert response.data == html
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert response.headers["Content-Type"] == "application/octet-stream"
    assert response.headers["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_readers_cannot_download_originals(client, data):
    doc_id = archive_document(data, make_document(1), original=b"text")
    assert client.get(f"/librarian/documents/{doc_id}/original").status_code == 302


@pytest.mark.parametrize(
    "path",
    [
        pytest.param("/documents/../../etc/passwd", id="dots"),
        pytest.param("/documents/..%2f..%2fetc%2fpasswd", id="encoded-slash"),
        pytest.param("/librarian/documents/..%2f..%2fetc%2fpasswd/original", id="original"),
        pytest.param("/librarian/documents/%2e%2e/original", id="encoded-dots"),
        pytest.param("/static/../../../../etc/passwd", id="static"),
        pytest.param("/static/..%2f..%2f..%2fetc%2fpasswd", id="static-encoded"),
    ],
)
def test_path_traversal_finds_nothing(librarian, path):
    response = librarian.get(path)
    assert response.status_code in (302, 400, 404)
    assert b"root:" not in response.data


# -- audit -----------------------------------------------------------------------------------


def test_every_change_is_in_the_audit_log_with_before_and_after(librarian, admin, data):
    doc_id = archive_document(data, make_document(1))
    correct_on_page(librarian, doc_id, outlet="Ynet")
    post_form(librarian, f"/librarian/documents/{doc_id}/withdraw", {"reason": "a duplicate"})
    post_form(admin, f"/librarian/documents/{doc_id}/reinstate", {})
    log = open_catalog_of(data).audit.entries()
    mine = [(e.actor, e.action) for e in reversed(log) if e.actor != "test"]
    assert mine == [("lib", "correct"), ("lib", "withdraw"), ("boss", "reinstate")]
    correction = next(e for e in log if e.action == "correct")
    assert correction.before == {"outlet": "Haaretz"}
    assert correction.after == {"outlet": "Ynet"}
    page = admin.get("/librarian/audit").get_data(as_text=True)
    assert "withdraw" in page and "a duplicate" in page


def test_the_audit_log_exports_as_json_and_csv(admin, data):
    archive_document(data, make_document(1))
    exported = admin.get("/librarian/audit.json")
    assert exported.headers["Content-Disposition"].startswith("attachment")
    entries = json.loads(exported.data)
    assert {"id", "at", "actor", "action", "target", "before", "after"} <= set(entries[0])
    table = admin.get("/librarian/audit.csv")
    rows = list(csv.DictReader(io.StringIO(table.get_data(as_text=True))))
    assert [r["action"] for r in rows] == [e["action"] for e in reversed(entries)]


def test_csv_cells_never_start_a_formula():
    entries = [
        AuditEntry(
            id=1,
            at="2024",
            actor='=HYPERLINK("x")',
            action="+add",
            target="-1",
            before=None,
            after={"a": 1},
        )
    ]
    row = list(csv.reader(io.StringIO(audit_as_csv(entries))))[1]
    assert row[:5] == ["1", "2024", '\'=HYPERLINK("x")', "'+add", "'-1"]
    assert row[6] == '{"a": 1}'


def test_librarians_may_not_reinstate(librarian, data):
    doc_id = archive_document(data, make_document(1))
    post_form(librarian, f"/librarian/documents/{doc_id}/withdraw", {"reason": "wrong file"})
    response = post_form(librarian, f"/librarian/documents/{doc_id}/reinstate", {})
    assert response.status_code == 403
    assert open_catalog_of(data).documents.info(doc_id).status == "withdrawn"


def test_withdrawing_needs_a_reason(librarian, data):
    doc_id = archive_document(data, make_document(1))
    post_form(librarian, f"/librarian/documents/{doc_id}/withdraw", {"reason": "  "})
    assert open_catalog_of(data).documents.info(doc_id).status == "active"
