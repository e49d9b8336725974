"""The quotes stage: every direct quotation in a document, with its speaker and evidence.

For each quoted stretch (archive.quotes.spans) that is speech (archive.quotes.speech), the cue
rules (archive.quotes.rules) propose a speaker; a ranker trained on the development part of
the PolNeAR corpus (archive.quotes.ranker) weighs that proposal against every other name,
pronoun and description around the quote (archive.quotes.candidates); the winner is resolved
to a person or organisation of the document's cast (archive.quotes.cast) and the quote keeps
its confidence (archive.quotes.confidence) and evidence. Everything is pure Python over the
passages, about a millisecond or two per article, with no model download.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from archive.model import Passage, PersonMention, Quote
from archive.quotes import cues, rules, speech, verbs
from archive.quotes.candidates import Frame
from archive.quotes.cast import Member
from archive.quotes.choice import Choice, decide
from archive.quotes.lexicon import COMMON_WORDS
from archive.quotes.mentions import scan_mentions
from archive.quotes.nested import attribute_nested
from archive.quotes.spans import Span, find_spans
from archive.quotes.speakers import PARAGRAPH
from archive.quotes.state import State
from archive.quotes.view import reading_view, restore

QUOTED_KINDS = ("body", "heading")
# Between two quoted stretches, only "and" or "or": the second is said as the first was
# ('described it as "loopy" and "stressed"').
_JOINED = re.compile(r"\s*(?:,\s*)?(?:and|or)\s+(?:an?\s+|the\s+)?")
_MARKS = re.compile(r"[“”\"‘’]|''")


@dataclass
class Attribution:
    """What attribution finds in a document: its quotes and the people and organisations quoted."""

    quotes: list[Quote]
    people: list[PersonMention]
    decisions: list[Choice | None] = field(default_factory=list)  # parallel to quotes

    def speakers_of(self, passage_n: int) -> list[str]:
        """The names quoted in one passage, in order, once each."""
        return _unique(q.speaker for q in self.quotes if q.passage_n == passage_n and q.speaker)


def attribute(passages: list[Passage], *, use_model: bool = True) -> Attribution:
    """Every direct quotation in a document's passages, with its speaker."""
    originals = {p.n: p.text for p in passages}
    views = [Passage(p.n, p.kind, reading_view(p.text)) for p in passages if p.kind in QUOTED_KINDS]
    quoting = [i for i, p in enumerate(views) if _MARKS.search(p.text)]
    last = quoting[-1] if quoting else -1  # nothing to attribute after the last quote mark
    state = State(views, originals, _common_words(views[: last + 2]))
    state.quoting = set(quoting) | {i - 1 for i in quoting}  # passages whose sources matter
    for index, passage in enumerate(views[: last + 1]):
        following = views[index + 1].text if index + 1 < len(views) else ""
        _attribute_passage(state, index, passage, following, use_model)
    for quote, member in zip(state.quotes, state.speakers, strict=True):
        quote.speaker = member.name if member else None  # names may have grown fuller since
        quote.speaker_kind = member.mention.kind if member else None
    return Attribution(state.quotes, state.cast.speakers(), state.decisions)


def _common_words(passages: list[Passage]) -> frozenset[str]:
    """Words the document uses in lower case (so "Analysts" at a sentence start is no name),
    and the common words of news it never capitalises inside a sentence ("Users will ...")."""
    text = " ".join(p.text for p in passages)
    named = frozenset(w.lower() for w in CAPITALISED_INSIDE.findall(text))
    return _DocumentWords(_LOWER_CASE.findall(text), named)


class _DocumentWords(frozenset):
    """A document's lower-case words, which also holds the lexicon's words it does not
    capitalise (a membership test, not a copy of the 8,000-word lexicon per document)."""

    def __new__(cls, words, named: frozenset[str]):
        made = super().__new__(cls, words)
        made.named = named
        return made

    def __contains__(self, word: object) -> bool:
        return frozenset.__contains__(self, word) or (
            word in COMMON_WORDS and word not in self.named
        )


_LOWER_CASE = re.compile(r"\b[a-z]+\b")
# A capitalised word inside a sentence (after a lower-case word, a comma or a semicolon): the
# lexicon (bench/quotes/lexicon.py) counts words by the same test.
# (written capital first, so that the regex engine skips ahead to capitals)
CAPITALISED_INSIDE = re.compile(r"[A-Z](?<=[a-z,;] [A-Z])[a-z]+\b")


def _unique(items) -> list[str]:
    """Items in first-seen order, once each."""
    return list(dict.fromkeys(items))


def _attribute_passage(
    state: State, index: int, passage: Passage, following: str, use_model: bool
) -> None:
    """Find and attribute the quotations of one passage."""
    text, base = passage.text, index * PARAGRAPH
    spans = find_spans(text)
    scan_mentions(text, spans, state.cast, base, state.common_words)
    if index in state.quoting:
        state.sources.add(index, text, spans)
    tops = [s for s in spans if s.depth == 0]
    previous_end, in_passage = 0, []
    for position, span in enumerate(spans):
        if span.depth:
            continue
        later = [s.start - 1 for s in tops if s.start > span.start]
        next_open = later[0] if later else len(text)
        found = _attribute_span(
            state,
            index,
            passage,
            span,
            previous_end,
            next_open,
            in_passage,
            following,
            use_model,
            tops,
        )
        if found is not None:
            previous_end = span.end + 1
            in_passage.append(found)
            attribute_nested(state, passage, spans, position, found, lambda *a: _record(state, *a))
    state.continuing = None
    if in_passage:
        last = state.quotes[in_passage[-1]]
        state.last_speaker, state.last_passage = state.speakers[in_passage[-1]], index
        if not spans[_top_index(spans, last)].closed:
            state.continuing = state.speakers[in_passage[-1]]


