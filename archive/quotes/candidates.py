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
from functools import lru_cache
from typing import TYPE_CHECKING

from archive.quotes import names, roles, sources, verbs
from archive.quotes.cast import Cast, Member
from archive.quotes.cues import Subject, classify
from archive.quotes.sources import Source

if TYPE_CHECKING:
    from archive.quotes.state import PassageSources
from archive.quotes.speakers import PARAGRAPH, resolve

MAX_CANDIDATES = 12
_WORD = re.compile(r"[\w’'-]+")
# A closing mark may stand after a space ("... than ever. " A judgement ...).
_SENTENCE_END = re.compile(r"[.!?](?:\s?[”\"’)])*\s+(?=[“\"‘(]?[A-Z0-9])")
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
# "Clinton's response was:": the possessor of words is their speaker.
_SPEECH_NOUNS = frozenset(
    [
        "response",
        "reply",
        "statement",
        "answer",
        "message",
        "tweet",
        "words",
        "comment",
        "verdict",
        "view",
        "advice",
        "retort",
        "assessment",
        "message",
        "remarks",
        "argument",
        "explanation",
        "warning",
        "reaction",
        "question",
    ]
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
    sources: PassageSources,
    cast: Cast,
    common_words: set[str],
    *,
    continuation: Member | None,
    rule: Member | None,
    cue_span: tuple[int, int] | None,
    last_speaker: Member | None,
    quoted: dict[int, int],
    continuation_kind: str = "",
) -> list[Candidate]:
    """The candidates of one quote, with their features."""
    text, base = frame.text, frame.index * PARAGRAPH
    ends = _sentence_ends(text)
    lead_floor = max(frame.floor, frame.previous_end)
    prev_floor = max(frame.previous_end, _sentence_before(ends, lead_floor))
    trail_end = min(_sentence_after(ends, text, frame.close_at), frame.next_open)
    next_end = min(_sentence_after(ends, text, trail_end), frame.next_open)
    opens_paragraph = not text[: frame.open_at].strip(" \t—–-")
    # a question of the narrator's just before the quote ("So is UKIP's job to destroy the
    # Tories, as Robert Kilroy-Silk once declared?"): whoever it names is asked about, not
    # answering
    asked = text[prev_floor:lead_floor].rstrip(" ”\"’'").endswith("?") and lead_floor > prev_floor
    out: list[Candidate] = []
    for source in sources.get(frame.index, []):
        position = _position(source, frame, lead_floor, prev_floor, trail_end, next_end)
        if position == "prev" and asked:
            continue
        if position is not None:
            out.append(_candidate(position, source, frame.index, cast, base, common_words))
    if opens_paragraph and frame.index > 0:
        earlier = sources.get(frame.index - 1, [])
        for source in earlier[-4:]:
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
        if continuation is not None and candidate.member is continuation:
            candidate.features[f"continues:{continuation_kind}"] = 1.0
            if opens_paragraph and continuation_kind.startswith("recent"):
                candidate.features["continues:paragraph_start"] = 1.0
    # "Tony Blair's official spokesman said": the spokesman speaks, never Blair
    # and "... told Five Live": who was told, never who told
    out = [
        c
        for c in out
        if "possessive_person" not in c.features
        and not (c.source is not None and c.source.before in _TOLD)
    ]
    _mark_nearest(out)
    return out


_TOLD = frozenset(["told", "tells", "telling", "tell"])


def _candidate(
    position: str, source: Source, index: int, cast: Cast, base: int, words: set[str]
) -> Candidate:
    # A source's subject and referent are found once, and again only when the cast has grown
    # (a quote of the same paragraph may have introduced someone).
    cached = source.resolved
    if cached is not None and cached[0] == len(cast.members):
        return Candidate(position, source, index, cached[1], cached[2])
    if source.subject is None:
        source.subject = subject_of(source) or False  # False: no subject (found once)
    subject = source.subject or None
    at = index * PARAGRAPH + source.start
    member = resolve(cast, subject, at, words, introduce=False) if subject else None
    source.resolved = (len(cast.members), subject, member)
    return Candidate(position, source, index, subject, member)


