"""Small statistics for benchmark figures: percentiles, medians and their spread."""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any


def percentile(values: Sequence[float], pct: float) -> float:
    """The `pct` percentile (0-100) by linear interpolation between closest ranks."""
    if not values:
        return math.nan
    ordered = sorted(values)
    if len(ordered) == 1:
        return float(ordered[0])
    rank = (len(ordered) - 1) * pct / 100.0
    low = math.floor(rank)
    high = math.ceil(rank)
    weight = rank - low
    return float(ordered[low] * (1 - weight) + ordered[high] * weight)


def latency_percentiles(samples: Sequence[float]) -> dict[str, float]:
    """p50, p95, p99 and mean of one run's latencies (same unit as the samples)."""
    return {
        "p50": percentile(samples, 50),
        "p95": percentile(samples, 95),
        "p99": percentile(samples, 99),
        "mean": statistics.fmean(samples) if samples else math.nan,
    }


@dataclass(frozen=True)
class Summary:
    """A figure measured in several runs: its median, quartiles and extremes."""

    median: float
    q1: float
    q3: float
    low: float
    high: float
    n: int

    @classmethod
    def of(cls, values: Iterable[float]) -> Summary:
        data = [float(v) for v in values if v is not None and not math.isnan(float(v))]
        if not data:
            return cls(math.nan, math.nan, math.nan, math.nan, math.nan, 0)
        return cls(
            median=statistics.median(data),
            q1=percentile(data, 25),
            q3=percentile(data, 75),
            low=min(data),
            high=max(data),
            n=len(data),
        )

    def spread(self) -> tuple[float, float]:
        """The spread shown next to a median: min-max for fewer than 5 runs, else the IQR."""
        return (self.low, self.high) if self.n < 5 else (self.q1, self.q3)

    def to_json(self) -> dict[str, Any]:
        return {
            "median": self.median,
            "q1": self.q1,
            "q3": self.q3,
            "min": self.low,
            "max": self.high,
            "n": self.n,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Summary:
        return cls(data["median"], data["q1"], data["q3"], data["min"], data["max"], data["n"])


def ratio(value: float, baseline: float) -> float:
    """value / baseline, NaN when either is missing or the baseline is zero."""
    if baseline in (0, None) or value is None or math.isnan(value) or math.isnan(baseline):
        return math.nan
    return value / baseline
