"""The candidate speakers of one quote and what is known about each, for the ranker.

Candidates are the sources (archive.quotes.sources) around the quote - in its sentence before
it (`lead`) or after it (`trail`), in the sentence before (`prev`) or after (`next`), elsewhere
in the paragraph (`before`, `after`), at the end of the previous paragraph (`prevpara`) - and
two that are not mentions: the speaker of the quote this one may continue (`continuation`)
and the choice of the cue rules when it is none of those (`rule`). Each carries features
(plain numbers, named) that archive.quotes.ranker weighs.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field

from archive.quotes import verbs
from archive.quotes.cast import Cast, Member
from archive.quotes.cues import Subject, classify
from archive.quotes.sources import Source
from archive.quotes.speakers import PARAGRAPH, resolve

MAX_CANDIDATES = 16
_WORD = re.compile(r"[\w’'-]+")
_SENTENCE_END = re.compile(r"[.!?][”\"’)]*\s+(?=[“\"‘(]?[A-Z0-9])")
_SKIP = frozenset(
    [
        "also",
        "then",
        "later",
        "recently",
        "previously",
        "simply",
        "once",
        "now",
        "again",
        "earlier",
        "subsequently",
        "repeatedly",
        "flatly",
        "only",
        "just",
        "quickly",
        "immediately",
        "has",
        "have",
        "had",
        "would",
        "will",
        "may",
        "might",
        "could",
        "did",
        "does",
        "do",
        "firmly",
        "openly",
        "publicly,",
        "reportedly",
        "bluntly",
        "forcefully",
        "angrily",
        "sarcastically",
        "quietly",
        "told",
    ]
)
_PREPOSITIONS = frozenset(
    [
        "of",
        "to",
        "for",
        "with",
        "about",
        "against",
        "on",
        "at",
        "from",
        "than",
        "into",
        "over",
        "by",
        "in",
    ]
)
_OBJECT_VERBS = frozenset(
    ["told", "tells", "tell", "asked", "asks", "ask", "thanked", "praised", "urged", "warned"]
)
_CLAUSE_OPENERS = frozenset(
    ["and", "but", "while", "as", "when", "after", "before", "so", "because", "though"]
)


@dataclass
class Candidate:
    """One possible speaker of a quote."""

    position: str
    source: Source | None  # None for `continuation` and `rule`
    paragraph: int  # index of the passage the source stands in
    subject: Subject | None  # how to resolve the source for real
    member: Member | None  # who it refers to, as far as known now
    features: dict[str, float] = field(default_factory=dict)
    score: float = 0.0

    @property
    def text(self) -> str:
        if self.source is not None:
            return self.source.text
        return self.member.name if self.member else ""


@dataclass
class Frame:
    """Where a quote stands in its passage (offsets in the reading view)."""

    index: int  # passage index
    text: str
    open_at: int  # the opening mark
    close_at: int  # the closing mark (or the end of the passage)
    floor: int  # start of the narration before the quote in its sentence
    previous_end: int  # end of the previous quote in the passage (0 if none)
    next_open: int  # the next quote's opening mark (len(text) if none)
    quote: str

    def __post_init__(self) -> None:
        self.short = len(_WORD.findall(self.quote)) < 6  # a fragment rather than a sentence


def subject_of(source: Source) -> Subject | None:
    """The cue subject a source is, for archive.quotes.speakers.resolve."""
    if source.kind == "pronoun":
        return Subject("pronoun", source.text)
    if source.kind == "description":
        found = classify(source.text)
        return found if found is not None else Subject("generic", source.text.lower())
    if source.kind == "person":
        found = classify(source.text)  # "Tory Dominic Grieve": the role apart from the name
        if found is not None and found.kind == "name" and found.text:
            return found
    return Subject("name", source.text)


def gather(
    frame: Frame,
    sources: dict[int, list[Source]],
    cast: Cast,
    common_words: set[str],
    *,
    continuation: Member | None,
    rule: Member | None,
    cue_span: tuple[int, int] | None,
    last_speaker: Member | None,
    quoted: dict[int, int],
) -> list[Candidate]:
    """The candidates of one quote, with their features."""
    text, base = frame.text, frame.index * PARAGRAPH
    ends = _sentence_ends(text)
    lead_floor = max(frame.floor, frame.previous_end)
    prev_floor = max(frame.previous_end, _sentence_before(ends, lead_floor))
    trail_end = min(_sentence_after(ends, text, frame.close_at), frame.next_open)
    next_end = min(_sentence_after(ends, text, trail_end), frame.next_open)
    opens_paragraph = not text[: frame.open_at].strip(" \t—–-")
    out: list[Candidate] = []
    for source in sources.get(frame.index, []):
        position = _position(source, frame, lead_floor, prev_floor, trail_end, next_end)
        if position is not None:
            out.append(_candidate(position, source, frame.index, cast, base, common_words))
    if opens_paragraph and frame.index > 0:
        earlier = sources.get(frame.index - 1, [])
        for source in earlier[-6:]:
            out.append(_candidate("prevpara", source, frame.index - 1, cast, base, common_words))
    members = {id(c.member) for c in out if c.member is not None}
    if continuation is not None and id(continuation) not in members:
        out.append(Candidate("continuation", None, frame.index, None, continuation))
        members.add(id(continuation))
    if rule is not None and id(rule) not in members:
        out.append(Candidate("rule", None, frame.index, None, rule))
    out = _nearest_first(out, frame)[:MAX_CANDIDATES]
    descriptions = [
        c.source for c in out if c.source is not None and c.source.kind == "description"
    ]
    for candidate in out:
        source = candidate.source
        if source is not None and source.is_name:
            inside = any(d.start <= source.start and source.end <= d.end for d in descriptions)
            candidate.features["in_description"] = float(inside)
    for candidate in out:
        candidate.features = _features(
            candidate, frame, rule, continuation, cue_span, last_speaker, quoted
        )
    _mark_nearest(out)
    return out


def _candidate(
    position: str, source: Source, index: int, cast: Cast, base: int, words: set[str]
) -> Candidate:
    subject = subject_of(source)
    at = index * PARAGRAPH + source.start
    member = resolve(cast, subject, at, words, introduce=False) if subject else None
    return Candidate(position, source, index, subject, member)


def _sentence_ends(text: str) -> list[int]:
    return [m.end() for m in _SENTENCE_END.finditer(text)]


def _sentence_before(ends: list[int], floor: int) -> int:
    """Start of the sentence before the one starting at `floor`."""
    found = bisect.bisect_left(ends, floor) - 1
    return ends[found] if found >= 0 else 0


def _sentence_after(ends: list[int], text: str, at: int) -> int:
    """Start of the first sentence after offset `at`."""
    found = bisect.bisect_right(ends, at)
    return ends[found] if found < len(ends) else len(text)


def _position(
    source: Source, frame: Frame, lead_floor: int, prev_floor: int, trail_end: int, next_end: int
) -> str | None:
    if source.end <= frame.open_at:
        if source.start >= lead_floor:
            return "lead"
        if source.start >= prev_floor:
            return "prev"
        return "before" if source.start >= frame.previous_end else None
    if source.start > frame.close_at:
        if source.start < trail_end:
            return "trail"
        if source.start < next_end:
            return "next"
        return "after" if source.start < frame.next_open else None
    return None


def _nearest_first(candidates: list[Candidate], frame: Frame) -> list[Candidate]:
    order = {"lead": 0, "trail": 0, "continuation": 1, "rule": 1, "prev": 2, "next": 3}
    return sorted(candidates, key=lambda c: (order.get(c.position, 4), _distance(c, frame)))


def _distance(candidate: Candidate, frame: Frame) -> int:
    source = candidate.source
    if source is None or candidate.paragraph != frame.index:
        return 10_000
    if source.end <= frame.open_at:
        return frame.open_at - source.end
    return source.start - frame.close_at


def _gap(candidate: Candidate, frame: Frame) -> str:
    """The text between a source and the quote (in the same passage)."""
    source = candidate.source
    if source is None or candidate.paragraph != frame.index:
        return ""
    if source.end <= frame.open_at:
        return frame.text[source.end : frame.open_at]
    return frame.text[frame.close_at + 1 : source.start]


def _words_after(text: str, end: int, limit: int = 6) -> list[str]:
    """Lower-case words after `end` up to the next clause punctuation."""
    rest = re.split(r"[.;:!?“”\"]", text[end : end + 120], maxsplit=1)[0]
    return [w.lower() for w in _WORD.findall(rest)[:limit]]


def _word_before(text: str, start: int) -> str:
    words = _WORD.findall(text[max(0, start - 40) : start])
    return words[-1].lower() if words else ""


def _features(
    candidate: Candidate,
    frame: Frame,
    rule: Member | None,
    continuation: Member | None,
    cue_span: tuple[int, int] | None,
    last_speaker: Member | None,
    quoted: dict[int, int],
) -> dict[str, float]:
    f: dict[str, float] = {f"pos:{candidate.position}": 1.0}
    member, source = candidate.member, candidate.source
    f["resolved"] = float(member is not None)
    f["rule_pick"] = float(member is not None and member is rule)
    f["continues"] = float(member is not None and member is continuation)
    f["last_speaker"] = float(member is not None and member is last_speaker)
    if member is not None:
        f["member_quoted"] = math.log1p(quoted.get(id(member), 0))
        f[f"member:{member.mention.kind}"] = 1.0
        f["named_in_quote"] = float(
            any(
                a and len(a) > 2 and a in frame.quote
                for a in (member.name.split()[-1], *member.mention.aliases[:3])
            )
        )
    if source is None:
        f["kind:pseudo"] = 1.0
        return f
    f[f"kind:{source.kind}"] = 1.0
    if source.kind == "pronoun":
        f[f"pronoun:{source.text}"] = 1.0
    same = candidate.paragraph == frame.index
    gap = _gap(candidate, frame)
    gap_words = len(_WORD.findall(gap))
    f["gap_words"] = math.log1p(gap_words) if same else 3.0
    text = frame.text if same else ""
    after = _words_after(text, source.end) if same else []
    before = _word_before(text, source.start) if same else ""
    while after and after[0] in _SKIP:
        after = after[1:]
    f["verb_after"] = float(bool(after) and verbs.is_speech_verb(after[0]))
    f["verb_after_clause"] = float(any(verbs.is_speech_verb(w) for w in after))
    f["verb_before"] = float(verbs.is_speech_verb(before))
    f["gap_verb"] = float(any(verbs.is_speech_verb(w.lower()) for w in _WORD.findall(gap)))
    stripped = gap.strip()
    f["colon"] = float(stripped.endswith(":") and gap_words <= 12 and source.end <= frame.open_at)
    f["comma_adjacent"] = float(stripped in (",", "", "—", "-", "–") and same)
    f["according"] = float(
        text[max(0, source.start - 13) : source.start].lower().strip() == "according to"
    )
    f["possessive"] = float(source.possessive)
    f["after_preposition"] = float(before in _PREPOSITIONS)
    f["after_by"] = float(before == "by")
    f["object"] = float(before in _OBJECT_VERBS)
    f["in_parentheses"] = float("(" in text[max(0, source.start - 2) : source.start])
    f["clause_initial"] = float(_clause_initial(text, source.start) if same else 0.0)
    f["modifier"] = float(same and _modifies(text, source))
    f["in_description"] = float(candidate.features.get("in_description", 0.0))
    if cue_span is not None and same:
        f["cue_subject"] = float(source.start < cue_span[1] and cue_span[0] < source.end)
    f["fragment_lead"] = float(candidate.position == "lead" and len(_WORD.findall(frame.quote)) < 6)
    return f


def _modifies(text: str, source: Source) -> bool:
    """A name that describes the next one ("JP Morgan analyst John Ivankoe", "Scotland forward
    Simon Taylor", "Mr Nogar's son Stephen"): a name follows within four lower-case words that
    are neither verbs nor function words, with no punctuation between."""
    if not source.is_name:
        return False
    found = _MODIFIED.match(text, source.end)
    if not found:
        return False
    between = found.group("words").split()
    return not any(w in _FUNCTION or verbs.is_speech_verb(w) for w in between)


_MODIFIED = re.compile(r"(?:['’]s)?(?P<words>(?:\s+[a-z][\w-]*){1,4})\s+[A-Z][a-z]")
_FUNCTION = frozenset(
    [
        "and",
        "or",
        "but",
        "the",
        "a",
        "an",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "from",
        "with",
        "by",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "can",
        "did",
        "does",
        "do",
        "not",
        "also",
        "who",
        "which",
        "that",
        "said",
        "says",
        "as",
        "than",
        "then",
        "when",
        "while",
        "after",
        "before",
        "during",
        "since",
        "about",
        "over",
        "into",
    ]
)


def _clause_initial(text: str, start: int) -> bool:
    """Whether a source opens its sentence or clause (after at most a few adverbial words)."""
    before = text[max(0, start - 60) : start]
    if not before.strip():
        return True
    tail = before.rstrip()
    if tail.endswith((",", ".", ":", ";", "—", "–", "(")):
        return True
    words = tail.split()
    return bool(words) and words[-1].lower() in _CLAUSE_OPENERS


def _mark_nearest(candidates: list[Candidate]) -> None:
    """Flag the nearest source in the lead and in the trail."""
    for position in ("lead", "trail", "prev", "next"):
        group = [c for c in candidates if c.position == position and c.source is not None]
        if not group:
            continue
        key = (
            (lambda c: -c.source.end)
            if position in ("lead", "prev")
            else (lambda c: c.source.start)
        )
        nearest = min(group, key=key)
        nearest.features["nearest"] = 1.0
        if position in ("lead", "prev"):
            first = min(group, key=lambda c: c.source.start)
            first.features["first_in_sentence"] = 1.0
