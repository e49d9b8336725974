"""Attribution through the real door: `cuttings add FILE`, then `cuttings show ID --json`.

A made-up article in the archive's scraped-text shape (headline, blank line, paragraphs)
exercises the issue 11 patterns end to end: dotted titles, a doubled-apostrophe quote (as
news databases export them), a pronoun, a spokeswoman for an organisation, a transcript line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from web.cli.archive_cmds import add, show

ARTICLE = """Council and senator clash over the harbour plan

By Staff Reporter

Sen. Maria Delgado (D-Calif.) visited the harbour on Monday with Dr. Helena Varga, an engineer.

''The harbour wall will not survive another winter,'' said Dr. Varga, who led the survey.

Delgado was blunt. ''We are out of time,'' she said.

Harbourside Council published its own figures on Tuesday.

"The wall is safe for now," a spokeswoman for the council said.

Delgado: "Then publish the survey."
"""


@pytest.fixture
def shown(tmp_path: Path) -> dict:
    """The JSON `cuttings show` prints for the article once `cuttings add` has stored it."""
    data = str(tmp_path / "data")
    path = tmp_path / "harbour.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    runner = CliRunner()
    added = runner.invoke(add, [str(path), "--json", "--data", data], catch_exceptions=False)
    assert added.exit_code == 0, added.output
    doc_id = json.loads(added.output.splitlines()[0])["id"]
    result = runner.invoke(show, [str(doc_id), "--json", "--data", data], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _speaker(shown: dict, fragment: str) -> str | None:
    found = [q for q in shown["quotes"] if fragment in q["text"]]
    assert found, [q["text"] for q in shown["quotes"]]
    return found[0]["speaker"]


def test_cuttings_show_names_the_speaker_behind_a_dotted_title_in_a_doubled_apostrophe_quote(
    shown,
):
    assert _speaker(shown, "harbour wall will not survive") == "Helena Varga"


def test_cuttings_show_resolves_she_to_the_senator(shown):
    assert _speaker(shown, "out of time") == "Maria Delgado"


def test_cuttings_show_credits_the_spokeswoman_s_words_to_the_council(shown):
    assert _speaker(shown, "safe for now") == "Harbourside Council"


def test_cuttings_show_reads_a_transcript_line(shown):
    assert _speaker(shown, "publish the survey") == "Maria Delgado"


def test_cuttings_show_records_the_people_without_their_titles(shown):
    names = {p["name"] for p in shown["people"]}
    assert {"Maria Delgado", "Helena Varga", "Harbourside Council"} <= names


def test_cuttings_show_gives_each_quote_its_confidence_and_evidence(shown):
    quote = next(q for q in shown["quotes"] if "out of time" in q["text"])
    assert 0.0 < quote["confidence"] <= 1.0 and quote["verified"] is False
    assert quote["speaker_kind"] == "person"
    assert quote["evidence"]["cue"] == "she said"
    assert quote["evidence"]["chain"][0] == {"paragraph": 3, "text": "she"}
    assert quote["evidence"]["chain"][-1]["text"] == "Maria Delgado"
