"""What the accounts, librarian and API tests share: an app with auth wired, users, documents.

The app is built by `create_app`. Documents are built by hand and stored through the
catalog and the one sync path, so these tests do not depend on extraction. Every test that
uses `data` runs in both modes (tests.postgres_support): embedded, and server mode.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from flask import Flask
from flask.testing import FlaskClient

from archive.catalog import Catalog, accounts, open_catalog
from archive.datadir import DataDir
from archive.model import Document, Original, Passage, PersonMention, Quote
from archive.originals import Originals
from index.sync import Archive

PASSWORD = "correct horse battery"
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def build_app(data: Path, **config: Any) -> Flask:
    """The real app for one data directory."""
    from web.app import create_app

    return create_app({"TESTING": True, "DATA": str(data), **config})


def add_user(data: Path, name: str, role: str) -> None:
    catalog = open_catalog(DataDir.resolve(data).create().catalog)
    try:
        catalog.accounts.add_user(name, role, PASSWORD, actor="test")
    finally:
        catalog.close()


def token_for(data: Path, name: str) -> str:
    catalog = open_catalog(DataDir.resolve(data).create().catalog)
    try:
        return catalog.accounts.create_token(name, actor="test")[1]
    finally:
        catalog.close()


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def csrf_token(client: FlaskClient, path: str = "/login") -> str:
    """The CSRF token a page's forms carry."""
    page = client.get(path).get_data(as_text=True)
    match = _CSRF.search(page)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def log_in(client: FlaskClient, name: str, password: str = PASSWORD):
    token = csrf_token(client)
    return client.post("/login", data={"name": name, "password": password, "csrf_token": token})


def make_document(
    n: int = 1,
    *,
    outlet: str = "Haaretz",
    speaker: str = "Ethan Gutmann",
    body: str = "The harvest of organs went on for years",
) -> Document:
    """A small document with a title, outlet, one quote and one person; `n` keeps it unique."""
    content = f"{n:064x}"
    doc = Document(original=Original(f"doc{n}.txt", content, "text", 100, content_sha256=content))
    doc.set("title", f"Document number {n}", "text", "line 1")
    doc.set("outlet", outlet, "inferred", "told Haaretz")
    doc.set("published", "2020-12-04", "text", "line 2")
    doc.set("authors", ["Jane Reporter"], "byline")
    doc.passages = [
        Passage(1, "heading", f"Heading of document {n}"),
        Passage(2, "body", f"“{body},” {speaker.split()[-1]} says."),
    ]
    doc.people = [PersonMention(speaker, aliases=[speaker.split()[-1]], role="a researcher")]
    doc.quotes = [Quote(f"{body},", 2, speaker, "says", 1, len(body) + 2, confidence=0.95)]
    return doc


def archive_document(data: Path, doc: Document, original: bytes | None = None) -> int:
    """Archive a built document (its original too, when given) and index it."""
    datadir = DataDir.resolve(data).create()
    if original is not None:
        sha = Originals(datadir.originals).put(original)
        doc.original.sha256 = sha
        doc.original.bytes = len(original)
    with Archive.open(datadir) as archive:
        doc_id = archive.catalog.documents.add(doc, added_by="test")
        archive.sync([doc_id])
    return doc_id


def open_catalog_of(data: Path) -> Catalog:
    return open_catalog(DataDir.resolve(data).create().catalog)


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, archive_mode) -> Path:
    """A data directory (in server mode beside a fresh database); passwords hashed with cheap
    argon2 parameters to keep tests fast."""
    monkeypatch.setattr(accounts, "_hasher", FAST_HASHER)
    return tmp_path / "data"


@pytest.fixture
def app(data: Path) -> Flask:
    add_user(data, "lib", "librarian")
    add_user(data, "boss", "admin")
    add_user(data, "reader", "reader")
    return build_app(data)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def librarian(app: Flask) -> FlaskClient:
    client = app.test_client()
    assert log_in(client, "lib").status_code == 302
    return client


@pytest.fixture
def admin(app: Flask) -> FlaskClient:
    client = app.test_client()
    assert log_in(client, "boss").status_code == 302
    return client


@pytest.fixture
def lib_token(app: Flask, data: Path) -> str:
    return token_for(data, "lib")


def finished_job(client: FlaskClient, response, timeout: float = 120) -> dict[str, Any]:
    """Follow an upload answered with a background job to its end: the job's JSON status."""
    import time

    assert response.status_code == 303, response.get_data(as_text=True)[:500]
    page = response.headers["Location"]
    deadline = time.monotonic() + timeout
    while True:
        status = client.get(page + ".json").get_json()
        if status["finished"] or time.monotonic() > deadline:
            return status
        time.sleep(0.1)
