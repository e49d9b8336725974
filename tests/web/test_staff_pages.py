"""Staff pages that read well: one navigation bar, an audit log of readable diffs with links,
filters, pages and filtered exports, large uploads as a job with progress and a summary, an
expired form that keeps what was typed, a basket that forgets withdrawn items, and a check
page that flags what a citation lacks (a masthead read as the outlet)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import socket
import threading

import pytest

from archive.catalog.database import now_iso
from archive.datadir import DataDir
from tests import catalog_file
from tests.archive_fixtures import article_page, warc_of
from tests.librarian_support import (
    PASSWORD,
    archive_document,
    csrf_token,
    finished_job,
    make_document,
    open_catalog_of,
)
from web.app import shutdown

ARTICLE = (
    "Harbour baths to close\n\n"
    "The council voted on Tuesday to close the harbour baths after 80 years.\n\n"
    "“We had no choice,” said Ann Lee, the council leader.\n"
)


def nav(page: str) -> str:
    return page[page.index('<nav class="site-nav"') : page.index("</nav>")]


def log_section(page: str) -> str:
    return page[page.index('<ol class="audit-log">') :]


def post(client, path, form, **kwargs):
    return client.post(path, data={"csrf_token": csrf_token(client, "/librarian/upload"), **form},
                       **kwargs)  # fmt: skip


# -- one navigation bar ----------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/librarian/", "/librarian/upload", "/librarian/audit", "/"])
def test_a_staff_member_sees_one_navigation_bar(admin, path):
    page = admin.get(path).get_data(as_text=True)
    assert page.count('<nav class="site-nav"') == 1
    links = nav(page)
    assert links.count(">Log out<") == 1
    assert links.count(">Upload<") == 1 and links.count(">Audit log<") == 1
    assert "Log in" not in links


def test_the_login_page_offers_log_in_once(client):
    page = client.get("/login").get_data(as_text=True)
    assert page.count('<nav class="site-nav"') == 1
    assert "Log in" not in nav(page)  # the page itself is the way in
    assert "Log in" in client.get("/").get_data(as_text=True)


# -- the audit log ---------------------------------------------------------------------------


@pytest.fixture
def changes(admin, data):
    """A correction with a curly apostrophe, a withdrawal and a merge of two people."""
    first = archive_document(data, make_document(1, speaker="Ethan Gutmann"))
    second = archive_document(data, make_document(2, speaker="Jane Smith"))
    form = {
        "title": "The harbour’s last summer",
        "csrf_token": csrf_token(admin, f"/librarian/documents/{first}/edit"),
    }
    assert admin.post(f"/librarian/documents/{first}/edit", data=form).status_code == 302
    form = {
        "reason": "a duplicate",
        "csrf_token": csrf_token(admin, f"/librarian/documents/{second}"),
    }
    assert admin.post(f"/librarian/documents/{second}/withdraw", data=form).status_code == 302
    return first, second


def test_the_audit_log_reads_as_a_diff_with_links(admin, changes):
    first, second = changes
    page = log_section(admin.get("/librarian/audit").get_data(as_text=True))
    assert "\\u2019" not in page and "The harbour’s last summer" in page
    entry = page[page.index('<li class="audit-entry"') :]
    entry = entry[: entry.index("</li>")]  # the newest: the withdrawal
    assert f'href="/librarian/documents/{second}"' in entry
    assert re.search(r'<td data-label="Before" class="before">active</td>', entry)
    assert re.search(r'<td data-label="After" class="after">withdrawn</td>', entry)
    correction = page[page.index(">correct<") :]
    assert f'href="/librarian/documents/{first}"' in correction[:600]
    assert "Document number 1" in correction[:1500]  # the title before, beside the new one


def test_the_audit_log_filters_by_user_action_and_date_and_pages(admin, data, changes):
    catalog = open_catalog_of(data)
    with catalog.transaction():
        for n in range(60):
            catalog.audit.write("robot", "token-create", f"user:robot{n}", None, {"token": n})
    catalog.close()
    page = admin.get("/librarian/audit?actor=boss").get_data(as_text=True)
    assert page.count('<li class="audit-entry"') == 2 and "robot" not in log_section(page)
    page = admin.get("/librarian/audit?action=withdraw").get_data(as_text=True)
    assert page.count('<li class="audit-entry"') == 1
    today = now_iso()[:10]
    assert admin.get(f"/librarian/audit?from={today}&to={today}").status_code == 200
    assert "0 entries" in admin.get("/librarian/audit?to=2000-01-01").get_data(as_text=True)
    first = admin.get("/librarian/audit?actor=robot").get_data(as_text=True)
    second = admin.get("/librarian/audit?actor=robot&page=2").get_data(as_text=True)
    assert first.count('<li class="audit-entry"') == 50
    assert second.count('<li class="audit-entry"') == 10
    older = re.search(r'<a href="([^"]*)">Older</a>', first).group(1)
    assert "page 1 of 2" in first and "page=2" in older and "actor=robot" in older
    assert admin.get("/librarian/audit?from=yesterday").status_code == 422  # says: YYYY-MM-DD


def test_the_exports_keep_the_filters(admin, changes):
    exported = json.loads(admin.get("/librarian/audit.json?action=withdraw").get_data())
    assert [e["action"] for e in exported] == ["withdraw"]
    rows = list(
        csv.reader(io.StringIO(admin.get("/librarian/audit.csv?actor=boss").get_data(as_text=True)))
    )
    assert rows[0][:4] == ["id", "at", "actor", "action"] and {r[2] for r in rows[1:]} == {"boss"}


# -- a large upload --------------------------------------------------------------------------


def test_a_warc_upload_runs_as_a_job_with_progress_and_a_line_per_item(librarian, data):
    pages = [(f"https://news.example/{n}", article_page(f"Harbour report {n}", f"Boat {n} came in."))
             for n in range(40)]  # fmt: skip
    response = post(
        librarian,
        "/librarian/upload",
        {"files": (io.BytesIO(warc_of(pages)), "crawl.warc.gz"), "outlet": "Harbour Gazette"},
        content_type="multipart/form-data",
    )
    job = finished_job(librarian, response)
    assert (job["state"], job["total"], job["done"]) == ("done", 40, 40)
    assert {item["status"] for item in job["results"]} == {"added"}
    assert job["results"][0]["missing"] == ["date", "author"]  # the outlet was typed
    page = librarian.get(response.headers["Location"]).get_data(as_text=True)
    assert page.count('<tr class="result-added">') == 40
    ids = [item["id"] for item in job["results"]]
    assert all(f'href="/librarian/documents/{i}"' in page for i in ids)
    assert 'section class="review"' not in page  # the check pages are a click away
    assert "<progress" in page


def test_a_job_answers_its_status_from_any_server_process(librarian, data, app):
    response = post(
        librarian,
        "/librarian/upload",
        {
            "files": [
                (io.BytesIO(ARTICLE.encode()), "a.txt"),
                (io.BytesIO(b"Other\n\nText."), "b.txt"),
            ]
        },
        content_type="multipart/form-data",
    )
    finished_job(librarian, response)
    from tests.librarian_support import build_app, log_in

    other = build_app(data).test_client()  # another process's app over the same catalog
    log_in(other, "lib")
    status = other.get(response.headers["Location"] + ".json").get_json()
    assert status["state"] == "done" and len(status["results"]) == 2


def test_no_job_thread_outlives_the_server(librarian, app):
    response = post(
        librarian,
        "/librarian/upload",
        {"files": [(io.BytesIO(ARTICLE.encode()), f"{n}.txt") for n in range(3)]},
        content_type="multipart/form-data",
    )
    shutdown(app)
    assert [t for t in threading.enumerate() if t.name.startswith("cuttings-")] == []
    assert librarian.get(response.headers["Location"] + ".json").get_json()["finished"]


def test_a_job_whose_server_died_reads_as_interrupted(librarian, data):
    catalog = open_catalog_of(data)
    gone = f"{socket.gethostname()}:{os.getpid()}:1"  # this pid, but not this process
    job_id = catalog.jobs.create("upload", "lib", runner=gone)
    catalog.jobs.update(job_id, state="running", total=10, done=3)
    catalog.close()
    status = librarian.get(f"/librarian/jobs/{job_id}.json").get_json()
    assert status["state"] == "interrupted" and "what it had added is kept" in status["message"]


# -- an expired form -------------------------------------------------------------------------


def test_a_form_sent_after_the_session_ended_keeps_what_was_typed(librarian, data):
    token = csrf_token(librarian, "/librarian/upload")
    catalog = open_catalog_of(data)
    catalog.accounts.end_sessions(catalog.accounts.user("lib").id)  # logged out elsewhere
    catalog.close()
    form = {"csrf_token": token, "text": ARTICLE, "outlet": "Harbour Gazette"}
    response = librarian.post("/librarian/upload", data=form)
    page = response.get_data(as_text=True)
    assert response.status_code == 401
    assert "log in again" in page and "Harbour Gazette" in page and "We had no choice" in page
    fresh = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    again = {**form, "csrf_token": fresh, "relogin_name": "lib", "relogin_password": PASSWORD}
    response = librarian.post("/librarian/upload", data=again)
    assert response.status_code == 200 and "Upload results" in response.get_data(as_text=True)
    [doc_id] = open_catalog_of(data).documents.ids()
    assert open_catalog_of(data).documents.get(doc_id).value("outlet") == "Harbour Gazette"


def test_an_expired_token_says_so_in_words_and_keeps_the_correction(librarian, data):
    doc_id = archive_document(data, make_document(1))
    with librarian.session_transaction() as session:
        session["csrf_token"] = "another-token"  # the form was opened under an older token
    form = {"csrf_token": "stale", "title": "A better title", "outlet": "Haaretz"}
    response = librarian.post(f"/librarian/documents/{doc_id}/edit", data=form)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "CSRF" not in page and "open too long" in page and "A better title" in page


def test_a_stale_login_form_comes_back_ready_to_send_again(client):
    response = client.post(
        "/login", data={"name": "lib", "password": PASSWORD, "csrf_token": "old"}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "open too long" in page and 'value="lib"' in page and "CSRF" not in page
    assert 'name="csrf_token" value="' in page  # a fresh token: the next try goes through


# -- the basket and the check page -----------------------------------------------------------


def test_the_basket_forgets_a_withdrawn_item(client, librarian, data):
    doc_id = archive_document(data, make_document(1))
    page = client.get(f"/cite?ids={doc_id}-p2").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    form = {"ids": f"{doc_id}-p2", **({"csrf_token": token.group(1)} if token else {})}
    assert client.post("/basket/add", data=form).status_code == 303
    assert "Basket (1)" in client.get("/").get_data(as_text=True)
    form = {
        "reason": "withdrawn",
        "csrf_token": csrf_token(librarian, f"/librarian/documents/{doc_id}"),
    }
    librarian.post(f"/librarian/documents/{doc_id}/withdraw", data=form)
    assert "Basket (" not in client.get("/").get_data(as_text=True)
    basket = client.get("/basket").get_data(as_text=True)
    assert "taken out of the basket" in basket
    assert client.get("/api/basket").get_json() == {"ids": []}


def test_the_check_page_flags_a_missing_outlet_date_and_author(librarian, data):
    response = post(
        librarian,
        "/librarian/upload",
        {"text": "Harbour baths close\n\nThe council voted to close the baths.\n"},
    )
    page = response.get_data(as_text=True)
    assert re.search(r"Check: no outlet, no date, no author was found", page)


def test_a_masthead_line_is_read_as_the_outlet_not_the_title(librarian, data):
    text = "Northern Courier\n\n" + ARTICLE
    page = post(librarian, "/librarian/upload", {"text": text}).get_data(as_text=True)
    [doc_id] = open_catalog_of(data).documents.ids()
    doc = open_catalog_of(data).documents.get(doc_id)
    assert doc.value("title") == "Harbour baths to close"
    assert doc.value("outlet") == "Northern Courier"
    assert "no outlet" not in page and "no date, no author" in page
    assert catalog_file.value(DataDir.resolve(data).catalog, "SELECT COUNT(*) FROM documents") == 1
