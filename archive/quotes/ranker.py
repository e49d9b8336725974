"""The candidate-speaker ranker: a linear model over candidate features, softmax per quote.

The weights are learned from the development part of the PolNeAR corpus (the annotated
source span of each quotation) by bench/quotes/train.py and committed in
archive/quotes/weights.py; scoring is a dot product in pure Python. Without weights (or with
`use_model=False`) the cue rules' choice wins, as before the ranker existed.
"""

from __future__ import annotations

import math

from archive.quotes.candidates import Candidate

try:  # the committed model; absent while the training script bootstraps
    from archive.quotes.weights import RANKER
except ImportError:  # pragma: no cover - only before the first training run
    RANKER = {}

NAME = "ranker"


def score(candidate: Candidate, weights: dict[str, float] | None = None) -> float:
    weights = RANKER if weights is None else weights
    total = weights.get("bias", 0.0)
    for name, value in candidate.features.items():
        weight = weights.get(name)
        if weight is not None:
            total += weight * value
    return total


def rank(candidates: list[Candidate], weights: dict[str, float] | None = None) -> list[float]:
    """Each candidate's probability of being the source (softmax of scores), in place order."""
    weights = RANKER if weights is None else weights
    if not candidates:
        return []
    if not weights:
        for candidate in candidates:  # no model: the rules' pick, then proximity
            candidate.score = 2.0 * candidate.features.get("rule_pick", 0.0) - 0.01 * (
                candidates.index(candidate)
            )
    else:
        for candidate in candidates:
            candidate.score = score(candidate, weights)
    top = max(c.score for c in candidates)
    exps = [math.exp(c.score - top) for c in candidates]
    total = sum(exps)
    return [e / total for e in exps]


def available() -> bool:
    return bool(RANKER)
