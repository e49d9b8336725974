"""citeproc-js 2.4 and the project agree word for word on APA, MLA and both Chicago styles,
for every reference and every in-text citation, but for the differences listed here (and in
docs/citation-clients.md), each with the manual's rule that decides it.

Both get the same CSL items (`archive.citations.rendering`), the same official CSL styles and
the same citations (each a first citation, with the "as cited in" prefix and the paragraph).
A difference is explained when a named rule turns citeproc-js's text into ours (the rules are
applied in turn, so one entry may need several); anything else fails the test.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import pytest

from archive.citations import rendering, styles, typography
from archive.citations.record import CitationRecord
from tests.archive.citations.client_records import corpus_records, example_records
from tests.citation_clients import citeproc_js, needs_node_clients

pytestmark = needs_node_clients

# Prepositions CMOS 17 8.159 and MLA lower-case in titles whatever their length; citeproc-js
# knows more of them than pandoc's citeproc, which follows the CSL specification's short list.
PREPOSITIONS = set(
    [
        "about",
        "above",
        "across",
        "after",
        "against",
        "along",
        "among",
        "around",
        "before",
        "behind",
        "below",
        "beneath",
        "beside",
        "between",
        "beyond",
        "despite",
        "during",
        "except",
        "inside",
        "near",
        "off",
        "onto",
        "outside",
        "over",
        "past",
        "since",
        "through",
        "throughout",
        "toward",
        "towards",
        "under",
        "underneath",
        "until",
        "upon",
        "within",
        "without",
    ]
)
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def _quotes_folded(text: str) -> str:
    return re.sub("[‘’“”]", '"', text)


def _case_of_prepositions_or_symbol_words(js: str, ours: str) -> bool:
    """Words that differ only in case are prepositions, or begin with a symbol (`_under_`,
    `\\backslash`, `{nested`) that pandoc's citeproc counts as a word start and citeproc-js
    does not."""
    a, b = js.split(), ours.split()
    if len(a) != len(b):
        return False
    for x, y in zip(a, b, strict=True):
        if x == y:
            continue
        if x.casefold() != y.casefold():
            return False
        word = re.sub(r"\W", "", x).casefold()
        if word not in PREPOSITIONS and x[:1].isalpha():
            return False
    return True


# rule id -> (what the manual says, a normalisation of citeproc-js's text towards ours, or a
# predicate over both texts)
RULES: dict[str, tuple[str, Callable[[str, str], str | bool]]] = {
    "punctuation-inside-quotes": (
        "CMOS 17 6.9 (and American usage in APA and MLA): a comma or full stop goes inside"
        " single and double closing quotation marks; citeproc-js moves it inside the outer mark"
        " only",
        lambda js, ours: typography.punctuation_inside_quotes(js),
    ),
    "double-quotes-outside": (
        "CMOS 17 13.30 (and APA, American usage): double quotation marks first, single ones inside; in a title"
        " that is not itself quoted (APA references) citeproc-js turns double into single",
        lambda js, ours: ours if _quotes_folded(js) == _quotes_folded(ours) else js,
    ),
    "plain-text-superscript": (
        "no manual rule: <sup>2</sup> is x² in pandoc's plain text and x2 in citeproc-js's (the"
        " HTML agrees)",
        lambda js, ours: ours if ours.translate(_SUPERSCRIPTS) == js else js,
    ),
    "mla-et-al-after-dashes": (
        "MLA Handbook 9 (authors): three or more authors are the first and 'et al.', which"
        " stays after the three hyphens of a repeated name; citeproc-js drops it",
        lambda js, ours: js.replace("———.", "———, et al.", 1) if "———, et al." in ours else js,
    ),
    "title-case-prepositions": (
        "CMOS 17 8.159 and the MLA Handbook 9: prepositions lower case in titles; citeproc-js is"
        " right, pandoc's citeproc capitalises those outside the CSL list (before, under);"
        " words opening with a symbol are not words to either manual",
        _case_of_prepositions_or_symbol_words,
    ),
}


def explain(js: str, ours: str) -> list[str] | None:
    """The rules that turn citeproc-js's text into ours, or None when they cannot."""
    used = []
    for name, (_, rule) in RULES.items():
        if js == ours:
            break
        result = rule(js, ours)
        if result is True:
            return [*used, name]
        if isinstance(result, str) and result != js:
            js = result
            used.append(name)
    return used if js == ours else None


@pytest.fixture(scope="module", params=["examples", "corpus"])
def records(request, tmp_path_factory) -> list[CitationRecord]:
    if request.param == "examples":
        return example_records()
    corpus = request.getfixturevalue("corpus")
    return corpus_records(corpus, tmp_path_factory.mktemp("citeproc") / "data")


@pytest.mark.parametrize("style", list(styles.STYLES))
def test_citeproc_js_and_the_project_agree_but_for_the_listed_rules(records, style, tmp_path):
    ours = styles.format_records(records, style)
    citations = [c for r in records for c in rendering.citations_of(r)]
    cites = [
        {
            "id": c.key,
            "locator": str(c.n) if c.n is not None else None,
            "prefix": rendering.cite_prefix(c, style),
        }
        for c in citations
    ]
    js = citeproc_js(rendering.items(records, style), styles.style_path(style), cites, tmp_path)
    js_refs = {r["id"]: html.unescape(r["text"]) for r in js["references"]}
    js_cites: dict[str, list[str]] = {}
    for cite in js["citations"]:
        js_cites.setdefault(cite["id"], []).append(html.unescape(cite["text"]))
    unexplained = []
    used: set[str] = set()
    for formatted in ours:
        pairs = [(js_refs[formatted.key], formatted.text)]
        pairs += list(
            zip(js_cites[formatted.key], [c.text for c in formatted.citations], strict=True)
        )
        for theirs, mine in pairs:
            rules = explain(theirs, mine)
            if rules is None:
                unexplained.append(
                    f"{formatted.key}\n  citeproc-js: {theirs}\n  ours:        {mine}"
                )
            else:
                used.update(rules)
    assert not unexplained, "\n".join(unexplained)
    assert used <= set(RULES)


def test_each_listed_difference_is_in_the_clients_document():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[3] / "docs" / "citation-clients.md").read_text()
    for name in RULES:
        assert f"`{name}`" in doc, name
