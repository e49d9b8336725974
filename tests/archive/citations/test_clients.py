"""Every export read by clients we do not write: citation-js 0.8, Zotero's RIS import (an
oracle reimplemented from its translator), biber and bibtex; for the worked examples and
adversarial records, and for the seeds with 20 BBC articles through the real pipeline.

What each client keeps is the table of docs/citation-clients.md; these tests pin it, the
losses included (a client reading what it did not before breaks a test, and the table).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from archive.citations import bibtex, csl_json, markup, ris
from archive.citations.record import CitationRecord
from tests.archive.citations.client_records import corpus_records, example_records
from tests.citation_clients import citation_js, needs_node_clients
from tests.zotero_ris import import_ris


@pytest.fixture(scope="module", params=["examples", "corpus"])
def records(request, tmp_path_factory) -> list[CitationRecord]:
    if request.param == "examples":
        return example_records()
    corpus = request.getfixturevalue("corpus")
    return corpus_records(corpus, tmp_path_factory.mktemp("clients") / "data")


def _fold(text: str) -> str:
    """Quotes straightened and space folded, formatting tags dropped: what the words are."""
    for curly, straight in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("`", "'"),
                            ("''", '"')):  # fmt: skip
        text = text.replace(curly, straight)
    return " ".join(markup.plain(text).split())


def _names(record: CitationRecord) -> list[str]:
    """`Family, Given` or the whole name (citation-js reads `{OpIndia Staff}` as a family
    name: the same words, no longer marked as an organisation)."""
    return [
        a.name if a.is_corporate else ", ".join(p for p in (a.family, a.given) if p)
        for a in record.authors
    ]


def _csl_names(item: dict) -> list[str]:
    def family(name: dict) -> str:
        return " ".join(filter(None, (name.get("non-dropping-particle"), name.get("family"))))

    return [
        n.get("literal") or ", ".join(p for p in (family(n), n.get("given")) if p)
        for n in item.get("author", [])
    ]


def _parts(item: dict, name: str) -> list[int] | None:
    found = item.get(name)
    return found["date-parts"][0] if found else None


def _by_key(items: list[dict]) -> dict[str, dict]:
    return {i["id"]: i for i in items}


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


# -- citation-js ---------------------------------------------------------------------------


@needs_node_clients
@pytest.mark.parametrize("dialect", ["bibtex", "biblatex"])
def test_citation_js_reads_every_bib_field_a_reference_needs(records, tmp_path, dialect):
    items = _by_key(citation_js(_write(tmp_path, "x.bib", bibtex.write(records, dialect=dialect))))
    for record in records:
        item = items[record.key]
        assert item["citation-key"] == record.key
        # citation-js keeps an unbalanced brace's math form `$\lbrace$` as the command
        title = item["title"].replace("\\lbrace", "{").replace("\\rbrace", "}")
        assert _fold(title) == _fold(record.title), record.key
        assert _csl_names(item) == _names(record), record.key
        assert _parts(item, "issued") == (record.published.parts() if record.published else None)
        assert _parts(item, "accessed") == [int(p) for p in record.accessed.split("-")]
        assert item["URL"] == record.link
        assert item.get("container-title") == record.outlet
        if dialect == "bibtex":  # the archived copy survives in the note
            assert record.permalink in item["note"]
        # citation-js drops the x- fields (quoted person, passage) and biblatex's eprint
        assert "quoted" not in str(item).lower() or "Quoted" in record.title


@needs_node_clients
def test_citation_js_reads_ris_as_the_ris_spec_reads_a_newspaper(records, tmp_path):
    items = _by_key(citation_js(_write(tmp_path, "x.ris", ris.write(records))))
    for record in records:
        item = items[record.key]
        assert item["type"] == "article-newspaper"
        assert _fold(item["title"]) == _fold(record.title)
        assert item["URL"] == record.link and item.get("container-title") == record.outlet
        assert _parts(item, "accessed") == [int(p) for p in record.accessed.split("-")]
        notes = " ".join([item["note"]] if isinstance(item["note"], str) else item["note"])
        for person in record.quoted_people:
            assert person in notes
        for passage in record.passages:
            assert record.passage_link(passage) in notes
        # The RIS spec's NEWS table: AU is the reporter and only PY (the year) is read.
        assert "author" not in item
        reporters = item.get("reporter", [])
        assert ([reporters] if isinstance(reporters, str) else reporters) == [
            ris._author(a) for a in record.authors
        ]
        assert _parts(item, "issued") == ([record.published.year] if record.published else None)


@needs_node_clients
def test_citation_js_reads_csl_json_whole(records, tmp_path):
    items = _by_key(citation_js(_write(tmp_path, "x.json", csl_json.write(records))))
    for record in records:
        assert items[record.key] == csl_json.item(record)


# -- Zotero ----------------------------------------------------------------------------------


def test_zoteros_ris_import_places_every_field(records):
    items = import_ris(ris.write(records))
    assert len(items) == len(records)
    for record, item in zip(records, items, strict=True):
        assert item.item_type == "newspaperArticle"
        fields = item.fields
        assert fields["title"] == markup.plain(record.title)
        assert fields.get("publicationTitle") == record.outlet
        assert fields.get("date") == (record.published.iso() if record.published else None)
        assert fields["accessDate"] == record.accessed
        assert fields["url"] == record.link
        assert (fields["archive"], fields["archiveLocation"]) == ("Cuttings", record.permalink)
        assert fields["extra"] == f"Citation Key: {record.key}"
        expected = [
            {"lastName": a.name, "creatorType": "author", "fieldMode": 1}
            if a.is_corporate
            else {"lastName": a.family, "firstName": a.given, "creatorType": "author"}
            for a in record.authors
        ]
        assert item.creators == [{k: v for k, v in c.items() if v} for c in expected]
        notes = " ".join(item.notes)
        for person in record.quoted_people:
            assert f"Quoted: {person}" in notes
        for passage in record.passages:
            assert record.passage_link(passage) in notes
        assert record.sha256 in notes


# -- biber and bibtex under LaTeX --------------------------------------------------------------

needs_tex = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("pdflatex", "biber", "bibtex")),
    reason="LaTeX, biber or bibtex missing: ./run test installs texlive and biber",
)


def _latin(records: list[CitationRecord]) -> list[CitationRecord]:
    """Records pdflatex can set (Latin script); Hebrew and CJK need lualatex and fonts."""

    def latin(text: str) -> bool:
        return all(ord(c) < 0x250 or c in "‘’“”–—" for c in text)

    return [r for r in records if latin(r.title) and all(latin(a.name) for a in r.authors)]


def _run(command: list[str], folder: Path) -> str:
    done = subprocess.run(
        command, capture_output=True, text=True, encoding="utf-8", errors="replace",
        timeout=240, cwd=folder,
    )  # fmt: skip
    log = done.stdout + done.stderr
    assert done.returncode == 0, log[-3000:]
    return log


@needs_tex
@pytest.mark.slow
@pytest.mark.parametrize(("dialect", "style"), [("biblatex", "authoryear"),
                                                ("biblatex-apa", "apa")])  # fmt: skip
def test_biber_and_pdflatex_typeset_every_entry(records, tmp_path, dialect, style):
    ascii_safe = _latin(records)
    (tmp_path / "news.bib").write_text(bibtex.write(ascii_safe, dialect=dialect), encoding="utf-8")
    (tmp_path / "doc.tex").write_text(
        "\\documentclass{article}\\usepackage[T1]{fontenc}\\usepackage[utf8]{inputenc}"
        "\\usepackage[english]{babel}"
        f"\\usepackage[style={style},backend=biber]{{biblatex}}\\addbibresource{{news.bib}}"
        "\\begin{document}\\nocite{*}\\printbibliography\\end{document}\n",
        encoding="utf-8",
    )
    _run(["pdflatex", "-interaction=nonstopmode", "doc.tex"], tmp_path)
    log = _run(["biber", "doc"], tmp_path)
    assert "ERROR" not in log
    _run(["pdflatex", "-interaction=nonstopmode", "doc.tex"], tmp_path)
    bbl = (tmp_path / "doc.bbl").read_text(encoding="utf-8", errors="replace")
    keys = set(re.findall(r"\\entry\{([^}]*)\}", bbl))  # biblatex-apa writes two lists
    assert keys == {r.key for r in ascii_safe}


@needs_tex
@pytest.mark.slow
def test_bibtex_and_pdflatex_typeset_every_entry_in_four_styles(records, tmp_path):
    ascii_safe = _latin(records)
    (tmp_path / "news.bib").write_text(bibtex.write_bibtex(ascii_safe), encoding="utf-8")
    for bst in ("plain", "plainnat", "apalike", "unsrturl"):
        (tmp_path / f"{bst}.tex").write_text(
            "\\documentclass{article}\\usepackage[T1]{fontenc}\\usepackage{url}"
            # numbers: natbib's author-year labels need a year, which undated items lack
            + ("\\usepackage[numbers]{natbib}" if bst in ("plainnat", "apalike") else "")
            + f"\\begin{{document}}\\nocite{{*}}\\bibliographystyle{{{bst}}}"
            "\\bibliography{news}\\end{document}\n",
            encoding="utf-8",
        )
        _run(["pdflatex", "-interaction=nonstopmode", f"{bst}.tex"], tmp_path)
        _run(["bibtex", bst], tmp_path)
        _run(["pdflatex", "-interaction=nonstopmode", f"{bst}.tex"], tmp_path)
        bbl = (tmp_path / f"{bst}.bbl").read_text(encoding="utf-8", errors="replace")
        assert bbl.count("\\bibitem") == len(ascii_safe), bst
        # al-Rashid keeps its particle: BibTeX sees "{al-Rashid}" as one family name
        if any(a.family == "al-Rashid" for r in ascii_safe for a in r.authors):
            assert "al-Rashid" in bbl and "al Rashid" not in bbl, bst
