"""Bad input and bad luck get one clear line (CLI) or a 4xx with the one error body (web),
never a traceback or an "internal error": a full disk, racing duplicates, deep JSON, lone
surrogates, long searches, a byte order mark that lies, and addresses that are not web
addresses (never made into links)."""

from __future__ import annotations

import gc
import json
import os
import resource
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from archive.catalog.documents import Documents
from archive.datadir import DataDir
from archive.ingest.pipeline import Item
from index.sync import Archive
from tests import catalog_file
from tests.archive_fixtures import article_page, warc_of
from tests.librarian_support import archive_document, bearer, make_document
from tests.server_support import ROOT, command_env, cuttings
from tests.simple_stages import SIMPLE_STAGES
from tests.web.error_shape import is_error


def run_cuttings(*args: str, limit_bytes: int | None = None) -> subprocess.CompletedProcess:
    def limit() -> None:  # files may not grow past this: writes beyond fail with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    return subprocess.run(
        cuttings(*args),
        cwd=ROOT,
        env=command_env(),
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=limit if limit_bytes else None,
    )


@contextmanager
def small_disk(folder: Path, size: int) -> Iterator[bool]:
    """A real file system of `size` bytes at `folder` (a tmpfs, where this user may mount
    one): True; else False, and the caller limits file sizes instead."""
    folder.mkdir(parents=True)
    mounted = (
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
            capture_output=True,
        ).returncode
        == 0
        if os.geteuid() == 0 and shutil.which("mount")
        else False
    )
    try:
        yield mounted
    finally:
        if mounted:
            gc.collect()  # sqlite3 connections closed, not merely committed
            subprocess.run(["umount", "--lazy", str(folder)], check=True)


def articles(folder: Path, count: int, size: int = 2000) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        body = f"Paragraph of story {n}. " + "The tide rose over the harbour wall. " * (size // 40)
        (folder / f"story{n:03d}.txt").write_text(f"Story {n}\n\n{body}\n\n{body}\n")
    return folder


# -- a full disk -----------------------------------------------------------------------------


def test_a_full_disk_stops_an_add_with_one_line_and_keeps_what_was_added(tmp_path):
    files = articles(tmp_path / "files", 60, size=8000)
    with small_disk(tmp_path / "disk", 1_500_000) as mounted:
        data = tmp_path / "disk" / "data"
        first = run_cuttings("add", str(files / "story000.txt"), "--data", str(data))
        assert first.returncode == 0, first.stderr
        used = sum(p.stat().st_size for p in data.rglob("*") if p.is_file())
        limit = None if mounted else used + 200_000
        full = run_cuttings("add", str(files), "--data", str(data), limit_bytes=limit)
        assert full.returncode == 1
        errors = [line for line in full.stderr.splitlines() if line.startswith("Error")]
        assert len(errors) == 1, full.stderr[-3000:]
        assert "no space left on the disk" in errors[0] or (
            not mounted and "could not be written" in errors[0]  # SQLite's word for EFBIG
        ), errors[0]
        assert "Traceback" not in full.stderr and "internal error" not in full.stderr
        kept = catalog_file.value(DataDir(data).catalog, "SELECT COUNT(*) FROM documents")
        assert 1 < kept < 60  # some went in before the disk filled, and they stay whole
        if mounted:  # make room again: move the archive to the ordinary disk
            shutil.copytree(data, tmp_path / "data")
        data = tmp_path / "data" if mounted else data
    verified = run_cuttings("verify", "--data", str(data))
    assert verified.returncode == 0 and "OK" in verified.stdout, verified.stdout
    again = run_cuttings("add", str(files), "--data", str(data))  # space again: the rest
    assert again.returncode == 0, again.stderr
    assert catalog_file.value(DataDir(data).catalog, "SELECT COUNT(*) FROM documents") == 60


# -- racing duplicates -----------------------------------------------------------------------


def test_two_adds_of_the_same_files_at_once_report_duplicates_not_errors(tmp_path, data):
    files = articles(tmp_path / "files", 40)
    assert run_cuttings("verify", "--data", str(data)).returncode == 0  # create it first
    results: list[subprocess.CompletedProcess] = []
    racers = [
        threading.Thread(
            target=lambda: results.append(run_cuttings("add", str(files), "--data", str(data)))
        )
        for _ in range(2)
    ]
    for racer in racers:
        racer.start()
    for racer in racers:
        racer.join()
    for result in results:
        assert result.returncode == 0, result.stderr[-2000:]
        assert "error" not in result.stdout + result.stderr.replace("Error", "")
    assert catalog_file.value(DataDir.resolve(data).catalog, "SELECT COUNT(*) FROM documents") == 40


def test_losing_the_race_to_add_the_same_content_is_a_duplicate(tmp_path, monkeypatch):
    with Archive.open(DataDir(tmp_path / "data")) as archive:
        ingestor = archive.ingestor(stages=SIMPLE_STAGES)
        item = Item(data=b"A headline\n\nThe first paragraph.\n", filename="a.txt", format="text")
        first = ingestor.ingest_item(item)
        # the loser checked for the content before the winner committed it
        monkeypatch.setattr(Documents, "find_by_content", lambda self, sha, _calls=[]: (
            _calls.append(sha) or (None if len(_calls) == 1 else first.id)
        ))  # fmt: skip
        second = ingestor.ingest_item(Item(data=item.data, filename="b.txt", format="text"))
    assert (second.status, second.id, second.error) == ("duplicate", first.id, None)


# -- the JSON API ----------------------------------------------------------------------------


@pytest.fixture
def doc_id(data):
    return archive_document(data, make_document(1))


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        pytest.param("[" * 100_000 + "]" * 100_000, 400, "nested too deeply", id="deep-array"),
        pytest.param('{"a":' * 50_000 + "1" + "}" * 50_000, 400, "nested", id="deep-object"),
        pytest.param('{"title": "\\ud800 harbour"}', 422, "lone surrogate", id="surrogate"),
        pytest.param('{"title": "\\udfff"}', 422, "lone surrogate", id="low-surrogate"),
    ],
)
def test_json_the_archive_cannot_hold_is_a_client_error(
    client, lib_token, doc_id, body, status, words
):
    response = client.patch(
        f"/api/documents/{doc_id}",
        data=body,
        headers={**bearer(lib_token), "Content-Type": "application/json"},
    )
    assert response.status_code == status
    assert is_error(response.get_json(), status)
    assert words in response.get_json()["error"]


