"""Trace-a-quote measured: recall on altered quotations and latency, on one archive.

Quotations are drawn from the archive's own passages (deterministic from a seed): the words
inside quotation marks when there are 12 or more, else a run of 12 to 30 words. Each is
altered as quotations circulate: quote marks and punctuation stripped or changed, an
ellipsis at either end, and 0, 1 or 2 edits (a word dropped, two neighbours swapped, a word
changed for another word of the archive). It is found when a hit is its source passage (or
a copy with the same words). Recall is the share found, overall and per number of edits;
latency is `index.trace.trace` in-process, per pass over all the quotations.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.corpus import BenchPassage
from bench.stats import Summary, latency_percentiles

MIN_WORDS, MAX_WORDS = 12, 30
QUOTATIONS = 200
_QUOTED = re.compile(r"[\"“]([^\"”]{40,})[\"”]")


@dataclass(frozen=True)
class Altered:
    passage_id: str
    source: str  # the passage's text
    original: str  # the quotation as it stands in the passage
    text: str  # as it circulates
    edits: int


def draw_quotations(
    passages: Sequence[BenchPassage], *, count: int = QUOTATIONS, seed: int = 14
) -> list[Altered]:
    rng = random.Random(seed)
    vocabulary = sorted({w for p in passages[:5000] for w in p.text.split() if w.isalpha()})
    usable = [p for p in passages if len(p.text.split()) >= MIN_WORDS]
    drawn: list[Altered] = []
    for passage in rng.sample(usable, min(count, len(usable))):
        original = _quotation(passage.text, rng)
        edits = rng.choice((0, 1, 2))
        drawn.append(
            Altered(
                passage_id=f"{passage.doc}-p{passage.n}",
                source=passage.text,
                original=original,
                text=_circulated(original, edits, rng, vocabulary),
                edits=edits,
            )
        )
    return drawn


def _quotation(text: str, rng: random.Random) -> str:
    quoted = [m.group(1) for m in _QUOTED.finditer(text) if len(m.group(1).split()) >= MIN_WORDS]
    if quoted:
        return " ".join(rng.choice(quoted).split()[:MAX_WORDS])
    words = text.split()
    length = rng.randint(MIN_WORDS, min(MAX_WORDS, len(words)))
    start = rng.randint(0, len(words) - length)
    return " ".join(words[start : start + length])


def _circulated(quote: str, edits: int, rng: random.Random, vocabulary: list[str]) -> str:
    words = [re.sub(r"[^\w'’-]", "", w) for w in quote.split()]
    words = [w for w in words if w]
    for _ in range(edits):
        kind = rng.choice(("drop", "swap", "change"))
        at = rng.randrange(len(words) - 1)
        if kind == "drop":
            del words[at]
        elif kind == "swap":
            words[at], words[at + 1] = words[at + 1], words[at]
        else:
            words[at] = rng.choice(vocabulary) if vocabulary else "something"
    text = " ".join(words)
    if rng.random() < 0.5:
        text = "…" + text
    if rng.random() < 0.5:
        text += "..."
    marks = rng.choice((("“", "”"), ('"', '"'), ("'", "'"), ("", "")))
    return marks[0] + text + marks[1]


def measure_trace(data: Path, passages: Sequence[BenchPassage], *, runs: int) -> dict[str, Any]:
    """Recall of the drawn quotations (once: it is deterministic) and latency over `runs`."""
    from archive.datadir import DataDir
    from index.engine import open_engine
    from index.options import EngineOptions
    from index.trace import trace

    engine = open_engine(DataDir(Path(data)), EngineOptions(cache_entries=0))
    quotations = draw_quotations(passages)
    found_by_edits: dict[int, list[bool]] = {0: [], 1: [], 2: []}
    sizes: list[int] = []
    per_run: list[dict[str, float]] = []
    for run in range(runs + 1):  # the first pass warms up and gives recall
        latencies = []
        for quotation in quotations:
            started = time.perf_counter()
            result = trace(engine, quotation.text)
            latencies.append((time.perf_counter() - started) * 1000)
            if run == 0:
                texts = {h.hit.passage_id: h.hit.text for h in result.hits}
                found = quotation.passage_id in texts or quotation.source in texts.values()
                found_by_edits[quotation.edits].append(found)
                sizes.append(result.total)
        if run:
            per_run.append(latency_percentiles(latencies))
    every = [f for values in found_by_edits.values() for f in values]
    return {
        "quotations": len(quotations),
        "words": Summary.of(len(q.original.split()) for q in quotations).to_json(),
        "recall": sum(every) / len(every) if every else None,
        "recall_by_edits": {
            str(k): (sum(v) / len(v) if v else None, len(v)) for k, v in found_by_edits.items()
        },
        "hits_per_quotation": Summary.of(sizes).to_json(),
        "p50": Summary.of(r["p50"] for r in per_run).to_json(),
        "p95": Summary.of(r["p95"] for r in per_run).to_json(),
        "runs": runs,
        "examples": [
            {"original": q.original, "circulated": q.text, "edits": q.edits} for q in quotations[:3]
        ],
    }
