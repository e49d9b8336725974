"""The catalog keeps whole documents, their fields' provenance, history and withdrawal."""

from __future__ import annotations

import pytest

from archive.catalog import open_catalog
from archive.errors import NotFound
from archive.model import (
    Document,
    Original,
    Passage,
    PersonMention,
    Quote,
    fingerprint,
    parse_passage_id,
)
from tests import catalog_file


def make_doc(content: str = "a" * 64, title: str = "A title") -> Document:
    doc = Document(original=Original("a.txt", content, "text", 10, content_sha256=content))
    doc.set("title", title, "text", "line 1")
    doc.set("outlet", "Haaretz", "inferred", "told Haaretz (3 times)")
    doc.set("authors", ["OpIndia Staff"], "byline")
    doc.passages = [
        Passage(1, "heading", "A subhead"),
        Passage(2, "body", "“It was cold,” Gutmann says."),
        Passage(3, "comment", "A reader's reply"),
    ]
    doc.people = [PersonMention("Ethan Gutmann", aliases=["Gutmann"], role="a researcher")]
    doc.quotes = [Quote("It was cold,", 2, "Ethan Gutmann", "Gutmann says", 1, 13)]
    return doc


@pytest.fixture
def catalog(catalog_location):
    catalog = open_catalog(catalog_location)
    yield catalog
    catalog.close()


def test_a_stored_document_comes_back_whole(catalog):
    doc_id = catalog.documents.add(make_doc())
    back = catalog.documents.get(doc_id)
    assert back.value("title") == "A title"
    assert back.fields["outlet"].source == "inferred"
    assert back.fields["outlet"].evidence == "told Haaretz (3 times)"
    assert back.value("authors") == ["OpIndia Staff"]
    assert [p.id for p in back.passages] == [f"{doc_id}-p1", f"{doc_id}-p2", f"{doc_id}-p3"]
    assert back.passages[1].speakers == ["Ethan Gutmann"]
    assert back.quotes[0].speaker == "Ethan Gutmann"
    assert back.people[0].role == "a researcher"


def test_the_same_person_in_two_documents_is_one_record(catalog):
    catalog.documents.add(make_doc("a" * 64))
    catalog.documents.add(make_doc("b" * 64))
    rows = catalog_file.value(catalog, "SELECT COUNT(*) FROM people")
    assert rows == 1


def test_people_sharing_only_a_surname_stay_apart(catalog):
    first = make_doc("a" * 64)
    first.people = [PersonMention("Huiqiong Liu", aliases=["Liu"])]
    first.quotes = [Quote("x", 2, "Huiqiong Liu")]
    second = make_doc("b" * 64)
    second.people = [PersonMention("Jinato Liu", aliases=["Liu"])]
    second.quotes = [Quote("y", 2, "Jinato Liu")]
    catalog.documents.add(first)
    catalog.documents.add(second)
    names = [r[0] for r in catalog_file.rows(catalog, "SELECT name FROM people ORDER BY name")]
    assert names == ["Huiqiong Liu", "Jinato Liu"]


def test_a_correction_becomes_the_librarians_and_keeps_the_old_value(catalog):
    doc_id = catalog.documents.add(make_doc())
    fields = catalog.documents.update_fields(doc_id, {"outlet": "Ha'aretz"}, actor="ann")
    assert fields["outlet"].value == "Ha'aretz"
    assert fields["outlet"].source == "librarian"
    history = catalog.documents.field_history(doc_id)
    assert history[0].value == "Haaretz" and history[0].source == "inferred"
    assert catalog.audit.entries()[0].action == "correct"


def test_a_withdrawn_document_is_hidden_but_kept(catalog):
    doc_id = catalog.documents.add(make_doc())
    catalog.documents.withdraw(doc_id, reason="legal request", actor="ann")
    with pytest.raises(NotFound):
        catalog.documents.get(doc_id)
    assert catalog.documents.get(doc_id, include_withdrawn=True).status == "withdrawn"
    assert catalog.documents.ids() == []
    catalog.documents.reinstate(doc_id, actor="admin")
    assert catalog.documents.ids() == [doc_id]


def test_a_passage_fingerprint_ignores_spacing_case_and_punctuation():
    assert fingerprint("“It was cold,” he said.") == fingerprint('"it was  COLD" he said')
    assert fingerprint("It was cold") != fingerprint("It was warm")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12-p3", (12, 3)), ("12", None), ("p3", None), ("12-p", None), ("../12-p3", None)],
)
def test_passage_ids_are_parsed_strictly(text, expected):
    assert parse_passage_id(text) == expected


def test_a_full_name_recorded_as_an_alias_finds_its_person(catalog):
    first = make_doc("a" * 64)
    first.people = [PersonMention("Anthony Blair", aliases=["Tony Blair", "Blair"])]
    first.quotes = [Quote("x", 2, "Anthony Blair")]
    second = make_doc("b" * 64)
    second.people = [PersonMention("Tony Blair", aliases=["Blair"])]
    second.quotes = [Quote("y", 2, "Tony Blair")]
    catalog.documents.add(first)
    catalog.documents.add(second)
    names = [r[0] for r in catalog_file.rows(catalog, "SELECT name FROM people")]
    assert names == ["Anthony Blair"]
