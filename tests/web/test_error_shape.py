"""Every JSON error of every door has one shape: `{"error", "status", "kind"}`.

Pinned here the way Datasette pins its `error_body`: a client can rely on `error` for a
message to show, `status` for the HTTP status and `kind` to branch on.
"""

from __future__ import annotations

import io

import pytest

from tests.librarian_support import archive_document as store
from tests.librarian_support import bearer, make_document
from tests.web.error_shape import is_error


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        pytest.param("get", "/api/search?q=organ+AND", 400, id="query-syntax"),
        pytest.param("get", "/api/search?q=x&page=abc", 400, id="bad-page"),
        pytest.param("get", "/api/documents/999", 404, id="unknown-document"),
        pytest.param("get", "/api/documents/99999999999999999999", 404, id="huge-id"),
        pytest.param("get", "/api/cite?ids=1", 400, id="cite-without-format"),
        pytest.param("get", "/api/nowhere", 404, id="unknown-route"),
        pytest.param("post", "/api/search", 405, id="wrong-method"),
        pytest.param("patch", "/api/documents/1", 401, id="no-token"),
    ],
)
def test_reader_and_writer_errors_share_one_shape(client, method, path, status):
    response = getattr(client, method)(path)
    assert response.status_code == status
    assert is_error(response.get_json(), status)


def test_an_error_of_a_write_keeps_the_shape_and_names_its_kind(client, data, lib_token):
    store(data, make_document(1))
    response = client.patch("/api/documents/1", json={"outlet": 5}, headers=bearer(lib_token))
    assert response.status_code == 422
    body = response.get_json()
    assert is_error(body, 422) and body["kind"] == "invalid"


def test_an_upload_nothing_can_be_read_from_is_415_of_kind_unsupported(client, lib_token):
    png = io.BytesIO(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    response = client.post(
        "/api/documents", data={"file": (png, "a.png")}, headers=bearer(lib_token)
    )
    assert response.status_code == 415
    body = response.get_json()
    assert is_error(body, 415) and body["kind"] == "unsupported"
    assert "a.png" in body["error"]
