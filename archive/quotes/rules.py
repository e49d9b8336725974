"""The cue rules: who a quote's own cue names, or whose words a cue-less quote continues.

A cue touching the quote wins (`"...," he said` / `said: "..."`), then one governing it in
its sentence; a quote with no cue of its own takes a cue in the narration sentence before it,
the previous quote of its paragraph, the cue ending the paragraph before (its colon, or a last
sentence reporting what a named person said), a quote left open in the previous paragraph,
"This is what X told Haaretz" in the next one, or the last speaker of the two paragraphs
before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from archive.quotes import cues, names, spokespeople
from archive.quotes.cast import Member
from archive.quotes.spans import Span
from archive.quotes.speakers import PARAGRAPH, resolve
from archive.quotes.state import State
from archive.quotes.unnamed import unnamed_subject

# "This is what Huiqiong Liu told Haaretz": a cue in the paragraph after a standalone quote.
_FORWARD = re.compile(
    rf"^(?:This|That|These|Those|Such) (?:is|was|are|were) what (?P<subj>.+?) (?:{cues.VERBS})\b"
)


@dataclass
class RuleChoice:
    """The rules' answer for one quote: who, by which cue, under which rule."""

    member: Member | None
    cue: cues.Cue | None
    rule: str
    continuation: Member | None  # whose words the quote would continue, if it has no cue
    # how: "paragraph" (a quote earlier in this paragraph), "open" (a quote the previous
    # paragraph left open), "recent" (the last speaker, in the paragraph before) or
    # "recent_far" (two paragraphs before)
    continuation_kind: str = ""
    # the cue names someone the text does not name ("the prime minister's official
    # spokesman said"): no speaker, whoever spoke before
    unnamed: bool = False
    # the quote shares its sentence and its verb of saying with the quote before it
    # ("said she had “turned her life around” and was “clean and sober”"): no candidate the
    # ranker prefers overrides the rules
    binding: bool = False


def best_cue(trailing: cues.Cue | None, leading: cues.Cue | None) -> cues.Cue | None:
    """The cue that names the speaker: one touching the quote first, then one governing it."""
    ranked = [c for c in (trailing, leading) if c is not None]
    ranked.sort(key=lambda c: (c.subject is None, not c.adjacent))
    if (
        trailing is not None
        and leading is not None
        and leading.subject is not None
        and _relays(trailing)
        and not _relays(leading)
    ):
        # "Malaysia said damage will be “significant”, Agence France Presse reported": the
        # agency relays what Malaysia said
        return leading
    return ranked[0] if ranked else None


_RELAY_VERBS = frozenset(["reported", "reports", "reporting"])


def _relays(cue: cues.Cue) -> bool:
    """A cue of a paper or agency passing words on ("..., AFP reported")."""
    return any(w.strip(",.:").lower() in _RELAY_VERBS for w in cue.phrase.split())


def choose(
    state: State,
    index: int,
    text: str,
    span: Span,
    floor: int,
    cue: cues.Cue | None,
    in_passage: list[int],
    following: str,
    *,
    joined: bool = False,
) -> RuleChoice:
    """The rules' speaker for a top-level quote whose best cue is `cue`; a quote `joined` to the
    one before it in its sentence, with no cue of its own, is that quote's speaker's."""
    continuation, kind = _continuation(state, index, in_passage)
    if joined and in_passage and (cue is None or cue.subject is None):
        unnamed = _unnamed(state, in_passage[-1])
        return RuleChoice(continuation, cue, SAME_SENTENCE, continuation, kind, unnamed, True)
    if _PUT_TO.search(text[floor : span.start - 1]):
        # "Trump was asked: “...?”": the question is the unnamed asker's, not Trump's
        return RuleChoice(None, cue, "a question put to someone", continuation, kind, True)
    if cue is not None and cue.subject is not None:
        member = resolve(state.cast, cue.subject, index * PARAGRAPH + cue.start, state.common_words)
        rule = "cue after the quote" if cue.start > span.start else "cue before the quote"
        if cue.phrase.lower().startswith("according to"):
            rule = "according to"
        for_person = spokespeople.for_person(cue.subject.text, state.cast.find_person)[0]
        unnamed = member is None and (for_person or unnamed_subject(text, cue))
        if unnamed:
            rule = "a person's spokesperson" if for_person else "an unnamed source"
        return RuleChoice(member, cue, rule, continuation, kind, unnamed)
    member, found, rule = _inherit(state, index, text, span, floor, in_passage, following)
    # "...," the prime minister's spokesman said. "...": his words go on, still no one's
    unnamed = rule == "previous quote in the paragraph" and _unnamed(state, in_passage[-1])
    return RuleChoice(member, found or cue, rule, continuation, kind, unnamed)