def test_a_lone_surrogate_in_a_speaker_fix_is_a_client_error(client, lib_token, doc_id, data):
    quote = catalog_file.value(DataDir.resolve(data).catalog, "SELECT id FROM quotes")
    response = client.patch(
        f"/api/quotes/{quote}",
        data='{"speaker": "Ann \\ud83d"}',
        headers={**bearer(lib_token), "Content-Type": "application/json"},
    )
    assert response.status_code == 422 and "surrogate" in response.get_json()["error"]


@pytest.mark.parametrize("path", ["/people?q=", "/api/search?q=", "/?q="])
def test_a_hundred_thousand_character_search_is_answered_not_a_server_error(client, path):
    response = client.get(path + "gutmann" * 15_000)
    assert response.status_code in (200, 400)
    if response.status_code == 400 and path.startswith("/api/"):
        assert is_error(response.get_json(), 400)


# -- bad encodings ---------------------------------------------------------------------------

LYING_BOM = b"\xef\xbb\xbfA headline\n\nThe caf\xe9 opened on the harbour wall.\n"


def test_a_byte_order_mark_the_bytes_belie_is_one_line_from_the_cli(tmp_path, data):
    path = tmp_path / "lying.txt"
    path.write_bytes(LYING_BOM)
    result = run_cuttings("add", str(path), "--data", str(data))
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("error: lying.txt: the file starts with a utf-8 byte order mark")
    assert line.endswith("save it again as UTF-8")


def test_a_byte_order_mark_the_bytes_belie_is_a_415_from_the_api(client, lib_token):
    response = client.post(
        "/api/documents",
        data={"file": (__import__("io").BytesIO(LYING_BOM), "lying.txt")},
        headers=bearer(lib_token),
        content_type="multipart/form-data",
    )
    assert response.status_code in (415, 422)
    assert "byte order mark" in response.get_json()["error"]
    assert "internal" not in response.get_json()["error"]


# -- addresses that are not web addresses ----------------------------------------------------


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc"])
def test_a_typed_url_must_be_a_web_address(client, lib_token, doc_id, url):
    response = client.patch(
        f"/api/documents/{doc_id}",
        json={"url": url},
        headers=bearer(lib_token),
    )
    assert response.status_code == 422
    assert "not a web address" in response.get_json()["error"]


