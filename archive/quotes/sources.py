"""Who could be the source of a quote: every name, pronoun and description in the narration.

A `Source` is one mention outside quotation marks that might introduce a quote: a name
("Sen. Ted Cruz", "CNN"), a pronoun ("he", "they") or a description ("the senator", "a
spokeswoman for the council", "the Clinton campaign"). `find_sources` lists them for one
passage, with what a ranker needs to know about where each stands in its sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from archive.personnames import parse_name
from archive.quotes import names, roles, verbs
from archive.quotes.spans import Span
from archive.quotes.view import restore

# People and bodies a description can name ("the senator", "a Clinton campaign spokesman").
PERSON_HEADS = names.words(
    """
    senator congressman congresswoman governor mayor president candidate nominee diplomat
    businessman businesswoman policeman chairman assemblyman councilman councilwoman tycoon
    magnate hopeful contender incumbent challenger developer entrepreneur
    front-runner frontrunner billionaire businessman businesswoman mogul lawmaker
    legislator aide strategist pollster operative consultant host anchor moderator
    columnist commentator reporter journalist historian voter supporter protester resident
    insider veteran official officials source sources aides advisers analysts experts critics
    supporters organizers organisers prosecutors investigators officers lawyers attorneys
    democrat republican democrats republicans conservative liberal activist activists
    woman man mother father wife husband son daughter friend spokesman spokeswoman
    spokesperson spokespeople representative chairman chairwoman secretary minister leader
    chief director manager author writer economist analyst expert professor researcher
    lawyer attorney doctor judge person people commenter reader viewer user narrator voice
    announcer witness observer participant attendee demonstrator fan student teacher worker
    employee customer caller listener member members neighbor neighbour relative holder
    """
)
_PARTY_MEMBERS = frozenset(["democrat", "republican", "democrats", "republicans", "tory", "tories"])
_BODY_HEADS = names.words(
    """
    campaign company firm group committee council agency department ministry government
    administration office board union party organization organisation association
    commission court police statement report study survey poll website newspaper paper
    network channel team club foundation institute center centre bank embassy station
    broadcaster magazine publication studio label airline retailer publisher
    """
)
_HEADS = frozenset({*PERSON_HEADS, *_BODY_HEADS, *roles.ROLE_NOUNS})
_HEADS_ALL = _HEADS | {"Democrat", "Republican", "Tory"}
# Words that follow whitespace (`_opening` reads no other): those of r"\b[A-Za-z][\w-]*"
# there, as no such word can span a space.
_SPACED_WORD = re.compile(r"(?<=\s)[A-Za-z][\w-]*")
_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ii]t)\b")
# A determiner and at most four words, unpunctuated, right before a head noun.
_OPENING = re.compile(
    r"(?:^|(?<=\s))(?P<det>[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ne|[Aa]nother)"
    r"\s+(?:[\w’'.-]+,?\s+){0,4}$"
)
_TAIL = re.compile(rf"\s+(?:for|of|at|from|with)\s+(?:the\s+)?{names.BODY_RUN}")
_GROUP_AFTER = re.compile(
    r"\s+(?:experts|officials|investigators|inspectors|monitors|observers|researchers|sources|"
    r"lawyers|prosecutors|spokes(?:man|woman|person)|aides)\b"
)
# "the Chinese Embassy in Israel", "Bank of America": an organisation word, then its place.
_OF_PLACE = re.compile(rf"\s+(?:of|in|for|at|on)\s+(?:the\s+)?{names.RUN}")
_CONNECTOR = re.compile(r"\s+(?:of|for|on)\s+(?:the\s+)?")
_BARE_GROUPS = re.compile(
    r"\b(?:[Oo]fficials|[Aa]ides|[Aa]dvisers|[Aa]nalysts|[Ee]xperts|[Cc]ritics|"
    r"[Ss]upporters|[Ss]ources|[Pp]rosecutors|[Pp]olice|[Ii]nvestigators)\b"
)
_AFTER_A_WORD = re.compile(r"[\w’'-]\s")  # "UN experts": the group has a name before it


@dataclass
class Source:
    """One possible source of a quote, in one passage (offsets in the passage)."""

    start: int
    end: int
    text: str  # as written, full stops restored
    kind: (
        str  # "person", "organisation", "single" (an unknown single word), "pronoun", "description"
    )
    possessive: bool = False  # "Trump's campaign": the name owns, it does not speak
    # (cast size, subject, member) of the last resolution (archive.quotes.candidates)
    resolved: tuple | None = field(default=None, repr=False, compare=False)
    # what archive.quotes.candidates found about it whatever the quote, found once
    static: dict[str, float] | None = field(default=None, repr=False, compare=False)
    before: str = field(default="", repr=False, compare=False)  # the word before it
    verbish: bool = field(default=False, repr=False, compare=False)  # that word is a verb
    subject: object = field(default=None, repr=False, compare=False)  # its cue Subject, once

    @property
    def is_name(self) -> bool:
        return self.kind in ("person", "organisation", "single")


def find_sources(text: str, spans: list[Span], common_words: set[str]) -> list[Source]:
    """Every possible source in a passage's narration (`text` is its reading view)."""
    quoted = [(s.start - 1, s.end + 1) for s in spans if s.depth == 0]

    def outside(start: int) -> bool:
        return not any(a <= start < b for a, b in quoted)

    found: list[Source] = [s for s in _descriptions(text) if outside(s.start)]
    for match in _BARE_GROUPS.finditer(text):
        at = match.start()
        if at >= 2 and _AFTER_A_WORD.fullmatch(text, at - 2, at):
            continue
        if outside(at) and not _within(at, found):
            found.append(Source(match.start(), match.end(), match.group(), "description"))
    for source in _names(text, common_words):
        if not outside(source.start):
            continue
        found.append(source)
        group = _GROUP_AFTER.match(text, source.end)  # "UN experts", "a Microsoft spokesman"
        if group:
            end = group.end()
            found.append(
                Source(source.start, end, restore(text[source.start : end]), "description")
            )
    for match in _PRONOUN_RE.finditer(text):
        if outside(match.start()):
            found.append(Source(match.start(), match.end(), match.group().lower(), "pronoun"))
    found.sort(key=lambda s: (s.start, -s.end))
    return _without_named_appositions(text, found)


