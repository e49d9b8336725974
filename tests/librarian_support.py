"""What the accounts, librarian and API tests share: an app with auth wired, users, documents.

The app is built by `create_app` and then `web.auth.init_app` when the factory does not
register the auth blueprints itself yet. Documents are built by hand and stored through
`Store.add_document`, so these tests do not depend on extraction.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from flask import Flask
from flask.testing import FlaskClient

from archive import accounts
from archive.datadir import DataDir
from archive.model import Document, Original, Passage, PersonMention, Quote
from archive.originals import Originals
from archive.store import Store
from index.indexing import Indexer

PASSWORD = "correct horse battery"
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def build_app(data: Path, **config: Any) -> Flask:
    """The real app for one data directory, with the auth/librarian blueprints registered."""
    from web import auth
    from web.app import create_app

    app = create_app({"TESTING": True, "DATA": str(data), **config})
    if "auth" not in app.blueprints:
        auth.init_app(app)
    return app


def has_reader_pages(app: Flask) -> bool:
    return "pages" in app.blueprints and "api" in app.blueprints


def add_user(data: Path, name: str, role: str) -> None:
    store = Store(DataDir(data).create().catalog)
    try:
        accounts.add_user(store, name, role, PASSWORD, actor="test")
    finally:
        store.close()


def token_for(data: Path, name: str) -> str:
    store = Store(DataDir(data).create().catalog)
    try:
        return accounts.create_token(store, name, actor="test")[1]
    finally:
        store.close()


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
    doc.quotes = [Quote(f"{body},", 2, speaker, "says", 1, len(body) + 2)]
    return doc


def store_document(data: Path, doc: Document, original: bytes | None = None) -> int:
    """Archive a built document (its original too, when given) and index it."""
    datadir = DataDir(data).create()
    if original is not None:
        sha = Originals(datadir.originals).put(original)
        doc.original.sha256 = sha
        doc.original.bytes = len(original)
    store = Store(datadir.catalog)
    try:
        doc_id = store.add_document(doc, added_by="test")
        Indexer(datadir.index).add_documents([store.get_document(doc_id)])
    finally:
        store.close()
    return doc_id


def open_store(data: Path) -> Store:
    return Store(DataDir(data).create().catalog)


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data directory; passwords hashed with cheap argon2 parameters to keep tests fast."""
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
