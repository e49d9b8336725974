"""The index on hand-made documents: query language, filters, facets, collapsing, escaping."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.errors import ArchiveError
from index.request import SearchRequest
from index.whoosh.searching import search
from tests.archive_fixtures import Archive, Para, make_document


@pytest.fixture
def archive(tmp_path: Path, archive_mode) -> Archive:
    archive = Archive(tmp_path / "data")
    archive.add(
        make_document(
            "China harvests organs from prisoners",
            [
                Para("Organs were harvested from political prisoners, he said.", "Ethan Gutmann"),
                Para("The State of the Union address mentioned it.", "George Bush"),
                Para("A nurse at the hospital <script>alert('x')</script> spoke.", None),
                Para("Photo: a hospital in Beijing", kind="caption"),
                Para("First! Great article about harvesting", kind="comment"),
            ],
            outlet="Haaretz",
            published="2005-03-01",
            roles={"Ethan Gutmann": "an independent researcher"},
        ),
        make_document(
            "Budget day",
            [
                Para("The harvest was poor this year, the minister said.", "Gordon Brown"),
                Para("Mr Gutmann disagreed about the budget.", "Ethan Gutmann"),
            ],
            outlet="BBC News",
            published="2004-11-20",
        ),
        make_document(
            "Year-only article",
            [Para("Farmers expect a better harvest next year.", "Gordon Brown")],
            outlet="BBC News",
            published="2006",
        ),
    )
    return archive


def ask(archive: Archive, q: str = "", **options) -> dict:
    return archive.engine.search(SearchRequest(q=q, **options)).to_json()


def texts(result: dict) -> list[str]:
    return [hit["text"] for hit in result["hits"]]


def test_stemming_finds_other_forms_of_a_word(archive):
    found = texts(ask(archive, "harvest"))
    assert any("were harvested" in t for t in found)
    assert any("harvest was poor" in t for t in found)


def test_phrase_matches_words_in_order_only(archive):
    assert texts(ask(archive, '"political prisoners"')) == [
        "Organs were harvested from political prisoners, he said."
    ]
    assert ask(archive, '"prisoners political"')["total"] == 0


def test_phrase_with_stop_words_still_matches(archive):
    assert ask(archive, '"state of the union"')["total"] == 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param("harvest AND minister", 1, id="and"),
        pytest.param("prisoners OR farmers", 2, id="or"),
        pytest.param("harvest NOT minister", 2, id="not"),
        pytest.param("harv*", 3, id="wildcard"),
        pytest.param("harvst~", 3, id="fuzzy"),
        pytest.param("person:gutmann", 2, id="person-field"),
        pytest.param("outlet:haaretz harvest", 1, id="outlet-field"),
        pytest.param("title:budget", 2, id="title-field"),
        pytest.param("date:2005 harvest", 1, id="date-field"),
        pytest.param("date:[2005 to 2006] harvest", 2, id="date-range-query"),
        pytest.param("speaker:brown", 2, id="alias"),
    ],
)
def test_query_language(archive, query, expected):
    assert ask(archive, query)["total"] == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param('"organs harvested"', 0, id="phrase-needs-adjacent-words"),
        pytest.param('"organs harvested"~1', 1, id="phrase-with-one-word-between"),
        pytest.param("ha?vest*", 3, id="wildcard-inside-a-word"),
        pytest.param("harvst~2", 3, id="fuzzy-two-edits"),
        pytest.param("title:budg*", 2, id="prefix-in-a-field"),
        pytest.param('person:"ethan gutmann"', 2, id="phrase-in-a-name-field"),
        pytest.param("outlet:(bbc OR haaretz) harvest", 3, id="group-in-a-field"),
        pytest.param("harvest -(minister OR farmers)", 1, id="excluded-group"),
        pytest.param("harvest^2 prisoners", 1, id="boost-changes-no-match"),
        pytest.param("date:>=2005 harvest", 2, id="open-date-comparison"),
    ],
)
def test_the_query_language_means_the_same_in_both_engines(archive, query, expected):
    assert ask(archive, query)["total"] == expected


def test_a_prefix_marks_every_word_it_matched(archive):
    hit = ask(archive, "harv* minister")["hits"][0]
    assert "<mark>harvest</mark>" in hit["highlight"]
    assert "<mark>minister</mark>" in hit["highlight"]
    assert "<mark>poor</mark>" not in hit["highlight"]


def test_words_in_the_title_match_but_are_not_marked_in_the_text(archive):
    hit = ask(archive, "title:budget harvest")["hits"][0]
    assert hit["highlight"] == "The <mark>harvest</mark> was poor this year, the minister said."


def test_person_filter_takes_an_exact_name_or_its_words(archive):
    exact = ask(archive, "", person="Ethan Gutmann")
    assert exact["total"] == 2
    assert all(hit["speakers"] == ["Ethan Gutmann"] for hit in exact["hits"])
    assert ask(archive, "", person="ethan gutmann")["total"] == 2
    assert ask(archive, "", person="gutmann")["total"] == 2
    assert ask(archive, "harvest", person="Gordon Brown")["total"] == 2


def test_empty_query_with_a_filter_lists_passages_newest_first(archive):
    result = ask(archive, "", person="Gordon Brown")
    assert [hit["provenance"]["published"] for hit in result["hits"]] == ["2006", "2004-11-20"]


def test_outlet_filter_and_facet_counts(archive):
    result = ask(archive, "harvest")
    assert {f["value"]: f["count"] for f in result["facets"]["outlet"]} == {
        "BBC News": 2,
        "Haaretz": 1,
    }
    assert ask(archive, "harvest", outlet="BBC News")["total"] == 2
    assert ask(archive, "harvest", outlet="bbc")["total"] == 2


def test_person_and_year_facets(archive):
    result = ask(archive, "harvest")
    people = {f["value"]: f["count"] for f in result["facets"]["person"]}
    assert people == {"Gordon Brown": 2, "Ethan Gutmann": 1}
    assert [f["value"] for f in result["facets"]["year"]] == ["2006", "2005", "2004"]


@pytest.mark.parametrize(
    ("date_from", "date_to", "expected"),
    [
        pytest.param("2005-01-01", "2005-12-31", 1, id="days"),
        pytest.param("2004", "2005", 2, id="years"),
        pytest.param("2004-11", "2004-11", 1, id="month"),
        pytest.param("2006", None, 1, id="open-end"),
        pytest.param(None, "2004-12", 1, id="open-start"),
    ],
)
def test_date_range_filter(archive, date_from, date_to, expected):
    assert ask(archive, "harvest", date_from=date_from, date_to=date_to)["total"] == expected


def test_sort_by_date_puts_newest_first(archive):
    result = ask(archive, "harvest", sort="date")
    dates = [hit["provenance"]["published"] for hit in result["hits"]]
    assert dates == ["2006", "2005-03-01", "2004-11-20"]


def test_captions_and_comments_only_when_asked_for(archive):
    assert ask(archive, "hospital")["total"] == 1
    assert ask(archive, "hospital", kinds=("body", "caption"))["total"] == 2
    assert ask(archive, "great article", kinds=("comment",))["hits"][0]["kind"] == "comment"


def test_repeated_passage_is_one_hit_listing_its_other_documents(archive):
    original = make_document(
        "Syndicated story",
        [Para("The dam will flood twelve villages, engineers warned."), "Only here."],
        outlet="Reuters",
    )
    copy = make_document(
        "Syndicated story (repost)",
        [Para("The dam will flood twelve  villages, engineers WARNED!"), "A reader's note."],
        outlet="Reuters",
        host="forum.example",
    )
    first, second = archive.add(original, copy)
    result = ask(archive, "dam villages")
    assert result["total"] == 1
    hit = result["hits"][0]
    assert {hit["doc_id"], *hit["also_in"]} == {first, second}
    assert hit["doc_id"] not in hit["also_in"]


def test_highlight_escapes_the_text_before_marking(archive):
    hit = ask(archive, "nurse")["hits"][0]
    assert "<script>" not in hit["highlight"]
    assert "&lt;script&gt;" in hit["highlight"]
    assert "<mark>nurse</mark>" in hit["highlight"]
    assert hit["text"].count("<script>") == 1


def test_hit_carries_provenance(archive):
    hit = ask(archive, '"political prisoners"')["hits"][0]
    assert hit["provenance"] == {
        "outlet": "Haaretz",
        "host": None,
        "published": "2005-03-01",
        "title": "China harvests organs from prisoners",
        "authors": [],
        "url": None,
    }
    assert hit["passage_id"] == f"{hit['doc_id']}-p1"
    assert hit["speakers"] == ["Ethan Gutmann"]


def test_pages_split_the_hits(archive):
    first = ask(archive, "harvest", per_page=2)
    second = ask(archive, "harvest", per_page=2, page=2)
    assert first["total"] == second["total"] == 3
    assert len(first["hits"]) == 2 and len(second["hits"]) == 1
    assert not set(texts(first)) & set(texts(second))
    assert ask(archive, "harvest", per_page=2, page=50)["hits"] == []


@pytest.mark.parametrize(
    ("query", "options", "message"),
    [
        pytest.param("", {}, "type something", id="empty"),
        pytest.param("organ AND", {}, "AND needs", id="dangling-and"),
        pytest.param("OR organ", {}, "OR needs", id="leading-or"),
        pytest.param("(organ", {}, "not closed", id="open-paren"),
        pytest.param("organ)", {}, "no matching", id="close-paren"),
        pytest.param('"organ harvest', {}, "quotation mark", id="open-quote"),
        pytest.param("foo:bar", {}, "unknown field", id="unknown-field"),
        pytest.param("title: organ", {}, "needs a value", id="empty-field"),
        pytest.param("date:someday", {}, "cannot read", id="bad-date-query"),
        pytest.param("the of", {}, "nothing to search", id="stop-words"),
        pytest.param("*", {}, "lone *", id="lone-star"),
        pytest.param("a*", {}, "wildcard", id="short-wildcard"),
        pytest.param("organ", {"page": 0}, "page", id="page-zero"),
        pytest.param("organ", {"page": 10**9}, "page", id="page-absurd"),
        pytest.param("organ", {"per_page": 1000}, "per_page", id="per-page"),
        pytest.param("organ", {"sort": "random"}, "sort", id="sort"),
        pytest.param("organ", {"kinds": ("ads",)}, "kinds", id="kinds"),
        pytest.param("organ", {"date_from": "2005-13-01"}, "not a date", id="bad-month"),
        pytest.param("organ", {"date_from": "2005-02-30"}, "calendar", id="bad-day"),
        pytest.param("organ", {"date_from": "yesterday"}, "not a date", id="words-date"),
        pytest.param("organ", {"date_from": "2006", "date_to": "2005"}, "wrong way", id="order"),
    ],
)
def test_bad_requests_say_what_to_fix(archive, query, options, message):
    with pytest.raises(ArchiveError) as caught:
        ask(archive, query, **options)
    assert message in caught.value.message
    assert caught.value.status == 400


def test_request_from_query_string_arguments():
    wanted = SearchRequest.from_args(
        {"q": " organ ", "from": "2005", "page": "2", "kinds": "body,caption"}
    )
    assert (wanted.q, wanted.date_from, wanted.page) == ("organ", "2005", 2)
    assert wanted.kinds == ("body", "caption")
    with pytest.raises(ArchiveError, match="page"):
        SearchRequest.from_args({"q": "x", "page": "two"})


def test_search_without_an_index_finds_nothing(tmp_path):
    assert search(tmp_path / "none", SearchRequest(q="organ")).total == 0


def test_not_excludes_even_when_an_earlier_passage_matched_the_excluded_word(
    tmp_path, archive_mode
):
    archive = Archive(tmp_path / "data")
    archive.add(
        make_document(
            "Budget",
            [
                "The minister spoke.",
                "The harvest failed, says the minister.",
                "The harvest was good.",
            ],
        )
    )
    assert texts(ask(archive, "harvest NOT minister")) == ["The harvest was good."]
    assert ask(archive, "failed", kinds=("caption",))["total"] == 0
