"""Property tests: any title or byline name stays readable by bibtexparser, rispy and json."""

from __future__ import annotations

import json

import bibtexparser
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.citations import bibtex, csl_json, examples, ris
from archive.citations.latex import braces_balanced, escape
from archive.citations.record import flatten, record_for

# Any text, with the characters LaTeX, BibTeX, RIS and JSON treat specially over-represented.
TEXT = (
    st.lists(
        st.one_of(
            st.sampled_from([*"{}\\%&#_$~^'\"`@,=\n\r\t -:", "  - ", "ER  - ", " and "]),
            st.characters(exclude_categories=("Cs",)),
        ),
        min_size=1,
        max_size=60,
    )
    .map("".join)
    .filter(lambda t: flatten(t))
)
SETTINGS = settings(max_examples=50, deadline=None)


def _record(title: str, author: str):
    """A record of the Haaretz seed with another title and byline."""
    doc = examples.haaretz()
    doc.set("title", title, "librarian")
    doc.set("authors", [author], "librarian")
    return record_for(
        doc, passages=doc.passages[1:2], base_url=examples.BASE_URL, added="2024-05-01"
    )


@SETTINGS
@given(title=TEXT, author=TEXT)
def test_any_title_and_name_stay_parseable_in_every_format(title, author):
    record = _record(title, author)
    for dialect, fields in (("biblatex", bibtex.biblatex_fields), ("bibtex", bibtex.bibtex_fields)):
        library = bibtexparser.parse_string(bibtex.write([record], dialect=dialect))
        assert library.failed_blocks == []
        (entry,) = library.entries
        assert entry.key == record.key
        assert entry.fields_dict["title"].value == dict(fields(record))["title"]
    assert ris.read(ris.write([record])) == [ris.entry(record)]
    assert json.loads(csl_json.write([record]))[0]["title"] == record.title


@SETTINGS
@given(text=TEXT)
def test_escaped_text_has_balanced_braces_and_no_bare_specials(text):
    escaped = escape(text, unicode=False).replace("$\\lbrace$", "").replace("$\\rbrace$", "")
    assert braces_balanced(escaped.replace("\\{", "").replace("\\}", ""))
    assert "\n" not in escaped
    for char in "%&#_$":
        assert escaped.count(char) == escaped.count("\\" + char)
