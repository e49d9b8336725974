"""BibTeX and biblatex export, read back by bibtexparser, bibtex and biber."""

from __future__ import annotations

import shutil
import subprocess

import bibtexparser
import pytest
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from archive.citations import bibtex, examples, markup
from archive.citations.latex import escape, url_value

needs_biber = pytest.mark.skipif(
    shutil.which("biber") is None, reason="biber is not installed: apt-get install biber"
)
needs_bibtex = pytest.mark.skipif(
    shutil.which("bibtex") is None,
    reason="bibtex is not installed: apt-get install texlive-binaries",
)

RECORDS = examples.records() + examples.records(examples.adversarial())
FIELDS = {"biblatex": bibtex.biblatex_fields, "bibtex": bibtex.bibtex_fields}


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        pytest.param("a\\b", r"a\textbackslash{}b", id="backslash"),
        pytest.param("\\{x}", r"\textbackslash{}\{x\}", id="backslash-before-brace"),
        pytest.param("{x}", r"\{x\}", id="balanced-braces"),
        pytest.param("}x{", r"$\rbrace$x$\lbrace$", id="unbalanced-braces"),
        pytest.param("% & # _ $", r"\% \& \# \_ \$", id="specials"),
        pytest.param("~^", r"\textasciitilde{}\textasciicircum{}", id="tilde-caret"),
        pytest.param("'a' \"b\" it's", "`a' ``b'' it's", id="opening-quotes"),
        pytest.param("a\nb", "a b", id="newline"),
        pytest.param("Émile", "Émile", id="unicode-raw"),
    ],
)
def test_escaping_follows_the_citations_table(text, escaped):
    assert escape(text) == escaped


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        pytest.param("Émile", r"{\'E}mile", id="acute"),
        pytest.param("zoë naïve", r"zo{\"e} na{\"i}ve", id="diaeresis"),
        pytest.param("שלום 中国", "שלום 中国", id="no-latex-form-stays-raw"),
    ],
)
def test_bibtex_escaping_writes_latex_accents_where_representable(text, escaped):
    assert escape(text, unicode=False) == escaped


def test_urls_are_written_raw_except_braces_backslash_spaces_and_non_ascii():
    assert url_value("https://x.org/a_b%25&c#d~e") == "https://x.org/a_b%25&c#d~e"
    assert url_value("https://x.org/{a} b\\é") == "https://x.org/%7Ba%7D%20b%5C%C3%A9"


@pytest.mark.parametrize("dialect", ["biblatex", "bibtex"])
def test_bibtexparser_reads_every_entry_back_with_the_fields_written(dialect):
    library = bibtexparser.parse_string(bibtex.write(RECORDS, dialect=dialect))
    assert library.failed_blocks == []
    assert [e.key for e in library.entries] == [r.key for r in RECORDS]
    assert {e.entry_type for e in library.entries} == {"article"}
    for entry, record in zip(library.entries, RECORDS, strict=True):
        assert entry.fields_dict.keys() == dict(FIELDS[dialect](record)).keys()
        for name, value in FIELDS[dialect](record):
            assert entry.fields_dict[name].value == value, (record.key, name)


def _decoder() -> LatexNodes2Text:
    """pylatexenc's LaTeX-to-text, taught the brace and caret commands the table uses."""
    context = get_default_latex_context_db()
    context.add_context_category(
        "cuttings",
        macros=[
            MacroTextSpec("textbraceleft", "{"),
            MacroTextSpec("textbraceright", "}"),
            MacroTextSpec("textasciicircum", "^"),
            MacroTextSpec("textless", "<"),
            MacroTextSpec("textgreater", ">"),
            MacroTextSpec("lbrace", "{"),
            MacroTextSpec("rbrace", "}"),
        ],
        prepend=True,
    )
    return LatexNodes2Text(latex_context=context, math_mode="text", strict_latex_spaces=True)


def _same_quotes(text: str) -> str:
    """Fold typographic and LaTeX quotes to straight ones."""
    for curly, straight in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("`", "'")):
        text = text.replace(curly, straight)
    return text


@pytest.mark.parametrize("dialect", ["biblatex", "bibtex"])
def test_titles_decode_back_to_the_original(dialect):
    library = bibtexparser.parse_string(bibtex.write(RECORDS, dialect=dialect))
    decode = _decoder().latex_to_text
    for entry, record in zip(library.entries, RECORDS, strict=True):
        stored = entry.fields_dict["title"].value  # the outer braces are the parser's
        assert stored.startswith("{") and stored.endswith("}"), "title is not double-braced"
        expected = markup.plain(record.title)  # <i>...</i> became \\textit{...}
        assert _same_quotes(decode(stored[1:-1])) == _same_quotes(expected), record.key