SAME_SENTENCE = "an earlier quote in its sentence"
_PUT_TO = re.compile(r"\b(?:was|were|is|are|been|being|got|gets|get) asked\s*[:,]?\s*$")


def _unnamed(state: State, quote: int) -> bool:
    """Whether a recorded quote was said by someone the text does not name (by the rules)."""
    decision = state.decisions[quote]
    proposal = decision.proposal if decision is not None else None
    return state.speakers[quote] is None and proposal is not None and proposal.unnamed


def _continuation(state: State, index: int, in_passage: list[int]) -> tuple[Member | None, str]:
    """The speaker a cue-less quote here would continue, and how."""
    if in_passage:
        return state.speakers[in_passage[-1]], "paragraph"
    if state.continuing is not None:
        return state.continuing, "open"
    if index - state.last_passage <= 2 and state.last_speaker is not None:
        # the paragraph before, or with a paragraph of narration between
        return state.last_speaker, "recent" if index - state.last_passage == 1 else "recent_far"
    return None, ""


def _inherit(
    state: State,
    index: int,
    text: str,
    span: Span,
    floor: int,
    in_passage: list[int],
    following: str,
) -> tuple[Member | None, cues.Cue | None, str]:
    """The speaker of a quote with no cue of its own: the one whose words it continues."""
    base = index * PARAGRAPH
    cue = _narration_cue(text, floor, state.quotes[in_passage[-1]].end if in_passage else 0)
    if cue is not None:
        member = resolve(state.cast, cue.subject, base + cue.start, state.common_words)
        return member, cue, "cue in the sentence before"
    if in_passage:
        return state.speakers[in_passage[-1]], None, "previous quote in the paragraph"
    introduced = _introduced_before(state, index, span)
    if introduced is not None:  # `... Jared Potts echoed:` ending the paragraph before
        member = resolve(
            state.cast, introduced.subject, base - PARAGRAPH + introduced.start, state.common_words
        )
        if member is not None:
            return member, introduced, "cue ending the paragraph before"
    reported = _reported_before(state, index, span, text)
    if reported is not None:  # `... Ian Harris, deputy editor, said the machine would sell.`
        member = resolve(
            state.cast,
            reported.subject,
            base - PARAGRAPH + reported.start,
            state.common_words,
            introduce=False,
        )
        if (
            member is not None
            and member is not state.last_speaker
            and member.mention.kind == "person"
            and names.looks_like_person(member.name)  # not "Domestically, ... called"
            and _no_one_else_after(text, span, member)
        ):
            return member, reported, "speech reported at the end of the paragraph before"
    recent = state.last_speaker if index - state.last_passage <= 2 else None
    if span.start > 1:
        named = recent if recent and _named_in(recent, text[:floor]) else None
        return named, None, "speaker named before the quote"
    if state.continuing is not None:
        return state.continuing, None, "quote continued from the paragraph before"
    ahead = _FORWARD.match(following)
    subject = cues.classify(ahead.group("subj")) if ahead else None
    if subject is not None:
        member = resolve(state.cast, subject, base + PARAGRAPH, state.common_words)
        return member, None, "cue in the paragraph after"
    returned = _back_to_earlier_speaker(state, index, recent)
    if returned is not None:  # `... Kemp responded: "...". Mr Howard also paid tribute ...`
        return returned, None, "earlier speaker the narration returned to"
    return recent, None, "last speaker"


