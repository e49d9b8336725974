"""People curation: a quote's speaker fixed, two people merged, a wrongly merged one split."""

from __future__ import annotations

import pytest

from archive.catalog import Catalog, open_catalog
from archive.errors import InvalidValue, NotFound
from archive.model import PersonMention, Quote
from tests import catalog_file
from tests.librarian_support import make_document


@pytest.fixture
def catalog(catalog_location):
    catalog = open_catalog(catalog_location)
    yield catalog
    catalog.close()


def person_id(catalog: Catalog, name: str) -> int:
    return catalog_file.value(catalog, "SELECT id FROM people WHERE name = ?", (name,))


def quote_ids(catalog: Catalog, doc_id: int) -> list[int]:
    return [q.id for q in catalog.quotes.of_document(doc_id)]


def two_quote_document(n: int, first: str, second: str):
    doc = make_document(n, speaker=first)
    doc.people.append(PersonMention(second, aliases=[second.split()[-1]]))
    doc.quotes.append(Quote("A second remark,", 1, second, "added"))
    return doc


def test_fixing_a_speaker_moves_the_quote_and_the_documents_people(catalog):
    doc_id = catalog.documents.add(make_document(1, speaker="Ethan Gutmann"))
    [quote] = quote_ids(catalog, doc_id)
    assert catalog.quotes.set_speaker(quote, "David Kilgour", actor="ada") == [doc_id]
    doc = catalog.documents.get(doc_id)
    assert doc.quotes[0].speaker == "David Kilgour"
    assert [p.name for p in doc.people] == ["David Kilgour"]  # Gutmann no longer quoted here
    assert doc.passages[1].speakers == ["David Kilgour"]


def test_a_speaker_is_matched_to_the_existing_person_by_name(catalog):
    catalog.documents.add(make_document(1, speaker="David Kilgour"))
    second = catalog.documents.add(make_document(2, speaker="Ethan Gutmann"))
    catalog.quotes.set_speaker(quote_ids(catalog, second)[0], "David Kilgour", actor="ada")
    assert catalog.quotes.of_document(second)[0].speaker == "David Kilgour"
    assert len(catalog.people.listing("Kilgour")) == 1


def test_a_quote_can_be_attributed_to_nobody(catalog):
    doc_id = catalog.documents.add(make_document(1))
    catalog.quotes.set_speaker(quote_ids(catalog, doc_id)[0], "", actor="ada")
    assert catalog.quotes.of_document(doc_id)[0].speaker is None


def test_fixing_a_speaker_is_audited_with_before_and_after(catalog):
    doc_id = catalog.documents.add(make_document(1, speaker="Ethan Gutmann"))
    quote = quote_ids(catalog, doc_id)[0]
    catalog.quotes.set_speaker(quote, "David Kilgour", actor="ada")
    entry = catalog.audit.entries(limit=1)[0]
    assert (entry.actor, entry.action, entry.target) == (
        "ada",
        "quote-speaker",
        f"quote:{quote}",
    )
    assert entry.before["speaker"] == "Ethan Gutmann"
    assert entry.after["speaker"] == "David Kilgour"


def test_an_unknown_quote_or_person_is_not_found(catalog):
    doc_id = catalog.documents.add(make_document(1))
    with pytest.raises(NotFound):
        catalog.quotes.set_speaker(999, "X", actor="ada")
    with pytest.raises(NotFound):
        catalog.quotes.set_speaker(quote_ids(catalog, doc_id)[0], None, actor="ada", person_id=999)
    assert catalog.quotes.of_document(doc_id)[0].speaker == "Ethan Gutmann"


