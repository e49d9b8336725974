"""Resolving a cue's subject to a person or organisation of the document's cast.

"he"/"she" is the person last named as a subject (in this paragraph first), gender permitting;
"they" and "the examiners" the group that last spoke; "the prime minister" the person the
article gave that role; a surname or "Mr X" the person introduced with that name.
"""

from __future__ import annotations

import re

from archive.personnames import parse_name
from archive.quotes import antecedents, names, roles, sources, spokespeople
from archive.quotes.cast import PARAGRAPH, Cast, Member
from archive.quotes.cues import Subject

_NONPERSON_HEADS = {
    "statement",
    "report",
    "survey",
    "study",
    "letter",
    "document",
    "paper",
    "website",
    "site",
    "figures",
    "data",
    "poll",
    "research",
    "findings",
    "company",
    "firm",
    "group",
    "government",
    "ministry",
    "agency",
    "court",
    "newspaper",
    "book",
    "article",
    "note",
    "release",
    "bank",
    "club",
    "team",
    "union",
    "party",
    "council",
    "board",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "source",
    "sources",
    "official",
    "officials",
    "police",
    "authorities",
    "administration",
    "executive",
    "market",
    "markets",
    "index",
    "figure",
    "analysis",
    "report's",
    "review",
    "committee",
    "ruling",
    "plan",
}
_SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson"}
_GROUP_HEADS = {
    "examiners",
    "experts",
    "investigators",
    "inspectors",
    "rapporteurs",
    "monitors",
    "panel",
    "tribunal",
    "researchers",
}
_SPOKESPERSON = re.compile(
    rf"^(?:[Aa]n?|[Tt]he)\s+(?:(?P<org>{names.BODY_RUN})\s+)?(?:spokes(?:man|woman|person)|representative)"
    rf"(?:\s+(?:for|at|from|of)\s+(?:the\s+)?{names.BODY_KIND}"
    # "a spokesman for Manchester's Trafford Centre": the body, not the place that owns it
    rf"(?:{names.RUN}['’]s?\s+)?(?P<org2>{names.BODY_RUN}))?$"
)
_BODY_OFFICIAL = re.compile(rf"^(?:[Aa]n?|[Tt]he)\s+(?P<org>{names.BODY_RUN})\s+official$")
_SPOKESPERSON_FOR = re.compile(
    r"^(?:[Aa]n?|[Tt]he)\s+spokes(?:man|woman|person)\s+(?:for|at|of)\s+the\s+(?P<body>[a-z]+)$"
)
# Bodies that speak as themselves ("the company said") and papers that speak for their authors
# ("the report concludes"): the organisation the text last named.
_BODIES = frozenset(
    [
        "company",
        "firm",
        "group",
        "campaign",
        "committee",
        "council",
        "agency",
        "department",
        "ministry",
        "government",
        "administration",
        "office",
        "board",
        "union",
        "party",
        "organization",
        "organisation",
        "association",
        "commission",
        "court",
        "police",
        "bank",
        "club",
        "team",
        "foundation",
        "institute",
        "network",
        "newspaper",
        "paper",
        "website",
        "channel",
        "charity",
        "authority",
        "regulator",
        "watchdog",
        "body",
        "federation",
        "league",
        "corporation",
        "business",
        "station",
        "broadcaster",
        "magazine",
        "programme",
        "service",
        "site",
        "publication",
        "studio",
        "label",
        "airline",
        "carrier",
        "retailer",
        "operator",
        "manufacturer",
        "maker",
        "chain",
        "publisher",
        "giant",
    ]
)
# Bodies a text names by kind alone ("the company", "the newspaper"): the last organisation.
_GENERIC_BODIES = frozenset(
    [
        "company",
        "firm",
        "group",
        "business",
        "corporation",
        "newspaper",
        "paper",
        "network",
        "channel",
        "website",
        "magazine",
        "organization",
        "organisation",
        "charity",
        "station",
        "broadcaster",
        "magazine",
        "publication",
        "studio",
        "label",
        "airline",
        "carrier",
        "retailer",
        "operator",
        "manufacturer",
        "maker",
        "chain",
        "publisher",
        "giant",
        "club",
        "team",
        "bank",
    ]
)
_PAPERS = frozenset(
    [
        "statement",
        "report",
        "study",
        "survey",
        "poll",
        "letter",
        "document",
        "release",
        "analysis",
        "review",
        "findings",
        "research",
        "memo",
        "ruling",
        "advert",
        "advertisement",
        "ad",
        "filing",
        "complaint",
        "lawsuit",
    ]
)
_PREPOSITIONS = {"of", "in", "for", "at", "on", "from", "to", "with"}


