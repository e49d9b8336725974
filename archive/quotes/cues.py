"""Speaker cues around a quotation: "he tells Haaretz", "said Mr Barber", "According to X, ...".

A cue is a verb of saying with its subject as written ("he", "Mr Blair", "the prime minister",
"the Chinese Embassy in Israel"); resolving the subject to a person is archive.quotes.cast's job.
Cues are looked for after the closing mark (", he said"), before the opening mark in the same
sentence ("Lord Falconer said: ..."), and in a whole narration sentence (for a quote that
follows "Liu says she has another vital piece of evidence.").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from archive.quotes import names, roles, spokespeople, verbs

VERBS = verbs.ALTERNATION
_NOUN_USE = r"(?!\s+(?:of|to|have|has|had|were|are|is|was|by|from)\b)"
_AFTER_DETERMINER = "".join(
    rf"(?<!\b{d}\s)" for d in ("a", "an", "the", "his", "her", "its", "their")
)
# a past form is no noun: "he pledged to “turn these beliefs into reality”", "complained of"
_PAST_USE = r"(?!\s+(?:by|were|are|is|was)\b)"
# "a bridge which he said was “...”": "said" before "was" after a pronoun is still the verb
# (not "not everything Trump says is true")
_SAID_WAS = (
    "(?:"
    + "|".join(f"(?<=\\b{p} {v})" for p in ("he", "she", "they", "we") for v in ("said", "says"))
    + r")(?=\s+(?:was|is|were|are)\b)"
)
VERB_RE = re.compile(
    rf"\b{_AFTER_DETERMINER}(?P<verb>{VERBS})\b"  # the cheap word boundary tested first
    rf"(?:{_SAID_WAS}|(?<=ed){_PAST_USE}|(?<!ed){_NOUN_USE})"
)
_OBJECT = re.compile(
    rf"\s+(?:(?:by|to)\s+)?(?:(?:the\s+)?{names.RUN}(?:['’]s(?:\s+{names.RUN})*)?"
    r"|reporters|journalists|the court|the jury|me|him|her|us|them)"
)
_TAKES_OBJECT = verbs.TAKES_OBJECT
_PARTICIPLES = verbs.PARTICIPLES

PRONOUNS = {"he", "she", "they", "i", "we"}
_SKIP_BEFORE_VERB = {
    "also",
    "further",
    "then",
    "later",
    "recently",
    "previously",
    "simply",
    "has",
    "have",
    "had",
    "once",
    "now",
    "again",
    "earlier",
    "subsequently",
    "repeatedly",
    "flatly",
    "unequivocally",
    "only",
    "just",
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
    "publicly",
    "meanwhile",
    "however",
    "instead",
    "too",
    "herself",
    "himself",
    "therefore",
}
_PASSIVE = {
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "it",
    "there",
    "who",
    "which",
    "that",
}
_DETERMINERS = {
    *("the", "a", "an", "his", "her", "their", "its", "my", "our", "one"),
    *("some", "several", "many", "two", "three", "dozens", "hundreds", "thousands"),
}
_BOUNDARY = re.compile(
    r"(?:[.!?;:][”\"’]?\s+|,\s+|\s[–—-]\s|\sand\s(?![A-Z])|\s(?:but|that|because|as|while|when|"
    r"where|after|before|since|although|though|if|so|whether|how|what|why)\s)"
)
_T2_STOP = re.compile(
    r"\s(?:while|in|on|at|after|before|when|as|adding|referring|during|yesterday|today|last|"
    r"this|to|but|and|who|from|recently|earlier|with|of\s+the\s+\w+s\b)\b|[,.;:!?(“”\"]"
)
_CONJUNCTIONS = re.compile(
    r"^(?:(?:and|but|or|so|then|yet|while|as|however|meanwhile),?\s+)+", re.I
)
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?P<subj>[^,.;:“”\"]{2,80})")
_SENTENCE_END = re.compile(
    r"[.!?](?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bMrs\.)(?<!\bSt\.)(?<!\bNo\.)"
    r"(?<!\b[A-Z]\.)(?:\s?[”\"’)])*\s+(?=[“\"‘(]?[A-Z0-9])"
)
_GROUP_NOUNS = {
    "experts",
    "examiners",
    "investigators",
    "inspectors",
    "monitors",
    "observers",
    "officials",
    "rapporteurs",
    "researchers",
    "ministers",
    "diplomats",
    "sources",
    "lawyers",
    "doctors",
    "scientists",
    "analysts",
    "campaigners",
    "activists",
    "leaders",
    "members",
    "spokesmen",
    "police",
    "prosecutors",
    "judges",
}
_COMMISSIONED = re.compile(
    rf"^[Tt]he\s+(?:[\w-]+\s+){{0,3}}?(?P<noun>{'|'.join(sorted(_GROUP_NOUNS))})\s+"
    rf"(?:commissioned|appointed|employed|sent|hired|chosen|working)\s+(?:by|for)\s+"
    rf"(?:the\s+)?(?P<org>{names.TOKEN})"
)


@dataclass
class Subject:
    """Who a cue says is speaking, as written."""

    kind: str  # "pronoun", "name", "phrase" (the/a/his ...), "group" (UN experts), "generic"
    text: str
    role: str | None = None


@dataclass
class Cue:
    """A verb of saying and its subject, with its place in the passage."""

    phrase: str
    subject: Subject | None
    start: int
    end: int
    adjacent: bool = False  # touches the quote: ", he said" or "said:"
    gap_punctuated: bool = False  # a comma, colon or semicolon between the verb and the quote
    passive: bool = False  # "was branded “...” by the Tories": the one branded did not speak


_MEMBER_OF = re.compile(
    rf"^(?P<name>{names.RUN})\s+(?P<org>(?:from|of|at|with)\s+(?:the\s+)?"
    # "of box office tracker Exhibitor Relations": a few plain words may describe the body
    rf"(?:[a-z][a-z-]*\s+){{0,3}}[{names.UPPER}].*)$"
)


# Patterns compiled once here, not by `re` at each call: its cache of 512 patterns is shared
# by the whole stage, and one the size of names.RUN is slow to compile again.
_GROUP_RUN = re.compile(rf"(?P<run>{names.RUN})\s+(?P<noun>[a-z]+)")
_RUN_AT_END = re.compile(rf"(?:{names.RUN})$")


@lru_cache(maxsize=4096)  # the first words of subjects, each compiled once
def _whole_word(word: str) -> re.Pattern[str]:
    """A word standing alone (not "Saud" of "Saudi", nor part of a hyphenated word)."""
    return re.compile(rf"(?<![\w’'-]){re.escape(word)}(?![\w’'-])")


# The capitalised run a stretch of text ends with (a whole word: not "Ps" of "MPs").
_TRAILING_RUN = re.compile(rf"(?<![\w’'.-])(?:{names.RUN})$")


def classify(segment: str) -> Subject | None:
    """What kind of speaker reference a short stretch of text is, or None."""
    found = _classify(segment)
    # a copy of the cached answer: callers go on to give their subject its role
    return replace(found) if found is not None else None


@lru_cache(maxsize=8192)  # about half the segments asked of a corpus are asked again
def _classify(segment: str) -> Subject | None:
    seg = _CONJUNCTIONS.sub("", segment.strip(" ,"))
    if not seg or len(seg.split()) > 16:
        return None
    low = seg.lower()
    if low in PRONOUNS:
        return Subject("pronoun", low)
    if "spokes" in seg:
        if spokespeople.OWNED.match(seg):  # "Mr Blair's official spokesman"
            return Subject("phrase", seg)
        opener = seg.split()[0].lower()
        if opener not in _DETERMINERS and _BODY_SPOKESPERSON.fullmatch(seg):
            # "Department for Culture, Media and Sport spokesman" ("The spokesman" is no body's)
            return Subject("phrase", f"a {seg}")
    group = _COMMISSIONED.match(seg)
    if group:
        return Subject("group", f"{group.group('org')} {group.group('noun')}")
    first = low.split()[0]
    if first in _DETERMINERS:
        named = _role_then_name(seg)
        if named is not None:
            return named
        last = low.split()[-1]
        too_long = len(seg.split()) > 8 and not _OF_BODY.fullmatch(seg)
        if too_long or last in _DETERMINERS or last in _PASSIVE:
            return None
        return Subject("phrase", seg)
    member_of = _MEMBER_OF.match(seg)  # "Nigel McCune from the Musicians' Union"
    if member_of and names.looks_like_person(member_of.group("name")):
        return Subject("name", member_of.group("name"), member_of.group("org").strip())
    run = _TRAILING_RUN.search(seg)
    if run:
        return _named(seg, run)
    group_run = _GROUP_RUN.fullmatch(seg)
    if group_run and group_run.group("noun") in _GROUP_NOUNS:
        return Subject("group", seg)
    if low in _GROUP_NOUNS or low.split()[-1] in _GROUP_NOUNS and len(seg.split()) <= 3:
        return Subject("generic", low)
    return None


def _role_then_name(seg: str) -> Subject | None:
    """ "Her director Leigh", "the singer Bob Dylan": a determiner, a person's noun, then the
    name of the person it describes."""
    run = _TRAILING_RUN.search(seg)
    if run is None:
        return None
    before = seg[: run.start()].split()
    if len(before) < 2 or not before[-1].islower() or not roles.person_noun(before[-1]):
        return None
    name = run.group()
    if not (names.looks_like_person(name) or len(name.split()) == 1):
        return None
    return Subject("name", name, " ".join(before))


def _named(seg: str, run: re.Match[str]) -> Subject | None:
    """A subject ending in a capitalised run, with the role words before it."""
    text = " ".join(names.without_time_words(run.group().split()))
    ahead = seg[: run.start()].split()
    last = text.split()[-1].lower().rstrip("s")
    if ahead and ahead[-1].lower() in ("a", "an", "another") and last in names.PARTY_MEMBERS:
        return Subject("phrase", seg)  # "another New Hampshire Republican": no one named
    if names.is_party(text):  # "the Lib Dems": a party, not "Dems" with a title
        return Subject("name", text)
    first = text.split()[0].rstrip(".").lower()
    following = text.split()[1] if len(text.split()) > 1 else ""
    if (
        first in names.NOT_NAME_WORDS
        and first not in names.HONORIFICS
        and not (first in names.PLACE_PREFIXES and following[:1].isupper())
    ):
        text = " ".join(text.split()[1:])
        if not text:
            return None
    descriptor = roles.descriptor_before(seg, run.start())
    titles, name = names.split_titles(text)
    role = " ".join(p for p in (descriptor, titles) if p) or None
    if role and any(ch.isdigit() for ch in role):
        role = None
    return Subject("name", name, role)


def subject_before(before: str) -> Subject | None:
    """The subject of a verb, from the text that precedes the verb in its clause."""
    text = before.rstrip()
    words = text.split()
    while words and words[-1].lower() in _SKIP_BEFORE_VERB:
        words.pop()
    text = " ".join(words)
    if len(words) > 1 and words[-1].lower() == "who" and words[-2].endswith(","):
        # "Princess Marguerite of Romania, the King's eldest daughter, who said ...": the
        # person the relative clause is about
        head = " ".join(words[:-1])[:-1]
        subject = _with_appositive(head)
        if subject is None:  # "... were denied by Foreign Secretary Jack Straw, who accused"
            run = _TRAILING_RUN.search(head)
            subject = classify(run.group()) if run else None
        return subject
    if len(words) > 1 and words[-1].lower() == "who" and words[-2][:1].isupper():
        # "including actor George C Scott who said the whole thing was “demeaning”"
        run = _TRAILING_RUN.search(" ".join(words[:-1]))
        return classify(run.group()) if run else None
    if not words or words[-1].lower() in _PASSIVE:
        return None
    if _opened_by_an_adverbial(words):
        # "On the Asian tsunami he said it had been “very heartening”": the pronoun after a
        # phrase of place or time is the subject of the sentence's verb
        return Subject("pronoun", words[-1])
    relative = _NAME_WHO.search(text) if text.endswith(",") else None
    if relative is not None:
        # "Mr Wilson, who was also involved with New Order, as well as the Happy Mondays,
        # said": the person the relative clause is about, not the clause's last name
        subject = classify(relative.group("name"))
        if subject is not None and subject.kind == "name":
            return subject
    if text.endswith(","):
        return _with_appositive(text[:-1])
    parts = _BOUNDARY.split(text)
    subject = classify(parts[-1])
    relative = _RELATIVE_SUBJECT.fullmatch(parts[-1])
    if subject is None and relative:  # "a bridge, which he said was “...”": he
        subject = classify(relative.group("subj"))
    if len(parts) > 1 and _names_a_body(subject):
        person = _person_before_body(parts[-2], text[: -len(parts[-1])])
        if person is not None:
            person.role = person.role or subject.text
            return person
    if subject and subject.kind == "phrase" and len(parts) > 1 and text.endswith(parts[-1]):
        named = _appositive_without_comma(text[: -len(parts[-1])], parts[-1])
        return named or subject
    return subject


_SUBJECT_PRONOUNS = PRONOUNS - {"i"}  # written "I", never after a phrase in lower case
_ADVERBIAL_OPENERS = frozenset(
    ["on", "in", "at", "after", "before", "during", "earlier", "later", "yesterday", "today"]
)
_CLAUSE_WORDS = frozenset(["which", "that", "who", "whom", "whose", "when", "if", "because"])


def _opened_by_an_adverbial(words: list[str]) -> bool:
    """Words that are a short phrase of place or time, then "he"/"she"/"they"/"we", with no
    clause of their own ("On the Asian tsunami he", not "council tax bands which he")."""
    return (
        2 <= len(words) <= 7
        and words[-1] in _SUBJECT_PRONOUNS
        and words[0].lower() in _ADVERBIAL_OPENERS
        and not any(w.lower().strip(",") in _CLAUSE_WORDS for w in words)
        and not any(w.endswith(",") for w in words)
    )


# A name opening its clause, then a relative clause about it up to the verb (after one
# apposition at most: "Lord Condon, head of the unit, who made the call, said")
_NAME_WHO = re.compile(
    rf"(?:^|[.;:!?]\s+|,\s+(?:but|and)\s+)(?P<name>{names.RUN}),\s+(?:[^,“”\"]+,\s+)?"
    rf"who\s[^“”\"]+,$"
)
_RELATIVE_SUBJECT = re.compile(r"(?:which|that|whom)\s+(?P<subj>.+)")


def _names_a_body(subject: Subject | None) -> bool:
    """A named subject that is an organisation's name ("Blackpool Hotel Association")."""
    if subject is None or subject.kind != "name":
        return False
    return names.ends_as_organisation(subject.text)


