"""A passage's travel: copies earliest first, the original and the reposts marked."""

from __future__ import annotations

from index.results import Copy
from index.travel import ORIGINAL, REPOST, UNDATED, timeline


def copy(doc: int, published: str | None, host: str | None = None) -> Copy:
    return Copy(doc, f"{doc}-p1", 1, "Haaretz", host, published, f"Title {doc}")


def test_the_earliest_dated_copy_is_the_original_and_undated_ones_come_last():
    stops = timeline([copy(3, None), copy(2, "2020-12-05", "forum"), copy(1, "2020-12-04")])
    assert [(s.copy.doc_id, s.role) for s in stops] == [(1, ORIGINAL), (2, REPOST), (3, UNDATED)]


def test_on_the_same_day_the_outlets_own_copy_comes_before_a_repost():
    stops = timeline([copy(1, "2020-12-04", "forum"), copy(2, "2020-12-04")])
    assert [(s.copy.doc_id, s.role) for s in stops] == [(2, ORIGINAL), (1, REPOST)]


def test_a_year_counts_from_its_first_day():
    stops = timeline([copy(1, "2020-03-01"), copy(2, "2020")])
    assert [s.copy.doc_id for s in stops] == [2, 1]


def test_with_no_dated_copy_none_is_called_the_original():
    assert {s.role for s in timeline([copy(1, None), copy(2, None)])} == {UNDATED}
