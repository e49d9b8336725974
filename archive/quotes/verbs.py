"""Verbs that report speech or writing ("said", "tweeted", "fired back"), in all their forms.

News reports speech with many verbs besides "said": "tweeted", "charged", "retorted", "wrote
on Facebook", "put it", "fired back". The list is of base forms; `forms` conjugates them.
Verbs that are also common nouns ("post", "charge", "question") count only in their past
forms ("posted", "charged", "questioned"), which are not.
"""

from __future__ import annotations

import re

_SPEECH = """
    say tell add explain recount recall assert conclude continue report write ask insist
    claim warn admit reveal reply observe note stress argue declare announce comment confirm
    concede whisper shout acknowledge remark quip joke urge predict maintain tweet retweet
    respond retort counter contend suggest complain boast brag describe praise thank
    criticize criticise slam blast accuse deny vow promise pledge proclaim exclaim cry yell
    scream mutter muse wonder testify echo agree disagree caution lament beg plead demand
    gush rave snipe scoff snap mock taunt tease jeer chant sing inform advise recommend
    propose elaborate clarify emphasize emphasise underscore highlight hint imply text email
    interject interrupt object protest rebut refute reject dismiss defend justify apologize
    apologise laugh sigh preach lecture scold chide rail thunder bellow grumble gripe whine
    concur allege affirm reaffirm reiterate repeat swear opine theorize theorise speculate
    guess reckon quote cite summarize summarise brand label dub call tout hail laud applaud
    congratulate condemn denounce decry deplore lambast assail rebuke reprimand berate
    chastise ridicule deride belittle disparage insult lash threaten query inquire enquire
    implore entreat exhort counsel recollect reminisce confide divulge disclose
    confess blame
"""
# Also nouns: counted only in their past forms ("posted", "charged", "questioned").
_PAST_ONLY = """
    post charge question attack state message quote answer cable wire counter text email
    label thank praise blast slam echo cry hail rave rail chant sing laugh sigh guess cite
    brand dub applaud mock tease taunt promise pledge demand protest query blame
"""
_IRREGULAR = {
    "say": ["say", "says", "said", "saying"],
    "tell": ["tell", "tells", "told", "telling"],
    "write": ["write", "writes", "wrote", "written", "writing"],
    "swear": ["swear", "swears", "swore", "sworn", "swearing"],
    "sing": ["sang", "sung", "singing"],
    "thunder": ["thunders", "thundered", "thundering"],
    "cry": ["cried"],
    "lash": ["lashed"],
    "call": ["called", "calling"],  # not "calls": "phone calls" is a noun far more often
    "label": ["labeled", "labelled", "labelling", "labeling"],  # British doubles the l
    "cite": ["cited", "citing"],
    "object": ["objected", "objecting"],
    "snipe": ["sniped"],
}
# Phrases that report speech as a whole ("went on", "fired back", "put it").
PHRASES = [
    "was quoted as saying",
    "is quoted as saying",
    "were quoted as saying",
    "went on to say",
    "went on",
    "goes on",
    "pointed out",
    "points out",
    "fired back",
    "fires back",
    "shot back",
    "shoots back",
    "chimed in",
    "chimes in",
    "weighed in",
    "weighs in",
    "summed up",
    "sums up",
    "put it",
    "puts it",
    "spoke out",
    "speaks out",
    "spelled out",
    "went further",
    "had this to say",
    "has this to say",
    "had said",
    "has said",
    # "calls" alone is a noun as often ("phone calls"); calling something so is speech
    "calls it",
    "calls its",
    "calls them",
    "calls him",
    "calls her",
]
# Participles that introduce a quote after a main clause: "..., saying, ...".
PARTICIPLES = frozenset(
    [
        "adding",
        "saying",
        "explaining",
        "insisting",
        "warning",
        "recounting",
        "recalling",
        "noting",
        "telling",
        "writing",
        "arguing",
        "asking",
        "claiming",
        "tweeting",
        "calling",
        "vowing",
        "promising",
        "complaining",
        # verbs that judge as they report: "..., describing it as “a failing organisation”"
        "describing",
        "accusing",
        "urging",
        "branding",
        "criticising",
        "criticizing",
        "labelling",
        "labeling",
        "citing",
    ]
)
# Verbs whose object is the one spoken to, not the speaker ("told Haaretz").
TAKES_OBJECT = frozenset(
    [
        "tell",
        "tells",
        "told",
        "telling",
        "saying",
        "wrote",
        "writes",
        "write",
        "explained",
        "informed",
        "reminded",
        "warned",
        "urged",
        "asked",
        "thanked",
        "praised",
        "assured",
    ]
)


_DOUBLING = frozenset(
    ["admit", "beg", "rebut", "snap", "quip", "dub", "chat", "jab", "nag", "spar", "rap"]
)


def _regular(base: str) -> list[str]:
    """Present, third person, past and -ing forms of a regular verb."""
    if base in _DOUBLING:
        stem, past, ing = base, base + base[-1] + "ed", base + base[-1] + "ing"
    elif base.endswith("ee"):
        stem, past, ing = base, base + "d", base + "ing"
    elif base.endswith("e"):
        stem, past, ing = base, base + "d", base[:-1] + "ing"
    elif base.endswith("y") and base[-2] not in "aeiou":
        stem, past, ing = base, base[:-1] + "ied", base + "ing"
    else:
        stem, past, ing = base, base + "ed", base + "ing"
    third = base + "es" if base.endswith(("s", "sh", "ch", "x", "z", "o")) else stem + "s"
    if base.endswith("y") and base[-2] not in "aeiou":
        third = base[:-1] + "ies"
    return [base, third, past, ing]


def forms() -> set[str]:
    """Every counted form of every speech verb."""
    past_only = set(_PAST_ONLY.split())
    out: set[str] = set()
    for base in set(_SPEECH.split()) | past_only:
        conjugated = _IRREGULAR.get(base) or _regular(base)
        if base in past_only and base not in _IRREGULAR:  # an explicit list is kept whole
            conjugated = [f for f in conjugated if f.endswith(("ed", "ied"))]
        out.update(conjugated)
    return out


# -ing forms count only as the participles above ("a report declaring ..." is no cue).
WORDS = frozenset(f for f in forms() if not f.endswith("ing") or f in PARTICIPLES)


def _by_first_letter(alternatives: list[str]) -> str:
    """A regex alternation of literal words, grouped by their first letter ("s(?:aid|ays)|t(?:old)"):
    the regex engine tries one group where a word starts instead of all 500 words, with the
    same matches in the same order of preference (words of different first letters never
    match at the same offset)."""
    groups: dict[str, list[str]] = {}
    for word in alternatives:
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{first}(?:{'|'.join(rest)})" for first, rest in groups.items())


# longest first, so that "went on to say" is preferred to "went on"
ALTERNATION = _by_first_letter(sorted([*PHRASES, *WORDS], key=len, reverse=True))
WORD_RE = re.compile(rf"\b(?:{ALTERNATION})\b")


def is_speech_verb(word: str) -> bool:
    """Whether a lower-case word is a form of a verb that reports speech."""
    return word in WORDS