def _person_before_body(part: str, head: str) -> Subject | None:
    """ "Colin Asplin, Blackpool Hotel Association said": a person's name, a comma and the body
    they belong to - the person speaks, the body is their role."""
    if not head.rstrip().endswith(","):
        return None
    person = classify(part)
    if person is None or person.kind != "name" or person.text != part.strip():
        return None  # the clause must open with the name ("Asked about Tony Blair, ...")
    if not names.looks_like_person(person.text):
        return None
    return person


def _appositive_without_comma(head: str, phrase: str) -> Subject | None:
    """ "Mark Serwotka, the leader of the PCS said:" -> Mark Serwotka, with that role."""
    if not head.rstrip().endswith(",") or phrase.split()[0].lower() not in ("the", "a", "an"):
        return None
    if _plural_group(phrase):
        return None  # "As Trump attacked Clinton, the attendees chanted": they, not Clinton
    written = _BOUNDARY.split(head.rstrip()[:-1])[-1]
    name = classify(written)
    if name is None or name.kind != "name":
        return None
    prefix = head.rstrip()[:-1]
    at = prefix.rfind(name.text)  # "Speaking to Le Matin": the name within its segment
    before = prefix[: at if at >= 0 else len(prefix) - len(written)].split()[-1:]
    if before and before[0].lower() in _PREPOSITIONS or not names.looks_like_person(name.text):
        return None  # "Writing in the Northern Echo, the Bishop said": the Bishop
    name.role = name.role or phrase
    return name


