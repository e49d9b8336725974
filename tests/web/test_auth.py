"""Web login and logout, CSRF, rate limits, roles, Bearer tokens and the private archive."""

from __future__ import annotations

import pytest

from archive.datadir import DataDir
from tests import catalog_file
from tests.librarian_support import (
    PASSWORD,
    add_user,
    bearer,
    build_app,
    csrf_token,
    log_in,
    open_catalog_of,
    token_for,
)
from web.auth import LoginLimiter, safe_next


def test_login_starts_a_session_and_logout_ends_it(client):
    response = log_in(client, "lib")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/librarian/")
    assert client.get("/librarian/").status_code == 200
    token = csrf_token(client, "/librarian/")
    assert client.post("/logout", data={"csrf_token": token}).status_code == 302
    assert client.get("/librarian/").status_code == 302


def test_a_wrong_password_is_refused(client):
    response = log_in(client, "lib", "not the password")
    assert response.status_code == 401
    assert "wrong name or password" in response.get_data(as_text=True)
    assert client.get("/librarian/").status_code == 302


def test_the_session_cookie_is_http_only_and_same_site(client):
    response = log_in(client, "lib")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_secure_cookies_are_marked_secure(data):
    add_user(data, "lib", "librarian")
    app = build_app(data, CUTTINGS_SECURE_COOKIES=True)
    response = log_in(app.test_client(), "lib")
    assert "Secure" in response.headers["Set-Cookie"]


def test_login_goes_back_where_the_user_was_going(client):
    client.get("/login")
    token = csrf_token(client)
    response = client.post(
        "/login",
        data={
            "name": "lib",
            "password": PASSWORD,
            "csrf_token": token,
            "next": "/librarian/people",
        },
    )
    assert response.headers["Location"] == "/librarian/people"


@pytest.mark.parametrize(
    "target",
    [
        pytest.param("https://evil.example/", id="absolute"),
        pytest.param("//evil.example/", id="scheme-relative"),
        pytest.param("/\\evil.example", id="backslash"),
        pytest.param("javascript:alert(1)", id="javascript"),
    ],
)
def test_login_never_redirects_off_site(target):
    assert safe_next(target, "/home") == "/home"


def test_a_form_post_without_a_csrf_token_is_400(librarian):
    response = librarian.post("/librarian/upload", data={"text": "Title\n\nBody text."})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "open too long to be sent safely" in page  # not "The CSRF tokens do not match"
    assert "Body text." in page  # and what was typed is kept


def test_the_login_form_itself_needs_a_csrf_token(client):
    response = client.post("/login", data={"name": "lib", "password": PASSWORD})
    assert response.status_code == 400


def test_logout_is_a_post_with_csrf(librarian):
    assert librarian.get("/logout").status_code == 405
    assert librarian.post("/logout").status_code == 400
    assert librarian.get("/librarian/").status_code == 200


def test_failed_logins_are_rate_limited_per_name_and_address(data):
    add_user(data, "lib", "librarian")
    app = build_app(data, CUTTINGS_LOGIN_ATTEMPTS=3)
    client = app.test_client()
    for _ in range(3):
        assert log_in(client, "lib", "wrong password").status_code == 401
    blocked = log_in(client, "lib")  # even the right password waits now
    assert blocked.status_code == 429
    assert int(blocked.headers["Retry-After"]) > 0
    other = app.test_client()
    other_token = csrf_token(other)
    response = other.post(
        "/login",
        data={"name": "lib", "password": PASSWORD, "csrf_token": other_token},
        environ_base={"REMOTE_ADDR": "10.0.0.9"},
    )
    assert response.status_code == 302  # another address is not blocked


def test_the_limiter_forgets_failures_after_the_window():
    now = [0.0]
    limiter = LoginLimiter(2, window=60, clock=lambda: now[0])
    key = ("ada", "127.0.0.1")
    limiter.failed(key)
    limiter.failed(key)
    assert limiter.retry_after(key) == 60
    now[0] = 61.0
    assert limiter.retry_after(key) == 0


