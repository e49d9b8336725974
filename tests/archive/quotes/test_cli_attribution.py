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


# --- Every pattern of "What goes wrong today", each a made-up article through `cuttings add` --

PATTERNS: dict[str, tuple[list[str], list[tuple[str, str | None]]]] = {
    # name: (paragraphs, [(fragment of a quote, the speaker `cuttings show` must give)])
    "dotted titles": (
        [
            "“The bridge will be rebuilt,” said Dr. Helena Varga.",
            "“The results are encouraging,” said Prof. Jacob Lavee.",
            "Sen. Ted Cruz said: “We will not back down.”",
            "Rep. Nancy Pelosi told reporters: “The vote is on Tuesday.”",
            "“We are ready,” Gov. Mike Pence said on Monday.",
            "“I was not consulted,” said Ms. Anna Kowal, a parent.",
            "“Rates will rise slowly,” said Janet L. Yellen.",
        ],
        [
            ("bridge will be rebuilt", "Helena Varga"),
            ("results are encouraging", "Jacob Lavee"),
            ("not back down", "Ted Cruz"),
            ("vote is on Tuesday", "Nancy Pelosi"),
            ("We are ready", "Mike Pence"),
            ("not consulted", "Anna Kowal"),
            ("rise slowly", "Janet L. Yellen"),
        ],
    ),
    "pronouns and descriptions": (
        [
            "Ethan Gutmann, an independent researcher, has studied the camps for years.",
            "“The practice never stopped,” he said.",
            "Sen. Ted Cruz of Texas spoke to voters in Iowa on Monday.",
            "“We will win this state,” the senator added.",
            "The Clinton campaign released its economic plan on Friday.",
            "“This plan helps working families,” the campaign said in a statement.",
        ],
        [
            ("never stopped", "Ethan Gutmann"),
            ("win this state", "Ted Cruz"),
            ("working families", "Clinton campaign"),
        ],
    ),
    "one surname, two people": (
        [
            "Heidi and Ted Cruz arrived in Des Moines on Sunday.",
            "“We love Iowa,” Mrs. Cruz said.",
            "“We will win here,” Mr. Cruz said.",
        ],
        [("love Iowa", "Heidi Cruz"), ("win here", "Ted Cruz")],
    ),
    "where the speaker is named": (
        [
            "“We expected a bigger crowd tonight,” said Mara Lindqvist, a planner.",
            "“We will not give up.” Ana Ortiz said it twice at the meeting.",
            "Tom Reyes met Ana Ortiz in Boston on Friday. Ortiz fired back: “The figures are "
            "wrong.”",
        ],
        [
            ("bigger crowd", "Mara Lindqvist"),
            ("not give up", "Ana Ortiz"),
            ("figures are wrong", "Ana Ortiz"),
        ],
    ),
    "organisations": (
        [
            "Brent Council voted on the plan last week.",
            "“The decision is final,” a spokeswoman for the council said.",
            "A US Embassy spokesman said: “We are processing the visas quickly.”",
            "“There are many more questions than answers,” JP Morgan analyst John Ivankoe said.",
        ],
        [
            ("decision is final", "Brent Council"),
            ("processing the visas", "US Embassy"),
            ("more questions", "John Ivankoe"),
        ],
    ),
    "transcripts, lists and doubled apostrophes": (
        [
            "Hillary Clinton and Jeb Bush both spoke about the group.",
            "Clinton: “Our goal is to defeat them.” Bush: “The mission is to destroy them.”",
            "“We will rebuild the bridge.” - Mara Lindqvist, council planner",
            "''We may finally be seeing some wage growth,'' said Jared Brenner, an economist.",
        ],
        [
            ("defeat them", "Hillary Clinton"),
            ("destroy them", "Jeb Bush"),
            ("rebuild the bridge", "Mara Lindqvist"),
            ("wage growth", "Jared Brenner"),
        ],
    ),
    "names": (
        [
            "“It was a hard season,” said Martin O'Neill.",
            "Dara Ó Briain said: “The show goes on.”",
            "“The talks have failed,” said Ahmed al-Rashid.",
            "According to Il Sole 24 Ore, the plan will focus on “opening up markets, "
            "infrastructure and research”.",
            "Xi Jinping spoke in Beijing on Tuesday.",
            "“China will open wider,” Xi said.",
        ],
        [
            ("hard season", "Martin O'Neill"),
            ("show goes on", "Dara Ó Briain"),
            ("talks have failed", "Ahmed al-Rashid"),
            ("opening up markets", "Il Sole 24 Ore"),
            ("open wider", "Xi Jinping"),
        ],
    ),
    "a role phrase": (
        ["The Shadow Secretary of State for the Family said: “Families deserve better.”"],
        [("Families deserve", None)],
    ),
    # round four: unnamed sources, passive agents, relayed words, descriptions of a subject
    "unnamed sources and relayed words": (
        [
            "“There are more candidates than ever,” added another New Hampshire Republican.",
            "At the rally, Donald Trump was asked: “What is the most dangerous place?”",
            "Arab News quoted Prince Saud as saying: “Our reforms have created a generation.”",
            "The U-turn was branded a “humiliating retreat” by the Tories.",
        ],
        [
            ("more candidates", None),
            ("most dangerous place", None),
            ("Our reforms", "Prince Saud"),
            ("humiliating retreat", "Tories"),
        ],
    ),
    "the player, not the doctor": (
        [
            "Mark Philippoussis is almost certain to miss the Australian Open.",
            "“He has to strengthen it,” said Hopman Cup doctor Hamish Osborne.",
            "The Australian has suffered many injuries. “It's something I'll have to go by "
            "feel,” he said.",
        ],
        [("strengthen it", "Hamish Osborne"), ("go by feel", "Mark Philippoussis")],
    ),
    "describing words and first names": (
        [
            "Robbie Keane scored the only goal.",
            "Matchwinner Keane was happy. “It was a great ball from the left,” said Keane.",
            "Skipper Jason Robinson believes the mood is good. “There is no lack of confidence "
            "in the team,” said the Sale full-back.",
            "His wife Sharon agreed. “Now everybody is doing reality shows,” she said. Sharon "
            "Osbourne is a judge on a talent show.",
        ],
        [
            ("great ball", "Robbie Keane"),
            ("lack of confidence", "Jason Robinson"),
            ("reality shows", "Sharon Osbourne"),
        ],
    ),
}


