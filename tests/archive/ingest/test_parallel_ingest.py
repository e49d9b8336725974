"""The pipeline in worker processes: the same results, ids and duplicates as one process, in
input order; failures read as they would without workers; no worker outlives the load."""

from __future__ import annotations

import errno
import os
import signal
from contextlib import contextmanager

import pytest

from archive.catalog import open_catalog
from archive.catalog.documents import Documents
from archive.datadir import DataDir
from archive.ingest.parallel import Ahead
from archive.ingest.pipeline import Draft, Item
from archive.ingest.service import Ingestor
from archive.model import FailedItem
from tests import catalog_file
from tests.postgres_support import new_database
from tests.simple_stages import SIMPLE_STAGES

MAIN = os.getpid()


def article(n: int) -> bytes:
    return f"Report {n}\n\nFirst paragraph of report {n}.\n\nSecond, about {n} boats.\n".encode()


def entries() -> list[Item | FailedItem]:
    items: list[Item | FailedItem] = [
        Item(data=article(n), filename=f"r{n}.txt", format="text") for n in range(30)
    ]
    items.insert(5, Item(data=article(3), filename="copy-of-r3.txt", format="text"))
    items.insert(9, Item(data=b"Only a title\n", filename="empty.txt", format="text"))
    items.insert(12, FailedItem("broken.bin", "not a text or HTML file", "unsupported"))
    return items


@pytest.fixture
def make_ingestor(tmp_path, archive_mode):
    opened = []

    def make(name: str, stages=SIMPLE_STAGES) -> Ingestor:
        if archive_mode.server and opened:  # a second archive: a database of its own
            datadir = DataDir(tmp_path / name, database_url=new_database(archive_mode.cluster))
        else:
            datadir = DataDir.resolve(tmp_path / name)
        catalog = open_catalog(datadir.create().catalog)
        opened.append(catalog)
        return Ingestor(datadir, catalog, stages=stages)

    yield make
    for catalog in opened:
        catalog.close()


def outcome(results) -> list[tuple]:
    return [
        (r.source, r.status, r.id, r.error, r.kind, [p.text for p in r.document.passages])
        if r.document
        else (r.source, r.status, r.id, r.error, r.kind)
        for r in results
    ]


def test_workers_give_the_results_ids_and_duplicates_one_process_gives(make_ingestor):
    alone = outcome(make_ingestor("alone").ingest(entries()))
    ingestor = make_ingestor("workers")
    together = outcome(ingestor.ingest(entries(), workers=2))
    assert together == alone
    assert [r[1] for r in together].count("duplicate") == 1
    assert [r[1] for r in together].count("error") == 2
    stored = ingestor.catalog.documents.ids()
    assert len(stored) == 30
    for doc_id in stored:
        doc = ingestor.catalog.documents.get(doc_id)
        assert ingestor.originals.verify(doc.original.sha256)


def test_content_archived_before_the_load_is_a_duplicate_and_not_made_again(make_ingestor):
    ingestor = make_ingestor("data")
    first = list(ingestor.ingest(entries()[:10]))
    again = list(ingestor.ingest(entries(), workers=2))
    assert {r.id for r in again[:10] if r.status == "duplicate"} == {
        r.id for r in first if r.status == "added"
    }
    assert [r.status for r in again[10:]].count("added") == 30 - 8


def explode_on_seven(draft: Draft) -> Draft:
    if b"report 7." in draft.item.data:
        raise ValueError("stage bug on report 7")
    return draft


def die_in_a_worker(draft: Draft) -> Draft:
    if os.getpid() != MAIN and b"report 4." in draft.item.data:
        os.kill(os.getpid(), signal.SIGKILL)
    return draft


def test_a_stage_that_fails_in_a_worker_reads_as_it_would_alone(make_ingestor):
    stages = [*SIMPLE_STAGES, explode_on_seven]
    alone = outcome(make_ingestor("alone", stages).ingest(entries()))
    together = outcome(make_ingestor("workers", stages).ingest(entries(), workers=2))
    assert together == alone
    failed = [r for r in together if r[0] == "r7.txt"][0]
    assert failed[1:2] == ("error",) and "stage bug on report 7" in failed[3]


def test_a_worker_that_dies_hands_its_items_back_and_nothing_is_lost(make_ingestor):
    stages = [*SIMPLE_STAGES, die_in_a_worker]
    alone = outcome(make_ingestor("alone").ingest(entries()))
    together = outcome(make_ingestor("workers", stages).ingest(entries(), workers=2))
    assert together == alone


