"""Killing `cuttings add` needs no hands afterwards: no indexing worker outlives it, no lock
stays held, and the next add, a web write and a search all work, with the index holding
exactly what the catalog does."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from archive.datadir import DataDir
from index.sync import Archive
from tests.librarian_support import add_user, bearer, token_for
from tests.server_support import (
    ROOT,
    children,
    command_env,
    cuttings,
    cuttings_server,
    wait_gone,
)
from web.cli import UNWIND_SECONDS

KILLS = 20
FILES_PER_ROUND = 40


def write_round(folder: Path, round_no: int) -> Path:
    """A folder of articles no earlier round has (each kill lands in fresh work)."""
    folder.mkdir(parents=True)
    for n in range(FILES_PER_ROUND):
        paragraphs = [f"Harbour report {round_no}-{n}"] + [
            f"Paragraph {k} of report {round_no}-{n}: “The tide came in early,” said "
            f"Ann Lee. The harbour master counted {round_no * 1000 + n} boats twice."
            for k in range(12)
        ]
        (folder / f"r{round_no:02d}-{n:03d}.txt").write_text("\n\n".join(paragraphs))
    return folder


def kill_add(data: Path, folder: Path, rng: random.Random) -> None:
    """Start `cuttings add`, kill it at a random moment, and check nothing it started lives."""
    add = subprocess.Popen(
        cuttings("add", str(folder), "--data", str(data)),
        cwd=ROOT,
        env=command_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(rng.uniform(0.3, 2.2))
    workers = children(add.pid)
    add.send_signal(signal.SIGKILL if rng.random() < 0.75 else signal.SIGTERM)
    add.wait(timeout=60)
    assert wait_gone(workers) == [], "an indexing worker outlived the killed `cuttings add`"


def api(base: str, path: str, *, token: str, method: str = "GET", body: dict | None = None):
    request = urllib.request.Request(
        base + path,
        method=method,
        data=json.dumps(body).encode() if body is not None else None,
        headers={**bearer(token), "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status, json.load(response)


@pytest.mark.slow
def test_twenty_killed_adds_leave_an_archive_that_recovers_by_itself(tmp_path, data):
    seed = int(os.environ.get("CUTTINGS_KILL_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    for round_no in range(KILLS):
        kill_add(data, write_round(tmp_path / f"round{round_no}", round_no), rng)

    # 1. a second add, with no manual step in between, finishes and indexes what was left
    last = write_round(tmp_path / "last", KILLS)
    second = subprocess.run(
        cuttings("add", str(last), "--data", str(data), "--json"),
        cwd=ROOT,
        env=command_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert second.returncode == 0, f"seed {seed}: {second.stderr[-2000:]}"
    added = [json.loads(line) for line in second.stdout.splitlines()]
    assert {r["status"] for r in added} <= {"added", "duplicate"}
    assert len(added) == FILES_PER_ROUND

    # 2. a web write and 3. searches, on a real server
    add_user(data, "lib", "librarian")
    token = token_for(data, "lib")
    doc_id = added[0]["id"]
    with Archive.open(DataDir.resolve(data)) as archive:
        earlier = [i for i in archive.catalog.documents.ids() if i < min(r["id"] for r in added)]
        earlier_title = archive.catalog.documents.info(earlier[-1]).title if earlier else None
    with cuttings_server(data, "--threads", "2") as base:
        status, doc = api(
            base,
            f"/api/documents/{doc_id}",
            token=token,
            method="PATCH",
            body={"title": "Lighthouse keeper's report"},
        )
        assert status == 200, f"seed {seed}: the correction was not indexed ({doc})"
        found = search(base, "title:lighthouse")
        assert {hit["doc_id"] for hit in found["hits"]} == {doc_id}
        if earlier_title:  # a document a killed add had catalogued is searchable too
            assert search(base, f'title:"{earlier_title}"')["total"] >= 1, f"seed {seed}"

    # 4. the index holds exactly what the catalog does, and nothing is left waiting
    with Archive.open(DataDir.resolve(data)) as archive:
        assert archive.engine.indexed() == archive.catalog.documents.passage_counts()
        assert archive.catalog.index_queue.count() == 0


def search(base: str, q: str) -> dict:
    with urllib.request.urlopen(f"{base}/api/search?q={urllib.parse.quote(q)}") as response:
        return json.load(response)


# A load that dies after the catalog has its documents and before the index commits them.
CRASH_BEFORE_INDEX = """
import os, sys
from pathlib import Path
from archive.datadir import DataDir
from index.sync import Archive
archive = Archive.open(DataDir.resolve(sys.argv[1]))
with archive.loading() as session:
    results = list(session.add_paths([Path(sys.argv[2])]))
    assert all(r.status == "added" for r in results)
    os._exit(9)