def resolve(
    cast: Cast, subject: Subject, at: int, common_words: set[str], *, introduce: bool = True
) -> Member | None:
    """The member a subject refers to at position `at`, introducing named ones; None if unnamed.

    With `introduce=False` nothing changes: the member it would be if already known, else None.
    """
    if not introduce:
        return _peek(cast, subject, at, common_words)
    if subject.kind == "pronoun":
        return _pronoun(cast, subject.text, at)
    if subject.kind == "group":
        return cast.organisation(subject.text, at=at)
    if subject.kind == "name":
        return _name(cast, subject, at, common_words)
    if subject.kind == "phrase":
        return _phrase(cast, subject.text, at)
    return None


def _peek(cast: Cast, subject: Subject, at: int, common_words: set[str]) -> Member | None:
    """What `resolve` would give, without introducing or noting anyone."""
    if subject.kind == "pronoun":
        return _pronoun(cast, subject.text, at, learn=False)
    if subject.kind == "group":
        return cast.find_organisation(subject.text)
    if subject.kind == "name":
        written = subject.text
        honorific, bare = names.strip_honorific(written)
        if honorific or names.looks_like_person(written):
            return cast.find_person(written)
        if len(bare.split()) == 1:
            return (
                cast.known(bare, at) or cast.by_given_name(bare) or cast.find_organisation(written)
            )
        return cast.find_organisation(written)
    if subject.kind == "phrase":
        return _phrase(cast, subject.text, at, introduce=False)
    return None


def _pronoun(cast: Cast, pronoun: str, at: int, *, learn: bool = True) -> Member | None:
    """he/she: the last person named as a subject, in this paragraph first; they: the last group."""
    if pronoun in ("they", "it"):  # an organisation: the last that spoke, or was named
        spoke = cast.latest(before=at, after=at - 2 * PARAGRAPH, kind="organisation")
        if spoke is not None or pronoun == "they" or not learn:
            return spoke
        name = cast.named_organisation(before=at, after=at - 2 * PARAGRAPH)
        return cast.organisation(name, at=at) if name else None
    if pronoun not in ("he", "she"):
        return None
    gender = "m" if pronoun == "he" else "f"
    member = (
        antecedents.choose(cast, at, gender)
        or cast.latest(before=at, gender=gender)
        or cast.last_mentioned(before=at, after=at - 3 * PARAGRAPH, gender=gender)
    )
    spoken, owner = cast.spoken_for(at, gender, member)
    if spoken:
        return owner  # "a council spokesman said ... he added": still the council
    if learn and member is not None and member.gender is None:
        member.gender = gender
    return member


def _name(cast: Cast, subject: Subject, at: int, common_words: set[str]) -> Member | None:
    """A named subject: a known person, a new person, or an organisation."""
    written = subject.text
    if names.is_party(written):
        return cast.organisation(written, at=at)
    honorific, bare = names.strip_honorific(written)
    if honorific or names.looks_like_person(written):
        return cast.person(written, role=subject.role, at=at)
    if len(bare.split()) == 1:
        known = cast.known(bare, at) or cast.by_given_name(bare)
        if known is not None:
            known.bare_refs += 1
            cast.note(known, at)
            return known
        if bare.lower() in common_words or bare.lower() in names.NOT_NAME_WORDS:
            return None  # "Analysts", "Critics": a capitalised common word, not a name
    return cast.organisation(written, at=at)


