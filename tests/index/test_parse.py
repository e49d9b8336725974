"""The query language parsed into the project's own model: one meaning for every engine."""

from __future__ import annotations

import datetime as dt

import pytest

from archive.errors import ArchiveError
from index.parse import parse
from index.query import And, DateRange, Fuzzy, Not, Or, Phrase, Prefix, Term, Wildcard


def text(word: str) -> Term:
    return Term("text", word)


@pytest.mark.parametrize(
    ("typed", "meaning"),
    [
        pytest.param("organ harvest", And((text("organ"), text("harvest"))), id="and-implied"),
        pytest.param('"organ harvest"~2', Phrase("text", ("organ", "harvest"), 2), id="phrase"),
        pytest.param("a OR b c", Or((text("a"), And((text("b"), text("c"))))), id="or-binds-last"),
        pytest.param("harvest -organ", And((text("harvest"), Not(text("organ")))), id="minus"),
        pytest.param('-"a b" +c', And((Not(Phrase("text", ("a", "b"))), text("c"))), id="plus"),
        pytest.param("a - b", And((text("a"), text("-"), text("b"))), id="lone-dash-is-a-word"),
        pytest.param("e-mail", text("e-mail"), id="hyphen-inside-a-word"),
        pytest.param("x ANDNOT y", And((text("x"), Not(text("y")))), id="andnot"),
        pytest.param("harv*", Prefix("text", "harv"), id="prefix"),
        pytest.param("ha?vest", Wildcard("text", "ha?vest"), id="wildcard"),
        pytest.param("harvst~2", Fuzzy("text", "harvst", 2), id="fuzzy"),
        pytest.param("speaker:gutmann", Term("person", "gutmann"), id="field-alias"),
        pytest.param(
            "outlet:(bbc OR haaretz)",
            Or((Term("outlet", "bbc"), Term("outlet", "haaretz"))),
            id="field-group",
        ),
        pytest.param(
            "date:[2004 to 2006]",
            DateRange(dt.date(2004, 1, 1), dt.date(2006, 12, 31)),
            id="date-range",
        ),
        pytest.param(
            "date:{2004 TO 2006}",
            DateRange(dt.date(2005, 1, 1), dt.date(2005, 12, 31)),
            id="date-range-exclusive",
        ),
        pytest.param("date:>2005-02", DateRange(dt.date(2005, 3, 1), None), id="after"),
        pytest.param("year:2005", DateRange(dt.date(2005, 1, 1), dt.date(2005, 12, 31)), id="year"),
        pytest.param(">100,000", text(">100,000"), id="leading-angle-bracket"),
        pytest.param("title:budget^2", Term("title", "budget", 2.0), id="boost"),
    ],
)
def test_what_a_reader_types_means_one_thing(typed, meaning):
    assert parse(typed) == meaning


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        pytest.param("organ AND", "AND needs a search term after it", id="dangling-and"),
        pytest.param("AND organ", "AND needs a search term on each side", id="leading-and"),
        pytest.param("()", "empty group", id="empty-group"),
        pytest.param("text:[a TO z]", "works on date: and year: only", id="text-range"),
        pytest.param("x~3", "1 or 2 letters", id="fuzzy-too-far"),
        pytest.param("date:2005-02-30", "not a calendar date", id="bad-day"),
        pytest.param("date:[2006 TO 2005]", "wrong way round", id="backwards"),
        pytest.param("(" * 30 + "x" + ")" * 30, "brackets inside brackets", id="too-deep"),
        pytest.param("x" * 1001, "too long", id="too-long"),
    ],
)
def test_what_the_language_cannot_read_is_refused_with_a_fix(typed, message):
    with pytest.raises(ArchiveError) as caught:
        parse(typed)
    assert message in caught.value.message
    assert caught.value.status == 400


def test_an_empty_query_is_no_query():
    assert parse("   ") is None
