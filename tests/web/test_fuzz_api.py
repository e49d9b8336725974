"""Property tests: random bytes through the readers, random requests through the web doors.

Whatever comes in, the answer is a clear error or a result: never a 500, never a traceback.
Bounded (100 examples each, no deadline) so the whole file runs in well under 30 seconds.
"""

from __future__ import annotations

import gzip
import json
import random
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.catalog import accounts
from archive.errors import ArchiveError
from archive.ingest.pipeline import Item
from archive.ingest.read import read_bytes
from archive.model import FailedItem
from tests.librarian_support import (
    FAST_HASHER,
    add_user,
    archive_document,
    bearer,
    build_app,
    make_document,
    token_for,
)

BOUNDED = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

names = st.one_of(
    st.sampled_from(
        [
            "a.txt",
            "a.html",
            "crawl.warc",
            "crawl.warc.gz",
            "x.arc.gz",
            "page.gz",
            "../../etc/passwd",
            "..\\..\\x.txt",
            "",
            ".",
            "\x00.txt",
            "ü.html",
        ]
    ),
    st.text(max_size=40),
)
WARC_HEAD = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\n"
payloads = st.one_of(
    st.binary(max_size=2000),
    st.binary(max_size=500).map(lambda b: WARC_HEAD + b),
    st.binary(max_size=500).map(gzip.compress),
    st.binary(max_size=500).map(lambda b: gzip.compress(WARC_HEAD + b)),
    st.text(max_size=500).map(lambda t: f"<html><body><p>{t}</p></body></html>".encode()),
    st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass")),
)


@BOUNDED
@given(data=payloads, name=names)
def test_the_readers_never_raise_anything_but_an_archive_error(data, name):
    try:
        entries = list(read_bytes(data, name, max_bytes=1024 * 1024))
    except ArchiveError as error:
        assert error.message
        return
    for entry in entries:
        assert isinstance(entry, Item | FailedItem)
        if isinstance(entry, FailedItem):
            assert entry.error and "Traceback" not in entry.error


# -- the web doors ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    """One app for the whole module: a librarian token and one document to aim at."""
    data = tmp_path_factory.mktemp("fuzz") / "data"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(accounts, "_hasher", FAST_HASHER)
        add_user(data, "lib", "librarian")
        token = token_for(data, "lib")
        doc_id = archive_document(data, make_document(1))
        app = build_app(data)
        yield app.test_client(), token, doc_id


def assert_clean(response) -> None:
    """Not a server error; an error body is the one JSON shape, with no traceback."""
    assert response.status_code < 500, response.get_data(as_text=True)[:500]
    body = response.get_data(as_text=True)
    assert "Traceback" not in body
    if response.status_code >= 400 and response.is_json:
        assert set(response.get_json()) >= {"error"}


query_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=200)
query_args = st.dictionaries(
    st.sampled_from(
        [
            "q",
            "person",
            "outlet",
            "from",
            "to",
            "page",
            "per_page",
            "sort",
            "kinds",
            "format",
            "reason",
            "next",
            "x",
        ]
    ),
    query_text,
    max_size=5,
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)
field_bodies = st.dictionaries(
    st.sampled_from(
        [
            "title",
            "outlet",
            "host",
            "authors",
            "published",
            "captured",
            "url",
            "language",
            "colour",
            "",
        ]
    ),
    json_values,
    max_size=4,
)


@BOUNDED
@given(
    args=query_args,
    path=st.sampled_from(
        ["/", "/api/search", "/people", "/login", "/api/documents/1", "/documents/1"]
    ),
)
def test_random_query_strings_get_no_server_error(web, args, path):
    client, _, _ = web
    assert_clean(client.get(path, query_string=args))


@BOUNDED
@given(body=st.one_of(field_bodies, json_values))
def test_random_json_bodies_on_patch_get_no_server_error(web, body):
    client, token, doc_id = web
    # Hypothesis seeds `random` alike for every example, and Whoosh names its segments with
    # `random`: without this, two corrections would write segments with the same name.
    random.seed()
    response = client.patch(
        f"/api/documents/{doc_id}",
        headers=bearer(token),
        data=json.dumps(body),
        content_type="application/json",
    )
    assert_clean(response)
    assert response.status_code in (200, 422)


@BOUNDED
@given(
    raw=st.binary(max_size=300),
    content_type=st.sampled_from(
        [
            "application/json",
            "text/plain",
            "multipart/form-data",
            "application/x-www-form-urlencoded",
            "",
        ]
    ),
    method=st.sampled_from(["PATCH", "DELETE", "POST"]),
)
def test_random_raw_bodies_get_no_server_error(web, raw, content_type, method):
    client, token, _ = web
    path = "/api/documents" if method == "POST" else "/api/documents/999"
    assert_clean(
        client.open(path, method=method, headers=bearer(token), data=raw, content_type=content_type)
    )


header_text = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=120)


@BOUNDED
@given(
    auth=header_text,
    extra=st.dictionaries(
        st.sampled_from(["Accept", "Content-Type", "X-Forwarded-For", "Cookie", "Host-Ish"]),
        header_text,
        max_size=3,
    ),
)
def test_random_headers_get_no_server_error(web, auth, extra):
    client, _, doc_id = web
    headers = {"Authorization": auth, **extra}
    assert_clean(client.patch(f"/api/documents/{doc_id}", headers=headers, json={"x": 1}))
    assert_clean(client.get("/api/search?q=harvest", headers=headers))


@BOUNDED
@given(
    fields=st.dictionaries(
        st.text(alphabet=string.ascii_lowercase, min_size=1, max_size=8),
        st.text(max_size=40),
        max_size=4,
    ),
    content=st.binary(max_size=300),
    name=names,
)
def test_random_uploads_get_no_server_error(web, fields, content, name):
    client, token, _ = web
    import io

    response = client.post(
        "/api/documents",
        headers=bearer(token),
        data={"file": (io.BytesIO(content), name or "x"), **fields},
        content_type="multipart/form-data",
    )
    assert_clean(response)


def test_a_100_kb_query_string_gets_a_clear_answer(web):
    client, _, _ = web
    for path in ("/", "/api/search", "/librarian/"):
        assert_clean(client.get(path, query_string={"q": "a" * 100_000}))


def test_non_utf8_bytes_in_the_query_and_form_get_a_clear_answer(web):
    client, token, doc_id = web
    assert_clean(client.get("/api/search?q=%ff%fe%80"))
    assert_clean(client.get("/?q=%c3%28&person=%80"))
    assert_clean(client.delete(f"/api/documents/{doc_id}?reason=%ff%fe", headers=bearer(token)))
    assert_clean(
        client.post(
            "/api/documents",
            headers=bearer(token),
            data=b'--b\r\nContent-Disposition: form-data; name="file"; '
            b'filename="\xff\xfe.txt"\r\n\r\n\xff\xfe\x00\r\n--b--\r\n',
            content_type="multipart/form-data; boundary=b",
        )
    )
