"""Bounded passages: a paragraph over the limit is split at sentence ends, or at the limit
when there are none, and the document is flagged for a librarian."""

from __future__ import annotations

import gzip
import time

from archive.catalog import open_catalog
from archive.datadir import DataDir
from archive.ingest.read import read_bytes
from archive.ingest.service import Ingestor
from archive.ingest.split import SplitReport, split_text
from archive.model import FLAG_LONG_PASSAGES


def test_a_short_paragraph_stays_whole():
    assert split_text("One sentence. Two sentences.", 100) == ["One sentence. Two sentences."]


def test_a_long_paragraph_is_split_at_sentence_ends():
    sentences = [f"Sentence number {n} says something about the budget." for n in range(100)]
    report = SplitReport()
    pieces = split_text(" ".join(sentences), 500, report)
    assert all(len(p) <= 500 for p in pieces)
    assert all(p.endswith(".") for p in pieces)
    assert " ".join(pieces) == " ".join(sentences)
    assert (report.blocks_split, report.pieces, report.hard_cuts) == (1, len(pieces), 0)


def test_a_sentence_longer_than_the_limit_is_cut_at_a_space_or_at_the_limit():
    words = "word " * 300
    assert all(len(p) <= 200 for p in split_text(words, 200))
    solid = "x" * 1000
    report = SplitReport()
    assert split_text(solid, 300, report) == ["x" * 300] * 3 + ["x" * 100]
    assert report.hard_cuts == 4


def test_a_bomb_of_text_without_blank_lines_becomes_bounded_passages_and_a_flag(tmp_path):
    lines = (
        f"the council met on day {n} and said nothing new about the budget " for n in range(40_000)
    )
    text = ("Budget bomb\n" + "".join(lines)).encode()  # 2.7 MB, one paragraph, no full stop
    bomb = gzip.compress(text)
    datadir = DataDir(tmp_path / "data").create()
    catalog = open_catalog(datadir.catalog)
    started = time.perf_counter()
    ingestor = Ingestor(datadir, catalog, max_passage_chars=3000)
    [item] = list(read_bytes(bomb, "bomb.txt.gz", max_bytes=10 * 1024 * 1024))
    result = ingestor.ingest_item(item)
    elapsed = time.perf_counter() - started
    assert result.status == "added", result.error
    doc = catalog.documents.get(result.id)
    assert max(len(p.text) for p in doc.passages) <= 3000
    assert len(doc.passages) > 800
    assert "split into" in doc.flags[FLAG_LONG_PASSAGES]
    assert catalog.documents.flagged_ids() == [result.id]
    assert catalog.documents.listing(flagged=True)[0].flags == (FLAG_LONG_PASSAGES,)
    assert elapsed < 120  # a bound against a hang, not a speed target
    catalog.documents.clear_flag(result.id, FLAG_LONG_PASSAGES, actor="lib")
    assert catalog.documents.get(result.id).flags == {}
    assert catalog.audit.entries()[0].action == "clear-flag"
    catalog.close()
