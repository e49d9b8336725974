"""Formatted APA, MLA and Chicago citations, checked against independent pandoc runs.

pandoc renders each style's items (`archive.citations.rendering`) and the biblatex file by the
recipe of CITATIONS.md section 5c, with the same pandoc binary as the engine (pypandoc-binary's
pandoc 3.9, else PATH's); our formatted text must equal pandoc's once the manuals'
punctuation is applied (`typography`). Every run happens once per module, a few at a time.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from archive.citations import bibtex, examples, rendering, styles, typography
from archive.citations.record import CitationRecord
from archive.errors import ArchiveError


def _engine() -> str | None:
    """The pandoc the engine uses, or None when there is none."""
    try:
        return styles.pandoc_path()
    except ArchiveError:
        return None


PANDOC = _engine()
pytestmark = pytest.mark.skipif(PANDOC is None, reason="no pandoc: pip install pypandoc-binary")

RECORDS = examples.records()
HAARETZ, OPINDIA, BBC = RECORDS
# The in-text citations as a user would type them in pandoc markdown (CITATIONS.md section 0).
CITATIONS = {
    "apa": ["Gutmann, as cited in @{h}, para. 12", "@{o}", "Parsons, as cited in @{b}, para. 4"],
    "mla": ["qtd. in @{h}, para. 12", "@{o}", "qtd. in @{b}, para. 4"],
    "chicago-note": [
        "Ethan Gutmann, quoted in @{h}, para. 12",
        "@{o}",
        "Richard Parsons, quoted in @{b}, para. 4",
    ],
    "chicago-author-date": [
        "Gutmann, quoted in @{h}, para. 12",
        "@{o}",
        "Parsons, quoted in @{b}, para. 4",
    ],
}


def _pandoc_paragraphs(tmp: Path, style: str, bibliography: Path, cite: bool) -> list[str]:
    """Run the CITATIONS.md 5c recipe; return the output's paragraphs, footnote marks removed."""
    lines = ['---\nnocite: "@*"\n---\n']
    if cite:
        keys = {"h": HAARETZ.key, "o": OPINDIA.key, "b": BBC.key}
        lines += [f"[{c.format(**keys)}]\n" for c in CITATIONS[style]]
    source = tmp / f"{style}-{bibliography.stem}.md"
    source.write_text("\n".join(lines), encoding="utf-8")
    done = subprocess.run(
        [PANDOC, str(source), "--citeproc", f"--bibliography={bibliography}",
         f"--csl={styles.style_path(style)}", "-t", "plain", "--wrap=none"],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    paragraphs = [p.strip() for p in done.stdout.split("\n\n") if p.strip()]
    paragraphs = [p.split("] ", 1)[1] if p.startswith("[") and "] " in p else p for p in paragraphs]
    return [typography.punctuation_inside_quotes(p) for p in paragraphs]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[tuple[str, str], list]:
    """Our formatting and pandoc's own runs over the CSL-JSON and biblatex files, per style."""
    tmp = tmp_path_factory.mktemp("styles")
    bib = tmp / "news.bib"
    bib.write_text(bibtex.write_biblatex(RECORDS), encoding="utf-8")
    jobs = {}
    with ThreadPoolExecutor(max_workers=3) as pool:
        for style in styles.STYLES:
            refs = tmp / f"refs-{style}.json"
            refs.write_text(json.dumps(rendering.items(RECORDS, style)), encoding="utf-8")
            jobs[style, "ours"] = pool.submit(styles.format_records, RECORDS, style)
            jobs[style, "json"] = pool.submit(_pandoc_paragraphs, tmp, style, refs, True)
            jobs[style, "bib"] = pool.submit(_pandoc_paragraphs, tmp, style, bib, False)
        return {name: job.result() for name, job in jobs.items()}


def _entry(paragraphs: list[str], record: CitationRecord) -> str:
    """The paragraph of a reference list that cites `record` (found by its URL)."""
    assert record.url
    found = [p for p in paragraphs if record.url.split("//")[1] in p]
    assert found, f"{record.key} missing from {paragraphs}"
    return found[-1]


def _folded(text: str) -> str:
    """Casefold and straighten quotes, for comparing titles across styles."""
    for curly, straight in (("“", "'"), ("”", "'"), ("‘", "'"), ("’", "'"), ('"', "'")):
        text = text.replace(curly, straight)
    return text.casefold()


@pytest.mark.parametrize("style", list(styles.STYLES))
def test_our_formatted_text_equals_pandocs_for_the_same_items(rendered, style):
    ours, pandocs = rendered[style, "ours"], rendered[style, "json"]
    assert sorted(f.key for f in ours) == sorted(r.key for r in RECORDS)
    for formatted in ours:
        assert formatted.text in pandocs, formatted.key
        assert formatted.in_text in pandocs, formatted.key


@pytest.mark.parametrize("source", ["json", "bib"])
@pytest.mark.parametrize("style", list(styles.STYLES))
def test_pandoc_renders_outlet_date_and_title_in_place(rendered, style, source):
    paragraphs = rendered[style, source]
    for record, when in ((HAARETZ, "2020"), (OPINDIA, "n.d." if style != "mla" else "2024"),
                         (BBC, "2005")):  # fmt: skip
        entry = _entry(paragraphs, record)
        assert record.outlet in entry
        assert when in entry
        assert " ".join(_folded(record.title).split()[:3]) in _folded(entry)


def _by_key(rendered, style: str) -> dict[str, styles.Formatted]:
    return {f.key: f for f in rendered[style, "ours"]}


def test_apa_matches_the_worked_examples(rendered):
    apa = _by_key(rendered, "apa")
    haaretz, opindia = apa[HAARETZ.key], apa[OPINDIA.key]
    assert haaretz.text.startswith("China’s “XXX Files”: ‘25 Thousand People Disappear")
    # The repost host as APA's bracketed description (APA 7 9.21).
    assert (
        "(2020, December 4). [Forum repost by striver44]. Haaretz. https://forum.example.net/"
        in haaretz.text
    )
    # CITATIONS.md section 4: the comma inside both closing marks (American usage).
    assert haaretz.in_text == "(Gutmann, as cited in “China’s ‘XXX Files,’” 2020, para. 12)"
    assert "<em>Haaretz</em>" in haaretz.html
    assert opindia.text.startswith("OpIndia Staff. (n.d.). China’s real Squid Game:")
    assert "Retrieved April 24, 2024, from https://www.opindia.com/" in opindia.text
    assert opindia.in_text == "(OpIndia Staff, n.d.)"


def test_mla_matches_the_worked_examples(rendered):
    mla = _by_key(rendered, "mla")
    assert mla[HAARETZ.key].text.startswith(
        "“China’s ‘XXX Files’: ‘25 Thousand People Disappear Each Year, Their Organs Are"
        " Harvested.” Haaretz, 4 Dec. 2020. Forum repost by striver44, https://forum.example.net/"
    )  # the repost host as MLA's second container
    assert mla[HAARETZ.key].in_text == "(qtd. in “China’s ‘XXX Files,’” par. 12)"
    assert mla[OPINDIA.key].text.startswith("OpIndia Staff. “China’s Real Squid Game:")
    assert mla[OPINDIA.key].text.endswith("Accessed 24 Apr. 2024.")
    assert mla[OPINDIA.key].in_text == "(OpIndia Staff)"


def test_chicago_notes_match_the_worked_examples_quoting_the_unsigned_title(rendered):
    # pandoc 3.9's Chicago quotes an unsigned article's title, as the manual does (CMOS FAQ:
    # the newspaper stands in for the author); pandoc 2.17 italicised it instead.
    notes = _by_key(rendered, "chicago-note")
    haaretz, opindia = notes[HAARETZ.key], notes[OPINDIA.key]
    assert haaretz.in_text.startswith("Ethan Gutmann, quoted in “China’s ‘XXX Files’: ‘25")
    assert (
        "Harvested,” Haaretz, December 4, 2020, para. 12, forum repost by striver44, https://forum"
        in haaretz.in_text
    )
    assert haaretz.text.startswith("Haaretz. “China’s ‘XXX Files’: ‘25 Thousand People")
    assert "Harvested.” December 4, 2020. Forum repost by striver44. https://forum." in haaretz.text
    assert "<em>Haaretz</em>. <span>“China’s" in haaretz.html
    assert "OpIndia, n.d., accessed April 24, 2024, https://www.opindia.com/" in opindia.in_text
    assert opindia.text.startswith("OpIndia Staff. “China’s Real Squid Game:")


def test_chicago_author_date_matches_the_worked_examples_quoting_the_unsigned_title(rendered):
    # As in the manual: "Haaretz. 2020. “China’s ‘XXX Files’: …” December 4, 2020." (pandoc
    # 2.17 printed the title in italics, without quotation marks).
    author_date = _by_key(rendered, "chicago-author-date")
    assert author_date[HAARETZ.key].text.startswith("Haaretz. 2020. “China’s ‘XXX Files’: ‘25")
    assert (
        "Harvested.” December 4, 2020. Forum repost by striver44. https://forum"
        in author_date[HAARETZ.key].text
    )
    assert author_date[HAARETZ.key].in_text == "(Gutmann, quoted in Haaretz 2020, para. 12)"
    assert author_date[OPINDIA.key].text.startswith("OpIndia Staff. n.d. “China’s Real Squid")
    assert author_date[OPINDIA.key].in_text == "(OpIndia Staff, n.d.)"


def test_in_text_formats_one_record():
    assert styles.in_text(OPINDIA, "mla") == "(OpIndia Staff)"


def test_the_engine_prefers_the_pandoc_of_pypandoc_binary():
    bundled = styles._bundled_pandoc()
    if bundled is None:
        pytest.skip("pypandoc-binary is not installed")
    assert styles.pandoc_path() == bundled
    assert styles.pandoc_version(bundled) >= styles.BATCH_SINCE


def test_without_a_bundled_pandoc_the_engine_uses_the_one_on_path(monkeypatch):
    monkeypatch.setattr(styles, "_bundled_pandoc", lambda: None)
    monkeypatch.setattr(styles.shutil, "which", lambda name: f"/opt/bin/{name}")
    assert styles.pandoc_path() == "/opt/bin/pandoc"


def test_without_any_pandoc_formatting_says_how_to_install_it(monkeypatch):
    monkeypatch.setattr(styles, "_bundled_pandoc", lambda: None)
    monkeypatch.setattr(styles.shutil, "which", lambda name: None)
    record = dataclasses.replace(OPINDIA, title="A title no other test formats")
    with pytest.raises(ArchiveError, match="pip install pypandoc-binary"):
        styles.format_records([record], "mla")


def _counting_runs(monkeypatch) -> list[list[str]]:
    """Record the pandoc commands the engine runs (`--version` probes aside)."""
    commands: list[list[str]] = []
    real_run = subprocess.run

    def run(command, *args, **kwargs):
        if "--version" not in command:
            commands.append(command)
        return real_run(command, *args, **kwargs)

    monkeypatch.setattr(styles.subprocess, "run", run)
    return commands


def test_a_basket_in_every_style_takes_one_pandoc_process(monkeypatch, rendered):
    commands = _counting_runs(monkeypatch)
    records = [dataclasses.replace(r, title=r.title + " (basket)") for r in RECORDS]
    every = styles.format_styles(records)
    assert len(commands) == 1
    assert list(every) == list(styles.STYLES)
    for style, formatted in every.items():
        assert len(formatted) == 3, style
        assert all(f.text and f.html and f.in_text and f.in_text_html for f in formatted), style
    styles.format_styles(records)  # cached
    assert len(commands) == 1


def test_an_old_pandoc_gets_one_process_per_style_with_the_same_text(monkeypatch, rendered):
    monkeypatch.setattr(styles, "pandoc_version", lambda path: (2, 17, 1, 1))
    commands = _counting_runs(monkeypatch)
    records = [dataclasses.replace(r, title=r.title + " (old pandoc)") for r in RECORDS]
    every = styles.format_styles(records, ("apa", "chicago-note"))
    assert len(commands) == 2 and all("--citeproc" in c for c in commands)
    notes = {f.key: f for f in every["chicago-note"]}
    assert notes[OPINDIA.key].in_text.startswith("OpIndia Staff, “China’s Real Squid Game")
    assert "(old pandoc)" in {f.key: f for f in every["apa"]}[BBC.key].text


def test_a_pandoc_that_runs_too_long_is_an_archive_error(monkeypatch):
    monkeypatch.setattr(styles, "PANDOC_TIMEOUT", 0.001)
    record = dataclasses.replace(BBC, title="A title formatted against the clock")
    with pytest.raises(ArchiveError, match="pandoc took over"):
        styles.format_records([record], "apa")


def test_an_unknown_style_is_an_archive_error():
    with pytest.raises(ArchiveError, match="choose one of apa, mla"):
        styles.format_records(RECORDS, "harvard")
