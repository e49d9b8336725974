"""Scores read passage lengths from a list per segment, and stay Whoosh's own."""

from __future__ import annotations

from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.query import Term

from index.whoosh.scoring import ListedLengthBM25F
from tests.archive_fixtures import Archive, Para, make_document


def test_listed_lengths_score_exactly_as_whoosh_does(tmp_path: Path):
    archive = Archive(tmp_path / "data")
    archive.add(
        make_document("A", [Para("harvest " + "filler " * n) for n in range(1, 30)]),
        make_document("B", [Para("harvest once"), Para("harvest harvest twice over")]),
    )
    ix = whoosh_index.open_dir(str(archive.index_dir))
    with ix.searcher() as plain, ix.searcher(weighting=ListedLengthBM25F()) as listed:
        expected = [(h.docnum, h.score) for h in plain.search(Term("text", "harvest"), limit=None)]
        found = [(h.docnum, h.score) for h in listed.search(Term("text", "harvest"), limit=None)]
    assert found == expected and len(found) == 31
