"""The cast of one document: everyone the text introduces, and how short references resolve.

A `Cast` collects everyone the text introduces, with aliases ("Mr Gutmann", "Gutmann") and the
role the text gives, and resolves short references (surnames, honorifics, "the prime
minister", "he") to the person introduced earlier.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from archive.model import PersonMention
from archive.personnames import parse_name, person_key
from archive.quotes import names
from archive.quotes.genders import gender_of_given
from archive.quotes.view import restore

PARAGRAPH = 1_000_000  # positions are paragraph * PARAGRAPH + offset


@dataclass
class Member:
    """A person or organisation in one document, with what the text says about them."""

    mention: PersonMention
    gender: str | None = None
    last_seen: int = -1  # position (see `Cast.note`) of the latest reference
    speaker: bool = False
    seen_at: list[int] = field(default_factory=list)  # references as a subject
    mentioned_at: list[int] = field(default_factory=list)  # every reference, in any role
    named_at: list[int] = field(default_factory=list)  # references by name (not "he"/"she")
    quoted_at: list[int] = field(default_factory=list)  # where their quotes stand
    keys: set[str] = field(default_factory=set)  # person_key of every alias
    roles: list[str] = field(default_factory=list)  # every role the text gives, first first
    bare_refs: int = 0  # references by the surname alone ("Trump said")
    derived: bool = (
        False  # introduced only through another's name ("Heidi" of "Heidi and Ted Cruz")
    )

    def __post_init__(self) -> None:
        self.keys = {person_key(a) for a in [self.mention.name, *self.mention.aliases]}

    @property
    def name(self) -> str:
        return self.mention.name

    def add_alias(self, alias: str) -> None:
        """Record another form of the name, once."""
        if alias and alias not in self.mention.aliases:
            self.mention.aliases.append(alias)
            self.keys.add(person_key(alias))

    def set_role(self, role: str | None) -> None:
        """Keep the first role the text gives for display, and every role for "the senator"."""
        if not role:
            return
        role = restore(role).strip(" ,")
        if not self.mention.role:
            self.mention.role = role
        if role not in self.roles:
            self.roles.append(role)


# Words of a description that do not tell one holder of a role from another ("the former
# minister" may be the "minister" the text named).
_LOOSE_MODIFIERS = frozenset(["former", "new", "then", "current", "veteran", "outgoing"])


def _role_words(text: str) -> list[str]:
    """The lower-case words of a role or a description ("Home Secretary" -> home, secretary)."""
    return re.findall(r"[\w'-]+", text.lower())


def _other_qualifier(words: list[str], head: str, qualifier: str) -> bool:
    """Whether a role's word before `head` differs from the description's ("home" against
    "foreign" for "secretary"); a bare role ("Minister") qualifies nothing."""
    at = words.index(head)
    before = words[at - 1] if at > 0 else ""
    return bool(qualifier and before and before not in _LOOSE_MODIFIERS and before != qualifier)


_TITLE_ROLES = {
    "president",
    "senator",
    "sen",
    "governor",
    "gov",
    "secretary",
    "minister",
    "chancellor",
    "mayor",
    "speaker",
    "judge",
    "justice",
    "rep",
    "congressman",
    "congresswoman",
    "ambassador",
    "premier",
    "pope",
}


def _most_likely(matches: list[Member], at: int) -> Member | None:
    """Of several people a surname fits: the one named in this paragraph (latest first), else
    the one the text already calls by the surname alone, else the first introduced in their own
    name. Journalists give the others their full names ("Eric Trump") to tell them apart."""
    if not matches:
        return None
    if len(matches) == 1 or at < 0:
        return max(matches, key=lambda m: m.last_seen)
    paragraph = at - at % PARAGRAPH
    here = [m for m in matches if any(paragraph <= a < at for a in m.named_at)]
    if here:
        return max(here, key=lambda m: max(a for a in m.named_at if paragraph <= a < at))
    return min(matches, key=lambda m: (-m.bare_refs, m.derived, m.named_at[:1] or [at]))


@dataclass
class Pronoun:
    """A "he" or "she" in narration, and the person it was taken to refer to."""

    at: int
    gender: str
    member: Member | None = None
    settled: bool = False  # resolved as a quote's speaker: the model does not revisit it
    # where its clause ends (punctuation, a word opening another clause, or 60 characters on):
    # a name before that is someone else ("he hopes to persuade Shearer" is not Shearer)
    clause_end: int = -1


@dataclass
class Cast:
    """Everyone one document introduces, in order, and the rules for referring back to them."""

    members: list[Member] = field(default_factory=list)
    # Organisations named in narration, spoken or not: (position, name), for "the company".
    named_organisations: list[tuple[int, str]] = field(default_factory=list)
    organisation_names: set[str] = field(default_factory=set)  # the names of those, once
    # Unnamed spokespeople, in order: (where, whom they speak for - None for a person -, "m"
    # for a spokesman, "f" for a spokeswoman). "he added" after "a council spokesman said" is
    # still the council; a spokesman named later in the paragraph is not (passages are
    # scanned whole before their quotes are attributed).
    spokespeople: list[tuple[int, Member | None, str | None]] = field(default_factory=list)
    # "he"/"she" in narration, in order; those before `followed` have been resolved and count
    # as references to their person (archive.quotes.antecedents.follow).
    pronouns: list[Pronoun] = field(default_factory=list)
    followed: int = 0
    # Where the quote being attributed opens, and its words: narration pronouns are followed
    # only up to there, and a person the quote names is seldom its speaker.
    frontier: int = -1
    quote: str = ""
    sentences: list[int] = field(default_factory=list)  # where each sentence begins, in order

    def mention_sentences(self, base: int, starts: tuple[int, ...]) -> None:
        """Note where a passage's sentences begin (`starts`: offsets after the first)."""
        self.sentences.append(base)
        self.sentences.extend(base + start for start in starts)

    def sentence_of(self, at: int) -> int:
        """The number of the sentence position `at` stands in."""
        return bisect.bisect_right(self.sentences, at) - 1

    def note_spokesperson(self, at: int, member: Member | None, gender: str | None) -> None:
        """An unnamed spokesperson for `member` (None: for a person) speaks at `at`."""
        entry = (at, member, gender)
        if not self.spokespeople or self.spokespeople[-1][0] <= at:
            self.spokespeople.append(entry)
        else:
            bisect.insort(self.spokespeople, entry, key=lambda e: e[0])

    def spokesperson_before(self, at: int) -> tuple[int, Member | None, str | None] | None:
        """The latest unnamed spokesperson mentioned before position `at`, if any."""
        index = bisect.bisect_left(self.spokespeople, at, key=lambda e: e[0])
        return self.spokespeople[index - 1] if index else None

    def spoken_for(self, at: int, gender: str, member: Member | None) -> tuple[bool, Member | None]:
        """Whether "he"/"she" at `at` is an unnamed spokesperson rather than `member` (the person
        the pronoun would otherwise be), and whom that spokesperson speaks for (None: a person).
        So it is when one was mentioned in this paragraph or the one before, of that gender or
        unknown, and `member` has not been referred to as a subject since."""
        spoke = self.spokesperson_before(at)
        if spoke is None or at - spoke[0] >= 2 * PARAGRAPH or spoke[2] not in (None, gender):
            return False, None
        if member is not None and max((a for a in member.seen_at if a < at), default=-1) > spoke[0]:
            return False, None
        return True, spoke[1]

    def mention_pronoun(self, at: int, gender: str, clause_end: int = -1) -> None:
        """Note a "he"/"she" of narration at position `at`, its clause ending at `clause_end`."""
        self.pronouns.append(Pronoun(at, gender, clause_end=clause_end))

    def settle_pronoun(self, at: int, member: Member) -> None:
        """Record that the pronoun at `at` is `member` (a quote's cue, once attributed)."""
        for pronoun in reversed(self.pronouns):
            if pronoun.at == at:
                pronoun.member, pronoun.settled = member, True
                return
            if pronoun.at < at:
                return

    def mention_organisation(self, name: str, at: int) -> None:
        """Note an organisation named at position `at` (it joins the cast only if it speaks)."""
        name = restore(name)
        self.named_organisations.append((at, name))
        self.organisation_names.add(name)

    def named_organisation(
        self, *, before: int, after: int, containing: str | None = None
    ) -> str | None:
        """The organisation named last between two positions (with a word, if given)."""
        for at, name in reversed(self.named_organisations):
            if at >= before:
                continue
            if at <= after:
                break
            if containing is None or containing in name.lower().split():
                return name
        return None

    def person(
        self,
        written: str,
        *,
        role: str | None = None,
        at: int = -1,
        subject: bool = True,
        derived: bool = False,
    ) -> Member:
        """The member a written name refers to, introducing them if new."""
        written = names.without_postnominals(restore(written))
        honorific, bare = names.strip_honorific(written)
        if not honorific and len(bare.split()) == 2 and names.modifies_surname(bare.split()[0]):
            written = bare = bare.split()[1]  # "Matchwinner Keane" is Keane, whoever that is
        member = self._find_name(written, honorific, bare, at)
        if member is not None and len(bare.split()) == 1:
            member.bare_refs += 1
        if member is None:
            # "Sen. Ted Cruz" is recorded as Ted Cruz; "Dr. Alim" keeps the only form known
            full = bare if honorific and len(bare.split()) > 1 else written
            if honorific and len(bare.split()) == 1 and len(honorific.split()) > 1:
                # "Lord Chancellor Lord Falconer" is known as Lord Falconer
                full = " ".join(written.split()[len(honorific.split()) - 1 :])
            member = Member(PersonMention(name=full, kind="person"), derived=derived)
            self.members.append(member)
        elif len(bare.split()) > 1 and member.derived:
            member.derived = False  # named in their own right now
        if len(bare.split()) > 1 and len(names.strip_honorific(member.name)[1].split()) == 1:
            member.add_alias(member.name)
            member.mention.name = bare  # a fuller form of a name first seen short
        member.add_alias(member.name)
        member.add_alias(names.surname(member.name))
        if honorific:
            member.add_alias(written)
            member.gender = member.gender or names.gender_of(honorific)
            if honorific.split()[-1] in _TITLE_ROLES:
                member.set_role(honorific.split()[-1])  # "President Obama": the president
        if member.gender is None:
            member.gender = gender_of_given(names.given_name(member.name))
        member.set_role(role)
        self.note(member, at, subject=subject)
        return member

    def organisation(self, written: str, *, at: int = -1) -> Member:
        """The organisation or group with this name, introducing it if new."""
        written = restore(written)
        key = person_key(written)
        for member in self.members:
            if member.mention.kind == "organisation" and key in member.keys:
                self.note(member, at)
                return member
        member = Member(PersonMention(name=written, kind="organisation", aliases=[written]))
        self.members.append(member)
        self.note(member, at)
        return member

    def find_person(self, written: str) -> Member | None:
        """The person a written name refers to, if already introduced (nothing changes)."""
        written = restore(written)
        honorific, bare = names.strip_honorific(written)
        return self._find_name(written, honorific, bare)

    def find_organisation(self, written: str) -> Member | None:
        """The organisation with this name, if already introduced (nothing changes)."""
        key = person_key(restore(written))
        for member in self.members:
            if member.mention.kind == "organisation" and key in member.keys:
                return member
        return None

    def _find_name(
        self, written: str, honorific: str | None, bare: str, at: int = -1
    ) -> Member | None:
        """An existing person with this full name, or whose surname this short form is.

        Two people may share a surname (Heidi and Ted Cruz): "Mrs. Cruz" is the woman, and a
        bare "Cruz" the one named in this paragraph, else the one the text names most.
        """
        key = person_key(written)
        people = [m for m in self.members if m.mention.kind == "person"]
        if len(bare.split()) > 1 or not honorific:
            for member in people:
                if key in member.keys:
                    return member
        if len(bare.split()) == 1:
            last = names.surname(bare)
            matches = [m for m in people if names.surname(m.name) == last]
            if not matches and honorific and honorific.split()[-1] in ("sir", "dame"):
                # "Sir Digby" is Sir Digby Jones: a knight is named by the given name
                matches = [m for m in people if names.given_name(m.name).split()[:1] == [bare]]
            gender = names.gender_of(honorific)
            if gender is not None:
                matches = [m for m in matches if m.gender in (None, gender)]  # Mrs. is no man
                matches.sort(key=lambda m: m.gender != gender)
                matches = [m for m in matches if m.gender == matches[0].gender]
            if not matches:  # "Ms. Acosta" is Melba Acosta Febo: a double family name
                matches = [m for m in people if bare in m.name.split()[1:-1]]
            return _most_likely(matches, at)
        single = [m for m in people if len(names.strip_honorific(m.name)[1].split()) == 1]
        same = next((m for m in single if names.surname(m.name) == names.surname(bare)), None)
        if same is None and not honorific:
            # "his wife Sharon" and later "Sharon Osbourne": one woman, known first by her
            # given name (only a common given name of the same gender counts as one)
            given = names.given_name(bare)
            gender = gender_of_given(given)
            same = next(
                (m for m in single if m.name == given and gender and m.gender in (None, gender)),
                None,
            )
        return same

    def known(self, word: str, at: int = -1) -> Member | None:
        """The person a single capitalised word (a surname or alias) refers to, if any."""
        matches = [
            m for m in self.members if m.mention.kind == "person" and word in m.mention.aliases
        ]
        return _most_likely(matches, at)

    def by_given_name(self, word: str) -> Member | None:
        """The one person whose given name a single capitalised word is ("Ozzy said" after "Rock
        star Ozzy Osbourne"), or None when no one or several share it."""
        matches = [
            m
            for m in self.members
            if m.mention.kind == "person"
            and " " in m.name
            and parse_name(m.name).given.split()[:1] == [word]
            and names.looks_human(m.name, m.gender)  # not "Trump Train", "Apple Developer"
        ]
        return matches[0] if len(matches) == 1 else None

    def note(self, member: Member, at: int, *, subject: bool = True, pronoun: bool = False) -> None:
        """Record a reference to `member` at position `at` (by a pronoun, or by name)."""
        member.last_seen = max(member.last_seen, at)
        if at >= 0:
            member.mentioned_at.append(at)
            if subject:
                member.seen_at.append(at)
            if not pronoun:
                member.named_at.append(at)

    def described(self, at: int) -> Member | None:
        """Who "the Australian" or "the 28-year-old" at `at` is: the person the text was last
        about other than whoever spoke last (a description is how a report turns from the
        quoted doctor back to the player, or from the player to his opponent); else the first
        person the text named, its subject."""
        spoke = [(max(m.quoted_at), m) for m in self.members if any(a < at for a in m.quoted_at)]
        last_speaker = max(spoke, key=lambda s: s[0])[1] if spoke else None
        others = [
            m
            for m in self.members
            if m.mention.kind == "person"
            and m is not last_speaker
            and any(at - 3 * PARAGRAPH <= a < at for a in m.seen_at)
        ]
        if others:  # the latest referred to as a subject ("Agassi was delighted ...")
            return max(others, key=lambda m: max(a for a in m.seen_at if a < at))
        named = [(min(m.named_at), m) for m in self.members if m.named_at and min(m.named_at) < at]
        return min(named, key=lambda n: n[0])[1] if named else None

    def role_holder(self, description: str, at: int, *, party: bool = False) -> Member | None:
        """The person a definite description of a spokesperson stands for: the one named earlier
        with every word of it among the words of a role ("the Lib Dem spokesman" after "Lib
        Dem spokesman Vince Cable"); failing any such, for a party's spokesman ("The Tory
        spokesman also criticised"), the person the text was last about, in this paragraph
        or the one before. None: an unnamed spokesperson."""
        if description.split()[0].lower() != "the":
            return None  # "a Lib Dem spokesman" is someone else
        wanted = {w for w in _role_words(description) if w != "the"}
        holders = [
            m
            for m in self.members
            if m.mention.kind == "person"
            and any(wanted <= set(_role_words(role)) for role in m.roles)
        ]
        if len(holders) == 1:
            return holders[0]
        if party and not holders:
            floor = at - at % PARAGRAPH - PARAGRAPH
            return self.latest(before=at, after=floor)
        return None

    def by_role(self, role: str, before: int | None = None) -> Member | None:
        """The person whose recorded role best matches a description like "the prime minister";
        not a role whose head another word qualifies: "the foreign secretary" is not "Home
        Secretary Charles Clarke". With `before`, only people the text had named by then ("The
        58-year-old US singer" is not "singer Jane Birkin", named later in the paragraph)."""
        wanted = [w for w in _role_words(role) if w not in ("the", "a", "an", "his", "her")]
        if not wanted:
            return None
        head = wanted[-1]
        # the word that qualifies the head: "foreign" of "the foreign secretary"
        qualifier = wanted[-2] if len(wanted) > 1 and wanted[-2] not in _LOOSE_MODIFIERS else ""
        best: tuple[tuple[int, int, int], Member] | None = None
        for member in self.members:
            if before is not None and not any(a < before for a in member.mentioned_at):
                continue
            for given in member.roles:
                words = _role_words(given)
                have = set(words)
                if head not in have or _other_qualifier(words, head, qualifier):
                    continue
                # "the president": a role that is just "President" beats "World Bank president"
                extra = len([w for w in words if w not in wanted])
                score = (sum(w in have for w in wanted), -extra, member.last_seen)
                if best is None or score > best[0]:
                    best = (score, member)
        return best[1] if best else None

    def by_title(self, title: str, before: int) -> Member | None:
        """The person last referred to whom the text named with a title ("the archbishop" after
        "Archbishop Desmond Tutu"), of those named by then."""
        titled = [
            m
            for m in self.members
            if m.mention.kind == "person"
            and any(a < before for a in m.mentioned_at)
            and any(alias.split()[0].lower().rstrip(".") == title for alias in m.mention.aliases)
        ]
        return max(titled, key=lambda m: max(a for a in m.mentioned_at if a < before), default=None)

    def latest(
        self,
        *,
        before: int,
        after: int = -1,
        kind: str = "person",
        gender: str | None = None,
        strict: bool = False,
    ) -> Member | None:
        """The member of a kind last referred to as a subject between two positions (of a
        gender, or of unknown gender unless `strict`)."""
        best, best_at = None, after
        allowed = (gender,) if strict else (None, gender)
        for member in self.members:
            if member.last_seen <= best_at or member.mention.kind != kind:
                continue  # referred to last before the best so far: cannot beat it
            if gender and member.gender not in allowed:
                continue
            at = max((a for a in member.seen_at if a < before), default=-1)
            if at > best_at:
                best, best_at = member, at
        return best

    def last_mentioned(self, *, before: int, after: int, gender: str) -> Member | None:
        """The person of a compatible gender mentioned last (as subject or not) in a window."""
        found = [
            m
            for m in self.members
            if m.mention.kind == "person"
            and m.gender in (None, gender)
            and after < m.last_seen < before
        ]
        return max(found, key=lambda m: m.last_seen) if found else None

    def last_referred(self, *, before: int, after: int) -> Member | None:
        """The person referred to last, in any role, between two positions."""
        found = [
            (max(a for a in m.mentioned_at if after < a < before), m)
            for m in self.members
            if m.mention.kind == "person" and any(after < a < before for a in m.mentioned_at)
        ]
        return max(found, key=lambda f: f[0])[1] if found else None

    def speakers(self) -> list[PersonMention]:
        """The people and organisations quoted in the document, in order of introduction."""
        return [m.mention for m in self.members if m.speaker]
