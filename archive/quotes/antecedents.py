"""Who "he" or "she" refers to: the people the text named before, weighed.

Every person of the pronoun's gender (or of unknown gender) referred to in the last three
paragraphs is a candidate, whatever their role in the sentence: "Just look at Paul Ryan. He
said ..." is Ryan although he was named as an object. The narration's own "he" and "she" count
as references too: they are followed in order (`follow`), each resolved by the same weights,
so that "Garcia was in the back. He was not feeling it. 'No,' he said." keeps to Garcia.

What counts, as features: being referred to in this paragraph or the one before, as a subject
or at all; being the latest referred to; being the person the last "he"/"she" was; being known
to be of that gender (an honorific, a given name); having spoken the last quote, or lately;
being named inside the quote itself (people seldom name themselves); how often the text names
them. The weights are fitted with the ranker (bench/quotes/train.py) on hand-labelled pronoun
quotes of the development data; without them a plain order applies.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from archive.personnames import PARTICLES
from archive.quotes import names
from archive.quotes.cast import PARAGRAPH, Cast, Member, Pronoun
from archive.quotes.lexicon import COMMON_WORDS

try:
    from archive.quotes.weights import ANTECEDENT
except ImportError:  # pragma: no cover - only before the first training run
    ANTECEDENT = {}

WINDOW = 3 * PARAGRAPH
MAX_CANDIDATES = 6  # the most recently referred to; older ones never win
LEARN_GENDER = 0.9  # a "he"/"she" this sure of its person tells that person's gender
# Until fitted: this paragraph, the latest, the right gender, the last speaker.
_DEFAULT = {
    "subject_here": 2.0,
    "here": 1.0,
    "previous_paragraph": 1.0,
    "latest": 1.0,
    "latest_subject": 1.0,
    "gender_known": 1.5,
    "last_quoted": 1.0,
    "named_in_quote": -1.0,
}


def follow(cast: Cast, at: int) -> None:
    """Resolve the narration's "he"/"she" before `at` (and before the quote being attributed),
    in order, each noted as a reference to the person it stands for."""
    limit = min(at, cast.frontier) if cast.frontier >= 0 else at
    pronouns = cast.pronouns
    while cast.followed < len(pronouns) and pronouns[cast.followed].at < limit:
        pronoun = pronouns[cast.followed]
        cast.followed += 1
        if not pronoun.settled:
            found = _candidates(cast, pronoun.at, pronoun.gender, "")
            # not a person named later in the pronoun's own clause ("he hopes to persuade
            # Shearer to carry on"): binding says that is someone else
            found = [f for f in found if not _named_in_clause(f[0], pronoun)] or found
            pronoun.member = _sentence_subject(cast, pronoun.at, found) or _best(found, None)
            spoken, owner = cast.spoken_for(pronoun.at, pronoun.gender, pronoun.member)
            if spoken:  # "Mr Blair's spokesman said ... He added": not Blair
                pronoun.member = owner
            member = pronoun.member
            # a "he"/"she" this sure of its person tells their gender ("Groberg ... he spoke")
            if (
                not spoken
                and member is not None
                and member.gender is None
                and _tells_gender(cast, pronoun, found)
            ):
                member.gender = pronoun.gender
        if pronoun.member is not None:
            cast.note(pronoun.member, pronoun.at, pronoun=True)


def _named_in_clause(member: Member, pronoun: Pronoun) -> bool:
    """Whether `member` is named after `pronoun` and before its clause ends."""
    return any(pronoun.at < a < pronoun.clause_end for a in member.named_at)


def candidates(
    cast: Cast, at: int, gender: str, quote: str | None = None
) -> list[tuple[Member, dict[str, float]]]:
    """The people "he"/"she" at position `at` may refer to, with their features."""
    follow(cast, at)
    return _candidates(cast, at, gender, cast.quote if quote is None else quote)


def _candidates(
    cast: Cast, at: int, gender: str, quote: str
) -> list[tuple[Member, dict[str, float]]]:
    paragraph = at - at % PARAGRAPH
    floor = at - WINDOW
    found = []
    for member in cast.members:
        if member.last_seen < floor or member.mention.kind != "person":
            continue  # not referred to in the window (last_seen: the latest reference)
        if member.gender not in (None, gender):
            continue
        if quote and _glossed_in(member, quote):
            continue  # "She (Kuznetsova) is a great player," she said: not Kuznetsova
        mentions = [a for a in member.mentioned_at if floor <= a < at]
        if not mentions:
            continue
        subjects = [a for a in member.seen_at if floor <= a < at]
        found.append((member, max(mentions), max(subjects, default=-1), len(mentions)))
    if not found:
        return []
    found = _people_first(found, at)
    found.sort(key=lambda f: -f[1])
    found = found[:MAX_CANDIDATES]
    latest = found[0][1]
    latest_subject = max(s for _, _, s, _ in found)
    last_quote, last_speaker = _last_quote(cast, at)
    chain = _last_pronoun(cast, at, gender)
    sentence = cast.sentence_of(at)
    out = []
    for member, last, subject, count in found:
        quoted = [a for a in member.quoted_at if at - 2 * PARAGRAPH <= a < at]
        features = {
            "here": float(last >= paragraph),
            "subject_here": float(subject >= paragraph),
            "previous_paragraph": float(paragraph - PARAGRAPH <= last < paragraph),
            "latest": float(last == latest),
            "latest_subject": float(subject >= 0 and subject == latest_subject),
            "gender_known": float(member.gender == gender),
            "quoted_lately": float(bool(quoted)),
            "last_quoted": float(member is last_speaker),
            "since_last_quote": float(last_quote >= 0 and last > last_quote + 1),
            "chain": float(chain is member),
            "named_in_quote": float(bool(quote) and _named_in(member, quote)),
            "human": float(names.looks_human(member.name, member.gender)),
            "mentions": math.log1p(count),
            "distance": min((at - last) / PARAGRAPH, 3.0),
            "same_sentence": float(cast.sentence_of(last) == sentence),
            "previous_sentence": float(cast.sentence_of(last) == sentence - 1),
            "subject_previous_sentence": float(
                subject >= 0 and cast.sentence_of(subject) >= sentence - 1
            ),
            # a person the text has just introduced is who it goes on to quote
            "introduced_lately": float(cast.sentence_of(member.mentioned_at[0]) >= sentence - 1),
        }
        out.append((member, features))
    return out


def _people_first(found: list[tuple[Member, int, int, int]], at: int) -> list:
    """Only those shown to be people, when any is: "he" is not "La Liga", "Wolf Brother" or
    "Instant Messenger" (capitalised runs the cast holds as persons for want of a kind) while
    someone the text has shown to be a person is in reach."""
    shown = [f for f in found if _shown_a_person(f[0], at)]
    return shown or found


def _shown_a_person(member: Member, at: int) -> bool:
    """A given name, an honorific or a gender; a first word that is no common word (most given
    names are in no list); a role ("analyst Jo Hart"); a reference by the surname alone ("Hart
    said"); or words of their own, before `at`."""
    return (
        names.looks_human(member.name, member.gender)
        or _opens_with_a_name(member.name)
        or bool(member.roles)
        or member.bare_refs > 0
        or any(a < at for a in member.quoted_at)
    )


def _opens_with_a_name(name: str) -> bool:
    """Two words or more, the first no common word nor particle: "Darran Whiting" may be a
    person, "Wolf Brother", "Instant Messenger" and "La Liga" are not."""
    words = name.split()
    return (
        len(words) > 1
        and words[0].lower() not in COMMON_WORDS
        and words[0].lower() not in PARTICLES
    )


def _sentence_subject(
    cast: Cast, at: int, found: list[tuple[Member, dict[str, float]]]
) -> Member | None:
    """The one person named as a subject earlier in the pronoun's own sentence, if there is
    exactly one: "Mr Clarke told the Today programme he believed ..." is Clarke, whoever spoke
    last. (For narration pronouns; a quote's "he said" is weighed by the model.)"""
    if not cast.sentences:
        return None
    start = cast.sentences[cast.sentence_of(at)]
    subjects = [m for m, _ in found if any(start <= a < at for a in m.seen_at)]
    return subjects[0] if len(subjects) == 1 else None


def _tells_gender(cast: Cast, pronoun, found: list[tuple[Member, dict[str, float]]]) -> bool:
    """A sure "he"/"she" near the start of its sentence, with no one named before it there
    ("Groberg, 33, ... But on Thursday he spoke out"), not "telling Trump whatever he meant"."""
    if max(probabilities(found)) < LEARN_GENDER:
        return False
    start = cast.sentences[cast.sentence_of(pronoun.at)] if cast.sentences else 0
    if pronoun.at - start > 80:
        return False
    return not any(start <= a < pronoun.at for m, _ in found for a in m.mentioned_at)


def _last_quote(cast: Cast, at: int) -> tuple[int, Member | None]:
    """Where the last quote before `at` opens, and who spoke it."""
    best, who = -1, None
    for member in cast.members:
        for a in member.quoted_at:
            if best < a < at:
                best, who = a, member
    return best, who


def _last_pronoun(cast: Cast, at: int, gender: str) -> Member | None:
    """Who the last "he"/"she" of this gender before `at` was taken to be."""
    for pronoun in reversed(cast.pronouns[: cast.followed]):
        if pronoun.at < at and pronoun.gender == gender:
            return pronoun.member
    return None


def _named_in(member: Member, quote: str) -> bool:
    """Whether a quote names the member (by a surname or alias of three letters or more)."""
    forms = _last_words(member.name, tuple(member.mention.aliases))
    return any(f in quote and f in _words(quote) for f in forms)


def _glossed_in(member: Member, quote: str) -> bool:
    """Whether the quote names the member in brackets, an editor's gloss of whom the speaker
    talks about ("She (Kuznetsova)", "for (Charlton goalkeeper) Dean Kiely")."""
    if "(" not in quote:
        return False
    forms = _last_words(member.name, tuple(member.mention.aliases))
    return any(f in _words(gloss) for gloss in _GLOSS.findall(quote) for f in forms)


_GLOSS = re.compile(r"\(([^()]{2,60})\)")


@lru_cache(maxsize=1024)
def _last_words(name: str, aliases: tuple[str, ...]) -> frozenset[str]:
    """The last words (three letters or more) of a name and its aliases."""
    return frozenset(
        a.split()[-1] for a in (name, *aliases) if a.split() and len(a.split()[-1]) > 2
    )


@lru_cache(maxsize=256)
def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[\w’'-]+", text))


def _best(
    found: list[tuple[Member, dict[str, float]]], weights: dict[str, float] | None
) -> Member | None:
    weights = (ANTECEDENT or _DEFAULT) if weights is None else weights
    best, best_score = None, -math.inf
    for member, features in found:
        score = sum(weights.get(n, 0.0) * v for n, v in features.items())
        score += 1e-9 * features["latest"]  # ties: the latest
        if score > best_score:
            best, best_score = member, score
    return best


def probabilities(
    found: list[tuple[Member, dict[str, float]]], weights: dict[str, float] | None = None
) -> list[float]:
    """Each candidate's probability of being the referent (softmax of the weighted scores)."""
    weights = (ANTECEDENT or _DEFAULT) if weights is None else weights
    scores = [sum(weights.get(n, 0.0) * v for n, v in f.items()) for _, f in found]
    if not scores:
        return []
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


DOUBT_MARGIN = 0.8  # a rival at least this close in probability leaves "he" in doubt


def doubtful(found: list[tuple[Member, dict[str, float]]], member: Member | None) -> bool:
    """Whether "he"/"she" stands for `member` on weak grounds: a rival is nearly as likely;
    someone else was the latest subject; the quote names the member itself; or the member
    neither spoke last nor was a subject of this sentence or the one before. (Right 73 times
    in 100 at confidence >= 0.9 on the development data, against 96 for the rest.)"""
    features = next((f for m, f in found if m is member), None)
    if features is None:
        return False
    return (
        margin(found) <= DOUBT_MARGIN
        or not features["latest_subject"]
        or bool(features["named_in_quote"])
        or not (features["last_quoted"] or features["subject_previous_sentence"])
    )


def margin(found: list[tuple[Member, dict[str, float]]]) -> float:
    """How far the likeliest referent stands above the next (its whole probability if alone)."""
    shares = sorted(probabilities(found), reverse=True)
    return shares[0] - (shares[1] if len(shares) > 1 else 0.0)


def choose(cast: Cast, at: int, gender: str, weights: dict[str, float] | None = None):
    """The person "he"/"she" at `at` most likely refers to, or None."""
    return _best(candidates(cast, at, gender), weights)
