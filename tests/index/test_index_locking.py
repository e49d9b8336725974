"""The index's write lock: bounded waits, no lock kept alive by a forked child, and a lock
left by a dead process broken by the next writer, with real processes holding it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from archive.errors import IndexBusy
from index.whoosh.locking import LOCK_FILE, read_owner, write_lock
from index.whoosh.writing import Indexer
from tests.index.test_index_writing import numbered
from tests.server_support import ROOT, alive, index_lock_held, wait_gone

# Takes the lock as an old Cuttings did (a plain flock, no fork hook), records itself as the
# owner, forks a child that inherits the descriptor, and exits: the child is an orphan holding
# a lock whose recorded owner is dead - what a killed `cuttings add` used to leave.
ORPHAN_MAKER = textwrap.dedent(
    """
    import fcntl, os, socket, sys, time
    sys.path.insert(0, {root!r})
    from archive.processes import process_start
    fd = os.open(os.path.join({index!r}, {lock!r}), os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    me = os.getpid()
    os.write(fd, f"{{me}} {{process_start(me)}} {{socket.gethostname()}} {{time.time():.0f}}\\n".encode())
    child = os.fork()
    if child == 0:
        time.sleep(120)
        os._exit(0)
    print(child, flush=True)
    os._exit(0)
    """
)


def run_script(script: str, **values: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", script.format(root=str(ROOT), lock=LOCK_FILE, **values)],
        stdout=subprocess.PIPE,
        text=True,
    )


def test_a_lock_left_held_for_a_dead_process_is_broken_by_the_next_writer(tmp_path):
    indexer = Indexer(tmp_path)
    maker = run_script(ORPHAN_MAKER, index=str(tmp_path))
    orphan = int(maker.stdout.readline())
    maker.wait(timeout=30)
    try:
        assert alive(orphan)
        assert read_owner(tmp_path).pid == maker.pid  # recorded, and gone
        assert indexer.add_documents([numbered(1)], wait=30) == 3
        assert indexer.indexed_documents() == {1: 3}
        assert read_owner(tmp_path) is None  # released: no stale record either
        assert indexer.add_documents([numbered(2)], wait=30) == 3
    finally:
        os.kill(orphan, signal.SIGKILL)


def test_a_writer_waits_no_longer_than_its_bound_for_a_live_holder(tmp_path):
    indexer = Indexer(tmp_path)
    with index_lock_held(tmp_path) as holder:
        with pytest.raises(IndexBusy) as busy:
            indexer.add_documents([numbered(1)], wait=0.5)
        assert f"process {holder.pid}" in busy.value.message
        assert "the change is saved and will be indexed" in busy.value.message
        assert busy.value.status == 503 and busy.value.kind == "index-busy"
    assert indexer.add_documents([numbered(1)], wait=30) == 3


def test_a_forked_child_does_not_keep_the_lock_after_its_parent_lets_go(tmp_path):
    with write_lock(tmp_path):
        child = os.fork()
        if child == 0:  # the child carries on (as an indexing worker would) without the lock
            time.sleep(30)
            os._exit(0)
    try:
        with write_lock(tmp_path, wait=5):  # free although the child still runs
            assert alive(child)
    finally:
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
    assert wait_gone([child]) == []


def test_a_new_index_reads_as_empty_and_can_be_searched(tmp_path):
    from index.request import SearchRequest
    from index.whoosh.searching import search

    indexer = Indexer(tmp_path)
    assert indexer.indexed_documents() == {}
    assert search(tmp_path, SearchRequest(q="harbour")).total == 0
    indexer.add_documents([numbered(1)])
    indexer.remove_document(1)
    assert indexer.indexed_documents() == {}


def test_a_half_written_index_is_started_afresh_by_the_next_writer(tmp_path):
    (Path(tmp_path) / "_MAIN_0.toc").write_bytes(b"")  # a crash before the first write
    indexer = Indexer(tmp_path)
    assert indexer.add_documents([numbered(1)]) == 3
    assert indexer.indexed_documents() == {1: 3}