@lru_cache(maxsize=64)  # asked again for every quote of the passage
def _sentence_ends(text: str) -> tuple[int, ...]:
    return tuple(m.end() for m in _SENTENCE_END.finditer(text))


def _sentence_before(ends: tuple[int, ...], floor: int) -> int:
    """Start of the sentence before the one starting at `floor`."""
    found = bisect.bisect_left(ends, floor) - 1
    return ends[found] if found >= 0 else 0


def _sentence_after(ends: tuple[int, ...], text: str, at: int) -> int:
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
    rest = text[end : end + 80]
    stop = _CLAUSE_STOP.search(rest)
    if stop:
        rest = rest[: stop.start()]
    return [w.strip(",()—–") for w in rest.lower().split()[:limit] if w.strip(",()—–")]


def _word_before(text: str, start: int) -> str:
    words = text[max(0, start - 30) : start].split()
    return words[-1].strip(',()—–"“”').lower() if words else ""


_VERBISH = re.compile(r"[a-z]{3,}ed")
_CLAUSE_STOP = re.compile(r"[.;:!?“”\"]")


def _features(
    candidate: Candidate,
    frame: Frame,
    rule: Member | None,
    continuation: Member | None,
    cue_span: tuple[int, int] | None,
    last_speaker: Member | None,
    quoted: dict[int, int],
) -> dict[str, float]:
    """The candidate's features; those that are 0 are left out (the ranker reads them as 0)."""
    f: dict[str, float] = {f"pos:{candidate.position}": 1.0}
    member, source = candidate.member, candidate.source
    if member is not None:
        f["resolved"] = 1.0
        f[f"member:{member.mention.kind}"] = 1.0
        if member.mention.kind == "person" and names.looks_human(member.name, member.gender):
            f["member_human"] = 1.0
        if member is rule:
            f["rule_pick"] = 1.0
        if member is continuation:
            f["continues"] = 1.0
        if member is last_speaker:
            f["last_speaker"] = 1.0
        count = quoted.get(id(member), 0)
        if count:
            f["member_quoted"] = math.log1p(count)
        if _named_in(member, frame.quote):
            f["named_in_quote"] = 1.0
    if source is None:
        f["kind:pseudo"] = 1.0
        return f
    f[f"kind:{source.kind}"] = 1.0
    if source.kind == "single" and member is None:
        f["unknown_name"] = 1.0
    if source.kind == "pronoun":
        f[f"pronoun:{source.text}"] = 1.0
    if candidate.features.get("in_description"):
        f["in_description"] = 1.0
    if source.possessive:
        f["possessive"] = 1.0
    if candidate.paragraph != frame.index:
        f["gap_words"] = 3.0
        return f
    text = frame.text
    gap = _gap(candidate, frame)[:240]
    gap_words = _WORD.findall(gap)
    f["gap_words"] = math.log1p(len(gap_words))
    if source.static is None:
        source.static = _source_features(text, source)
    static = source.static
    f.update(static)
    if not _SPEECH_WORDS.isdisjoint(map(str.lower, gap_words)):
        f["gap_verb"] = 1.0
    stripped = gap.strip()
    if stripped.endswith(":") and len(gap_words) <= 12 and source.end <= frame.open_at:
        f["colon"] = 1.0
    if stripped in (",", "", "—", "-", "–"):
        f["comma_adjacent"] = 1.0
    if cue_span is not None and source.start < cue_span[1] and cue_span[0] < source.end:
        f["cue_subject"] = 1.0
    if candidate.position == "lead" and frame.short:
        f["fragment_lead"] = 1.0
    if _leads_next(text, source, frame):
        f["leads_next"] = 1.0
    before_quote = candidate.position in ("lead", "prev")
    # interactions the linear ranker cannot form itself: a name right after a verb, before
    # the quote, is an object ("thanked Obama for '...'"); after the quote, a subject ("said X")
    if before_quote and source.verbish:
        f["lead_object"] = 1.0
    if candidate.position == "trail" and "verb_before" in static:
        f["trail_verb_first"] = 1.0
    if before_quote and not verbs.PARTICIPLES.isdisjoint(gap_words):
        f["gap_participle"] = 1.0
    return f


