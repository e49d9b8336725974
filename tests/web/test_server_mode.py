"""Server mode with real PostgreSQL processes: several servers on one database, a streaming
replica, two ingest processes at once, and a schema older than the code refused."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.catalog import open_catalog
from archive.catalog.database import split_statements
from archive.catalog.migrations import IDENTITY, migrations
from archive.catalog.postgres import close_pools
from archive.datadir import DataDir, describe_url
from tests import catalog_file
from tests.librarian_support import FAST_HASHER, PASSWORD, csrf_token, log_in
from tests.postgres_cluster import Cluster
from tests.postgres_support import new_database, prepare_database
from tests.server_support import Browser, free_port, wait_for_port
from web.app import create_app
from web.cli import cli

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fast_passwords(monkeypatch):
    from archive.catalog import accounts

    monkeypatch.setattr(accounts, "_hasher", FAST_HASHER)


def add_librarian(url: str, name: str = "lib") -> str:
    """A librarian and an API token for them; the token."""
    catalog = open_catalog(url, upgrade=False)
    try:
        catalog.accounts.add_user(name, "librarian", PASSWORD, actor="test")
        return catalog.accounts.create_token(name, actor="test")[1]
    finally:
        catalog.close()


def upload_text(base: str, token: str, text: str) -> dict:
    """POST /api/documents with the article in a `text` field (multipart), as a client would."""
    boundary = "cuttingsboundary"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="text"\r\n\r\n{text}\r\n'
        f"--{boundary}--\r\n"
    ).encode()
    request = urllib.request.Request(
        base + "/api/documents",
        data=body,
        headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Authorization": f"Bearer {token}",
        },
    )
    with urllib.request.urlopen(request, timeout=60) as answer:
        return json.load(answer)


def start_server(data: Path, url: str, env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", "from web.cli import main; main()", "serve", "--threads", "2"]
        + ["--port", str(port), "--data", str(data), "--database-url", url],
        cwd=ROOT,
        env={**env, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    wait_for_port(port)
    return server, f"http://127.0.0.1:{port}"


def stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


@pytest.mark.slow
def test_two_servers_on_one_database_see_each_others_writes_and_sessions(
    tmp_path, pg_cluster, fast_passwords
):
    url = new_database(pg_cluster)
    token = add_librarian(url)
    shared = tmp_path / "originals"  # the folder every host mounts
    env = {k: v for k, v in os.environ.items() if not k.startswith("CUTTINGS_")}
    env["CUTTINGS_ORIGINALS"] = str(shared)
    first, first_base = start_server(tmp_path / "host-a", url, env)
    try:
        second, second_base = start_server(tmp_path / "host-b", url, env)
        try:
            added = upload_text(first_base, token, "Harbour report\n\nThe zebra crossing flooded.")
            assert added["status"] == "added"
            found = json.load(urllib.request.urlopen(second_base + "/api/search?q=zebra"))
            assert [h["doc_id"] for h in found["hits"]] == [added["id"]]
            assert [p.name for p in shared.iterdir()] == [
                json.load(urllib.request.urlopen(f"{second_base}/api/documents/{added['id']}"))[
                    "original"
                ]["sha256"]
            ]
            # a login on one host holds on the other: the session key is the archive's
            browser = Browser(first_base)
            browser.log_in("lib")
            browser.base = second_base
            assert browser.get("/librarian/upload").url.endswith("/librarian/upload")
            # the same content sent again through the other host is the same document
            again = upload_text(second_base, token, "Harbour report\n\nThe zebra crossing flooded.")
            assert (again["status"], again["id"]) == ("duplicate", added["id"])
        finally:
            stop(second)
    finally:
        stop(first)
    assert first.returncode in (0, -15), first.stderr.read().decode()[-2000:]  # waitress: TERM


def wait_until(condition, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.1)


@pytest.mark.slow
def test_a_replica_answers_readers_after_replay_and_a_librarian_reads_their_own_write(
    monkeypatch, fast_passwords
):
    with Cluster() as primary:
        primary.init().start()
        url = primary.create_database("archive")
        prepare_database(url)
        add_librarian(url)
        with primary.replica() as standby:
            replica_url = standby.url("archive")
            wait_until(lambda: catalog_file.value(replica_url, "SELECT COUNT(*) FROM users") == 1)
            monkeypatch.setenv("CUTTINGS_DATABASE_URL", url)
            monkeypatch.setenv("CUTTINGS_DATABASE_REPLICA_URL", replica_url)
            app = create_app({"TESTING": True, "DATA": str(standby.folder / "web")})
            reader, librarian = app.test_client(), app.test_client()
            assert log_in(librarian, "lib").status_code == 302

            answer = reader.get("/api/search?q=zebra")
            assert answer.headers["Cuttings-Read-From"] == "replica"
            assert answer.json["total"] == 0

            standby.sql("SELECT pg_wal_replay_pause()")
            form = {"text": "Harbour report\n\nThe zebra crossing flooded."}
            form["csrf_token"] = csrf_token(librarian, "/librarian/upload")
            assert librarian.post("/librarian/upload", data=form).status_code == 200

            # the replica has not replayed the upload: the librarian reads the primary...
            own = librarian.get("/api/search?q=zebra")
            assert own.headers["Cuttings-Read-From"] == "primary"
            assert own.json["total"] == 1
            # ...and a reader, on the replica, does not see it yet
            assert reader.get("/api/search?q=zebra").json["total"] == 0

            standby.sql("SELECT pg_wal_replay_resume()")
            wait_until(lambda: reader.get("/api/search?q=zebra").json["total"] == 1)
            back = librarian.get("/api/search?q=zebra")
            assert back.headers["Cuttings-Read-From"] == "replica"
            assert back.json["total"] == 1
            close_pools()


ARTICLE = (
    "Story number {n} about the harbour\n\n"
    + "“The tide came in early,” said Ann Lee. The harbour master counted boats {n}. " * 5
)


@pytest.mark.slow
def test_two_ingest_processes_at_once_add_each_document_once(tmp_path, archive_mode):
    folder = tmp_path / "files"
    folder.mkdir()
    for n in range(40):
        (folder / f"story{n:02}.txt").write_text(ARTICLE.format(n=n), encoding="utf-8")
    data = tmp_path / "data"
    command = [sys.executable, "-c", "from web.cli import main; main()", "add", str(folder)]
    command += ["--json", "--data", str(data)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if not archive_mode.server:
        CliRunner().invoke(cli, ["db", "init", "--data", str(data)])
    runs = [
        subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err[-2000:] for _, err in outputs]
    seen: dict[str, list[str]] = {}
    for out, _ in outputs:
        for line in out.decode().splitlines():
            item = json.loads(line)
            seen.setdefault(item["source"], []).append(item["status"])
    assert len(seen) == 40
    assert all(sorted(statuses) == ["added", "duplicate"] for statuses in seen.values()), seen
    # every story quotes Ann Lee: one person record, however the two processes interleaved
    where = DataDir.resolve(data).catalog
    assert catalog_file.value(where, "SELECT COUNT(*) FROM people WHERE name = 'Ann Lee'") == 1
    searched = CliRunner().invoke(cli, ["search", "harbour", "--json", "--data", str(data)])
    assert json.loads(searched.stdout)["total"] == 40
    verified = CliRunner().invoke(cli, ["verify", "--json", "--data", str(data)])
    report = json.loads(verified.stdout)
    assert report["ok"] and report["documents"] == 40
    assert report["index"] == {"missing": [], "stale": [], "extra": [], "repaired": False}


def test_serving_an_older_schema_is_refused_with_the_command_to_run(tmp_path, pg_cluster):
    url = pg_cluster.create_database(f"old_{os.getpid()}_{time.monotonic_ns()}")
    first = migrations()[0].sql.replace("{{id}}", IDENTITY["postgresql"])
    for statement in split_statements(first):  # the catalog as the first version made it
        catalog_file.write(url, statement)
    catalog_file.write(
        url,
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at TEXT NOT NULL)",
    )
    catalog_file.write(url, "INSERT INTO schema_migrations VALUES (1, 'initial', 'then')")
    refused = CliRunner().invoke(
        cli, ["serve", "--data", str(tmp_path), "--database-url", url, "--port", str(free_port())]
    )
    assert refused.exit_code == 1
    message = refused.output.strip().splitlines()
    assert len(message) == 1
    assert "schema version 1" in message[0] and "cuttings db init" in message[0]

    upgraded = CliRunner().invoke(
        cli, ["db", "init", "--data", str(tmp_path), "--database-url", url]
    )
    assert upgraded.exit_code == 0, upgraded.output
    assert f"to {migrations()[-1].version}" in upgraded.output
    assert create_app({"TESTING": True, "DATA": str(tmp_path), "DATABASE_URL": url})
    close_pools()


def test_an_empty_database_is_refused_until_db_init(tmp_path, pg_cluster):
    name = f"empty_{os.getpid()}_{time.monotonic_ns()}"
    url = pg_cluster.create_database(name)
    searched = CliRunner().invoke(
        cli, ["search", "x", "--data", str(tmp_path), "--database-url", url]
    )
    assert searched.exit_code == 1
    assert "no Cuttings catalog yet: run `cuttings db init" in searched.output
    assert CliRunner().invoke(cli, ["db", "init", "--database-url", url]).exit_code == 0
    assert (
        CliRunner()
        .invoke(cli, ["db", "status", "--data", str(tmp_path), "--database-url", url])
        .exit_code
        == 0
    )
    close_pools()


def test_a_database_url_that_is_not_postgresql_is_one_clear_line(tmp_path):
    result = CliRunner().invoke(
        cli, ["search", "x", "--data", str(tmp_path), "--database-url", "mysql://h/db"]
    )
    assert result.exit_code == 1
    assert "is not a PostgreSQL database" in result.output
    assert "Traceback" not in result.output


def test_an_unreachable_database_is_one_clear_line(tmp_path):
    url = f"postgresql://nobody:secret@127.0.0.1:{free_port()}/archive"
    result = CliRunner().invoke(
        cli, ["search", "x", "--data", str(tmp_path), "--database-url", url]
    )
    assert result.exit_code == 1
    assert "cannot reach the catalog database postgresql://127.0.0.1" in result.output
    assert "secret" not in result.output


def test_a_database_url_is_shown_without_its_password():
    assert describe_url("postgresql://u:secret@db.example:5433/archive") == (
        "postgresql://db.example:5433/archive"
    )


def test_a_role_that_does_not_own_the_database_is_told_what_to_fix(tmp_path, pg_cluster):
    name = f"theirs_{os.getpid()}_{time.monotonic_ns()}"
    pg_cluster.create_database(name)
    pg_cluster.sql("DO $$ BEGIN CREATE ROLE visitor LOGIN; EXCEPTION WHEN duplicate_object "
                   "THEN NULL; END $$")  # fmt: skip
    url = pg_cluster.url(name).replace("postgres@", "visitor@")
    result = CliRunner().invoke(cli, ["db", "init", "--data", str(tmp_path), "--database-url", url])
    assert result.exit_code == 1
    assert "permission denied" in result.output and "should own the database" in result.output
    assert "Traceback" not in result.output
    close_pools()
