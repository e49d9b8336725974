"""Cost limits: what a query may stand for, the time budget, and the lanes that keep costly
searches from choking cheap ones."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from index import query as q
from index.engine import SearchEngine, open_engine
from index.lanes import Lanes, SearchBusy
from index.limits import (
    Deadline,
    Expansion,
    QueryTooCostly,
    SearchLimits,
    SearchTimedOut,
    account,
)
from index.options import EngineOptions
from index.parse import parse
from index.request import SearchRequest
from tests.archive_fixtures import Archive, Para, make_document


class Stats:
    """Term statistics made up for the test: every word in 10 passages, patterns expand to
    `words` words."""

    def __init__(self, words: int = 3) -> None:
        self.words = words

    def postings(self, leaf):
        return 10 * (len(leaf.words) if isinstance(leaf, q.Phrase) else 1)

    def expand(self, leaf, limit):
        found = [f"w{i}" for i in range(min(self.words, limit))]
        return Expansion(found, 10 * len(found), complete=self.words <= limit)


def test_account_counts_words_and_postings_and_names_the_costliest_part():
    cost = account(parse('harv* "organ trade" minister'), Stats(words=40), SearchLimits())
    assert cost.clauses == 40 + 2 + 1
    assert cost.postings == 400 + 20 + 10
    assert cost.describe_costliest() == "`harv*` (40 words in 400 passages)"


def test_a_pattern_standing_for_too_many_words_is_refused_before_running():
    with pytest.raises(QueryTooCostly, match="`co\\*` matches more than 100 different words"):
        account(parse("co*"), Stats(words=5000), SearchLimits(max_expansions=100))


def test_a_query_standing_for_too_many_words_in_all_is_refused_and_says_which_parts():
    limits = SearchLimits(max_expansions=600, max_clauses=1024)
    with pytest.raises(QueryTooCostly) as refused:
        account(parse("th* OR co*"), Stats(words=600), limits)
    assert refused.value.status == 400 and refused.value.kind == "query-too-costly"
    assert "1,200 words" in refused.value.message and "`th*` 600" in refused.value.message


def test_a_fuzzy_word_stands_for_its_closest_words_only():
    cost = account(parse("council~2"), Stats(words=500), SearchLimits())
    assert len(cost.expansions[q.Fuzzy("text", "council", 2)].words) == 50


def test_a_deadline_past_its_budget_stops_with_a_503_naming_the_culprit():
    deadline = Deadline(0.0, culprit=lambda: "`co*` (470 words in 131,720 passages)")
    time.sleep(0.001)
    with pytest.raises(SearchTimedOut) as stopped:
        deadline.check()
    assert stopped.value.status == 503 and stopped.value.kind == "search-timeout"
    assert "longer than 0 s" in stopped.value.message and "`co*`" in stopped.value.message


# -- through either engine ------------------------------------------------------------------


@pytest.fixture
def archive(tmp_path: Path, archive_mode) -> Archive:
    """In both modes (`archive_mode`): Whoosh's and PostgreSQL's engines keep the same limits."""
    archive = Archive(tmp_path / "data")
    words = ["council", "counsel", "country", "county", "courage", "course", "court"]
    archive.add(
        make_document("Words", [Para(f"The {w} met on Monday.") for w in words]),
        make_document("More", [Para("The councils and the counties agreed.")]),
    )
    return archive


def engine(archive: Archive, **limits) -> SearchEngine:
    options = EngineOptions(SearchLimits(**limits), cache_entries=0)
    return open_engine(archive.datadir, options, database=archive.catalog.db)


def test_the_engine_refuses_a_prefix_over_the_expansion_limit(archive):
    assert engine(archive).search(SearchRequest(q="cou*")).total == 8
    with pytest.raises(QueryTooCostly, match="`cou\\*` matches more than 3"):
        engine(archive, max_expansions=3).search(SearchRequest(q="cou*"))


def test_the_engine_refuses_a_query_over_the_clause_limit(archive):
    with pytest.raises(QueryTooCostly, match="stands for"):
        engine(archive, max_clauses=4).search(SearchRequest(q="cou* OR court"))


def test_the_engine_stops_a_search_at_its_time_budget(archive):
    with pytest.raises(SearchTimedOut):
        engine(archive, seconds=0.0).search(SearchRequest(q="council OR court"))


def test_fuzzy_words_find_their_neighbours_within_two_edits(archive):
    found = engine(archive).search(SearchRequest(q="councel~2", per_page=50))
    assert {"council", "counsel"} <= {h.text.split()[1] for h in found.hits}


# -- lanes -----------------------------------------------------------------------------------


def test_a_costly_search_gives_way_while_an_ordinary_one_runs():
    lanes = Lanes(costly_slots=1)
    ordinary_done = threading.Event()
    release = threading.Event()

    def ordinary() -> None:
        with lanes.run(Deadline(10), costly=False, what="x"):
            release.wait(5)
        ordinary_done.set()

    thread = threading.Thread(target=ordinary)
    thread.start()
    while not lanes.ordinary_running:
        time.sleep(0.001)
    costly = Deadline(10)
    with lanes.run(costly, costly=True, what="`co*`"):
        threading.Timer(0.1, release.set).start()
        started = time.monotonic()
        costly.check()  # sleeps until the ordinary search is done
        waited = time.monotonic() - started
    thread.join()
    assert ordinary_done.is_set() and waited >= 0.09


def test_a_costly_search_finding_every_slot_taken_is_busy_not_queued_for_ever():
    lanes = Lanes(costly_slots=1)
    with (
        lanes.run(Deadline(10), costly=True, what="a"),
        pytest.raises(SearchBusy) as busy,
        lanes.run(Deadline(0.05), costly=True, what="`b*`"),
    ):
        pass
    assert busy.value.status == 503 and "`b*` is costly too" in busy.value.message
    with lanes.run(Deadline(1), costly=True, what="c"):  # the slot is free again
        pass


def test_an_ordinary_search_waiting_is_not_demoted_but_one_working_long_gives_way(monkeypatch):
    from index import lanes as lanes_module

    monkeypatch.setattr(lanes_module, "DEMOTE_AFTER", 0.05)
    lanes = Lanes(costly_slots=1)
    waiting = Deadline(10)
    with lanes.run(waiting, costly=False, what="w"):
        time.sleep(0.1)  # as if other threads held the processor
        waiting.check()
        assert lanes.ordinary_running == 1
    deadline = Deadline(10)
    with lanes.run(deadline, costly=False, what="x"):
        assert lanes.ordinary_running == 1
        started = time.thread_time()
        while time.thread_time() - started < 0.06:  # work: demotion counts CPU time
            sum(range(1000))
        deadline.check()
        assert lanes.ordinary_running == 0
        # it took no costly slot: a costly search still finds one free
        with lanes.run(Deadline(0.01), costly=True, what="y"):
            pass
        # and from now on it waits while an ordinary search runs
        other = threading.Thread(target=hold_ordinary, args=(lanes, 0.1))
        other.start()
        while not lanes.ordinary_running:
            time.sleep(0.001)
        paused = time.monotonic()
        deadline.check()
        assert time.monotonic() - paused >= 0.05
        other.join()
    assert lanes.ordinary_running == 0


def hold_ordinary(lanes: Lanes, seconds: float) -> None:
    with lanes.run(Deadline(10), costly=False, what="o"):
        time.sleep(seconds)