def _without_named_appositions(text: str, found: list[Source]) -> list[Source]:
    """A description a person's name follows in apposition is that person, one source: "The
    chairman of the Bar Council, Guy Mansfield QC warned" is Mansfield, not whoever last held
    a chairman's role."""
    people = {s.start for s in found if s.kind == "person"}
    if not people:
        return found
    return [
        s
        for s in found
        if not (
            s.kind == "description"
            and (after := _APPOSITION.match(text, s.end)) is not None
            and after.end() in people
        )
    ]


_APPOSITION = re.compile(r",\s+")


# An acronym is a name even where the document writes its letters in lower case ("the FBI
# said" beside "fbi.gov"): a body's initials are no common word.
_ACRONYM = re.compile(r"[A-Z]{2,6}")


def _descriptions(text: str) -> list[Source]:
    """Determiner phrases ending in a person's or a body's noun: "the senator", "a spokeswoman
    for the council", "his campaign manager", "the Clinton campaign"."""
    out: list[Source] = []
    # One pass over the words that follow a space (`_opening` reads no other), each tested
    # through the cache of `_is_head`: a set of the passage's words first cost a second pass.
    for head in _SPACED_WORD.finditer(text):
        if not _is_head(head.group()):
            continue
        start = _opening(text, head.start())
        if start is None or _modifies_a_noun(head.group(), text, head.end()):
            continue
        end = head.end()
        tail = _TAIL.match(text, end)
        if tail:
            end = tail.end()
        possessive = text[end : end + 2] in ("'s", "’s")  # "the prime minister's spokesman"
        out.append(Source(start, end, restore(text[start:end]), "description", possessive))
    return out


# Heads that are as often adjectives: "the general election", "the official figures".
_ADJECTIVE_HEADS = frozenset(
    names.words("general official chief major private principal senior junior deputy acting")
)
# Words that may follow a head noun that ends its phrase ("the general who", "the official
# said", "the chief of staff").
_AFTER_A_HEAD = frozenset(
    names.words(
        """
    who whom whose which that and or but of for at in on from with to by as has had have
    is was are were will would could should can may might must did does do also then
    himself herself later earlier
    """
    )
)
_NEXT_WORD = re.compile(r" ([a-z][a-z-]*)\b")


