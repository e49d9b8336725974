"""The catalog's schema is versioned: a new file is created at the newest version, an old
one is upgraded in place, and nothing is lost on the way."""

from __future__ import annotations

import sqlite3

from archive.catalog import open_catalog
from archive.catalog.migrations import migrations
from tests import catalog_file
from tests.librarian_support import make_document


def test_a_new_catalog_has_every_version_applied(tmp_path):
    catalog = open_catalog(tmp_path / "catalog.sqlite3")
    assert catalog.is_current()
    assert catalog.schema_version() == migrations()[-1].version
    catalog.close()


def test_a_catalog_made_before_versioning_is_upgraded_and_keeps_its_documents(tmp_path):
    path = tmp_path / "catalog.sqlite3"
    first = migrations()[0].sql.replace("{{id}}", "INTEGER PRIMARY KEY")
    with sqlite3.connect(path) as conn:
        conn.executescript(first)  # the schema the first version of Cuttings created
    catalog = open_catalog(path)
    doc_id = catalog.documents.add(make_document(1, speaker="Ethan Gutmann"))
    catalog.close()
    assert catalog_file.value(path, "SELECT COUNT(*) FROM schema_migrations") == len(migrations())
    again = open_catalog(path)
    assert again.documents.get(doc_id).quotes[0].speaker == "Ethan Gutmann"
    assert again.people.match(make_document(2, speaker="ethan gutmann").people[0]) is not None
    again.close()


def test_opening_twice_applies_nothing_twice(tmp_path):
    open_catalog(tmp_path / "c.sqlite3").close()
    catalog = open_catalog(tmp_path / "c.sqlite3")
    assert catalog.upgrade() == []
    catalog.close()