def test_the_cli_refuses_a_url_that_is_not_a_web_address(tmp_path, data):
    path = articles(tmp_path / "files", 1) / "story000.txt"
    result = run_cuttings("add", str(path), "--url", "javascript:alert(1)", "--data", str(data))
    assert result.returncode == 1 and "not a web address" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_canonical_javascript_link_in_an_archived_page_never_becomes_the_url(
    client, lib_token, data
):
    warc = warc_of(
        [
            (
                "https://news.example/harbour",
                article_page("Harbour wall", "The tide rose.", canonical="javascript:alert(1)"),
            ),
            (
                "https://news.example/pier",
                article_page("Pier", "The pier closed.", canonical="data:text/html,x"),
            ),
        ]
    )
    response = client.post(
        "/api/documents",
        data={"file": (__import__("io").BytesIO(warc), "crawl.warc.gz")},
        headers=bearer(lib_token),
        content_type="multipart/form-data",
    )
    assert response.status_code == 201, response.get_json()
    urls = [row[0] for row in catalog_file.rows(
        DataDir.resolve(data).catalog, "SELECT value FROM fields WHERE name = 'url'"
    )]  # fmt: skip
    assert sorted(json.loads(u) for u in urls) == [
        "https://news.example/harbour",
        "https://news.example/pier",
    ]


def test_a_stored_address_that_is_not_a_web_address_is_shown_as_text_not_a_link(data, client):
    doc = make_document(1)
    doc.set("url", "javascript:alert(document.cookie)", "html-meta", "from an older archive")
    doc_id = archive_document(data, doc)
    page = client.get(f"/documents/{doc_id}").get_data(as_text=True)
    assert 'href="javascript:' not in page
    assert "javascript:alert(document.cookie)" in page  # as text, in the fields
    cited = client.get(f"/api/cite?ids={doc_id}&format=csl-json")
    if cited.status_code == 200:
        assert "javascript:" not in cited.get_data(as_text=True)


# -- WARC records hashed once ----------------------------------------------------------------


def test_a_warc_is_hashed_once_however_many_records_it_holds(tmp_path, monkeypatch):
    from archive import originals
    from archive.ingest import service, warc

    pages = [
        (f"https://news.example/{n}", article_page(f"Report {n}", f"Boat {n} came in."))
        for n in range(60)
    ]
    container = warc_of(pages)
    hashed: list[int] = []
    real = originals.sha256_of

    def counting(data: bytes) -> str:
        if data == container:
            hashed.append(len(data))
        return real(data)

    for module in (originals, service, warc):
        monkeypatch.setattr(module, "sha256_of", counting)
    with Archive.open(DataDir(tmp_path / "data")) as archive:
        ingestor = archive.ingestor()
        results = list(archive.add(ingestor.read_upload(container, "crawl.warc.gz")))
    assert [r.status for r in results] == ["added"] * 60
    assert len(hashed) == 1


# -- a speaker fix on a long document ----------------------------------------------------------


def test_a_speaker_fix_rewrites_the_quotes_passage_only(
    data, lib_token, client, monkeypatch, archive_mode
):
    from archive.model import Passage
    from index.postgres import writing as postgres_writing
    from index.whoosh import writing as whoosh_writing

    doc = make_document(1)
    doc.passages += [Passage(n, "body", f"Filler paragraph {n} of the long report.") for n in
                     range(3, 3003)]  # fmt: skip
    doc_id = archive_document(data, doc)
    quote = catalog_file.value(DataDir.resolve(data).catalog, "SELECT id FROM quotes")
    written: list[str] = []
    # where each engine turns a document's passages into what it stores
    module, name = (
        (postgres_writing, "passage_rows")
        if archive_mode.server
        else (whoosh_writing, "_add_passages")
    )
    real = getattr(module, name)

    def counting(*args):
        document = args[-1]
        written.extend(p.id or f"{document.id}-p{p.n}" for p in document.passages)
        return real(*args)

    monkeypatch.setattr(module, name, counting)
    response = client.patch(
        f"/api/quotes/{quote}", json={"speaker": "Harriet Vane"}, headers=bearer(lib_token)
    )
    assert response.status_code == 200, response.get_json()
    assert written == [f"{doc_id}-p2"]
    found = client.get("/api/search?person=Harriet+Vane").get_json()
    assert [hit["passage_id"] for hit in found["hits"]] == [f"{doc_id}-p2"]
    assert client.get("/api/search?q=filler&per_page=1").get_json()["total"] == 3000


def test_a_title_of_bytes_that_are_not_utf8_is_one_line_from_the_cli(tmp_path, data):
    path = articles(tmp_path / "files", 1) / "story000.txt"
    title = os.fsdecode(b"Bad \xff title")  # what the shell hands over, as Python reads it
    result = run_cuttings("add", str(path), "--title", title, "--data", str(data))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Error: title is not valid text (character 5 is a lone surrogate: bytes that are "
        "not UTF-8?)"
    )
