"""The PolNeAR metric: gold quotes matched to found ones by word bigrams, speakers compared.

A gold quote is *detected* when one found quote of the same article covers at least half of
its word bigrams (case, accents and quote marks ignored). A speaker is *correct* when the names
agree ignoring case, accents, honorifics, titles, suffixes and party tags, a surname alone
matching the full name (archive.personnames.same_speaker).

    P      = correct / gold quotes detected (an abstention counts against it)
    P_attr = correct / detected quotes that were given a speaker
    R      = correct / gold quotes with a gold speaker
    span R = gold quotes detected / gold quotes
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from archive.model import Document, Quote
from bench.quotes.speakers import same_speaker


@dataclass
class Gold:
    """One gold quotation: its words, its speaker (None when none can be named) and groups."""

    text: str
    speaker: str | None
    groups: tuple[str, ...] = ()  # e.g. ("direct", "named", "curly")
    aliases: tuple[str, ...] = ()  # other right answers ("EC" for "European Commission")
    paragraph: int | None = None
    # Whether the label (a None speaker included) is a person's reading, fit for the
    # reliability table; PolNeAR's automatic `coref` and `none` tiers are not.
    reliable: bool = True


@dataclass
class Outcome:
    """What became of one gold quote."""

    gold: Gold
    found: Quote | None  # the found quote that covers it, if detected
    correct: bool

    @property
    def detected(self) -> bool:
        return self.found is not None

    @property
    def attributed(self) -> bool:
        return self.found is not None and self.found.speaker is not None


def words(text: str) -> list[str]:
    """Lower-case words without accents or apostrophes ("don't" -> "dont", "''x''" -> "x")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’‘`]", "", text)
    return re.findall(r"\w+", text)


def bigrams(text: str) -> set[tuple[str, ...]]:
    """Word bigrams of a text (its single word, for a one-word text)."""
    w = words(text)
    if len(w) < 2:
        return {tuple(w)} if w else set()
    return set(zip(w, w[1:], strict=False))


def match(golds: list[Gold], document: Document) -> list[Outcome]:
    """Each gold quote's outcome against a document's found quotes."""
    found = [(q, bigrams(q.text)) for q in document.quotes]
    outcomes = []
    for gold in golds:
        want = bigrams(gold.text)
        best, best_cover = None, 0.0
        for quote, have in found:
            cover = len(want & have) / len(want) if want else 0.0
            tie = best is not None and cover == best_cover and len(quote.text) < len(best.text)
            if cover > best_cover or tie:  # the most specific quote: a nested one, not its outer
                best, best_cover = quote, cover
        hit = best if best_cover >= 0.5 else None
        outcomes.append(Outcome(gold, hit, _correct(gold, hit)))
    return outcomes


def _correct(gold: Gold, found: Quote | None) -> bool:
    if found is None or found.speaker is None or gold.speaker is None:
        return False
    return any(same_speaker(found.speaker, g) for g in (gold.speaker, *gold.aliases))


@dataclass
class Counts:
    """The counts behind the four figures, for one group of gold quotes."""

    gold: int = 0
    with_speaker: int = 0
    detected: int = 0
    detected_with_speaker: int = 0  # detected, gold speaker known
    attributed: int = 0  # of those, given a speaker
    correct: int = 0
    wrongly_named: int = 0  # a speaker given where the gold names none

    def add(self, outcome: Outcome) -> None:
        self.gold += 1
        known = outcome.gold.speaker is not None
        self.with_speaker += known
        self.detected += outcome.detected
        if known:
            self.detected_with_speaker += outcome.detected
            self.attributed += outcome.attributed
            self.correct += outcome.correct
        else:
            self.wrongly_named += outcome.attributed

    def __iadd__(self, other: Counts) -> Counts:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self

    def figures(self) -> dict[str, float | None]:
        return {
            "P": _ratio(self.correct, self.detected_with_speaker),
            "P_attr": _ratio(self.correct, self.attributed),
            "R": _ratio(self.correct, self.with_speaker),
            "span R": _ratio(self.detected, self.gold),
        }


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


FIGURES = ("P", "P_attr", "R", "span R")


@dataclass
class ArticleResult:
    """One article's counts per group, and its attributions for the reliability table."""

    file: str
    counts: dict[str, Counts] = field(default_factory=dict)
    attributions: list[tuple[float, bool]] = field(default_factory=list)  # (confidence, right)


def score_article(file: str, golds: list[Gold], document: Document) -> ArticleResult:
    """Counts per group (each gold quote counts in every group it belongs to and in "all")."""
    result = ArticleResult(file)
    for outcome in match(golds, document):
        for group in ("all", *outcome.gold.groups):
            result.counts.setdefault(group, Counts()).add(outcome)
        if outcome.attributed and outcome.gold.reliable:
            confidence = getattr(outcome.found, "confidence", 1.0)
            result.attributions.append((confidence, outcome.correct))
    return result
