"""95% intervals for the figures by resampling articles with replacement."""

from __future__ import annotations

import random

from bench.quotes.metric import FIGURES, ArticleResult, Counts

DRAWS = 1000
SEED = 11


def totals(results: list[ArticleResult], group: str) -> Counts:
    total = Counts()
    for result in results:
        if group in result.counts:
            total += result.counts[group]
    return total


def intervals(
    results: list[ArticleResult], group: str, draws: int = DRAWS
) -> dict[str, tuple[float, float] | None]:
    """The 2.5th and 97.5th percentiles of each figure over `draws` resampled article sets."""
    rng = random.Random(SEED)
    names = list(Counts.__dataclass_fields__)
    empty = Counts()
    rows = [tuple(getattr(r.counts.get(group, empty), name) for name in names) for r in results]
    samples: dict[str, list[float]] = {name: [] for name in FIGURES}
    for _ in range(draws):
        sums = [sum(column) for column in zip(*rng.choices(rows, k=len(rows)), strict=True)]
        total = Counts(**dict(zip(names, sums, strict=True)))
        for name, value in total.figures().items():
            if value is not None:
                samples[name].append(value)
    out: dict[str, tuple[float, float] | None] = {}
    for name, values in samples.items():
        values.sort()
        out[name] = (
            (values[int(0.025 * len(values))], values[int(0.975 * len(values)) - 1])
            if values
            else None
        )
    return out
