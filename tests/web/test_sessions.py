"""Sessions that end, and account defaults: a copied cookie dies with logout, a new password,
a new role or removal; logins last 12 hours and end when idle; guessing is throttled per
address; staff pages are never cached; the data directory is its owner's alone."""

from __future__ import annotations

import http.cookiejar
import os
import stat
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest

from archive.datadir import DataDir
from tests import catalog_file
from tests.librarian_support import (
    PASSWORD,
    add_user,
    archive_document,
    csrf_token,
    log_in,
    make_document,
)
from tests.server_support import ROOT, Browser, command_env, cuttings, cuttings_server


def replay(base: str, browser: Browser) -> Browser:
    """A second browser holding a copy of the first one's cookies (a stolen cookie)."""
    jar = http.cookiejar.CookieJar()
    for handler in browser.opener.handlers:
        if isinstance(handler, urllib.request.HTTPCookieProcessor):
            for cookie in handler.cookiejar:
                jar.set_cookie(cookie)
    thief = Browser(base)
    thief.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    return thief


def lands_on(browser: Browser, path: str) -> str:
    """The path a GET ends on after redirects."""
    return urllib.parse.urlsplit(browser.get(path).url).path


def run_cuttings(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        cuttings(*args),
        cwd=ROOT,
        env=command_env(),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def post_form(browser: Browser, path: str, form: dict[str, str]) -> int:
    body = urllib.parse.urlencode(form).encode()
    try:
        return browser.post(path, body, "application/x-www-form-urlencoded").status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.slow
def test_a_copied_cookie_is_refused_after_logout_password_role_change_and_removal(data):
    doc_id = archive_document(data, make_document(1))
    add_user(data, "lib", "librarian")
    with cuttings_server(data, "--threads", "2") as base:
        for ending in ("logout", "password", "role", "remove"):
            owner = Browser(base)
            owner.log_in("lib")
            thief = replay(base, owner)
            assert lands_on(thief, "/librarian/") == "/librarian/"  # the copy works, for now
            token = thief.token(f"/librarian/documents/{doc_id}")

            if ending == "logout":
                owner.post(
                    "/logout",
                    urllib.parse.urlencode({"csrf_token": owner.token("/librarian/")}).encode(),
                    "application/x-www-form-urlencoded",
                )
            elif ending == "password":
                done = run_cuttings(
                    "user", "password", "lib", "--password-stdin", "--data", str(data),
                    stdin=PASSWORD + "\n",
                )  # fmt: skip
                assert done.returncode == 0, done.stderr
            elif ending == "role":
                done = run_cuttings("user", "role", "lib", "admin", "--data", str(data))
                assert done.returncode == 0, done.stderr
            else:
                done = run_cuttings("user", "remove", "lib", "--data", str(data))
                assert done.returncode == 0, done.stderr

            assert lands_on(thief, "/librarian/") == "/login", ending
            status = post_form(
                thief,
                f"/librarian/documents/{doc_id}/withdraw",
                {"csrf_token": token, "reason": "stolen cookie"},
            )
            assert status in (400, 401, 403) or lands_on(thief, "/librarian/") == "/login"
            assert (
                catalog_file.value(
                    DataDir.resolve(data).catalog,
                    "SELECT status FROM documents WHERE id = ?",
                    (doc_id,),
                )
                == "active"
            ), ending
            if ending == "role":
                run_cuttings("user", "role", "lib", "librarian", "--data", str(data))


def test_a_login_lasts_twelve_hours_by_default(app, client):
    assert app.permanent_session_lifetime == timedelta(hours=12)
    response = log_in(client, "lib")
    cookie = response.headers["Set-Cookie"]
    expires = parsedate_to_datetime(cookie.split("Expires=")[1].split(";")[0])
    left = expires.timestamp() - time.time()
    assert timedelta(hours=11, minutes=55).total_seconds() < left <= 12 * 3600 + 5


class Clock:
    def __init__(self) -> None:
        self.now = time.time()

    def time(self) -> float:
        return self.now


def test_a_login_ends_after_an_hour_without_requests_and_after_twelve_hours(
    app, client, monkeypatch
):
    from web import auth

    clock = Clock()
    monkeypatch.setattr(auth, "time", clock)
    assert log_in(client, "lib").status_code == 302
    for _ in range(12):  # busy: a request every 59 minutes keeps the login
        clock.now += 59 * 60
        assert client.get("/librarian/").status_code == 200
    clock.now += 30 * 60  # past 12 hours since login: it ends however busy
    assert client.get("/librarian/").status_code == 302

    assert log_in(client, "lib").status_code == 302
    clock.now += 61 * 60  # idle for an hour
    assert client.get("/librarian/").status_code == 302


def test_guesses_spread_over_many_names_from_one_address_are_throttled(app, client):
    statuses = []
    for n in range(20):
        for _ in range(5):
            token = csrf_token(client)
            form = {"name": f"user{n}", "password": "wrong guess", "csrf_token": token}
            statuses.append(client.post("/login", data=form).status_code)
    assert statuses[:20] == [401] * 20
    assert set(statuses[20:]) == {429}
    # the owner of a real account, from elsewhere, is not locked out
    other = app.test_client()
    token = csrf_token(other)
    form = {"name": "lib", "password": PASSWORD, "csrf_token": token}
    assert (
        other.post("/login", data=form, environ_base={"REMOTE_ADDR": "10.9.8.7"}).status_code == 302
    )


@pytest.mark.parametrize(
    "path", ["/librarian/", "/librarian/audit", "/librarian/audit.json", "/librarian/audit.csv"]
)
def test_staff_pages_and_exports_are_never_stored_by_a_browser_or_proxy(admin, path):
    response = admin.get(path)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"


def test_the_login_page_is_not_stored_and_a_readers_search_may_be(client):
    assert client.get("/login").headers["Cache-Control"] == "no-store"
    assert "no-store" not in client.get("/?q=harbour").headers.get("Cache-Control", "")


@pytest.mark.parametrize(
    ("query", "target"),
    [
        pytest.param("?next=/%0d%0aX:%20y", "", id="line-break-in-the-query"),
        pytest.param("", "/\r\nX: y", id="line-break-in-the-form"),
        pytest.param("", "//evil.example", id="another-site"),
        pytest.param("", "/\\evil", id="backslash"),
    ],
)
def test_a_bad_next_after_login_goes_to_the_librarian_page(app, client, query, target):
    form = {"name": "lib", "password": PASSWORD, "csrf_token": csrf_token(client)}
    response = client.post("/login" + query, data=form | ({"next": target} if target else {}))
    assert response.status_code == 302
    assert response.headers["Location"] == "/librarian/"


def test_a_new_data_directory_is_its_owners_alone(tmp_path):
    data = tmp_path / "data"
    umask = os.umask(0o022)
    try:
        done = run_cuttings("add", str(ROOT / "web" / "demo"), "--data", str(data))
    finally:
        os.umask(umask)
    assert done.returncode == 0, done.stderr
    datadir = DataDir(data)
    for folder in (datadir.root, datadir.originals, datadir.index):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    catalog_files = [Path(f"{datadir.catalog}{suffix}") for suffix in ("", "-wal", "-shm")]
    for path in catalog_files:
        if path.exists():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
