"""Benchmark corpora: the real BBC articles and seeds, and a synthetic generator built on them.

The real corpus is read from ../shared/corpus (BBC articles: first line the headline, then
blank-line separated paragraphs). The synthetic corpus reassembles real BBC sentences into
new articles with outlets (Zipf over fictional mastheads), dates (2004-2024, more recent
years busier) and quoted speakers ("said Mr X"), deterministic from a seed. It is always
labelled synthetic.
"""

from __future__ import annotations

import bisect
import itertools
import json
import random
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bench.names import (
    FIRST_NAMES_F,
    FIRST_NAMES_M,
    MASTHEADS,
    ORGANISATIONS,
    PLACES,
    ROLES,
    SURNAMES,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"
BBC = CORPUS / "bbc"
SEEDS = CORPUS / "seeds"
BBC_OUTLET = "BBC News"
DEFAULT_SEED = 20240501

_PARAGRAPHS = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_SPEAKER_AFTER = re.compile(
    r"\b(?:said|says|added|told [A-Z][\w ]{0,30}?)\s+"
    r"((?:Mr|Mrs|Ms|Dr|Prof)\.? [A-Z][\w'-]+|[A-Z][a-z]+ [A-Z][\w'-]+)"
)
_SPEAKER_BEFORE = re.compile(
    r"((?:Mr|Mrs|Ms|Dr|Prof)\.? [A-Z][\w'-]+|[A-Z][a-z]+ [A-Z][\w'-]+),?\s+(?:said|says|added)\b"
)


@dataclass
class Article:
    """One article of a benchmark corpus, real or synthetic."""

    key: str
    title: str
    paragraphs: list[str]
    outlet: str | None = None
    published: str | None = None  # ISO date
    speakers: list[list[str]] = field(default_factory=list)  # per paragraph
    source: Path | None = None  # the real file, when there is one
    synthetic: bool = False

    def text(self) -> str:
        """The article as plain text, in the BBC files' layout."""
        return self.title + "\n\n" + "\n\n".join(self.paragraphs) + "\n"

    def overrides(self) -> dict[str, str]:
        """What a librarian would type on `cuttings add` for this file."""
        return {k: v for k, v in (("outlet", self.outlet), ("published", self.published)) if v}


@dataclass
class BenchPassage:
    """One searchable passage with the provenance every engine indexes beside it."""

    doc: int
    n: int
    text: str
    title: str
    outlet: str
    published: str | None
    people: list[str]

    @property
    def year(self) -> int | None:
        return int(self.published[:4]) if self.published else None

    @property
    def day(self) -> str | None:
        """The publication date padded to a day (`2005` -> `2005-01-01`), for range filters."""
        if not self.published:
            return None
        return (self.published + "-01-01")[:10] if len(self.published) < 10 else self.published


@dataclass
class Corpus:
    """A named set of articles; `scale` is its passage count over the real BBC corpus."""

    name: str
    scale: float
    synthetic: bool
    articles: list[Article]
    description: str

    @property
    def passage_count(self) -> int:
        return sum(len(a.paragraphs) for a in self.articles)


# -- the real corpus ------------------------------------------------------------------------


def shared_available() -> bool:
    return BBC.is_dir()


def read_text(path: Path) -> str:
    """UTF-8, falling back to Latin-1 for the one BBC file that is not UTF-8."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def parse_article(text: str) -> tuple[str, list[str]]:
    """First line the headline, blank-line separated paragraphs the body."""
    title, _, rest = text.strip().partition("\n")
    paragraphs = [" ".join(p.split()) for p in _PARAGRAPHS.split(rest) if p.strip()]
    return title.strip(), paragraphs


def guess_speakers(paragraph: str) -> list[str]:
    """A rough "said Mr X" reading, used only when Cuttings' own quotes are unavailable."""
    if '"' not in paragraph:
        return []
    found = _SPEAKER_AFTER.findall(paragraph) + _SPEAKER_BEFORE.findall(paragraph)
    return list(dict.fromkeys(found))


def bbc_dates(count: int, seed: int) -> list[str]:
    """Publication dates for the BBC files, which carry none: uniform over 2004-2005."""
    rng = random.Random(seed)
    start = date(2004, 1, 1)
    days = (date(2005, 12, 31) - start).days
    return [(start + timedelta(days=rng.randrange(days + 1))).isoformat() for _ in range(count)]


def load_bbc(
    root: Path = BBC, *, limit: int | None = None, seed: int = DEFAULT_SEED
) -> list[Article]:
    """The BBC articles in sorted path order (optionally the first `limit` of each topic)."""
    paths: list[Path] = []
    for topic in sorted(p for p in root.iterdir() if p.is_dir()):
        files = sorted(topic.glob("*.txt"))
        paths.extend(files[:limit] if limit else files)
    articles = []
    for path, published in zip(paths, bbc_dates(len(paths), seed), strict=True):
        title, paragraphs = parse_article(read_text(path))
        articles.append(
            Article(
                key=f"bbc/{path.parent.name}/{path.stem}",
                title=title,
                paragraphs=paragraphs,
                outlet=BBC_OUTLET,
                published=published,
                speakers=[guess_speakers(p) for p in paragraphs],
                source=path,
            )
        )
    return articles


def load_seeds(root: Path = SEEDS) -> list[Article]:
    """The two commissioned seed documents, ingested as scraped (no typed metadata)."""
    articles = []
    for path in sorted(root.glob("*.txt")):
        title, paragraphs = parse_article(read_text(path))
        articles.append(
            Article(
                key=f"seed/{path.stem}",
                title=title,
                paragraphs=paragraphs,
                speakers=[guess_speakers(p) for p in paragraphs],
                source=path,
            )
        )
    return articles


def real_corpus(*, limit: int | None = None, seed: int = DEFAULT_SEED) -> Corpus:
    """The seeds and the BBC articles (x1). `limit` keeps the first N of each BBC topic."""
    articles = load_seeds() + load_bbc(limit=limit, seed=seed)
    return Corpus(
        name="real" if limit is None else f"real (first {limit} per topic)",
        scale=1.0,
        synthetic=False,
        articles=articles,
        description=(
            "Real text: the 2 seed documents and the BBC News articles (2004-2005). The BBC "
            "files carry no per-article date, so each is given one uniformly over 2004-2005 "
            "(deterministic), with outlet 'BBC News', as typed overrides on ingest."
        ),
    )


# -- the synthetic generator ----------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    name: str
    honorific: str
    surname: str
    role: str


@dataclass
class SentencePool:
    """Real BBC material to reassemble: sentences, headlines and the shape of articles."""

    sentences: list[str]
    headlines: list[str]
    paragraph_counts: list[int]
    sentences_per_paragraph: list[int]

    @classmethod
    def from_articles(cls, articles: Iterable[Article]) -> SentencePool:
        sentences: list[str] = []
        headlines: list[str] = []
        counts: list[int] = []
        per_paragraph: list[int] = []
        for article in articles:
            headlines.append(article.title)
            counts.append(len(article.paragraphs))
            for paragraph in article.paragraphs:
                parts = _SENTENCE_END.split(paragraph)
                per_paragraph.append(len(parts))
                sentences.extend(s for s in parts if _usable_sentence(s))
        if not sentences:
            raise ValueError("no usable sentences to build a synthetic corpus from")
        return cls(sentences, headlines, counts, per_paragraph)


def _usable_sentence(sentence: str) -> bool:
    return 30 <= len(sentence) <= 320 and '"' not in sentence and sentence[-1] in ".!?"


class ZipfChoice:
    """Draw from `items` with weight 1/rank**s (rank from 1), with precomputed cumulative weights."""

    def __init__(self, items: Sequence[Any], s: float) -> None:
        self.items = list(items)
        self.cum = list(itertools.accumulate(1.0 / (rank**s) for rank in range(1, len(items) + 1)))

    def draw(self, rng: random.Random) -> Any:
        return self.items[bisect.bisect_left(self.cum, rng.random() * self.cum[-1])]


@dataclass(frozen=True)
class GeneratorConfig:
    """The distributions a synthetic corpus is drawn from."""

    seed: int = DEFAULT_SEED
    outlets: int = 40
    outlet_zipf: float = 1.1
    people: int = 4000
    people_zipf: float = 1.05
    year_from: int = 2004
    year_to: int = 2024
    quote_share: float = 0.3  # share of paragraphs that quote someone


class SyntheticGenerator:
    """New articles from real sentences, deterministic from `config.seed`."""

    def __init__(self, pool: SentencePool, config: GeneratorConfig = GeneratorConfig()) -> None:
        self.pool = pool
        self.config = config
        self.rng = random.Random(config.seed)
        self.outlets = ZipfChoice(self._outlet_names(), config.outlet_zipf)
        self.people = ZipfChoice(self._people(), config.people_zipf)
        years = list(range(config.year_from, config.year_to + 1))
        # More recent years are busier: weight grows linearly from 1 to 3.
        self.year_weights = [1 + 2 * i / max(1, len(years) - 1) for i in range(len(years))]
        self.years = years

    def _outlet_names(self) -> list[str]:
        rng = random.Random(self.config.seed + 1)
        names = [f"The {p} {m}" for p in PLACES for m in MASTHEADS]
        rng.shuffle(names)
        return names[: self.config.outlets]

    def _people(self) -> list[Person]:
        rng = random.Random(self.config.seed + 2)
        seen: set[str] = set()
        people: list[Person] = []
        while len(people) < self.config.people:
            female = rng.random() < 0.45
            first = rng.choice(FIRST_NAMES_F if female else FIRST_NAMES_M)
            surname = rng.choice(SURNAMES)
            name = f"{first} {surname}"
            if name in seen:
                if len(seen) >= (len(FIRST_NAMES_F) + len(FIRST_NAMES_M)) * len(SURNAMES):
                    break
                continue
            seen.add(name)
            role = rng.choice(ROLES).format(org=rng.choice(ORGANISATIONS))
            people.append(Person(name, "Ms" if female else "Mr", surname, role))
        return people

    def _date(self) -> str:
        year = self.rng.choices(self.years, weights=self.year_weights)[0]
        day = date(year, 1, 1) + timedelta(days=self.rng.randrange(365))
        return day.isoformat()

    def _sentences(self, count: int) -> str:
        return " ".join(self.rng.choice(self.pool.sentences) for _ in range(count))

    def _quote(self, person: Person, introduced: bool) -> str:
        said = self.rng.choice(self.pool.sentences).rstrip(".!?")
        if not introduced:
            if self.rng.random() < 0.5:
                return f'"{said}," said {person.name}, {person.role}.'
            return f'{person.name}, {person.role}, said: "{said}."'
        short = f"{person.honorific} {person.surname}"
        if self.rng.random() < 0.5:
            return f'"{said}," said {short}.'
        return f'"{said}," {short} added.'

    def article(self, number: int) -> Article:
        rng = self.rng
        count = max(2, rng.choice(self.pool.paragraph_counts))
        cast = [self.people.draw(rng) for _ in range(rng.choice((1, 1, 2, 2, 3)))]
        introduced: set[str] = set()
        paragraphs: list[str] = []
        speakers: list[list[str]] = []
        for _ in range(count):
            if rng.random() < self.config.quote_share:
                person = rng.choice(cast)
                text = self._quote(person, person.name in introduced)
                if rng.random() < 0.4:
                    text = f"{text} {self._sentences(1)}"
                introduced.add(person.name)
                paragraphs.append(text)
                speakers.append([person.name])
            else:
                paragraphs.append(
                    self._sentences(max(1, rng.choice(self.pool.sentences_per_paragraph)))
                )
                speakers.append([])
        return Article(
            key=f"syn/{number:07d}",
            title=rng.choice(self.pool.headlines),
            paragraphs=paragraphs,
            outlet=self.outlets.draw(rng),
            published=self._date(),
            speakers=speakers,
            synthetic=True,
        )

    def articles(self, passages: int) -> Iterator[Article]:
        """Articles until at least `passages` paragraphs have been produced."""
        total = 0
        for number in itertools.count(1):
            if total >= passages:
                return
            article = self.article(number)
            total += len(article.paragraphs)
            yield article


def synthetic_corpus(
    scale: float,
    base: Sequence[Article],
    config: GeneratorConfig = GeneratorConfig(),
) -> Corpus:
    """`scale` times the passages of `base`, made of `base`'s sentences (labelled synthetic)."""
    target = round(scale * sum(len(a.paragraphs) for a in base))
    generator = SyntheticGenerator(SentencePool.from_articles(base), config)
    articles = list(generator.articles(target))
    return Corpus(
        name=f"synthetic x{scale:g}",
        scale=scale,
        synthetic=True,
        articles=articles,
        description=(
            f"SYNTHETIC: {len(articles):,} articles reassembled from real BBC sentences "
            f"(seed {config.seed}); {config.outlets} fictional outlets (Zipf s={config.outlet_zipf}), "
            f"dates {config.year_from}-{config.year_to} (later years busier), "
            f"{config.people:,} fictional speakers (Zipf s={config.people_zipf}) quoted in "
            f'{config.quote_share:.0%} of paragraphs ("..., said Mr X").'
        ),
    )


# -- files for the ingest path --------------------------------------------------------------


@dataclass
class IngestEntry:
    """One file to add and the metadata typed for it (as `cuttings add --outlet --date`)."""

    path: str
    overrides: dict[str, str]
    key: str


def write_files(corpus: Corpus, folder: Path) -> list[IngestEntry]:
    """Plain-text files for `corpus` (real files are used in place); returns the entries."""
    entries = []
    for number, article in enumerate(corpus.articles):
        if article.source is not None:
            path = article.source
        else:
            path = folder / f"{number // 1000:04d}" / f"{article.key.replace('/', '_')}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(article.text(), encoding="utf-8")
        entries.append(IngestEntry(str(path), article.overrides(), article.key))
    return entries


def save_manifest(entries: list[IngestEntry], path: Path) -> Path:
    path.write_text(json.dumps([asdict(e) for e in entries]), encoding="utf-8")
    return path


def load_manifest(path: Path) -> list[IngestEntry]:
    return [IngestEntry(**e) for e in json.loads(path.read_text(encoding="utf-8"))]


# -- passages for the baseline engines ------------------------------------------------------


def passages_from_corpus(corpus: Corpus) -> list[BenchPassage]:
    """Every paragraph as a passage (the bench's own split, when Cuttings' catalog is absent)."""
    passages = []
    for doc, article in enumerate(corpus.articles, start=1):
        for n, text in enumerate(article.paragraphs, start=1):
            people = article.speakers[n - 1] if n - 1 < len(article.speakers) else []
            passages.append(
                BenchPassage(
                    doc, n, text, article.title, article.outlet or "", article.published, people
                )
            )
    return passages


def passages_from_catalog(catalog: Any) -> list[BenchPassage]:
    """The searchable passages Cuttings stored, with the provenance it extracted."""
    passages = []
    for document in catalog.documents.iterate():
        outlet = document.value("outlet") or ""
        published = document.value("published")
        title = document.value("title") or ""
        for passage in document.searchable():
            passages.append(
                BenchPassage(
                    document.id,
                    passage.n,
                    passage.text,
                    title,
                    outlet,
                    published,
                    list(passage.speakers),
                )
            )
    return passages