def test_a_removed_user_loses_their_session(data, librarian):
    catalog = open_catalog_of(data)
    catalog.accounts.remove_user("lib", actor="test")
    catalog.close()
    assert librarian.get("/librarian/").status_code == 302


# -- roles -----------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get("/librarian/upload")
    assert response.status_code == 302
    assert "/login?next=/librarian/upload" in response.headers["Location"]


def test_a_reader_may_not_open_librarian_pages(app):
    client = app.test_client()
    log_in(client, "reader")
    assert client.get("/librarian/upload").status_code == 403


def test_only_admins_see_the_audit_log(librarian, admin):
    assert librarian.get("/librarian/audit").status_code == 403
    assert admin.get("/librarian/audit").status_code == 200


def test_the_api_ignores_session_cookies(librarian):
    """A logged-in browser cannot be tricked into an API change: tokens only."""
    response = librarian.delete("/api/documents/1?reason=x")
    assert response.status_code == 401
    assert response.get_json()["error"] == "send an API token: Authorization: Bearer <token>"


@pytest.mark.parametrize(
    "header",
    [
        pytest.param("Bearer not-a-real-token-but-long-enough", id="unknown-token"),
        pytest.param("Basic bGliOnBhc3N3b3Jk", id="basic-auth"),
        pytest.param("Bearer ", id="empty-token"),
        pytest.param("Bearer " + "x" * 5000, id="huge-token"),
    ],
)
def test_bad_credentials_on_the_api_are_401(client, header):
    response = client.patch(
        "/api/documents/1", json={"outlet": "X"}, headers={"Authorization": header}
    )
    assert response.status_code == 401
    assert "error" in response.get_json()
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_revoked_token_is_401(client, data, lib_token):
    catalog = open_catalog_of(data)
    catalog.accounts.revoke_tokens("lib", actor="test")
    catalog.close()
    response = client.patch("/api/documents/1", json={"outlet": "X"}, headers=bearer(lib_token))
    assert response.status_code == 401


def test_a_readers_token_is_403(client, data):
    response = client.patch(
        "/api/documents/1", json={"outlet": "X"}, headers=bearer(token_for(data, "reader"))
    )
    assert response.status_code == 403
    assert "reader" in response.get_json()["error"]


def test_an_unknown_role_is_403(client, data):
    catalog_file.write(
        DataDir.resolve(data).catalog, "UPDATE users SET role = 'intern' WHERE name = 'reader'"
    )
    response = client.patch(
        "/api/documents/1", json={"outlet": "X"}, headers=bearer(token_for(data, "reader"))
    )
    assert response.status_code == 403


# -- the private archive ---------------------------------------------------------------------


@pytest.fixture
def private(data):
    add_user(data, "reader", "reader")
    return build_app(data, CUTTINGS_PRIVATE=True)


@pytest.mark.parametrize(
    "path", ["/", "/search?q=x", "/librarian/", "/documents/1", "/no/such/page"]
)
def test_a_private_archive_sends_visitors_to_login(private, path):
    response = private.test_client().get(path)
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


@pytest.mark.parametrize("path", ["/api/search?q=x", "/api/documents/1", "/api/cite?id=1"])
def test_a_private_archive_answers_the_api_401(private, path):
    response = private.test_client().get(path)
    assert response.status_code == 401
    assert "private" in response.get_json()["error"]


def test_a_private_archive_lets_accounts_in(private, data):
    client = private.test_client()
    assert client.get("/login").status_code == 200
    log_in(client, "reader")
    assert client.get("/no/such/page").status_code == 404
    token = token_for(data, "reader")
    response = private.test_client().get("/api/no-such-route", headers=bearer(token))
    assert response.status_code == 404


def test_a_public_archive_needs_no_login_to_read(app):
    response = app.test_client().get("/no/such/page")
    assert response.status_code == 404


def test_every_page_sends_security_headers(client):
    for path in ("/login", "/librarian/", "/api/documents/1"):
        headers = client.get(path).headers
        assert "default-src 'self'" in headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["Referrer-Policy"] == "same-origin"
