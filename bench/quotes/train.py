"""Train the candidate-speaker ranker and the confidence calibration on development data only.

    .venv/bin/python bench/quotes/train.py          # writes archive/quotes/weights.py

Data: the development part of PolNeAR (split.json "dev"), the BBC development labels
(bbc-dev.json, bbc-dev2.json and, from round four, the retired first held-out set
bbc-heldout.json), the first labelled set (labels.json: 30 BBC articles and both
seeds) and the hand-labelled pronoun/description sources of the development part
(polnear-pronouns.json part "dev", polnear-pronouns-dev2.json). No held-out article is read.

1. Ranker: a conditional logit over each quote's candidates (archive.quotes.candidates).
   The positive candidate is PolNeAR's annotated source span (human gold for every tier: the
   `coref` tier's automatic speaker is not used), or, for labels that give only a speaker,
   every candidate that names that speaker.
2. Antecedents: the weights for "he"/"she" (archive.quotes.antecedents), a conditional logit
   over the people a pronoun may refer to, on pronoun quotes whose labelled speaker is among
   them.
3. Calibration: logistic regression of "the final speaker is right" on the choice's numbers
   (archive.quotes.confidence.features), fitted on quotes whose speaker a person decided:
   PolNeAR's `named` tier, the BBC labels, the hand labels; the PolNeAR rows and the BBC-style
   rows weigh the same in all, so that a confidence means the same on both kinds of news.
Both are fitted with L2 penalties by Newton steps in numpy (a training-time tool only: run
time evaluates the committed coefficients in pure Python).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from archive.ingest.pipeline import Item, new_draft  # noqa: E402
from archive.ingest.read import read_path  # noqa: E402
from archive.ingest.stages import default_stages  # noqa: E402
from archive.model import Original  # noqa: E402
from archive.personnames import fold  # noqa: E402
from archive.quotes import antecedents, confidence, ranker  # noqa: E402
from archive.quotes.attribute import attribute  # noqa: E402
from bench.quotes import sets  # noqa: E402
from bench.quotes.metric import bigrams  # noqa: E402
from bench.quotes.speakers import same_speaker  # noqa: E402

WEIGHTS = ROOT / "archive" / "quotes" / "weights.py"
L2_RANKER = 1.0
L2_CALIBRATION = 1.0
L2_PRONOUNS = 2.0
# BBC-style articles are few beside PolNeAR's; each counts this many times in the ranker's fit.
OTHER_WEIGHT = 3.0


@dataclass
class Example:
    """One gold quote matched to a found quote, with what the metric needs."""

    file: str
    gold_speaker: str | None
    source_text: str | None
    source_n: int | None  # our passage number of the annotated source
    reliable: bool


def passages_of(path: Path):
    [item] = [i for i in read_path(path) if isinstance(i, Item)][:1]
    draft = new_draft(item, Original(path.name, "", item.format, 0))
    stages = [s for s in default_stages() if s.__name__ != "attribute_quotes"]
    for stage in stages:
        draft = stage(draft)
    return draft.document.passages


def development_articles() -> list[tuple[sets.Article, dict | None]]:
    """Development articles with, for PolNeAR, the raw gold (for source spans)."""
    gold = sets._polnear_gold()
    out = []
    for article in sets.polnear("dev"):
        out.append((article, gold[article.file]))
    for article in sets.bbc_development():
        out.append((article, None))
    return out


def _words(text: str) -> list[str]:
    return fold(text).replace(".", " ").replace(",", " ").split()


def _source_match(candidate_text: str, source_text: str) -> bool:
    a, b = _words(candidate_text), _words(source_text)
    if not a or not b:
        return False
    if len(a) <= len(b):
        small, big = a, b
    else:
        small, big = b, a
    return any(big[i : i + len(small)] == small for i in range(len(big) - len(small) + 1))


def _best_quote(text: str, quotes) -> int | None:
    want = bigrams(text)
    best, cover = None, 0.0
    for i, quote in enumerate(quotes):
        have = bigrams(quote.text)
        c = len(want & have) / len(want) if want else 0.0
        if c > cover or (
            best is not None and c == cover and len(quote.text) < len(quotes[best].text)
        ):
            best, cover = i, c
    return best if cover >= 0.5 else None


def collect(articles, use_model: bool):
    """Ranker groups (features, labels), calibration rows (features, right) and pronoun
    groups (antecedent features, labels)."""
    groups, calibration, pronouns = [], [], []
    held_out = sets.held_out_quotes()
    for article, raw in articles:
        passages = passages_of(article.path)
        found = attribute(passages, use_model=use_model)
        quotes = found.quotes
        golds = []
        if raw is not None:
            for q in raw["quotes"]:
                if (article.file, q["paragraph"], q["text"]) in held_out:
                    continue  # round four's held-out pronoun quotes live in these articles
                tier = q["tier"]
                speaker = q["speaker"] if tier == "named" else None
                golds.append((q["text"], speaker, q["source_text"], q, tier == "named"))
            for g in article.golds:  # the hand labels of this article (group "hand")
                if "hand" in g.groups:
                    golds.append((g.text, g.speaker, None, None, g.reliable))
        else:
            for g in article.golds:
                golds.append((g.text, g.speaker, None, None, True))
        for text, speaker, source_text, q, reliable in golds:
            hit = _best_quote(text, quotes)
            if hit is None or found.decisions[hit] is None:
                continue
            decision = found.decisions[hit]
            quote = quotes[hit]
            labels = []
            source_n = None
            if q is not None and q.get("source_paragraph") is not None:
                source_n = quote.passage_n + (q["source_paragraph"] - q["paragraph"])
            for candidate in decision.candidates:
                labels.append(_label(candidate, found, speaker, source_text, source_n, quote))
            if any(labels) and decision.candidates:
                weight = 1.0 if raw is not None else OTHER_WEIGHT
                groups.append(
                    ([c.features for c in decision.candidates], labels, article.file, weight)
                )
            if decision.antecedents and speaker is not None and reliable:
                labels = [same_speaker(m.name, speaker) for m, _ in decision.antecedents]
                if any(labels):
                    weight = 1.0 if raw is not None else OTHER_WEIGHT
                    features = [f for _, f in decision.antecedents]
                    pronouns.append((features, labels, article.file, weight))
            if reliable and quote.speaker is not None and speaker is not None:
                right = same_speaker(quote.speaker, speaker) or any(
                    same_speaker(quote.speaker, a)
                    for a in next((g.aliases for g in article.golds if g.text == text), ())
                )
                source = "polnear" if raw is not None else "bbc"
                calibration.append(
                    (confidence.features(decision, None), right, article.file, source)
                )
    return groups, calibration, pronouns


def _label(candidate, found, speaker, source_text, source_n, quote) -> bool:
    if source_text is not None and candidate.source is not None:
        n = candidate_n(candidate, found, quote)
        if source_n is None or n == source_n:
            return _source_match(candidate.source.text, source_text)
        return False
    if source_text is not None:
        return False  # a pseudo candidate is never the annotated span
    if speaker is None:
        return False
    name = (
        candidate.member.name
        if candidate.member
        else (
            candidate.source.text
            if candidate.source is not None and candidate.source.is_name
            else None
        )
    )
    return bool(name) and same_speaker(name, speaker)


def candidate_n(candidate, found, quote) -> int:
    """Our passage number of a candidate (its passage index relative to the quote's)."""
    return quote.passage_n - (0 if candidate.position != "prevpara" else 1)


def _matrix(rows: list[dict[str, float]], names: list[str]) -> np.ndarray:
    index = {n: i for i, n in enumerate(names)}
    out = np.zeros((len(rows), len(names)))
    for r, row in enumerate(rows):
        for name, value in row.items():
            if name in index:
                out[r, index[name]] = value
    return out


def fit_ranker(groups, l2: float = L2_RANKER) -> dict[str, float]:
    """Conditional logit: maximise sum log P(positives of a quote), Newton steps with backtracking."""
    names = sorted({n for features, *_ in groups for row in features for n in row})
    x = _matrix([row for features, *_ in groups for row in features], names)
    y = np.array([float(v) for _, labels, *_ in groups for v in labels])
    starts = np.cumsum([0] + [len(labels) for _, labels, *_ in groups[:-1]])
    sizes = np.array([len(labels) for _, labels, *_ in groups])
    owner = np.repeat(np.arange(len(groups)), sizes)
    group_weight = np.array([g[3] for g in groups])
    row_weight = group_weight[owner]

    def parts(w):
        s = x @ w
        top = np.maximum.reduceat(s, starts)[owner]
        e = np.exp(s - top)
        total = np.add.reduceat(e, starts)
        positive = np.add.reduceat(e * y, starts)
        loglik = float(group_weight @ (np.log(positive) - np.log(total))) - 0.5 * l2 * float(w @ w)
        return loglik, e / total[owner], (e * y) / positive[owner]

    w = np.zeros(len(names))
    loglik, p, q = parts(w)
    for _ in range(50):
        grad = x.T @ (row_weight * (q - p)) - l2 * w
        ep = np.add.reduceat(x * p[:, None], starts)
        eq = np.add.reduceat(x * q[:, None], starts)
        gw = group_weight[:, None]
        hess = (
            (x.T * (row_weight * (q - p))) @ x
            - eq.T @ (eq * gw)
            + ep.T @ (ep * gw)
            - l2 * np.eye(len(names))
        )
        try:
            step = np.linalg.solve(hess, grad)
        except np.linalg.LinAlgError:
            step = -grad
        if grad @ step > 0:  # not an ascent direction (the Hessian is not concave here)
            step = -grad / (np.abs(grad).max() + 1.0)
        scale = 1.0
        while scale > 1e-4:
            trial = w - scale * step
            new, p2, q2 = parts(trial)
            if np.isfinite(new) and new >= loglik:
                break
            scale /= 2
        else:
            break
        w, loglik, p, q = trial, new, p2, q2
        if np.abs(scale * step).max() < 1e-6:
            break
    return {n: round(float(v), 4) for n, v in zip(names, w, strict=True) if abs(v) > 1e-4}


def source_weights(rows) -> list[float]:
    """Row weights giving each source (PolNeAR, BBC-style) the same total weight, so that the
    confidence means the same on both and the larger set does not swamp the other."""
    counts: dict[str, int] = {}
    for row in rows:
        counts[row[3]] = counts.get(row[3], 0) + 1
    share = len(rows) / len(counts)
    return [share / counts[row[3]] for row in rows]


def fit_logistic(rows, l2: float = L2_CALIBRATION) -> dict[str, float]:
    """Logistic regression of "right" on the features, each source weighted equally."""
    names = sorted({n for row in rows for n in row[0]})
    x = _matrix([row[0] for row in rows], names)
    y = np.array([float(row[1]) for row in rows])
    weight = np.array(source_weights(rows))
    w = np.zeros(len(names))
    penalty = l2 * np.eye(len(names))
    penalty[names.index("bias"), names.index("bias")] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(x @ w)))
        grad = x.T @ (weight * (y - p)) - penalty @ w
        hess = -(x.T * (weight * p * (1 - p))) @ x - penalty
        step = np.linalg.solve(hess - 1e-9 * np.eye(len(names)), grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {n: round(float(v), 4) for n, v in zip(names, w, strict=True) if abs(v) > 1e-4}


def ranker_accuracy(groups, weights) -> float:
    right = 0
    for features, labels, *_ in groups:
        scores = [
            weights.get("bias", 0.0) + sum(weights.get(n, 0.0) * v for n, v in row.items())
            for row in features
        ]
        right += labels[int(np.argmax(scores))]
    return right / len(groups)


def reliability(rows, weights) -> list[tuple[str, int, float]]:
    bands = [(0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 0.95), (0.95, 1.01)]
    scored = []
    for features, right, *_ in rows:
        z = sum(weights.get(n, 0.0) * v for n, v in features.items())
        scored.append((1 / (1 + np.exp(-z)), right))
    out = []
    for low, high in bands:
        band = [r for c, r in scored if low <= c < high]
        out.append(
            (f"{low:.2f}-{min(high, 1):.2f}", len(band), sum(band) / len(band) if band else 0)
        )
    return out


def cross_validated(rows) -> list[tuple[str, int, float]]:
    """Reliability of the calibration when each half of the articles is fitted on the other."""
    files = sorted({row[2] for row in rows})
    halves = [set(files[0::2]), set(files[1::2])]
    out: dict[str, list[int | float]] = {}
    for held in halves:
        fitted = fit_logistic([r for r in rows if r[2] not in held])
        for band, count, accuracy in reliability([r for r in rows if r[2] in held], fitted):
            total = out.setdefault(band, [0, 0.0])
            total[1] += accuracy * count
            total[0] += count
    return [(b, int(c), (s / c if c else 0.0)) for b, (c, s) in out.items()]


def write(
    ranker_weights: dict[str, float],
    calibration: dict[str, float],
    antecedent: dict[str, float],
    notes: list[str],
) -> None:
    lines = [
        '"""Committed model: ranker and calibration coefficients (bench/quotes/train.py writes it).',
        "",
        *notes,
        '"""',
        "",
        "RANKER = {",
        *[f'    "{k}": {v!r},' for k, v in sorted(ranker_weights.items())],
        "}",
        "",
        "CALIBRATION = {",
        *[f'    "{k}": {v!r},' for k, v in sorted(calibration.items())],
        "}",
        "",
        "ANTECEDENT = {",
        *[f'    "{k}": {v!r},' for k, v in sorted(antecedent.items())],
        "}",
        "",
    ]
    WEIGHTS.write_text("\n".join(lines), encoding="utf-8")


@dataclass
class Model:
    """The three sets of coefficients, and what they were fitted on."""

    ranker: dict[str, float]
    antecedent: dict[str, float]
    calibration: dict[str, float]
    quotes: int = 0
    rows: list = field(default_factory=list)  # calibration rows (features, right, file, source)


def install(model: Model | None) -> None:
    """Make attribution use these coefficients (None: no model, the rules alone)."""
    for table, values in (
        (ranker.RANKER, model.ranker if model else {}),
        (antecedents.ANTECEDENT, model.antecedent if model else {}),
        (confidence.CALIBRATION, model.calibration if model else {}),
    ):
        table.clear()
        table.update(values)


def fit(articles, rounds: int = 2, log=print) -> Model:
    """Fit the ranker and antecedent weights (refitting on their own choices), then the
    calibration of the final choices."""
    model = Model({}, {}, {})
    for round_ in range(rounds):
        install(Model(model.ranker, model.antecedent, {}))
        groups, _, pronouns = collect(articles, use_model=bool(model.ranker))
        model.ranker = fit_ranker(groups)
        model.antecedent = fit_ranker(pronouns, l2=L2_PRONOUNS)
        model.quotes = len(groups)
        log(
            f"round {round_ + 1}: {len(groups)} quotes, ranker accuracy "
            f"{ranker_accuracy(groups, model.ranker):.3f}; {len(pronouns)} pronouns, antecedent "
            f"accuracy {ranker_accuracy(pronouns, model.antecedent):.3f}"
        )
    install(Model(model.ranker, model.antecedent, {}))
    _, model.rows, _ = collect(articles, use_model=True)
    model.calibration = fit_logistic(model.rows)
    install(model)
    return model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2, help="ranker refits on its own choices")
    args = parser.parse_args()
    model = fit(development_articles(), args.rounds)
    rows = model.rows
    print(f"calibration rows: {len(rows)}, right {sum(r[1] for r in rows) / len(rows):.3f}")
    print("cross-validated reliability (band, count, accuracy):")
    for band, count, accuracy in cross_validated(rows):
        print(f"  {band}  {count:>6}  {accuracy:.3f}")
    hands = sorted(
        p.name for p in sets.HERE.glob("polnear-pronouns*.json") if ".todo" not in p.name
    )
    notes = [
        f"Fitted on {model.quotes} development quotes (ranker) and {len(rows)} (calibration):",
        "PolNeAR's dev part with the development items of " + ", ".join(hands) + ";",
        ", ".join(sets.BBC_DEVELOPMENT) + "; no held-out article or quote.",
        "Calibration rows of PolNeAR and of BBC-style news weigh the same in all.",
    ]
    write(model.ranker, model.calibration, model.antecedent, notes)
    print(f"wrote {WEIGHTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