_PREPOSITIONS = frozenset(names.words("in on at to for from with by of into about"))


def _plural_group(phrase: str) -> bool:
    """A short phrase for several people ("the attendees", "the crowd"), never one's role."""
    words = phrase.split()
    last = words[-1]
    plural = last.islower() and last.endswith("s") and not last.endswith(("ss", "us", "is"))
    return len(words) <= 3 and "of" not in words and (plural or last in ("crowd", "audience"))


def _with_appositive(text: str) -> Subject | None:
    """ "Mike Eccleshall, the venue's Promotions Coordinator," -> the name with its role."""
    head, _, apposition = text.rpartition(",")
    if not head:
        return classify(_BOUNDARY.split(text)[-1])
    subject = classify(_BOUNDARY.split(head)[-1])
    apposition = apposition.strip()
    if subject is not None and (subject.kind == "phrase" or _only_a_title(subject)) and apposition:
        # "the White House press secretary, Josh Earnest,", "Acting Detective Chief
        # Superintendent, Mick Deats,"
        named = classify(apposition)
        if named is not None and named.kind == "name":
            named.role = named.role or subject.text
            return named
    if subject and apposition and not apposition.isdigit() and not subject.role:
        subject.role = apposition
    return subject


def _only_a_title(subject: Subject) -> bool:
    """A "name" that is a title alone ("Superintendent" of "Acting Detective Chief
    Superintendent"): a role, whoever holds it."""
    return subject.kind == "name" and subject.text.lower() in names.TITLE_WORDS


