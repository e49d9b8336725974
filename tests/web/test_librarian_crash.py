"""A server killed (SIGKILL) in the middle of a multi-file upload loses nothing already archived
and leaves no half document: every row has its original, every passage its document."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner

from archive.datadir import DataDir
from archive.originals import Originals
from tests import catalog_file
from tests.librarian_support import add_user
from tests.server_support import Browser, free_port, wait_for_port

ROOT = Path(__file__).resolve().parents[2]
SERVER = """
import sys, waitress
from web.app import create_app
app = create_app(data=sys.argv[1])
waitress.serve(app, host="127.0.0.1", port=int(sys.argv[2]), threads=2)
"""
FILES = 60


def article(n: int) -> bytes:
    paragraphs = [f"Story number {n} about the harbour"]
    paragraphs += [
        f"Paragraph {k} of story {n}: “The tide came in early,” said Ann Lee {n}. "
        + "The harbour master counted the boats twice. " * 6
        for k in range(12)
    ]
    return "\n\n".join(paragraphs).encode()


def multipart(fields: dict[str, str], files: list[tuple[str, bytes]]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in fields.items()
    ]
    parts += [
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="files"; '
            f'filename="{name}"\r\nContent-Type: text/plain\r\n\r\n'
        ).encode()
        + data
        + b"\r\n"
        for name, data in files
    ]
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), boundary


def count_documents(catalog: Path | str) -> int:
    if isinstance(catalog, Path) and not catalog.exists():
        return 0
    try:
        return catalog_file.value(catalog, "SELECT COUNT(*) FROM documents")
    except (sqlite3.OperationalError, psycopg.Error):
        return 0


def check_consistency(datadir: DataDir) -> None:
    """Every document has its original, its passages and nothing dangling (and in server
    mode, every document's passages are searchable: both were written in one commit)."""
    originals = Originals(datadir.originals)
    for (sha,) in catalog_file.rows(datadir.catalog, "SELECT original_sha256 FROM documents"):
        assert originals.verify(sha), f"document without its original {sha}"
    dangling = {
        "documents without an originals row": "SELECT COUNT(*) FROM documents d WHERE NOT "
        "EXISTS (SELECT 1 FROM originals o WHERE o.sha256 = d.original_sha256)",
        "documents without passages": "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS "
        "(SELECT 1 FROM passages p WHERE p.doc_id = d.id)",
        "passages without a document": "SELECT COUNT(*) FROM passages p WHERE NOT EXISTS "
        "(SELECT 1 FROM documents d WHERE d.id = p.doc_id)",
        "quotes without a passage": "SELECT COUNT(*) FROM quotes q WHERE NOT EXISTS "
        "(SELECT 1 FROM passages p WHERE p.id = q.passage_id)",
        "fields without a document": "SELECT COUNT(*) FROM fields f WHERE NOT EXISTS "
        "(SELECT 1 FROM documents d WHERE d.id = f.doc_id)",
        "documents without an audit row": "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS "
        "(SELECT 1 FROM audit a WHERE a.target = 'document:' || d.id AND a.action = 'add')",
    }
    if datadir.server_mode:
        dangling["documents not searchable"] = (
            "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS "
            "(SELECT 1 FROM search_passages s WHERE s.doc_id = d.id)"
        )
    for problem, sql in dangling.items():
        assert catalog_file.value(datadir.catalog, sql) == 0, problem


@pytest.mark.slow
def test_a_kill_mid_upload_leaves_whole_documents_only(tmp_path, monkeypatch, archive_mode):
    from archive.catalog import accounts
    from tests.librarian_support import FAST_HASHER

    monkeypatch.setattr(accounts, "_hasher", FAST_HASHER)
    data = tmp_path / "data"
    datadir = DataDir.resolve(data).create()
    add_user(data, "lib", "librarian")
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]),
    }
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(data), str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for_port(port)
        browser = Browser(f"http://127.0.0.1:{port}")
        browser.log_in("lib")
        body, boundary = multipart(
            {"csrf_token": browser.token("/librarian/upload")},
            [(f"story{n}.txt", article(n)) for n in range(FILES)],
        )

        def send() -> None:
            # The server dies under the request: that is the point.
            with contextlib.suppress(urllib.error.URLError, ConnectionError, OSError):
                browser.post("/librarian/upload", body, f"multipart/form-data; boundary={boundary}")

        sender = threading.Thread(target=send, daemon=True)
        sender.start()
        deadline = time.monotonic() + 120
        while count_documents(datadir.catalog) < 3 and time.monotonic() < deadline:
            if server.poll() is not None:
                pytest.fail(f"the server stopped: {server.stderr.read().decode()[-2000:]}")
            time.sleep(0.02)
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=30)
        sender.join(timeout=30)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()

    archived = count_documents(datadir.catalog)
    assert 3 <= archived < FILES, f"{archived} documents: the kill did not land mid-batch"
    check_consistency(datadir)
    from web.cli.archive_cmds import verify

    result = CliRunner().invoke(verify, ["--json", "--data", str(data)])
    assert result.exit_code == 0, result.output
    assert '"missing": []' in result.stdout and '"corrupt": []' in result.stdout
    again = CliRunner().invoke(verify, ["--json", "--data", str(data)])
    assert '"index": {"missing": [], "stale": [], "extra": []' in again.stdout
