"""Quotes inside a quotation: a person recounting what someone told them.

A nested quote belongs to the person the quotation names for it ("and then Li said 'go'"),
to the narrator of the outer quote for "I said", and to no one otherwise.
"""

from __future__ import annotations

from collections.abc import Callable

from archive.model import Passage
from archive.quotes import cues, speech
from archive.quotes.cast import Member
from archive.quotes.rules import best_cue
from archive.quotes.spans import Span
from archive.quotes.state import State

Record = Callable[..., int]


def attribute_nested(
    state: State,
    passage: Passage,
    spans: list[Span],
    outer: int,
    outer_quote: int,
    record: Record,
) -> None:
    """Record quotes nested in a recorded quote: named speakers only (else None)."""
    text = passage.text
    narrator = state.speakers[outer_quote]
    parents = {outer: outer_quote}
    previous_end: dict[int, int] = {}
    for position in range(outer + 1, len(spans)):
        span = spans[position]
        if span.depth == 0:
            break
        if span.parent not in parents:
            continue
        parent = spans[span.parent]
        floor = max(
            previous_end.get(span.parent, parent.start),
            cues.sentence_start(text, span.start - 1, parent.start),
        )
        previous_end[span.parent] = span.end + 1
        leading = cues.leading_cue(text, floor, span.start - 1)
        quote_text = span.text(text)
        trailing = cues.trailing_cue(text, span.end, quote_text) if span.closed else None
        if not speech.is_speech(
            quote_text, text[floor : span.start - 1], leading, trailing, closed=span.closed
        ):
            continue
        cue = best_cue(trailing, leading)
        speaker = _inner_speaker(state, cue, narrator)
        parents[position] = record(passage, span, speaker, cue, parents[span.parent])


def _inner_speaker(state: State, cue: cues.Cue | None, narrator: Member | None) -> Member | None:
    """Who speaks inside a quotation: someone named there, the narrator for "I said", else None."""
    if cue is None or cue.subject is None:
        return None
    if cue.subject.kind == "pronoun":
        return narrator if cue.subject.text == "i" else None
    if cue.subject.kind != "name":
        return None
    if len(cue.subject.text.split()) == 1:
        return state.cast.known(cue.subject.text)
    return state.cast.person(cue.subject.text)