def _modifies_a_noun(head: str, text: str, end: int) -> bool:
    """Whether an adjective-like head is followed by the noun it modifies ("the looming general
    election"): then the phrase describes no one."""
    if head.lower() not in _ADJECTIVE_HEADS:
        return False
    following = _NEXT_WORD.match(text, end)
    if following is None:
        return False
    word = following.group(1)
    return word not in _AFTER_A_HEAD and not verbs.is_speech_verb(word) and not word.endswith("ed")


def _opening(text: str, head: int) -> int | None:
    """Where the determiner opening a description of the head at `head` stands: the leftmost
    of "the", "a", "his" ... at most four plain words before the head, else None."""
    if not head or not text[head - 1].isspace():
        return None
    floor = max(0, head - 60)
    tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(text, floor, head)]
    found = None
    for at, token in reversed(tokens[-5:]):
        if _ENDS_A_SENTENCE.fullmatch(token):
            break  # "... the difficulties. The spokesman": the description starts after it
        if token in _DETERMINERS and (at == 0 or text[at - 1].isspace()):
            found = at
        bare = token.rstrip(",")
        if not _PLAIN.fullmatch(token) or verbs.is_speech_verb(bare) or bare in _AUXILIARIES:
            break  # "the prime minister hailed his chancellor": "his chancellor" only
        if found is not None and _PAST.fullmatch(bare):
            break  # "The pressure prompted the prime minister": "the prime minister" only
    return found


_TOKEN = re.compile(r"\S+")
# Verbs between two determiners end the later description ("The Australian has suffered a host").
_AUXILIARIES = frozenset(
    names.words("has have had is was are were be been being will would can could may might")
)
_PAST = re.compile(r"[a-z]{3,}ed")  # a verb between two determiners ("the retired" is no verb)
_ENDS_A_SENTENCE = re.compile(r"[a-z]{3,}[.!?]")  # a lower-case word and a full stop
_TITLE_HEADS = frozenset(
    names.words("Bishop Archbishop Pope Queen King Prince Princess Cardinal Rabbi Imam Professor")
)
_PLAIN = re.compile(r"[\w’'.-]+,?")
_DETERMINERS = frozenset(
    names.words("The the A a An an His his Her her Their their Its its One one Another another")
)


@lru_cache(maxsize=65536)  # asked of every word of a quoting passage: a news vocabulary
def _is_head(word: str) -> bool:
    """A noun that can end a description: a person's or a body's ("the senator", "the
    campaign", "the retired neurosurgeon", "the 71-year-old diplomat")."""
    if word in _HEADS_ALL or (word[-1:] == "s" and word[:-1] in _HEADS_ALL):
        return True
    if word in _TITLE_HEADS:  # "the Bishop said", "the Queen said"
        return True
    return word.islower() and roles.person_noun(word)


_PLACE_HEADS = frozenset(
    names.words("street avenue road lane square boulevard bridge river valley beach highway")
)
_PLATFORMS = frozenset(
    names.words("twitter facebook instagram youtube tiktok snapchat reddit linkedin tumblr")
)
_CHANNEL_AFTER = re.compile(r"\s+(?:post|posts|page|account|feed|video|message|status|live)\b")


def _channel(text: str, start: int, end: int) -> bool:
    """Whether a platform's name stands for where words appeared ("on Twitter", "a Facebook
    post"), not for the company speaking."""
    before = text[max(0, start - 6) : start].lower().split()[-1:]
    return bool(_CHANNEL_AFTER.match(text, end)) or before in (["on"], ["via"], ["to"])


def _within(at: int, sources: list[Source]) -> bool:
    return any(s.start <= at < s.end for s in sources)


