"""Web changes never hang on a busy index: while another process holds the index (a long
`cuttings add`), a change is saved, answered within the bound as pending, and indexed by
the server as soon as the index is free; searches go on answering meanwhile."""

from __future__ import annotations

import json
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.librarian_support import (
    add_user,
    archive_document,
    bearer,
    csrf_token,
    make_document,
    token_for,
)
from tests.server_support import cuttings_server, search_lock_held

WRITES = 10  # more than the server's threads


def patch_title(base: str, token: str, doc_id: int, title: str) -> tuple[int, dict]:
    request = urllib.request.Request(
        f"{base}/api/documents/{doc_id}",
        method="PATCH",
        data=json.dumps({"title": title}).encode(),
        headers={**bearer(token), "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status, json.load(response)


def search_total(base: str, q: str) -> int:
    url = f"{base}/api/search?q={urllib.parse.quote(q)}"
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)["total"]


def lighthouse_documents(base: str) -> set[int]:
    """The documents whose indexed title has the new word (passages of each, repeated ones
    collapsed: count documents, not hits)."""
    url = f"{base}/api/search?q=title:lighthouse&kinds=heading&per_page=50"
    with urllib.request.urlopen(url, timeout=30) as response:
        return {hit["doc_id"] for hit in json.load(response)["hits"]}


@pytest.mark.slow
def test_changes_while_the_index_is_busy_are_saved_answered_and_indexed_later(data: Path):
    add_user(data, "lib", "librarian")
    token = token_for(data, "lib")
    doc_ids = [archive_document(data, make_document(n)) for n in range(1, WRITES + 1)]
    settings = {"CUTTINGS_INDEX_WAIT": "1"}
    with cuttings_server(data, "--threads", "2", settings=settings) as base:
        with search_lock_held(data):
            with ThreadPoolExecutor(WRITES) as pool:
                answers = list(
                    pool.map(
                        lambda d: patch_title(base, token, d, f"Lighthouse number {d}"), doc_ids
                    )
                )
            assert {status for status, _ in answers} == {202}
            assert all(body["index"] == "pending" for _, body in answers)
            assert "will be searchable" in answers[0][1]["message"]
            assert answers[0][1]["fields"]["title"]["value"].startswith("Lighthouse")
            # every thread came back: an anonymous reader is still answered
            assert search_total(base, "heading") == WRITES
            assert lighthouse_documents(base) == set()  # not indexed yet
        # the holder is gone: the server's catch-up indexes the saved changes by itself
        deadline = time.monotonic() + 60
        while lighthouse_documents(base) != set(doc_ids) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert lighthouse_documents(base) == set(doc_ids)
        assert patch_title(base, token, doc_ids[0], "Harbour light")[0] == 200


def test_a_correction_on_a_busy_index_tells_the_librarian_it_will_be_searchable(
    data: Path, librarian
):
    doc_id = archive_document(data, make_document(1))
    librarian.application.config["CUTTINGS_INDEX_WAIT"] = 0
    page = f"/librarian/documents/{doc_id}/edit"
    with search_lock_held(data):
        form = {"title": "A new title", "csrf_token": csrf_token(librarian, page)}
        response = librarian.post(page, data=form, follow_redirects=True)
    text = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "corrected " in text and "title" in text
    assert "search index is busy" in text


def test_files_added_while_the_index_is_busy_are_kept_and_indexed_later(data: Path):
    from archive.datadir import DataDir
    from archive.ingest.pipeline import Item
    from index.request import SearchRequest
    from index.sync import Archive
    from tests.simple_stages import SIMPLE_STAGES

    items = [
        Item(f"Ferry report {n}\n\nFerry {n} left at dawn.\n".encode(), f"{n}.txt", "text")
        for n in range(3)
    ]
    with Archive.open(DataDir.resolve(data), write_wait=0.5) as archive:
        with search_lock_held(data):
            started = time.monotonic()
            results = list(archive.add(items, ingestor=archive.ingestor(stages=SIMPLE_STAGES)))
            assert time.monotonic() - started < 20  # waited once, not once a file
        assert [r.status for r in results] == ["added"] * 3  # stored, not failed
        added = {r.id for r in results}
        assert archive.pending == added
        assert set(archive.catalog.index_queue.pending()) == added
        assert archive.engine.search(SearchRequest(q="dawn")).total == 0
        archive.catch_up()
        assert archive.engine.search(SearchRequest(q="dawn")).total == 3
        assert archive.catalog.index_queue.count() == 0
