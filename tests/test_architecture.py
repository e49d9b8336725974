"""The shape of the tree, checked: layers, no cycles (lint-imports, run by `./run test` and
here), and SQL only in the catalog package and the server-mode search engine."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PRODUCT = ("archive", "index", "web")
CATALOG = ROOT / "archive" / "catalog"
# The catalog owns the archive's tables; the PostgreSQL search engine owns its search tables
# (and runs its SQL through the catalog's connection). Nothing else may hold SQL.
SQL_HOMES = (CATALOG, ROOT / "index" / "postgres")
SQL_SIGNS = re.compile(
    r"\.execute(?:many|script)?\(|\bimport sqlite3\b|\bpsycopg\b|\.conn\b"
    r"|[\"'](?:SELECT|INSERT INTO|UPDATE|DELETE FROM|CREATE|ALTER|DROP|WITH)\s"
)


def product_files() -> list[Path]:
    return sorted(p for package in PRODUCT for p in (ROOT / package).rglob("*.py"))


def test_nothing_outside_the_catalog_and_the_postgresql_engine_holds_sql():
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in product_files()
        if not any(home in path.parents for home in SQL_HOMES)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if SQL_SIGNS.search(line)
    ]
    assert offenders == []


def test_imports_point_one_way_and_never_in_a_circle():
    tool = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    if not Path(tool).exists():
        pytest.skip("import-linter is not installed: pip install -e .[test]")
    done = subprocess.run([tool], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-3000:]
    assert "0 broken" in done.stdout


def test_the_sql_check_sees_sql_where_it_must_not_be(tmp_path):
    """The check itself: a query string or a driver import outside the two homes is found."""
    for line in ('rows = db.all("SELECT id FROM documents")', "import psycopg", "import sqlite3"):
        assert SQL_SIGNS.search(line), line
    assert not SQL_SIGNS.search('raise ArchiveError("select a document first")')
