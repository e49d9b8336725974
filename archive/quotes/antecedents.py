"""Who "he" or "she" refers to: the people the text named before, weighed.

Every person named as a subject in the last three paragraphs, of the pronoun's gender or of
unknown gender, is a candidate. What counts: being named in this paragraph or the one before,
being the latest named, being known to be of that gender (an honorific, a given name), having
been quoted lately, and how often the text names them. The weights are fitted with the ranker
(bench/quotes/train.py) on hand-labelled pronoun quotes of the development data; without them a
plain order applies (this paragraph first, then the latest).
"""

from __future__ import annotations

import math

from archive.quotes.cast import PARAGRAPH, Cast, Member

try:
    from archive.quotes.weights import ANTECEDENT
except ImportError:  # pragma: no cover - only before the first training run
    ANTECEDENT = {}

WINDOW = 3 * PARAGRAPH
# Until fitted: this paragraph, the latest, the right gender, the last speaker.
_DEFAULT = {
    "same_paragraph": 3.0,
    "previous_paragraph": 1.0,
    "latest": 1.0,
    "gender_known": 1.5,
    "quoted_lately": 1.0,
}


def candidates(cast: Cast, at: int, gender: str) -> list[tuple[Member, dict[str, float]]]:
    """The people "he"/"she" at position `at` may refer to, with their features."""
    paragraph = at - at % PARAGRAPH
    found = []
    for member in cast.members:
        if member.mention.kind != "person" or member.gender not in (None, gender):
            continue
        seen = [a for a in member.seen_at if at - WINDOW <= a < at]
        if not seen:
            continue
        found.append((member, max(seen), len(seen)))
    if not found:
        return []
    latest = max(last for _, last, _ in found)
    latest_here = max((last for _, last, _ in found if last >= paragraph), default=-1)
    out = []
    for member, last, count in found:
        quoted = [a for a in member.quoted_at if at - 2 * PARAGRAPH <= a < at]
        features = {
            "same_paragraph": float(last >= paragraph),
            "previous_paragraph": float(paragraph - PARAGRAPH <= last < paragraph),
            "latest": float(last == latest),
            "latest_here": float(last == latest_here),
            "gender_known": float(member.gender == gender),
            "quoted_lately": float(bool(quoted)),
            "last_quoted": float(bool(quoted) and max(quoted) == _last_quote(cast, at)),
            "mentions": math.log1p(count),
            "distance": min((at - last) / PARAGRAPH, 3.0),
        }
        out.append((member, features))
    return out


def _last_quote(cast: Cast, at: int) -> int:
    return max((a for m in cast.members for a in m.quoted_at if a < at), default=-1)


def choose(cast: Cast, at: int, gender: str, weights: dict[str, float] | None = None):
    """The person "he"/"she" at `at` most likely refers to, or None."""
    weights = (ANTECEDENT or _DEFAULT) if weights is None else weights
    best, best_score = None, -math.inf
    for member, features in candidates(cast, at, gender):
        score = sum(weights.get(n, 0.0) * v for n, v in features.items())
        score += 1e-9 * features["latest"]  # ties: the latest
        if score > best_score:
            best, best_score = member, score
    return best
