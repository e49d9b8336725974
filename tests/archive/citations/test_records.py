"""Citation records: built from stored fields only, keyed, merged, with the quoted person."""

from __future__ import annotations

import re

import pytest

from archive.citations import examples
from archive.citations.keys import citation_key
from archive.citations.record import merge_records, parse_author, record_for
from archive.citations.styles import cite_prefix
from archive.errors import ArchiveError
from archive.model import Document, Original, PartialDate, Quote


def _record(document: Document, passages=(), added: str = examples.ADDED):
    return record_for(document, passages=passages, base_url=examples.BASE_URL, added=added)


def test_seed_keys_match_the_worked_examples():
    assert _record(examples.haaretz()).key == "haaretz_2020_chinas_093b89"
    assert _record(examples.opindia()).key == "opindiastaff_nd_chinas_e131ac"


def test_haaretz_is_dated_4_december_2020_with_no_author():
    record = _record(examples.haaretz())
    assert record.authors == ()
    assert record.outlet == "Haaretz"
    assert record.published == PartialDate(2020, 12, 4)
    assert record.title == examples.HAARETZ_TITLE
    assert record.repost_note == "Forum repost by striver44"


def test_opindia_staff_is_a_corporate_author_at_opindia_with_no_date():
    record = _record(examples.opindia())
    assert [(a.name, a.is_corporate) for a in record.authors] == [("OpIndia Staff", True)]
    assert record.outlet == "OpIndia"
    assert record.published is None


def test_access_date_is_the_capture_date_else_the_day_added():
    assert _record(examples.opindia()).accessed == "2024-04-24"
    assert _record(examples.haaretz(), added="2024-05-01T09:30:00+00:00").accessed == "2024-05-01"


def test_a_bad_added_date_is_an_archive_error():
    with pytest.raises(ArchiveError, match="access date"):
        _record(examples.haaretz(), added="yesterday")


def test_a_single_passage_permalink_points_at_its_paragraph_and_quoted_person():
    doc = examples.haaretz()
    record = _record(doc, passages=[doc.passages[1]])
    assert record.permalink == f"{examples.BASE_URL}/documents/1#p12"
    assert record.quoted_people == ["Ethan Gutmann"]
    assert record.locator == "12"


def test_speakers_fall_back_to_the_passage_quotes():
    doc = examples.haaretz()
    doc.passages[1].speakers = []
    assert _record(doc, passages=[doc.passages[1]]).quoted_people == ["Ethan Gutmann"]


def test_passages_of_one_article_merge_into_one_record():
    doc = examples.haaretz()
    first, second = (_record(doc, passages=[p]) for p in doc.passages[1:])
    merged = merge_records([second, _record(examples.opindia()), first, second])
    assert [r.key for r in merged] == [
        "haaretz_2020_chinas_093b89",
        "opindiastaff_nd_chinas_e131ac",
    ]
    assert [p.n for p in merged[0].passages] == [12, 13]
    assert merged[0].permalink == f"{examples.BASE_URL}/documents/1"


def test_a_withdrawn_document_cannot_be_cited():
    doc = examples.haaretz()
    doc.status = "withdrawn"
    with pytest.raises(ArchiveError, match="withdrawn"):
        _record(doc)


def test_nothing_is_invented_for_a_document_with_only_a_title():
    doc = Document(Original("x.txt", "f" * 64, "text", 1), id=9)
    doc.set("title", "Untitled? No: titled", "librarian")
    record = _record(doc)
    assert (record.outlet, record.authors, record.published, record.url) == (None, (), None, None)
    assert record.key == "anon_nd_untitled_ffffff"


@pytest.mark.parametrize(
    ("name", "family", "given"),
    [
        pytest.param("Ethan Gutmann", "Gutmann", "Ethan", id="given-family"),
        pytest.param("Ludwig van Beethoven", "van Beethoven", "Ludwig", id="particle"),
        pytest.param("Gutmann, Ethan", "Gutmann", "Ethan", id="family-comma-given"),
        pytest.param("OpIndia Staff", None, None, id="staff-is-corporate"),
        pytest.param("Reuters", None, None, id="one-word-is-corporate"),
        pytest.param("BBC News Desk", None, None, id="desk-is-corporate"),
    ],
)
def test_byline_names_split_into_family_and_given_or_stay_whole(name, family, given):
    author = parse_author(name)
    assert (author.family, author.given) == (family, given)