_PASSIVE_VERB = re.compile(
    r"(?:\b(?P<aux>was|were|is|are|been|being)\s+(?:\w+ly\s+)?)?\b(?P<verb>[a-z]+ed)\b"
    r"(?:\s+(?:as|it|him|her|them|the\s+\w+))*(?:\s+an?)?\s*$"
)
_BY_AGENT = re.compile(
    r"\s*,?\s*by\s+(?P<subj>[^,;:.!?“”\"()]{2,80}?)(?=\s*[,;:.!?“”\"()]|\s+(?:who|which|as|after|before|when|while|in|on|at|for|over)\b|$)"
)


def passive_agent(text: str, floor: int, open_at: int, close_at: int) -> Cue | None:
    """`was branded “a humiliating retreat” by the Tories`, `described as a “consummate
    professional” by Michael Pointon`, `was described by Jobs as the “most important Mac”`:
    the agent after "by" said the words."""
    before = _AGENT_BEFORE.search(text, floor, open_at)
    if before is not None:
        subject = classify(before.group("subj"))
        if subject is not None and subject.kind != "pronoun":
            start, end = before.start("subj"), before.end("subj")
            return Cue(text[start:end], subject, start, end, adjacent=True, passive=True)
    verb = _PASSIVE_VERB.search(text, floor, open_at)
    if verb is None:
        return None
    word = verb.group("verb")
    # without "was": only the verbs that say what something was called ("a move branded")
    if not (word in _PASSIVE_SAYING or (verb.group("aux") and verbs.is_speech_verb(word))):
        return None
    agent = _BY_AGENT.match(text, close_at + 1)
    if agent is None:
        return None
    written = agent.group("subj")
    subject = classify(written)
    run = _RUN_AT_END.search(written)
    if subject is not None and subject.kind == "phrase" and run and " " in run.group():
        subject = _named(written, run)  # "his friend and fellow broadcaster Michael Pointon"
    if subject is None or subject.kind == "pronoun":
        return None
    start, end = agent.start("subj"), agent.end("subj")
    return Cue(text[start:end], subject, start, end, adjacent=True, passive=True)


