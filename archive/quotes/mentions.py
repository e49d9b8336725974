"""People named in narration (outside quotation marks): who is introduced, with what role,
and who was last named as a subject, so that later "he said" and "Mr X" can be resolved.
"""

from __future__ import annotations

import re

from archive.personnames import parse_name
from archive.quotes import names, roles
from archive.quotes.cast import Cast
from archive.quotes.spans import Span
from archive.quotes.view import restore

_COUPLE = re.compile(
    rf"\b(?P<given>[{names.UPPER}][{names.LOWER}]+) and [{names.UPPER}][{names.LOWER}]+ "
    rf"(?P<family>[{names.UPPER}][{names.LOWER}]+(?:-[{names.UPPER}][{names.LOWER}]+)?)\b"
)
_NAMED_BODY = re.compile(
    rf"\b[Tt]he\s+(?P<body>(?:[{names.UPPER}][\w’'.-]+\s+){{1,3}}(?:campaign|administration|"
    r"government|party|committee|foundation|family|team|board|council|camp))\b"
)
_BODY_NAMED = re.compile(
    r"\b(?:firm|company|group|giant|bank|agency|charity|organi[sz]ation|newspaper|network|"
    r"broadcaster|union|association|retailer|carrier|maker|manufacturer|operator|provider|"
    rf"publisher|studio|label|chain|think tank|website|magazine|paper)\s+(?P<name>{names.RUN})"
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
# Acronyms of places, which are named but do not speak as organisations.
_PLACES = {"UK", "US", "USA", "UAE", "DC", "NYC", "LA", "GB", "NI"}
# Words after which a name opens a main clause ("..., but Cruz said"); after "as", "when" or
# "while" it is the subject of a subordinate clause, not the one the paragraph is about.
_CLAUSE_OPENERS = {"but", "and", "however", "meanwhile", "then", "now", "so", "yet"}


def scan_mentions(
    text: str, spans: list[Span], cast: Cast, base: int, common_words: frozenset[str] = frozenset()
) -> None:
    """Introduce the people named in a passage's narration and note where they were named."""
    quoted = [(s.start, s.end) for s in spans if s.depth == 0]
    for match in _COUPLE.finditer(text):  # "Heidi and Ted Cruz": Heidi Cruz too
        before = text[max(0, match.start() - 30) : match.start()].split()[-1:]
        if before and before[0][:1].isupper() and before[0][-1:].isalpha():
            continue  # "Rand Paul and Marco Rubio": Paul is a family name here
        if match.group("given").lower() in names.GIVEN_NAMES:
            at = match.start()
            if not (quoted and any(a <= at < b for a, b in quoted)):
                cast.person(f"{match.group('given')} {match.group('family')}", at=base + at)
    for match in _BODY_NAMED.finditer(text):  # "the telecoms firm Brightline"
        if not (quoted and any(a <= match.start() < b for a, b in quoted)):
            cast.mention_organisation(match.group("name"), base + match.start("name"))
    for match in _NAMED_BODY.finditer(text):  # "the Clinton campaign", for "the campaign"
        if not (quoted and any(a <= match.start() < b for a, b in quoted)):
            cast.mention_organisation(match.group("body"), base + match.start("body"))
    for start, run_end, run in names.runs(text):
        if quoted and any(a <= start < b for a, b in quoted):
            continue
        if " " not in run:
            _single_word(text, run, start, run_end, cast, base)
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
            _single_word(text, words[0], start, run_end, cast, base)
        elif words:
            _mention(text, " ".join(words), start, run_end, cast, base)


def _single_word(text: str, word: str, start: int, end: int, cast: Cast, base: int) -> None:
    """A lone capitalised word counts only as a surname or alias of someone already named
    (or, written in capitals, as an organisation: "GM", "BT")."""
    if len(word) > 1 and word.isupper() and word.isalpha():
        if word not in _PLACES:
            cast.mention_organisation(word, base + start)
        return
    known = cast.known(word)
    if known is not None:
        subject = text[end : end + 2] not in ("'s", "’s") and _at_clause_start(text, start)
        cast.note(known, base + start, subject=subject)


def _mention(text: str, run: str, start: int, end: int, cast: Cast, base: int) -> None:
    """Record a run of capitalised words if it names a person."""
    honorific, _ = names.strip_honorific(run)
    titles, name = (None, run) if honorific else names.split_titles(run)
    if not honorific and not names.looks_like_person(name):
        if " " not in name:
            _single_word(text, name, end - len(name), end, cast, base)
        elif parse_name(restore(run)).kind == "organisation":
            cast.mention_organisation(run, base + start)
        return
    subject = text[end : end + 2] not in ("'s", "’s") and _at_clause_start(text, start)
    descriptor = roles.descriptor_before(text, start)
    role = " ".join(p for p in (descriptor, titles) if p) or roles.role_after(text, end)
    cast.person(name, role=role, at=base + start, subject=subject)


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
    """
    )
)


def _at_clause_start(text: str, start: int) -> bool:
    """Whether a name opens its clause (after role words): the likely subject of its sentence."""
    before = text[max(0, start - 80) : start].split()
    for _ in range(6):
        if not before or before[-1][-1] in _CLAUSE_PUNCTUATION or before[-1].lower() in _STOP_BACK:
            break
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
    return last[-1] in _CLAUSE_PUNCTUATION or last.lower() in _CLAUSE_OPENERS
