"""Indexing faster writes the same index: one-pass analysis and in-memory field lengths give
exactly the postings and lengths Whoosh's own code gives."""

from __future__ import annotations

import pytest
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3PerDocReader

from index.whoosh import onepass
from index.whoosh.fixes import _LengthsInMemory
from index.whoosh.schema import build_schema
from index.whoosh.searching import SearchRequest, search
from index.whoosh.writing import Indexer
from tests.archive_fixtures import Para, make_document

SAMPLES = [
    "",
    "the",
    "The minister said: \u201cWe will not harvest the fields this year.\u201d",
    "A a I to of in - 3.14 U.S. e.g. 2,000 1990s 9/11 x",
    "O'Neill met Ó Briain and al-Rashid at the Café Zürich; ÉCOLE, école, naïve, Ærø.",
    "İstanbul ﬁnance Straße ǅemal ΣΊΣΥΦΟΣ",
    "harvested harvesting harvests harvest Harvest HARVEST harvested",
    "words words words and the and the and words",
    "Il Sole 24 Ore, van der Berg, de la Cruz, Xi Jinping, Janet L. Yellen Jr.",
    " ".join(f"word{n % 37} the of and {n}" for n in range(400)),  # longer than SHORT
]


@pytest.mark.parametrize("field", ["text", "title", "person", "outlet", "author", "host"])
def test_one_pass_analysis_gives_whooshs_postings(field):
    schema = build_schema()
    assert onepass.one_pass(schema[field].analyzer) is not None
    for value in SAMPLES:
        expected = list(onepass._whoosh_index(schema[field], value))
        assert list(schema[field].index(value)) == expected, value
        assert list(schema[field].index(value)) == expected, value  # remembered, still right


def test_a_chain_it_does_not_know_is_left_to_whoosh():
    from whoosh.analysis import KeywordAnalyzer, StandardAnalyzer

    assert onepass.one_pass(KeywordAnalyzer()) is None
    assert onepass.one_pass(StandardAnalyzer()) is None  # no accent folding at the end


def test_phrases_and_stems_still_match_in_an_index_built_in_one_pass(tmp_path):
    doc = make_document(
        "The harvest report",
        [
            Para("The farmers harvested the wheat early."),
            Para("Of the minister's plans, nothing was said."),
        ],
    )
    doc.id = 1
    for passage in doc.passages:
        passage.id = f"1-p{passage.n}"
    Indexer(tmp_path).add_documents([doc])
    assert search(tmp_path, SearchRequest(q='"harvested the wheat"')).total == 1
    assert search(tmp_path, SearchRequest(q="harvest")).total == 1
    assert search(tmp_path, SearchRequest(q='title:"harvest report"')).total == 2  # on both
    assert search(tmp_path, SearchRequest(q='"the minister\'s plans"')).total == 1


def test_a_new_segments_field_lengths_read_from_memory_match_the_files(tmp_path):
    docs = []
    for n in range(1, 6):
        doc = make_document(f"Title {n}", [Para(" ".join(["word"] * (n * 40)))])
        doc.id = n
        doc.passages[0].id = f"{n}-p1"
        docs.append(doc)
    Indexer(tmp_path).add_documents(docs)
    ix = whoosh_index.open_dir(str(tmp_path))
    segment = ix._segments()[0]
    reader = W3PerDocReader(ix.storage, segment)
    in_memory = _LengthsInMemory(W3PerDocReader(ix.storage, segment))
    for docnum in range(segment.doc_count_all()):
        for field in ("text", "title", "person", "outlet"):
            assert in_memory.doc_field_length(docnum, field) == reader.doc_field_length(
                docnum, field
            )
