"""Folded name keys: how the catalog finds the candidates for "the same person" in SQL.

People and aliases store `archive.personnames.person_key` of their names; when that rule
changes (its KEY_VERSION), every stored key is folded again with the new one.
"""

from __future__ import annotations

from archive import personnames
from archive.catalog.database import Database


def refresh_person_keys(db: Database) -> None:
    """Refold every stored name and alias key with the current rule (after it changed)."""
    for row in db.all("SELECT id, name FROM people"):
        db.run(
            "UPDATE people SET pkey = ? WHERE id = ?",
            (personnames.person_key(row["name"]), row["id"]),
        )
    for row in db.all("SELECT person_id, alias FROM aliases"):
        db.run(
            "UPDATE aliases SET akey = ? WHERE person_id = ? AND alias = ?",
            (personnames.person_key(row["alias"]), row["person_id"], row["alias"]),
        )
    db.run(
        "INSERT INTO meta (name, value) VALUES ('person_key_version', ?) "
        "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        (str(personnames.KEY_VERSION),),
    )
