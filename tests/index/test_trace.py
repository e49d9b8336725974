"""Tracing a quotation: words compared as circulated, similarity in a window, the engine's
candidates scored and ordered earliest first."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.errors import ArchiveError
from index.trace import similarity, trace, words_of
from tests.archive_fixtures import Archive, Para, make_document

QUOTE = (
    "We found that organs were taken from prisoners of conscience on a significant scale "
    "for many years"
)


def test_words_ignore_case_accents_punctuation_and_quote_marks():
    assert words_of("“Don’t… GO,” she said — café!") == ["don't", "go", "she", "said", "cafe"]


def test_dropped_swapped_and_changed_words_cost_only_themselves():
    source = words_of(f"The tribunal said: {QUOTE}. It was a crime.")
    quote = words_of(QUOTE)
    assert similarity(quote, source) == 1.0
    dropped = quote[:3] + quote[4:]
    swapped = quote[:5] + [quote[6], quote[5]] + quote[7:]
    changed = quote[:8] + ["inmates"] + quote[9:]
    assert similarity(dropped, source) == 1.0
    assert similarity(swapped, source) == 1.0
    assert similarity(changed, source) == pytest.approx((len(quote) - 1) / len(quote))


def test_the_words_must_stand_together_not_scattered_over_the_passage():
    scattered = " filler " * 30
    passage = words_of(scattered.join(QUOTE.split()))
    assert similarity(words_of(QUOTE), passage) < 0.3


@pytest.fixture
def archive(tmp_path: Path, archive_mode) -> Archive:
    """In both modes (`archive_mode`): the same answers from Whoosh and PostgreSQL."""
    archive = Archive(tmp_path / "data")
    archive.add(
        make_document(
            "Tribunal verdict",
            [Para(f'"{QUOTE}," said the chair of the tribunal.', "Geoffrey Nice")],
            outlet="The Guardian",
            published="2019-06-17",
        ),
        make_document(
            "Verdict reposted",
            [Para(f'"{QUOTE}," said the chair of the tribunal.', "Geoffrey Nice")],
            outlet="The Guardian",
            host="forum repost",
            published="2019-06-20",
        ),
        make_document(
            "Commentary",
            [Para(f"Campaigners keep repeating that {QUOTE.lower()}, citing the tribunal.")],
            outlet="Daily Ledger",
            published="2019-07-02",
        ),
        make_document(
            "Unrelated",
            [Para("Prisoners of the old fort were taken to the sea for many years.")],
            outlet="Daily Ledger",
            published="2018-01-01",
        ),
    )
    return archive


def test_a_changed_quotation_finds_every_passage_carrying_it_earliest_first(archive):
    circulated = "“…organs were taken from prisoners of conscience on a large scale for years”"
    result = trace(archive.engine, circulated)
    dates = [t.hit.provenance["published"] for t in result.hits]
    assert dates == ["2019-06-17", "2019-06-20", "2019-07-02"]
    assert result.hits[0].hit.speakers == ["Geoffrey Nice"]
    assert all(0.6 <= t.similarity <= 1 for t in result.hits)


def test_too_short_or_too_long_a_quotation_is_a_clear_error(archive):
    with pytest.raises(ArchiveError, match="at least 4 words"):
        trace(archive.engine, "organs taken")
    with pytest.raises(ArchiveError, match="too long"):
        trace(archive.engine, "word " * 1000)


def test_a_quotation_nobody_carries_finds_nothing(archive):
    assert trace(archive.engine, "the quick brown fox jumps over the lazy dog").total == 0
