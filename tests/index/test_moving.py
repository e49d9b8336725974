"""`cuttings migrate --to`: an embedded archive into PostgreSQL and back, equal in counts and
hashes; a copy killed half-way goes on when run again; a target holding another archive is
refused."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.catalog import open_catalog
from archive.catalog.postgres import close_pools
from archive.catalog.transfer import compare_tables
from archive.datadir import DataDir
from archive.originals import Originals
from tests.librarian_support import FAST_HASHER, PASSWORD
from tests.postgres_support import new_database
from web.cli import cli
from web.cli.serve_cmds import demo_files

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str):
    result = CliRunner().invoke(cli, list(args))
    return result


def embedded_archive(root: Path, files: list[Path], monkeypatch) -> Path:
    """An embedded archive of `files`, with a librarian, a token, a correction and a
    withdrawal, so every table has rows."""
    from archive.catalog import accounts

    monkeypatch.setattr(accounts, "_hasher", FAST_HASHER)
    assert run("add", *map(str, files), "--data", str(root)).exit_code in (0, 1)
    catalog = open_catalog(DataDir(root).catalog)
    try:
        catalog.accounts.add_user("lib", "librarian", PASSWORD, actor="test")
        catalog.accounts.create_token("lib", actor="test")
        first, *rest = catalog.documents.ids()
        catalog.documents.update_fields(first, {"outlet": "Corrected Outlet"}, actor="lib")
        if rest:
            catalog.documents.withdraw(rest[-1], reason="test", actor="lib")
    finally:
        catalog.close()
    return root


def same_archives(one: DataDir, other: DataDir) -> None:
    """Equal row counts and contents in every catalog table; every original the same."""
    left, right = (
        open_catalog(one.catalog, upgrade=False),
        open_catalog(other.catalog, upgrade=False),
    )
    try:
        reports = compare_tables(left, right, {})
        assert all(r.ok for r in reports), [r.to_json() for r in reports if not r.ok]
        hashes = left.documents.original_hashes()
        assert hashes == right.documents.original_hashes()
        assert all(Originals(other.originals).verify(sha) for sha in hashes)
    finally:
        left.close()
        right.close()


@pytest.mark.slow
def test_the_demo_archive_goes_to_postgresql_and_back_unchanged(tmp_path, pg_cluster, monkeypatch):
    source = embedded_archive(tmp_path / "embedded", demo_files(), monkeypatch)
    url = new_database(pg_cluster)
    there = run("migrate", "--to", url, "--data", str(source), "--json")
    assert there.exit_code == 0, there.output
    report = json.loads(there.stdout)
    assert report["ok"] and report["passages_indexed"] > 0
    searched = run("search", "organ", "--json", "--data", str(source), "--database-url", url)
    assert json.loads(searched.stdout)["total"] > 0

    back = tmp_path / "back"
    again = run("migrate", "--to", str(back), "--database-url", url, "--data", str(source))
    assert again.exit_code == 0, again.output
    assert again.output.strip().endswith("OK")
    same_archives(DataDir(source), DataDir(back))
    embedded = run("search", "organ", "--json", "--data", str(back))
    assert json.loads(embedded.stdout)["total"] == json.loads(searched.stdout)["total"]
    close_pools()


KILLING_MIGRATE = textwrap.dedent(
    """
    import os, signal, sys
    sys.path.insert(0, {root!r})
    from archive.catalog import transfer
    from archive.catalog.postgres import PostgresDatabase

    transfer.BATCH = 20
    batches = 0
    plain = PostgresDatabase.run_many

    def run_many(self, sql, rows):
        global batches
        plain(self, sql, rows)
        if sql.startswith("INSERT INTO passages"):
            batches += 1
            if batches == 3:  # two batches of passages committed, a third sent
                os.kill(os.getpid(), signal.SIGKILL)

    PostgresDatabase.run_many = run_many
    from web.cli import main
    sys.argv = ["cuttings", *sys.argv[1:]]
    main()
    """
)


@pytest.mark.slow
def test_a_migration_killed_half_way_goes_on_when_run_again(tmp_path, pg_cluster, monkeypatch):
    source = embedded_archive(tmp_path / "embedded", demo_files(), monkeypatch)
    url = new_database(pg_cluster)
    script = tmp_path / "kill.py"
    script.write_text(KILLING_MIGRATE.format(root=str(ROOT)))
    killed = subprocess.run(
        [sys.executable, str(script), "migrate", "--to", url, "--data", str(source)],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=300,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()[-2000:]
    half = run("search", "organ", "--data", str(source), "--database-url", url)
    assert half.exit_code == 0  # a half copy is still a well-formed archive
    refused = run(
        "migrate",
        "--to",
        str(tmp_path / "x"),
        "--database-url",
        url,
        "--data",
        str(tmp_path / "host"),
    )
    assert "unfinished copy" in refused.output

    resumed = run("migrate", "--to", url, "--data", str(source), "--json")
    assert resumed.exit_code == 0, resumed.output
    tables = {t["table"]: t for t in json.loads(resumed.stdout)["tables"]}
    assert tables["passages"]["copied"] < tables["passages"]["source_rows"]  # it went on
    assert all(t["source_rows"] == t["target_rows"] for t in tables.values())
    back = tmp_path / "back"
    host = str(tmp_path / "host")
    moved = run("migrate", "--to", str(back), "--database-url", url, "--data", host)
    assert moved.exit_code == 0, (moved.output, moved.stdout, moved.exception)
    same_archives(DataDir(source), DataDir(back))
    close_pools()


def test_a_target_holding_another_archive_is_refused(tmp_path, pg_cluster, monkeypatch):
    first = embedded_archive(tmp_path / "one", demo_files()[:1], monkeypatch)
    second = embedded_archive(tmp_path / "two", demo_files()[1:], monkeypatch)
    url = new_database(pg_cluster)
    assert run("migrate", "--to", url, "--data", str(first)).exit_code == 0
    refused = run("migrate", "--to", url, "--data", str(second))
    assert refused.exit_code == 1
    assert "a copy of" in refused.output or "already holds an archive" in refused.output
    into_itself = run("migrate", "--to", str(first), "--data", str(first))
    assert into_itself.exit_code == 1 and "same archive" in into_itself.output
    close_pools()


@pytest.mark.slow
@pytest.mark.corpus
def test_the_bbc_corpus_goes_to_postgresql_and_back_unchanged(
    tmp_path, pg_cluster, monkeypatch, corpus
):
    files = sorted((corpus / "bbc").rglob("*.txt"))
    source = embedded_archive(tmp_path / "embedded", files, monkeypatch)
    url = new_database(pg_cluster)
    there = run("migrate", "--to", url, "--data", str(source), "--json")
    assert there.exit_code == 0, there.output
    back = tmp_path / "back"
    host = str(tmp_path / "host")
    moved = run("migrate", "--to", str(back), "--database-url", url, "--data", host)
    assert moved.exit_code == 0, (moved.output, moved.stdout, moved.exception)
    same_archives(DataDir(source), DataDir(back))
    catalog = open_catalog(DataDir(back).catalog, upgrade=False)
    distinct = {hashlib.sha256(path.read_bytes()).hexdigest() for path in files}
    assert sum(catalog.documents.counts().values()) == len(distinct)  # duplicates stored once
    catalog.close()
    close_pools()