@pytest.fixture(scope="module")
def shown_patterns(tmp_path_factory) -> dict[str, dict]:
    """`cuttings show --json` of each pattern article, all added by one `cuttings add DIR`."""
    root = tmp_path_factory.mktemp("patterns")
    folder, data = root / "articles", str(root / "data")
    folder.mkdir()
    for n, (name, (paragraphs, _)) in enumerate(PATTERNS.items()):
        body = "\n\n".join([f"Patterns article {n}: {name}", *paragraphs])
        (folder / f"{n:02d}.txt").write_text(body + "\n", encoding="utf-8")
    runner = CliRunner()
    added = runner.invoke(add, [str(folder), "--json", "--data", data], catch_exceptions=False)
    assert added.exit_code == 0, added.output
    shown = {}
    for line in added.stdout.splitlines():
        record = json.loads(line)
        name = list(PATTERNS)[int(Path(record["source"]).stem)]
        result = runner.invoke(show, [str(record["id"]), "--json", "--data", data])
        assert result.exit_code == 0, result.output
        shown[name] = json.loads(result.stdout)
    assert sorted(shown) == sorted(PATTERNS)
    return shown


@pytest.mark.parametrize(
    ("pattern", "fragment", "speaker"),
    [
        pytest.param(name, fragment, speaker, id=f"{name}: {fragment}")
        for name, (_, expected) in PATTERNS.items()
        for fragment, speaker in expected
    ],
)
def test_every_pattern_the_issue_saw_fail_is_attributed_through_cuttings_add(
    shown_patterns, pattern, fragment, speaker
):
    assert _speaker(shown_patterns[pattern], fragment) == speaker


def test_two_people_sharing_a_surname_stay_two_people_records(shown_patterns):
    names = [p["name"] for p in shown_patterns["one surname, two people"]["people"]]
    assert sorted(names) == ["Heidi Cruz", "Ted Cruz"]
