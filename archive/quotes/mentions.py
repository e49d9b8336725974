"""People named in narration (outside quotation marks): who is introduced, with what role,
and who was last named as a subject, so that later "he said" and "Mr X" can be resolved.
"""

from __future__ import annotations

import bisect
import re

from archive.personnames import parse_name
from archive.quotes import cues, names, roles, spokespeople, verbs
from archive.quotes.cast import PARAGRAPH, Cast
from archive.quotes.spans import Span
from archive.quotes.view import restore

_COUPLE = re.compile(
    rf"(?P<given>{names.at_word_start(names.UPPER)}[{names.LOWER}]+) and "
    rf"[{names.UPPER}][{names.LOWER}]+ "
    rf"(?P<family>[{names.UPPER}][{names.LOWER}]+(?:-[{names.UPPER}][{names.LOWER}]+)?)\b"
)
_NAMED_BODY = re.compile(
    rf"{names.at_word_start('Tt')}he\s+(?P<body>(?:[{names.UPPER}][\w’'.-]+\s+){{1,3}}"
    r"(?:campaign|administration|government|party|committee|foundation|family|team|board|"
    r"council|camp))\b"
)
# "the Commons work and pensions committee": a parliament's committee named in lower case
_HOUSE_COMMITTEE = re.compile(
    r"\b(?P<body>(?:Commons|Lords|Senate|House|Assembly|Parliament)(?:['’]s)?"
    r"(?:\s+[a-z]+){1,6}?\s+committee)\b"
)
_BODY_NAMED = re.compile(
    r"\b(?:firm|company|group|giant|bank|agency|charity|organi[sz]ation|newspaper|network|"
    r"broadcaster|union|association|retailer|carrier|maker|manufacturer|operator|provider|club|"
    rf"publisher|studio|label|chain|think tank|website|magazine|paper)\s+(?P<name>{names.RUN})"
)
# Bodies named in narration, for "the company", "the committee", "the campaign" later:
# "the telecoms firm Brightline", "the Commons work and pensions committee", "the Clinton
# campaign" (in this order, as the cast notes them).
_BODIES_NAMED = ((_BODY_NAMED, "name"), (_HOUSE_COMMITTEE, "body"), (_NAMED_BODY, "body"))
# "a UKIP spokesman said ...", "a spokeswoman for the council said ...": later "he added" is
# still the organisation (or no one, for a spokesman of a person: "Tony Blair's spokesman").
_SPOKESPERSON = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he)\s+(?:(?P<org>{names.BODY_RUN})(?P<own>['’]s)?\s+(?:official\s+)?"
    rf"spokes(?P<g>man|woman|person)\b|spokes(?P<g2>man|woman|person)\s+(?:for|at|from)\s+"
    rf"(?:the\s+)?{names.BODY_KIND}(?P<org2>{names.BODY_RUN}))"
)
# \b(?:[Hh]e|[Ss]he)\b, its first letter first (names.at_word_start)
_PRONOUN = re.compile(rf"{names.at_word_start('HhSs')}(?:(?<=[Hh])e|(?<=[Ss])he)\b")
# "the Australian", "the 28-year-old" followed by a verb-like word, not by the noun they modify
_SUBJECT_DESCRIPTION = re.compile(
    rf"{names.at_word_start('Tt')}he (?P<head>\d{{1,3}}-year-old|[A-Z][a-z]+)(?= [a-z]+(?:s|ed)\b)"
)
# Where a pronoun's own clause ends: punctuation, or a word opening another clause (a name
# in "he did not dispute that he lends his thoughts to others whom Mr. Hannity has known" is
# no clause-mate of the first "he")
_CLAUSE_STOP = re.compile(
    r"[,;:.!?“”\"()–—]|\b(?:that|which|who|whom|whose|because|when|while|although|though|if|"
    r"after|before|since|and|but|as)\b"
)
_CREDIT = re.compile(r"(?:^|\W)(?:Credit|Photo|Photograph|Picture|Image|Illustration)s?:$")
_CLAUSE_PUNCTUATION = set('.!?:;,(–—”"-')
_STOP_BACK = set(
    names.words(
        """
    he she they it we i you him her them his its their our my who which that to of in on
    at by for from with about into as than and but or nor so yet when while after before
    since if because although though however meanwhile then now said says told tells
    added adds met saw was were is are be been being has have had will would could
    should may might must do did does according a an
    """
    )
)
_TIME_ZONES = {"EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "GMT", "BST", "CET", "UTC"}
# Words after which a name opens a main clause ("..., but Cruz said"); after "as", "when" or
# "while" it is the subject of a subordinate clause, not the one the paragraph is about.
_CLAUSE_OPENERS = {"but", "and", "however", "meanwhile", "then", "now", "so", "yet"}


def scan_mentions(
    text: str, spans: list[Span], cast: Cast, base: int, common_words: frozenset[str] = frozenset()
) -> None:
    """Introduce the people named in a passage's narration and note where they were named."""
    quoted = [(s.start, s.end) for s in spans if s.depth == 0]
    starts = cues.sentence_starts(text)  # the sentences of narration, not of quotes
    cast.mention_sentences(base, tuple(a for a in starts if not any(q < a <= e for q, e in quoted)))
    inside = _inside(quoted)
    for match in _PRONOUN.finditer(text):  # "he"/"she" of narration, followed in order later
        at = match.start()
        if not (quoted and inside(at)):
            stop = _CLAUSE_STOP.search(text, match.end(), match.end() + 60)
            end = base + (stop.start() if stop else min(len(text), match.end() + 60))
            cast.mention_pronoun(base + at, "m" if match.group() in ("he", "He") else "f", end)
    # the rarer patterns only where their words occur (most passages have none)
    for at, phrase in spokespeople.find_in(text) if "spokes" in text else ():
        # "the prime minister's official spokesman"
        if not (quoted and inside(at)):
            for_person, gender = spokespeople.for_person(phrase, cast.find_person)
            if for_person:
                cast.note_spokesperson(base + at, None, gender)
    couples = _COUPLE.finditer(text) if " and " in text else ()
    for match in couples:  # "Heidi and Ted Cruz": Heidi Cruz too
        before = text[max(0, match.start() - 30) : match.start()].split()[-1:]
        if before and before[0][:1].isupper() and before[0][-1:].isalpha():
            continue  # "Rand Paul and Marco Rubio": Paul is a family name here
        if match.group("given").lower() in names.GIVEN_NAMES:
            at = match.start()
            if not (quoted and inside(at)):
                name = f"{match.group('given')} {match.group('family')}"
                cast.person(name, at=base + at, derived=True)
    for pattern, group in _BODIES_NAMED:
        if pattern is _HOUSE_COMMITTEE and "committee" not in text:
            continue  # its one literal word is absent (most passages)
        for match in pattern.finditer(text):
            if not (quoted and inside(match.start())):
                cast.mention_organisation(match.group(group), base + match.start(group))
    for match in _SUBJECT_DESCRIPTION.finditer(text):  # "The Australian has suffered ..."
        if names.stands_for_the_subject(match.group("head")) and not (
            quoted and inside(match.start())
        ):
            member = cast.described(base + match.start())
            if member is not None and _at_clause_start(text, match.start()):
                cast.note(member, base + match.start(), pronoun=True)
    for start, run_end, run in names.runs(text):
        if quoted and inside(start):
            continue
        if " " not in run:
            _single_word(text, run, start, run_end, cast, base, common_words)
            continue
        words = run.split()
        first = names.opens_sentence(text, start)
        while words and names.is_opener(
            words[0], common_words, sentence_start=first, following=" ".join(words[1:2])
        ):
            start = text.index(words[1], start) if len(words) > 1 else run_end
            words, first = words[1:], False
        words = names.without_time_words(words)
        if len(words) == 1:
            _single_word(text, words[0], start, run_end, cast, base, common_words)
        elif words:
            _mention(text, " ".join(words), start, run_end, cast, base, common_words)
    for match in _SUBJECT_ROLE.finditer(text) if "The " in text else ():
        if not (quoted and inside(match.start())):
            _role_subject(match.group("head"), cast, base + match.start())
    for match in _ITS_PAPER.finditer(text) if " report" in text or " study" in text else ():
        # "the NIESR report was optimistic. It said ...": the body is the subject, not the paper
        org = match.group("org")
        known = cast.find_organisation(org) or org in cast.organisation_names
        if (
            known
            and _at_clause_start(text, match.start())
            and not (quoted and inside(match.start()))
        ):
            cast.organisation(org, at=base + match.start("org"))
    # after the names, so that "The Tory spokesman also criticised" can be the man just named
    spokes = _SPOKESPERSON.finditer(text) if "spokes" in text else ()
    for match in spokes:
        if not (quoted and inside(match.start())):
            _spokesperson(match, cast, base)


def _inside(quoted: list[tuple[int, int]]):
    """A test of whether an offset lies inside one of the (start, end) quoted stretches (in
    order, not overlapping)."""
    if not quoted:
        return lambda at: False
    starts = [a for a, _ in quoted]

    def inside(at: int) -> bool:
        i = bisect.bisect_right(starts, at) - 1
        return i >= 0 and at < quoted[i][1]

    return inside


# "The chancellor, speaking in Africa, said", "The minister has ...": a role as a sentence's
# subject
_SUBJECT_ROLE = re.compile(
    # (?:^|(?<=[.!?] ))The ..., "The" first: the regex engine then looks for the word alone
    r"The(?:(?<=^The)|(?<=[.!?] The)) "
    r"(?P<head>[a-z]+)(?=, | (?:has|had|is|was|said|says|[a-z]+ed)\b)"
)


def _role_subject(head: str, cast: Cast, at: int) -> None:
    """A sentence opening with "The <role>": the person given that role, else the one last
    written about as a subject, who holds the role from now on (so that a later "the
    chancellor said" is Gordon Brown, not the correspondent last named). A person already
    given another role keeps to it; one named only once is no topic to hold it."""
    if not roles.person_noun(head) or head in _NOT_A_HOLDER:
        return
    member = cast.by_role(head)
    if member is None:
        member = cast.latest(before=at, after=at - 3 * PARAGRAPH)
        if member is None or any(_role_words_end(r) != head for r in member.roles):
            return
        if len(member.named_at) < 2:
            return  # named once in passing ("starring ... Dean Martin as a pilot"): no topic
    if member.mention.kind == "person":
        cast.note(member, at, pronoun=True)
        member.set_role(head)


def _role_words_end(role: str) -> str:
    """A role's last word, its head ("correspondent" of "BBC political correspondent")."""
    return role.lower().split()[-1] if role.split() else ""


# Heads of descriptions that stand for someone unnamed, not the person last written about
_NOT_A_HOLDER = frozenset(names.words("man woman boy girl person member worker official source"))


def _spokesperson(match: re.Match[str], cast: Cast, base: int) -> None:
    """Note an unnamed spokesperson and whom they speak for; "the Lib Dem spokesman" after
    "Lib Dem spokesman Vince Cable" is Vince Cable again, no one unnamed."""
    holder = cast.role_holder(
        match.group(), base + match.start(), party=names.of_a_party(match.group("org") or "")
    )
    if holder is not None:
        cast.note(holder, base + match.start())
        return
    org = restore(match.group("org") or match.group("org2"))
    _, bare = names.split_titles(org)
    gender = {"man": "m", "woman": "f"}.get(match.group("g") or match.group("g2") or "")
    if names.looks_like_person(bare) or (match.group("own") and cast.find_person(bare)):
        member = None  # a person's spokesman is not that person
    else:
        member = cast.organisation(org, at=base + match.start())
    cast.note_spokesperson(base + match.start(), member, gender)


def _single_word(
    text: str,
    word: str,
    start: int,
    end: int,
    cast: Cast,
    base: int,
    common_words: frozenset[str] | set[str] = frozenset(),
) -> None:
    """A lone capitalised word counts only as a surname or alias of someone already named
    (or, written in capitals, as an organisation: "GM", "BT")."""
    if len(word) > 1 and word.isupper() and word.isalpha():
        if (
            word not in names.PLACE_INITIALS
            and word not in _TIME_ZONES
            and word not in names.NOT_BODIES
            and word.lower() not in names.TITLE_WORDS
        ):
            cast.mention_organisation(word, base + start)
        return
    known = cast.known(word, base + start)
    if known is None and word in cast.organisation_names and word.lower() not in names.TIME_WORDS:
        cast.mention_organisation(word, base + start)  # "Unilever said ...": named again
        return
    if known is None and _speaking_body(text, word, end, common_words):
        cast.mention_organisation(word, base + start)  # "Microsoft has said": for "the company"
        return
    kin = _KIN_BEFORE.search(text, max(0, start - 40), start) if known is None else None
    if kin and word.lower() in names.GIVEN_NAMES:
        # "his wife, Jane,": a person known as Jane (whose "his" may be wrong, so no family
        # name is guessed: "Sheila Martin" for Arthur Hailey's widow would travel into citations)
        member = cast.person(word, role=kin.group("kin"), at=base + start)
        member.gender = member.gender or _KIN_GENDER.get(kin.group("kin").split()[-1].lower())
        return
    if known is None and _introduced_with_role(text, word, start, end, common_words):
        cast.person(word, role=roles.appositive_after(text, end), at=base + start)
        return
    if known is not None:
        known.bare_refs += 1
        subject = _subject_at(text, start, end)
        cast.note(known, base + start, subject=subject)


# Kin a "his"/"her" names before a given name ("his wife, Jane,"), with the gender each tells.
_KIN_GENDER = {
    **dict.fromkeys(
        names.words(
            "wife daughter sister mother girlfriend fiancée fiancee widow niece aunt granddaughter"
        ),
        "f",
    ),
    **dict.fromkeys(
        names.words("husband son brother father boyfriend widower nephew uncle grandson"), "m"
    ),
}
_KIN = sorted([*_KIN_GENDER, "partner", "cousin", "fiance", "fiancé"], key=len, reverse=True)
_KIN_BEFORE = re.compile(rf"\b(?P<kin>(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:{'|'.join(_KIN)}))\s*,?\s*$")


# "has said", "also announced": the verb of saying after a lone word that is its subject
_VERB_AFTER = re.compile(r"\s+(?:(?:has|have|had)\s+)?(?:also\s+)?(?P<verb>[a-z]+)\b")


def _speaking_body(text: str, word: str, end: int, common_words) -> bool:
    """A lone capitalised word no one was named with, the subject of a verb of saying
    ("Microsoft has said it will ..."): a body that speaks, for a later "the company" or "it".
    Not a given name ("Ozzy said"), a country or place, or a word news writes in lower case."""
    verb = _VERB_AFTER.match(text, end)
    if verb is None or not verbs.is_speech_verb(verb.group("verb")):
        return False
    low = word.lower()
    return not (
        low in common_words
        or low.removesuffix("s") in common_words  # "Campaigners have urged": people, no body
        or low in names.NOT_NAME_WORDS
        or low in names.GIVEN_NAMES
        or low in names.TITLE_WORDS
        or low in names.TIME_WORDS
        or names.is_a_place(word)
        or not word.isalpha()
    )


def _introduced_with_role(text: str, word: str, start: int, end: int, common_words) -> bool:
    """A lone surname introduced with a person's role ("Holbrook, a former union leader,"):
    a person the text goes on to refer to. Not "the Clarion-Ledger, the state's largest
    newspaper" nor "Louisville, Ky., where she studies"."""
    low = word.lower().rstrip(".")
    if word.endswith(".") or low in common_words or low in names.NOT_NAME_WORDS:
        return False
    if low in names.TITLE_WORDS or text[max(0, start - 4) : start].lower() == "the ":
        return False
    role = roles.appositive_after(text, end)
    if not role or len(role.split()) > 6 or role.split()[0].lower() not in _ARTICLES:
        return False
    head = role.split()[-1].lower()
    return head in roles.ROLE_NOUNS and head not in _NOT_PEOPLE


_ARTICLES = {"a", "an", "the", "another"}
_NOT_PEOPLE = {"party", "group", "union", "chain"}


def _mention(
    text: str,
    run: str,
    start: int,
    end: int,
    cast: Cast,
    base: int,
    common_words: frozenset[str] | set[str] = frozenset(),
) -> None:
    """Record a run of capitalised words if it names a person."""
    honorific, _ = names.strip_honorific(run)
    titles, name = (None, run) if honorific else names.split_titles(run)
    if titles and " " not in name and parse_name(restore(run)).kind == "organisation":
        cast.mention_organisation(run, base + start)  # "the Home Office": no title and a word
        return
    if not honorific and names.abbreviated_after(run, text, end):
        cast.mention_organisation(run, base + start)  # "the National Audit Office (NAO)"
        return
    if not honorific and not names.names_a_person(name, common_words):
        trailing = _trailing_person(name, common_words)
        if trailing:  # "New Yorker Dick Morris", "Briton Amir Khan"
            at = end - len(trailing)
            subject = _subject_at(text, start, end)
            cast.person(
                trailing, role=name[: -len(trailing)].strip(), at=base + at, subject=subject
            )
            return
        if " " not in name:
            _single_word(text, name, end - len(name), end, cast, base)
        elif parse_name(restore(run)).kind == "organisation":
            cast.mention_organisation(run, base + start)
        return
    human = names.looks_human(name)
    if not (honorific or human) and (
        _TOLD_BEFORE.search(text, max(0, start - 40), start)
        or _body_before_role(text, end, common_words)
        or (" " in name and _STAFF_AFTER.match(text, end))
    ):
        # "Speaking to Le Matin, the 24-year-old added": an outlet, spoken to; "Sale Sharks
        # director of rugby Philippe Saint-Andre": the club, not a person; "an Evening
        # Standard journalist": the paper
        cast.mention_organisation(run, base + start)
        return
    if not human and (
        _THING_AFTER.match(text, end)
        or _owned_by_a_name(text, start)
        or _OWNS_A_NAME.match(text, end)
        or _PLACE_BEFORE.search(text, max(0, start - 20), start)
        or (not titles and _THE_BEFORE.search(text, max(0, start - 8), start))
        or (not titles and _of_a_person_noun(text, start))
    ):
        # "The Motorola Razr V3 phone", "Motor Neurone disease", "Michelle Paver's Wolf
        # Brother", "the Volvo Women's Open": a thing's name; "at the Nou Camp": a place; "to
        # win the Wooden Spoon": a thing, as nothing shows a person bears the name
        return
    subject = _subject_at(text, start, end)
    descriptor = roles.descriptor_before(text, start)
    role = " ".join(p for p in (descriptor, titles) if p) or roles.role_after(text, end)
    cast.person(name, role=role, at=base + start, subject=subject)


# "the NIESR report", "the OECD's latest study": a body's paper, standing for the body
_ITS_PAPER = re.compile(
    rf"{names.at_word_start('Tt')}he (?P<org>{names.RUN})(?:['’]s)?(?: [a-z]+)? "
    r"(?:report|study|survey)\b"
)
# A capitalised name's possessive right before a run: "Michelle Paver's Wolf Brother"
_OWNED = re.compile(r"(?P<owner>[A-Z][\w-]*)(?:['’]s|s['’])\s+$")


def _owned_by_a_name(text: str, start: int) -> bool:
    """Whether a run follows a name's possessive ("Michelle Paver's Wolf Brother"), not a
    country's ("India's Sania Mirza", "Britain's Tim Henman": the country's person)."""
    owned = _OWNED.search(text, max(0, start - 40), start)
    return owned is not None and owned["owner"].lower() not in names.COUNTRIES


# Words that name whom someone spoke to, right before a name
_TOLD_BEFORE = re.compile(
    r"\b(?:[Ss]peaking to|[Tt]alking to|told|[Ii]nterview with|[Ww]riting in)(?: the)?\s+$"
)
# A possessive before a capitalised word: "Volvo Women's Open", "Sinn Fein's Gerry Adams"
_OWNS_A_NAME = re.compile(r"['’]s\s+[A-Z]")
# Where something happens, before a name: "crushed 5-1 at the Nou Camp"
_PLACE_BEFORE = re.compile(r"\b(?:at|in|into|inside|outside|near)\s+the\s+$")
# A lower-case "the" right before a name: a person's name seldom takes one
_THE_BEFORE = re.compile(r"(?<![\w-])the\s+$")
# A noun's "of" right before a name ("The star of Rain Man")
_OF_BEFORE = re.compile(r"\b(?P<noun>[a-z]+)\s+of\s+$")
# People known for what they made or front, whose "of" names a work or a band, not a person
_MAKERS = frozenset(names.words("star creator author maker writer singer frontman frontwoman"))


def _of_a_person_noun(text: str, start: int) -> bool:
    """Whether a name follows a person's role and "of" ("The star of Rain Man", "director of
    Titanic"): what the person is known by, no one else; not "that of Sant Singh Chatwal"."""
    before = _OF_BEFORE.search(text, max(0, start - 30), start)
    if before is None:
        return False
    noun = before.group("noun")
    return noun in _MAKERS or roles.role_head(noun) is not None


# People who work for a body, after its name ("an Evening Standard journalist")
_STAFF_AFTER = re.compile(
    r"\s+(?:journalists?|reporters?|correspondents?|columnists?|editors?|staff|employees?"
    r"|workers?|officials?|executives?|spokes(?:man|woman|person|men|women|people))\b"
)
# Nouns a thing's name stands before ("the Indiana Jones films"); a person's seldom does,
# unless known by a given name ("a Tom Hanks movie").
_THING_AFTER = re.compile(
    r"(?:\s+[A-Z0-9][\w-]*)?\s+(?:disease|phones?|handsets?|films?|movies?|series|books?|novels?"
    r"|franchise|trilogy|syndrome|consoles?|games?|albums?|software|brand|drugs?|virus)\b"
)


# Role words and then a person's name: "... boss Martin Jol", "... director of rugby Philippe"
_ROLE_THEN_NAME = re.compile(
    r"\s+(?P<role>(?:[a-z][\w-]*\s+){1,4})(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)"
)


def _body_before_role(text: str, end: int, common_words: frozenset[str] | set[str]) -> bool:
    """Whether the run ending at `end` stands before a role and a person's name, as the body
    they work for ("Tottenham Hotspur boss Martin Jol"); the caller has checked that no given
    name shows the run to be a person."""
    found = _ROLE_THEN_NAME.match(text, end)
    if found is None:
        return False
    words = found.group("role").split()
    role = _role_of_something(words) or (
        all(_descriptor(w) or w == "of" for w in words[:-1])
        and roles.role_head(words[-1]) is not None
    )
    return role and names.names_a_person(found.group("name"), common_words)


def _trailing_person(run: str, common_words: frozenset[str] | set[str]) -> str | None:
    """The person at the end of a longer capitalised run that is no name as a whole: a known
    given name and a family name after words that describe them ("New Yorker Dick Morris")."""
    words = run.split()
    if len(words) < 3 or words[-2].lower() not in names.GIVEN_NAMES:
        return None
    trailing = " ".join(words[-2:])
    return trailing if names.names_a_person(trailing, common_words) else None


def _descriptor(word: str) -> bool:
    """A word that can stand in a role before a name: capitalised, a role noun, a modifier."""
    bare = word.strip("’'").lower()
    return (
        word[:1].isupper()
        or roles.role_head(bare) is not None
        or bare in names.TITLE_WORDS
        or bare in _MODIFIERS
    )


_MODIFIERS = set(
    names.words(
        """
    fellow former veteran senior junior chief deputy assistant acting interim new longtime
    top leading prominent local state federal national international independent liberal
    conservative democratic republican shadow opposition party election campaign policy
    press legal financial foreign home health defence defense legend great icon hero
    star assistant ex-reds former
    number one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen
    """
    )
)


def _subject_at(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] is likely its clause's subject: it opens the clause,
    owns nothing ("Trump's campaign") and does not end its sentence ("..., which was conducted
    by the magazine's editor, Conservative MP Boris Johnson.": an apposition, no subject)."""
    if text[end : end + 2] in ("'s", "’s"):
        return False
    if _NEXT_IN_LIST.match(text, end) and text[max(0, start - 2) : start].startswith(","):
        return False  # "worked on the Star Wars trilogy, Finding Nemo, The Incredibles": a list
    if _WHO_AFTER.match(text, end):
        return True  # "the withdrawal of tycoon Steve Morgan, who got frustrated": his clause
    return _at_clause_start(text, start) and not _SENTENCE_END_AFTER.match(text, end)


_WHO_AFTER = re.compile(r",\s+who\s+(?!said|says|told|added)[a-z]")


_NEXT_IN_LIST = re.compile(r"(?:,\s+(?:and\s+)?|\s+and\s+)(?:the\s+|The\s+)?[A-Z]")


_SENTENCE_END_AFTER = re.compile(r"\s*(?:[.;!?]|$)")


def _at_clause_start(text: str, start: int) -> bool:
    """Whether a name opens its clause (after role words): the likely subject of its sentence."""
    window = max(0, start - 80)
    before = text[window:start].split()
    for _ in range(6):
        if not before or before[-1][-1] in _CLAUSE_PUNCTUATION or before[-1].lower() in _STOP_BACK:
            break
        if _role_of_something(before):
            del before[-2:]  # "director of rugby": the role's head comes before "of"
            continue
        if not _descriptor(before[-1]):
            break  # a verb or other word: "introduced fellow guitarist Buddy Guy" is an object
        before.pop()  # a descriptor word: "Tory shadow home secretary"
    if not before:
        return True
    last = before[-1]
    if _CREDIT.search(last):
        return False  # "Credit: Simon Gross" names a photographer, not a subject
    if len(before) > 1 and f"{before[-2]} {last}".lower() == "according to":
        return True
    if last == "and":
        # "including captain Jason Robinson and fly-half Charlie Hodgson": the second of two
        # names joined by "and" is a subject only when the first is, and the last of a list
        # is no subject ("beat actors including Clive Owen, Jamie Foxx and Alan Alda")
        first = _CONJUNCT_BEFORE.search(text, window, start)
        if first is not None:
            return _subject_at(text, first.start(1), first.end(1))
    if _INVERTED_SAYING.search(" ".join(before[-2:])):
        return True  # "The answer, says Prof Brewer, is wi-fi": the subject of "says"
    return last[-1] in _CLAUSE_PUNCTUATION or last.lower() in _CLAUSE_OPENERS


# A capitalised name right before "and" (and the role words of the next name)
_CONJUNCT_BEFORE = re.compile(r"((?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’-]*)\s+and\s+(?:[\w-]+\s+){0,4}$")
# A verb of saying after a comma or a closing quotation mark, its subject after it
_INVERTED_SAYING = re.compile(r"^\S*[,”\"]\s(?:says|said|adds|added|explains|explained)$")


_DETERMINERS = frozenset(names.words("the a an his her its their our this that"))


def _role_of_something(before: list[str]) -> bool:
    """Whether the words end in "<role> of <thing>" ("director of rugby", "head of research")."""
    return (
        len(before) > 2
        and before[-2] == "of"
        and before[-1].isalpha()
        and before[-1].islower()
        and before[-1] not in _DETERMINERS  # "director of the Pew Internet": its object
        and roles.role_head(before[-3]) is not None
    )
