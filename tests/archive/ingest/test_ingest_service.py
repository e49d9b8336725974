"""Ingest stores each original once, reports duplicates, and survives a kill at any step."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from archive.catalog import open_catalog
from archive.datadir import DataDir
from archive.ingest.pipeline import Item
from archive.ingest.service import Ingestor
from tests import catalog_file
from tests.simple_stages import SIMPLE_STAGES

ARTICLE = b"A headline\n\nFirst paragraph of the story.\n\nSecond paragraph, with more words.\n"


@pytest.fixture
def ingestor(tmp_path, archive_mode):
    datadir = DataDir.resolve(tmp_path / "data")
    catalog = open_catalog(datadir.create().catalog)
    yield Ingestor(datadir, catalog, stages=SIMPLE_STAGES)
    catalog.close()


def item(data: bytes = ARTICLE, name: str = "story.txt") -> Item:
    return Item(data=data, filename=name, format="text")


def test_an_added_document_has_its_original_stored_byte_for_byte(ingestor):
    result = ingestor.ingest_item(item())
    assert result.status == "added"
    sha = result.document.original.sha256
    assert (ingestor.datadir.originals / sha).read_bytes() == ARTICLE
    assert [p.text for p in ingestor.catalog.documents.get(result.id).passages] == [
        "First paragraph of the story.",
        "Second paragraph, with more words.",
    ]


def test_adding_the_same_bytes_twice_reports_the_existing_document(ingestor):
    first = ingestor.ingest_item(item())
    second = ingestor.ingest_item(item(name="copy-of-story.txt"))
    assert second.status == "duplicate"
    assert second.id == first.id
    assert second.to_json()["status"] == "duplicate"
    assert ingestor.catalog.documents.ids() == [first.id]


def test_a_file_with_no_article_text_is_an_error_and_stores_nothing(ingestor):
    result = ingestor.ingest_item(item(b"Just a title\n"))
    assert result.status == "error"
    assert "story.txt" in result.error
    assert ingestor.catalog.documents.ids() == []
    assert not any(ingestor.datadir.originals.iterdir())


def test_the_add_json_object_has_the_contract_keys(ingestor):
    result = ingestor.ingest_item(item()).to_json()
    assert {"id", "status", "title", "outlet", "published", "passages", "quotes", "error"} <= set(
        result
    )
    assert result["passages"] == 2 and result["title"] == "A headline"


CRASHING_SCRIPT = textwrap.dedent(
    """
    import os, signal, sys
    sys.path.insert(0, {root!r})
    from archive.datadir import DataDir
    from archive.ingest.pipeline import Item
    from archive.ingest.service import Ingestor
    from archive.catalog import open_catalog
    from archive.catalog.documents import Documents
    from archive.catalog.quotes import Quotes
    from tests.simple_stages import SIMPLE_STAGES

    def die(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGKILL)

    where = sys.argv[2]
    if where == "after-original":
        Documents.add = die
    elif where == "mid-catalog":
        Quotes.insert = die  # after the document, fields, passages and people rows
    datadir = DataDir.resolve(sys.argv[1])  # server mode when the test's environment says so
    ingestor = Ingestor(datadir, open_catalog(datadir.create().catalog), stages=SIMPLE_STAGES)
    ingestor.ingest_item(Item(data=sys.stdin.buffer.read(), filename="story.txt", format="text"))
    """
)


@pytest.mark.parametrize("where", ["after-original", "mid-catalog"])
def test_a_kill_during_ingest_leaves_no_half_document(tmp_path, where, archive_mode):
    script = tmp_path / "crash.py"
    root = str(Path(__file__).resolve().parents[3])
    script.write_text(CRASHING_SCRIPT.format(root=root))
    run = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "data"), where],
        input=ARTICLE,
        capture_output=True,
    )
    assert run.returncode == -signal.SIGKILL
    datadir = DataDir.resolve(tmp_path / "data")
    catalog = open_catalog(datadir.catalog)
    assert catalog.documents.ids() == []
    assert catalog_file.value(catalog, "SELECT COUNT(*) FROM passages") == 0
    # the archive is still usable: adding again works and gives a whole document
    again = Ingestor(datadir, catalog, stages=SIMPLE_STAGES).ingest_item(item())
    assert again.status == "added"
    assert len(catalog.documents.get(again.id).passages) == 2
    catalog.close()


def test_a_verify_report_is_json_serialisable(ingestor):
    from archive.verification import verify_archive

    ingestor.ingest_item(item())
    report = verify_archive(ingestor.datadir, ingestor.catalog, index_state={})
    assert json.loads(json.dumps(report.to_json()))["index"]["missing"] == [1]
