"""The attribution metric (bench/quotes): matching by word bigrams, speaker equality, the
held-out rule of bench/quote_eval.py."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from archive.model import Document, Original, Quote
from bench.quotes.metric import Gold, match, score_article
from bench.quotes.speakers import same_speaker

ROOT = Path(__file__).resolve().parents[2]


def _document(*quotes: tuple[str, str | None]) -> Document:
    doc = Document(original=Original("t.txt", "", "text", 0))
    doc.quotes = [Quote(text, 1, speaker, confidence=0.95) for text, speaker in quotes]
    return doc


@pytest.mark.parametrize(
    ("found", "gold", "same"),
    [
        pytest.param("Clinton", "Hillary Clinton", True, id="surname alone"),
        pytest.param("Mrs. Clinton", "Hillary Clinton", True, id="honorific"),
        pytest.param("Bill Clinton", "Hillary Clinton", False, id="another Clinton"),
        pytest.param("Sen. Ted Cruz (R-Texas)", "Ted Cruz", True, id="title and party tag"),
        pytest.param("Melissa Mark-Viverito", "Mark-Viverito", True, id="hyphenated surname"),
        pytest.param("Marine Le Pen", "Le Pen", True, id="particle surname"),
        pytest.param("Harry Reid", "Harry M. Reid", True, id="middle initial"),
        pytest.param("Jeb Bush", "Jeb Bush of Florida", True, id="of a state"),
        pytest.param("Ban Ki-moon", "Ban", True, id="family name first"),
        pytest.param("Melba Acosta Febo", "Acosta", True, id="double family name"),
        pytest.param("Jimmy Hasselbaink", "Floyd", False, id="not a family name"),
        pytest.param("Jeb Bush", "George W. Bush", False, id="two Bushes"),
    ],
)
def test_speakers_agree_as_the_polnear_readme_says(found, gold, same):
    assert same_speaker(found, gold) is same


def test_a_gold_quote_is_detected_by_half_its_bigrams_and_the_nested_quote_wins():
    document = _document(
        ("He said: 'We will win,' and left the room at once.", "Ann Lee"),
        ("We will win,", None),
    )
    [outcome] = match([Gold("We will win", "Tom Ray")], document)
    assert outcome.found is document.quotes[1]


def test_counts_give_p_p_attr_r_and_span_r():
    document = _document(("The plan will fail badly", "Ann Lee"), ("Taxes are too high", None))
    golds = [
        Gold("The plan will fail badly", "Ann Lee", groups=("direct",)),
        Gold("Taxes are too high", "Tom Ray", groups=("direct",)),
        Gold("Nothing was found here", "Tom Ray", groups=("direct",)),
    ]
    result = score_article("t.txt", golds, document)
    figures = result.counts["direct"].figures()
    assert figures == {"P": 0.5, "P_attr": 1.0, "R": 1 / 3, "span R": 2 / 3}
    assert result.attributions == [(0.95, True)]


def test_the_evaluation_refuses_to_list_errors_of_the_held_out_part():
    done = subprocess.run(
        [sys.executable, "bench/quote_eval.py", "--part", "heldout", "--errors", "direct named"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode != 0
    assert "held-out part is not read" in done.stderr