_PASSIVE_SAYING = frozenset(
    names.words("described branded labelled labeled dubbed called hailed credited praised")
)
# "described by Jobs as the", right before the opening mark
_AGENT_BEFORE = re.compile(
    rf"\b(?:{'|'.join(sorted(_PASSIVE_SAYING))})\s+by\s+(?P<subj>[^,;:.!?“”\"()]{{2,60}}?)"
    r"\s+as\s+(?:(?:the|a|an|his|her|its|their)\s+)?$"
)


def trailing_cue(text: str, close_at: int, quote: str) -> Cue | None:
    """A cue right after a closing mark: `," he says`, `," said Mr Barber`, `", Ms Kite said`."""
    rest = text[close_at + 1 : close_at + 200]
    lead = re.match(r"\s*,?\s*", rest)
    pos = lead.end() if lead else 0
    ends = quote.rstrip().endswith(".") or (
        quote.rstrip().endswith(("!", "?")) and rest[pos : pos + 1].isupper()
    )
    exclaimed = quote.rstrip().endswith(("!", "?")) and _SHORT_CUE.match(rest, pos)
    if ends and not (rest[:pos].strip() or rest[pos : pos + 1].islower() or exclaimed):
        return None  # a full stop inside the marks ends the sentence ("...!" She replied)
    start = close_at + 1 + pos
    relayed = _QUOTED_AS_SAYING.match(rest, pos)
    cue = _relayed(text, relayed, close_at + 1) if relayed else None
    if cue is not None:  # `", Arab News quoted Prince Saud as saying.`: the prince's words
        return cue
    verb_first = VERB_RE.match(rest, pos)
    if verb_first:
        return _verb_then_subject(text, start, verb_first, close_at + 1)
    clause = _CLAUSE_END.split(rest[pos : pos + 120], maxsplit=1)[0]
    if _CONTRAST.match(clause):
        return None  # `"desperate", while the Liberal Democrats said ...`: someone else's view
    for verb in _VERB_AFTER_SUBJECT.finditer(clause):
        # each verb in turn: in "the report concludes", "report" is no verb but "concludes" is
        subject = _whole_subject(clause[: verb.start()])
        if subject is not None:
            end = _object_end(text, start + verb.end())
            return Cue(text[start:end], subject, start, end, adjacent=True)
    return None