def _introduced_before(state: State, index: int, span: Span) -> cues.Cue | None:
    """The cue of a paragraph that ends with a colon ("17-year-old Jared Potts echoed:") when
    this one opens with the quote it introduces."""
    if index == 0 or span.start > 1:
        return None
    before = state.passages[index - 1].text.rstrip()
    if not before.endswith(":"):
        return None
    start = cues.sentence_start(before, len(before) - 1, 0)
    return cues.sentence_cue(before, start, len(before))


# `“... who knows?” Trump told ITV`: a cue after the quote, though past its sentence's end
_NAME_THEN_VERB = re.compile(rf"\s*(?P<name>{names.RUN})\s+(?:{cues.VERBS})\b")


def _no_one_else_after(text: str, span: Span, member: Member) -> bool:
    """No one else is named right after the quote with a verb of saying (a cue the cue rules
    do not take, the quote's sentence having ended)."""
    after = _NAME_THEN_VERB.match(text, span.end + 1)
    return after is None or after.group("name").split()[-1] in member.name.split()


def _reported_before(state: State, index: int, span: Span, text: str) -> cues.Cue | None:
    """The cue of the last sentence of the paragraph before, when it reports what a named
    person said and this paragraph opens with a quote, or with narration about no one
    ("The film will all be encrypted ... “People will see ...”"): the quote is theirs."""
    if index == 0 or (span.start > 1 and not _about_no_one(text[: span.start - 1])):
        return None
    before = state.passages[index - 1].text.rstrip()
    if not before.endswith(".") or before[-2:-1] in "”\"’'":
        return None
    start = cues.sentence_start(before, len(before) - 1, 0)
    cue = cues.sentence_cue(before, start, len(before))
    if cue is None or cue.subject is None or cue.subject.kind != "name":
        return None
    return cue


_REFERS_TO_SOMEONE = re.compile(
    r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Hh]is|[Hh]er|[Tt]heir|[Hh]im)\b"
)


def _about_no_one(narration: str) -> bool:
    """Narration that names no one and refers to no one: no pronoun of a person, no
    capitalised run but the words that open its sentences."""
    if _REFERS_TO_SOMEONE.search(narration):
        return False
    return all(
        names.opens_sentence(narration, start) and " " not in run
        for start, _, run in names.runs(narration)
    )


def _back_to_earlier_speaker(state: State, index: int, recent: Member | None) -> Member | None:
    """Someone quoted earlier whom the narration names as a subject after the last quote
    (before this paragraph), when that is not the last speaker: the report went back to them."""
    if recent is None or not state.quotes:
        return None
    last = next((q for q in reversed(state.quotes) if q.nested_in is None), None)
    if last is None:
        return None
    after = state.index_of(last.passage_n) * PARAGRAPH + last.end
    named = [
        (max(a for a in m.named_at if after < a < index * PARAGRAPH and a in m.seen_at), m)
        for m in state.cast.members
        if m is not recent
        and m.quoted_at
        and any(after < a < index * PARAGRAPH and a in m.seen_at for a in m.named_at)
    ]
    return max(named, key=lambda n: n[0])[1] if len(named) == 1 else None


def _named_in(member: Member, text: str) -> bool:
    """Whether a stretch of narration names `member` (by any recorded form of the name)."""
    return any(_alias_re(alias).search(text) for alias in member.mention.aliases)


@lru_cache(maxsize=4096)  # one per form of a name, compiled once (not again by `re` per quote)
def _alias_re(alias: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(alias)}\b")


def _narration_cue(text: str, floor: int, previous_end: int) -> cues.Cue | None:
    """A cue in the sentence before `floor`, if that sentence is narration after the last quote."""
    if floor <= previous_end + 1:
        return None
    before = cues.sentence_start(text, max(floor - 1, 0), previous_end)
    if text[before:floor].rstrip(" ”\"’'").endswith("?"):
        return None  # the narrator's question ("..., as Kilroy-Silk once declared?") is no cue
    return cues.sentence_cue(text, before, floor)
