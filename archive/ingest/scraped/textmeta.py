"""Metadata read from scraped text: title, bylines and author boxes, outlet, datelines, language.

Every finder returns the value with the line it was read from, so the stage can store the
line as evidence; a finder that sees no evidence returns None and the field stays unset.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from archive.ingest.scraped.dates import DAY_FIRST, ISO, MONTH_FIRST, MONTH_YEAR, NUMERIC
from archive.ingest.scraped.lines import word_set, words

MAX_TITLE_WORDS = 30
SHORT_TITLE_WORDS = 12  # a headline this short may end with a full stop

_NAME_WORD = r"[A-Z][\w'’.-]*"
_NAME = rf"{_NAME_WORD}(?:\s+(?:[a-z]{{1,3}}\s+)?{_NAME_WORD}){{0,3}}"
_BYLINE = re.compile(
    rf"^(?:By|Written by|Reporting by|Words by)\s*:?\s+({_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)$"
)
_SPLIT_NAMES = re.compile(r"\s*(?:,|\band\b|&)\s*")
_BIO = re.compile(
    r"^(?:(?:senior|chief|staff|deputy|contributing|freelance|special|political|foreign)\s+)*"
    r"(?:reporter|writer|journalist|editor|correspondent|columnist|contributor|author)"
    rf"\s+(?:at|for|with)\s+(?P<outlet>{_NAME})\.?$",
    re.I,
)
_OUTLET_LINES = (
    re.compile(rf"\b(?:special\s+)?coverage\s+by\s+(?P<outlet>{_NAME})$"),
    re.compile(
        rf"^(?:©|\(c\)|Copyright)\s*(?:©\s*)?(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?\s+)?(?P<outlet>{_NAME})",
        re.I,
    ),
)
_INTERVIEW = re.compile(
    r"\b(?:told|tells|telling|speaking to|spoke to|said to|in an interview with)\s+"
    r"(?P<the>the\s+)?(?P<outlet>[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,2})"
)
_MEDIA_WORDS = word_set(
    """
    bbc news times post herald journal guardian telegraph mail press tribune gazette
    radio tv television channel magazine daily today agency observer independent star
    sun chronicle express standard economist review
    """
)
_NOT_OUTLETS = word_set(
    """
    parliament congress senate commons lords mps police reporters journalists court jury
    judge committee mr mrs ms dr sir lord lady president
    """
)
_DATELINE = re.compile(
    r"^(?P<label>published|posted|first published|last updated|updated|date)\s*(?:on|:)?\s*"
    r"(?P<rest>.{6,60})$",
    re.I,
)
_LEFTOVER = re.compile(r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|[\s,.|:-])", re.I)
_STOPWORDS = {
    "en": "the and of to in is that for it was on with as he said by at from his are be",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als",
    "fr": "de la le et les des en un une du est que pour dans qui par sur au avec pas",
    "es": "de la que el en y los del se las por un para con una su al es lo como",
    "it": "di che la il e per un in del non una sono con della le si da al è",
    "nl": "de van het een en in is dat op te zijn voor met die niet aan er om",
    "pt": "de que o a do da em para com um uma os no se na por mais as dos",
}
_STOPSETS = {code: word_set(text) for code, text in _STOPWORDS.items()}


@dataclass(frozen=True)
class Found:
    """A metadata value and the line (or summary of lines) it was read from."""

    value: object
    evidence: str


def is_headline(line: str) -> bool:
    """A line shaped like a headline: short, and no long sentence ending in a full stop."""
    count = len(line.split())
    if not 0 < count <= MAX_TITLE_WORDS or len(line) > 250:
        return False
    sentence = line.rstrip("\"'’”").endswith(".") and not line.endswith("..")
    return count <= SHORT_TITLE_WORDS or not sentence


# Words of a newspaper's name, beyond the media words a `told X` cue may name.
_MASTHEAD_WORDS = _MEDIA_WORDS | word_set(
    """
    courier echo mirror globe record advertiser argus bulletin dispatch examiner inquirer
    leader monitor register reporter sentinel voice weekly gleaner clarion citizen news
    """
)
_MASTHEAD_SMALL = word_set("of the and on in for")
_MASTHEAD_MARKS = re.compile(r"[.,:;!?\"“”()\[\]|/#@]|\d")


def is_masthead(line: str, following: str | None, text: str) -> bool:
    """A publication's name above the headline ("Northern Courier"), not the headline: a few
    capitalised words without punctuation or digits, a headline after it, and the text
    bearing it out - a newspaper's word in the name, or the name again further on."""
    tokens = line.split()
    if not 1 <= len(tokens) <= 5 or not following or not is_headline(following):
        return False
    if _MASTHEAD_MARKS.search(line) or line_is_sentence_case(tokens):
        return False
    named_again = text.count(line) >= 2
    return named_again or any(word in _MASTHEAD_WORDS for word in words(line))


def line_is_sentence_case(tokens: list[str]) -> bool:
    """Whether a word after the first (other than `of`, `the`...) is in lower case: a
    headline written as a sentence, which a masthead never is."""
    return any(t[:1].islower() and t.lower() not in _MASTHEAD_SMALL for t in tokens[1:]) or (
        not tokens[0][:1].isupper()
    )


