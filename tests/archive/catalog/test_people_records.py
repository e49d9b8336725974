"""One rule decides "the same person" for ingest and curation alike (archive.personnames)."""

from __future__ import annotations

import pytest

from archive.catalog import open_catalog
from archive.model import PersonMention
from tests.librarian_support import make_document


@pytest.fixture
def catalog(catalog_location):
    catalog = open_catalog(catalog_location)
    yield catalog
    catalog.close()


def person_named(catalog, name: str) -> int:
    return next(p.id for p in catalog.people.listing(name) if p.name == name)


def test_an_alias_a_librarian_merged_in_matches_whatever_its_case(catalog):
    catalog.documents.add(make_document(1, speaker="Ethan Gutmann"))
    catalog.documents.add(make_document(2, speaker="E. Gutmann", body="Another sentence"))
    keep, other = person_named(catalog, "Ethan Gutmann"), person_named(catalog, "E. Gutmann")
    catalog.people.merge(keep, other, actor="ada")
    later = make_document(3, speaker="e. GUTMANN", body="A third sentence")
    catalog.documents.add(later)
    assert catalog.quotes.of_document(3)[0].speaker == "Ethan Gutmann"
    assert len(catalog.people.listing("gutmann")) == 1


def test_people_who_share_only_a_surname_stay_apart(catalog):
    catalog.documents.add(make_document(1, speaker="Huiqiong Liu"))
    catalog.documents.add(make_document(2, speaker="Jinato Liu", body="Another sentence"))
    names = sorted(p.name for p in catalog.people.listing("Liu"))
    assert names == ["Huiqiong Liu", "Jinato Liu"]


def test_a_typed_speaker_is_matched_by_the_same_rule_as_ingest(catalog):
    doc_id = catalog.documents.add(make_document(1, speaker="Ethan Gutmann"))
    quote = catalog.quotes.of_document(doc_id)[0]
    catalog.quotes.set_speaker(quote.id, "ETHAN GUTMANN", actor="ada")
    assert [p.name for p in catalog.people.listing("gutmann")] == ["Ethan Gutmann"]


def test_an_organisation_never_merges_with_a_person_of_the_same_name(catalog):
    person = catalog.people.match_or_create(PersonMention("Jordan Hall"))
    place = catalog.people.match_or_create(PersonMention("Jordan Hall", kind="organisation"))
    assert person != place
