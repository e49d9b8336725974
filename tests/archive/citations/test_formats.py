"""The export registry: format names, media types, extensions and unknown names."""

from __future__ import annotations

import shutil

import pytest

from archive.citations import FORMATS, examples, export, styles
from archive.errors import ArchiveError


def test_the_registry_offers_exactly_the_documented_formats():
    assert list(FORMATS) == [
        "bibtex", "biblatex", "ris", "csl-json", "apa", "mla", "chicago-note", "chicago-author-date",
        "biblatex-apa",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "media_type", "ext", "marker"),
    [
        pytest.param("bibtex", "application/x-bibtex", ".bib", "month = dec", id="bibtex"),
        pytest.param("biblatex", "application/x-bibtex", ".bib", "journaltitle", id="biblatex"),
        pytest.param(
            "biblatex-apa", "application/x-bibtex", ".bib", "{nonacademic}", id="biblatex-apa"
        ),
        pytest.param("ris", "application/x-research-info-systems", ".ris", "TY  - NEWS", id="ris"),
        pytest.param(
            "csl-json",
            "application/vnd.citationstyles.csl+json",
            ".json",
            "article-newspaper",
            id="csl-json",
        ),
    ],
)
def test_export_writes_each_file_format_with_its_media_type(name, media_type, ext, marker):
    result = export(examples.records(), name)
    assert (result.media_type, result.filename_ext) == (media_type, ext)
    assert marker in result.text


@pytest.mark.skipif(
    styles._bundled_pandoc() is None and shutil.which("pandoc") is None,
    reason="no pandoc: pip install pypandoc-binary",
)
def test_a_formatted_style_exports_as_utf8_text():
    result = export(examples.records(), "mla")
    assert (result.media_type, result.filename_ext) == ("text/plain; charset=utf-8", ".txt")
    assert "OpIndia Staff. “China’s Real Squid Game" in result.text
    assert "\n  In text: (OpIndia Staff)\n" in result.text  # the in-text form beside it


def test_an_unknown_format_is_an_archive_error_listing_the_valid_ones():
    with pytest.raises(ArchiveError, match="choose one of bibtex, biblatex, ris, csl-json, apa"):
        export(examples.records(), "endnote")
