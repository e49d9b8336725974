"""`cuttings serve --workers N`: several server processes over one archive."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.librarian_support import add_user
from tests.server_support import Browser, children, free_port, wait_for_port
from web.app import create_app
from web.auth import limiter
from web.cli import cli
from web.cli.serve_cmds import demo_files

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_worker_processes_serve_one_archive_and_keep_a_login(tmp_path):
    data = tmp_path / "data"
    added = CliRunner().invoke(cli, ["add", *map(str, demo_files()), "--data", str(data)])
    assert added.exit_code == 0, added.output
    add_user(data, "lib", "librarian")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", "from web.cli import main; main()", "serve", "--workers", "2"]
        + ["--threads", "2", "--port", str(port), "--data", str(data)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for_port(port)
        deadline = time.monotonic() + 30
        while len(children(server.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(children(server.pid)) == 2

        browser = Browser(f"http://127.0.0.1:{port}")
        found = json.load(browser.get("/api/search?q=%22organ+harvesting%22"))
        assert found["total"] >= 1
        assert {hit["provenance"]["outlet"] for hit in found["hits"]} >= {"OpIndia"}

        # every request is a new connection, so they land on either worker: the session
        # (signed with the data directory's key) must hold on both
        browser.log_in("lib")
        for _ in range(6):
            page = browser.get("/librarian/upload")
            assert page.url.endswith("/librarian/upload")
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    assert server.returncode == 0, server.stderr.read().decode()[-2000:]


def test_each_worker_process_allows_its_share_of_login_attempts(tmp_path):
    one = create_app({"CUTTINGS_LOGIN_ATTEMPTS": 6}, data=str(tmp_path))
    three = create_app(
        {"CUTTINGS_LOGIN_ATTEMPTS": 6, "CUTTINGS_SERVER_WORKERS": 3}, data=str(tmp_path)
    )
    with one.app_context():
        assert limiter().attempts == 6
    with three.app_context():
        assert limiter().attempts == 2


@pytest.mark.slow
def test_a_terminated_server_stops_cleanly_with_its_upload_jobs(tmp_path):
    """SIGTERM is how a service manager stops the server: exit 0, no traceback, no thread or
    process left (an upload job at work is stopped between two items)."""
    import uuid

    from tests.archive_fixtures import article_page, warc_of
    from tests.server_support import command_env, cuttings

    data = tmp_path / "data"
    add_user(data, "lib", "librarian")
    port = free_port()
    server = subprocess.Popen(
        cuttings("serve", "--port", str(port), "--threads", "2", "--data", str(data)),
        cwd=ROOT,
        env=command_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for_port(port)
        browser = Browser(f"http://127.0.0.1:{port}")
        browser.log_in("lib")
        pages = [
            (f"https://x.example/{n}", article_page(f"Report {n}", "Boats.")) for n in range(200)
        ]
        crawl = warc_of(pages)
        boundary = uuid.uuid4().hex
        body = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n'
                f"{browser.token('/librarian/upload')}\r\n--{boundary}\r\n"
                'Content-Disposition: form-data; name="files"; filename="crawl.warc.gz"\r\n'
                "Content-Type: application/gzip\r\n\r\n"
            ).encode()
            + crawl
            + f"\r\n--{boundary}--\r\n".encode()
        )
        job = browser.post("/librarian/upload", body, f"multipart/form-data; boundary={boundary}")
        assert "/librarian/jobs/" in job.url
        time.sleep(0.5)  # the job is at work
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    stderr = server.stderr.read().decode()
    assert server.returncode == 0, stderr[-2000:]
    assert "Traceback" not in stderr and "Cuttings stopped" in stderr


def test_serving_an_older_embedded_catalog_is_refused_with_the_command_to_run(tmp_path):
    import sqlite3

    from archive.catalog.migrations import migrations

    first = migrations()[0].sql.replace("{{id}}", "INTEGER PRIMARY KEY")
    with sqlite3.connect(tmp_path / "catalog.sqlite3") as conn:
        conn.executescript(first)  # a catalog as the first version of Cuttings made it
    refused = CliRunner().invoke(cli, ["serve", "--data", str(tmp_path), "--port", "1"])
    assert refused.exit_code == 1
    assert len(refused.output.strip().splitlines()) == 1
    assert "schema version 0" in refused.output
    assert f"cuttings db init --data {tmp_path}" in refused.output
    upgraded = CliRunner().invoke(cli, ["db", "init", "--data", str(tmp_path)])
    assert upgraded.exit_code == 0 and "upgraded from version 0" in upgraded.output
    assert create_app({"TESTING": True, "DATA": str(tmp_path)})