_CLAUSE_END = re.compile(r"[.!?;:\"“”\n]")
# `...!” Cruz said.`: a name and a verb of saying that end their own sentence after "!" or "?"
_SHORT_CUE = re.compile(
    rf"(?:[{names.UPPER}][\w’'.-]+\s+){{1,3}}(?:said|says|asked|asks|added|adds|shouted|"
    r"yelled|exclaimed|wrote|tweeted|replied|responded)\s*[.,]"
)
# "X quoted Y as saying", "Y was quoted by X as saying": Y's words, X only relays them
_QUOTED_AS_SAYING = re.compile(
    r"(?:[^,;:.!?“”\"]{0,60}?\bquoted\s+(?!by\b)(?P<subj>[^,;:.!?“”\"]{2,60}?)|"
    r"(?P<subj2>[^,;:.!?“”\"]{2,60}?),?\s+(?:was|were)\s+quoted(?:\s+by\s+[^,;:.!?“”\"]{2,60}?)?)"
    r"\s+as\s+(?:saying|telling\s+[^,;:.!?“”\"]{2,40}?)[.,:]?"
)
_CONTRAST = re.compile(r"(?:while|whilst|whereas|but|although|though)\b", re.I)
_VERB_AFTER_SUBJECT = re.compile(rf"(?<=\S)\s+(?P<verb>{VERBS})\b")


def _whole_subject(written: str) -> Subject | None:
    """The subject when all of `written` is the subject (a trailing cue's text before the verb)."""
    words = written.split()
    if len(words) > 9:
        return None
    text = written.rstrip()
    if text.endswith(","):
        return _with_appositive(text[:-1])
    if _BOUNDARY.search(text):
        return None
    while words and words[-1].lower() in _SKIP_BEFORE_VERB:
        words.pop()
    return classify(" ".join(words))


def _verb_then_subject(text: str, start: int, verb: re.Match[str], base: int) -> Cue | None:
    """`said Russian oil official Sergei Oganesyan` / `said Dmitry Lukashov, an analyst at ...`."""
    after = base + verb.end()
    tail = text[after : after + 120]
    stop = _T2_STOP.search(tail)
    written = tail[: stop.start()] if stop else tail
    if stop and stop.group() == " and":
        written = _roles_joined(tail, written, stop.end())
    subject = classify(written)
    if subject is None or subject.kind == "pronoun" and verb.group("verb") != "said":
        return None
    end = after + len(written.rstrip())
    if subject.kind == "name" and not subject.role:
        subject.role = roles.appositive_after(text, end)
    return Cue(text[start:end], subject, start, end, adjacent=True)


def _roles_joined(tail: str, written: str, after_and: int) -> str:
    """ "points out former Olympian and BBC pundit Steve Cram": two roles joined by "and" before
    one person's name are one subject, not a role alone; "said Smith and Jones" stays Smith."""
    first = classify(written)
    if first is not None and first.kind == "name" and names.looks_like_person(first.text):
        return written
    rest = tail[after_and:]
    stop = _T2_STOP.search(rest)
    second = rest[: stop.start()] if stop else rest
    named = classify(second)
    if named is None or named.kind != "name" or not names.looks_like_person(named.text):
        return written
    return tail[: after_and + len(second)]


def _object_end(text: str, at: int) -> int:
    """Extend a cue over its object: "tells Haaretz", "was quoted as saying by the Daily Mail"."""
    verb = text[max(0, at - 8) : at].split()[-1:]
    if not verb or verb[0] not in _TAKES_OBJECT:
        return at
    obj = _OBJECT.match(text, at)
    return obj.end() if obj else at


# Irregular past forms a main clause's verb often takes ("Michael Howard sent Mr Bush ...")
_IRREGULAR_PAST = (
    "met|sent|gave|took|made|went|came|saw|left|led|won|lost|held|kept|brought|bought|thought|"
    "felt|paid|put|set|spent|hit|ran|began|became|spoke|chose|drove|fell|grew|knew|rose|sold|"
    "stood|struck|threw|wore|sought|fought|caught|taught|built|lent|meant|beat|broke|swore|"
    "tore|got|found|heard|sat|shot|shut|split|quit|withdrew|overtook|undertook|upheld|forgave"
)
_MAIN_VERB = re.compile(
    rf"(?<=\s)(?:is|are|was|were|has|have|had|will|would|could|can|did|does|do|may|might|must|"
    rf"[a-z]+ed|{_IRREGULAR_PAST}|{VERBS})\b"
)


_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whose)\b[^,;:]*(?=,)")