def test_no_worker_outlives_a_load_stopped_half_way(make_ingestor):
    ingestor = make_ingestor("data")
    with Ahead(ingestor.stages, 2) as ahead:
        run = ahead.run(entries(), lambda e: ingestor._draft((e, None)))
        next(run)
        workers = [w.process for w in ahead.workers]
        assert len(workers) == 2 and all(p.is_alive() for p in workers)
        run.close()
    assert not any(p.is_alive() for p in workers)


def test_one_item_is_made_in_this_process(make_ingestor):
    ingestor = make_ingestor("data")
    with Ahead(ingestor.stages, 2) as ahead:
        made = list(ahead.run(entries()[:1], lambda e: ingestor._draft((e, None))))
        assert ahead.workers == []
    assert [m for _, m in made] == [None]


def test_each_item_keeps_its_own_typed_metadata_in_workers(make_ingestor):
    from archive.ingest.overrides import apply_overrides, librarian_fields

    def typed():
        for n, entry in enumerate(entries()):
            yield entry, librarian_fields({"outlet": f"Outlet {n % 4}", "published": "2005"})

    def fields(results):
        return [
            (r.status, r.document.value("outlet"), r.document.value("published"))
            for r in results
            if r.status == "added"
        ]

    stages = [*SIMPLE_STAGES, apply_overrides]
    alone = fields(make_ingestor("alone", stages).ingest_each(typed()))
    together = fields(make_ingestor("workers", stages).ingest_each(typed(), workers=2))
    assert together == alone
    assert {outlet for _, outlet, _ in together} == {f"Outlet {k}" for k in range(4)}


def test_an_item_whose_draft_fails_is_made_in_this_process_in_its_turn(make_ingestor):
    alone = outcome(make_ingestor("alone").ingest(entries()))
    ingestor = make_ingestor("workers")
    drafted = ingestor._draft

    def flaky(job):
        if job[0].filename == "r6.txt":
            raise OSError("the catalog did not answer")
        return drafted(job)

    ingestor._draft = flaky
    assert outcome(ingestor.ingest(entries(), workers=2)) == alone


def stored_rows(ingestor: Ingestor) -> tuple[int, int]:
    """Documents and passages in the catalog, counted in its tables."""
    where = ingestor.datadir.catalog
    count = catalog_file.value(where, "SELECT COUNT(*) FROM documents")
    return count, catalog_file.value(where, "SELECT COUNT(*) FROM passages")


def test_a_document_that_fails_half_stored_leaves_nothing_and_the_rest_of_its_group_stays(
    make_ingestor, monkeypatch
):
    real = Documents._insert_passages

    def half_then_fail(self, doc_id, passages):
        real(self, doc_id, passages)  # its entry, fields and passages are written by now
        if any("report 7." in p.text for p in passages):
            raise RuntimeError("bug while storing report 7")

    monkeypatch.setattr(Documents, "_insert_passages", half_then_fail)
    alone = make_ingestor("alone")
    one_by_one = outcome(alone.ingest(entries()))
    grouped = make_ingestor("workers")
    together = outcome(grouped.ingest(entries(), workers=2))
    assert [r[:2] for r in together] == [r[:2] for r in one_by_one]
    assert [r[1] for r in together if r[0] == "r7.txt"] == ["error"]
    assert "internal error" in next(r[3] for r in together if r[0] == "r7.txt")
    assert stored_rows(grouped) == stored_rows(alone) == (29, 29 * 2)


def test_a_group_whose_commit_fails_is_stored_again_one_by_one(make_ingestor, monkeypatch):
    alone = outcome(make_ingestor("alone").ingest(entries()))
    ingestor = make_ingestor("workers")
    catalog = ingestor.catalog
    real = catalog.transaction
    failures = []

    @contextmanager
    def commit_fails_once():
        outermost = not catalog.db.in_transaction
        with real():
            yield catalog
            if outermost and not failures:  # the first group's commit: the disk was full
                failures.append(1)
                raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(catalog, "transaction", commit_fails_once)
    together = outcome(ingestor.ingest(entries(), workers=2))
    assert failures == [1]
    if catalog.db.dialect == "sqlite":  # PostgreSQL's sequences do not roll back
        assert together == alone
    assert [(r[0], r[1], *r[3:]) for r in together] == [(r[0], r[1], *r[3:]) for r in alone]
    assert stored_rows(ingestor) == (30, 60)
