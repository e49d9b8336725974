"""People curation: a quote's speaker fixed, two people merged, a wrongly merged one split."""

from __future__ import annotations

import pytest

from archive import curation
from archive.errors import InvalidValue, NotFound
from archive.model import PersonMention, Quote
from archive.store import Store
from tests.librarian_support import make_document


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "catalog.sqlite3")
    yield store
    store.close()


def person_id(store: Store, name: str) -> int:
    return store.conn.execute("SELECT id FROM people WHERE name = ?", (name,)).fetchone()[0]


def quote_ids(store: Store, doc_id: int) -> list[int]:
    return [q.id for q in store.quotes_of(doc_id)]


def two_quote_document(n: int, first: str, second: str):
    doc = make_document(n, speaker=first)
    doc.people.append(PersonMention(second, aliases=[second.split()[-1]]))
    doc.quotes.append(Quote("A second remark,", 1, second, "added"))
    return doc


def test_fixing_a_speaker_moves_the_quote_and_the_documents_people(store):
    doc_id = store.add_document(make_document(1, speaker="Ethan Gutmann"))
    [quote] = quote_ids(store, doc_id)
    assert curation.set_quote_speaker(store, quote, "David Kilgour", actor="ada") == [doc_id]
    doc = store.get_document(doc_id)
    assert doc.quotes[0].speaker == "David Kilgour"
    assert [p.name for p in doc.people] == ["David Kilgour"]  # Gutmann no longer quoted here
    assert doc.passages[1].speakers == ["David Kilgour"]


def test_a_speaker_is_matched_to_the_existing_person_by_name(store):
    store.add_document(make_document(1, speaker="David Kilgour"))
    second = store.add_document(make_document(2, speaker="Ethan Gutmann"))
    curation.set_quote_speaker(store, quote_ids(store, second)[0], "David Kilgour", actor="ada")
    assert store.quotes_of(second)[0].speaker == "David Kilgour"
    assert len(curation.list_people(store, "Kilgour")) == 1


def test_a_quote_can_be_attributed_to_nobody(store):
    doc_id = store.add_document(make_document(1))
    curation.set_quote_speaker(store, quote_ids(store, doc_id)[0], "", actor="ada")
    assert store.quotes_of(doc_id)[0].speaker is None


def test_fixing_a_speaker_is_audited_with_before_and_after(store):
    doc_id = store.add_document(make_document(1, speaker="Ethan Gutmann"))
    quote = quote_ids(store, doc_id)[0]
    curation.set_quote_speaker(store, quote, "David Kilgour", actor="ada")
    entry = store.audit_log(limit=1)[0]
    assert (entry["actor"], entry["action"], entry["target"]) == (
        "ada",
        "quote-speaker",
        f"quote:{quote}",
    )
    assert entry["before"]["speaker"] == "Ethan Gutmann"
    assert entry["after"]["speaker"] == "David Kilgour"


def test_an_unknown_quote_or_person_is_not_found(store):
    doc_id = store.add_document(make_document(1))
    with pytest.raises(NotFound):
        curation.set_quote_speaker(store, 999, "X", actor="ada")
    with pytest.raises(NotFound):
        curation.set_quote_speaker(
            store, quote_ids(store, doc_id)[0], None, actor="ada", person_id=999
        )
    assert store.quotes_of(doc_id)[0].speaker == "Ethan Gutmann"


def test_merging_moves_aliases_quotes_and_documents(store):
    first = store.add_document(make_document(1, speaker="Ethan Gutmann"))
    second = store.add_document(make_document(2, speaker="E. Gutmann"))
    keep, other = person_id(store, "Ethan Gutmann"), person_id(store, "E. Gutmann")
    docs = curation.merge_people(store, keep, other, actor="ada")
    assert docs == [first, second]
    assert store.quotes_of(second)[0].speaker == "Ethan Gutmann"
    assert "E. Gutmann" in store.aliases_of(keep)
    assert [p.name for p in store.get_document(second).people] == ["Ethan Gutmann"]
    with pytest.raises(NotFound):
        curation.get_person(store, other)
    entry = store.audit_log(limit=1)[0]
    assert entry["action"] == "people-merge"
    assert entry["before"]["merged"]["name"] == "E. Gutmann"


def test_merging_a_person_with_themself_is_refused(store):
    store.add_document(make_document(1))
    pid = person_id(store, "Ethan Gutmann")
    with pytest.raises(InvalidValue, match="two different"):
        curation.merge_people(store, pid, pid, actor="ada")


def test_merging_people_who_share_a_document_keeps_one_link(store):
    doc_id = store.add_document(two_quote_document(1, "Ethan Gutmann", "E. Gutmann"))
    curation.merge_people(
        store, person_id(store, "Ethan Gutmann"), person_id(store, "E. Gutmann"), actor="ada"
    )
    assert [p.name for p in store.get_document(doc_id).people] == ["Ethan Gutmann"]
    assert {q.speaker for q in store.quotes_of(doc_id)} == {"Ethan Gutmann"}


def test_splitting_moves_the_chosen_aliases_and_quotes_to_a_new_person(store):
    doc_id = store.add_document(two_quote_document(1, "Liu Wei", "Jinato Liu"))
    liu_wei, jinato = person_id(store, "Liu Wei"), person_id(store, "Jinato Liu")
    curation.merge_people(store, liu_wei, jinato, actor="ada")  # the wrong merge
    moved = [q.id for q in store.quotes_of(doc_id) if q.text == "A second remark,"]
    new_id, docs = curation.split_person(
        store, liu_wei, aliases=["Jinato Liu"], quote_ids=moved, actor="ada"
    )
    assert docs == [doc_id]
    assert curation.get_person(store, new_id).name == "Jinato Liu"
    assert "Jinato Liu" not in store.aliases_of(liu_wei)
    speakers = {q.text: q.speaker for q in store.quotes_of(doc_id)}
    assert speakers["A second remark,"] == "Jinato Liu"
    assert {p.name for p in store.get_document(doc_id).people} == {"Liu Wei", "Jinato Liu"}
    assert store.audit_log(limit=1)[0]["action"] == "people-split"


@pytest.mark.parametrize(
    ("aliases", "quotes", "message"),
    [
        pytest.param([], [], "at least one", id="nothing-chosen"),
        pytest.param(["Ethan Gutmann"], [], "own name", id="own-name"),
        pytest.param(["Somebody Else"], [], "no alias", id="foreign-alias"),
        pytest.param([], [999], "not attributed", id="foreign-quote"),
    ],
)
def test_a_split_that_does_not_fit_changes_nothing(store, aliases, quotes, message):
    store.add_document(make_document(1))
    pid = person_id(store, "Ethan Gutmann")
    before = store.audit_log()
    with pytest.raises(InvalidValue, match=message):
        curation.split_person(store, pid, aliases=aliases, quote_ids=quotes, actor="ada")
    assert store.audit_log() == before
    assert store.conn.execute("SELECT COUNT(*) FROM people").fetchone()[0] == 1


def test_documents_are_listed_newest_first_with_any_status(store):
    first = store.add_document(make_document(1))
    second = store.add_document(make_document(2))
    store.withdraw(first, reason="duplicate", actor="ada")
    listed = curation.list_documents(store)
    assert [d["id"] for d in listed] == [second, first]
    assert listed[1]["status"] == "withdrawn" and listed[1]["title"] == "Document number 1"
    assert [d["id"] for d in curation.list_documents(store, status="withdrawn")] == [first]