def main_subject(before: str) -> Subject | None:
    """The subject of a sentence's main verb ("Church ministers are trying to ...": a generic
    group; "At a rally, Trump defended the move": Trump), for a participle after a comma."""
    reporting = _REPORTING_CLAUSE.search(before)
    # "Trump will meet Ryan next week, Spicer said, adding": Spicer; "..., he claimed, saying": he
    if reporting and verbs.is_speech_verb(reporting.group("verb")):
        subject = classify(reporting.group("subj"))
        if subject is not None and subject.kind in ("name", "phrase", "pronoun"):
            return subject
    absolute = _WITH_DOING.search(before) if "with " in before else None
    if absolute:  # "..., with Maria Hutchings marching up to him, saying": Hutchings
        subject = classify(absolute.group("subj"))
        if subject is not None and subject.kind == "name":
            return subject
    verb = _MAIN_VERB.search(before)
    if verb is None:
        return None
    # "Turkey, which occupies northern Cyprus, had insisted": Turkey, not the relative clause
    head = _RELATIVE_CLAUSE.sub("", before[: verb.start()].rstrip())
    chunk = head.rsplit(",", 1)[-1] if not head.endswith(",") else head[:-1].rsplit(",", 1)[-1]
    words = chunk.split()
    while words and words[-1].lower() in _SKIP_BEFORE_VERB | {"immediately", "quickly"}:
        words.pop()
    if not words or words[-1].endswith("ly"):
        words = words[:-1] if words else words
    return classify(" ".join(words)) if words else None


def _relayed(text: str, relayed: re.Match[str], offset: int) -> Cue | None:
    """The cue of words one source relayed from another: it starts at the one quoted ("Prince
    Saud as saying"), not at the paper that quoted them."""
    group = "subj" if relayed.group("subj") else "subj2"
    subject = classify(relayed.group(group))
    if subject is None:
        return None
    start, end = offset + relayed.start(group), offset + relayed.end()
    start += len(text[start:end]) - len(text[start:end].lstrip())
    return Cue(text[start:end], subject, start, end, adjacent=True)


# ", Spicer said," closing a sentence of reported speech, right before the participle
_REPORTING_CLAUSE = re.compile(
    r",\s+(?P<subj>[^,;:.!?“”\"]{2,60}?)\s+(?P<verb>[a-z]+)(?:\s+reporters)?\s*,\s*$"
)
# "a spokesman for the Department for Work and Pensions": long, but a body's name makes it so
_OF_BODY = re.compile(rf"(?:\S+\s+){{1,5}}(?:for|of|at|from)\s+(?:the\s+)?{names.BODY_RUN}")
_BODY_SPOKESPERSON = re.compile(rf"{names.BODY_RUN}\s+(?:official\s+)?spokes(?:man|woman|person)")
_WITH_DOING = re.compile(rf"\bwith\s+(?P<subj>{names.RUN})\s+[a-z]+ing\b[^,;:.!?“”\"]*,\s*$")
_WITH_SAYING = re.compile(rf"\bwith\s+(?P<subj>(?:the\s+)?{names.RUN})\s+(?P<verb>[a-z]+ing)\b")
_INVERTED = re.compile(
    r"^\s*(?:Said|Says|Added|Adds|Asked|Asks|Wrote|Writes|Explained|Replied|Recalled)\s+"
    r"(?P<subj>[^,:;.!?“”\"]{2,60}?)\s*[,:]\s*$"
)


# A reporting clause set in commas inside the sentence, its verb first: ", said X of Y,"
_ASIDE = re.compile(
    r"(?<=\S),\s+(?P<verb>said|says|added|adds|explained|explains|argued|argues|noted|notes)\s+"
    r"(?P<subj>[^,;:.!?“”\"]{2,80}?),\s+(?=[a-z])"
)


