"""Confidence: the probability that a chosen speaker is right, calibrated on development data.

A logistic model over a few numbers about the choice (the ranker's probability and margin,
whether the rules agree, the kind of source, whether a reference had to be resolved, whose
words a cue-less quote continues, and for "he"/"she" how clearly one person stands out among
those it may refer to) gives the probability that the speaker is right. Its coefficients are fitted by
bench/quotes/train.py on the development part only and committed in
archive/quotes/weights.py. A quote with no speaker has confidence 0.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from archive.quotes import antecedents

try:
    from archive.quotes.weights import CALIBRATION
except ImportError:  # pragma: no cover - only before the first training run
    CALIBRATION = {}

if TYPE_CHECKING:
    from archive.quotes.candidates import Frame
    from archive.quotes.choice import Choice


def features(choice: Choice, frame: Frame) -> dict[str, float]:
    """What the calibration model reads about one choice."""
    chosen = choice.chosen
    source = chosen.source if chosen else None
    kind = source.kind if source is not None else (chosen.position if chosen else "none")
    f = {
        "bias": 1.0,
        "probability": choice.probability,
        "margin": choice.margin,
        "rule_agrees": float(choice.rule_agrees),
        f"kind:{kind}": 1.0,
        f"position:{chosen.position if chosen else 'none'}": 1.0,
        "chain": float(len(choice.chain) > 1),
        "candidates": math.log1p(len(choice.candidates)),
        "cue": float(choice.cue is not None),
        "logit": _logit(choice.probability),
    }
    if chosen is not None:
        for name in (
            "continues:paragraph",
            "continues:open",
            "continues:recent",
            "continues:recent_far",
            "leads_next",
        ):
            if name in chosen.features:
                f[name] = 1.0
    if choice.antecedents:  # "he"/"she": how clearly one person stands out
        f["pronoun_margin"] = antecedents.margin(choice.antecedents)
        f["pronoun_rivals"] = math.log(len(choice.antecedents))
    return f


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def of(choice: Choice, frame: Frame, weights: dict[str, float] | None = None) -> float:
    """The calibrated confidence of a choice (0 when it names no one)."""
    if choice.member is None:
        return 0.0
    weights = CALIBRATION if weights is None else weights
    if not weights:
        return round(choice.probability, 3)
    z = sum(weights.get(name, 0.0) * value for name, value in features(choice, frame).items())
    return round(1 / (1 + math.exp(-z)), 3)
