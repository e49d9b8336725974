"""`cuttings cite` and `cuttings export`, run with click's CliRunner; and the seeds end to end.

The worked examples of CITATIONS.md are stored as ids 1 (Haaretz), 2 (OpIndia) and 3 (BBC);
the end-to-end test ingests the two real seeds through the whole pipeline.
"""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import pytest
import rispy
from click.testing import CliRunner

from archive.catalog import open_catalog
from archive.citations import examples
from archive.datadir import DataDir
from web.cli.cite_cmds import cite, export_command
from web.cli.common import open_archive

HAARETZ_KEY = "haaretz_2020_chinas_093b89"
OPINDIA_KEY = "opindiastaff_nd_chinas_e131ac"
BBC_KEY = "oneill_2005_ad_5a1e07"


@pytest.fixture
def data(tmp_path: Path, monkeypatch) -> str:
    """A data directory holding the three worked examples; permalinks on a known address."""
    monkeypatch.setenv("CUTTINGS_BASE_URL", "https://cuttings.example.org")
    with open_archive(str(tmp_path / "data")) as archive:
        for document in (examples.haaretz(), examples.opindia(), examples.bbc()):
            archive.catalog.documents.add(document)
    return str(tmp_path / "data")


def run(command, *args: str):
    return CliRunner().invoke(command, list(args), catch_exceptions=False)


def _bib(text: str) -> dict[str, dict[str, str]]:
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    return {e.key: {f.key: f.value for f in e.fields} for e in library.entries}


def test_cite_prints_bibtex_by_default_and_merges_passages_of_one_article(data):
    result = run(cite, "1-p12", "1-p13", "--data", data)
    assert result.exit_code == 0, result.output
    entries = _bib(result.output)
    assert list(entries) == [HAARETZ_KEY]
    assert entries[HAARETZ_KEY]["journal"] == "Haaretz"
    assert "[12] Ethan Gutmann" in entries[HAARETZ_KEY]["x-passage"]
    assert "[13] Gutmann, 62" in entries[HAARETZ_KEY]["x-passage"]
    assert "https://cuttings.example.org/documents/1" in entries[HAARETZ_KEY]["x-archive-url"]


def test_cite_takes_documents_and_passages_in_any_format(data):
    ris = rispy.loads(run(cite, "2", "3-p4", "--format", "ris", "--data", data).output)
    assert sorted(e["title"][:6] for e in ris) == ["Ad sal", "China’"]
    items = json.loads(run(cite, "2", "--format", "csl-json", "--data", data).output)
    assert items[0]["author"] == [{"literal": "OpIndia Staff"}]


def test_cite_formats_a_style_as_text(data):
    result = run(cite, "2", "--format", "apa", "--data", data)
    assert result.exit_code == 0
    assert result.output.startswith("OpIndia Staff. (n.d.). China’s real Squid Game:")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["99"], "Error: no document with id 99\n", id="unknown-doc"),
        pytest.param(["1-p99"], "Error: document 1 has no passage 1-p99\n", id="unknown-passage"),
        pytest.param(
            ["1-x"],
            "Error: '1-x' is not a document id (12) or a passage id (12-p3)\n",
            id="malformed",
        ),  # fmt: skip
        pytest.param(
            ["1", "--format", "endnote"],
            "Error: unknown citation format 'endnote'",
            id="unknown-format",
        ),  # fmt: skip
    ],
)
def test_cite_errors_are_one_line_and_exit_non_zero(data, args, message):
    result = run(cite, *args, "--data", data)
    assert result.exit_code == 1
    assert result.output.startswith(message)
    assert result.output.count("\n") == 1


def test_cite_needs_an_id(data):
    result = run(cite, "--data", data)
    assert result.exit_code == 2
    assert "Missing argument 'ID...'" in result.output


def test_citing_a_withdrawn_document_is_an_error(data):
    catalog = open_catalog(DataDir(Path(data)).catalog)
    catalog.documents.withdraw(2, reason="test", actor="librarian")
    catalog.close()
    result = run(cite, "1", "2", "--data", data)
    assert (result.exit_code, result.output) == (1, "Error: no document with id 2\n")


