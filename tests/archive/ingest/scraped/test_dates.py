"""Dates in text: numeric day/month order decided from evidence, written dates, precision."""

from __future__ import annotations

import pytest

from archive.ingest.scraped.dates import parse_date

ISRAELI_PAGE = "Published on 04.12.2020\n\nThe Chinese Embassy in Israel told Haaretz..."
US_PAGE = "WASHINGTON - Lawmakers met on December 3, 2020, and again on January 5, 2021."


def test_a_dotted_date_is_read_day_first_as_the_european_convention():
    reading = parse_date("04.12.2020", context=ISRAELI_PAGE)
    assert reading.date.iso() == "2020-12-04"
    assert not reading.uncertain
    assert "day-first" in reading.reason


def test_a_slashed_date_in_a_us_text_is_read_month_first():
    reading = parse_date("12/04/2020", context=US_PAGE)
    assert reading.date.iso() == "2020-12-04"
    assert not reading.uncertain
    assert "month first" in reading.reason


def test_a_caller_who_knows_the_source_is_american_can_say_so():
    assert parse_date("12/04/2020", hint="mdy").date.iso() == "2020-12-04"
    assert parse_date("12/04/2020", hint="dmy").date.iso() == "2020-04-12"


def test_an_ambiguous_date_with_no_evidence_is_read_day_first_and_marked_uncertain():
    reading = parse_date("04/12/2020")
    assert reading.date.iso() == "2020-12-04"
    assert reading.uncertain
    assert "no evidence" in reading.reason


@pytest.mark.parametrize(
    ("text", "context", "iso"),
    [
        pytest.param("25/12/2020", "", "2020-12-25", id="day-above-12"),
        pytest.param("12/25/2020", "", "2020-12-25", id="month-first-day-above-12"),
        pytest.param(
            "04/05/2021",
            "Filed 13/01/2021. Updated 04/05/2021.",
            "2021-05-04",
            id="another-date-proves-day-first",
        ),
        pytest.param(
            "04/05/2021",
            "Filed 01/13/2021. Updated 04/05/2021.",
            "2021-04-05",
            id="another-date-proves-month-first",
        ),
        pytest.param("07.07.2021", "", "2021-07-07", id="same-day-and-month"),
        pytest.param("04.12.20", "", "2020-12-04", id="two-digit-year"),
        pytest.param("2020-12-04", "", "2020-12-04", id="iso"),
    ],
)
def test_numeric_dates_whose_order_the_evidence_settles(text, context, iso):
    reading = parse_date(text, context=context)
    assert reading.date.iso() == iso
    assert not reading.uncertain


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        pytest.param("Wednesday, April 24, 2024", "2024-04-24", id="us-with-weekday"),
        pytest.param("4 December 2020", "2020-12-04", id="british"),
        pytest.param("Aug. 19, 2019", "2019-08-19", id="abbreviated-month"),
        pytest.param("1st of May 2020", "2020-05-01", id="ordinal"),
        pytest.param("Published May 2020", "2020-05", id="month-precision"),
    ],
)
def test_written_dates_are_read_to_their_precision(text, iso):
    assert parse_date(text).date.iso() == iso


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("31/31/2020", id="no-valid-month"),
        pytest.param("version 1.2.3", id="version-number"),
        pytest.param("in the summer", id="no-date"),
    ],
)
def test_text_without_a_valid_date_gives_none(text):
    assert parse_date(text) is None
