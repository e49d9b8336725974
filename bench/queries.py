"""The query mix: a fixed, deterministic set of searches derived from the corpus itself.

Categories: common words, rare words, phrases, two-word AND queries, person filters, date
ranges and facet-heavy queries. The same mix runs against every engine in a run.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from bench.corpus import BenchPassage

_WORD = re.compile(r"[A-Za-z]{3,}")

# Common English words every engine would drop or that make poor queries; also Whoosh's list.
_STOPWORD_TEXT = (
    "a about above after again against all also am an and any are as at be because been "
    "before being below between both but by can could did do does doing down during each "
    "few for from further had has have having he her here hers herself him himself his how "
    "i if in into is it its itself just may me more most mr mrs ms my myself new no nor not "
    "now of off on once one only or other our ours out over own said same says she should "
    "so some such tbd than that the their theirs them then there these they this those "
    "through to too two under until up us very was we were what when where which while who "
    "whom why will with would year years yet you your yours"
)
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

# How many queries of each kind make one pass of the mix.
MIX = {
    "common": 12,
    "rare": 12,
    "phrase": 10,
    "and": 6,
    "person": 8,
    "date": 8,
    "facets": 4,
}


@dataclass(frozen=True)
class BenchQuery:
    """One search: words or a quoted phrase, optional person and date filters, facets wanted."""

    kind: str
    words: tuple[str, ...]
    phrase: bool = False
    person: str | None = None
    date_from: str | None = None  # ISO day, inclusive
    date_to: str | None = None
    facets: bool = False

    @property
    def text(self) -> str:
        """The query in the syntax Whoosh, FTS5-style and tantivy users would type."""
        joined = " ".join(self.words)
        return f'"{joined}"' if self.phrase else joined

    def label(self) -> str:
        extra = []
        if self.person:
            extra.append(f"person={self.person}")
        if self.date_from:
            extra.append(f"{self.date_from}..{self.date_to}")
        if self.facets:
            extra.append("facets")
        return f"{self.kind}: {self.text}" + (f" [{', '.join(extra)}]" if extra else "")

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def tokens(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def document_frequencies(passages: Sequence[BenchPassage]) -> Counter[str]:
    df: Counter[str] = Counter()
    for passage in passages:
        df.update(set(tokens(passage.text)))
    return df


def build_query_mix(
    passages: Sequence[BenchPassage], *, seed: int = 7, mix: dict[str, int] | None = None
) -> list[BenchQuery]:
    """The query mix for these passages, the same every time for the same passages and seed."""
    mix = mix or MIX
    rng = random.Random(seed)
    df = document_frequencies(passages)
    content = sorted((w for w in df if w not in STOPWORDS), key=lambda w: (-df[w], w))
    common = content[:150]
    rare = sorted(w for w in content if 2 <= df[w] <= 5) or content[-50:]
    queries: list[BenchQuery] = []
    queries += [BenchQuery("common", (w,)) for w in _sample(rng, common, mix["common"])]
    queries += [BenchQuery("rare", (w,)) for w in _sample(rng, rare, mix["rare"])]
    queries += _phrases(rng, passages, mix["phrase"])
    queries += [
        BenchQuery("and", (a, b))
        for a, b in zip(
            _sample(rng, common, mix["and"]),
            _sample(rng, content[150:2000], mix["and"]),
            strict=False,
        )
    ]
    queries += _person_queries(rng, passages, common, mix["person"])
    queries += _date_queries(rng, passages, common, mix["date"])
    queries += [
        BenchQuery("facets", (w,), facets=True) for w in _sample(rng, common[:30], mix["facets"])
    ]
    return queries


def _sample(rng: random.Random, items: Sequence[str], k: int) -> list[str]:
    return rng.sample(list(items), min(k, len(items)))


def _phrases(rng: random.Random, passages: Sequence[BenchPassage], k: int) -> list[BenchQuery]:
    """Two consecutive content words from a random passage (so each phrase has a hit)."""
    found: list[BenchQuery] = []
    for _ in range(k * 50):
        if len(found) >= k:
            break
        words = re.findall(r"[A-Za-z]+|\S", rng.choice(passages).text)
        pairs = [
            (a.lower(), b.lower())
            for a, b in zip(words, words[1:], strict=False)
            if len(a) > 2
            and len(b) > 2
            and a.isalpha()
            and b.isalpha()
            and a.lower() not in STOPWORDS
            and b.lower() not in STOPWORDS
        ]
        if pairs:
            query = BenchQuery("phrase", rng.choice(pairs), phrase=True)
            if query not in found:
                found.append(query)
    return found


def _person_queries(
    rng: random.Random, passages: Sequence[BenchPassage], common: Sequence[str], k: int
) -> list[BenchQuery]:
    """The most quoted people and some from the tail, each with a word from their passages."""
    counts: Counter[str] = Counter(p for passage in passages for p in passage.people)
    if not counts:
        return []
    ranked = [name for name, _ in counts.most_common()]
    chosen = ranked[: k // 2] + _sample(rng, ranked[k // 2 :], k - k // 2)
    queries = []
    for name in chosen:
        theirs = [p for p in passages if name in p.people]
        words = [w for w in tokens(rng.choice(theirs).text) if w in set(common)]
        word = (rng.choice(words),) if words else (rng.choice(common[:20]),)
        queries.append(BenchQuery("person", word, person=name))
    return queries


def _date_queries(
    rng: random.Random, passages: Sequence[BenchPassage], common: Sequence[str], k: int
) -> list[BenchQuery]:
    """A common word within one to three years (or months, for a short span) of the corpus."""
    years = sorted({p.year for p in passages if p.year})
    if not years:
        return []
    queries = []
    for word in _sample(rng, common[:60], k):
        if len(years) >= 3:
            start = rng.choice(years)
            end = min(years[-1], start + rng.choice((0, 1, 2)))
            span = (f"{start}-01-01", f"{end}-12-31")
        else:
            year = rng.choice(years)
            month = rng.randrange(1, 12)
            span = (f"{year}-{month:02d}-01", f"{year}-{month + 1:02d}-28")
        queries.append(BenchQuery("date", (word,), date_from=span[0], date_to=span[1]))
    return queries
