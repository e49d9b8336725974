"""The role a text gives a person: "Investec economist Philip Shaw", "Ethan Gutmann, an
independent researcher who...", "Matthew Robertson is another research fellow at the VOC".
"""

from __future__ import annotations

import re
from functools import lru_cache

from archive.quotes import names

# Nouns that end a role description ("tournament director", "fellow students").
ROLE_NOUNS = set(
    names.words(
        """
    economist analyst director official spokesman spokeswoman spokesperson coach manager
    leader minister secretary chairman chairwoman chair president executive expert
    student students researcher professor correspondent editor chief head member mp mep
    msp consultant architect engineer lawyer attorney doctor surgeon physician founder
    general governor player captain striker son daughter wife husband brother sister
    mother father boss owner partner trader strategist spokesmen officer commissioner
    adviser advisor campaigner activist scholar fellow author writer singer actor
    actress star director-general producer presenter host judge chancellor secretary-general
    treasurer vice-president vice-director deputy candidate representative envoy
    ambassador champion winner seed defender midfielder goalkeeper forward winger boss
    colleague bandmates bandmate economist analysts critic teacher principal inspector
    superintendent constable worker nurse psychologist scientist designer planner
    negotiator mediator full-back fly-half scrum-half flanker back-rower playmaker
    wicketkeeper batsman bowler all-rounder skipper centre-back centre-half wing-back dj
    mayor senator councillor congressman congresswoman lawmaker prosecutor
    """
    )
)

_LONG_ROLE_NOUNS = frozenset(n for n in ROLE_NOUNS if len(n) >= 6)
_AGENT_SUFFIXES = ("ist", "er", "or", "ian", "ant", "ent")
_NOT_AGENTS = set(
    names.words(
        """
    however whether together rather neither either another further earlier former latter
    number member minister percent present different recent current important
    significant sufficient client patient parent student moment comment statement
    government agreement department development payment investment management treatment
    environment equipment element content event evident silent violent quarter matter
    letter winter summer center consumer computer paper order error sector factor major
    minor prior interior exterior junior senior superior editor actor doctor after never
    over under other later ever water power poster register border corner answer dinner
    manner banner chapter character disaster monster shelter theater cluster transfer
    offer december november october september thunder wonder whenever
    """
    )
)
_APPOSITIVE = re.compile(
    r",\s+(?:\d{1,3},\s+)?(?P<role>(?:an?|the|another|one of the|its|his|her|their|[a-z][\w'’-]*)"
    r"\s[^,;.()“”\"]{2,120}?)(?=\s+who\b|\s+which\b|[,;.()]|$)"
)
_COPULA = re.compile(
    r"^(?:,\s+\d{1,3},)?\s+(?:is|was)\s+(?P<role>(?:an?|another|the)\s[^,;.()“”\"]{2,120}?)"
    r"(?=\s+who\b|\s+which\b|[,;.()]|$)"
)
_NOT_ROLE_START = {
    "and",
    "but",
    "or",
    "who",
    "which",
    "that",
    "said",
    "says",
    "told",
    "in",
    "on",
    "at",
    "as",
    "when",
    "while",
    "after",
    "before",
    "for",
    "to",
    "with",
    "from",
    "by",
    "if",
    "including",
}


def descriptor_before(text: str, start: int) -> str | None:
    """Role words right before a name ("England coach" in "England coach Sven-Goran Eriksson")."""
    words = text[max(0, start - 80) : start].split()
    picked: list[str] = []
    for word in reversed(words):
        if word[-1] in ",.;:!?\"“”'’(" or word.lower() in _NOT_ROLE_START or word.lower() == "the":
            break
        picked.insert(0, word)
        if len(picked) == 5:
            break
    while picked and role_head(picked[-1]) is None:
        picked.pop()  # the role must end in a role noun next to the name
    return " ".join(picked) or None


@lru_cache(maxsize=8192)
def role_head(word: str) -> str | None:
    """The role noun a word is (plurals and "vice-director" forms included), else None."""
    bare = word.lower().strip("’'")
    for form in (bare, bare.rstrip("s"), bare.rsplit("-", 1)[-1]):
        if form in ROLE_NOUNS:
            return form
    if bare.isalpha():  # "neurosurgeon": a compound of a long role noun
        for cut in range(2, len(bare) - 5):
            if bare[cut:] in _LONG_ROLE_NOUNS:
                return bare[cut:]
    agent = bare.rstrip("s")
    if (
        len(agent) > 5
        and agent.endswith(_AGENT_SUFFIXES)
        and agent not in _NOT_AGENTS
        and agent.isalpha()
    ):
        return agent  # "pathologist", "lecturer", "historian", "consultant"
    return None


@lru_cache(maxsize=8192)
def person_noun(word: str) -> bool:
    """A noun for a person, surely: a role noun, a compound of one ("neurosurgeon"), or an
    "-ist"/"-ian" agent ("pathologist", "historian"); not the looser guesses of role_head
    ("document" is no agent)."""
    head = role_head(word)
    if head is None:
        return False
    return head in ROLE_NOUNS or head.endswith(("ist", "ian"))


def appositive_after(text: str, end: int) -> str | None:
    """A role set off by commas after a name ("Dmitry Lukashov, an analyst at brokerage Aton")."""
    match = _APPOSITIVE.match(text, end)
    if not match:
        return None
    role = match.group("role").strip()
    first = role.split()[0].lower()
    if first in _NOT_ROLE_START or role.split()[0][0].isupper():
        return None
    determiners = ("a", "an", "the", "another", "one", "its", "his", "her", "their")
    if first not in determiners and not any(role_head(w) for w in role.split()):
        return None
    return role


def copula_after(text: str, end: int) -> str | None:
    """A role given by "is/was a ..." after a name ("Abduweli Ayup, 46, is a linguist")."""
    match = _COPULA.match(text[end:])
    return match.group("role").strip() if match else None


def role_after(text: str, end: int) -> str | None:
    """The role an appositive or "is a ..." clause gives right after a name, if any."""
    return appositive_after(text, end) or copula_after(text, end)