def _phrase(cast: Cast, phrase: str, at: int, *, introduce: bool = True) -> Member | None:
    """ "the Chinese Embassy in Israel", "the prime minister", "a Microsoft spokesman", "his son"."""
    words = phrase.split()
    determiner, rest = words[0].lower(), words[1:]
    if not rest:
        return None
    for_person, gender = spokespeople.for_person(phrase, cast.find_person)
    if for_person:  # "the prime minister's official spokesman": no one the text names
        if introduce:
            cast.note_spokesperson(at, None, gender)
        return None
    organisation = cast.organisation if introduce else _find_organisation(cast)
    spokes = _SPOKESPERSON.match(phrase)
    org = spokes and (spokes.group("org") or spokes.group("org2"))
    holder = cast.role_holder(phrase, at, party=names.of_a_party(org)) if org else None
    if holder is not None:  # "the Lib Dem spokesman" after "Lib Dem spokesman Vince Cable"
        return holder
    if org:  # "a spokeswoman for the council", "a US Embassy spokesman": the organisation
        member = organisation(org, at=at)
        if introduce and member is not None:
            cast.note_spokesperson(at, member, None)
        return member
    official = _BODY_OFFICIAL.match(phrase)
    if official and not names.is_a_place(official.group("org")):
        # "a Juventus official", "a METI official": speaks for the body, as its spokesman would
        member = organisation(official.group("org"), at=at)
        if introduce and member is not None:
            cast.note_spokesperson(at, member, None)
        return member
    body = _SPOKESPERSON_FOR.match(phrase)
    if body:  # "a spokeswoman for the council": the council the text named
        return _body(cast, [body.group("body")], "spokesperson", at, organisation, introduce)
    if spokes and rest[-1].lower() in _SPOKESPEOPLE:
        # "a spokesman said", "the spokesperson also confirmed": the body that has just spoken
        member = cast.latest(before=at, after=at - 2 * PARAGRAPH, kind="organisation")
        if member is None:  # none has spoken: the body named last, in this paragraph or before
            name = cast.named_organisation(before=at, after=at - at % PARAGRAPH - PARAGRAPH - 1)
            member = organisation(name, at=at) if name else None
        if member is not None and introduce:
            cast.note_spokesperson(at, member, None)
        return member
    if determiner in ("his", "her") and rest[-1].lower() in _OWN_BODIES:
        # "her campaign blasted out an email": the campaign of the woman the text is about
        owner = cast.latest(before=at, gender="m" if determiner == "his" else "f", strict=True)
        if owner is not None and owner.mention.kind == "person" and len(owner.name.split()) > 1:
            return organisation(f"{names.surname(owner.name)} {rest[-1].lower()}", at=at)
        return None
    paper = _PAPER_BY.match(phrase)
    if paper and paper.group("paper").lower() in _PAPERS:
        # "a report by the National Audit Office", "a separate study by Gartner": its author's
        author = Subject("name", paper.group("owner"))
        return resolve(cast, author, at, set(), introduce=introduce)
    if determiner in ("a", "an") and _a_body_paper(rest):
        # "an agency statement", "a club statement": the agency's, the club's
        return _body(cast, rest[:1], rest[0].lower(), at, organisation, introduce)
    if determiner in ("a", "an", "one", "another", "some"):
        return None  # "one commenter", "another person": someone the text does not name
    core = _core(rest)
    head = core[-1]
    if determiner == "the" and names.describes_the_subject(rest):
        # "the Australian", "the 28-year-old", "the 24-year-old Swiss": whom the report last
        # turned to
        member = cast.described(at) or cast.latest(before=at, after=at - 3 * PARAGRAPH)
        if member is not None and introduce:
            cast.note(member, at)
        return member
    if determiner == "the" and head[:1].isupper() and head.lower() not in names.PARTY_MEMBERS:
        if parse_name(" ".join(rest)).kind == "role":  # "the Shadow Secretary of State"
            member = cast.by_role(" ".join(rest))
            if member is not None and introduce:
                cast.note(member, at)
            return member
        if roles.role_head(head.lower()) is not None or head.lower() in names.HONORIFICS:
            # "the Conservative Party Co-Chairman", "the Glasgow Kelvin MP", "the Bishop": a
            # person the text gave that role, or the one it is about - not an organisation
            member = _holder(cast, rest) or cast.latest(before=at, after=at - 3 * PARAGRAPH)
            if member is not None and introduce:
                cast.note(member, at)
            return member
        return organisation(" ".join(rest), at=at)
    head = head.lower()
    if head in _BODIES or head in _PAPERS or head in _SPOKESPEOPLE:
        return _body(cast, core, head, at, organisation, introduce)
    if head in _NONPERSON_HEADS:
        return None
    if head in _GROUP_HEADS:
        return cast.latest(before=at, after=at - 3 * PARAGRAPH, kind="organisation")
    if _plural_person(head):
        return None  # "the hosts", "the two lawmakers": several people, not one
    # someone named by then, or right after it ("Brighton nurse Marion Brown")
    member = cast.by_role(" ".join(core), before=at + len(phrase) + 2)
    if member is None and determiner == "the" and head in names.HONORIFICS:
        member = cast.by_title(head, before=at)  # "the archbishop": Archbishop Desmond Tutu
    if member is None and determiner == "the" and _names_a_person(head) and head not in _UNNAMED:
        # the person last referred to as a subject, else at all ("whether Sanders was ready.
        # The Vermont senator emailed supporters")
        member = cast.latest(before=at, after=at - 3 * PARAGRAPH) or cast.last_referred(
            before=at, after=at - PARAGRAPH
        )
    if member is not None and introduce:
        cast.note(member, at)
    return member


