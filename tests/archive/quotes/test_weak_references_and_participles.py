"""Round six's patterns (made-up sentences): a "he"/"she" that stands for its person on weak
grounds is not sure enough to be cited unreviewed; "he" is a person, not a league or a book; a
participle after the main clause governs the short quote it touches."""

from __future__ import annotations

from archive.quotes.antecedents import doubtful
from archive.quotes.cast import Cast
from tests.archive.quotes.test_quotes import attribute


def _quote(document, fragment: str):
    return next(q for q in document.quotes if fragment in q.text)


def test_he_said_after_the_only_man_named_as_subject_is_sure():
    document = attribute(
        "John Harker, the union's leader, spoke to reporters on Monday.",
        "“We will not accept this offer,” he said.",
    )
    quote = _quote(document, "not accept this offer")
    assert quote.speaker == "John Harker" and quote.confidence >= 0.9


def test_he_said_far_from_where_his_man_was_last_a_subject_waits_for_review():
    document = attribute(
        "John Harker, the union's leader, spoke to reporters on Monday.",
        "The strike began in May. It has cost the railway millions of pounds since then.",
        "“We will not accept this offer,” he said.",
    )
    quote = _quote(document, "not accept this offer")
    assert quote.speaker == "John Harker" and quote.confidence < 0.9


def test_a_reference_is_doubtful_when_a_rival_is_nearly_as_likely():
    cast = Cast()
    one = cast.person("John Harker", at=0)
    two = cast.person("Peter Lowell", at=10)
    sure = {
        "latest_subject": 1.0,
        "named_in_quote": 0.0,
        "last_quoted": 1.0,
        "subject_previous_sentence": 1.0,
        "here": 1.0,
    }
    assert not doubtful([(one, sure)], one)
    assert doubtful([(one, sure), (two, sure)], one)  # the same score: a coin toss
    assert doubtful([(one, sure | {"named_in_quote": 1.0})], one)
    assert doubtful([(one, sure | {"last_quoted": 0.0, "subject_previous_sentence": 0.0})], one)


def test_he_is_the_man_named_not_a_league_or_a_book_named_after_him():
    document = attribute(
        "England forward Michael Owen has told the BBC he is happy in Spain.",
        "But the 25-year-old, who has spent much of his time on the bench in La Liga, did not "
        "rule out a return. “I'm pleased with the start I've made here,” he told BBC Radio.",
        "Director Ridley Scott has bought the rights to Wolf Brother, a novel for children. "
        "“It is an enchanting book,” he said.",
    )
    assert _quote(document, "pleased with the start").speaker == "Michael Owen"
    assert _quote(document, "enchanting book").speaker == "Ridley Scott"


def test_a_participle_after_the_main_clause_governs_the_short_quote_it_touches():
    document = attribute(
        "Mr Sayeed denied the claims, saying the suspension was “unjust and wrong”.",
        "Mr Howard said Labour had failed, he claimed, saying it was the “wrong solution”.",
    )
    assert _quote(document, "unjust and wrong").speaker == "Mr Sayeed"
    assert _quote(document, "wrong solution").speaker == "Mr Howard"