def _source_features(text: str, source: Source) -> dict[str, float]:
    """The features of a source that do not depend on the quote (found once per source)."""
    f: dict[str, float] = {}
    after = _words_after(text, source.end)
    before = _word_before(text, source.start)
    source.before = before
    while after and after[0] in _SKIP:
        after = after[1:]
    _flag(f, "verb_after", bool(after) and verbs.is_speech_verb(after[0]))
    _flag(f, "verb_after_clause", not _SPEECH_WORDS.isdisjoint(after))
    _flag(f, "verb_before", verbs.is_speech_verb(before))
    _flag(
        f,
        "according",
        text[max(0, source.start - 13) : source.start].lower().strip() == "according to",
    )
    owned = after[1:] if after and after[0] in ("'s", "’s") else after
    _flag(f, "possessive_speech", source.possessive and bool(owned) and owned[0] in _SPEECH_NOUNS)
    _flag(f, "possessive_person", source.possessive and _owns_a_person(owned))
    _flag(f, "after_preposition", before in _PREPOSITIONS)
    _flag(f, "after_by", before == "by")
    _flag(f, "object", before in _OBJECT_VERBS)
    _flag(f, "in_parentheses", "(" in text[max(0, source.start - 2) : source.start])
    _flag(f, "clause_initial", _clause_initial(text, source.start))
    _flag(f, "modifier", _modifies(text, source))
    source.verbish = bool(before) and bool(
        verbs.is_speech_verb(before) or before in _OBJECT_VERBS or _VERBISH.fullmatch(before)
    )
    return f


_SPEECH_WORDS = verbs.WORDS


def _owns_a_person(words: list[str]) -> bool:
    """ "(Blair's) official spokesman", "(Trump's) campaign manager", "(her) lawyer": the words
    after a possessive name a person who is not its owner."""
    for word in words[:3]:
        if word in _PERSON_NOUNS or roles.role_head(word) is not None:
            return True
        if word not in _ADJECTIVES:
            return False
    return False


_PERSON_NOUNS = frozenset(sources.PERSON_HEADS) - {"campaign"}
_ADJECTIVES = frozenset(
    names.words("official chief top senior former longtime press deputy new own campaign personal")
)


def _leads_next(text: str, source: Source, frame: Frame) -> bool:
    """A source after the quote whose verb introduces the next one ("... home." Hasselbaink
    added: "..."): it speaks the next quote, not this one."""
    if source.start <= frame.close_at or frame.next_open >= len(text):
        return False
    between = text[source.end : frame.next_open]
    if len(between) > 60 or not between.rstrip().endswith((":", ",")):
        return False
    return any(verbs.is_speech_verb(w.strip(",:").lower()) for w in between.split())


def _flag(features: dict[str, float], name: str, on: bool) -> None:
    if on:
        features[name] = 1.0


def _named_in(member: Member, quote: str) -> bool:
    """Whether the quote itself names the member (people rarely name themselves)."""
    forms = (member.name.split()[-1], *member.mention.aliases[:3])
    # as whole words: "Saud" is not named by "Saudi women"
    return any(len(a) > 2 and a in quote and _whole_word(a, quote) for a in forms)


def _whole_word(word: str, text: str) -> bool:
    return _whole_word_re(word).search(text) is not None


@lru_cache(maxsize=4096)  # one per form of a name, compiled once (not again by `re` per quote)
def _whole_word_re(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")


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
            # "The Tories are keen, with Liam Fox saying ...": the participle's own subject
            own = [c for c in group if c.source.before == "with" and "verb_after" in c.features]
            subject = max(own, key=lambda c: c.source.start) if own else first
            if "gap_participle" in subject.features:  # "X endorsed Cruz, saying ...": X speaks
                subject.features["participle_subject"] = 1.0