_OWN_BODIES = frozenset(["campaign"])


def _holder(cast: Cast, role: list[str]) -> Member | None:
    """The person given a capitalised role, its proper names included: "the Glasgow Kelvin MP"
    is not "Labour MP Oona King", who shares only "MP"."""
    member = cast.by_role(" ".join(role))
    if member is None:
        return None
    given = " ".join(member.roles).lower()
    qualifiers = [w for w in role[:-1] if w[:1].isupper() and w.lower() not in names.TITLE_WORDS]
    return member if all(w.lower() in given for w in qualifiers) else None


# People a text describes when it does not name them ("the man", "the insider"): such a
# description is someone the text named with that role, or no one - never just the latest.
_UNNAMED = frozenset(
    names.words(
        """
    man woman person boy girl child voter resident protester demonstrator supporter source
    insider observer witness commenter reader viewer user fan attendee participant student
    worker employee customer caller listener member neighbor neighbour friend relative
    official aide adviser advisor analyst expert staffer operative owner driver passenger
    officer agent soldier guard
    """
    )
)


def _plural_person(head: str) -> bool:
    """A plural of a person's noun ("hosts", "lawmakers", "senators")."""
    return (
        len(head) > 3
        and head.endswith("s")
        and not head.endswith("ss")
        and not head.endswith("us")
        and _names_a_person(head[:-1])
    )


def _names_a_person(head: str) -> bool:
    """Whether a description's head noun is a person's ("the singer", "the senator", "the
    former president"), so that it may stand for the person the text is about."""
    return roles.role_head(head) is not None or head in sources.PERSON_HEADS


def _body(cast: Cast, core: list[str], head: str, at: int, organisation, introduce: bool):
    """ "the Clinton campaign", "the company", "the report", "the spokesman": an organisation."""
    named = [w for w in core[:-1] if w[:1].isupper()]
    owner = [w for w in named if w.endswith(("'s", "’s"))]
    if owner:  # "the BNP's website", "the council's spokesman": the owner
        return organisation(" ".join(core[: core.index(owner[0]) + 1])[:-2], at=at)
    if named and head in _BODIES:
        return organisation(" ".join(core), at=at)  # "the Clinton campaign"
    if named and head in _PAPERS and len(named) == len(core) - 1:
        return organisation(" ".join(named), at=at)  # "the Halifax survey": the Halifax's
    window = at - 3 * PARAGRAPH
    name = None
    if head == "spokesperson":  # the body a spokesperson is "for"
        name = cast.named_organisation(before=at, after=window, containing=core[0].lower())
        member = organisation(name, at=at) if name else None
        if member is not None and introduce:
            cast.note_spokesperson(at, member, None)
        return member
    if head in _BODIES:
        name = cast.named_organisation(before=at, after=window, containing=head)
        if name is None and head in _GENERIC_BODIES:
            name = cast.named_organisation(before=at, after=window)
    elif head in _PAPERS:
        name = cast.named_organisation(before=at, after=at - 2 * PARAGRAPH)
    if name is None and head == "government" and core[0].lower() == "government":
        # "the government said": the government itself, not the last body named
        return organisation("government", at=at)
    if name is None:
        member = cast.latest(before=at, after=window, kind="organisation")
        if head in _SPOKESPEOPLE and member is not None and introduce:
            cast.note_spokesperson(at, member, None)
        return member
    member = organisation(name, at=at)
    if head in _SPOKESPEOPLE and member is not None and introduce:
        cast.note_spokesperson(at, member, None)
    return member


# A paper and who wrote it: "a report by the NAO", "a new study from Gartner"
_PAPER_BY = re.compile(
    rf"^(?:[Aa]n?|[Tt]he|[Aa]nother)\s+(?:[a-z-]+\s+){{0,3}}?(?P<paper>[a-z]+)\s+(?:by|from)\s+"
    rf"(?:the\s+)?(?P<owner>{names.BODY_RUN})$"
)


def _a_body_paper(rest: list[str]) -> bool:
    """ "agency statement", "company report": a body's kind, then one of its papers."""
    return len(rest) == 2 and rest[0].lower() in _BODIES and rest[1].lower() in _PAPERS


def _find_organisation(cast: Cast):
    """`cast.organisation` without introducing anyone."""

    def find(written: str, *, at: int = -1) -> Member | None:
        return cast.find_organisation(written)

    return find


def _core(words: list[str]) -> list[str]:
    """The words of a noun phrase before its first preposition ("Council" of "Council of ...")."""
    for i, word in enumerate(words):
        if i and word.lower() in _PREPOSITIONS:
            return words[:i]
    return words