def test_export_writes_every_active_document(data):
    catalog = open_catalog(DataDir(Path(data)).catalog)
    catalog.documents.withdraw(3, reason="test", actor="librarian")
    catalog.close()
    entries = _bib(run(export_command, "--data", data).output)
    assert set(entries) == {HAARETZ_KEY, OPINDIA_KEY}
    assert all("x-passage" not in fields for fields in entries.values())


def test_export_to_a_file_reports_the_count_on_stderr(data, tmp_path):
    output = tmp_path / "all.ris"
    result = CliRunner().invoke(
        export_command, ["--format", "ris", "--output", str(output), "--data", data]
    )
    assert result.exit_code == 0
    assert result.stderr == f"Wrote 3 references to {output}\n"
    assert result.stdout == ""
    assert len(rispy.loads(output.read_text(encoding="utf-8"))) == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["--format", "docx"], "Error: unknown citation format 'docx'", id="format"),
        pytest.param(
            ["--output", "/nonexistent/dir/x.bib"], "Error: /nonexistent/dir/x.bib", id="unwritable"
        ),  # fmt: skip
    ],
)
def test_export_errors_are_one_line(data, args, message):
    result = run(export_command, *args, "--data", data)
    assert result.exit_code == 1
    assert result.output.startswith(message) and result.output.count("\n") == 1


def test_export_of_an_empty_archive_says_how_to_fill_it(tmp_path):
    result = run(export_command, "--data", str(tmp_path / "empty"))
    assert result.exit_code == 1
    assert "no documents to export" in result.output


# -- the two seeds through the whole pipeline ----------------------------------------------


@pytest.fixture
def seeds_data(seeds_dir: Path, tmp_path: Path, monkeypatch) -> str:
    """A data directory with the Haaretz and OpIndia seeds, ingested by the real pipeline."""
    monkeypatch.setenv("CUTTINGS_BASE_URL", "https://cuttings.example.org")
    with open_archive(str(tmp_path / "seeds")) as archive:
        results = list(archive.add_paths(sorted(seeds_dir.glob("*.txt"))))
    assert [r.status for r in results] == ["added", "added"], [r.error for r in results]
    return str(tmp_path / "seeds")


@pytest.mark.corpus
def test_the_seeds_cite_as_the_worked_examples_say(seeds_data):
    entries = _bib(run(export_command, "--format", "biblatex", "--data", seeds_data).output)
    haaretz_key = next(k for k in entries if k.startswith("haaretz_2020_chinas_"))
    haaretz = entries[haaretz_key]
    assert haaretz["journaltitle"] == "Haaretz"
    assert haaretz["date"] == "2020-12-04"
    assert "author" not in haaretz
    opindia_key = next(k for k in entries if k.startswith("opindiastaff_nd_chinas_"))
    opindia = entries[opindia_key]
    assert (opindia["author"], opindia["journaltitle"]) == ("{OpIndia Staff}", "OpIndia")
    assert "date" not in opindia
    assert len(entries) == 2


@pytest.mark.corpus
def test_a_seed_passage_quoting_gutmann_cites_him_as_quoted(seeds_data):
    catalog = open_catalog(DataDir(Path(seeds_data)).catalog)
    haaretz = catalog.documents.get(1)
    catalog.close()
    passage = next(p for p in haaretz.passages if "Ethan Gutmann" in p.speakers)
    result = run(cite, passage.id, "--format", "apa", "--data", seeds_data)
    assert result.exit_code == 0
    assert "(2020, December 4). [Forum repost by striver44]. Haaretz." in result.output
    # the in-text citation beside the reference, naming the quoted person by family name
    assert f"In text (¶{passage.n}): (Gutmann, as cited in “China’s ‘XXX Files,’” 2020" in (
        result.output
    )
    entries = _bib(run(cite, passage.id, "--data", seeds_data).output)
    (fields,) = entries.values()
    assert fields["x-quoted-person"] == "Ethan Gutmann"
    assert fields["x-passage"].startswith(f"[{passage.n}] ")
