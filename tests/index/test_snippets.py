"""Snippets and highlight HTML from match spans: escaped, marked, cut at words."""

from __future__ import annotations

from index.snippets import highlight_html, snippet_html


def test_the_whole_passage_is_escaped_then_marked():
    text = "<b>Bold</b> & the dam"
    assert highlight_html(text, [(18, 21)]) == "&lt;b&gt;Bold&lt;/b&gt; &amp; the <mark>dam</mark>"


def test_a_short_passage_is_its_own_snippet():
    assert snippet_html("The dam burst.", [(4, 7)]) == "The <mark>dam</mark> burst."


def test_a_snippet_holds_the_densest_matches_cut_at_spaces():
    text = "alpha " * 100 + "dam burst dam " + "omega " * 100
    first = text.index("dam")
    spans = [(first, first + 3), (first + 10, first + 13), (5, 10)]
    snippet = snippet_html(text, spans, width=120)
    assert snippet.count("<mark>dam</mark>") == 2
    assert snippet.startswith("…alpha") and snippet.endswith("…")
    assert "alph …" not in snippet and len(snippet) < 200


def test_a_snippet_without_matches_is_the_start_of_the_passage():
    text = "word " * 200
    snippet = snippet_html(text, [], width=50)
    assert snippet.startswith("word") and snippet.endswith("…") and "<mark>" not in snippet