"""


def run_cuttings(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        cuttings(*args), cwd=ROOT, env=command_env(), capture_output=True, text=True, timeout=120
    )


def test_adding_again_after_a_crash_indexes_what_the_crash_left_out(tmp_path, data, archive_mode):
    folder = write_round(tmp_path / "files", 1)
    crashed = subprocess.run(
        [sys.executable, "-c", CRASH_BEFORE_INDEX, str(data), str(folder)],
        cwd=ROOT,
        env=command_env(),
        capture_output=True,
        timeout=120,
    )
    assert crashed.returncode == 9, crashed.stderr
    before = run_cuttings("search", 'title:"harbour report 1-5"', "--data", str(data), "--json")
    if archive_mode.server:
        # each document was stored and indexed in one transaction: nothing is left out
        assert json.loads(before.stdout)["total"] >= 1
    else:
        assert json.loads(before.stdout)["total"] == 0  # catalogued, but not searchable

    again = run_cuttings("add", str(folder), "--data", str(data))
    assert again.returncode == 0, again.stderr
    assert again.stdout.count("duplicate") == FILES_PER_ROUND
    if not archive_mode.server:
        assert f"indexing {FILES_PER_ROUND} documents" in again.stderr
    found = run_cuttings("search", 'title:"harbour report 1-5"', "--data", str(data), "--json")
    assert json.loads(found.stdout)["total"] >= 1
    with Archive.open(DataDir.resolve(data)) as archive:
        assert archive.engine.indexed() == archive.catalog.documents.passage_counts()
        assert archive.catalog.index_queue.count() == 0


def test_verify_reads_a_new_archive_as_an_index_in_step(tmp_path, data):
    verified = run_cuttings("verify", "--data", str(data))
    assert verified.returncode == 0, verified.stderr
    assert "index: in step with the catalog" in verified.stdout
    found = run_cuttings("search", "harbour", "--data", str(data), "--json")
    assert found.returncode == 0 and json.loads(found.stdout)["total"] == 0, found.stderr


def test_verify_rebuilds_an_index_a_crash_left_unreadable(tmp_path, data, archive_mode):
    if archive_mode.server:
        pytest.skip(
            "PostgreSQL's write-ahead log never leaves the search tables half-written; "
            "verify's repair of a damaged server-mode search is in tests/index/test_verify.py"
        )
    added = run_cuttings("add", str(write_round(tmp_path / "files", 2)), "--data", str(data))
    assert added.returncode == 0, added.stderr
    index = DataDir(data).index
    for toc in index.glob("_MAIN_*.toc"):
        toc.write_bytes(b"")  # what a power cut can leave of an unsynced table of contents
    searched = run_cuttings("search", "harbour", "--data", str(data))
    assert searched.returncode == 1 and "Traceback" not in searched.stderr
    assert "cuttings verify" in searched.stderr
    verified = run_cuttings("verify", "--data", str(data))
    assert verified.returncode == 0, verified.stderr
    found = run_cuttings("search", 'title:"harbour report 2-5"', "--data", str(data), "--json")
    assert json.loads(found.stdout)["total"] >= 1


def test_a_terminated_command_whose_clean_up_hangs_still_ends(tmp_path):
    # The unwinding after SIGTERM runs clean-up code; if that hangs (a lock the signal left
    # half taken), the command must end anyway, with 128 + 15, not live on holding the archive.
    script = (
        "import threading\n"
        "from web.cli import stop_on_terminate\n"
        "stop_on_terminate()\n"
        "try:\n"
        "    print('ready', flush=True)\n"
        "    threading.Event().wait()\n"
        "finally:\n"
        "    threading.Event().wait()  # a clean-up that never returns\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script], cwd=ROOT, env=command_env(), stdout=subprocess.PIPE
    )
    try:
        assert child.stdout.readline().strip() == b"ready"
        child.send_signal(signal.SIGTERM)
        assert child.wait(timeout=UNWIND_SECONDS + 30) == 128 + signal.SIGTERM
    finally:
        child.kill()
        child.wait()