def _names(text: str, common_words: set[str]) -> list[Source]:
    """Capitalised runs that name a person or an organisation, sentence openers trimmed."""
    out: list[Source] = []
    role_end = -1  # where the last role phrase ended ("Shadow Secretary" ...)
    for start, run_end, run_text in names.runs(text):
        words = run_text.split()
        if out and start < out[-1].end:
            continue  # the place of an organisation already taken ("... Embassy in Israel")
        if words[-1].rstrip(".,").lower().split("-")[-1] in roles.ROLE_NOUNS and _role_described(
            text, start, words
        ):
            # "The Glasgow Kelvin MP", "the Conservative Party Co-Chairman": a description of
            # a person, not a name (a role alone, "the Shadow Secretary", is read below)
            opening = start if words[0] in ("The", "the") else start - 4
            out.append(Source(opening, run_end, restore(text[opening:run_end]), "description"))
            role_end = run_end
            continue
        if words[-1] in names.PARTY_WORDS and names.is_party(run_text):  # "The Tories", "Labour"
            if words[0] == "The":
                start, words = start + 4, words[1:]
            party = " ".join(words)
            possessive = text[start + len(party) : start + len(party) + 2] in ("'s", "’s")
            out.append(Source(start, start + len(party), party, "organisation", possessive))
            continue
        if role_end >= 0 and _CONNECTOR.fullmatch(text[role_end:start]):
            # "... of State for the Family": still the role; "... of State Madeleine Albright":
            # the role, then the name of the person who holds it
            _, name = names.split_titles(run_text)
            if name == run_text or not names.looks_like_person(name):
                role_end = run_end
                continue
            start = run_end - len(name)
            words = name.split()
        first = names.opens_sentence(text, start)
        while len(words) > 1 and names.is_opener(
            words[0], common_words, sentence_start=first, following=words[1]
        ):
            start = text.index(words[1], start + len(words[0]))
            words, first = words[1:], False
        words = names.without_time_words(words)
        run = " ".join(words)
        end = start + len(run)
        if not words or (
            len(words) == 1 and names.is_opener(words[0], common_words, sentence_start=first)
        ):
            continue
        if names.ends_as_organisation(run):
            place = _OF_PLACE.match(text, end)
            if place:
                end = place.end()
                run = text[start:end]
        possessive = text[end : end + 2] in ("'s", "’s")
        written = restore(run)
        if len(run.split()) == 1:
            word = words[0].rstrip(".")
            low = word.lower()
            if restore(words[0]).endswith(".") and len(word.rstrip("\u2024")) <= 5:
                continue  # "Casper, Wyo.", "Calif.": a place's abbreviation, no speaker
            if low in _PLATFORMS and _channel(text, start, end):
                continue  # "in a Facebook post", "on Twitter": where words appeared, not who
            if (
                (low in common_words and not _ACRONYM.fullmatch(word))
                or low in names.NOT_NAME_WORDS
                or low in names.NATIONALITIES
                or low.removesuffix("s") in names.NATIONALITIES
                or low in names.TITLE_WORDS
                or low in _PARTY_MEMBERS
            ):
                continue  # "Analysts", "However", "British", "Democrat": no one who speaks
            if word in names.NOT_BODIES:
                continue  # "the CD", "VP": a thing or an office, not a body that speaks
            kind = "organisation" if word.isupper() and len(word) > 1 else "single"
        else:
            parsed = parse_name(written)
            if parsed.kind == "role":
                role_end = end
                continue
            kind = parsed.kind
            if words[-1].lower() in _PLACE_HEADS:
                continue  # "Michigan Avenue", "Trafalgar Square": where, not who
            if names.is_a_people(run):
                continue  # "The South African archbishop", "said the New Zealander": a people
            if kind == "person" and names.describes_no_one(run, common_words):
                continue  # "Make America Great Again", "the Wisconsin Republican": no name
            if kind == "person" and names.abbreviated_after(run, text, end):
                kind = "organisation"  # "the Assistive Mouse Adapter (AMA)": no person
        if kind == "person" and _REPORTER_AFTER.match(text, end) and not names.looks_human(written):
            # "an Evening Standard journalist": a paper, no person, and its reporter speaks
            # not for it (unlike its spokesman)
            kind, possessive = "organisation", True
        out.append(Source(start, end, written, kind, possessive))
    return out


_REPORTER_AFTER = re.compile(
    r"\s+(?:journalists?|reporters?|correspondents?|columnists?|photographers?|editors?)\b"
)


def _role_described(text: str, start: int, words: list[str]) -> bool:
    """A capitalised run after "the" that ends in a person's role ("The Glasgow Kelvin MP")."""
    if words[-1].rstrip(".,").lower().split("-")[-1] not in roles.ROLE_NOUNS:
        return False  # most runs: checked first, as the cheapest
    if words[0] in ("The", "the"):
        words = words[1:]
    elif text[max(0, start - 4) : start] not in ("the ", "The "):
        return False
    # a role noun of the list, not any agent noun ("The Guardian", "the Observer")
    if len(words) < 2 or words[-1].rstrip(".,").lower().split("-")[-1] not in roles.ROLE_NOUNS:
        return False
    return parse_name(restore(" ".join(words))).kind != "role"