def byline_names(line: str) -> list[str] | None:
    """The names in a byline line (`By Jane Doe and John Roe`), or None."""
    match = _BYLINE.match(line)
    if not match:
        return None
    return [name for name in _SPLIT_NAMES.split(match.group(1)) if name]


def bio_outlet(line: str) -> str | None:
    """The outlet named in an author's one-line bio (`Staff reporter at OpIndia`)."""
    match = _BIO.match(line)
    return match.group("outlet") if match else None


def is_name(line: str) -> bool:
    """A line that is only a person's or a desk's name (`OpIndia Staff`)."""
    return len(line) <= 40 and bool(re.fullmatch(_NAME, line))


def author_box(lines: list[str], index: int) -> tuple[list[int], str, str | None] | None:
    """An author box starting at `index`: (its lines, the name, the outlet from its bio).

    An author box is a name followed by the same name again or by a one-line bio.
    """
    name = lines[index]
    if not is_name(name):
        return None
    taken = [index]
    cursor = index + 1
    while cursor < len(lines) and lines[cursor] == name:
        taken.append(cursor)
        cursor += 1
    outlet = bio_outlet(lines[cursor]) if cursor < len(lines) else None
    if outlet:
        taken.append(cursor)
    return (taken, name, outlet) if len(taken) > 1 else None


def outlet_line(line: str) -> str | None:
    """The outlet a furniture line names (`special coverage by X`, `© 2024 X`), or None."""
    for pattern in _OUTLET_LINES:
        match = pattern.search(line)
        if match:
            return match.group("outlet")
    return None


def _media_like(name: str, with_the: bool) -> bool:
    """Whether `told [the] NAME` can name a news outlet rather than a person or body."""
    tokens = words(name)
    if not tokens or tokens[0] in _NOT_OUTLETS or any(t in _NOT_OUTLETS for t in tokens):
        return False
    if with_the or len(tokens) > 1:
        return any(t in _MEDIA_WORDS for t in tokens)
    return True


def _interview_cues(text: str) -> dict[str, Counter[str]]:
    """For each outlet-like name after `told`/`tells`/`speaking to`, the cue phrases used."""
    cues: dict[str, Counter[str]] = {}
    for match in _INTERVIEW.finditer(text):
        name = match.group("outlet").rstrip(".")
        if name.endswith(("'s", "’s")) or not _media_like(name, bool(match.group("the"))):
            continue
        cue = " ".join(match.group(0)[: match.start("outlet") - match.start()].split())
        cues.setdefault(name, Counter())[f"{cue} {name}"] += 1
    return cues


def interviewing_outlet(text: str) -> tuple[Found, bool] | None:
    """The outlet the people quoted speak to (`told Haaretz`), and whether that is uncertain.

    The name must follow such a cue at least twice, in two thirds of its mentions (a party or
    person named elsewhere in the text is not an outlet), and clearly more often than any
    other name; fewer than three cues leave it uncertain (a wire service quoted twice).
    """
    ranked = []
    for name, cues in _interview_cues(text).items():
        count = sum(cues.values())
        mentions = len(re.findall(rf"\b{re.escape(name)}\b", text))
        if count >= 2 and count * 3 >= mentions * 2:
            ranked.append((count, name, cues))
    ranked.sort(reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[1][0] * 2 > ranked[0][0]):
        return None
    count, name, cues = ranked[0]
    summary = ", ".join(f"{cue!r} x{n}" for cue, n in cues.most_common())
    return Found(name, f"the people quoted speak to it: {summary}"), count < 3


def dateline(line: str) -> tuple[str, str] | None:
    """(label, date text) for a dateline such as `Published on 04.12.2020`."""
    match = _DATELINE.match(line)
    if not match or not has_date(match.group("rest")):
        return None
    return match.group("label").lower(), match.group("rest")


def has_date(text: str) -> bool:
    """True when the text holds a full date or a month and year."""
    return any(p.search(text) for p in (NUMERIC, ISO, MONTH_FIRST, DAY_FIRST, MONTH_YEAR))


def is_date_only(line: str) -> bool:
    """A line that is only a date (`Wednesday, April 24, 2024`, `04.12.2020`)."""
    if len(line) > 40:
        return False
    rest = line
    for pattern in (MONTH_FIRST, DAY_FIRST, ISO, NUMERIC, MONTH_YEAR):
        rest = pattern.sub(" ", rest, count=1)
        if rest != line:
            break
    return rest != line and not _LEFTOVER.sub("", rest).strip()


def language(text: str) -> Found | None:
    """The language whose commonest words make up most of the text's words (a cheap guess)."""
    tokens = words(text[:1500])
    if len(tokens) < 20:
        return None
    counts = Counter(tokens)
    scores = {
        code: sum(counts[w] for w in stops.intersection(counts))
        for code, stops in _STOPSETS.items()
    }
    code, hits = max(scores.items(), key=lambda item: item[1])
    share = hits / len(tokens)
    if share < 0.12:
        return None
    return Found(code, f"{share:.0%} of the first {len(tokens)} words are common {code} words")