def test_biblatex_seed_entries_carry_the_worked_example_fields():
    fields = {r.key: dict(bibtex.biblatex_fields(r)) for r in examples.records()}
    haaretz = fields["haaretz_2020_chinas_093b89"]
    assert "author" not in haaretz
    assert haaretz["entrysubtype"] == "newspaper"
    assert haaretz["journaltitle"] == "Haaretz"
    assert haaretz["date"] == "2020-12-04"
    assert haaretz["urldate"] == "2024-05-01"
    assert haaretz["eprinttype"] == "NewsArchive"
    assert haaretz["eprint"] == f"{examples.BASE_URL}/documents/1#p12"
    assert haaretz["addendum"] == "Forum repost by striver44"
    assert haaretz["shorttitle"] == "{China's ‘XXX Files’}"
    assert haaretz["x-quoted-person"] == "Ethan Gutmann"
    assert haaretz["x-sha256"].startswith("093b89")
    opindia = fields["opindiastaff_nd_chinas_e131ac"]
    assert opindia["author"] == "{OpIndia Staff}"
    assert "date" not in opindia and opindia["urldate"] == "2024-04-24"


def test_bibtex_seed_entries_use_year_month_macro_and_note():
    text = bibtex.write_bibtex(examples.records())
    assert "month = dec," in text
    fields = {r.key: dict(bibtex.bibtex_fields(r)) for r in examples.records()}
    haaretz = fields["haaretz_2020_chinas_093b89"]
    assert (haaretz["key"], haaretz["journal"], haaretz["year"]) == ("Haaretz", "Haaretz", "2020")
    assert haaretz["note"].startswith("Published 4 December 2020. Forum repost by striver44.")
    assert "\\url{https://cuttings.example.org/documents/1#p12}" in haaretz["note"]
    assert (haaretz["date"], haaretz["urldate"]) == ("2020-12-04", "2024-05-01")
    opindia = fields["opindiastaff_nd_chinas_e131ac"]
    assert "year" not in opindia and "date" not in opindia  # nothing invented: no "n.d."
    assert opindia["urldate"] == "2024-04-24"


def test_an_uncertain_date_is_marked_with_a_question_mark():
    (record,) = [r for r in RECORDS if r.key == "lemondeco_2021_close_01ab00"]
    assert dict(bibtex.biblatex_fields(record))["date"] == "2021-03?"


@needs_biber
def test_biber_validates_the_biblatex_file(tmp_path):
    source = tmp_path / "news.bib"
    source.write_text(bibtex.write_biblatex(RECORDS), encoding="utf-8")
    done = subprocess.run(
        ["biber", "--tool", "--validate-datamodel", "--output-file", str(tmp_path / "out.bib"),
         str(source)],
        capture_output=True, text=True, timeout=60, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ERROR" not in done.stdout + done.stderr


@needs_bibtex
def test_bibtex_accepts_the_bibtex_file(tmp_path):
    (tmp_path / "news.bib").write_text(bibtex.write_bibtex(RECORDS), encoding="utf-8")
    (tmp_path / "cite.aux").write_text("\\citation{*}\n\\bibdata{news}\n\\bibstyle{plain}\n")
    done = subprocess.run(
        ["bibtex", "cite"], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert done.returncode == 0, done.stdout
    bbl = (tmp_path / "cite.bbl").read_text(encoding="utf-8", errors="replace")
    assert bbl.count("\\bibitem") == len(RECORDS)


def _adversarial(name: str):
    (record,) = [r for r in RECORDS if r.title == examples.ADVERSARIAL_TITLES[name]]
    return record


def test_particles_that_bibtex_would_split_are_braced_and_cjk_names_split():
    three = dict(bibtex.bibtex_fields(_adversarial("quotes")))["author"]
    assert three == "{{\\'O} Briain}, Zo{\\\"e} and {al-Rashid}, Omar and Xi, Jinping"
    assert dict(bibtex.biblatex_fields(_adversarial("quotes")))["author"] == (
        "{Ó Briain}, Zoë and {al-Rashid}, Omar and Xi, Jinping"
    )
    assert dict(bibtex.biblatex_fields(_adversarial("cjk")))["author"] == "习, 近平"


def test_html_formatting_in_a_title_becomes_latex_commands():
    title = dict(bibtex.biblatex_fields(_adversarial("html")))["title"]
    assert title == (
        "{Why \\textit{Squid Game} matters: \\textbf{bold} claims \\& x\\textsuperscript{2}"
        " \\textless{} y}"
    )


def test_biblatex_apa_marks_newspapers_nonacademic():
    text = bibtex.write_biblatex_apa(examples.records())
    assert text.count("entrysubtype = {nonacademic}") == 3
    assert "{newspaper}" not in text