def test_merging_moves_aliases_quotes_and_documents(catalog):
    first = catalog.documents.add(make_document(1, speaker="Ethan Gutmann"))
    second = catalog.documents.add(make_document(2, speaker="E. Gutmann"))
    keep, other = person_id(catalog, "Ethan Gutmann"), person_id(catalog, "E. Gutmann")
    docs = catalog.people.merge(keep, other, actor="ada")
    assert docs == [first, second]
    assert catalog.quotes.of_document(second)[0].speaker == "Ethan Gutmann"
    assert "E. Gutmann" in catalog.people.aliases_of(keep)
    assert [p.name for p in catalog.documents.get(second).people] == ["Ethan Gutmann"]
    with pytest.raises(NotFound):
        catalog.people.get(other)
    entry = catalog.audit.entries(limit=1)[0]
    assert entry.action == "people-merge"
    assert entry.before["merged"]["name"] == "E. Gutmann"


def test_merging_a_person_with_themself_is_refused(catalog):
    catalog.documents.add(make_document(1))
    pid = person_id(catalog, "Ethan Gutmann")
    with pytest.raises(InvalidValue, match="two different"):
        catalog.people.merge(pid, pid, actor="ada")


def test_merging_people_who_share_a_document_keeps_one_link(catalog):
    doc_id = catalog.documents.add(two_quote_document(1, "Ethan Gutmann", "E. Gutmann"))
    catalog.people.merge(
        person_id(catalog, "Ethan Gutmann"), person_id(catalog, "E. Gutmann"), actor="ada"
    )
    assert [p.name for p in catalog.documents.get(doc_id).people] == ["Ethan Gutmann"]
    assert {q.speaker for q in catalog.quotes.of_document(doc_id)} == {"Ethan Gutmann"}


def test_splitting_moves_the_chosen_aliases_and_quotes_to_a_new_person(catalog):
    doc_id = catalog.documents.add(two_quote_document(1, "Liu Wei", "Jinato Liu"))
    liu_wei, jinato = person_id(catalog, "Liu Wei"), person_id(catalog, "Jinato Liu")
    catalog.people.merge(liu_wei, jinato, actor="ada")  # the wrong merge
    moved = [q.id for q in catalog.quotes.of_document(doc_id) if q.text == "A second remark,"]
    new_id, docs = catalog.people.split(
        liu_wei, aliases=["Jinato Liu"], quote_ids=moved, actor="ada"
    )
    assert docs == [doc_id]
    assert catalog.people.get(new_id).name == "Jinato Liu"
    assert "Jinato Liu" not in catalog.people.aliases_of(liu_wei)
    speakers = {q.text: q.speaker for q in catalog.quotes.of_document(doc_id)}
    assert speakers["A second remark,"] == "Jinato Liu"
    assert {p.name for p in catalog.documents.get(doc_id).people} == {"Liu Wei", "Jinato Liu"}
    assert catalog.audit.entries(limit=1)[0].action == "people-split"


@pytest.mark.parametrize(
    ("aliases", "quotes", "message"),
    [
        pytest.param([], [], "at least one", id="nothing-chosen"),
        pytest.param(["Ethan Gutmann"], [], "own name", id="own-name"),
        pytest.param(["Somebody Else"], [], "no alias", id="foreign-alias"),
        pytest.param([], [999], "not attributed", id="foreign-quote"),
    ],
)
def test_a_split_that_does_not_fit_changes_nothing(catalog, aliases, quotes, message):
    catalog.documents.add(make_document(1))
    pid = person_id(catalog, "Ethan Gutmann")
    before = catalog.audit.entries()
    with pytest.raises(InvalidValue, match=message):
        catalog.people.split(pid, aliases=aliases, quote_ids=quotes, actor="ada")
    assert catalog.audit.entries() == before
    assert catalog_file.value(catalog, "SELECT COUNT(*) FROM people") == 1


def test_documents_are_listed_newest_first_with_any_status(catalog):
    first = catalog.documents.add(make_document(1))
    second = catalog.documents.add(make_document(2))
    catalog.documents.withdraw(first, reason="duplicate", actor="ada")
    listed = catalog.documents.listing()
    assert [d.id for d in listed] == [second, first]
    assert listed[1].status == "withdrawn" and listed[1].title == "Document number 1"
    assert [d.id for d in catalog.documents.listing(status="withdrawn")] == [first]