def _after_narration(text: str, previous_end: int, open_at: int) -> bool:
    """Whether the sentence before a quote is narration of its own that reports no one's words:
    not the end of the last quote's sentence (`," said John Kennedy, of the IFPI.`)."""
    if not text[previous_end:open_at].strip():
        return False
    start = cues.sentence_start(text, max(previous_end, open_at - 2), previous_end)
    if start <= previous_end and previous_end > 0:
        return False
    return verbs.WORD_RE.search(text, start, open_at) is None


def _cue_ending_run(text: str, tops: list[Span], span: Span) -> cues.Cue | None:
    """The cue naming someone right after the last of the quoted stretches that follow `span`
    with nothing but spaces between them, if that run has more than one stretch."""
    last = span
    for later in tops:
        if later.start <= last.start:
            continue
        if text[last.end + 1 : later.start - 1].strip():
            break
        last = later
    if last is span or not last.closed:
        return None
    cue = cues.trailing_cue(text, last.end, last.text(text))
    if cue is None or cue.subject is None or cue.subject.kind != "name":
        return None
    return cue


def _top_index(spans: list[Span], quote: Quote) -> int:
    """The span a recorded top-level quote came from."""
    return next(
        i for i, s in enumerate(spans) if s.depth == 0 and s.start <= quote.start < s.end + 1
    )


def _attribute_span(
    state: State,
    index: int,
    passage: Passage,
    span: Span,
    previous_end: int,
    next_open: int,
    in_passage: list[int],
    following: str,
    use_model: bool,
    tops: list[Span],
) -> int | None:
    """Record one top-level span if it is speech; return its index in the quote list."""
    text = passage.text
    quote_text = span.text(text)
    open_at = span.start - 1
    floor = max(previous_end, cues.sentence_start(text, open_at, previous_end))
    leading = cues.leading_cue(text, floor, open_at)
    trailing = None
    if span.closed:
        trailing = cues.trailing_cue(text, span.end, quote_text) or cues.passive_agent(
            text, floor, open_at, span.end
        )
    if leading is None and trailing is None and _after_narration(text, previous_end, open_at):
        # after narration that reports no one's words ("US coach Patrick McEnroe wants ..."),
        # a run of quoted stretches that ends `," said McEnroe` is his, the first stretches
        # too, not the words of whoever the paragraph quoted before
        trailing = _cue_ending_run(text, tops, span)
    joined = bool(in_passage) and (
        _JOINED.fullmatch(text, previous_end, open_at) is not None
        # "said Ms Love had “turned her life around” and she was “clean and sober”": the
        # sentence's verb of saying governs every quoted stretch after its first
        or cues.sentence_start(text, open_at) < previous_end
    )
    if not joined and not speech.is_speech(
        quote_text,
        text[floor:open_at],
        leading,
        trailing,
        closed=span.closed,
        heading=passage.kind == "heading",
    ):
        return None
    cue = rules.best_cue(trailing, leading)
    state.cast.frontier, state.cast.quote = index * PARAGRAPH + open_at, quote_text
    proposal = rules.choose(
        state, index, text, span, floor, cue, in_passage, following, joined=joined
    )
    frame = Frame(index, text, open_at, span.end, floor, previous_end, next_open, quote_text)
    choice = decide(state, frame, proposal, use_model=use_model)
    return _record(state, passage, span, choice.member, choice, None)


def _record(
    state: State,
    passage: Passage,
    span: Span,
    speaker: Member | None,
    how: Choice | cues.Cue | None,
    nested_in: int | None,
) -> int:
    """Append a quote (and note its speaker as the latest subject); return its index."""
    raw = span.text(passage.text)
    start = span.start + (len(raw) - len(raw.lstrip()))
    end = span.start + len(raw.rstrip())
    if isinstance(how, Choice):
        cue, evidence, confidence, decision = how.cue, how.evidence(), how.confidence, how
    else:
        cue = restore(how.phrase) if how else None
        evidence = {"cue": cue, "rule": "nested quote", "chain": [], "candidates": []}
        confidence, decision = (0.5 if speaker is not None else 0.0), None
    quote = Quote(
        text=state.originals[passage.n][start:end],
        passage_n=passage.n,
        speaker=speaker.name if speaker else None,
        cue=cue,
        start=start,
        end=end,
        nested_in=nested_in,
        confidence=confidence,
        evidence=evidence,
    )
    if speaker is not None and isinstance(how, Choice):
        _settle_cue_pronoun(state, how, speaker)
    if speaker is not None:
        speaker.speaker = True
        state.quoted[id(speaker)] = state.quoted.get(id(speaker), 0) + 1
        if nested_in is None:
            at = state.index_of(passage.n) * PARAGRAPH + span.start
            state.cast.note(speaker, at)
            speaker.quoted_at.append(at)
    state.quotes.append(quote)
    state.speakers.append(speaker)
    state.decisions.append(decision)
    return len(state.quotes) - 1


def _settle_cue_pronoun(state: State, choice: Choice, speaker: Member) -> None:
    """The "he" of `"...," he said` is the speaker chosen: narration keeps to that."""
    chosen = choice.chosen
    source = chosen.source if chosen is not None else None
    if source is not None and source.kind == "pronoun" and source.text in ("he", "she"):
        state.cast.settle_pronoun(chosen.paragraph * PARAGRAPH + source.start, speaker)
