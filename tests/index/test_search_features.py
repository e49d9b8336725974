"""What issue 14 asked of search, through the engine: the operators people type, facets that
leave nothing out, "did you mean", the three orders, copies with their provenance, answers
kept per index generation."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.errors import ArchiveError
from index.request import SearchRequest
from tests.archive_fixtures import Archive, Para, make_document


@pytest.fixture
def archive(tmp_path: Path, archive_mode) -> Archive:
    """In both modes (`archive_mode`): the same answers from Whoosh and PostgreSQL."""
    archive = Archive(tmp_path / "data")
    archive.add(
        make_document(
            "Organ trade",
            [
                Para("Organ harvesting from prisoners was systematic, he said.", "Ethan Gutmann"),
                Para("Harvesting of wheat began early in the valley."),
                Para("The organ harvesting trade made hospitals rich, Mr Gutmann wrote."),
            ],
            outlet="Haaretz",
            published="2006-07-01",
        ),
        make_document(
            "Undated page",
            [Para("Harvesting rice by hand is slow work.")],
            outlet=None,
            published=None,
        ),
        make_document(
            "Old harvest",
            [Para("Harvesting machines arrived in 1950, farmers said.")],
            outlet="BBC News",
            published="2001-05-01",
        ),
        make_document(
            "Repost",
            [Para("Organ harvesting from prisoners was systematic, he said.", "Ethan Gutmann")],
            outlet="Haaretz",
            host="forum repost by striver44",
            published="2006-07-03",
        ),
    )
    return archive


def ask(archive: Archive, q: str = "", **options):
    return archive.engine.search(SearchRequest(q=q, **options))


def texts(result) -> list[str]:
    return [hit.text for hit in result.hits]


# -- the operators people type -----------------------------------------------------------


def test_a_minus_word_excludes_it_and_is_not_marked(archive):
    result = ask(archive, "harvesting -organ")
    assert result.total == 3
    assert not any("organ" in t.lower() for t in texts(result))
    assert all("<mark>organ" not in hit.highlight.lower() for hit in result.hits)


def test_a_minus_phrase_excludes_the_phrase_but_not_its_words_apart(archive):
    result = ask(archive, 'harvesting -"organ harvesting"')
    assert "organ harvesting" not in " ".join(texts(result)).lower()
    assert result.total == 3


def test_plus_word_requires_it_and_bare_words_are_and(archive):
    assert ask(archive, "+organ harvesting").total == ask(archive, "organ harvesting").total == 2
    assert ask(archive, "harvesting OR wheat").total == 5


def test_an_or_query_counts_every_hit_whatever_the_order(archive):
    relevance = ask(archive, "wheat OR rice OR machines OR prisoners")
    newest = ask(archive, "wheat OR rice OR machines OR prisoners", sort="newest")
    assert relevance.total == newest.total == 4


@pytest.mark.parametrize("q", [">100,000", "<5", "<b>organ</b>", "> organ", "organ <", "<<>>"])
def test_angle_brackets_are_words_or_a_clear_refusal(archive, q):
    try:
        ask(archive, q)
    except ArchiveError as error:
        assert error.status == 400 and error.message


# -- orders ------------------------------------------------------------------------------


def test_newest_and_oldest_first_put_undated_passages_last(archive):
    newest = [h.provenance["published"] for h in ask(archive, "harvesting", sort="newest").hits]
    oldest = [h.provenance["published"] for h in ask(archive, "harvesting", sort="oldest").hits]
    # the passage reposted on 07-03 stands for its copies in newest order, the original in oldest
    assert newest == ["2006-07-03", "2006-07-01", "2006-07-01", "2001-05-01", None]
    assert oldest == ["2001-05-01", "2006-07-01", "2006-07-01", "2006-07-01", None]
    assert [h.passage_id for h in ask(archive, "harvesting", sort="date").hits] == [
        h.passage_id for h in ask(archive, "harvesting", sort="newest").hits
    ]


# -- facets ------------------------------------------------------------------------------


def facet(result, name: str) -> dict:
    return {(v.value, v.missing): (v.count, v.selected) for v in result.facets[name]}


def test_undated_and_unknown_outlet_passages_have_their_buckets(archive):
    result = ask(archive, "harvesting")
    assert facet(result, "year")[(None, True)] == (1, False)
    assert facet(result, "outlet")[(None, True)] == (1, False)
    assert sum(count for count, _ in facet(result, "year").values()) == result.total


def test_the_undated_and_unknown_outlet_filters_find_those_passages(archive):
    assert texts(ask(archive, "harvesting", undated=True)) == [
        "Harvesting rice by hand is slow work."
    ]
    assert ask(archive, "", unknown_outlet=True).total == 1
    with pytest.raises(ArchiveError, match="not both"):
        ask(archive, "harvesting", undated=True, date_from="2005")


def test_the_filter_in_force_is_marked_and_kept_when_it_finds_nothing(archive):
    result = ask(archive, "harvesting", outlet="haaretz")
    assert facet(result, "outlet")[("Haaretz", False)] == (3, True)  # the repost counts once
    assert facet(ask(archive, "harvesting", date_from="2001", date_to="2001"), "year")[
        ("2001", False)
    ] == (1, True)
    nothing = ask(archive, "wheat", outlet="BBC News")
    assert nothing.total == 0
    assert facet(nothing, "outlet") == {("BBC News", False): (0, True)}
    assert facet(ask(archive, "rice", undated=True), "year")[(None, True)] == (1, True)


def test_a_zero_hit_query_has_no_facets_and_suggests_the_known_word(archive):
    result = ask(archive, "Gutman")
    assert result.total == 0 and not result.has_facets
    assert result.suggestion is not None
    assert result.suggestion.q == "gutmann"
    assert result.suggestion.total == 1


def test_a_word_close_to_a_common_word_is_never_offered_the_common_word(archive):
    result = ask(archive, "thee")  # `the` is one edit away, in every passage, and unsearched
    assert result.total == 0
    assert result.suggestion is None or result.suggestion.q.casefold() != "the"


def test_suggestions_keep_the_rest_of_the_query(archive):
    suggestion = ask(archive, 'harvestng -wheat person:"Ethan Gutmann"').suggestion
    assert suggestion is not None and suggestion.q == 'harvesting -wheat person:"Ethan Gutmann"'
    assert ask(archive, "harvesting").suggestion is None  # found plenty: nothing to suggest


# -- copies --------------------------------------------------------------------------------


def test_a_repeated_passage_lists_each_copy_with_its_provenance(archive):
    [hit] = ask(archive, "systematic").hits
    assert hit.copies_total == 1
    [copy] = hit.copies
    other = {hit.doc_id, copy.doc_id}
    assert len(other) == 2 and hit.also_in == [copy.doc_id]
    assert copy.outlet == "Haaretz" and copy.published in ("2006-07-01", "2006-07-03")
    assert copy.title in ("Organ trade", "Repost")


def test_the_engine_gives_every_copy_of_a_passage_earliest_first(archive):
    [hit] = ask(archive, "systematic").hits
    copies = archive.engine.copies(hit.passage_id)
    assert [c.published for c in copies] == ["2006-07-01", "2006-07-03"]
    assert copies[1].host == "forum repost by striver44"
    assert archive.engine.copies("999-p1") == []
    assert archive.engine.passage(hit.passage_id).text == hit.text


def test_snippets_cut_long_passages_around_the_match(tmp_path):
    archive = Archive(tmp_path / "data")
    filler = "The committee met again and discussed the budget at length. " * 20
    archive.add(make_document("Long", [Para(filler + "Then the dam burst. " + filler)]))
    [hit] = ask(archive, "dam").hits
    assert "<mark>dam</mark>" in hit.snippet and "<mark>dam</mark>" in hit.highlight
    assert len(hit.snippet) < 400 < len(hit.highlight)
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")


# -- answers kept per index generation -----------------------------------------------------


def test_a_repeated_search_is_answered_from_the_cache_until_the_index_changes(
    archive, archive_mode
):
    if archive_mode.server:
        pytest.skip(
            "server mode keeps no answer cache: a process cannot see when another host "
            "changed the search tables (docs/scaling.md)"
        )
    first = ask(archive, "harvesting")
    assert ask(archive, "harvesting") is first
    archive.add(make_document("New", [Para("Harvesting grapes in autumn.")]))
    again = ask(archive, "harvesting")
    assert again is not first and again.total == first.total + 1
