"""Keeping the index in step: re-adding, removing, rebuilding, and writers at the same time."""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path

import pytest
from whoosh.multiproc import SubWriterTask

from archive.model import Document
from index.whoosh.searching import SearchRequest, search
from index.whoosh.writing import BulkLoad, Indexer
from tests.archive_fixtures import Archive, Para, make_document


def numbered(doc_id: int, words: str = "river", passages: int = 3) -> Document:
    """A document with its id and passage ids set, as the catalog would leave it."""
    doc = make_document(
        f"Report {doc_id}",
        [Para(f"{words} passage {n} of report {doc_id}") for n in range(1, passages + 1)],
    )
    doc.id = doc_id
    for passage in doc.passages:
        passage.id = f"{doc_id}-p{passage.n}"
    return doc


def hits(index_dir: Path, q: str) -> int:
    return search(index_dir, SearchRequest(q=q)).total


def test_adding_a_document_again_replaces_its_passages(tmp_path):
    indexer = Indexer(tmp_path)
    assert indexer.add_documents([numbered(1), numbered(2)]) == 6
    corrected = numbered(1, words="lake", passages=2)
    assert indexer.add_documents([corrected]) == 2
    assert indexer.indexed_documents() == {1: 2, 2: 3}
    assert hits(tmp_path, "lake") == 2
    assert hits(tmp_path, "river") == 3


def test_a_correction_in_the_catalog_reaches_the_index(tmp_path, archive_mode):
    archive = Archive(tmp_path)
    (doc_id,) = archive.add(make_document("Old title", ["The bridge opened."], outlet="Gazette"))
    archive.catalog.documents.update_fields(doc_id, {"outlet": "Evening Gazette"}, actor="tester")
    archive.archive.sync([doc_id])
    hit = archive.engine.search(SearchRequest(q="bridge")).hits[0]
    assert hit.provenance["outlet"] == "Evening Gazette"


def test_withdrawn_documents_leave_the_index(tmp_path):
    indexer = Indexer(tmp_path)
    indexer.add_documents([numbered(1), numbered(2)])
    indexer.remove_document(1)
    assert indexer.indexed_documents() == {2: 3}
    withdrawn = numbered(2)
    withdrawn.status = "withdrawn"
    assert indexer.add_documents([withdrawn]) == 0
    assert indexer.indexed_documents() == {}


def test_rebuild_starts_from_scratch(tmp_path):
    indexer = Indexer(tmp_path)
    indexer.add_documents([numbered(1), numbered(2), numbered(3)])
    assert indexer.rebuild(lambda: [numbered(2), numbered(4, passages=1)]) == 4
    assert indexer.indexed_documents() == {2: 3, 4: 1}


def test_a_searcher_sees_later_commits(tmp_path):
    indexer = Indexer(tmp_path)
    indexer.add_documents([numbered(1)])
    assert hits(tmp_path, "river") == 3
    indexer.add_documents([numbered(2)])
    assert hits(tmp_path, "river") == 6


def test_threads_writing_at_once_lose_nothing(tmp_path):
    Indexer(tmp_path)
    errors: list[BaseException] = []

    def write(first: int) -> None:
        try:
            indexer = Indexer(tmp_path)
            for doc_id in range(first, first + 5):
                indexer.add_documents([numbered(doc_id)])
        except BaseException as error:  # reported below, not lost in the thread
            errors.append(error)

    threads = [threading.Thread(target=write, args=(start,)) for start in (1, 101, 201, 301)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(Indexer(tmp_path).indexed_documents()) == 20


def _write_in_process(index_dir: str, first: int) -> None:
    indexer = Indexer(Path(index_dir))
    for doc_id in range(first, first + 5):
        indexer.add_documents([numbered(doc_id)])


def test_processes_writing_at_once_lose_nothing(tmp_path):
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_write_in_process, args=(str(tmp_path), start))
        for start in (1, 101, 201)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert [worker.exitcode for worker in workers] == [0, 0, 0]
    assert len(Indexer(tmp_path).indexed_documents()) == 15
    assert hits(tmp_path, "river") == 45


def test_a_bulk_load_in_worker_processes_indexes_every_batch(tmp_path):
    indexer = Indexer(tmp_path)
    indexer.add_documents([numbered(1, words="lake")])
    with BulkLoad(indexer, batch=4, workers=2) as load:
        for doc_id in range(2, 12):
            load.add(numbered(doc_id))
    assert indexer.indexed_documents() == {n: 3 for n in range(1, 12)}
    assert hits(tmp_path, "river") == 30
    assert hits(tmp_path, "lake") == 3
    assert multiprocessing.active_children() == []


def test_a_bulk_load_replaces_the_passages_a_document_had(tmp_path):
    indexer = Indexer(tmp_path)
    indexer.add_documents([numbered(1, words="lake")])
    with BulkLoad(indexer, workers=2) as load:
        load.add(numbered(1, words="river", passages=2))
    assert indexer.indexed_documents() == {1: 2}
    assert hits(tmp_path, "lake") == 0


def test_a_bulk_load_that_fails_leaves_the_index_as_it_was(tmp_path):
    indexer = Indexer(tmp_path)
    indexer.add_documents([numbered(1)])
    with pytest.raises(RuntimeError), BulkLoad(indexer, workers=2) as load:
        load.add(numbered(2))
        raise RuntimeError("the disk is full")
    assert indexer.indexed_documents() == {1: 3}
    assert multiprocessing.active_children() == []
    # the lock is free again: the next writer gets in
    assert indexer.add_documents([numbered(2)]) == 3


def test_passages_a_silent_worker_dropped_are_indexed_in_process(tmp_path, monkeypatch):
    # A worker that exits without handing back its segment: Whoosh's writer carries on
    # without it, so the load must notice the count is short and index the batch again.
    monkeypatch.setattr(SubWriterTask, "run", lambda self: None)
    indexer = Indexer(tmp_path)
    with BulkLoad(indexer, batch=50, workers=2) as load:
        for doc_id in range(1, 5):
            load.add(numbered(doc_id))
    assert indexer.indexed_documents() == {n: 3 for n in range(1, 5)}
    assert indexer.rebuild(lambda: [numbered(7), numbered(8)]) == 6
    assert indexer.indexed_documents() == {7: 3, 8: 3}


def test_writers_after_the_same_random_seed_still_name_their_segments_apart(tmp_path):
    # Hypothesis (and any library) may seed Python's `random` alike before each write;
    # Whoosh named segments from it, so the second commit met the first's name and failed.
    import random

    indexer = Indexer(tmp_path)
    for doc_id in range(1, 6):
        random.seed(1234)
        assert indexer.add_documents([numbered(doc_id)]) == 3
    assert indexer.indexed_documents() == {n: 3 for n in range(1, 6)}