def leading_cue(text: str, floor: int, open_at: int) -> Cue | None:
    """A cue before an opening mark, within its sentence: `Falconer said: "`, `Ayup says that ... “`."""
    prefix = text[floor:open_at]
    stripped = prefix.rstrip()
    adjacent = stripped.endswith((":", ","))
    relayed = _QUOTED_AS_SAYING.search(prefix) if "quoted" in prefix else None
    if relayed and not prefix[relayed.end() :].strip(" :,"):
        cue = _relayed(text, relayed, floor)  # "Arab News quoted Prince Saud as saying:"
        if cue is not None:
            return cue
    inverted = _INVERTED.match(prefix)
    if inverted:  # "Said Comey, "..."": the verb first, then its subject
        subject = classify(inverted.group("subj"))
        if subject is not None:
            start, end = floor + inverted.start(), floor + inverted.end("subj")
            return Cue(text[start:end], subject, start, end, adjacent=True)
    aside = _ASIDE.search(prefix) if ", " in prefix else None
    if aside:  # "The comments, said Junya Tanase of JPMorgan, were “...”": Tanase's words
        subject = classify(aside.group("subj"))
        if subject is not None and subject.kind in ("name", "phrase"):
            start, end = floor + aside.start("verb"), floor + aside.end("subj")
            return Cue(text[start:end], subject, start, end, adjacent=False)
    verbs = [v for v in VERB_RE.finditer(prefix)]
    absolute = _WITH_SAYING.search(prefix) if "with " in prefix else None
    if absolute and absolute.group("verb") in _PARTICIPLES:  # "..., with Liam Fox saying": Fox
        subject = classify(absolute.group("subj"))
        own = [v for v in verbs if v.start() >= absolute.start("verb")]
        if subject is not None and own:
            return _leading(text, floor, own[0], subject, adjacent, open_at)
    # the verb right before the mark governs the quote ("..., the crowd chanted “..."), as
    # one before a colon or comma does; otherwise the sentence's first ("Ayup says that ...")
    touching = bool(verbs) and not prefix[verbs[-1].end() :].strip()
    order = list(reversed(verbs)) if adjacent or touching else _participles_first(prefix, verbs)
    for verb in order:
        before = prefix[: verb.start()]
        if verb.group("verb") in _PARTICIPLES and before.rstrip().endswith(","):
            # "..., saying" speaks for the subject of the main clause, not the word before it
            subject = main_subject(before)
            if subject is None and floor:  # the main clause may lie before an earlier quote
                at = floor + verb.start()
                subject = main_subject(text[sentence_start(text, at) : at])
            if subject is None:
                continue
            return _leading(text, floor, verb, subject, adjacent, open_at)
        subject = subject_before(before)
        if verb.group("verb") in _PARTICIPLES and subject is None:
            continue
        if subject is not None:
            return _leading(text, floor, verb, subject, adjacent, open_at)
    according = _according(text, floor, prefix, adjacent)
    if according:
        return according
    if order:
        return _leading(text, floor, order[0], None, adjacent, open_at)
    return None


def _participles_first(prefix: str, verbs: list[re.Match[str]]) -> list[re.Match[str]]:
    """The sentence's verbs in order, but a participle after a comma first, latest first: in
    "Mr Sayeed denied the claims, saying it was “unjust”" it is "saying" that governs the
    quote, with nothing punctuating the gap, not "denied"."""
    participles = [
        v
        for v in verbs
        if v.group("verb") in _PARTICIPLES and prefix[: v.start()].rstrip().endswith(",")
    ]
    return [*reversed(participles), *(v for v in verbs if v not in participles)]


def _leading(
    text: str,
    floor: int,
    verb: re.Match[str],
    subject: Subject | None,
    adjacent: bool,
    open_at: int,
) -> Cue:
    """Build a leading cue from its verb match."""
    start = floor + verb.start()
    if subject is not None:
        window = text[max(floor, start - 60) : start].lower()
        found = window.rfind(subject.text.lower())  # the whole subject, else its first word
        if found < 0:
            words = list(_whole_word(subject.text.split()[0].lower()).finditer(window))
            found = words[-1].start() if words else -1
        start = start - len(window) + found if found >= 0 else start
    end = _object_end(text, floor + verb.end())
    gap = text[end:open_at]
    return Cue(
        text[start:end].strip(),
        subject,
        start,
        end,
        adjacent=adjacent and not gap.strip(" :,"),
        gap_punctuated=bool(re.search(r"[,;:]", gap.rstrip(":, "))),
    )


def _according(text: str, floor: int, prefix: str, adjacent: bool) -> Cue | None:
    """`According to X, ...` anywhere before the quote in its sentence."""
    match = _ACCORDING.search(prefix)
    if not match:
        return None
    subject = classify(match.group("subj"))
    if subject is None:
        return None
    end = floor + match.end("subj")
    if subject.kind == "name" and not subject.role:
        subject.role = roles.appositive_after(text, end)
    return Cue(
        match.group().strip(),
        subject,
        floor + match.start(),
        end,
        adjacent=False,
        gap_punctuated=True,
    )


def sentence_start(text: str, at: int, floor: int = 0) -> int:
    """Where the sentence containing offset `at` begins (not before `floor`)."""
    ends = sentence_starts(text)
    found = bisect.bisect_right(ends, at) - 1
    return max(floor, ends[found]) if found >= 0 else floor


@lru_cache(maxsize=64)
def sentence_starts(text: str) -> tuple[int, ...]:
    """Offsets where each sentence after the first begins."""
    return tuple(m.end() for m in _SENTENCE_END.finditer(text))


def sentence_cue(text: str, start: int, end: int) -> Cue | None:
    """The first cue with a usable subject in a narration sentence."""
    sentence = text[start:end]
    for verb in VERB_RE.finditer(sentence):
        subject = subject_before(sentence[: verb.start()])
        if subject is not None:
            return _leading(text, start, verb, subject, False, end)
    return None