@pytest.mark.parametrize(
    "title", ["{braces}", "中国新闻", "שלום", "Émile's Café", "", "% & # _ $ ~ ^ \\"]
)
def test_keys_use_only_safe_characters(title):
    key = citation_key("Le Monde & Co", PartialDate(1999), title, "AB12cd" + "0" * 58)
    assert re.fullmatch(r"[a-z0-9_]+", key)
    assert key.startswith("lemondeco_1999_") and key.endswith("_ab12cd")


def test_the_quoted_person_goes_in_the_in_text_prefix_per_style():
    doc = examples.haaretz()
    record = _record(doc, passages=[doc.passages[1]])
    prefixes = {s: cite_prefix(record, s) for s in ("apa", "mla", "chicago-note")}
    assert prefixes == {
        "apa": "Gutmann, as cited in",
        "mla": "qtd. in",
        "chicago-note": "Ethan Gutmann, quoted in",
    }
    assert cite_prefix(_record(examples.opindia()), "apa") is None


def _quoting(*speakers: tuple[str, str | None], authors=()) -> Document:
    """The Haaretz seed with ¶12 quoting `speakers` ((name, kind) pairs) and a byline."""
    doc = examples.haaretz()
    doc.passages[1].speakers = []
    doc.quotes = [
        Quote(f"words {i}", 12, name, "said", speaker_kind=kind, verified=True)
        for i, (name, kind) in enumerate(speakers)
    ]
    if authors:
        doc.set("authors", list(authors), "byline")
    return doc


@pytest.mark.parametrize(
    ("speaker", "kind", "apa", "chicago"),
    [
        pytest.param("Xi Jinping", "person", "Xi, as cited in", "Xi Jinping, quoted in", id="cjk"),
        pytest.param(
            "Chinese Embassy in Israel",
            "organisation",
            "Chinese Embassy in Israel, as cited in",
            "Chinese Embassy in Israel, quoted in",
            id="organisation-whole",
        ),
        pytest.param(
            "Zoë Ó Briain",
            "person",
            "Ó Briain, as cited in",
            "Zoë Ó Briain, quoted in",
            id="gaelic",
        ),
        pytest.param(
            "Shadow Secretary of State for the Family",
            None,
            "Shadow Secretary of State for the Family, as cited in",
            "Shadow Secretary of State for the Family, quoted in",
            id="role-phrase-whole",
        ),
    ],
)
def test_the_prefix_names_the_family_name_or_the_whole_organisation(speaker, kind, apa, chicago):
    doc = _quoting((speaker, kind))
    record = _record(doc, passages=[doc.passages[1]])
    assert cite_prefix(record, "apa") == apa
    assert cite_prefix(record, "chicago-note") == chicago


def test_the_author_of_the_article_is_not_cited_as_quoted_in_it():
    doc = _quoting(("Zoë Ó Briain", "person"), authors=["Zoë Ó Briain"])
    record = _record(doc, passages=[doc.passages[1]])
    assert record.quoted_people == []
    assert cite_prefix(record, "apa") is None


@pytest.mark.parametrize(
    ("byline", "key_start", "family", "braced"),
    [
        pytest.param("习近平", "xi_2020_", "习", False, id="cjk-script"),
        pytest.param("Zoë Ó Briain", "obriain_2020_", "Ó Briain", True, id="gaelic"),
        pytest.param("Omar al-Rashid", "alrashid_2020_", "al-Rashid", True, id="al-"),
    ],
)
def test_bylines_give_keys_and_family_names_from_the_name_parser(byline, key_start, family, braced):
    doc = examples.haaretz()
    doc.set("authors", [byline], "byline")
    record = _record(doc)
    assert record.key.startswith(key_start)
    assert (record.authors[0].family, record.authors[0].family_braced) == (family, braced)


def test_the_link_is_the_original_url_else_the_permalink_to_the_passage():
    doc = examples.bbc()
    doc.fields.pop("url")
    record = _record(doc, passages=doc.passages)
    assert record.url is None
    assert record.link == f"{examples.BASE_URL}/documents/3#p4"
    assert _record(examples.opindia()).link.startswith("https://www.opindia.com/")
